"""Round 22 of issue 8 on the R2 / R3 / R5 / K7 side, each a general class with several
phrasings on invented text: a pending charge (R3, even though it names an offence type; the
sentence the plan builds on stays K6); a message read by the prison and a phone not one's own
(R3); registered by the police (R3); a job inside lost (R5; a job outside stays); a heart's
treatment by catheter (R2); a person's origin as the adjective before the person (R2); a
referral ("visitation") with its deadline or beside its treatment (K7 under misbrug, no
search); an unticked area box of a form (no § 10 hit); the compensation for a thing the act
damaged (R4; the debt stays K4); a treatment handed on to a clinic (K7, no prisoner's
transfer). All persons, places and numbers invented."""

from __future__ import annotations

import pytest
from harness import Case, gone

CLIENT = "Jonatan Brøndum Kjærsgaard"
CPR = "140288-1375"  # a man (odd last digit)
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n\n2. Beskrivelse\n"

CASE = Case(CLIENT, HEAD, areas=("bolig",), cpr=CPR)
_redact = CASE.redact
SIKKERHED = "[udeladt: sikkerhed]"


# -- R3: a pending charge is another case than the sentence ----------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Verserende:\tsigtelse for brugstyveri, ikke afgjort.", "brugstyveri"),
    ("Verserende sager: tiltale for vold mod en kontrollør.", "kontrollør"),
    ("Der er desuden rejst sigtelse for databedrageri i en anden sag.", "databedrageri"),
    ("Der er rejst tiltale for hæleri i en ny sag.", "hæleri"),
    ("Han er sigtet for trusler mod en sagsbehandler, og sagen er ikke afgjort.",
     "sagsbehandler"),
    ("Jonatan er nu også sigtet for ulovlig våbenbesiddelse.", "våbenbesiddelse"),
    ("Han har desuden fået en ny sigtelse for butikstyveri.", "butikstyveri"),
])
def test_a_pending_charge_goes_as_security(sentence: str, secret: str) -> None:
    out = _redact(sentence, ("bolig",))
    assert gone(out, secret) and SIKKERHED in out, out


@pytest.mark.parametrize("sentence", [
    "Han blev idømt 10 måneder for trusler mod vidne.",
    "Dom: 1 år og 3 måneder for bedrageri.",
])
def test_the_sentence_the_plan_builds_on_stays(sentence: str) -> None:
    assert _redact(sentence, ("bolig",)).strip() == sentence


def test_the_sentence_stays_beside_a_new_charge() -> None:
    out = _redact("Dom: 8 måneder for hæleri. Han er nu sigtet for dokumentfalsk.", ("bolig",))
    assert "Dom: 8 måneder for hæleri." in out and gone(out, "dokumentfalsk"), out


# -- R3: a message read by the prison, a phone not one's own, the police's register ----------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Fætteren skrev til ham i en kontrolleret besked, at der er plads i lejligheden.",
     "kontrolleret besked"),
    ("Han modtog en overvåget sms fra en tidligere medindsat.", "overvåget sms"),
    ("Kæresten sagde i et aflyttet opkald, at hun vil flytte.", "aflyttet opkald"),
    ("Kontakt til broren via fremmed telefon konstateret.", "fremmed telefon"),
    ("Han har ringet hjem fra en smuglet mobil.", "smuglet mobil"),
    ("Han blev tidligere registreret af politiet som del af et netværk i Vollsmose.",
     "registreret af politiet"),
    ("Han er registreret hos Fyns Politi i forbindelse med en gruppe.",
     "registreret hos Fyns Politi"),
])
def test_controlled_messages_and_the_polices_register_go(sentence: str, secret: str) -> None:
    out = _redact(sentence, ("bolig", "netværk"))
    assert gone(out, secret) and SIKKERHED in out, out


# -- R5: a job inside lost; a job outside stays ---------------------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("I fængslet mistede han sit job i vaskeriet efter en konflikt.", "vaskeriet"),
    ("Han mistede sin plads på værkstedet i januar.", "værkstedet"),
    ("Han blev fyret fra køkkenet efter en episode på afdelingen.", "køkkenet"),
    ("Han blev frataget sit arbejde i gartneriet.", "gartneriet"),
])
def test_a_job_inside_lost_goes(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence, ("uddannelse",)), secret)


def test_a_job_outside_lost_stays() -> None:
    sentence = "Han mistede sit job i køkkenet på Hotel Strandbo, da han blev anholdt."
    assert _redact(sentence, ("beskæftigelse",)).strip() == sentence


# -- R2: a heart's treatment by catheter ----------------------------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Behandlet med PCI og to stents.", "PCI"),
    ("Han har fået lagt en stent i en kranspulsåre.", "stent"),
    ("Han fik foretaget en ballonudvidelse sidste år.", "ballonudvidelse"),
    ("Der er planlagt en koronararteriografi i maj.", "koronararteriografi"),
])
def test_a_hearts_treatment_by_catheter_is_health(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence, ("beskæftigelse",)), secret)


def test_a_hearts_treatment_stays_under_helbred() -> None:
    sentence = "Han har fået lagt en stent og skal til kontrol."
    assert _redact(sentence, ("helbred",)).strip() == sentence


# -- R2: origin as the adjective before a person ---------------------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Han bor sammen med sin filippinske samlever i Odense.", "filippinske"),
    ("Hans ukrainske kone arbejder på et lager.", "ukrainske"),
    ("Han har en somalisk ven, der hjælper med flytningen.", "somalisk"),
    ("Den tyrkiske nabo har lovet at tømme hans postkasse.", "tyrkiske"),
])
def test_a_persons_origin_before_the_person_goes(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence, ("netværk",)), secret)


# -- K7: a referral with its deadline or beside its treatment is no search --------------------
@pytest.mark.parametrize("sentence", [
    "Indsats:\tAmbulant alkoholbehandling hos Rusmiddelcenter Fjordby, visitation inden "
    "1. juni 2026.",
    "Han skal i dagbehandling for kokain; visitation senest i uge 14.",
])
def test_a_referral_to_treatment_stays_under_misbrug(sentence: str) -> None:
    assert _redact(sentence, ("misbrug",)).strip() == sentence


def test_a_search_stays_security() -> None:
    out = _redact("Der blev foretaget visitation af hans celle i marts.", ("misbrug",))
    assert gone(out, "visitation"), out


# -- a form's unticked area boxes tell nothing; a ticked problem box stays § 10 ---------------
@pytest.mark.parametrize("line", [
    "[ ] misbrug  [ ] helbred          [ ] netværk       [ ] mentor",
    "[ ] bolig\t\t[ ] misbrug\t\t[x] netværk\t\t[ ] mentor",
])
def test_an_unticked_area_box_stays(line: str) -> None:
    assert _redact(line, ("netværk", "beskæftigelse")).strip() == line


def test_a_ticked_substance_box_goes_outside_misbrug() -> None:
    out = _redact("Problemområder: [x] misbrug  [ ] gæld", ("beskæftigelse",))
    assert "misbrug  [ ]" not in out and "rhl. § 10" in out, out


# -- R4: the compensation for a thing the act damaged; the debt itself stays (K4) -------------
@pytest.mark.parametrize(("body", "secret", "kept"), [
    ("| Torben Lykke | 18.000 kr. | privat lån, skadeserstatning for ladcyklen |",
     "ladcyklen", "18.000 kr."),
    ("Han skylder godtgørelse for computeren og betaler 400 kr. om måneden.",
     "computeren", "400 kr. om måneden"),
    ("Gæld: erstatning for den lånte påhængsvogn, 9.500 kr.", "påhængsvogn", "9.500 kr."),
])
def test_compensation_for_a_thing_goes_and_the_debt_stays(body: str, secret: str,
                                                          kept: str) -> None:
    out = _redact(body, ("økonomi",))
    assert gone(out, secret) and kept in out, out


@pytest.mark.parametrize("sentence", [
    "Erstatningskravet på 28.000 kr. for hærværket afdrages hver måned.",
    "Han betaler erstatning for skaden med 300 kr. om måneden.",
])
def test_compensation_for_the_offence_or_the_damage_stays(sentence: str) -> None:
    assert _redact(sentence, ("økonomi",)).strip() == sentence


# -- K7: a treatment handed on to a clinic is no transfer of a prisoner -----------------------
@pytest.mark.parametrize("sentence", [
    "Indsats:\tOverførsel til Psykiatrisk Center Vestby, ambulatoriet, med første tid inden "
    "15. juni 2026.",
    "Der er søgt om overførsel til Klinik for Spiseforstyrrelser efter løsladelsen.",
])
def test_a_treatment_handed_on_stays_under_helbred(sentence: str) -> None:
    assert _redact(sentence, ("helbred",)).strip() == sentence


@pytest.mark.parametrize(("sentence", "secret"), [
    ("Han ønsker overførsel til et andet fængsel tættere på familien.", "andet fængsel"),
    ("Han er overført til Statsfængslet Nordby efter en konflikt.", "Nordby"),
])
def test_a_prisoners_transfer_still_goes(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence, ("helbred",)), secret)
