"""The PDF toolbox for gldocs documents: fonts, styles, page frame and flowable helpers.

Everything here is layout; the words come from the template context (see ``context.py``).
The font is Bitstream Vera, shipped inside reportlab, embedded as TrueType so æ ø å
render everywhere and the text stays searchable; no system font is used.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from gldocs.dates import MAANEDER

FONT = "GlVera"
FONT_BOLD = "GlVera-Bold"
FONT_ITALIC = "GlVera-Italic"
FONT_BOLD_ITALIC = "GlVera-BoldItalic"

_FONT_FILES = {
    FONT: "Vera.ttf",
    FONT_BOLD: "VeraBd.ttf",
    FONT_ITALIC: "VeraIt.ttf",
    FONT_BOLD_ITALIC: "VeraBI.ttf",
}

ACCENT = colors.HexColor("#1F3864")
BANNER_RED = colors.HexColor("#B00020")
HEADER_FILL = colors.HexColor("#D9E2F3")
GRID = colors.HexColor("#8EAADB")
GREY = colors.HexColor("#404040")

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 25 * mm
MARGIN_BOTTOM = 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
CELL_PAD = 4
MAX_COLUMN_SHARE = 0.4


@cache
def register_fonts() -> str:
    """Register the Vera TrueType family (once) and return the family name."""
    font_dir = Path(reportlab.__file__).resolve().parent / "fonts"
    for name, filename in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(font_dir / filename)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    return FONT


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("Brødtekst", fontName=FONT, fontSize=9.5, leading=13,
                          spaceAfter=4)
    named = {
        "body": body,
        "title": ParagraphStyle("Titel", parent=body, fontName=FONT_BOLD, fontSize=18,
                                leading=22, textColor=ACCENT, spaceBefore=10, spaceAfter=6),
        "subtitle": ParagraphStyle("Undertitel", parent=body, fontSize=10, leading=14,
                                   textColor=GREY, spaceAfter=10),
        "h1": ParagraphStyle("Overskrift 1", parent=body, fontName=FONT_BOLD, fontSize=13,
                             leading=17, textColor=ACCENT, spaceBefore=12, spaceAfter=6,
                             keepWithNext=1),
        "h2": ParagraphStyle("Overskrift 2", parent=body, fontName=FONT_BOLD, fontSize=10.5,
                             leading=14, textColor=ACCENT, spaceBefore=8, spaceAfter=3,
                             keepWithNext=1),
        "h3": ParagraphStyle("Overskrift 3", parent=body, fontName=FONT_BOLD_ITALIC,
                             fontSize=9.5, leading=13, textColor=ACCENT, spaceBefore=5,
                             spaceAfter=2, keepWithNext=1),
        "line": ParagraphStyle("Linje", parent=body, spaceAfter=0),
        "field": ParagraphStyle("Felt", parent=body, spaceAfter=2),
        "cell": ParagraphStyle("Celle", parent=body, fontSize=8, leading=10.5, spaceAfter=0),
        "cell_head": ParagraphStyle("Celleoverskrift", parent=body, fontName=FONT_BOLD,
                                    fontSize=8, leading=10.5, spaceAfter=0),
        "note": ParagraphStyle("Bemærkning", parent=body, fontName=FONT_BOLD,
                               borderColor=ACCENT, borderWidth=0.8, borderPadding=6,
                               backColor=colors.HexColor("#F2F5FB"), spaceBefore=8,
                               spaceAfter=10),
        "banner": ParagraphStyle("Banner", parent=body, fontName=FONT_BOLD, fontSize=14,
                                 leading=18, alignment=TA_CENTER, textColor=BANNER_RED,
                                 borderColor=BANNER_RED, borderWidth=1.5, borderPadding=6,
                                 spaceAfter=14),
    }
    for level in ("h2", "h3"):  # table titles: the table itself may split over pages
        named[f"{level}_table"] = ParagraphStyle(f"{named[level].name} (tabel)",
                                                 parent=named[level], keepWithNext=0)
    return named


def markup(text: str) -> str:
    """Case text as reportlab paragraph markup: escaped, line breaks kept."""
    return escape(text).replace("\n", "<br/>")


def para(text: str, style: str = "body") -> Paragraph:
    return Paragraph(markup(text), styles()[style])


def field(label: str, value: str) -> Paragraph:
    """``Label: value`` on one line, label in bold (the redactor reads plans by labels)."""
    return Paragraph(f"<b>{markup(label)}</b> {markup(value)}", styles()["field"])


# Pieces a table cell must not break inside: a Danish date, a phone number, "kl. 10.00".
_KEEP_TOGETHER = re.compile(
    rf"\b\d{{1,2}}\. (?:{'|'.join(MAANEDER)}) \d{{4}}\b"
    r"|(?:\+\d{2} )?\b\d{2} \d{2} \d{2} \d{2}\b"
    r"|\bkl\. \d{1,2}[.:]\d{2}\b"
    # a paragraph sign and its number, and "stk. 2", "pkt. 16", "nr. 1" (Danish usage)
    r"|§§? \d+\b|\b(?:stk|pkt|nr)\. \d+\b")


def keep_together(text: str) -> str:
    """Spaces inside dates, phone numbers and "§ 5"/"stk. 2" made non-breaking (they wrap
    as one word)."""
    return _KEEP_TOGETHER.sub(lambda m: m[0].replace(" ", "\u00a0"), text)


def _words(text: str) -> list[str]:
    """Words as the table wraps them: split at ordinary spaces, not at non-breaking ones."""
    return [w for w in re.split(r"[ \t\n]+", text) if w]


# A slash between letters in a column heading ("Behov/prioritet") may end a line.
_HEAD_SLASH = re.compile(r"(?<=[^\W\d_])/(?=[^\W\d_])")


def _head_words(text: str) -> list[str]:
    """A heading's words as it may wrap: at spaces, and after a slash between letters."""
    return [part for w in _words(text) for part in _HEAD_SLASH.sub("/\n", w).split("\n")]


def _head_markup(text: str, width: float) -> str:
    """A column heading; a word too wide for its column breaks after its slash."""
    style = styles()["cell_head"]
    room = width - 2 * CELL_PAD - 1

    def fit(m: re.Match[str]) -> str:
        word = m[0]
        if pdfmetrics.stringWidth(word, style.fontName, style.fontSize) <= room:
            return markup(word)
        return "/<br/>".join(markup(part) for part in _HEAD_SLASH.split(word))

    return re.sub(r"[^ \t\n]+", fit, text)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]],
          widths: Sequence[float]) -> Table:
    """A wrapped, gridded table with a repeated bold header row; widths are fractions."""
    rows = [[keep_together(c) for c in row] for row in rows]
    points = column_widths(headers, rows, widths)
    head = [Paragraph(_head_markup(h, w), styles()["cell_head"])
            for h, w in zip(headers, points, strict=True)]
    body = [[Paragraph(markup(c), styles()["cell"]) for c in row] for row in rows]
    tbl = _RowSplitTable([head, *body], colWidths=points, repeatRows=1, hAlign="LEFT")
    tbl.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return tbl


# The height of the page's text frame (SimpleDocTemplate's frame has 6 pt padding).
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - 12


class _RowSplitTable(Table):  # type: ignore[misc]  # reportlab is untyped
    """A table that splits over pages between rows, and inside a row only on a fresh page
    (a row taller than a whole page). Splitting inside a row anywhere would let the rest
    of a table, just split at a row, split again in the space left on the same page: a
    stray repeated header row mid-page above half a row."""

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        self.splitInRow = int(availHeight >= FRAME_HEIGHT - 1)
        return list(super().split(availWidth, availHeight))


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[str]],
                  fractions: Sequence[float]) -> list[float]:
    """Widths in points from the content: proportional to ``fractions``, but wide enough
    that no word (an e-mail address, a long Danish compound, a heading's part up to its
    slash) has to be split, as far as the page allows."""
    cell = styles()["cell"]
    head = styles()["cell_head"]

    def longest(words: Iterable[str], font: str, size: float) -> float:
        return max((pdfmetrics.stringWidth(w, font, size) for w in words), default=0.0)

    # a freak word (a pasted link) may not take the table: it is split instead
    cap = MAX_COLUMN_SHARE * CONTENT_WIDTH
    pad = 2 * CELL_PAD + 1
    minimum = [
        min(cap, max(longest(_head_words(h), head.fontName, head.fontSize),
                     longest((w for r in rows for w in _words(r[i])),
                             cell.fontName, cell.fontSize)) + pad)
        for i, h in enumerate(headers)
    ]
    # When not every long word fits, dates and phone numbers (kept together) still do, and
    # the fewest columns give way: the one with the most to give first, so that one long
    # word is split rather than a word in every column.
    hard = [min(cap, longest((w for r in rows for w in _words(r[i]) if "\u00a0" in w),
                             cell.fontName, cell.fontSize) + pad) for i in range(len(headers))]
    excess = sum(minimum) - CONTENT_WIDTH
    give = [m - h for m, h in zip(minimum, hard, strict=True)]
    for i in sorted(range(len(give)), key=lambda i: -give[i]):
        if excess <= 0:
            break
        take = min(excess, give[i])
        minimum[i] -= take
        excess -= take
    total = sum(fractions)
    widths = [CONTENT_WIDTH * f / total for f in fractions]
    for _ in range(len(widths)):
        short = [i for i, w in enumerate(widths) if w < minimum[i]]
        if not short:
            break
        deficit = sum(minimum[i] - widths[i] for i in short)
        for i in short:
            widths[i] = minimum[i]
        donors = [i for i in range(len(widths)) if i not in short and widths[i] > minimum[i]]
        slack = sum(widths[i] - minimum[i] for i in donors)
        if slack <= 0:
            break
        take = min(deficit, slack)
        for i in donors:
            widths[i] -= take * (widths[i] - minimum[i]) / slack
    scale = CONTENT_WIDTH / sum(widths)
    return [w * scale for w in widths] if scale < 1 else widths


def spacer(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """Canvas that knows the page count when pages are finished ("Side X af Y")."""

    footer_text = "Side {side} af {sider}"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(FONT, 8)
            self.setFillColor(GREY)
            self.drawRightString(PAGE_WIDTH - MARGIN_X, MARGIN_BOTTOM / 2,
                                 self.footer_text.format(side=self._pageNumber, sider=total))
            super().showPage()
        super().save()


class _OutlinedDocTemplate(SimpleDocTemplate):  # type: ignore[misc]
    """Adds a PDF outline (bookmarks) entry for every top-level heading."""

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Paragraph) and flowable.style.name == styles()["h1"].name:
            self._outline_entries = getattr(self, "_outline_entries", 0) + 1
            key = f"del{self._outline_entries}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.getPlainText(), key, level=0)


def build_pdf(story: list[Flowable], *, title: str, header_left: str, header_right: str,
              footer_left: str, banner: str, author: str, subject: str) -> bytes:
    """Lay out ``story`` on A4 with the confidential header and page numbers.

    Metadata is set deliberately: the given title, author and subject, fixed creator and
    producer, no keywords. ``invariant`` keeps the bytes stable (no timestamps or random ids).
    """
    register_fonts()
    buf = io.BytesIO()

    def on_page(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        top = PAGE_HEIGHT - 12 * mm
        # the mark ("Redigeret til … Kommune efter …") is never cut: shrunk to the width
        # if need be; the title goes on the line above when both do not fit side by side
        left_width = pdfmetrics.stringWidth(header_left, FONT_BOLD, 9)
        left_size = min(9.0, 9.0 * CONTENT_WIDTH / left_width) if left_width else 9.0
        canvas.setFont(FONT_BOLD, left_size)
        canvas.setFillColor(BANNER_RED)
        canvas.drawString(MARGIN_X, top, header_left)
        canvas.setFont(FONT, 8)
        canvas.setFillColor(GREY)
        used = left_width * left_size / 9.0 + 4 * mm
        side_by_side = used + pdfmetrics.stringWidth(header_right, FONT, 8) <= CONTENT_WIDTH
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top if side_by_side else top + 4 * mm,
                               header_right)
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, top - 2.5 * mm, PAGE_WIDTH - MARGIN_X, top - 2.5 * mm)
        if banner:  # on its own line under the rule, shrunk to fit the width
            size = min(9.0, 9.0 * CONTENT_WIDTH / pdfmetrics.stringWidth(banner, FONT_BOLD, 9))
            canvas.setFont(FONT_BOLD, size)
            canvas.setFillColor(BANNER_RED)
            canvas.drawCentredString(PAGE_WIDTH / 2, top - 7 * mm, banner)
        canvas.setFont(FONT, 8)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN_X, MARGIN_BOTTOM / 2, footer_left)
        canvas.restoreState()

    doc = _OutlinedDocTemplate(
        buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=title, author=author, subject=subject,
        creator="gldocs", producer="gldocs (reportlab)", keywords=[], lang="da-DK",
        invariant=1, initialFontName=FONT, initialFontSize=9.5,  # never Helvetica
    )
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=_NumberedCanvas)
    return buf.getvalue()
