"""Positive evidence for the client's own data and for professionals' names: the client as
the subject of the sentence that gives a number or a new home; the client's labelled
address beats a role word in its value; a professional's name stays inside a sentence
removed for its content. All persons, numbers and addresses invented."""

from __future__ import annotations

import pytest
from harness import Case, stamdata

CLIENT = "Villads Kragh Søndergaard"


def _redact(body: str, stam: str = "", areas: tuple[str, ...] = ("bolig",)) -> str:
    return Case(CLIENT, stamdata(CLIENT, "110795-2231", stam) + "2. Beskrivelse\n",
                areas).text(body)


@pytest.mark.parametrize(("body", "kept"), [
    ("Villads har fået et nyt mobilnummer, 61 42 90 33, som kommunen må bruge.",
     "61 42 90 33"),
    ("Villads har været i arbejde i en uge. Han har fået et nyt telefonnummer: 27 15 80 64.",
     "27 15 80 64"),
    ("Villads' nye mail er villads.ks@outlook.dk.", "villads.ks@outlook.dk"),
    ("Bolig: Villads kan få et værelse i kommunens skæve boliger på Fyrrevej 12, 6700 "
     "Esbjerg, fra løsladelsen.", "Fyrrevej 12"),
    ("Villads flytter ind på Tranebærvej 8, 2. tv. den 1. februar.", "Tranebærvej 8"),
])
def test_client_as_subject_keeps_own_number_and_new_home(body: str, kept: str) -> None:
    assert kept in _redact(body)


@pytest.mark.parametrize(("body", "gone"), [
    # another's possessive, or another person named between
    ("Villads må give hendes nummer, 29 33 41 07, til kommunen.", "29 33 41 07"),
    ("Villads har fået Lailas nye nummer, 31 77 20 98.", "31 77 20 98"),
    ("Villads kan bo hos sin søster på Egevej 4, 7100 Vejle.", "Egevej 4"),
    # a pronoun whose sentence before names someone else
    ("Hans bror Kasper ringede. Han har fået et nyt nummer, 50 12 66 43.", "50 12 66 43"),
])
def test_number_or_address_of_someone_else_stays_removed(body: str, gone: str) -> None:
    assert gone not in _redact(body)


def test_clients_labelled_address_beats_a_role_word_in_its_value() -> None:
    out = _redact("Han vil gerne bo i egen lejlighed.",
                  stam="Bopæl før indsættelse: hos forældrene, Rønnebærvej 3, 9000 Aalborg")
    assert "Rønnebærvej 3, 9000 Aalborg" in out


def test_professional_name_stays_inside_a_removed_sentence() -> None:
    body = ("Vidne: fængselsbetjent Ida Korsholm.\nAfgjort af fuldmægtig Bent Lykkegaard "
            "den 02.11.2026: 7 dages strafcelle for besiddelse af en mobiltelefon.")
    out = _redact(body, areas=("beskæftigelse",))
    assert "Ida Korsholm" in out and "Bent Lykkegaard" in out
    assert "strafcelle" not in out and "Vidne" not in out
    # the title stays with the name: alone, the name would read as a private person's
    assert "fængselsbetjent Ida Korsholm" in out and "fuldmægtig Bent Lykkegaard" in out
