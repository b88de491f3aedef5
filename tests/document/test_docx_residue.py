"""Issue 9 §2 (audit round): markup nobody sees in Word is not a way out for personal data.

An XML comment or processing instruction, an element or attribute in a namespace that is not
Word's, the text of an element that holds no run text, a revision id: in any kept part
(document, header, styles, numbering, settings, font table). They are removed from the
output; a CPR number or an e-mail address that is left in an attribute value Word keeps (a
font or caption name, a placeholder) refuses the document (exit 2, naming the part). A style
name that is not Word's built-in one is renamed (test_docx_style_names.py).
Every input is built here from python-docx output and zip edits.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_docx_package import SECRET, SECRET_CPR, base_docx, body_xml, everything, redact, repack

from gldocs.cli import main
from gldocs.document.io import read_document, write_document
from gldocs.errors import DocumentError

LEAK = f"{SECRET} {SECRET_CPR}"
DIGITS = SECRET_CPR.replace("-", "").encode()


def _gone(parts: dict[str, bytes]) -> None:
    blob = everything(parts)
    for word in (b"Vibeke", b"Kronborg", SECRET_CPR.encode(), DIGITS):
        assert word not in blob


def _styles(old: bytes, new: str):  # type: ignore[no-untyped-def]
    return {"word/styles.xml": lambda b: b.replace(old, new.encode(), 1)}


REMOVED = {
    "comment_in_body": {"word/document.xml": body_xml(f"<!-- {LEAK} --><w:p><w:r><w:t>Ok"
                                                      "</w:t></w:r></w:p>")},
    "instruction_in_body": {"word/document.xml": body_xml(f"<?gl {LEAK}?><w:p><w:r><w:t>Ok"
                                                          "</w:t></w:r></w:p>")},
    "digits_in_foreign_element": {"word/document.xml": body_xml(
        f'<w:p><x:n xmlns:x="urn:x">{SECRET_CPR}</x:n><w:r><w:t>Ok</w:t></w:r></w:p>')},
    "foreign_attribute": {"word/document.xml": body_xml(
        f'<w:p xmlns:x="urn:x" x:n="{SECRET}"><w:r><w:t>Ok</w:t></w:r></w:p>')},
    "unqualified_attribute_on_word_element": {"word/document.xml": body_xml(
        f'<w:p n="{SECRET}"><w:r><w:t>Ok</w:t></w:r></w:p>')},
    "paragraph_id": {"word/document.xml": body_xml(
        '<w:p xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        f'w14:paraId="{DIGITS.decode()}"><w:r><w:t>Ok</w:t></w:r></w:p>')},
    "comment_in_styles": _styles(b"<w:docDefaults>", f"<!-- {LEAK} --><w:docDefaults>"),
    "text_in_styles": _styles(b"<w:docDefaults>", f"<w:docDefaults>{SECRET_CPR}"),
    "text_in_settings": {"word/settings.xml": lambda b: b.replace(
        b"</w:settings>", f"<w:zoom w:percent='100'/>{LEAK}</w:settings>".encode())},
    "comment_in_numbering": {"word/numbering.xml": lambda b: b.replace(
        b"</w:numbering>", f"<!-- {LEAK} --></w:numbering>".encode())},
    # a style or latent style name that is not Word's built-in one is renamed / removed
    "title_renamed_in_styles": _styles(b'<w:name w:val="Title"/>', f'<w:name w:val="{LEAK}"/>'),
    "latent_style_in_styles": _styles(b'<w:lsdException w:name="Normal"',
                                 f'<w:lsdException w:name="{LEAK}"'),
    "comment_in_font_table": {"word/fontTable.xml": lambda b: b.replace(
        b"</w:fonts>", f"<!-- {LEAK} --></w:fonts>".encode())},
}


@pytest.mark.parametrize("case", sorted(REMOVED))
def test_markup_nobody_sees_is_removed(tmp_path: Path, case: str) -> None:
    src = repack(base_docx(tmp_path), tmp_path / f"{case}.docx", REMOVED[case])
    with zipfile.ZipFile(src) as zf:
        assert any(SECRET_CPR.encode() in zf.read(n) or SECRET.encode() in zf.read(n)
                   or DIGITS in zf.read(n) for n in zf.namelist())
    parts = redact(src, tmp_path)
    _gone(parts)
    assert b"Ok" in parts["word/document.xml"] or case.endswith(("styles", "settings",
                                                                 "numbering", "table"))


REFUSED = {
    "font_name": ("word/fontTable.xml", {"word/fontTable.xml": lambda b: b.replace(
        b'w:name="Calibri"', f'w:name="Calibri {SECRET_CPR}"'.encode(), 1)}),
    "caption_name": ("word/settings.xml", {"word/settings.xml": lambda b: b.replace(
        b"</w:settings>", b'<w:captions><w:caption w:name="vibeke.kronborg@example.dk"/>'
        b"</w:captions></w:settings>")}),
    "run_font": ("word/document.xml", {"word/document.xml": body_xml(
        f'<w:p><w:r><w:rPr><w:rFonts w:ascii="{LEAK}"/></w:rPr><w:t>Ok</w:t></w:r></w:p>')}),
    "dotted_cpr_in_language": ("word/document.xml", {"word/document.xml": body_xml(
        '<w:p><w:r><w:rPr><w:lang w:val="03.05.92-2817"/></w:rPr><w:t>Ok</w:t></w:r></w:p>')}),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_identifier_in_a_kept_attribute_refuses(tmp_path: Path, case: str) -> None:
    part, change = REFUSED[case]
    src = repack(base_docx(tmp_path), tmp_path / f"{case}.docx", change)
    out = tmp_path / "ud.docx"
    with pytest.raises(DocumentError) as err:
        write_document(read_document(src), {}, out)
    assert part in err.value.message and str(src) in err.value.message
    assert not out.exists()


def test_refusal_through_the_cli_is_exit_2_and_writes_nothing(tmp_path: Path) -> None:
    _part, change = REFUSED["font_name"]
    src = repack(base_docx(tmp_path), tmp_path / "skrifttype.docx", change)
    out = tmp_path / "ud.docx"
    res = CliRunner().invoke(main, ["redact", str(src), "--areas", "none", "--no-ner",
                                    "-o", str(out)])
    assert res.exit_code == 2, res.output
    assert "fontTable.xml" in res.output and "CPR-nummer" in res.output
    assert not out.exists() and not list(tmp_path.glob(".*tmp*"))


def test_ordinary_drawing_ids_and_numbers_are_kept(tmp_path: Path) -> None:
    """A 10-digit drawing id is a number, not a CPR number: not refused."""
    drawing = ('<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
               'drawingml/2006/wordprocessingDrawing"><wp:extent cx="914400" cy="914400"/>'
               '<wp:docPr id="0305922817" name="Billede 1"/></wp:inline></w:drawing></w:r>'
               "<w:r><w:t>Ok</w:t></w:r></w:p>")
    src = repack(base_docx(tmp_path), tmp_path / "tegning.docx",
                 {"word/document.xml": body_xml(drawing)})
    parts = redact(src, tmp_path)
    assert b'cx="914400"' in parts["word/document.xml"]


# --------------------------------------------------------------------------- part names

HEADER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_part_names_the_sender_chose_do_not_go_out(tmp_path: Path) -> None:
    """A part's name is in the package's directory: ``word/Vibeke_030592-2817.xml`` (a header),
    ``Kronborg/foto.png`` (a picture at the package root), the main document under another
    name. Each goes out under a name Word would give it; relationships and content types
    follow, and the result opens and reads the same."""
    import docfmt_fixtures as fx
    import docx
    from test_docx_package import add_rel, add_type, merge

    header = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="{W_NS}">'
              "<w:p><w:r><w:t>Sidehoved</w:t></w:r></w:p></w:hdr>")
    odd = f"word/Vibeke_{SECRET_CPR}.xml"
    src = repack(base_docx(tmp_path), tmp_path / "navne.docx", merge(
        {odd: header.encode(), "Kronborg/foto.png": fx._png()},
        add_rel("word/_rels/document.xml.rels", "rIdOdd", "header", odd.split("/", 1)[1]),
        add_rel("word/_rels/document.xml.rels", "rIdImg", "image", "../Kronborg/foto.png"),
        add_type(odd, HEADER_CT), add_type("Kronborg/foto.png", "image/png"),
        {"word/document.xml": lambda b: b.replace(
            b"<w:pgSz", b'<w:headerReference w:type="default" r:id="rIdOdd"/><w:pgSz', 1)},
    ))
    parts = redact(src, tmp_path)
    names = "\n".join(parts)
    for word in ("Vibeke", "Kronborg", SECRET_CPR, "0305922817"):
        assert word not in names
    assert "word/header1.xml" in parts and "word/media/image1.png" in parts
    assert b"Sidehoved" in parts["word/header1.xml"]
    assert b"Kronborg" not in parts["[Content_Types].xml"]
    assert b'Target="header1.xml"' in parts["word/_rels/document.xml.rels"]
    out = tmp_path / "igen.docx"
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    assert [p.text for p in docx.Document(str(out)).sections[0].header.paragraphs][-1] == \
        "Sidehoved"
    assert any("word/header1.xml" in u.path for u in read_document(out).units)
