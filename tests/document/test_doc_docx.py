"""DOCX reader and in-place writer: formatting kept, nothing removed left in any part."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docfmt_fixtures as fx
import docx
import pytest

from gldocs.document.docx import read_docx
from gldocs.document.io import read_document, write_document
from gldocs.document.units import Edit
from gldocs.errors import DocumentError

REMOVE = {
    fx.SISTER: "[pårørende]",
    fx.FRIEND: "[pårørende]",
    fx.PHONE: "[telefon]",
    fx.FOOTER_CPR: "[cpr-nr.]",
    fx.FIELD_NAME: "[person]",
    fx.MAIL: "[e-mail]",
}
# Text that is not shown in the document body but hides in the package.
PACKAGE_ONLY = [fx.HIDDEN, fx.DELETED, fx.ALT_NAME, fx.CUSTOM_NAME, "mailto:", "AUTHOR"]


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    return fx.build_docx(tmp_path / "handleplan.docx")


@pytest.fixture()
def redacted(source: Path, tmp_path: Path) -> Path:
    doc = read_document(source)
    out = tmp_path / "ud" / "handleplan-redigeret.docx"
    write_document(doc, fx.edits_for(doc, REMOVE), out, banner="IKKE TIL VIDEREGIVELSE")
    return out


def test_reader_units_sections_and_client(source: Path) -> None:
    doc = read_document(source)
    assert doc.kind == "docx"
    assert (doc.client_name, doc.client_cpr) == (fx.CLIENT, fx.CLIENT_CPR)
    by_text = {u.text: u for u in doc.units}
    split = next(u for u in doc.units if fx.SISTER in u.text and u.path.startswith("word/doc"))
    assert split.section == "beskrivelse"
    assert "tlf. 22 33 44 55" in split.text  # runs joined across their boundaries
    assert by_text["Birthe Holm (nabo)"].section == "beskrivelse"  # table cell
    assert by_text["3. Årsager til kriminalitet"].section == "aarsager"
    assert by_text["Kontaktperson: ingen"]  # insertion accepted, deletion left out
    assert by_text["Netværk: se nedenfor."]  # hidden text left out
    parts = {u.path.split("#")[0] for u in doc.units}
    assert {"word/header1.xml", "word/footer1.xml", "word/comments.xml"} <= parts
    assert all(u.section == "unknown" for u in doc.units if not u.path.startswith("word/doc"))
    assert not any(fx.HIDDEN in u.text or fx.DELETED in u.text for u in doc.units)


def test_no_removed_text_in_any_part(source: Path, redacted: Path) -> None:
    before = fx.all_parts_text(source)
    assert any(fx.ALT_NAME in text for name, text in before.items() if "media" in name)
    parts = fx.all_parts_text(redacted)
    for name, text in parts.items():
        for gone in [*REMOVE, *PACKAGE_ONLY, "Mikkel", "Birthe"]:
            assert gone not in text, f"{gone!r} left in {name}"
        assert "Holm" not in text or name.endswith(".rels"), name
    assert "word/comments.xml" not in parts
    assert not any(n.startswith("customXml/") or n == "docProps/custom.xml" for n in parts)


def test_formatting_and_text_kept(redacted: Path) -> None:
    d = docx.Document(str(redacted))
    texts = [p.text for p in d.paragraphs]
    assert texts[0] == "IKKE TIL VIDEREGIVELSE"
    assert d.paragraphs[0].runs[0].bold
    assert "Navn: Jonas Mikkelsen" in texts
    line = next(t for t in texts if t.startswith("Jonas bor"))
    assert line == "Jonas bor hos sin søster [pårørende], tlf. [telefon], og hun støtter ham."
    para = next(p for p in d.paragraphs if p.text.startswith("Jonas bor"))
    assert len(para.runs) == 5  # runs kept, the marker went into the first affected run
    assert [bool(r.bold) for r in para.runs] == [False, True, False, True, False]
    assert para.runs[0].text.endswith("[pårørende]")
    assert "Kontaktperson: ingen" in texts
    assert "Netværk: se nedenfor." in texts
    assert "Forfatter: [person]" in texts
    assert d.tables[0].cell(0, 1).text == "[pårørende] (nabo)"
    assert d.sections[0].header.paragraphs[0].text == "Udarbejdet efter samtale med [pårørende]"
    assert d.sections[0].footer.paragraphs[0].text == "Søsterens CPR [cpr-nr.]"
    assert len(d.inline_shapes) == 2  # the pictures stay, their alt text and EXIF go


def test_core_properties_neutral(redacted: Path) -> None:
    cp = docx.Document(str(redacted)).core_properties
    assert cp.title == "Redigeret dokument"
    for value in (cp.author, cp.last_modified_by, cp.comments, cp.subject, cp.keywords,
                  cp.category):
        assert not value


def test_reader_survives_writer_output(redacted: Path) -> None:
    again = read_docx(redacted)
    assert again.units[0].text == "IKKE TIL VIDEREGIVELSE"
    assert not any("comments" in u.path for u in again.units)


def test_write_without_edits_still_cleans(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "ren.docx"
    write_document(read_document(source), {}, out)
    parts = fx.all_parts_text(out)
    for name, text in parts.items():
        for gone in PACKAGE_ONLY:
            assert gone not in text, f"{gone!r} left in {name}"
    assert fx.SISTER in parts["word/header1.xml"]  # no edits: the text itself is unchanged


def test_docx_to_txt(source: Path, tmp_path: Path) -> None:
    doc = read_document(source)
    out = tmp_path / "plan.txt"
    write_document(doc, fx.edits_for(doc, REMOVE), out)
    text = out.read_text(encoding="utf-8")
    assert "Jonas bor hos sin søster [pårørende], tlf. [telefon]" in text
    assert fx.SISTER not in text and "Ring til" not in text  # comments are not exported


def test_unsupported_combinations(source: Path, tmp_path: Path) -> None:
    doc = read_document(source)
    with pytest.raises(DocumentError, match=r"kan ikke skrives som '\.pdf'"):
        write_document(doc, {}, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    odt = tmp_path / "plan.odt"
    odt.write_bytes(b"x")
    with pytest.raises(DocumentError, match="filtype"):
        read_document(odt)
    with pytest.raises(DocumentError, match="findes ikke"):
        read_document(tmp_path / "mangler.docx")


def test_bad_edits_refused_and_nothing_written(source: Path, tmp_path: Path) -> None:
    doc = read_document(source)
    out = tmp_path / "x.docx"
    with pytest.raises(DocumentError, match="ikke findes"):
        write_document(doc, {"word/document.xml#p999": [Edit(0, 1, "x")]}, out)
    unit = next(u for u in doc.units if u.text.startswith("Jonas bor"))
    with pytest.raises(ValueError):
        write_document(doc, {unit.path: [Edit(0, 10, "a"), Edit(5, 12, "b")]}, out)
    assert not out.exists()


def test_broken_and_unsafe_packages_refused(tmp_path: Path, source: Path) -> None:
    bad = tmp_path / "ødelagt.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DocumentError, match="ikke et gyldigt Word-dokument"):
        read_document(bad)
    embedded = tmp_path / "indlejret.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(embedded, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info))
        zout.writestr("word/embeddings/oleObject1.bin", b"Camilla")
    with pytest.raises(DocumentError, match="indlejrede objekter"):
        read_document(embedded)


def test_edit_across_tab_and_at_run_edges(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("Navn:")
    p.add_run().add_tab()
    p.add_run("Ib Ravn")
    d.add_paragraph("Slut")
    src = tmp_path / "tab.docx"
    d.save(src)
    doc = read_document(src)
    unit = doc.units[0]
    assert unit.text == "Navn:\tIb Ravn"
    out = tmp_path / "tab-ud.docx"
    write_document(doc, {unit.path: [Edit(4, 13, "[fjernet]")],
                         doc.units[1].path: [Edit(4, 4, "!")]}, out)
    result = docx.Document(str(out))
    assert [q.text for q in result.paragraphs] == ["Navn[fjernet]", "Slut!"]


def test_svg_pictures_cleaned_or_refused(tmp_path: Path) -> None:
    from gldocs.document.docx_clean import clean_svg

    svg = (b'<svg xmlns="http://www.w3.org/2000/svg"><title>Henrik Dall</title>'
           b'<desc>Foto</desc><rect width="4" height="4"/></svg>')
    cleaned = clean_svg(svg, tmp_path / "x.docx", "word/media/image1.svg")
    assert b"Henrik" not in cleaned and b"rect" in cleaned
    with pytest.raises(DocumentError, match="indeholder tekst"):
        clean_svg(b'<svg xmlns="http://www.w3.org/2000/svg"><text>Ib</text></svg>',
                  tmp_path / "x.docx", "word/media/image2.svg")


def test_alt_chunk_refused(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Navn: Ib Ravn")
    body = d.element.body
    chunk = body.makeelement("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
                             "altChunk", {})
    body.insert(0, chunk)
    src = tmp_path / "chunk.docx"
    d.save(src)
    with pytest.raises(DocumentError, match="altChunk"):
        read_document(src)


def test_invisible_and_non_breaking_characters(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("Søster: Camil\u00adla")
    p.add_run("\u00a0Mikkel\u200bsen, tlf. 61\u00a037\u00a048\u00a052.")
    src = tmp_path / "usynlig.docx"
    d.save(src)
    doc = read_document(src)
    unit = doc.units[0]
    assert unit.text == "Søster: Camilla Mikkelsen, tlf. 61 37 48 52."
    out = tmp_path / "usynlig-ud.docx"
    write_document(doc, fx.edits_for(doc, {"Camilla Mikkelsen": "[pårørende]",
                                          "61 37 48 52": "[telefon]"}), out)
    assert docx.Document(str(out)).paragraphs[0].text == "Søster: [pårørende], tlf. [telefon]."
    body = fx.all_parts_text(out)["word/document.xml"]
    for gone in ("Camil", "Mikkel", "sen,", "48\u00a052"):
        assert gone not in body


def test_broken_package_xml_refused(source: Path, tmp_path: Path) -> None:
    broken = tmp_path / "brudt.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(broken, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data[:-20]
            zout.writestr(info, data)
    with pytest.raises(DocumentError, match=r"ødelagt del \(word/_rels/document\.xml\.rels\)"):
        read_document(broken)


def test_output_package_is_consistent(source: Path, redacted: Path) -> None:
    assert fx.package_problems(source) == []  # the check itself accepts a sound package
    assert fx.package_problems(redacted) == []
    body = fx.all_parts_text(redacted)["word/document.xml"]
    for leftover in ("commentReference", "commentRange", "w:del ", "w:ins ", "w:vanish",
                     "w:instrText", "w:hyperlink", "descr="):
        assert leftover not in body, leftover


def test_strict_open_xml_refused(source: Path, tmp_path: Path) -> None:
    strict = tmp_path / "strict.docx"
    w_ns = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(strict, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(w_ns, b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            zout.writestr(info, data)
    with pytest.raises(DocumentError, match="ikke kan redigeres sikkert"):
        read_document(strict)


def test_text_outside_runs_refused(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph("Navn: Ib Ravn")
    drawing_text = p._p.makeelement(
        "{http://schemas.openxmlformats.org/drawingml/2006/main}t", {})
    drawing_text.text = "Camilla Mikkelsen"
    p._p.append(drawing_text)
    src = tmp_path / "tegning.docx"
    d.save(src)
    with pytest.raises(DocumentError, match=r"tekst uden for almindelige afsnit \(t i"):
        read_document(src)


def test_client_found_in_a_stamoplysninger_table(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("1. Stamoplysninger")
    table = d.add_table(rows=2, cols=2)
    for r, (label, value) in enumerate([("Navn:", "Ib Ravn"), ("CPR-nr.:", "010190-1234")]):
        table.cell(r, 0).text = label
        table.cell(r, 1).text = value
    d.add_paragraph("2. Beskrivelse")
    d.add_paragraph("Ib bor alene.")
    src = tmp_path / "tabel.docx"
    d.save(src)
    doc = read_document(src)
    assert (doc.client_name, doc.client_cpr) == ("Ib Ravn", "010190-1234")
    assert [u.text for u in doc.units][:3] == ["1. Stamoplysninger", "Navn:", "Ib Ravn"]


def test_redacted_copy_names_its_recipient_in_every_header_and_the_title(tmp_path: Path) -> None:
    import docx as python_docx

    mark = "Redigeret til kommunen efter rhl. §§ 9-10 · 6. december 2026"
    src = fx.build_docx(tmp_path / "plan.docx")
    out = tmp_path / "plan_til-kommunen.docx"
    write_document(read_document(src), {}, out, header=mark)
    d = python_docx.Document(str(out))
    assert d.sections[0].header.paragraphs[0].text == mark
    assert d.core_properties.title == mark
    assert not d.core_properties.author
