"""The case model: cross-field rules and the views other modules use."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from case_fixtures import MAIN_SAMPLE, line_of

from gldocs.case import Case, Klienttype, Koordineringsomraade, load_case
from gldocs.case.loader import load_case_text
from gldocs.errors import CaseFileError, FieldProblem
from gldocs.paths import SAMPLES_DIR

WriteCase = Callable[[str], Path]


def problems_of(text: str) -> list[FieldProblem]:
    with pytest.raises(CaseFileError) as info:
        load_case_text(text, "sag.yaml")
    return info.value.problems


def data() -> dict[str, Any]:
    return yaml.safe_load(MAIN_SAMPLE.read_text(encoding="utf-8"))


def paths_of(d: dict[str, Any]) -> set[str]:
    return {p.path for p in problems_of(yaml.safe_dump(d, allow_unicode=True))}


def test_views_for_frister_and_render() -> None:
    case = load_case(MAIN_SAMPLE)
    assert case.klienttype is Klienttype.AFSONER
    assert case.indsaettelsesdato == dt.date(2026, 3, 10)
    assert case.proeveloesladelsesdato == dt.date(2027, 3, 10)
    assert case.loesladelsesdato == dt.date(2027, 9, 10)
    assert case.forventet_udgang == dt.date(2027, 3, 10)
    assert case.straf_dage == 545
    assert case.tilsynssamtale is None and case.overfoert is None
    assert not case.is_udvist and not case.radikalisering and case.has_koordineringspligt
    assert case.koordineringsomraader_liste == [
        Koordineringsomraade.BOLIG, Koordineringsomraade.BESKAEFTIGELSE,
        Koordineringsomraade.OEKONOMI, Koordineringsomraade.MISBRUG]
    asks = dict(case.koordineringsomraader.items())
    assert asks[Koordineringsomraade.BOLIG].startswith("Vi beder kommunen")
    assert [b.prioritet for b in case.vurdering.behov_prioriteret] == [1, 2, 3, 4]
    assert case.stamoplysninger.foedselsdato == dt.date(1995, 5, 14)


def test_udvist_sample_has_no_coordination_duty() -> None:
    case = load_case(SAMPLES_DIR / "udvist.yaml")
    assert case.is_udvist and not case.has_koordineringspligt
    assert case.koordineringsomraader_liste == []
    assert case.overfoert == dt.date(2026, 3, 16)


def test_straf_dage_overrides_the_text() -> None:
    d = data()
    d["stamoplysninger"]["dom"]["straf_dage"] = 550
    assert Case.model_validate(d).straf_dage == 550


def test_tilsyn_needs_the_tilsynssamtale(main_text: str) -> None:
    text = main_text.replace("  klienttype: afsoner", "  klienttype: tilsyn")
    found = {p.path: p for p in problems_of(text)}
    assert "stamoplysninger.tilsynssamtale" in found
    assert "tilsynssamtale" in found["stamoplysninger.tilsynssamtale"].message
    assert found["stamoplysninger.tilsynssamtale"].line == line_of(text, "stamoplysninger:")


def test_afsoner_needs_indsaettelsesdato() -> None:
    d = data()
    del d["stamoplysninger"]["indsaettelsesdato"]
    assert "stamoplysninger.indsaettelsesdato" in paths_of(d)


def test_afsoner_needs_a_sentence_that_can_be_counted() -> None:
    d = data()
    d["stamoplysninger"]["dom"]["straflaengde"] = "efter rettens skøn"
    assert paths_of(d) == {"stamoplysninger.dom.straflaengde"}
    d["stamoplysninger"]["dom"]["straf_dage"] = 400
    Case.model_validate(d)


def test_parole_after_release_points_at_the_parole_date(main_text: str) -> None:
    text = main_text.replace("    dato: 2027-03-10", "    dato: 2027-12-10")
    [problem] = problems_of(text)
    assert problem.path == "stamoplysninger.proeveloesladelse.dato"
    assert problem.line == line_of(text, "2027-12-10")
    assert "10. december 2027" in problem.message and "10. september 2027" in problem.message


def test_release_before_indsaettelse() -> None:
    d = data()
    d["stamoplysninger"]["forventet_loesladelse"] = "2026-01-01"
    assert "stamoplysninger.forventet_loesladelse" in paths_of(d)


def test_varetaegt_needs_no_sentence_but_no_parole_either() -> None:
    d = data()
    sp = d["stamoplysninger"]
    sp["klienttype"] = "varetaegt"
    del sp["dom"]
    d["koordineringsomraader"] = {}
    assert paths_of(d) == {"stamoplysninger.proeveloesladelse"}
    del sp["proeveloesladelse"]
    assert Case.model_validate(d).is_varetaegt


def test_udvist_may_not_have_coordination_areas() -> None:
    d = data()
    d["stamoplysninger"]["udvist"] = True
    assert paths_of(d) == {"koordineringsomraader"}


def test_udvist_needs_no_handlekommune() -> None:
    d = data()
    d["stamoplysninger"]["udvist"] = True
    d["koordineringsomraader"] = {}
    del d["stamoplysninger"]["handlekommune"]
    assert Case.model_validate(d).stamoplysninger.handlekommune is None


def test_others_need_a_handlekommune() -> None:
    d = data()
    del d["stamoplysninger"]["handlekommune"]
    assert paths_of(d) == {"stamoplysninger.handlekommune"}


def test_ung_fodlaenke_must_be_15_to_17() -> None:
    d = yaml.safe_load((SAMPLES_DIR / "ung-fodlaenke.yaml").read_text(encoding="utf-8"))
    Case.model_validate(d)
    d["stamoplysninger"]["cpr"] = "030407-4173"  # 19 years old
    assert paths_of(d) == {"stamoplysninger.cpr"}


@pytest.mark.parametrize(("priorities", "bad_path"), [
    ([1, 1, 3, 4], "vurdering.behov[1].prioritet"),
    ([1, 2, 3, 5], "vurdering.behov"),
    ([2, 3, 4, 5], "vurdering.behov"),
])
def test_priorities_are_1_to_n_and_unique(priorities: list[int], bad_path: str) -> None:
    d = data()
    for behov, prio in zip(d["vurdering"]["behov"], priorities, strict=True):
        behov["prioritet"] = prio
    assert paths_of(d) == {bad_path}


def test_priorities_may_be_listed_in_any_order() -> None:
    d = data()
    d["vurdering"]["behov"].reverse()
    for i, behov in enumerate(d["vurdering"]["behov"]):
        behov["prioritet"] = 4 - i
    case = Case.model_validate(d)
    assert case.vurdering.behov_prioriteret[0].omraade == "Bolig"


def test_indsats_cannot_end_before_it_starts() -> None:
    d = data()
    d["vurdering"]["behov"][0]["indsatser"][0]["forventet_slut"] = "2026-01-01"
    assert paths_of(d) == {"vurdering.behov[0].indsatser[0].forventet_slut"}


def test_no_lsrnr_needs_risikofaktorer() -> None:
    d = data()
    del d["vurdering"]["lsrnr"]
    assert paths_of(d) == {"vurdering.risikofaktorer"}
    d["vurdering"]["risikofaktorer"] = "Gæld og hash."
    Case.model_validate(d)


def test_external_actor_needs_a_name() -> None:
    d = data()
    d["vurdering"]["behov"][0]["indsatser"][0]["hvem"][0] = {"type": "ekstern"}
    assert paths_of(d) == {"vurdering.behov[0].indsatser[0].hvem[0].navn"}


def test_coordination_done_needs_date_and_partner() -> None:
    d = data()
    del d["samarbejdspartnere"]["koordinering"]["dato"]
    assert paths_of(d) == {"samarbejdspartnere.koordinering.dato"}


def test_client_not_taking_part_needs_a_reason() -> None:
    d = data()
    d["klient_deltaget"] = "nej"
    assert paths_of(d) == {"klient_deltaget_bemaerkning"}
    d["klient_deltaget_bemaerkning"] = "Jonas ønskede ikke at deltage i samtalen."
    assert not Case.model_validate(d).klient_deltaget


@pytest.mark.parametrize("reference", ["HP-140595", "Jonas-2026", "HP-FREDERIKSEN-1"])
def test_reference_may_not_reveal_the_client(reference: str) -> None:
    d = data()
    d["reference"] = reference
    assert paths_of(d) == {"reference"}


def test_a_relative_cannot_be_the_client() -> None:
    d = data()
    d["personer"][0]["navn"] = "Jonas Bech Frederiksen"
    d["personer"][1]["cpr"] = "140595-1237"
    assert paths_of(d) == {"personer[0].navn", "personer[1].cpr"}


def test_duplicate_sources() -> None:
    d = data()
    d["beskrivelse"]["kilder"] = ["personjournal", "personjournal"]
    assert paths_of(d) == {"beskrivelse.kilder"}


def _tilsyn_data() -> dict[str, Any]:
    return yaml.safe_load((SAMPLES_DIR / "tilsyn-kif.yaml").read_text(encoding="utf-8"))


def test_betinget_doemt_tilsyn_needs_no_release_dates() -> None:
    d = _tilsyn_data()
    sp = d["stamoplysninger"]
    del sp["proeveloesladelse"], sp["forventet_loesladelse"]
    sp["dom"]["straflaengde"] = "Betinget fængsel i 6 måneder med en prøvetid på 2 år"
    case = Case.model_validate(d)
    assert case.forventet_udgang is None and case.tilsynssamtale == dt.date(2026, 10, 14)


def test_tilsyn_needs_a_kif_afdeling() -> None:
    d = _tilsyn_data()
    del d["stamoplysninger"]["kif_afdeling"]
    assert "stamoplysninger.kif_afdeling" in paths_of(d)


def test_paragraf_68_69_says_tilsyn_or_institution_and_needs_its_start_date() -> None:
    d = _tilsyn_data()
    sp = d["stamoplysninger"]
    sp["klienttype"] = "paragraf-68-69"
    assert paths_of(d) == {"stamoplysninger.anbringelse"}
    sp["anbringelse"] = "tilsyn"
    Case.model_validate(d)  # the tilsynssamtale is enough under tilsyn
    del sp["tilsynssamtale"]
    assert paths_of(d) == {"stamoplysninger.tilsynssamtale"}
    sp["anbringelse"] = "institution"
    assert paths_of(d) == {"stamoplysninger.indsaettelsesdato"}
    sp["indsaettelsesdato"] = "2026-01-05"
    Case.model_validate(d)


def test_anbringelse_only_for_paragraf_68_69() -> None:
    d = _tilsyn_data()
    d["stamoplysninger"]["anbringelse"] = "tilsyn"
    assert paths_of(d) == {"stamoplysninger.anbringelse"}


def test_afsoner_must_consider_proeveloesladelse() -> None:
    d = data()
    del d["vurdering"]["proeveloesladelse"]
    assert paths_of(d) == {"vurdering.proeveloesladelse"}


def test_aarsager_optional_only_for_varetaegt() -> None:
    d = data()
    del d["aarsager"]
    assert paths_of(d) == {"aarsager"}
    v = load_case(SAMPLES_DIR / "varetaegt.yaml").model_dump(mode="json", exclude_none=True)
    v.pop("aarsager", None)
    Case.model_validate(v)  # an unconvicted person: no causes as fact


@pytest.mark.parametrize(("field", "value"), [
    ("rolle", "Mor"), ("rolle", "Klientens kæreste"), ("rolle", "Forurettet"),
    ("rolle", "medgerningsmand"), ("organisation", "Privat"),
])
def test_private_persons_never_under_samarbejdspartnere(field: str, value: str) -> None:
    d = data()
    d["samarbejdspartnere"]["kontakter"][0][field] = value
    assert paths_of(d) == {f"samarbejdspartnere.kontakter[0].{field}"}


def test_a_person_from_personer_is_no_contact() -> None:
    d = data()
    assert d["personer"], "the main sample names private persons"
    d["samarbejdspartnere"]["kontakter"][0]["navn"] = d["personer"][0]["navn"]
    assert paths_of(d) == {"samarbejdspartnere.kontakter[0].navn"}


def test_a_department_for_children_is_a_professional_contact() -> None:
    d = data()
    d["samarbejdspartnere"]["kontakter"][0]["organisation"] = "Kommunen, Børn og Familie"
    Case.model_validate(d)
