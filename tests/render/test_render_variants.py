"""Cases the samples do not cover: every client type, redacted copies, odd text."""

from __future__ import annotations

import pytest
from render_fixtures import MAIN, PARTS, docx_text, in_order, pdf_text, sample, squash

from gldocs.case import Case, iter_text_fields, with_text_fields
from gldocs.case.types import Klienttype
from gldocs.errors import RefusedError
from gldocs.render import mail_subject, output_name, render_document


def variant(klienttype: str, udvist: bool = False) -> Case:
    data = sample(MAIN).model_dump(mode="json")
    data["stamoplysninger"]["klienttype"] = klienttype
    data["stamoplysninger"]["udvist"] = udvist
    if klienttype == Klienttype.PARAGRAF_68_69:
        data["stamoplysninger"]["anbringelse"] = "institution"
        data["vurdering"].pop("proeveloesladelse", None)
    if udvist:
        data["koordineringsomraader"] = {}
    return Case.model_validate(data)


@pytest.mark.parametrize("klienttype", [k.value for k in Klienttype
                                        if k not in (Klienttype.VARETAEGT, Klienttype.TILSYN,
                                                     Klienttype.UNG_FODLAENKE)])
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_every_custodial_client_type_renders_both_documents(klienttype: str, fmt: str) -> None:
    case = variant(klienttype)
    read = docx_text if fmt == "docx" else pdf_text
    plan = read(render_document(case, "handleplan", fmt))
    assert in_order(plan, PARTS)
    assert Klienttype(klienttype).titel in " ".join(plan.split())
    letter = read(render_document(case, "foelgeskrivelse", fmt))
    assert "Formålet med henvendelsen" in letter


def test_udvist_afsoner_made_from_a_coordinating_case_keeps_the_rule() -> None:
    case = variant("afsoner", udvist=True)
    text = docx_text(render_document(case, "handleplan", "docx"))
    assert "Tiden efter løsladelsen" not in text
    assert "§ 31, stk. 2, 3. pkt." in text
    assert "Aarhus Kommune" not in text.split(PARTS[1])[0]  # no handlekommune block
    with pytest.raises(RefusedError):
        render_document(case, "foelgeskrivelse", "pdf")


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_redacted_copy_with_markers_everywhere_renders(fmt: str) -> None:
    case = sample(MAIN)
    markers = {path: f"[udeladt: {section}]" for path, section, _ in iter_text_fields(case)
               if path.startswith(("personer", "beskrivelse", "aarsager"))}
    markers["stamoplysninger.telefon"] = "[udeladt: ikke nødvendigt]"
    redacted = with_text_fields(case, markers)
    for doc in ("handleplan", "foelgeskrivelse"):
        data = render_document(redacted, doc, fmt, banner="REDIGERET UDGAVE")
        text = docx_text(data) if fmt == "docx" else pdf_text(data)
        assert "REDIGERET UDGAVE" in text
        if doc == "handleplan":
            assert "[udeladt: beskrivelse]" in text
            assert "[udeladt: ikke nødvendigt]" in text
            for person in case.personer:
                assert squash(person.navn) not in squash(text)
    assert output_name(redacted, "handleplan", fmt) == output_name(case, "handleplan", fmt)
    assert mail_subject(redacted) == mail_subject(case)


def test_client_cpr_replaced_by_a_marker_still_renders_and_names_stay_clean() -> None:
    redacted = with_text_fields(sample(MAIN), {"stamoplysninger.cpr": "[cpr]",
                                               "stamoplysninger.navn": "[klienten]"})
    text = docx_text(render_document(redacted, "handleplan", "docx"))
    assert "CPR-nr.: [cpr]" in text and "Navn: [klienten]" in text
    assert "klienten" not in output_name(redacted, "handleplan", "pdf")


def test_very_long_cells_and_words_split_over_pages_in_pdf() -> None:
    long = " ".join(["Meget lang forklaring om indsatsen og dens forløb."] * 150)
    case = with_text_fields(sample(MAIN), {
        "vurdering.behov[0].indsatser[0].hvordan": long,
        "vurdering.behov[0].begrundelse": "x" * 400,
        "koordineringsomraader.bolig": long,
    })
    text = pdf_text(render_document(case, "handleplan", "pdf"))
    assert in_order(text, PARTS)
    assert text.count("forløb.") >= 300  # both long texts, nothing cut off
    assert "Meget lang forklaring" in docx_text(render_document(case, "handleplan", "docx"))
