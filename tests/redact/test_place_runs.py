"""A run of capitalised words made of ordinary words and a town ("Genbrugsstationen Holbæk",
"Svømmehallen Ringsted") is a place, also in a part the redactor does not know (where every
other capitalised run may be a name and is removed: fail closed). A run with a given name
or a surname in it stays a person. All persons invented."""

from __future__ import annotations

import pytest
from harness import Case

CLIENT = "Aksel Brøndum Hviid"
# no handleplan part headings: the journal note is an unknown (strict) part
HEAD = f"Navn: {CLIENT}\nCPR-nr.: 170590-1883\n\nJournalnotat\n"


_redact = Case(CLIENT, HEAD, areas=("beskæftigelse",)).redact


@pytest.mark.parametrize(("body", "place"), [
    ("Samfundstjenesten foregår på Genbrugsstationen Holbæk to dage om ugen.",
     "Genbrugsstationen Holbæk"),
    ("Han træner om aftenen i Svømmehallen Ringsted.", "Svømmehallen Ringsted"),
    ("Praktikken er på Lagerhotellet Vejle fra 1. marts.", "Lagerhotellet Vejle"),
])
def test_ordinary_word_and_town_is_a_place(body: str, place: str) -> None:
    assert place in _redact(body)


@pytest.mark.parametrize(("body", "name"), [
    ("Han bor i weekenderne hos Mette Holbæk.", "Mette"),
    ("Han har lånt penge af Jonas Skive.", "Jonas"),
])
def test_a_name_with_a_town_for_surname_stays_a_person(body: str, name: str) -> None:
    assert name not in _redact(body)


@pytest.mark.parametrize(("body", "kept"), [
    # an English sentence opener is no part of a name: "The Data Model" is no person
    ("The Data Model was shared with the jobcentre in May.", "The"),
    ("These Guidelines apply from June.", "These"),
])
def test_an_english_sentence_opener_is_no_name(body: str, kept: str) -> None:
    assert _redact(body).startswith(kept)


@pytest.mark.parametrize("text", [
    "Hun bor nu i sin egen lejlighed i Roskilde.",
    "Han bor i Hørsholm hos sin mor.",
    "Han flytter i Holstebro efter løsladelsen.",
])
def test_a_town_one_lives_in_is_no_street(text: str) -> None:
    # one lives "på" a street and "i" a town: a town ending like a street (-kilde, -holm,
    # -bro) after "i" is no home address
    from gldocs.redact.detectors.address import find_addresses
    assert find_addresses(text) == []


def test_a_gade_street_one_lives_in_is_still_an_address() -> None:
    from gldocs.redact.detectors.address import find_addresses
    assert [m.text for m in find_addresses("Han bor i Vestergade i Korsør.")] == \
        ["Vestergade i Korsør"]
