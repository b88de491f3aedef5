"""PDF documents: the text layer as paragraph units, and a writer that re-typesets clean.

Reader: pypdf extracts the text layer page by page. A PDF without any text (a scan) is
refused, and so is a page that carries only images (a scanned page inside a text PDF):
neither can be checked, so neither may pass. Lines that a typesetter wrapped are joined
back into paragraphs (by line length and the lines' heights on the page), so a name or a
phone number broken over two lines is one piece of text for the redactor; short lines set
tightly under each other (a table cell, an address block) are joined too, and the writer
restores their line breaks. Filled-in form fields become units too (``form/field{n}``).
Running headers and footers (page numbers, titles repeated on
every page) are left out. A unit's path is ``page{n}/line{m}``: the page and line
(1-based) where the paragraph starts.

Writer: nothing of the original file is copied. The edited text is typeset anew with
reportlab (DejaVu Sans or Bitstream Vera, embedded, so æ ø å work), with neutral
metadata. Hidden text, annotations, form fields, attachments, XMP metadata and the
original streams cannot survive, because none of them is carried over.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from gldocs.atomic import write_bytes_atomic
from gldocs.document.base import SourceDocument
from gldocs.document.sections import find_client, heading_section, label_lines
from gldocs.document.units import UNKNOWN, Edit, TextUnit, apply_edits
from gldocs.errors import DocumentError

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader

NEUTRAL_TITLE = "Redigeret dokument"
FORM_HEADING = "Udfyldte formularfelter"
_FONT, _FONT_BOLD = "GldocsText", "GldocsTextBold"

# A line that starts a new item rather than continuing the previous line's sentence.
_LABEL_START = re.compile(r"^\s*[A-ZÆØÅ][\wæøåÆØÅ/().,\- ]{0,40}:(?:\s|$)")
# A list item ("2. Bolig", "- Jobcenter"): a new item only after a line that ended a
# sentence; after a wrapped line "37. Hun ..." is the end of a phone number.
_LIST_START = re.compile(r"^\s*(?:[-•*–▪]\s|\d{1,2}[.)]\s)")
_SENTENCE_END = (".", ":", ";", "!", "?", ")")
_WRAP_RATIO = 0.6  # a line at least this share of the page's longest line may be wrapped
_MIN_WRAP_WIDTH = 40  # pages with shorter lines than this are taken line by line
_GAP_FACTOR = 1.3  # a blank line: more than this times the page's usual line step …
_BLANK_FACTOR = 1.8  # … and more than this times its wrap leading
_BREAK_FACTOR = 1.25  # more than this times the wrap leading: a new paragraph
_EDGE_LINES = 3  # running headers/footers are sought among a page's first and last lines
_STACK_FACTOR = 1.05  # at most this times the wrap leading: a line set tightly under another


@dataclass(frozen=True)
class _Line:
    page: int  # 1-based
    number: int  # 1-based line number on the page
    text: str
    y: float | None = None  # height on the page where the line starts, when known


@dataclass(frozen=True)
class PdfBlock:
    """One paragraph unit of the source and the layout the writer needs for it."""

    path: str
    gap_before: bool  # a blank line stood before it in the source
    heading: bool
    breaks: tuple[int, ...] = ()  # offsets of spaces that were line breaks in the source
    form: bool = False  # a filled-in form field, typeset after the text


def _open(path: Path) -> PdfReader:
    import pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"PDF'en {path} er krypteret og kan ikke læses.")
        _ = len(reader.pages)
    except DocumentError:
        raise
    except (PdfReadError, OSError, ValueError, KeyError) as exc:
        raise DocumentError(f"Filen {path} er ikke en gyldig PDF: {exc}.") from exc
    return reader


def _page_has_images(page: PageObject) -> bool:
    try:
        return bool(page.images)
    except Exception:  # an unreadable image resource: count it as an image (fail closed)
        return True


# Characters a text layer uses that would hide a word from the detectors: ligatures are
# spelled out; soft hyphens, zero-width characters and NULs are dropped.
_SPELL_OUT = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl",
                            "ﬅ": "st", "ﬆ": "st", "\u00a0": " ", "\r": " ", "\t": " ",
                            "\u00ad": None, "\u200b": None, "\u200c": None,
                            "\u200d": None, "\u2060": None, "\ufeff": None, "\x00": None})


def normalise_extracted(line: str) -> str:
    """A line of the text layer as plain words (see :data:`_SPELL_OUT`)."""
    return line.translate(_SPELL_OUT)


def _page_lines(page: PageObject) -> list[tuple[str, float | None]]:
    """The page's text lines, each with the height (y) at which it starts."""
    out: list[tuple[str, float | None]] = []
    buf: list[str] = []
    y_now: float | None = None

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        nonlocal y_now
        if not text:
            return
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                out.append(("".join(buf), y_now))
                buf.clear()
                y_now = None
            buf.append(piece)
            if piece.strip() and y_now is None:
                y_now = y

    text = page.extract_text(visitor_text=visit) or ""
    out.append(("".join(buf), y_now))
    if "\n".join(t for t, _ in out) != text:  # the visitor saw something else: no heights
        return [(line, None) for line in text.split("\n")]
    return out


def _extract_lines(reader: PdfReader, path: Path) -> list[_Line]:
    lines: list[_Line] = []
    image_only: list[int] = []
    found_text = False
    for n, page in enumerate(reader.pages, start=1):
        try:
            page_lines = _page_lines(page)
        except Exception as exc:
            raise DocumentError(
                f"Teksten på side {n} i PDF'en {path} kan ikke læses ({exc}); "
                "dokumentet kan ikke redigeres sikkert."
            ) from exc
        if any(t.strip() for t, _ in page_lines):
            found_text = True
        elif _page_has_images(page):
            image_only.append(n)
        for m, (line, y) in enumerate(page_lines, start=1):
            lines.append(_Line(n, m, normalise_extracted(line).rstrip(), y))
    if not found_text:
        raise DocumentError(
            f"PDF'en {path} har intet tekstlag (scannet?) og kan ikke redigeres sikkert. "
            "Brug den oprindelige Word-fil, eller få dokumentet genudskrevet som tekst."
        )
    if image_only:
        pages = ", ".join(str(n) for n in image_only)
        raise DocumentError(
            f"PDF'en {path} har sider uden tekstlag (side {pages}; scannet?), som ikke kan "
            "redigeres sikkert. Brug den oprindelige Word-fil."
        )
    return lines


def _line_steps(lines: Sequence[_Line]) -> dict[int, float]:
    """The usual distance between consecutive lines, per page (median)."""
    steps: dict[int, list[float]] = {}
    prev: _Line | None = None
    for ln in lines:
        if not ln.text.strip() or ln.y is None:
            continue
        if prev is not None and prev.page == ln.page and prev.y is not None:
            d = prev.y - ln.y
            if d > 0:
                steps.setdefault(ln.page, []).append(d)
        prev = ln
    return {page: sorted(ds)[len(ds) // 2] for page, ds in steps.items()}


def _wrap_leading(lines: Sequence[_Line], widths: Mapping[int, int]) -> dict[int, float]:
    """Per page, the usual distance between a long line and the line it wraps into.

    The commonest step among wrap candidates (ties: the smaller); a candidate pair further
    apart than that is two paragraphs, not a wrapped line.
    """
    counts: dict[int, dict[float, int]] = {}
    prev: _Line | None = None
    for ln in lines:
        if not ln.text.strip():
            prev = None
            continue
        if (prev is not None and prev.page == ln.page and prev.y is not None
                and ln.y is not None and prev.y > ln.y
                and _continues(prev.text.strip(), ln.text.strip(), widths[ln.page])):
            step = round((prev.y - ln.y) * 2) / 2
            page = counts.setdefault(ln.page, {})
            page[step] = page.get(step, 0) + 1
        prev = ln
    return {page: min(c, key=lambda step: (-c[step], step)) for page, c in counts.items()}


def _paragraph_break(prev: _Line, ln: _Line, leading: Mapping[int, float]) -> bool:
    """More space between the lines than between the page's wrapped lines."""
    if prev.page != ln.page or prev.y is None or ln.y is None or ln.page not in leading:
        return False
    return prev.y - ln.y > _BREAK_FACTOR * leading[ln.page]


def _vertical_gap(prev: _Line, ln: _Line, steps: Mapping[int, float],
                  leading: Mapping[int, float]) -> bool:
    """Is there a blank line (or a jump upwards) between two lines?

    More space than usual between the page's lines, and (when known) clearly more than
    between its wrapped lines.
    """
    if prev.page != ln.page or prev.y is None or ln.y is None or ln.page not in steps:
        return False
    d = prev.y - ln.y
    if d <= 0:
        return True
    return d > _GAP_FACTOR * steps[ln.page] and d > _BLANK_FACTOR * leading.get(ln.page, 0)


def _stacked(prev: _Line, ln: _Line, steps: Mapping[int, float],
             leading: Mapping[int, float]) -> bool:
    """Is ``ln`` set tightly under the short line ``prev`` (a table cell, an address block)?

    Tightly: no further apart than the page's wrapped lines (or, without any, its usual
    line step). Such lines are one unit for the redactor (a name wrapped inside a table
    cell stays one name), and the writer restores the line break.
    """
    if prev.page != ln.page or prev.y is None or ln.y is None or ln.page not in steps:
        return False
    d = prev.y - ln.y
    if not 0 < d <= _STACK_FACTOR * leading.get(ln.page, steps[ln.page]):
        return False
    prev_text, text = prev.text.strip(), ln.text.strip()
    if heading_section(prev_text) is not None or heading_section(text) is not None:
        return False
    return not _new_item(prev_text, text) and not prev_text.endswith(":")


def _new_item(prev: str, line: str) -> bool:
    """Does ``line`` start a new item (a ``Nøgle:`` line, or a list item after a sentence)?"""
    if _LABEL_START.match(line):
        return True
    return bool(_LIST_START.match(line)) and prev.rstrip().endswith(_SENTENCE_END)


def _continues(prev: str, line: str, width: int) -> bool:
    """Does ``line`` continue the paragraph that ``prev`` ended (a wrapped line)?"""
    if width < _MIN_WRAP_WIDTH or len(prev) < _WRAP_RATIO * width:
        return False
    if heading_section(prev) is not None or heading_section(line) is not None:
        return False
    return not _new_item(prev, line)


def _join(prev: str, line: str) -> str:
    """Join a wrapped line; a line ending in a hyphen continues the word or number."""
    if prev.endswith("-") and len(prev) > 1 and not prev[-2].isspace():
        return prev + line  # "KSP-" + "regi", "150398-" + "2724"
    return f"{prev} {line}"


@dataclass
class _Para:
    first: _Line
    text: str
    gap_before: bool
    breaks: list[int]  # offsets of spaces that stand for a line break in the source


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


def running_lines(lines: Sequence[_Line]) -> set[tuple[int, int]]:
    """(page, line) of running headers and footers: the same text (page numbers aside)
    among the first or last few lines of at least half the pages (and at least two)."""
    pages: dict[int, list[_Line]] = {}
    for ln in lines:
        if ln.text.strip():
            pages.setdefault(ln.page, []).append(ln)
    if len(pages) < 2:
        return set()
    edges = {page: ls[:_EDGE_LINES] + ls[-_EDGE_LINES:] for page, ls in pages.items()}
    seen: dict[str, set[int]] = {}
    for page, edge in edges.items():
        for ln in edge:
            seen.setdefault(_running_key(ln.text), set()).add(page)
    need = max(2, (len(pages) + 1) // 2)
    running = {key for key, on in seen.items() if len(on) >= need}
    return {(ln.page, ln.number) for edge in edges.values() for ln in edge
            if _running_key(ln.text) in running}


def paragraphs(lines: Sequence[_Line]) -> list[_Para]:
    """Group the lines into paragraphs (wrapped lines joined, stacked lines kept apart).

    Running headers and footers are left out, so a paragraph goes on across a page break.
    """
    running = running_lines(lines)
    lines = [ln for ln in lines if (ln.page, ln.number) not in running]
    widths: dict[int, int] = {}
    for ln in lines:
        widths[ln.page] = max(widths.get(ln.page, 0), len(ln.text.strip()))
    steps = _line_steps(lines)
    leading = _wrap_leading(lines, widths)
    first_line: dict[int, int] = {}
    last_line: dict[int, int] = {}
    for ln in lines:
        if ln.text.strip():
            first_line.setdefault(ln.page, ln.number)
            last_line[ln.page] = ln.number
    out: list[_Para] = []
    gap = False
    prev: _Line | None = None
    for ln in lines:
        text = ln.text.strip()
        if not text:
            if not first_line.get(ln.page, 0) < ln.number < last_line.get(ln.page, 0):
                continue  # blank lines around a page's text: the paragraph may go on
            gap = bool(out)
            prev = None
            continue
        if prev is not None and _vertical_gap(prev, ln, steps, leading):
            gap, prev = True, None
        if prev is not None and _continues(prev.text.strip(), text, widths[prev.page]) \
                and not _paragraph_break(prev, ln, leading):
            out[-1].text = _join(out[-1].text, text)
        elif prev is not None and _stacked(prev, ln, steps, leading):
            out[-1].breaks.append(len(out[-1].text))
            out[-1].text = f"{out[-1].text} {text}"
        else:
            out.append(_Para(ln, text, gap and bool(out), []))
            gap = False
        prev = ln
    return out


def _form_fields(reader: PdfReader, path: Path) -> list[str]:
    """Filled-in text and choice fields of a PDF form, as ``label: value`` lines.

    Their values are not in the page text, yet the caseworker filled them in: they become
    units (the redactor sees them) and are typeset after the text.
    """
    try:
        fields = reader.get_fields() or {}
    except Exception as exc:
        raise DocumentError(f"Formularfelterne i PDF'en {path} kan ikke læses ({exc}).") \
            from exc
    out: list[str] = []
    for name, field in fields.items():
        value = field.get("/V")
        if field.get("/FT") not in ("/Tx", "/Ch") or value is None:
            continue
        values = value if isinstance(value, list) else [value]
        shown = ", ".join(str(v) for v in values if str(v).strip())
        if shown:
            label = str(field.get("/TU") or name)
            out.append(normalise_extracted(f"{label}: {shown}"))
    return out


def read_pdf(path: Path) -> SourceDocument:
    """Read a PDF with a text layer into labelled paragraph units."""
    path = Path(path)
    reader = _open(path)
    paras = paragraphs(_extract_lines(reader, path))
    # label_lines sees the blank lines too: they end a Stamoplysninger block
    seq: list[str] = []
    index: list[int] = []
    for para in paras:
        if para.gap_before:
            seq.append("")
        index.append(len(seq))
        seq.append(para.text)
    labels = label_lines(seq)
    units: list[TextUnit] = []
    blocks: list[PdfBlock] = []
    for para, i in zip(paras, index, strict=True):
        unit_path = f"page{para.first.page}/line{para.first.number}"
        units.append(TextUnit(section=labels[i], path=unit_path, text=para.text))
        blocks.append(PdfBlock(unit_path, para.gap_before,
                               heading_section(para.text) is not None, tuple(para.breaks)))
    for i, text in enumerate(_form_fields(reader, path), start=1):
        unit_path = f"form/field{i}"
        units.append(TextUnit(section=UNKNOWN, path=unit_path, text=text))
        blocks.append(PdfBlock(unit_path, i == 1, False, form=True))
    name, cpr = find_client(seq)
    return SourceDocument(path=path, kind="pdf", units=units, client_name=name,
                          client_cpr=cpr, handle=blocks)


# --------------------------------------------------------------------------- writer

# Fonts to typeset with, best coverage first: DejaVu Sans (Latin Extended, Greek, Cyrillic:
# names such as Wiśniewska or Yıldırım) when the system has it, else Bitstream Vera from
# reportlab. Characters the font lacks are written as their base letter (ś -> s), never
# dropped silently, so the text layer always says what the page shows.
_FONT_FILES: tuple[tuple[str, str], ...] = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
)
_NO_DECOMPOSITION = {"ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H",
                     "ŧ": "t", "Ŧ": "T", "ß": "ss", "ẞ": "SS", "œ": "oe", "Œ": "OE"}


@cache
def _fonts() -> tuple[str, str, frozenset[int]]:
    """Register the typesetting fonts once: (regular, bold, code points they can show)."""
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    vera = Path(rl_config.__file__).resolve().parent / "fonts"
    choices = [(Path(a), Path(b)) for a, b in _FONT_FILES]
    choices.append((vera / "Vera.ttf", vera / "VeraBd.ttf"))
    regular, bold = next((a, b) for a, b in choices if a.is_file() and b.is_file())
    font = TTFont(_FONT, str(regular))
    pdfmetrics.registerFont(font)
    pdfmetrics.registerFont(TTFont(_FONT_BOLD, str(bold)))
    return _FONT, _FONT_BOLD, frozenset(font.face.charToGlyph)


def printable(text: str, charset: frozenset[int]) -> str:
    """``text`` with every character the font cannot show replaced by its base letter."""
    out: list[str] = []
    for ch in text:
        if ord(ch) in charset or ch in "\n\t ":
            out.append(ch)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch)
                       if not unicodedata.combining(c))
        if base and all(ord(c) in charset for c in base):
            out.append(base)
        else:
            out.append(_NO_DECOMPOSITION.get(ch, "?"))
    return "".join(out)


def typeset_pdf(paras: Sequence[tuple[str, bool, bool]], banner: str | None = None,
                title: str = NEUTRAL_TITLE) -> bytes:
    """A clean PDF of ``(text, gap_before, heading)`` paragraphs, with neutral metadata.

    A newline in ``text`` is a line break inside the paragraph.
    """
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer

    regular, bold, charset = _fonts()
    body = ParagraphStyle("gl-body", fontName=regular, fontSize=10, leading=13.5)
    head = ParagraphStyle("gl-head", parent=body, fontName=bold, fontSize=12,
                          leading=16, spaceBefore=6, spaceAfter=3)
    warn = ParagraphStyle("gl-banner", parent=body, fontName=bold, fontSize=14,
                          leading=18, textColor=colors.HexColor("#C00000"), alignment=1,
                          spaceAfter=10)
    story: list[Flowable] = []
    if banner:
        story.append(Paragraph(escape(printable(banner, charset)), warn))
    for text, gap, heading in paras:
        if gap:
            story.append(Spacer(1, 6))
        markup = escape(printable(text, charset)).replace("\n", "<br/>")
        story.append(Paragraph(markup, head if heading else body))
    if not story:
        story.append(Spacer(1, 1))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm, title=title, author="",
                            subject="", keywords="", creator="gldocs", producer="gldocs",
                            invariant=1)
    doc.build(story)
    return buf.getvalue()


def shift_breaks(breaks: Sequence[int], edits: Sequence[Edit]) -> list[int]:
    """Where the line breaks at ``breaks`` end up after ``edits`` (dropped inside an edit)."""
    out: list[int] = []
    for b in breaks:
        if any(e.start <= b < e.end for e in edits):
            continue
        out.append(b + sum(len(e.replacement) - (e.end - e.start) for e in edits if e.end <= b))
    return out


def _with_breaks(text: str, breaks: Sequence[int]) -> str:
    chars = list(text)
    for b in breaks:
        if 0 <= b < len(chars) and chars[b] == " ":
            chars[b] = "\n"
    return "".join(chars)


def redact_pdf_bytes(doc: SourceDocument, edits: Mapping[str, Sequence[Edit]],
                     banner: str | None = None) -> bytes:
    blocks: list[PdfBlock] = doc.handle
    units = {u.path: u for u in doc.units}
    paras: list[tuple[str, bool, bool]] = []
    in_form = False
    for b in blocks:
        if b.form and not in_form:
            paras.append((FORM_HEADING, True, True))
            in_form = True
        unit_edits = list(edits.get(b.path, ()))
        text = apply_edits(units[b.path].text, unit_edits)
        paras.append((_with_breaks(text, shift_breaks(b.breaks, unit_edits)), b.gap_before,
                      b.heading))
    return typeset_pdf(paras, banner)


def write_pdf(doc: SourceDocument, edits: Mapping[str, Sequence[Edit]], out: Path,
              banner: str | None = None) -> None:
    """Write the redacted text of ``doc`` as a freshly typeset PDF, atomically."""
    write_bytes_atomic(Path(out), redact_pdf_bytes(doc, edits, banner))
