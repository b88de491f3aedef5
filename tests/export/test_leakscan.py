"""Leak scan of final bytes: planted leaks in DOCX, PDF and text files are caught, clean
files pass, and the client's own CPR number is never reported."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Text
from pypdf.generic import DecodedStreamObject, NameObject
from reportlab.pdfgen import canvas

from gldocs.errors import DocumentError
from gldocs.export.leakscan import deny_pattern, extract_places, scan, scan_bytes, scan_files
from gldocs.export.places import Place, xml_to_text

CLIENT = "Mads Vinther"
CLIENT_CPR = "070761-4285"
THIRD = "Bent Ravn"
THIRD_CPR = "010198-2724"
DENY = [THIRD, THIRD_CPR]


def leaks_of(data: bytes, name: str, deny: list[str] | None = None) -> list[tuple[str, str, str]]:
    return [(lk.place, lk.kind, lk.text)
            for lk in scan_bytes(data, name, CLIENT_CPR, DENY if deny is None else deny)]


def places_with(leaks: list[tuple[str, str, str]], text: str) -> list[str]:
    return [place for place, _kind, found in leaks if found == text]


# --------------------------------------------------------------------------- DOCX fixtures

def make_docx(build=None) -> bytes:
    doc = Document()
    doc.add_paragraph(f"Handleplan for {CLIENT}, CPR-nr.: {CLIENT_CPR}.")
    doc.add_paragraph("Bolig: kommunen anviser en bolig fra løsladelsen.")
    if build:
        build(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def rewrite_part(docx: bytes, part: str, change) -> bytes:
    """Copy of a DOCX with one part changed (or added when missing)."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        for name in names:
            data = src.read(name)
            dst.writestr(name, change(data.decode()).encode() if name == part else data)
        if part not in names:
            dst.writestr(part, change("").encode())
    return out.getvalue()


def test_clean_docx_passes() -> None:
    assert leaks_of(make_docx(), "handleplan.docx") == []


def test_name_in_core_properties() -> None:
    def build(doc):
        doc.core_properties.author = THIRD
        doc.core_properties.last_modified_by = "Ole"

    leaks = leaks_of(make_docx(build), "handleplan.docx")
    assert places_with(leaks, THIRD) == ["docProps/core.xml"]


def test_cpr_in_footer_and_header() -> None:
    def build(doc):
        doc.sections[0].footer.paragraphs[0].text = f"Sag vedr. CPR {THIRD_CPR}"
        doc.sections[0].header.paragraphs[0].text = "Udskrevet af Bent Ravns sagsbehandler"

    leaks = leaks_of(make_docx(build), "plan.docx", deny=[])
    assert ("word/footer1.xml", "CPR-nummer", THIRD_CPR) in leaks
    assert ("word/header1.xml", "forbudt tekst", "Bent Ravns") in leaks_of(
        make_docx(build), "plan.docx")


def test_text_in_comment() -> None:
    def build(doc):
        para = doc.add_paragraph("Netværk")
        doc.add_comment(para.runs, text="Husk at ringe til Bent Ravn", author="TKS")

    leaks = leaks_of(make_docx(build), "plan.docx")
    assert places_with(leaks, THIRD) == ["word/comments.xml"]


def test_tracked_deletion_alt_text_and_split_runs() -> None:
    deleted = ('<w:p><w:del w:id="9" w:author="TKS" w:date="2026-01-05T10:00:00Z"><w:r>'
               f'<w:delText>{THIRD}</w:delText></w:r></w:del></w:p>')
    split = ('<w:p><w:r><w:t>Kontakt: BE</w:t></w:r><w:r><w:rPr><w:b/></w:rPr>'
             '<w:t xml:space="preserve">NT RA</w:t></w:r><w:proofErr w:type="spellStart"/>'
             '<w:r><w:t>VN</w:t></w:r></w:p>')
    alt = '<wp:docPr id="3" name="Billede 3" descr="Foto af Bent Ravn"/>'

    def planted(snippet: str) -> list[tuple[str, str, str]]:
        docx = rewrite_part(make_docx(), "word/document.xml",
                            lambda xml: xml.replace("<w:body>", "<w:body>" + snippet, 1))
        return leaks_of(docx, "plan.docx")

    assert planted(deleted) == [("word/document.xml", "forbudt tekst", THIRD)]
    assert planted(split) == [("word/document.xml", "forbudt tekst", "BENT RAVN")]
    assert planted(alt) == [("word/document.xml (attributter)", "forbudt tekst", THIRD)]


def test_custom_properties_and_footnotes() -> None:
    custom = ('<?xml version="1.0"?><Properties xmlns:vt="x"><property name="Pårørende">'
              f'<vt:lpwstr>{THIRD}</vt:lpwstr></property></Properties>')
    notes = ('<w:footnotes xmlns:w="x"><w:footnote w:id="1"><w:p><w:r>'
             f'<w:t>Oplyst af datteren, CPR {THIRD_CPR.replace("-", "")}</w:t>'
             '</w:r></w:p></w:footnote></w:footnotes>')
    docx = rewrite_part(make_docx(), "docProps/custom.xml", lambda _x: custom)
    docx = rewrite_part(docx, "word/footnotes.xml", lambda _x: notes)
    leaks = leaks_of(docx, "plan.docx")
    assert ("docProps/custom.xml", "forbudt tekst", THIRD) in leaks
    assert ("word/footnotes.xml", "CPR-nummer", THIRD_CPR.replace("-", "")) in leaks
    assert ("word/footnotes.xml", "forbudt tekst", THIRD_CPR.replace("-", "")) in leaks


def test_hyperlink_target_in_relationships() -> None:
    def change(xml: str) -> str:
        rel = ('<Relationship Id="rId99" Type="http://x/hyperlink" '
               'Target="mailto:bent.ravn@gmail.com" TargetMode="External"/>')
        return xml.replace("</Relationships>", rel + "</Relationships>")

    docx = rewrite_part(make_docx(), "word/_rels/document.xml.rels", change)
    leaks = leaks_of(docx, "plan.docx", deny=["bent.ravn@gmail.com"])
    assert places_with(leaks, "bent.ravn@gmail.com") == [
        "word/_rels/document.xml.rels (attributter)"]


def test_document_variable_in_settings() -> None:
    def change(xml: str) -> str:
        var = f'<w:docVars><w:docVar w:name="Kontakt" w:val="{THIRD}"/></w:docVars>'
        return xml.replace("</w:settings>", var + "</w:settings>")

    docx = rewrite_part(make_docx(), "word/settings.xml", change)
    assert places_with(leaks_of(docx, "plan.docx"), THIRD) == ["word/settings.xml (attributter)"]


def test_xml_elements_do_not_glue_words_together() -> None:
    text, attrs = xml_to_text("<cp:coreProperties><dc:creator>Bent Ravn</dc:creator>"
                              "<cp:lastModifiedBy>Ole</cp:lastModifiedBy></cp:coreProperties>")
    assert "Ravn Ole" in text
    text, _ = xml_to_text("<w:p><w:r><w:t>Be</w:t></w:r><w:r><w:t>nt</w:t></w:r></w:p>"
                          "<w:p><w:r><w:t>Ravn</w:t></w:r></w:p>")
    assert text == "Bent\nRavn"
    assert attrs == ""


def test_broken_docx_is_unreadable() -> None:
    with pytest.raises(DocumentError, match=r"plan\.docx"):
        extract_places(make_docx()[:300], "plan.docx")


# --------------------------------------------------------------------------- PDF fixtures

def make_pdf(lines: list[str], author: str = "Kriminalforsorgen", title: str = "Handleplan"
             ) -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pageCompression=1)
    c.setAuthor(author)
    c.setTitle(title)
    y = 780
    for line in lines:
        c.drawString(72, y, line)
        y -= 16
    c.showPage()
    c.save()
    return out.getvalue()


CLEAN_LINES = [f"Handleplan for {CLIENT}", f"CPR-nr.: {CLIENT_CPR}", "Bolig: anvist fra 1. juni."]


def with_writer(pdf: bytes, change) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_clean_pdf_passes() -> None:
    assert leaks_of(make_pdf(CLEAN_LINES), "handleplan.pdf") == []


def test_text_in_compressed_content_stream() -> None:
    pdf = make_pdf([*CLEAN_LINES, f"Naboen {THIRD}, CPR {THIRD_CPR}"])
    assert THIRD.encode() not in pdf  # compressed: a plain byte search would miss it
    leaks = leaks_of(pdf, "handleplan.pdf")
    assert ("side 1 (tekst)", "forbudt tekst", THIRD) in leaks
    assert ("side 1 (tekst)", "CPR-nummer", THIRD_CPR) in leaks


def test_pdf_info_metadata() -> None:
    pdf = make_pdf(CLEAN_LINES, author=THIRD, title=f"Notat {THIRD_CPR}")
    leaks = leaks_of(pdf, "handleplan.pdf", deny=[THIRD])
    assert ("PDF-metadata /Author", "forbudt tekst", THIRD) in leaks
    assert ("PDF-metadata /Title", "CPR-nummer", THIRD_CPR) in leaks


def test_pdf_xmp_metadata() -> None:
    xmp = ('<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description>'
           f'<dc:creator><rdf:Seq><rdf:li>{THIRD}</rdf:li></rdf:Seq></dc:creator>'
           '<dc:title><rdf:Alt><rdf:li>Notat om S&#248;ren &#198;r&#248;</rdf:li></rdf:Alt>'
           '</dc:title>'
           '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>')

    def change(writer: PdfWriter) -> None:
        stream = DecodedStreamObject()
        stream.set_data(xmp.encode())
        stream[NameObject("/Type")] = NameObject("/Metadata")
        stream[NameObject("/Subtype")] = NameObject("/XML")
        stream = stream.flate_encode()
        writer.root_object[NameObject("/Metadata")] = writer._add_object(stream)

    pdf = with_writer(make_pdf(CLEAN_LINES), change)
    assert THIRD.encode() not in pdf
    leaks = leaks_of(pdf, "handleplan.pdf", deny=[THIRD, "Søren Ærø"])
    assert [p for p in places_with(leaks, THIRD) if p.startswith("XMP-metadata")]
    assert [p for p in places_with(leaks, "Søren Ærø") if p.startswith("XMP-metadata")]


def test_pdf_annotation_outline_and_attachment() -> None:
    def change(writer: PdfWriter) -> None:
        writer.add_annotation(0, Text(rect=(50, 550, 200, 650), text=f"Spørg {THIRD}"))
        writer.add_outline_item(title=f"Om {THIRD}", page_number=0)
        writer.add_attachment("bilag.txt", f"Datterens CPR {THIRD_CPR}".encode())

    leaks = leaks_of(with_writer(make_pdf(CLEAN_LINES), change), "handleplan.pdf", deny=[THIRD])
    places = places_with(leaks, THIRD)
    assert any(p.startswith("side 1, kommentar/annotation") for p in places)
    assert any(p.startswith("PDF-objekt") and "bogmærke" in p for p in places)
    cpr_places = places_with(leaks, THIRD_CPR)
    assert any("vedhæftet fil 'bilag.txt'" in p for p in cpr_places)


def test_pdf_form_field_value() -> None:
    from pypdf.generic import ArrayObject, DictionaryObject, TextStringObject

    def change(writer: PdfWriter) -> None:
        field = DictionaryObject({
            NameObject("/FT"): NameObject("/Tx"),
            NameObject("/T"): TextStringObject("Pårørende"),
            NameObject("/V"): TextStringObject(THIRD),
        })
        ref = writer._add_object(field)
        writer.root_object[NameObject("/AcroForm")] = DictionaryObject(
            {NameObject("/Fields"): ArrayObject([ref])})

    leaks = leaks_of(with_writer(make_pdf(CLEAN_LINES), change), "handleplan.pdf")
    assert [p for p in places_with(leaks, THIRD) if p.endswith("/V")]


def test_old_revision_left_in_incremental_update() -> None:
    original = make_pdf([*CLEAN_LINES, f"Ring til {THIRD}"])
    reader = PdfReader(io.BytesIO(original))
    writer = PdfWriter(reader, incremental=True)
    clean = make_pdf(CLEAN_LINES)
    new_page = PdfReader(io.BytesIO(clean)).pages[0]
    writer.pages[0].replace_contents(new_page.get_contents())
    out = io.BytesIO()
    writer.write(out)
    pdf = out.getvalue()
    assert THIRD not in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    leaks = leaks_of(pdf, "handleplan.pdf")
    assert places_with(leaks, THIRD), "the old content stream is still in the bytes"
    assert all(p.startswith("rå PDF-strøm") for p in places_with(leaks, THIRD))


def test_kerned_strings_are_joined() -> None:
    from gldocs.export.leakscan_pdf import content_strings

    stream = b"BT /F1 12 Tf [(Be)-30(nt Ra)12(vn)] TJ ET BT <4F6C65> Tj ET"
    assert content_strings(stream) == "Bent Ravn\nOle"
    assert content_strings(b"BT (Line\\051 \\(x\\) \\344) Tj ET") == "Line) (x) ä"
    # word-by-word show operators: both readings; strings in dictionaries stay apart
    assert content_strings(b"BT (Bent)Tj 0 -14 Td (Ravn)Tj ET << /A (120394) /B (1763) >>"
                           ) == "BentRavn\nBent Ravn\n120394\n1763"


def test_encrypted_and_broken_pdf_are_unreadable() -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(CLEAN_LINES))))
    writer.encrypt(user_password="hemmelig", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(DocumentError, match="krypteret"):
        extract_places(out.getvalue(), "låst.pdf")
    with pytest.raises(DocumentError, match=r"halv\.pdf"):
        extract_places(b"%PDF-1.4\n1 0 obj", "halv.pdf")


# --------------------------------------------------------------------------- text and names

def test_file_name_is_a_place() -> None:
    leaks = leaks_of(b"intet her", f"Notat om {THIRD}.txt")
    assert leaks == [("filnavn", "forbudt tekst", THIRD)]
    leaks = leaks_of(b"intet her", f"{THIRD_CPR.replace('-', '')}.txt", deny=[])
    assert leaks == [("filnavn", "CPR-nummer", THIRD_CPR.replace("-", ""))]


def test_client_cpr_never_reported_in_any_spelling() -> None:
    text = f"{CLIENT_CPR} / {CLIENT_CPR.replace('-', '')} / 07 07 61 4285 / {CLIENT}"
    assert leaks_of(text.encode(), "plan.txt") == []


def test_text_file_variants() -> None:
    text = ("Kontakt BENT\nRAVN eller Bent Ravn's søster. Datter: 010198 2724.\n"
            "Bentravn er et andet ord.").encode("utf-16")
    leaks = leaks_of(text, "notat.txt")
    assert ("tekst", "forbudt tekst", "BENT\nRAVN") in leaks
    assert ("tekst", "forbudt tekst", "Bent Ravn's") in leaks
    assert ("tekst", "CPR-nummer", "010198 2724") in leaks
    assert not [found for _p, _k, found in leaks if "Bentravn" in found]


@pytest.mark.parametrize(
    ("term", "text", "hit"),
    [
        ("Bo", "Bo Hansen", "Bo"),
        ("Bo", "Bolig og Bos søster", "Bos"),
        ("Bo", "bolig", None),
        ("Lykke", "held og lykke", "lykke"),
        ("010198-2724", "0101982724", "0101982724"),
        ("010198-2724", "01 01 98-2724", "01 01 98-2724"),
        ("010198-2724", "40101982724", None),
        ("28 69 31 52", "tlf. +4528693152", "+4528693152"),
        ("28 69 31 52", "tlf. 2869-3152", "2869-3152"),
        ("28 69 31 52", "konto 1228693152", None),
        ("Ida Lykke Brandt", "IDA  LYKKE\tBRANDTS", "IDA  LYKKE\tBRANDTS"),
        ("bent.ravn@gmail.com", "<Bent.Ravn@Gmail.com>", "Bent.Ravn@Gmail.com"),
        ("Jens", "Jens­en", None),  # soft hyphen removed first: "Jensen" is another word
        ("Kochsgade 31, 3. tv.", "KOCHSGADE 31,3.TV", "KOCHSGADE 31,3.TV"),
        ("Kochsgade 31, 3. tv.", "Kochsgade 31\n3. tv.", "Kochsgade 31\n3. tv"),
        ("Kochsgade 31", "Kochsgade 310", None),
        ("CV 47 219", "reg.nr. CV47219.", "CV47219"),
        ("Bent Ravn", "Bentravn", None),
        ("Bent Ravn", "Bent-Ravn", "Bent-Ravn"),
    ],
)
def test_deny_pattern(term: str, text: str, hit: str | None) -> None:
    pattern = deny_pattern(term)
    assert pattern is not None
    leaks = scan([Place("x", text)], deny=[term])
    assert [lk.text for lk in leaks if lk.kind == "forbudt tekst"] == ([hit] if hit else [])


def test_cpr_glued_to_other_digits_in_extracted_text() -> None:
    leaks = scan([Place("side 1 (tekst)", f"Dato2026{THIRD_CPR} og HP-2026-0142")])
    assert [(lk.kind, lk.text) for lk in leaks] == [("CPR-nummer", THIRD_CPR)]


def test_empty_deny_terms_ignored() -> None:
    assert deny_pattern("  ") is None
    assert scan([Place("x", "tekst")], deny=["", " "]) == []


def test_fallback_duplicates_are_dropped() -> None:
    places = [Place("rå", f"{THIRD_CPR}", fallback=True), Place("side 1", f"{THIRD_CPR}")]
    leaks = scan(places)
    assert [lk.place for lk in leaks] == ["side 1"]
    assert [lk.place for lk in scan([Place("rå", THIRD_CPR, fallback=True)])] == ["rå"]


def test_scan_files(tmp_path: Path) -> None:
    clean = tmp_path / "ren.pdf"
    clean.write_bytes(make_pdf(CLEAN_LINES))
    dirty = tmp_path / "notat.txt"
    dirty.write_text(f"Ring til {THIRD}", encoding="utf-8")
    result = scan_files([clean, dirty], CLIENT_CPR, [THIRD])
    assert result[clean] == []
    assert [(lk.file, lk.place, lk.text) for lk in result[dirty]] == [
        (str(dirty), "tekst", THIRD)]
    with pytest.raises(DocumentError, match="findes ikke"):
        scan_files([tmp_path / "mangler.pdf"], CLIENT_CPR, [])


def test_legacy_8bit_text_file() -> None:
    text = "Notat: ring til Søren Ærø, der bor på Åboulevard 18.\r\n" * 3
    leaks = leaks_of(text.encode("cp1252"), "notat.txt", deny=["Søren Ærø"])
    assert ("tekst", "forbudt tekst", "Søren Ærø") in leaks


def test_unknown_binary_is_read_as_raw_strings() -> None:
    blob = b"\x00\x01\x02" + f"navn={THIRD};".encode() + bytes(range(256))
    leaks = leaks_of(blob, "billede.png")
    assert places_with(leaks, THIRD) == ["binært indhold"]


def test_utf16_custom_xml_part() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("customXml/item1.xml",
                   f'<?xml version="1.0" encoding="UTF-16"?><a><b>{THIRD}</b></a>'.encode("utf-16"))
    leaks = leaks_of(out.getvalue(), "plan.docx")
    assert places_with(leaks, THIRD) == ["customXml/item1.xml"]


def test_malformed_markup_is_read_in_linear_time() -> None:
    import time

    start = time.perf_counter()
    xml_to_text("<a" * 20000)  # quadratic parsing would take tens of seconds here
    from gldocs.export.leakscan_pdf import content_strings

    content_strings(b"(" * 20000 + b"<" * 20000)
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (b"%PDF-1.7\n...", "x.bin", "pdf"),
        (b"junk\n%PDF-1.4\n", "x.pdf", "pdf"),
        (b"Et notat om %PDF-1.4 i teksten", "notat.txt", "txt"),
        (b"PK\x03\x04rest", "x.docx", "zip"),
        (b"From: a@b.dk\r\nSubject: x\r\n\r\nhej", "besked", "eml"),
        (b"hej", "x.eml", "eml"),
        ("Fra: Åse\nTil: kommunen\n".encode(), "notat.txt", "txt"),
        (bytes(range(256)), "x.png", "bin"),
    ],
)
def test_sniff(data: bytes, name: str, kind: str) -> None:
    from gldocs.export.leakscan import sniff

    assert sniff(data, name) == kind


def test_pdf_scanned_in_reading_order_as_well_as_raw(tmp_path: Path) -> None:
    """A CPR number whose second half is drawn first is whole in reading order."""
    from reportlab.pdfgen.canvas import Canvas

    from gldocs.export.leakscan import extract_places, scan_file

    path = tmp_path / "omvendt.pdf"
    c = Canvas(str(path), invariant=1)
    c.setFont("Helvetica", 10)
    first = "Mors CPR-nr. 030592-"
    c.drawString(60 + c.stringWidth(first, "Helvetica", 10), 780, "2817 står i sagen.")
    c.drawString(60, 780, first)
    c.showPage()
    c.save()
    places = extract_places(path)
    ordered = next(p for p in places if p.place == "side 1 (tekst i læserækkefølge)")
    assert "030592-2817" in ordered.text
    assert any(p.place == "side 1 (tekst)" for p in places)  # the raw extraction too
    result = scan_file(path, client_cpr="120394-1763")
    assert any("030592" in lk.text and "2817" in lk.text for lk in result.leaks)
