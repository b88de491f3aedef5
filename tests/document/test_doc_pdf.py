"""PDF reader and re-typesetting writer: no removed text in any stream or metadata."""

from __future__ import annotations

from pathlib import Path

import docfmt_fixtures as fx
import pypdf
import pytest

from gldocs.document.io import read_document, write_document
from gldocs.document.pdf import normalise_extracted, read_pdf
from gldocs.errors import DocumentError

REMOVE = {
    fx.SISTER: "[pårørende]",
    fx.FRIEND: "[pårørende]",
    fx.PHONE: "[telefon]",
    fx.MAIL: "[e-mail]",
    fx.HIDDEN: "[person]",
    " ".join(fx.STACKED): "[pårørende]",
}


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    return fx.build_pdf(tmp_path / "handleplan.pdf")


@pytest.fixture()
def redacted(source: Path, tmp_path: Path) -> Path:
    doc = read_document(source)
    out = tmp_path / "ud" / "handleplan-redigeret.pdf"
    write_document(doc, fx.edits_for(doc, REMOVE), out, banner="IKKE TIL VIDEREGIVELSE")
    return out


def test_reader_joins_wrapped_lines_and_labels(source: Path) -> None:
    doc = read_document(source)
    assert doc.kind == "pdf"
    assert (doc.client_name, doc.client_cpr) == (fx.CLIENT, fx.CLIENT_CPR)
    texts = {u.text: u for u in doc.units}
    wrapped = next(u for u in doc.units if u.text.startswith("Jonas bor"))
    assert wrapped.path == "page1/line5"
    assert f"søster {fx.SISTER}, som" in wrapped.text  # the name broken over two lines
    assert f"telefon {fx.PHONE} eller" in wrapped.text
    assert wrapped.text.endswith("i hverdagen.")  # the blank line ends the paragraph
    assert wrapped.section == "beskrivelse"
    assert texts[f"Skjult note: {fx.HIDDEN}"]  # invisible text is text for the redactor
    friend = next(u for u in doc.units if fx.FRIEND in u.text)
    assert friend.path.startswith("page2/") and friend.section == "aarsager"
    assert friend.text.endswith("jævnligt.")
    stacked = next(u for u in doc.units if u.text.startswith(fx.STACKED[0]))
    assert stacked.text == " ".join(fx.STACKED)  # one name for the redactor


def test_stacked_lines_stay_where_they_stood(source: Path, tmp_path: Path) -> None:
    doc = read_document(source)
    stacked = next(u for u in doc.units if u.text.startswith(fx.STACKED[0]))
    assert stacked.path.startswith("page1/")
    out = tmp_path / "ud.pdf"
    write_document(doc, {}, out)
    text, _ = fx.pdf_everything(out)
    assert "\n".join(fx.STACKED) in text  # drawn on two lines, as in the source


def test_leak_check_sees_the_traps(source: Path) -> None:
    """The checks below would catch what the source hides (metadata, annotation)."""
    text, raw = fx.pdf_everything(source)
    assert fx.HIDDEN in text
    assert fx.SISTER in raw and fx.ALT_NAME in raw and fx.CUSTOM_NAME in raw


def test_no_removed_text_anywhere(redacted: Path) -> None:
    text, raw = fx.pdf_everything(redacted)
    flat = " ".join(text.split())
    assert "søster [pårørende]" in flat  # the marker where the name began (line 1) …
    assert ", som kan træffes på telefon [telefon] eller" in flat  # … the rest in place
    assert "IKKE TIL VIDEREGIVELSE" in flat
    assert "Navn: Jonas Mikkelsen" in flat
    for gone in [*REMOVE, fx.ALT_NAME, fx.CUSTOM_NAME, "Camilla", "Mikkelsen77", "Bendtsen"]:
        assert gone not in flat, gone
        assert gone not in raw, gone


def test_metadata_neutral_and_no_extras(redacted: Path) -> None:
    reader = pypdf.PdfReader(str(redacted))
    meta = reader.metadata
    assert meta is not None and meta.title == "Redigeret dokument"
    assert len(reader.pages) == 2
    assert not meta.author and not meta.subject
    root = reader.trailer["/Root"]
    for key in ("/AcroForm", "/Names", "/Metadata", "/OpenAction"):
        assert key not in root
    assert all("/Annots" not in page for page in reader.pages)
    fonts = {str(f.get("/BaseFont")) for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}
    assert fonts and all("DejaVu" in f for f in fonts)  # the shipped, embedded TrueType


def test_pdf_to_txt_and_refused_combination(source: Path, tmp_path: Path) -> None:
    doc = read_document(source)
    out = tmp_path / "plan.txt"
    write_document(doc, fx.edits_for(doc, REMOVE), out)
    text = out.read_text(encoding="utf-8")
    assert "sin søster [pårørende], som" in text and fx.SISTER not in text
    with pytest.raises(DocumentError, match="kan ikke skrives som"):
        write_document(doc, {}, tmp_path / "plan.docx")


def test_scanned_pdf_refused(tmp_path: Path) -> None:
    scan = fx.build_scanned_pdf(tmp_path / "scannet.pdf")
    with pytest.raises(DocumentError, match="intet tekstlag") as info:
        read_document(scan)
    assert info.value.exit_code == 2
    mixed = fx.build_scanned_pdf(tmp_path / "blandet.pdf", with_text_page=True)
    with pytest.raises(DocumentError, match=r"side 2; scannet"):
        read_pdf(mixed)


def test_broken_pdf_refused(tmp_path: Path) -> None:
    bad = tmp_path / "ødelagt.pdf"
    bad.write_bytes(b"%PDF-1.4\nnot really")
    with pytest.raises(DocumentError):
        read_document(bad)


def test_extracted_text_normalised() -> None:
    assert normalise_extracted("So\ufb01e Lar\u00adsen\u200b\u00a0tlf.") == "Sofie Larsen tlf."


def test_encrypted_pdf_refused(source: Path, tmp_path: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=str(source))
    writer.encrypt(user_password="hemmelig", owner_password="ejer")
    locked = tmp_path / "låst.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(DocumentError, match="krypteret"):
        read_document(locked)


def test_running_headers_kept_listed_and_paragraph_spans_pages(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    body = [
        ["Navn: Jonas Mikkelsen", "",
         "Jonas har god kontakt til familien, og især til sin søster, som hedder Camilla"],
        ["Mikkelsen og bor i Køge, hvor hun arbejder som sygeplejerske på hospitalet.",
         "Jonas har tidligere domme for tyveri og er motiveret for at få et arbejde."],
    ]
    path = tmp_path / "sidehoved.pdf"
    c = Canvas(str(path), pagesize=A4, invariant=1)
    for n, lines in enumerate(body, start=1):
        fx._vera(c)
        c.drawString(60, 820, "Fortroligt · Handleplan HP-2026-0001")
        y = 780
        for line in lines:
            c.drawString(60, y, line)
            y -= 14
        c.drawString(60, 30, f"Side {n} af {len(body)}")
        c.showPage()
    c.save()
    doc = read_document(path)
    texts = [u.text for u in doc.units]
    # kept as units of their own (redacted like the body), never joined to it …
    assert texts.count("Fortroligt · Handleplan HP-2026-0001") == 2
    assert "Side 1 af 2" in texts and "Side 2 af 2" in texts
    # … and listed for the report
    assert doc.meta["running_lines"] == [
        {"tekst": "Fortroligt · Handleplan HP-2026-0001", "sider": [1, 2]},
        {"tekst": "Side 1 af 2", "sider": [1, 2]},
    ]
    assert any("søster, som hedder Camilla Mikkelsen og bor i Køge" in t for t in texts)


def test_filled_form_fields_are_units(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "formular.pdf"
    c = Canvas(str(path), invariant=1)
    fx._vera(c)
    c.drawString(60, 800, f"Navn: {fx.CLIENT}")
    c.drawString(60, 780, "Pårørende:")
    c.acroForm.textfield(name="paaroerende", tooltip="Pårørende", x=150, y=770, width=200,
                         height=20, value=fx.SISTER)
    c.showPage()
    c.save()
    doc = read_document(path)
    field = next(u for u in doc.units if u.path == "form/field1")
    assert field.text == f"Pårørende: {fx.SISTER}" and field.section == "unknown"
    out = tmp_path / "ud.pdf"
    write_document(doc, fx.edits_for(doc, {fx.SISTER: "[pårørende]"}), out)
    text, raw = fx.pdf_everything(out)
    assert "Udfyldte formularfelter" in text and "Pårørende: [pårørende]" in text
    assert fx.SISTER not in text and fx.SISTER not in raw
