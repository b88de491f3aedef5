"""The layout of a PDF's text layer: glyphs with positions, lines, blocks, rules, images.

pdfplumber (pdfminer.six) reads every glyph with its position, font, size and colour. The
glyphs are grouped into lines by their height on the page and each line is cut into
segments where the gap is wider than a few spaces or a ruling line stands between two
glyphs (table cells, columns). Segments are read in reading order (by position, not by
the order the file draws them: a name drawn back to front is still one name) and grouped
into blocks, the text units the redactor sees:

- a segment set tightly under another, left-aligned with it, continues its block (a
  wrapped line, a name wrapped inside a table cell, an address block); a ``Nøgle:`` line,
  a list item after a sentence, a heading or a change of font size starts a new one;
- a hyphen at a line end between two lower-case letters is a broken word ("adip-" +
  "iscing" is "adipiscing"); the hyphen glyph goes with the word;
- spaces come from the glyphs' gaps, not from the file's text operators, so a word that
  the file draws in pieces ("specif ied") is one word;
- a block that ends a page without ending its sentence goes on at the top of the next.

Repeated header and footer lines (the same text, page numbers aside, among the first or
last lines of at least half the pages) are kept and redacted like the body; they are
listed so the report can name them. Right-to-left lines (Arabic, Hebrew) are read in
logical order for the detectors; Arabic presentation forms and ligatures are spelled out.

Every character of a block's text maps back to the glyph it came from (or to nothing, for
a space between two glyphs), so the writer can put a marker where removed text stood and
leave everything else where it was.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from gldocs.document.sections import heading_section
from gldocs.errors import DocumentError

_SPACE_GAP = 0.2  # a gap wider than this times the font size between two glyphs: a space
_CELL_GAP = 1.6  # wider than this times the size: a new segment (a table cell, a column)
_LINE_TOLERANCE = 0.4  # glyphs whose middles differ by less than this times the size: a line
_LEADING = 1.6  # a line at most this times the size below another continues its block
_INDENT = 0.6  # left edges within this times the size are aligned
_EDGE_LINES = 3  # running headers/footers are sought among a page's first and last lines
_SENTENCE_END = (".", ":", ";", "!", "?")

# Font names of serif faces (drawn with DejaVu Serif, the rest with DejaVu Sans).
_SERIF = re.compile(r"times|serif|georgia|garamond|cambria|minion|palatino|antiqua|"
                    r"baskerville|bodoni|caslon|cmr\d|cmti|cmbx|cmsl|lmroman|nimbusrom|"
                    r"tinos|charter|utopia|constantia|sabon|bembo", re.IGNORECASE)

# A line that starts a new item rather than continuing the previous line's sentence.
# (A key redacted to a marker, "[person]: …", still starts one.)
_LABEL_START = re.compile(r"^\s*[A-ZÆØÅ\[][\wæøåÆØÅ/().,\-\[\] ]{0,40}:(?:\s|$)")
_LIST_START = re.compile(r"^\s*(?:[-•*–▪]\s|\d{1,2}[.)]\s)")
_HYPHENS = "-\u00ad\u2010\u2011"
# Characters that are not text: soft hyphens inside a line, zero-width characters, NUL.
_INVISIBLE = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\x00"}


@dataclass
class Glyph:
    """One glyph drawn on a page (coordinates from the page's top-left, in points)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str
    color: Any = None
    baseline: float = 0.0  # distance of the baseline above the glyph's bottom
    upright: bool = True

    @property
    def bold(self) -> bool:
        return bool(re.search(r"bold|black|heavy|semibold|demi", self.font, re.IGNORECASE))

    @property
    def italic(self) -> bool:
        return bool(re.search(r"italic|oblique|kursiv|cmti|cmsl", self.font, re.IGNORECASE))

    @property
    def serif(self) -> bool:
        return bool(_SERIF.search(self.font)) and not re.search(r"sans", self.font, re.I)


@dataclass
class Segment:
    """A run of glyphs on one line, read left to right (as drawn on the page)."""

    page: int  # 1-based
    number: int  # 1-based reading-order number on its page
    glyphs: list[int]  # indices into the document's glyph list
    text: str = ""
    chars: list[int | None] = field(default_factory=list)  # text offset -> glyph (or space)
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold: bool = False
    running: bool = False


@dataclass
class PageLayout:
    number: int
    width: float
    height: float
    segments: list[int] = field(default_factory=list)  # indices into the segment list
    rules: list[dict[str, Any]] = field(default_factory=list)  # lines, rects and curves
    images: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Block:
    """A text unit: segments read as one paragraph, and its text's map to the glyphs."""

    segments: list[int]
    text: str
    chars: list[int | None]  # text offset -> glyph index (None: a space between glyphs)
    gap_before: bool
    heading: bool
    glued: dict[int, tuple[int, int]] = field(default_factory=dict)  # hyphen -> neighbours


@dataclass
class Layout:
    pages: list[PageLayout]
    glyphs: list[Glyph]
    segments: list[Segment]
    blocks: list[Block]
    running: list[tuple[str, list[int]]]  # (text, pages) of repeated header/footer lines


# ----------------------------------------------------------------------------- reading

def _color(value: Any) -> Any:
    """A pdfplumber colour as a tuple of floats (gray, RGB or CMYK), or None."""
    if value is None:
        return None
    if isinstance(value, int | float):
        return (float(value),)
    if isinstance(value, list | tuple) and value and all(isinstance(v, int | float)
                                                         for v in value):
        return tuple(float(v) for v in value)
    return None


@cache
def _dingbats() -> tuple[str, ...]:
    """ZapfDingbats' codes as Unicode (pdfminer reads them as the letters of the code)."""
    try:
        from pypdf._codecs import _zapfding_encoding

        return tuple(str(ch) for ch in _zapfding_encoding)
    except (ImportError, TypeError):  # pragma: no cover - a pypdf without the table
        return ()


def _glyph(c: dict[str, Any], page_height: float) -> Glyph:
    text = c.get("text") or ""
    font = str(c.get("fontname") or "")
    if font.endswith("ZapfDingbats") and len(text) == 1 and ord(text) < 256 and _dingbats():
        text = _dingbats()[ord(text)]
    size = float(c.get("size") or 0) or float(c["bottom"] - c["top"]) or 10.0
    bottom, top = float(c["bottom"]), float(c["top"])
    baseline = 0.2 * size
    matrix = c.get("matrix")
    if matrix and "y0" in c:
        offset = float(matrix[5]) - float(c["y0"])
        if 0 <= offset <= size:
            baseline = offset
    return Glyph(text=text, x0=float(c["x0"]), x1=float(c["x1"]), top=top,
                 bottom=bottom, size=abs(size), font=font,
                 color=_color(c.get("non_stroking_color")), baseline=baseline,
                 upright=bool(c.get("upright", True)))


def _is_rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


def _cut_positions(page: Any) -> list[tuple[float, float, float]]:
    """Vertical rules (x, top, bottom) that separate table cells."""
    cuts: list[tuple[float, float, float]] = []
    for obj in list(page.lines) + list(page.rects):
        x0, x1 = float(obj["x0"]), float(obj["x1"])
        top, bottom = float(obj["top"]), float(obj["bottom"])
        if obj["object_type"] == "line" and abs(x1 - x0) < 1.0:
            cuts.append(((x0 + x1) / 2, top, bottom))
        elif obj["object_type"] == "rect":
            if x1 - x0 < 2.0:  # a thin rectangle drawn as a rule
                cuts.append(((x0 + x1) / 2, top, bottom))
            elif obj.get("stroke"):  # a stroked cell border
                cuts.extend([(x0, top, bottom), (x1, top, bottom)])
    return cuts


def _lines_of(glyph_ids: list[int], glyphs: Sequence[Glyph]) -> list[list[int]]:
    """Group glyphs into lines by the middles of their heights, each line by x."""
    order = sorted(glyph_ids, key=lambda i: ((glyphs[i].top + glyphs[i].bottom) / 2,
                                              glyphs[i].x0))
    lines: list[tuple[float, float, list[int]]] = []  # (middle, size, glyphs)
    for i in order:
        g = glyphs[i]
        mid = (g.top + g.bottom) / 2
        for n in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            lmid, lsize, members = lines[n]
            if abs(lmid - mid) <= _LINE_TOLERANCE * max(lsize, g.size):
                members.append(i)
                break
        else:
            lines.append((mid, g.size, [i]))
    return [sorted(members, key=lambda i: glyphs[i].x0) for _, _, members in lines]


def _split_segments(line: list[int], glyphs: Sequence[Glyph],
                    cuts: Sequence[tuple[float, float, float]]) -> list[list[int]]:
    out: list[list[int]] = [[]]
    prev: Glyph | None = None
    for i in line:
        g = glyphs[i]
        if prev is not None:
            gap = g.x0 - prev.x1
            size = max(prev.size, g.size)
            mid = (g.top + g.bottom) / 2
            ruled = any(prev.x1 - 0.5 <= x <= g.x0 + 0.5 and top - 1 <= mid <= bottom + 1
                        for x, top, bottom in cuts)
            if gap > _CELL_GAP * size or ruled or not g.upright or not prev.upright:
                out.append([])
        if g.text.strip() or out[-1]:
            out[-1].append(i)
        prev = g
    return [seg for seg in out if seg and any(glyphs[i].text.strip() for i in seg)]


def _segment_text(seg: Segment, glyphs: Sequence[Glyph]) -> None:
    """Fill the segment's text and its map to glyphs (spaces from the gaps)."""
    text: list[str] = []
    chars: list[int | None] = []
    prev: Glyph | None = None
    for i in seg.glyphs:
        g = glyphs[i]
        spelled = unicodedata.normalize("NFKC", g.text)
        spelled = "".join(" " if ch.isspace() else ch for ch in spelled
                          if ch not in _INVISIBLE or (ch == "\u00ad" and i == seg.glyphs[-1]))
        if prev is not None and g.x0 - prev.x1 > _SPACE_GAP * max(prev.size, g.size) \
                and text and text[-1] != " " and not spelled.startswith(" "):
            text.append(" ")
            chars.append(None)
        for ch in spelled:
            if ch == " " and (not text or text[-1] == " "):
                continue
            text.append(ch)
            chars.append(i)
        prev = g
    while text and text[-1] == " ":
        text.pop()
        chars.pop()
    if any(_is_rtl(ch) for ch in text):
        text, chars = _logical_order(text, chars)
    seg.text, seg.chars = "".join(text), chars


def _logical_order(text: list[str], chars: list[int | None]) -> tuple[list[str], list[int | None]]:
    """A right-to-left line drawn left to right, read in logical order.

    The line is reversed, then each run of left-to-right text (digits, Latin words) inside
    it is turned back, as the Unicode bidi algorithm displays a right-to-left paragraph.
    """
    pairs = list(zip(text, chars, strict=True))[::-1]
    out: list[tuple[str, int | None]] = []
    run: list[tuple[str, int | None]] = []

    def ltr(ch: str) -> bool:
        return unicodedata.bidirectional(ch) in ("L", "EN", "AN", "ES", "ET", "CS")

    for n, pair in enumerate(pairs):
        between = (pair[0] == " " and run and n + 1 < len(pairs) and ltr(pairs[n + 1][0]))
        if ltr(pair[0]) or between:
            run.append(pair)
            continue
        out.extend(run[::-1])
        run = []
        out.append(pair)
    out.extend(run[::-1])
    mirror = {"(": ")", ")": "(", "[": "]", "]": "[", "<": ">", ">": "<"}
    return [mirror.get(t, t) for t, _ in out], [c for _, c in out]


def _rules(page: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for obj in list(page.rects) + list(page.lines) + list(page.curves):
        pts = obj.get("pts") or []
        if not pts:
            continue
        out.append({
            "kind": obj["object_type"],
            "x0": float(obj["x0"]), "top": float(obj["top"]),
            "x1": float(obj["x1"]), "bottom": float(obj["bottom"]),
            "pts": [(float(x), float(y)) for x, y in pts],
            "stroke": bool(obj.get("stroke", obj["object_type"] == "line")),
            "fill": bool(obj.get("fill", False)),
            "stroke_color": _color(obj.get("stroking_color")),
            "fill_color": _color(obj.get("non_stroking_color")),
            "width": float(obj.get("linewidth") or 0.0),
        })
    return out


def _images(page: Any) -> list[dict[str, Any]]:
    out = []
    for img in page.images:
        out.append({"x0": float(img["x0"]), "top": float(img["top"]),
                    "x1": float(img["x1"]), "bottom": float(img["bottom"]),
                    "stream": img.get("stream")})
    return out


def read_layout(path: Path | bytes, max_pages: int | None = None) -> Layout:
    """Read the glyphs, rules and images of every page of ``path`` (a file or its bytes)."""
    import io
    import logging

    import pdfplumber

    for name in ("pdfminer", "pdfplumber"):  # English warnings the caseworker cannot act on
        logging.getLogger(name).setLevel(logging.CRITICAL)
    glyphs: list[Glyph] = []
    segments: list[Segment] = []
    pages: list[PageLayout] = []
    try:
        source = io.BytesIO(path) if isinstance(path, bytes) else str(path)
        with pdfplumber.open(source) as pdf:
            for n, page in enumerate(pdf.pages, start=1):
                if max_pages is not None and n > max_pages:
                    break
                layout = PageLayout(n, float(page.width), float(page.height))
                start = len(glyphs)
                glyphs.extend(_glyph(c, layout.height) for c in page.chars)
                ids = [i for i in range(start, len(glyphs)) if glyphs[i].text]
                cuts = _cut_positions(page)
                number = 0
                for line in _lines_of(ids, glyphs):
                    for members in _split_segments(line, glyphs, cuts):
                        number += 1
                        seg = _make_segment(n, number, members, glyphs)
                        layout.segments.append(len(segments))
                        segments.append(seg)
                layout.rules = _rules(page)
                layout.images = _images(page)
                pages.append(layout)
                page.flush_cache()
    except DocumentError:
        raise
    except Exception as exc:  # pdfminer raises many kinds; any of them: cannot read safely
        name = "" if isinstance(path, bytes) else f" {path}"
        raise DocumentError(f"Teksten i PDF'en{name} kan ikke læses ({type(exc).__name__}: "
                            f"{exc}); dokumentet kan ikke redigeres sikkert.") from exc
    running = _mark_running(pages, segments)
    blocks = _blocks(pages, segments, glyphs)
    return Layout(pages, glyphs, segments, blocks, running)


def _make_segment(page: int, number: int, members: list[int],
                  glyphs: Sequence[Glyph]) -> Segment:
    gs = [glyphs[i] for i in members]
    visible = [g for g in gs if g.text.strip()]
    # the size and height of a segment are its visible glyphs': a space drawn in another
    # font or size is not drawn again when the PDF is re-typeset, and reading the output
    # must group its lines as the input's were (redact and scan agree)
    inked = visible or gs
    seg = Segment(page, number, members, x0=min(g.x0 for g in gs), x1=max(g.x1 for g in gs),
                  top=min(g.top for g in inked), bottom=max(g.bottom for g in inked),
                  size=max(g.size for g in inked))
    seg.bold = bool(visible) and all(g.bold for g in visible)
    _segment_text(seg, glyphs)
    return seg


def reading_order_text(layout: Layout) -> list[str]:
    """Per page: the blocks in reading order, then every line read across (cells joined).

    Both views, so a number or a name split over lines, table cells or drawing order is
    whole in one of them (for the leak scan).
    """
    pages: dict[int, list[str]] = {p.number: [] for p in layout.pages}
    for block in layout.blocks:
        first = layout.segments[block.segments[0]]
        pages[first.page].append(block.text)
    for page in layout.pages:
        rows: list[list[Segment]] = []
        for seg in sorted((layout.segments[i] for i in page.segments),
                          key=lambda s: (s.top, s.x0)):
            if rows and abs(rows[-1][0].top - seg.top) <= _LINE_TOLERANCE * seg.size:
                rows[-1].append(seg)
            else:
                rows.append([seg])
        pages[page.number].extend(" ".join(s.text for s in sorted(row, key=lambda s: s.x0))
                                  for row in rows if len(row) > 1)
    return ["\n".join(texts) for _, texts in sorted(pages.items())]


def running_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


def _mark_running(pages: Sequence[PageLayout],
                  segments: Sequence[Segment]) -> list[tuple[str, list[int]]]:
    """Mark repeated header/footer lines; return (text, pages) of each repeated text."""
    if len(pages) < 2:
        return []
    edges: dict[int, list[Segment]] = {}
    for page in pages:
        segs = sorted((segments[i] for i in page.segments if segments[i].text.strip()),
                      key=lambda s: (s.top, s.x0))
        edges[page.number] = segs[:_EDGE_LINES] + segs[-_EDGE_LINES:]
    seen: dict[str, set[int]] = {}
    for number, edge in edges.items():
        for seg in edge:
            seen.setdefault(running_key(seg.text), set()).add(number)
    need = max(2, (len(pages) + 1) // 2)
    repeated = {key for key, on in seen.items() if len(on) >= need}
    found: dict[str, tuple[str, list[int]]] = {}
    for number, edge in edges.items():
        for seg in edge:
            key = running_key(seg.text)
            if key in repeated and not seg.running:
                seg.running = True
                entry = found.setdefault(key, (seg.text, []))
                if number not in entry[1]:
                    entry[1].append(number)
    return list(found.values())


# ----------------------------------------------------------------------------- blocks

def _new_item(prev: str, line: str) -> bool:
    """Does ``line`` start a new item (a ``Nøgle:`` line, or a list item after a sentence)?"""
    if _LABEL_START.match(line):
        return True
    return bool(_LIST_START.match(line)) and prev.rstrip().endswith(_SENTENCE_END)


def _aligned(a: Segment, b: Segment) -> bool:
    return abs(a.x0 - b.x0) <= _INDENT * max(a.size, b.size, 1.0)


def _continues(a: Segment, b: Segment, first_of_block: bool) -> bool:
    """Does segment ``b`` (under ``a`` on the same page) continue ``a``'s block?"""
    step = b.top - a.top
    size = max(a.size, b.size)
    if not 0 < step <= _LEADING * size or abs(a.size - b.size) > 0.6:
        return False
    indent = a.x0 - b.x0
    if not (_aligned(a, b) or (first_of_block and 0 < indent <= 3 * size)):
        return False
    return _same_paragraph(a, b)


def _same_paragraph(a: Segment, b: Segment) -> bool:
    if a.running or b.running or a.bold != b.bold:
        return False
    prev, text = a.text.strip(), b.text.strip()
    if heading_section(prev) is not None or heading_section(text) is not None:
        return False
    return not _new_item(prev, text) and not prev.endswith(":")


def _join_kind(prev: str, nxt: str) -> str:
    """How two lines join: "word" (a hyphenated word), "tight" (no space) or "space"."""
    if len(prev) >= 2 and prev[-1] in _HYPHENS and not prev[-2].isspace() and nxt:
        if prev[-2].islower() and nxt[0].islower():
            return "word"
        return "tight"  # "KSP-" + "regi", "150398-" + "2724"
    return "space"


def _blocks(pages: Sequence[PageLayout], segments: Sequence[Segment],
            glyphs: Sequence[Glyph]) -> list[Block]:
    groups: list[list[int]] = []
    last_body: dict[int, list[int]] = {}  # page -> the group that ends lowest on it
    for page in pages:
        order = sorted(page.segments, key=lambda i: (segments[i].top, segments[i].x0))
        open_groups: list[list[int]] = []
        for i in order:
            seg = segments[i]
            target = None
            for group in reversed(open_groups):
                last = segments[group[-1]]
                if _continues(last, seg, len(group) == 1):
                    target = group
                    break
            if target is None and not seg.running and page.number - 1 in last_body:
                prev = last_body.pop(page.number - 1)
                first_body = not any(not segments[g[0]].running for g in open_groups)
                tail = segments[prev[-1]]
                if first_body and _crosses_page(tail, seg):
                    target = prev
            if target is None:
                target = [i]
                groups.append(target)
            else:
                target.append(i)
            open_groups = [g for g in open_groups if g is not target] + [target]
            open_groups = [g for g in open_groups
                           if seg.top - segments[g[-1]].top <= 3 * max(seg.size, 1.0)
                           or g is target]
        body = [g for g in groups if segments[g[-1]].page == page.number
                and not segments[g[-1]].running]
        if body:
            last_body.pop(page.number - 1, None)
            last_body[page.number] = max(body, key=lambda g: segments[g[-1]].bottom)
    return [_block(n, groups, segments) for n in range(len(groups))]


def _crosses_page(tail: Segment, head: Segment) -> bool:
    """A block ending a page mid-sentence goes on in the first block of the next page."""
    text = tail.text.rstrip()
    return (bool(text) and not text.endswith(_SENTENCE_END) and _aligned(tail, head)
            and abs(tail.size - head.size) <= 0.6 and _same_paragraph(tail, head))


def _block(index: int, groups: Sequence[list[int]], segments: Sequence[Segment]) -> Block:
    group = groups[index]
    text = ""
    chars: list[int | None] = []
    glued: dict[int, tuple[int, int]] = {}
    for n, i in enumerate(group):
        seg = segments[i]
        if n:
            kind = _join_kind(text, seg.text)
            if kind == "word":
                hyphen = chars.pop()
                text = text[:-1]
                if hyphen is not None and chars and chars[-1] is not None and seg.chars:
                    first_char = next((c for c in seg.chars if c is not None), None)
                    if first_char is not None:
                        glued[hyphen] = (chars[-1], first_char)
            elif kind == "space":
                text += " "
                chars.append(None)
        text += seg.text
        chars.extend(seg.chars)
    first = segments[group[0]]
    gap = False
    if index:
        prev = segments[groups[index - 1][-1]]
        gap = (prev.page != first.page or first.top - prev.bottom > 0.8 * first.size
               or prev.top > first.top)
    heading = heading_section(text) is not None
    return Block(list(group), text, chars, gap, heading, glued)


_ARABIC_RUN = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")


def rtl_display(text: str) -> str:
    """Arabic letters drawn left to right (visual order), shaped for display.

    Each run of Arabic characters is turned to logical order, shaped (joined letter forms)
    and turned back; anything else in the text stays as it is.
    """
    if not _ARABIC_RUN.search(text):
        return text
    import arabic_reshaper

    return _ARABIC_RUN.sub(lambda m: str(arabic_reshaper.reshape(m[0][::-1]))[::-1], text)


__all__ = ["Block", "Glyph", "Layout", "PageLayout", "Segment", "read_layout",
           "reading_order_text", "rtl_display", "running_key"]
