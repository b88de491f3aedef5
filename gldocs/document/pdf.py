"""PDF documents: the text layer as blocks with their layout, redrawn where it stood.

Reader: :mod:`gldocs.document.pdf_layout` reads every glyph with its position, font and
size (pdfplumber), in reading order by position, and groups the lines into blocks (a
wrapped paragraph, a table cell, an address block); each block is one text unit. A PDF
without any text (a scan) is refused, and so is a page that carries only images (a scanned
page inside a text PDF): neither can be checked, so neither may pass. Filled-in form fields
become units too (``form/field{n}``). Repeated header and footer lines are units like the
body (redacted alike) and are listed in ``meta["running_lines"]`` for the report. A unit's
path is ``page{n}/line{m}``: the page and the reading-order line (1-based) where the block
starts.

Writer: nothing of the original file is copied. :mod:`gldocs.document.pdf_redraw` draws
every page anew at its size with the kept words where they stood, ruling lines and cell
fills redrawn, a marker where each removed span began, images replaced by
"[billede udeladt]" (unless kept), neutral metadata.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gldocs.atomic import write_bytes_atomic
from gldocs.document.base import SourceDocument
from gldocs.document.pdf_layout import Layout, read_layout
from gldocs.document.sections import find_client, label_lines
from gldocs.document.units import UNKNOWN, Edit, TextUnit
from gldocs.errors import DocumentError

if TYPE_CHECKING:
    from pypdf import PdfReader

NEUTRAL_TITLE = "Redigeret dokument"
FORM_HEADING = "Udfyldte formularfelter"

# pypdf asks for fontTools only to read some embedded fonts' widths, which gldocs never
# needs (text positions come from pdfplumber); its warning would reach the caseworker.
logging.getLogger("pypdf").setLevel(logging.ERROR)

# Characters a text layer uses that would hide a word from the detectors: ligatures are
# spelled out; soft hyphens, zero-width characters and NULs are dropped.
_SPELL_OUT = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl",
                            "ﬅ": "st", "ﬆ": "st", "\u00a0": " ", "\r": " ", "\t": " ",
                            "\u00ad": None, "\u200b": None, "\u200c": None,
                            "\u200d": None, "\u2060": None, "\ufeff": None, "\x00": None})


def normalise_extracted(line: str) -> str:
    """A line of the text layer as plain words (see :data:`_SPELL_OUT`)."""
    return line.translate(_SPELL_OUT)


@dataclass
class PdfHandle:
    """What the writer needs: the layout and each unit's map from text to glyphs."""

    layout: Layout
    chars: dict[str, list[int | None]] = field(default_factory=dict)
    glued: dict[str, dict[int, tuple[int, int]]] = field(default_factory=dict)
    form: list[str] = field(default_factory=list)  # unit paths of filled-in form fields


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
    for name, entry in fields.items():
        value = entry.get("/V")
        if entry.get("/FT") not in ("/Tx", "/Ch") or value is None:
            continue
        values = value if isinstance(value, list) else [value]
        shown = ", ".join(str(v) for v in values if str(v).strip())
        if shown:
            label = str(entry.get("/TU") or name)
            out.append(normalise_extracted(f"{label}: {shown}"))
    return out


def _check_pages(layout: Layout, path: Path) -> None:
    if not any(layout.segments):
        raise DocumentError(
            f"PDF'en {path} har intet tekstlag (scannet?) og kan ikke redigeres sikkert. "
            "Brug den oprindelige Word-fil, eller få dokumentet genudskrevet som tekst."
        )
    image_only = [p.number for p in layout.pages if not p.segments and p.images]
    if image_only:
        pages = ", ".join(str(n) for n in image_only)
        raise DocumentError(
            f"PDF'en {path} har sider uden tekstlag (side {pages}; scannet?), som ikke kan "
            "redigeres sikkert. Brug den oprindelige Word-fil."
        )


def read_pdf(path: Path) -> SourceDocument:
    """Read a PDF with a text layer into labelled block units (see the module docstring)."""
    path = Path(path)
    reader = _open(path)
    layout = read_layout(path)
    _check_pages(layout, path)
    # label_lines sees the blank lines too: they end a Stamoplysninger block. Repeated
    # header and footer lines stand outside the five parts: they are "unknown" (analysed at
    # the strictest settings) and do not interrupt the part around them.
    seq: list[str] = []
    index: list[int | None] = []
    for block in layout.blocks:
        if layout.segments[block.segments[0]].running:
            index.append(None)
            continue
        if block.gap_before:
            seq.append("")
        index.append(len(seq))
        seq.append(block.text)
    labels = label_lines(seq)
    units: list[TextUnit] = []
    running: list[TextUnit] = []  # units of repeated header/footer lines
    handle = PdfHandle(layout)
    for block, i in zip(layout.blocks, index, strict=True):
        first = layout.segments[block.segments[0]]
        unit_path = f"page{first.page}/line{first.number}"
        section = UNKNOWN if i is None else labels[i]
        (running if i is None else units).append(
            TextUnit(section=section, path=unit_path, text=block.text))
        handle.chars[unit_path] = block.chars
        handle.glued[unit_path] = block.glued
    for i, text in enumerate(_form_fields(reader, path), start=1):
        unit_path = f"form/field{i}"
        units.append(TextUnit(section=UNKNOWN, path=unit_path, text=text))
        handle.form.append(unit_path)
    # the repeated header/footer lines last: a line like "Intern – ikke til videregivelse"
    # in a running header must not read as an internal-notes heading over the body
    units.extend(running)
    name, cpr = find_client(seq)
    repeated = [{"tekst": text, "sider": pages} for text, pages in layout.running]
    return SourceDocument(path=path, kind="pdf", units=units, client_name=name,
                          client_cpr=cpr, handle=handle, meta={"running_lines": repeated})


def redact_pdf(doc: SourceDocument, edits: Mapping[str, Sequence[Edit]],
               banner: str | None = None, *, header: str | None = None,
               keep_images: bool = False) -> Any:
    """The redacted PDF (a :class:`~gldocs.document.pdf_redraw.RedrawResult`)."""
    from gldocs.document.pdf_redraw import plan_removal, redraw
    from gldocs.document.units import apply_edits

    handle: PdfHandle = doc.handle
    removal = plan_removal(handle.layout, handle.chars, handle.glued, edits)
    texts = {u.path: u.text for u in doc.units}
    extra: list[tuple[str, bool]] = []
    if handle.form:
        extra.append((FORM_HEADING, True))
        extra.extend((apply_edits(texts[p], list(edits.get(p, ()))), False)
                     for p in handle.form)
    return redraw(handle.layout, removal, header=header, banner=banner,
                  title=header or NEUTRAL_TITLE, keep_images=keep_images, extra_lines=extra)


def redact_pdf_bytes(doc: SourceDocument, edits: Mapping[str, Sequence[Edit]],
                     banner: str | None = None, *, header: str | None = None,
                     keep_images: bool = False) -> bytes:
    return bytes(redact_pdf(doc, edits, banner, header=header, keep_images=keep_images).data)


def write_pdf(doc: SourceDocument, edits: Mapping[str, Sequence[Edit]], out: Path,
              banner: str | None = None, *, header: str | None = None,
              keep_images: bool = False) -> None:
    """Write the redacted PDF of ``doc`` atomically; its notes go to ``doc.meta``."""
    result = redact_pdf(doc, edits, banner, header=header, keep_images=keep_images)
    doc.meta["output_notes"] = list(result.notes)
    write_bytes_atomic(Path(out), result.data)
