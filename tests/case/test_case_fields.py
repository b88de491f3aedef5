"""Field-level text access for the redactor: iter_text_fields and with_text_fields."""

from __future__ import annotations

import pytest
from case_fixtures import MAIN_SAMPLE

from gldocs.case import (
    dump_case,
    get_text_field,
    iter_text_fields,
    load_case,
    load_case_text,
    section_of,
    with_text_fields,
)
from gldocs.case.fields import format_path, parse_path
from gldocs.case.people import case_people
from gldocs.case.types import Relation
from gldocs.document.units import CASE_SECTIONS, SECTIONS
from gldocs.errors import CaseFileError


@pytest.fixture(scope="module")
def fields() -> list[tuple[str, str, str]]:
    return list(iter_text_fields(load_case(MAIN_SAMPLE)))


def test_every_field_has_a_known_section_and_resolves(fields: list[tuple[str, str, str]]) -> None:
    case = load_case(MAIN_SAMPLE)
    assert len(fields) > 80
    for path, section, text in fields:
        assert section in (*SECTIONS, *CASE_SECTIONS)
        assert get_text_field(case, path) == text


def test_sections_follow_the_five_parts(fields: list[tuple[str, str, str]]) -> None:
    by_path = {path: section for path, section, _ in fields}
    assert by_path["stamoplysninger.cpr"] == "stamoplysninger"
    assert by_path["beskrivelse.netvaerk"] == "beskrivelse"
    assert by_path["aarsager.gruppe_beskrivelse"] == "aarsager"
    assert by_path["vurdering.behov[0].indsatser[1].hvordan"] == "vurdering"
    assert by_path["samarbejdspartnere.kontakter[1].navn"] == "samarbejdspartnere"
    # the parts only a case has carry their own label, never a neighbouring part's
    assert by_path["koordineringsomraader.bolig"] == "koordineringsomraader"
    assert by_path["personer[0].navn"] == "personer"
    assert set(by_path.values()) == set(SECTIONS) | {"koordineringsomraader", "personer"}


def test_all_relatives_text_is_offered(fields: list[tuple[str, str, str]]) -> None:
    """Every place a relative's name or phone occurs is a text field the redactor sees."""
    joined = "\n".join(text for _, _, text in fields)
    for needle in ("Camilla Holst Jensen", "26 18 44 73", "Birgitte", "Lene Thorsen",
                   "Mahmoud Karim Nasser", "strafcelle", "bandegruppering", "sertralin"):
        assert needle in joined


def test_no_dates_enums_or_reference(fields: list[tuple[str, str, str]]) -> None:
    paths = {p for p, _, _ in fields}
    assert "reference" not in paths
    assert "stamoplysninger.klienttype" not in paths
    assert "stamoplysninger.indsaettelsesdato" not in paths
    assert "vurdering.lsrnr.niveau" not in paths
    assert not any(p.startswith("beskrivelse.kilder") for p in paths)


def test_with_text_fields_returns_a_modified_copy() -> None:
    case = load_case(MAIN_SAMPLE)
    before = dump_case(case)
    new = with_text_fields(case, {
        "beskrivelse.andet": "[udeladt: sikkerhed]",
        "personer[1].telefon": "[pårørende]",
        "personer[1].navn": "[pårørende]",
        "vurdering.behov[0].indsatser[1].hvordan": "Opringning.",
    })
    assert dump_case(case) == before  # the original is untouched
    assert new.beskrivelse.andet == "[udeladt: sikkerhed]"
    assert new.personer[1].telefon == "[pårørende]"
    assert new.vurdering.behov[0].indsatser[1].hvordan == "Opringning."
    assert new.beskrivelse.bolig == case.beskrivelse.bolig
    changed = {p for (p, _, t), (_, _, u) in zip(iter_text_fields(case), iter_text_fields(new),
                                                 strict=True) if t != u}
    assert changed == {"beskrivelse.andet", "personer[1].telefon", "personer[1].navn",
                       "vurdering.behov[0].indsatser[1].hvordan"}


def test_markers_may_replace_validated_values() -> None:
    case = load_case(MAIN_SAMPLE)
    new = with_text_fields(case, {"stamoplysninger.cpr": "[cpr]"})
    assert new.stamoplysninger.cpr == "[cpr]"
    with pytest.raises(CaseFileError):  # but such a copy is no valid case file
        load_case_text(dump_case(new))


@pytest.mark.parametrize("path", ["beskrivelse.findes_ikke", "vurdering.behov[9].omraade",
                                  "stamoplysninger.indsaettelsesdato", "stamoplysninger",
                                  "reference.x", "beskrivelse..bolig", ""])
def test_bad_paths_raise_key_error(path: str) -> None:
    case = load_case(MAIN_SAMPLE)
    with pytest.raises(KeyError):
        with_text_fields(case, {path: "x"})


def test_path_round_trip() -> None:
    loc = ("vurdering", "behov", 0, "indsatser", 12, "hvem", 1, "navn")
    assert format_path(loc) == "vurdering.behov[0].indsatser[12].hvem[1].navn"
    assert parse_path(format_path(loc)) == loc


def test_section_of_unknown_top_level() -> None:
    assert section_of("personer[0].navn") == "personer"
    assert section_of("afgang.dele.bolig.note") == "afgang"
    assert section_of("klient_deltaget_bemaerkning") == "samarbejdspartnere"  # part 5
    with pytest.raises(KeyError):
        section_of("noget_andet")


def test_case_people_sorts_client_professionals_and_private_persons() -> None:
    people = case_people(load_case(MAIN_SAMPLE))
    assert people.klient.navn == "Jonas Bech Frederiksen"
    assert people.klient.cpr == "140595-1237"
    names = [f.navn for f in people.fagpersoner]
    assert names[:3] == ["Maja Lindholt Kjær", "Henrik Aagaard Mørch", "Sara Winther Nielsen"]
    assert "Peter Vestergaard Lund" in names
    assert {p.navn for p in people.private_with(Relation.MEDGERNINGSMAND)} == {
        "Mahmoud Karim Nasser"}
    assert not set(names) & {p.navn for p in people.private}
