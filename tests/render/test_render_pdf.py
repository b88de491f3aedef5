"""The PDF side: embedded TrueType font, searchable text, page header/footer, metadata."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from render_fixtures import MAIN, PARTS, SAMPLE_IDS, pdf_text, rendered, sample

from gldocs.case import with_text_fields
from gldocs.render import DOCS, refusal_reason, render_pdf


def _fonts(reader: pypdf.PdfReader) -> list[pypdf.generic.DictionaryObject]:
    fonts = []
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        for ref in resources.get("/Font", {}).values():
            fonts.append(ref.get_object())
    return fonts


@pytest.mark.parametrize("name", SAMPLE_IDS)
def test_fonts_are_embedded_truetype_and_text_is_searchable(name: str) -> None:
    reader = pypdf.PdfReader(io.BytesIO(rendered(name, "handleplan", "pdf")))
    fonts = _fonts(reader)
    assert fonts
    for font in fonts:
        assert font["/Subtype"] == "/TrueType", font.get("/BaseFont")
        assert "Vera" in font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"].get_object()
        assert "/ToUnicode" in font
    text = pdf_text(rendered(name, "handleplan", "pdf"))
    assert {"æ", "ø", "å", "Æ", "Ø", "Å"} & set(text) >= {"æ", "ø", "å"}


@pytest.mark.parametrize("name", SAMPLE_IDS)
def test_every_page_has_the_confidential_header_and_side_x_af_y(name: str) -> None:
    reader = pypdf.PdfReader(io.BytesIO(rendered(name, "handleplan", "pdf")))
    total = len(reader.pages)
    assert total >= 2
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert "Intern – ikke til videregivelse" in text  # an unredacted plan
        assert f"Handleplan {sample(name).reference}" in text
        assert f"Side {number} af {total}" in text


def test_the_five_parts_are_pdf_bookmarks() -> None:
    reader = pypdf.PdfReader(io.BytesIO(rendered(MAIN, "handleplan", "pdf")))
    assert [entry.title for entry in reader.outline] == PARTS


@pytest.mark.parametrize("doc", DOCS)
@pytest.mark.parametrize("name", SAMPLE_IDS)
def test_pdf_metadata_is_deliberate_and_holds_no_personal_data(name: str, doc: str) -> None:
    case = sample(name)
    if doc == "foelgeskrivelse" and refusal_reason(case):
        pytest.skip("no følgeskrivelse for this client")
    data = rendered(name, doc, "pdf")
    meta = pypdf.PdfReader(io.BytesIO(data)).metadata
    title = {"handleplan": "Handleplan", "foelgeskrivelse": "Følgeskrivelse"}[doc]
    assert meta.title == f"{title} {case.reference}"
    assert meta.creator == "gldocs"
    st = case.stamoplysninger
    words = [w for w in st.navn.split() if len(w) >= 3]
    digits = st.cpr.replace("-", "")
    for key, value in meta.items():
        value = str(value)
        assert not any(w.lower() in value.lower() for w in words), key
        assert digits[:6] not in re.sub(r"\D", "", value), key
    raw = data.decode("latin-1")
    assert "/Author" in raw and st.cpr not in raw  # page content is compressed; no plain CPR


def test_markup_characters_survive_in_pdf() -> None:
    case = with_text_fields(sample(MAIN), {
        "beskrivelse.bolig": "Husleje < 5.000 kr. & depositum > 0 <br/> slut",
        "aarsager.gevinster": "A&B <b>ikke fed</b> &amp; æøå ÆØÅ",
    })
    text = pdf_text(render_pdf(case, "handleplan"))
    flat = " ".join(text.split())
    assert "Husleje < 5.000 kr. & depositum > 0 <br/> slut" in flat
    assert "A&B <b>ikke fed</b> &amp; æøå ÆØÅ" in flat


def test_pdf_output_is_stable() -> None:
    case = sample(MAIN)
    assert render_pdf(case, "handleplan") == render_pdf(case, "handleplan")
