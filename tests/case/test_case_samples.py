"""The bundled samples carry what the demos need (and nothing that breaks the rules)."""

from __future__ import annotations

import pytest
from case_fixtures import MAIN_SAMPLE

from gldocs.case import Klienttype, Koordineringsomraade, iter_text_fields, load_case
from gldocs.paths import SAMPLES_DIR

SAMPLES = sorted(SAMPLES_DIR.glob("*.yaml"))



def test_references_are_unique() -> None:
    refs = [load_case(p).reference for p in SAMPLES]
    assert len(refs) == len(set(refs))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_sample_is_rich_enough(sample) -> None:  # type: ignore[no-untyped-def]
    case = load_case(sample)
    words = sum(len(t.split()) for _, _, t in iter_text_fields(case))
    assert words > 500  # more than a page of content
    assert case.personer, "samples name private persons so redaction has work to do"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_listed_person_occurs_in_the_text(sample) -> None:  # type: ignore[no-untyped-def]
    case = load_case(sample)
    text = "\n".join(t for p, _, t in iter_text_fields(case) if not p.startswith("personer"))
    for person in case.personer:
        first = person.navn.split()[0]
        assert first in text, person.navn


def test_main_sample_has_material_the_kommune_policy_removes() -> None:
    case = load_case(MAIN_SAMPLE)
    assert case.klienttype is Klienttype.AFSONER and case.proeveloesladelsesdato
    areas = set(case.koordineringsomraader_liste)
    assert len(areas) >= 3
    # R1: a relative's name and phone number in free text
    netvaerk = case.beskrivelse.netvaerk or ""
    assert "Camilla Holst Jensen" in netvaerk and "26 18 44 73" in netvaerk
    # R2: a diagnosis outside the coordination areas
    assert Koordineringsomraade.HELBRED not in areas
    assert "depression" in (case.beskrivelse.helbred_psykisk or "")
    # R3: gang reference and a disciplinary sanction
    assert "bandegruppering" in netvaerk and "exitprogram" in netvaerk
    assert "strafcelle" in (case.beskrivelse.andet or "")
    # R4: offence details with victim and co-offender
    assert "hjernerystelse" in (case.aarsager.gruppe_beskrivelse or "")
    # K7: substance use inside a coordination area
    assert Koordineringsomraade.MISBRUG in areas and case.beskrivelse.misbrug


def test_udvist_and_ung_samples() -> None:
    udvist = load_case(SAMPLES_DIR / "udvist.yaml")
    assert udvist.is_udvist and not udvist.koordineringsomraader_liste
    ung = load_case(SAMPLES_DIR / "ung-fodlaenke.yaml")
    assert ung.klienttype is Klienttype.UNG_FODLAENKE
    born = ung.stamoplysninger.foedselsdato
    start = ung.indsaettelsesdato
    assert start is not None and 15 <= (start - born).days // 365 <= 17
    tilsyn = load_case(SAMPLES_DIR / "tilsyn-kif.yaml")
    assert tilsyn.klienttype is Klienttype.TILSYN and tilsyn.stamoplysninger.kif_afdeling
