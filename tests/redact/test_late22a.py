"""Round 22 late classes (issue 8), R1 and K3: a quoted profile name of several words after a
username cue, a handle in brackets after a platform, names and nicknames in lower case in
messages (coordinated, opening a sentence, after what not to say, as a signature), who made a
decision, an officer after an authority with its place, a municipality's youth service, and a
professional's initials. Every sentence and person is invented."""

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


# -- R1: names and nicknames in lower case in messages
def _msg(analyzer: Analyzer, message: str, after: str = "") -> str:
    text = f"10.03.26 kl. 09.12 - sms fra kl.\n\"{message}\"\n{after}"
    return _visible(_out(analyzer, text, ("bolig", "netværk")))


@pytest.mark.parametrize(("message", "name"), [
    # coordinated with a name found in the message: a word no language knows
    ("yo kom ned til hallen nu 😤 fizzo og bimmo er her allerede", "fizzo"),
    ("kom nu. bimmer og sisse venter ved porten", "bimmer"),
    # a clause opening a new sentence of the message before its verb
    ("jeg var hjemme i går. zuppi har skrevet men jeg svarer ik", "zuppi"),
    # a given name that is also a word, before a verb only a person does
    ("vi er ved hallen. lærke siger hun henter os i sin fars bil", "lærke"),
    ("okay. viola skrev hun kommer senere", "viola"),
    # an object after what not to say
    ("og sig ikk noget til kiwa hun er stadig sur ik", "kiwa"),
    ("sig det ikke til zanni han bliver gal", "zanni"),
    # a signature after a slash or a dash at the message's end
    ("ring nu til din far han har skrevet 3 gange 🙄 /tinka", "tinka"),
    ("ses i morgen ved hallen - kikki 🙂", "kikki"),
])
def test_a_lower_case_name_in_a_message_goes(ner_analyzer: Analyzer, message: str,
                                             name: str) -> None:
    assert name not in _msg(ner_analyzer, message).lower()


def test_a_name_found_in_lower_case_goes_where_prose_opens_a_sentence_with_it(
        ner_analyzer: Analyzer) -> None:
    out = _msg(ner_analyzer, "og sig ikk noget til kiwa hun er stadig sur ik",
               "Kiwa er ekskæresten Vanida Srisuk. Hun har kontaktforbud til kl.")
    assert "kiwa" not in out.lower() and "Vanida" not in out


@pytest.mark.parametrize("message", [
    "vi ses ved hallen. bagefter siger hun det er fint",
    "ring til mig - nu",
    "jeg kommer kl 7 /oskar",  # the client's own name signs his message
    "sig det til mor hun ved det",
])
def test_ordinary_words_and_the_clients_name_stay(ner_analyzer: Analyzer, message: str) -> None:
    out = _visible(_out(ner_analyzer, f"10.03.26 kl. 09.12 - sms fra kl.\n\"{message}\"\n",
                        ("bolig",)))
    for word in ("bagefter", "nu", "mor"):
        if word in message:
            assert word in out, out


# -- R1: a handle in brackets right after a platform's name
@pytest.mark.parametrize(("text", "handle"), [
    ("Rune har skrevet til kl. på Facebook (runeholt91) at de skal ses.", "runeholt91"),
    ("Hun følger ham på Instagram (@sol.bk_04).", "@sol.bk_04"),
    ("Kontakten gik via Snapchat-profilen (MaxiDK77).", "MaxiDK77"),
])
def test_a_handle_in_brackets_after_a_platform(text: str, handle: str) -> None:
    assert handle in [m.text for m in find_online_ids(text)]


@pytest.mark.parametrize("text", [
    "Han har skrevet på Facebook (privat) til moren.",
    "Kontakten er via Messenger (se bilag).",
])
def test_no_handle_in_an_ordinary_bracket(text: str) -> None:
    assert find_online_ids(text) == []
