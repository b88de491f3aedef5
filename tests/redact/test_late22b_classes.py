"""Late fix of round 22 (issue 8) on the R2 / R3 / R5 / K7 side, each a general class with
several phrasings on invented text: a person's origin told by the adjective alone ("… er
kurdisk") or by an origin compound ("romaoprindelse") (R2); sympathy for a movement named in
capitals and the armed Kurdish movements by their abbreviations (R2); words of a fight for a
people or a faith (R3, a radicalisation concern); the institution monitoring calls, in the
present tense (R3); isolation as a measure and leaving the prison without leave (R3/R5); a
medicine misused is substance use, kept under misbrug (K7). All persons, places and numbers
invented."""

from __future__ import annotations

import pytest
from harness import Case, gone

CLIENT = "Torvald Ingemann Skovbjerg"
CPR = "230591-1427"
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n\n2. Beskrivelse\n"

CASE = Case(CLIENT, HEAD, areas=("bolig",), cpr=CPR)
_redact = CASE.redact


# -- R2: origin by the adjective alone or by an origin compound ------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Torvald er kurdisk og har boet i Vejle siden 2009.", "kurdisk"),
    ("Hun er selv eritreisk, men taler flydende dansk.", "eritreisk"),
    ("Kl. var oprindeligt tyrkisk.", "tyrkisk"),
    ("Hans samlever Mirela er rumænsk, og hun arbejder på et hotel.", "rumænsk"),
    ("Han er af romaoprindelse og har søgt arbejde i byggeriet.", "romaoprindelse"),
    ("Han nævner sin kurderafstamning flere gange.", "kurderafstamning"),
    ("Hun er af somalia-herkomst.", "somalia-herkomst"),
])
def test_origin_alone_or_compound_goes(sentence: str, secret: str) -> None:
    out = _redact(sentence, ("bolig",))
    assert gone(out, secret), out


@pytest.mark.parametrize("sentence", [
    "Han er dansk og har boet i Randers hele livet.",
    "Han er glad for sin nye lejlighed.",
])
def test_no_origin_adjective_alone_stays(sentence: str) -> None:
    out = _redact(sentence, ("bolig",))
    assert "[udeladt: etnisk" not in out, out


# -- R2: political sympathy and armed movements by their abbreviations -----------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Han har over for personalet udtrykt sympati for PKK.", "PKK"),
    ("Hun har sympati for YPG og følger deres kanaler.", "YPG"),
    ("Han giver udtryk for sympati med KCK.", "KCK"),
    ("Han viser sympati for NRM og deler deres opslag.", "NRM"),
])
def test_sympathy_for_a_movement_goes(sentence: str, secret: str) -> None:
    out = _redact(sentence, ("bolig",))
    assert gone(out, secret), out


def test_sympathy_for_a_person_stays() -> None:
    sentence = "Han har sympati for sin bror, der også søger bolig."
    assert "politisk" not in _redact(sentence, ("bolig",))


# -- R3: words of a fight for a people or a faith ---------------------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ('Kl. har flere gange talt om "at kæmpe for sit folk".', "kæmpe for sit folk"),
    ("Han siger, at han er klar til at dø for sin tro.", "dø for sin tro"),
    ("Han har skrevet, at man skal kæmpe for vores folk.", "kæmpe for vores folk"),
    ("Han taler om krig for kalifatet.", "kalifatet"),
])
def test_a_fight_for_a_people_or_faith_goes(sentence: str, secret: str) -> None:
    out = _redact(sentence, ("bolig", "netværk"))
    assert gone(out, secret) and "[udeladt: " in out, out


@pytest.mark.parametrize("sentence", [
    "Han vil kæmpe for sin familie og for at få et job.",
    "Han kæmper for at holde sig stoffri.",
])
def test_a_fight_for_ones_own_life_stays(sentence: str) -> None:
    assert "[udeladt: sikkerhed]" not in _redact(sentence, ("bolig", "netværk"))


# -- R3: calls monitored in the present tense -------------------------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Institutionen kontrollerer hans telefonsamtaler i de næste tre måneder.",
     "telefonsamtaler"),
    ("Fængslet overvåger fortsat hans opkald til udlandet.", "udlandet"),
    ("Afdelingen kontrollerer hans breve efter episoden.", "episoden"),
])
def test_calls_monitored_now_go(sentence: str, secret: str) -> None:
    out = _redact(sentence, ("beskæftigelse",))
    assert gone(out, secret) and "[udeladt: sikkerhed]" in out, out


# -- R3/R5: leaving the prison without leave, isolation as a measure --------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Samme nat forlod han fængslet uden tilladelse og tog toget til Odense.",
     "toget til Odense"),
    ("Han forlod pensionen om aftenen uden lov og kom først tilbage næste dag.",
     "næste dag"),
    ("I marts stak han af fra institutionen og blev fundet i Kolding.", "Kolding"),
    ("Han blev efterfølgende afsondret i 4 timer.", "afsondret"),
    ("Efter slagsmålet blev han afsondret. Han fik besøg af sin mor.", "afsondret"),
    ("Han blev afsondret på sin stue resten af dagen.", "afsondret"),
    ("Hun blev straks afsondret fra de andre unge.", "afsondret"),
    ("Han sad afsondret i tre døgn efter episoden.", "afsondret"),
])
def test_leaving_without_leave_and_isolation_go(sentence: str, secret: str) -> None:
    out = _redact(sentence, ("uddannelse", "netværk", "mentor"))
    assert gone(out, secret), out


@pytest.mark.parametrize("sentence", [
    "Da han forlod fængslet i maj, flyttede han ind hos sin søster.",
    "Han bor lidt afsondret på landet og har brug for en cykel.",
])
def test_release_and_a_quiet_home_stay(sentence: str) -> None:
    assert _redact(sentence, ("bolig", "netværk")).strip().endswith(sentence.split()[-1])


# -- K7: a medicine misused is substance use ---------------------------------------------------
@pytest.mark.parametrize(("sentence", "kept"), [
    ("Torvald har røget hash dagligt i ti år og har periodevis misbrugt Lyrica.",
     "misbrugt Lyrica"),
    ("Han misbruger også Rivotril, som han køber af andre.", "misbruger også Rivotril"),
    ("Der har været misbrug af Tramadol i perioder.", "misbrug af Tramadol"),
])
def test_a_medicine_misused_stays_under_misbrug(sentence: str, kept: str) -> None:
    out = _redact(sentence, ("misbrug", "bolig"))
    assert kept in out, out
    if "hash dagligt" in sentence:
        assert "hash dagligt" in out, out


@pytest.mark.parametrize("sentence", [
    "Han har periodevis misbrugt Lyrica.",
    "Han misbruger også Rivotril.",
])
def test_a_medicine_misused_goes_without_misbrug(sentence: str) -> None:
    out = _redact(sentence, ("bolig",))
    assert gone(out, sentence.split()[-1].rstrip(".")), out


def test_medicine_taken_for_an_illness_still_goes() -> None:
    out = _redact("Han tager Lyrica mod sine nervesmerter.", ("misbrug", "bolig"))
    assert gone(out, "Lyrica"), out


@pytest.mark.parametrize("sentence", [
    "Han har stor sympati for NA og går til møder hver uge.",
    "Han viser sympati for SSP-medarbejderen, som han kender fra skolen.",
])
def test_sympathy_for_a_self_help_group_or_a_worker_is_no_politics(sentence: str) -> None:
    assert "politisk" not in _redact(sentence, ("misbrug", "bolig"))


def test_checking_ones_own_post_stays() -> None:
    sentence = "Han kontrollerer selv sin post hver dag og betaler sine regninger."
    assert "[udeladt: sikkerhed]" not in _redact(sentence, ("økonomi",))


@pytest.mark.parametrize("sentence", [
    "Rådgiveren gennemgår hans post med ham hver fredag.",
    "Hans søster læser hans breve højt for ham.",
])
def test_help_with_someones_post_stays(sentence: str) -> None:
    assert "[udeladt: sikkerhed]" not in _redact(sentence, ("økonomi", "netværk"))


def test_a_childhood_cut_off_from_the_family_is_no_isolation() -> None:
    sentence = "Hun blev afsondret fra familien som barn og savner kontakten."
    assert "[udeladt: sikkerhed]" not in _redact(sentence, ("netværk",))
