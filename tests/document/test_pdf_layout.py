"""Layout-preserving PDF redaction: reading by position, and pages redrawn where they stood.

Every source PDF is drawn here with reportlab (no binary fixtures).
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.pdfgen.canvas import Canvas

from gldocs.document.io import read_document, write_document
from gldocs.document.pdf_compare import ink_similarity, page_images, page_similarity
from gldocs.document.pdf_redraw import FONT_DIR, IMAGE_MARKER, MISSING_GLYPH, face
from gldocs.document.units import Edit


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (8, 6), (200, 40, 40)).save(buf, format="PNG")
    return buf.getvalue()


def _canvas(path: Path, size: tuple[float, float] = A4) -> Canvas:
    c = Canvas(str(path), pagesize=size, invariant=1)
    c.setFont(face(), 10)
    return c


def _text(path: Path) -> str:
    return "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(str(path)).pages)


def _edits(doc, needles: dict[str, str]) -> dict[str, list[Edit]]:
    out: dict[str, list[Edit]] = {}
    for unit in doc.units:
        for needle, marker in needles.items():
            at = unit.text.find(needle)
            if at >= 0:
                out.setdefault(unit.path, []).append(Edit(at, at + len(needle), marker))
    return out


def test_hyphenated_word_joined_and_intra_word_gaps_closed(tmp_path: Path) -> None:
    src = tmp_path / "ord.pdf"
    c = _canvas(src)
    c.drawString(60, 780, "Klienten har en lang samtale med sin kontakt i adip-")
    c.drawString(60, 766, "iscing om boligen og om KSP-")
    c.drawString(60, 752, "regi og resten af planen.")
    # "specified" drawn in two pieces with a little kerning between them
    c.drawString(60, 700, "Aftalen er specif")
    x = 60 + c.stringWidth("Aftalen er specif", face(), 10) + 0.6
    c.drawString(x, 700, "ied i planen.")
    c.showPage()
    c.save()
    texts = [u.text for u in read_document(src).units]
    joined = next(t for t in texts if t.startswith("Klienten"))
    assert "kontakt i adipiscing om boligen" in joined
    assert "KSP-regi og resten" in joined  # a hyphen before an upper-case word stays
    assert "Aftalen er specified i planen." in texts


def test_reading_order_by_position_not_drawing_order(tmp_path: Path) -> None:
    """The second half of a CPR number drawn first is still one number."""
    src = tmp_path / "orden.pdf"
    c = _canvas(src)
    first = "Søsterens CPR-nr. er 030592-"
    c.drawString(60 + c.stringWidth(first, face(), 10), 780, "2817 og hun bor i Køge.")
    c.drawString(60, 780, first)
    c.showPage()
    c.save()
    doc = read_document(src)
    assert any("030592-2817" in u.text for u in doc.units)
    out = tmp_path / "ud.pdf"
    write_document(doc, _edits(doc, {"030592-2817": "[cpr-nr.]"}), out)
    assert "030592" not in _text(out) and "2817" not in _text(out)
    assert "Søsterens CPR-nr. er [cpr-nr.] og hun bor i Køge." in _text(out)


def test_table_cells_rules_and_page_size_kept(tmp_path: Path) -> None:
    src = tmp_path / "tabel.pdf"
    size = landscape(letter)
    c = _canvas(src, size)
    top = 500
    c.setStrokeColorRGB(0.2, 0.3, 0.6)
    c.setFillColorRGB(0.85, 0.89, 0.95)
    c.rect(60, top - 20, 400, 20, stroke=0, fill=1)  # header fill
    for x in (60, 200, 460):
        c.line(x, top, x, top - 60)
    for y in (top, top - 20, top - 60):
        c.line(60, y, 460, y)
    c.setFillColorRGB(0, 0, 0)
    c.drawString(64, top - 14, "Navn")
    c.drawString(204, top - 14, "Relation")
    c.drawString(64, top - 34, "Ulla")
    c.drawString(64, top - 46, "Kjærgaard")
    c.drawString(204, top - 34, "Nabo")
    c.showPage()
    c.save()
    doc = read_document(src)
    texts = [u.text for u in doc.units]
    assert "Ulla Kjærgaard" in texts and "Nabo" in texts  # a cell is a unit; the rule cuts
    out = tmp_path / "ud.pdf"
    write_document(doc, _edits(doc, {"Ulla Kjærgaard": "[pårørende]"}), out)
    page = pypdf.PdfReader(str(out)).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(size)
    import pdfplumber

    with pdfplumber.open(str(out)) as pdf:
        redrawn = pdf.pages[0]
        assert len(redrawn.lines) + len(redrawn.rects) >= 6  # the grid and the fill
        words = {w["text"]: w for w in redrawn.extract_words()}
    assert words["Relation"]["x0"] == pytest.approx(204, abs=0.5)  # text where it stood
    assert words["[pårørende]"]["x0"] == pytest.approx(64, abs=0.5)
    assert "Kjærgaard" not in _text(out)


def test_images_dropped_with_marker_or_kept_without_metadata(tmp_path: Path) -> None:
    from reportlab.lib.utils import ImageReader

    src = tmp_path / "billede.pdf"
    c = _canvas(src)
    c.drawString(60, 780, "Underskrift:")
    c.drawImage(ImageReader(io.BytesIO(_png())), 60, 680, width=120, height=80)
    c.showPage()
    c.save()
    doc = read_document(src)
    dropped = tmp_path / "uden.pdf"
    write_document(doc, {}, dropped)
    assert IMAGE_MARKER in _text(dropped)
    assert not pypdf.PdfReader(str(dropped)).pages[0].images
    assert any("1 billede udeladt" in n for n in doc.meta["output_notes"])
    kept = tmp_path / "med.pdf"
    write_document(doc, {}, kept, keep_images=True)
    assert IMAGE_MARKER not in _text(kept)
    assert len(pypdf.PdfReader(str(kept)).pages[0].images) == 1


def test_arabic_read_in_logical_order_and_drawn_shaped(tmp_path: Path) -> None:
    import arabic_reshaper
    from bidi import get_display

    name = "محمد"
    src = tmp_path / "arabisk.pdf"
    c = _canvas(src)
    c.drawString(60, 780, "Navn: Jonas Mikkelsen")
    c.drawString(60, 740, get_display(arabic_reshaper.reshape(f"اسم الأخ {name} الآن")))
    c.showPage()
    c.save()
    doc = read_document(src)
    arabic = next(u for u in doc.units if any("\u0600" <= ch <= "\u06ff" for ch in u.text))
    assert name in arabic.text  # logical order, presentation forms spelled out
    out = tmp_path / "ud.pdf"
    write_document(doc, _edits(doc, {name: "[person]"}), out)
    text = _text(out)
    assert "[person]" in text
    assert arabic_reshaper.reshape(name) not in text and name not in text


def test_cjk_without_a_font_is_drawn_as_a_box_and_reported(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3"))
    src = tmp_path / "cjk.pdf"
    c = _canvas(src)
    c.drawString(60, 780, "Navn: Jonas Mikkelsen")
    c.setFont("HeiseiMin-W3", 10)
    c.drawString(60, 760, "山田太郎")
    c.showPage()
    c.save()
    doc = read_document(src)
    assert any("山田太郎" in u.text for u in doc.units)  # the detectors see the real text
    out = tmp_path / "ud.pdf"
    write_document(doc, {}, out)
    assert MISSING_GLYPH * 4 in _text(out)
    assert any("4 tegn kunne ikke vises" in n for n in doc.meta["output_notes"])


def test_rendered_handleplan_redrawn_page_for_page(tmp_path: Path) -> None:
    """The similarity figure per page: the same document ≥ 0.9, a redacted one ≥ 0.75,
    while two different pages of it score well under 0.5."""
    from gldocs.case import load_case
    from gldocs.render import render_document

    samples = Path(__file__).resolve().parents[2] / "samples"
    case = load_case(samples / "afsoner-proeveloesladelse.yaml")
    src = tmp_path / "handleplan.pdf"
    src.write_bytes(render_document(case, "handleplan", "pdf"))
    doc = read_document(src)
    same = tmp_path / "samme.pdf"
    write_document(doc, {}, same)
    assert len(pypdf.PdfReader(str(same)).pages) == len(pypdf.PdfReader(str(src)).pages)
    figures = page_similarity(src, same)
    assert min(figures) >= 0.9, figures
    redacted = tmp_path / "redigeret.pdf"
    name = case.stamoplysninger.navn
    write_document(doc, _edits(doc, {name: "[klient]", "Gellerup": "[sted]"}), redacted,
                   header="Redigeret til Aarhus Kommune efter rhl. §§ 9-10 · 6. december 2026")
    figures = page_similarity(src, redacted)
    assert min(figures) >= 0.75, figures
    images = page_images(src)
    assert ink_similarity(images[0], images[1]) < 0.5
    assert name not in _text(redacted)
    assert "Redigeret til Aarhus Kommune efter rhl. §§ 9-10" in _text(redacted)
    assert pypdf.PdfReader(str(redacted)).metadata.title.startswith("Redigeret til Aarhus")


def test_shipped_font_and_licence() -> None:
    assert (FONT_DIR / "LICENSE.txt").read_text(encoding="utf-8").count("Bitstream") >= 2
    assert all((FONT_DIR / f).is_file() for f in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"))
