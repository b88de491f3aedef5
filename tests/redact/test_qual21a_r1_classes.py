"""Round 21 of issue 8, R1 and K1-K3 classes found on the released blind sets, each a general
rule tested in several phrasings of invented text: a greeting after a name is the speaker's
message (no title), a person named as the key of a "Nøgle: værdi" line, a title in brackets
closing a list of names, a given name that is also an ordinary word in lower case after a
role or joined to a name, a quoted nickname identified as a person or a party of a message's
header, and the municipality's Visitationen (no search). All persons, places and numbers are
invented."""

from __future__ import annotations

import re

import pytest

from tests.redact.harness import Case, stamdata

CLIENT = "Palle Rugholm Vest"
CPR = "120388-1235"


def _redact(body: str, areas: tuple[str, ...] = ("netværk",)) -> str:
    head = stamdata(CLIENT, CPR) + "2. Beskrivelse\n"
    return Case(CLIENT, head, areas=areas, cpr=CPR).redact(body, areas)


def _shown(out: str, word: str) -> bool:
    """``word`` stands in ``out`` as a word outside the markers (any case)."""
    text = re.sub(r"\[[^\]]*\]", " ", out)
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


# -- a greeting right after a name is the speaker's message, no title ----------------------
@pytest.mark.parametrize("text", [
    "[09:12] Gitte Lyngbo: hej palle, du kan godt komme på søndag\n"
    "[09:13] Palle Vest: tak",
    "[18:40] Vibeke Raun: hejsa skat, ring når du kan\n[18:41] Palle Vest: ok",
    "Kirsten Tange: kære palle, vi savner dig\nPalle Vest: i lige måde",
])
def test_a_greeting_after_a_speaker_is_no_title(text: str) -> None:
    out = _redact(text)
    for word in ("Gitte", "Lyngbo", "Vibeke", "Raun", "Kirsten", "Tange"):
        assert not _shown(out, word), out


def test_a_greeting_before_a_name_still_shows_the_addressee() -> None:
    # (the greeting stands before a professional's name: "Kære" opens a letter to her)
    out = _redact("Kære sagsbehandler Hanne Brask\nPalle ønsker hjælp til bolig.", ("bolig",))
    assert "Hanne Brask" in out, out


# -- a person named as the key of a "Nøgle: værdi" line --------------------------------
@pytest.mark.parametrize(("text", "names"), [
    ("Gæld til private:\n- Vennen Kim Ravnholt: 35.000 kr.\n- Moren: 10.000 kr.",
     ("Ravnholt",)),
    ("Gæld:\n- Jens Ulvskov: 12.000 kr. (lånt i 2024)\n- Kviklån: 4.000 kr.", ("Ulvskov",)),
    ("Beskeder fra søsteren:\nHanne Thygesmark: jeg kommer i morgen\nPalle: ok",
     ("Thygesmark",)),
    ("- Kæresten Sol Brandhøj: 2.000 kr.", ("Brandhøj",)),
])
def test_a_person_as_a_lines_key_goes(text: str, names: tuple[str, ...]) -> None:
    out = _redact(text, ("økonomi",))
    for name in names:
        assert not _shown(out, name), out


def test_a_label_key_and_a_professional_key_stay() -> None:
    out = _redact("Kontaktperson: Jens Ulvskov, sagsbehandler, Vejle Kommune\n"
                  "Sagsbehandler Ida Holmgaard: ring på tlf. 76 81 20 20", ("økonomi",))
    assert "Jens Ulvskov" in out and "Ida Holmgaard" in out, out


# -- a title in brackets closing a list of names holds for every name -------------------
@pytest.mark.parametrize(("text", "names"), [
    ("Signaturer: AB = Anne Bisholm, RN = Rune Nyvang, JH = Julie Hjortkær "
     "(pensionsmedarbejdere)\n\n02.02.2026 kl. 06.45 – RN: Palle vækket.",
     ("Anne Bisholm", "Rune Nyvang", "Julie Hjortkær")),
    ("Til stede: Ida Holmgaard og Bo Lindvig (socialrådgivere)\nPalle deltog også.",
     ("Ida Holmgaard", "Bo Lindvig")),
    ("Vagthavende: Kaj Ambo, Lis Fenger, Ole Brix (fængselsbetjente)\nAlt roligt.",
     ("Kaj Ambo", "Lis Fenger", "Ole Brix")),
])
def test_a_title_closing_a_list_keeps_every_name(text: str, names: tuple[str, ...]) -> None:
    out = _redact(text, ("beskæftigelse",))
    for name in names:
        assert name in out, out


def test_a_family_role_in_the_closing_bracket_is_no_title() -> None:
    out = _redact("Besøg: Lise Grumstrup og Sanne Krogvig (søstre)\nDe kom kl. 14.")
    assert not _shown(out, "Grumstrup") and not _shown(out, "Krogvig"), out


# -- a given name that is also an ordinary word, in lower case after a role --------------
@pytest.mark.parametrize(("text", "name"), [
    ("jeg skal bo hos min mor i starten og min bror kim bor der også i weekenderne.", "kim"),
    ("min kæreste sol er gravid og skal føde i august så jeg skal have styr på det.", "sol"),
    ("han siger at hans lillesøster lykke har det godt nu og går i skole igen.", "lykke"),
    ("min fætter storm har lovet at hjælpe mig med at flytte når jeg kommer ud.", "storm"),
])
def test_an_ordinary_word_name_after_a_role_goes(text: str, name: str) -> None:
    out = _redact(text)
    assert not _shown(out, name), out


def test_a_month_after_a_role_stays() -> None:
    out = _redact("jeg flytter hjem til min mor maj 2026 og så finder jeg noget selv bagefter.")
    assert "maj 2026" in out, out


# -- ... joined by "og" to a name found in lower case, and every later mention ------------
@pytest.mark.parametrize(("text", "name"), [
    ("jeg vil ikke se nogen fra det gamle miljø. storm og tobias har skrevet til mig. "
     "det var storm som kørte bilen og storm har stadig mit nummer.", "storm"),
    ("dem fra klubben skal jeg holde mig fra. mikkel og sol ringer hele tiden og sol "
     "vil have penge af mig.", "sol"),
])
def test_an_ordinary_word_joined_to_a_lower_case_name_goes(text: str, name: str) -> None:
    out = _redact(text)
    assert not _shown(out, name), out


def test_the_ordinary_word_itself_stays_after_an_article() -> None:
    out = _redact("storm og tobias har skrevet til mig men dem vil jeg ikke se mere. "
                  "der var en storm i går og vi blev våde hele vejen hjem fra byen.")
    assert "en storm i går" in out, out


# -- a quoted nickname identified as a person, or a party of a message's header ----------
@pytest.mark.parametrize(("text", "nick"), [
    ('Retten lagde til grund, at "Grisen" er identificeret som Aske Holmvig.', "Grisen"),
    ("»Trolden« viste sig at være Bo Lindvig. Trolden er ikke dømt.", "Trolden"),
    ('Af dommen fremgår:\n\nPalle til "Ørnen", 14.07.2023: "har du varen til i morgen"\n'
     '"Ørnen" til Palle, 14.07.2023: "ja kl 22"', "Ørnen"),
    ('Aflytning:\n"Muldvarpen" til Palle, 02.08.2023: "bilen står ved p-kælderen"', "Muldvarpen"),
])
def test_a_quoted_nickname_of_a_person_goes(text: str, nick: str) -> None:
    out = _redact(text)
    assert not _shown(out, nick), out


# -- the municipality's Visitationen by its name is no search (K2, K4 stay) --------------
@pytest.mark.parametrize("text", [
    "Jeg foreslår et møde den 10. marts 2026 med deltagelse af værgen, Visitationen og KiF.",
    "Vi beder om, at Visitationen behandler ansøgningen om plejebolig inden 1. april 2026.",
])
def test_the_municipal_visitation_unit_is_no_search(text: str) -> None:
    out = _redact(text, ("bolig", "helbred"))
    assert "2026" in out and "Visitationen" in out, out


@pytest.mark.parametrize("text", [
    "Ved visitationen blev der fundet en kniv på ham.",
    "Visitationen fandt en mobiltelefon i hans sko.",
])
def test_a_search_is_still_security(text: str) -> None:
    out = _redact(text, ("bolig",))
    assert "fundet" not in out and "fandt" not in out, out
