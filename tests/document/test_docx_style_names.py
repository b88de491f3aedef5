"""Issue 9 §2 (audit gap): a style name is the sender's unless it is one of Word's built-in ones.

A style without ``w:customStyle`` can still be named after a person (``w:styleId="Vibeke"
w:name="Vibeke Kronborg"``). Every style whose name is not on the built-in list shipped with
gldocs (from python-docx's default template) is renamed, id and name, with every reference
following; the document's own latentStyles never count as the list. Built in here from
python-docx output and zip edits.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree
from test_docx_package import SECRET, _zip, base_docx, body_xml, everything, redact, repack

from gldocs.document import docx_clean
from gldocs.document.docx_clean import clean_styles, is_builtin_style, user_style_ids

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
Q = f"{{{W}}}"

# Styles a sender made without w:customStyle: paragraph, character (linked), table, list.
USER_STYLES = (
    '<w:style w:type="paragraph" w:styleId="Kronborg"><w:name w:val="Kronborg notat"/>'
    '<w:basedOn w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Vibeke"><w:name w:val="Vibeke Kronborg 030592"/>'
    '<w:basedOn w:val="Kronborg"/><w:next w:val="Vibeke"/><w:link w:val="VibekeTegn"/>'
    "</w:style>"
    '<w:style w:type="character" w:styleId="VibekeTegn"><w:name w:val="Vibeke tegn"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="Vibeke"/></w:style>'
    '<w:style w:type="table" w:styleId="KronborgTabel"><w:name w:val="Kronborg tabel"/>'
    '<w:basedOn w:val="TableNormal"/></w:style>'
    '<w:style w:type="numbering" w:styleId="VibekeListe"><w:name w:val="Vibeke liste"/>'
    "</w:style>"
)
# A forged latent style entry: it must not make "Vibeke Kronborg 030592" a built-in name.
FORGED_LATENT = '<w:lsdException w:name="Vibeke Kronborg 030592" w:qFormat="1"/>'

BODY = (
    '<w:p><w:pPr><w:pStyle w:val="Vibeke"/></w:pPr><w:r><w:rPr><w:rStyle w:val="VibekeTegn"/>'
    "</w:rPr><w:t>Notat</w:t></w:r></w:p>"
    '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Overskrift</w:t></w:r></w:p>'
    '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Titel</w:t></w:r></w:p>'
    "<w:p><w:r><w:t>Brødtekst</w:t></w:r></w:p>"
    '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/>'
    "</w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>Celle</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    '<w:tbl><w:tblPr><w:tblStyle w:val="KronborgTabel"/></w:tblPr><w:tblGrid>'
    '<w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>Celle</w:t></w:r></w:p>'
    "</w:tc></w:tr></w:tbl><w:p/>"
)


def _with_user_styles(data: bytes) -> bytes:
    data = data.replace(b"</w:styles>", USER_STYLES.encode() + b"</w:styles>")
    return data.replace(b"</w:latentStyles>", FORGED_LATENT.encode() + b"</w:latentStyles>")


def _styles(root: etree._Element) -> dict[str, etree._Element]:
    return {st.get(f"{Q}styleId", ""): st for st in root.iter(f"{Q}style")}


def _ref(st: etree._Element, tag: str) -> str | None:
    el = st.find(f"{Q}{tag}")
    return None if el is None else el.get(f"{Q}val")


def _name(st: etree._Element) -> str | None:
    return _ref(st, "name")


def test_user_style_without_custom_flag_is_renamed_and_references_follow(
        tmp_path: Path) -> None:
    src = repack(base_docx(tmp_path), tmp_path / "typografier.docx", {
        "word/styles.xml": _with_user_styles, "word/document.xml": body_xml(BODY)})
    with zipfile.ZipFile(src) as zf:
        styles_in = zf.read("word/styles.xml")
        assert b"customStyle" not in styles_in.split(b'w:styleId="Kronborg"')[1]
        assert SECRET.encode() in styles_in
    parts = redact(src, tmp_path)

    blob = everything(parts).lower()  # every part, every part name
    for word in (b"vibeke", b"kronborg", b"030592"):
        assert word not in blob

    styles = _styles(etree.fromstring(parts["word/styles.xml"]))
    # Word's built-in styles keep their ids and names
    for sid, name in (("Normal", "Normal"), ("Heading1", "heading 1"), ("Title", "Title"),
                      ("TableGrid", "Table Grid"), ("TableNormal", "Normal Table"),
                      ("DefaultParagraphFont", "Default Paragraph Font")):
        assert _name(styles[sid]) == name
    renamed = {sid: st for sid, st in styles.items() if sid.startswith("GlTypografi")}
    assert len(renamed) == 5
    for sid, st in renamed.items():
        assert _name(st) == sid.replace("GlTypografi", "Typografi ")

    # references follow: pStyle, rStyle, tblStyle in the body; basedOn, next, link in styles
    doc = etree.fromstring(parts["word/document.xml"])
    p_style = doc.find(f".//{Q}pStyle").get(f"{Q}val")
    r_style = doc.find(f".//{Q}rStyle").get(f"{Q}val")
    tbl_styles = [el.get(f"{Q}val") for el in doc.iter(f"{Q}tblStyle")]
    assert p_style in renamed and r_style in renamed
    assert tbl_styles[0] == "TableGrid" and tbl_styles[1] in renamed
    para = renamed[p_style]
    assert _ref(para, "next") == p_style
    assert _ref(para, "link") == r_style and _ref(renamed[r_style], "link") == p_style
    based = _ref(para, "basedOn")
    assert based in renamed and _ref(renamed[based], "basedOn") == "Normal"
    assert _ref(renamed[r_style], "basedOn") == "DefaultParagraphFont"
    assert _ref(renamed[tbl_styles[1]], "basedOn") == "TableNormal"

    # every style reference anywhere points at a style that exists
    ids = set(styles)
    for data in (parts["word/document.xml"], parts["word/styles.xml"],
                 parts.get("word/numbering.xml", b"<x/>")):
        for el in etree.fromstring(data).iter(*[f"{Q}{t}" for t in docx_clean._STYLE_REFS]):
            assert el.get(f"{Q}val") in ids

    # and Word (python-docx) reads the result with the same styles
    out = docx.Document(io.BytesIO(_zip(parts)))
    assert out.paragraphs[0].style.name.startswith("Typografi")
    assert out.paragraphs[0].runs[0].style.name.startswith("Typografi")
    assert out.paragraphs[1].style.name == "Heading 1"
    assert out.paragraphs[2].style.name == "Title"
    assert out.tables[0].style.name == "Table Grid"
    assert out.tables[1].style.name.startswith("Typografi")


def test_forged_latent_style_does_not_protect_a_name() -> None:
    styles = (f'<w:styles xmlns:w="{W}"><w:latentStyles>{FORGED_LATENT}'
              '<w:lsdException w:name="heading 1"/></w:latentStyles>'
              '<w:style w:type="paragraph" w:styleId="VibekeKronborg030592">'
              '<w:name w:val="Vibeke Kronborg 030592"/></w:style></w:styles>').encode()
    ids = user_style_ids(styles)
    assert ids == {"VibekeKronborg030592": "GlTypografi1"}
    out = clean_styles(styles, ids)
    assert b"Vibeke" not in out and b'w:name="heading 1"' in out
    assert b'w:styleId="GlTypografi1"' in out and b'w:val="Typografi 1"' in out


@pytest.mark.parametrize("name", ["Normal", "heading 1", "Heading 1", "TITLE", "Table Grid",
                                  "  table\u00a0 grid ", "\uff34\uff49\uff54\uff4c\uff45",
                                  "List Paragraph", "Normal Table", "No List"])
def test_built_in_names_match_after_normalisation(name: str) -> None:
    assert is_builtin_style(name)


@pytest.mark.parametrize("name", ["Vibeke", "Vibeke Kronborg", "Normal Vibeke", "Heading1x",
                                  "", "Typografi 1"])
def test_other_names_are_not_built_in(name: str) -> None:
    assert not is_builtin_style(name)
    assert not is_builtin_style(None)


def test_built_in_name_with_a_foreign_id_keeps_the_name_not_the_id() -> None:
    """Danish Word's ``Overskrift1`` for ``heading 1`` and a sender's ``Vibeke`` for
    ``Normal``: the name is a built-in one and stays; the id is the sender's and is replaced.
    A custom-flagged style with a built-in name and id keeps both (nothing personal in it)."""
    styles = (f'<w:styles xmlns:w="{W}">'
              '<w:style w:type="paragraph" w:styleId="Vibeke"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="heading 1"/>'
              '<w:basedOn w:val="Vibeke"/></w:style>'
              '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Title">'
              '<w:name w:val="Title"/></w:style></w:styles>').encode()
    ids = user_style_ids(styles)
    assert ids == {"Vibeke": "GlTypografi1", "Overskrift1": "GlTypografi2"}
    root = etree.fromstring(clean_styles(styles, ids))
    got = {sid: (_name(st), _ref(st, "basedOn")) for sid, st in _styles(root).items()}
    assert got == {"GlTypografi1": ("Normal", None), "GlTypografi2": ("heading 1", "GlTypografi1"),
                   "Title": ("Title", None)}


def test_without_the_built_in_list_every_style_is_renamed(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(docx_clean, "_BUILTIN_STYLES_FILE", tmp_path / "mangler.txt")
    docx_clean.builtin_style_names.cache_clear()
    try:
        styles = (f'<w:styles xmlns:w="{W}"><w:latentStyles><w:lsdException w:name="Normal"/>'
                  '</w:latentStyles><w:style w:type="paragraph" w:styleId="Normal">'
                  '<w:name w:val="Normal"/></w:style></w:styles>').encode()
        assert user_style_ids(styles) == {"Normal": "GlTypografi1"}
        out = clean_styles(styles, user_style_ids(styles))
        assert b"Normal" not in out
    finally:
        monkeypatch.undo()
        docx_clean.builtin_style_names.cache_clear()
    assert is_builtin_style("Normal")


def test_a_style_only_in_styles_with_effects_is_renamed_too(tmp_path: Path) -> None:
    """Word 2010's stylesWithEffects part is a second styles part: its styles go the same
    way, even one the main styles part does not have."""
    ctype = "application/vnd.ms-word.stylesWithEffects+xml"
    rel = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
    extra = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">'
             '<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
             f"{USER_STYLES}</w:styles>").encode()
    from test_docx_package import add_rel, add_type, merge
    src = repack(base_docx(tmp_path), tmp_path / "effekter.docx", merge(
        {"word/stylesWithEffects.xml": extra},
        add_rel("word/_rels/document.xml.rels", "rIdFx", rel, "stylesWithEffects.xml"),
        add_type("/word/stylesWithEffects.xml", ctype)))
    parts = redact(src, tmp_path)
    effects = [n for n in parts if n not in ("word/styles.xml",)
               and b"GlTypografi" in parts[n] and n.startswith("word/")]
    assert effects  # the part went out, renamed
    blob = everything(parts).lower()
    assert b"vibeke" not in blob and b"kronborg" not in blob

