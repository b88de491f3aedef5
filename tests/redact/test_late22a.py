"""Round 22 late classes (issue 8): a quoted profile name of several words after a username
cue, ... Every sentence and person is invented."""

from __future__ import annotations

import re

import pytest
from harness import redact_section

from gldocs.redact.detectors.online import find_online_ids
from gldocs.redact.engine import Analyzer

CLIENT = "Oskar Dalby Nørlund"
STAMDATA = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 120688-2417\n\n"
DESCRIPTION = STAMDATA + "2. Beskrivelse\n"


def _out(analyzer: Analyzer, sentence: str, areas: tuple[str, ...] = ("bolig",)) -> str:
    return redact_section(analyzer, CLIENT, DESCRIPTION, sentence, areas).strip()


def _visible(out: str) -> str:
    return re.sub(r"\[[^\]]*\]", " ", out)


# -- a quoted profile name of several words: all of it is the username
QUOTED_PROFILES = [
    ('Han skriver med en ven på Facebook under navnet "Włodek Mały".', "Włodek Mały"),
    ("Kammeraten hedder “Sune Ravnsbæk” på Instagram.", "Sune Ravnsbæk"),
    ('På TikTok kalder hun sig "Lille Mus 04".', "Lille Mus 04"),
    ('Broren går under "Den Sorte Ravn" på Discord.', "Den Sorte Ravn"),
]


@pytest.mark.parametrize(("text", "name"), QUOTED_PROFILES)
def test_a_quoted_profile_name_is_one_username(text: str, name: str) -> None:
    assert name in [m.text for m in find_online_ids(text)]


@pytest.mark.parametrize(("text", "name"), QUOTED_PROFILES[:2])
def test_no_word_of_a_quoted_profile_name_is_left(analyzer: Analyzer, text: str,
                                                  name: str) -> None:
    out = _visible(_out(analyzer, text, ("netværk",)))
    for word in name.split():
        assert word not in out


def test_a_single_quoted_handle_stays_one_word() -> None:
    text = 'Hun skriver som "mille04" og "kat" på Snapchat.'
    assert [m.text for m in find_online_ids(text)] == ["mille04"]


# -- K3: who made an authority's decision, named in a form's field
@pytest.mark.parametrize("text", [
    "Afgørelse: Afslag.\nTruffet af: Viceinspektør Helle Dybdahl-Krogh",
    "Afgørelsen er truffet af Sabina Lykkegaard Thorsen.",
    "Klagen blev afgjort af Rune Mølgaard Bast den 3. marts.",
])
def test_who_made_a_decision_acts_in_office(analyzer: Analyzer, text: str) -> None:
    out = _out(analyzer, text)
    name = re.search(r"(?:af:?\s+(?:Viceinspektør\s+)?)([A-ZÆØÅ][\w\- ]+?)(?:\.|$| den)",
                     text).group(1)  # type: ignore[union-attr]
    assert name in out, out


# -- K3: an authority or a counselling service, where it is and a comma, then "ved" and the
# officer's name
@pytest.mark.parametrize(("text", "name"), [
    ("Gældsrådgivningen i Horsens, ved Tove Engholm, giver ham en tid i maj.", "Tove Engholm"),
    ("Han får hjælp fra Familierådgivningen på Amager, ved Bent Rask Olufsen.",
     "Bent Rask Olufsen"),
    ("Jobcentret i Nørre Alslev, ved Ida Kronborg Juhl, har indkaldt ham.",
     "Ida Kronborg Juhl"),
])
def test_an_officer_after_an_authority_and_its_place(analyzer: Analyzer, text: str,
                                                     name: str) -> None:
    assert name in _out(analyzer, text, ("økonomi", "beskæftigelse"))


# -- K3: a municipality's youth service is an authority: its adviser's number stays
@pytest.mark.parametrize("text", [
    "04.02.26 kl. 14.30 - tlf. m. Kommunal Ungeindsats (PDK)\n"
    "Talt m. uddannelsesvejleder Karla Nymann, Kommunal Ungeindsats Ishøj, tlf. 43 91 27 64.",
    "Møde med Kommunal Ungeindsats (Karla Nymann), tlf. 43 91 27 64.",
])
def test_the_municipal_youth_service_is_an_authority(analyzer: Analyzer, text: str) -> None:
    out = _out(analyzer, text, ("uddannelse",))
    assert "43 91 27 64" in out and "Kommunal Ungeindsats" in out, out


# -- K3: initials a document defines for a professional are that professional later
def test_a_professionals_initials_are_no_new_person(analyzer: Analyzer) -> None:
    text = ("Tilsynsførende: Gitte Hvass Lundbye (GHL), KiF Sydjylland, tlf. 72 55 41 90, "
            "gitte.hvass.lundbye@krfo.dk\n\n"
            "03.03.26 - møde i Esbjerg Kommune (GHL deltog)\n"
            "Deltagere: kl., Søren Bækgaard Holm og GHL. Aftalt: ansøgning om boligydelse.")
    out = _out(analyzer, text, ("bolig",))
    for kept in ("gitte.hvass.lundbye@krfo.dk", "72 55 41 90", "Gitte Hvass Lundbye"):
        assert kept in out, out
    assert "GHL" in out, out
