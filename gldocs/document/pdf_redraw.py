"""Draw a redacted PDF anew, page by page, where the original's text stood.

Nothing of the original file is copied: each page is drawn with reportlab at the original
page size from the layout that :mod:`gldocs.document.pdf_layout` read. Every word that
stays is drawn at its position, in its size, weight and colour (DejaVu Sans, or DejaVu
Serif for a serif original, shipped in ``gldocs/fonts``, stretched to the original word's
width); ruling lines, cell fills and
curves are redrawn; a removed span becomes its marker at the place where it began; an
image becomes a grey box saying "[billede udeladt]" unless the caseworker keeps images,
in which case its pixels are re-encoded (no metadata). The header line (who the copy is
for) and a warning banner go in the top margin of every page. Metadata is neutral apart
from the title, which repeats the header line.

A character no shipped font can draw (CJK, emoji) is drawn as "□" and counted; the
count goes back to the caller so the report can say so (never a silent "?").
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from gldocs.document.pdf_layout import Glyph, Layout, PageLayout, rtl_display
from gldocs.document.units import Edit

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
_FACES = {  # (bold, italic, serif) -> (registered name, file)
    (False, False, False): ("GlDejaVu", "DejaVuSans.ttf"),
    (True, False, False): ("GlDejaVu-Bold", "DejaVuSans-Bold.ttf"),
    (False, True, False): ("GlDejaVu-Oblique", "DejaVuSans-Oblique.ttf"),
    (True, True, False): ("GlDejaVu-BoldOblique", "DejaVuSans-BoldOblique.ttf"),
    (False, False, True): ("GlDejaVuSerif", "DejaVuSerif.ttf"),
    (True, False, True): ("GlDejaVuSerif-Bold", "DejaVuSerif-Bold.ttf"),
    (False, True, True): ("GlDejaVuSerif-Italic", "DejaVuSerif-Italic.ttf"),
    (True, True, True): ("GlDejaVuSerif-BoldItalic", "DejaVuSerif-BoldItalic.ttf"),
}
MISSING_GLYPH = "□"
IMAGE_MARKER = "[billede udeladt]"
_MARKER_FILL = (0.88, 0.88, 0.88)
_MIN_SCALE, _MAX_SCALE = 0.5, 2.0


@cache
def _charsets() -> dict[str, frozenset[int]]:
    """Register the shipped DejaVu faces once; the code points each can draw."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    out: dict[str, frozenset[int]] = {}
    for name, filename in _FACES.values():
        font = TTFont(name, str(FONT_DIR / filename))
        pdfmetrics.registerFont(font)
        out[name] = frozenset(font.face.charToGlyph)
    return out


def fonts() -> frozenset[int]:
    """The code points the regular face (DejaVu Sans, the widest coverage) can draw."""
    return _charsets()[_FACES[False, False, False][0]]


def face(bold: bool = False, italic: bool = False, serif: bool = False,
         text: str = "") -> str:
    """The face for a style; a serif face that lacks a character of ``text`` (Arabic,
    say) gives way to the sans face of the same weight, which has it."""
    name = _FACES[bold, italic, serif][0]
    if serif and text:
        charset = _charsets()[name]
        if any(ord(ch) not in charset for ch in text if not ch.isspace()):
            return _FACES[bold, italic, False][0]
    _charsets()
    return name


@dataclass
class RedrawResult:
    data: bytes
    missing_glyphs: int = 0  # characters drawn as MISSING_GLYPH
    images_dropped: int = 0
    images_kept: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class _Removal:
    removed: set[int] = field(default_factory=set)  # glyph indices not drawn
    markers: dict[int, str] = field(default_factory=dict)  # glyph index -> marker drawn there


def plan_removal(layout: Layout, texts: Mapping[str, Sequence[int | None]],
                 glued: Mapping[str, Mapping[int, tuple[int, int]]],
                 edits: Mapping[str, Sequence[Edit]]) -> _Removal:
    """Which glyphs go and where each marker stands, from the per-unit edits."""
    plan = _Removal()
    for path, unit_edits in edits.items():
        chars = texts.get(path)
        if chars is None:
            continue
        for e in sorted(unit_edits, key=lambda e: e.start):
            hit = [g for g in chars[e.start:e.end] if g is not None]
            plan.removed.update(hit)
            if not e.replacement:
                continue
            anchor = hit[0] if hit else next(
                (g for g in reversed(chars[:e.start]) if g is not None), None)
            if anchor is None:
                anchor = next((g for g in chars[e.end:] if g is not None), None)
            if anchor is not None:
                plan.markers[anchor] = (plan.markers.get(anchor, "") + " " +
                                        e.replacement).strip() if anchor in plan.markers \
                    else e.replacement
        for hyphen, (before, after) in glued.get(path, {}).items():
            if before in plan.removed and after in plan.removed:
                plan.removed.add(hyphen)
    return plan


def _set_color(target: Any, color: Any, stroke: bool = False) -> None:
    """Set a gray, RGB or CMYK colour (black when unknown) on a canvas or text object."""
    color = color if color else (0.0,)
    kind = "Stroke" if stroke else "Fill"
    if len(color) == 1:
        getattr(target, f"set{kind}Gray")(color[0])
    elif len(color) == 3:
        getattr(target, f"set{kind}ColorRGB")(*color)
    elif len(color) == 4:
        getattr(target, f"set{kind}ColorCMYK")(*color)
    else:
        getattr(target, f"set{kind}Gray")(0)


def _set_fill(target: Any, color: Any) -> None:
    _set_color(target, color)


def _set_stroke(target: Any, color: Any) -> None:
    _set_color(target, color, stroke=True)


class _Page:
    """Draws one page; y in the layout counts from the top, in reportlab from the bottom."""

    def __init__(self, canvas: Any, page: PageLayout, charset: frozenset[int]) -> None:
        self.c = canvas
        self.page = page
        self.charset = charset
        self.missing = 0
        self.ops: list[tuple[float, float, str, str, float, float, Any]] = []

    def y(self, top: float) -> float:
        return self.page.height - top

    def rules(self) -> None:
        c = self.c
        for r in self.page.rules:
            if not (r["fill"] or r["stroke"]):
                continue
            c.saveState()
            path = c.beginPath()
            (x, y), *rest = r["pts"]
            path.moveTo(x, self.y(y))
            for x, y in rest:
                path.lineTo(x, self.y(y))
            if r["kind"] == "rect":
                path.close()
            if r["fill"] and r["kind"] != "line":
                _set_fill(c, r["fill_color"])
            if r["stroke"]:
                _set_stroke(c, r["stroke_color"])
                c.setLineWidth(max(r["width"], 0.1))
            c.drawPath(path, stroke=int(r["stroke"]), fill=int(r["fill"] and r["kind"] != "line"))
            c.restoreState()

    def image(self, img: Mapping[str, Any], keep: bool) -> bool:
        """Draw the image (keep) or its marker box; True when the pixels were drawn."""
        x0, x1 = img["x0"], img["x1"]
        top, bottom = img["top"], img["bottom"]
        w, h = max(x1 - x0, 1.0), max(bottom - top, 1.0)
        if keep:
            pil = _pil_image(img.get("stream"))
            if pil is not None:
                from reportlab.lib.utils import ImageReader

                buf = io.BytesIO()
                pil.save(buf, format="PNG")  # pixels only: no EXIF, XMP or comments
                buf.seek(0)
                self.c.drawImage(ImageReader(buf), x0, self.y(bottom), width=w, height=h)
                return True
        c = self.c
        c.saveState()
        c.setFillGray(0.93)
        c.setStrokeGray(0.6)
        c.setLineWidth(0.5)
        c.rect(x0, self.y(bottom), w, h, stroke=1, fill=1)
        from reportlab.pdfbase.pdfmetrics import stringWidth

        size = min(9.0, h * 0.6, 9.0 * (w - 4) / max(stringWidth(IMAGE_MARKER, face(), 9), 1))
        if size >= 3:
            c.setFillGray(0.25)
            c.setFont(face(), size)
            c.drawCentredString(x0 + w / 2, self.y(top + h / 2) - size / 3, IMAGE_MARKER)
        c.restoreState()
        return False

    def drawable(self, text: str, font: str | None = None) -> str:
        """``text`` with each character ``font`` cannot draw as MISSING_GLYPH (counted)."""
        charset = _charsets()[font] if font else self.charset
        out = []
        for ch in text:
            if ord(ch) in charset or ch == " ":
                out.append(ch)
            else:
                self.missing += 1
                out.append(MISSING_GLYPH)
        return "".join(out)

    def word(self, glyphs: Sequence[Glyph], x: float | None = None,
             space_after: bool = True) -> float:
        """Queue glyphs as one word at ``x`` (default: where the first stood); its end.

        A space is drawn after the word (the next word is placed by position anyway), so
        that text extraction sees the words apart whatever font the original used.
        """
        from reportlab.pdfbase.pdfmetrics import stringWidth

        first, last = glyphs[0], glyphs[-1]
        shown = rtl_display("".join(g.text for g in glyphs))
        name = face(first.bold, first.italic, first.serif, shown)
        text = self.drawable(shown, name)
        size = first.size
        natural = float(stringWidth(text, name, size))
        target = last.x1 - first.x0
        scale = min(_MAX_SCALE, max(_MIN_SCALE, target / natural)) if natural > 0 else 1.0
        start = first.x0 if x is None else x
        self.ops.append((start, self.y(first.bottom) + first.baseline,
                         text + (" " if space_after else ""), name, size, scale, first.color))
        return start + natural * scale

    def marker(self, text: str, x: float, size: float, bottom: float, baseline: float,
               room: float) -> float:
        """Queue a marker (shrunk to fit the removed span where it can); its end."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        name = face()
        size = max(size, 4.0)
        natural = float(stringWidth(text, name, size))
        scale = 1.0
        if natural > room > 0:
            scale = max(0.75, room / natural)
        width = natural * scale
        y = self.y(bottom) + baseline
        c = self.c
        c.saveState()
        c.setFillColorRGB(*_MARKER_FILL)
        c.rect(x - 0.5, y - 0.22 * size, width + 1, size * 1.05, stroke=0, fill=1)
        c.restoreState()
        self.ops.append((x, y, text + " ", name, size, scale, (0.1,)))
        return x + width

    def flush_text(self) -> None:
        """Draw the queued words of a line as one text object (one line for extractors)."""
        if not self.ops:
            return
        t = self.c.beginText()
        for x, y, text, name, size, scale, color in self.ops:
            t.setTextOrigin(x, y)
            t.setFont(name, size)
            t.setHorizScale(scale * 100)
            _set_fill(t, color)
            t.textOut(text)
        self.c.drawText(t)
        self.ops = []


def _pil_image(stream: Any) -> Any:
    """The pixels of a PDF image stream as a PIL image, or None when they cannot be had."""
    if stream is None:
        return None
    try:
        from PIL import Image

        filters = [str(f[0]) if isinstance(f, tuple) else str(f)
                   for f in (stream.get_filters() or [])]
        if any("DCT" in f for f in filters):
            return Image.open(io.BytesIO(stream.get_rawdata())).convert("RGB")
        width, height = int(stream["Width"]), int(stream["Height"])
        bits = int(stream.get("BitsPerComponent", 8))
        space = str(stream.get("ColorSpace", ""))
        data = stream.get_data()
        if bits != 8:
            return None
        mode = "RGB" if "RGB" in space else "L" if "Gray" in space else \
            "CMYK" if "CMYK" in space else None
        if mode is None:
            return None
        return Image.frombytes(mode, (width, height), data).convert("RGB")
    except Exception:
        return None


def _segment_words(page: _Page, layout: Layout, seg_index: int, removal: _Removal) -> None:
    """Draw one segment: kept words in place, markers where removals begin."""
    seg = layout.segments[seg_index]
    glyphs = layout.glyphs
    cursor = -1e9
    word: list[Glyph] = []
    ends: list[float] = []

    joined = False  # the previous piece ends inside a word (a change of font, no gap)

    def flush(space: bool = True) -> None:
        nonlocal cursor, word, joined
        if word:
            # pushed right by a longer marker: keep a space's distance to what went before
            gap = 0.0 if joined else 0.28 * word[0].size
            x = None if word[0].x0 >= cursor + gap else cursor + gap
            cursor = page.word(word, x, space)
            joined = not space
            ends.append(cursor)
            word = []

    members = seg.glyphs
    for n, i in enumerate(members):
        g = glyphs[i]
        if i in removal.markers:
            flush()
            span_end = g.x1
            for j in members[n:]:
                if j in removal.removed:
                    span_end = glyphs[j].x1
                elif glyphs[j].text.strip():
                    break
            start = max(g.x0, cursor + (0.25 * g.size if cursor > -1e8 else 0))
            cursor = page.marker(removal.markers[i], start, g.size * 0.9, seg.bottom,
                                 g.baseline, span_end - start)
            joined = False
        if i in removal.removed or not g.text.strip():
            flush()
            continue
        if word:
            prev = word[-1]
            same = (prev.font, prev.size, prev.color) == (g.font, g.size, g.color)
            gap = g.x0 - prev.x1 > 0.2 * max(g.size, prev.size)
            if gap or not same:
                flush(space=gap)
        if word and not g.upright:
            flush()
        word.append(g)
    flush(space=False)  # the line's last word
    page.flush_text()


def redraw(layout: Layout, removal: _Removal, *, header: str | None = None,
           banner: str | None = None, title: str = "Redigeret dokument",
           keep_images: bool = False, extra_lines: Sequence[tuple[str, bool]] = ()) -> RedrawResult:
    """The redacted document as PDF bytes (see the module docstring)."""
    from reportlab.pdfgen.canvas import Canvas

    charset = fonts()
    buf = io.BytesIO()
    c = Canvas(buf, invariant=1, pageCompression=1, initialFontName=face(),
               initialFontSize=10)
    c.setTitle(title)
    c.setAuthor("")
    c.setSubject("")
    c.setKeywords("")
    c.setCreator("gldocs")
    c.setProducer("gldocs")
    result = RedrawResult(b"")
    for page in layout.pages:
        c.setPageSize((page.width, page.height))
        drawer = _Page(c, page, charset)
        drawer.rules()
        for img in page.images:
            if drawer.image(img, keep_images):
                result.images_kept += 1
            else:
                result.images_dropped += 1
        for seg in page.segments:
            _segment_words(drawer, layout, seg, removal)
        _margin_marks(c, page, header, banner)
        result.missing_glyphs += drawer.missing
        c.showPage()
    if extra_lines:
        _extra_page(c, layout.pages[0] if layout.pages else None, extra_lines, header, banner,
                    charset)
    c.save()
    result.data = buf.getvalue()
    if result.missing_glyphs:
        result.notes.append(
            f"{result.missing_glyphs} tegn kunne ikke vises med den medfølgende skrifttype "
            f"(fx kinesisk, japansk eller emoji) og er vist som '{MISSING_GLYPH}'. "
            "Teksten er analyseret som i originalen; kontrollér disse steder.")
    if result.images_dropped:
        n = result.images_dropped
        result.notes.append(f"{n} {'billede' if n == 1 else 'billeder'} udeladt "
                            f"(vist som '{IMAGE_MARKER}').")
    return result


def _margin_marks(c: Any, page: PageLayout, header: str | None, banner: str | None) -> None:
    """The header line (who the copy is for) and the warning banner, in the top margin."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    y = page.height - 11
    for text, red in ((header, False), (banner, True)):
        if not text:
            continue
        name = face(bold=True)
        size = min(7.5, 7.5 * (page.width - 40) / max(stringWidth(text, name, 7.5), 1))
        c.saveState()
        c.setFont(name, size)
        if red:
            c.setFillColorRGB(0.69, 0.0, 0.13)
        else:
            c.setFillColorRGB(0.12, 0.22, 0.39)
        c.drawCentredString(page.width / 2, y, text)
        c.restoreState()
        y -= size + 2


def _extra_page(c: Any, like: PageLayout | None, lines: Sequence[tuple[str, bool]],
                header: str | None, banner: str | None, charset: frozenset[int]) -> None:
    """Text that had no place on the pages (filled-in form fields), on a page of its own."""
    from xml.sax.saxutils import escape

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Frame, Paragraph

    width, height = (like.width, like.height) if like else (595.28, 841.89)
    page = PageLayout(0, width, height)
    c.setPageSize((width, height))
    body = ParagraphStyle("gl-extra", fontName=face(), fontSize=10, leading=13.5)
    head = ParagraphStyle("gl-extra-head", parent=body, fontName=face(bold=True),
                          fontSize=12, leading=16, spaceAfter=4)
    drawer = _Page(c, page, charset)
    story = [Paragraph(escape(drawer.drawable(text)), head if heading else body)
             for text, heading in lines]
    frame = Frame(56, 56, width - 112, height - 112, showBoundary=0)
    frame.addFromList(story, c)
    _margin_marks(c, page, header, banner)
    c.showPage()
