"""Round 21 classes of R4, R5 and K4-K6 (issue 8): the act's means, roles and gain, a
victim's losses and fear, exclusion from work inside, and what stays: an interpreter booked
for a meeting, an insurer's recourse claim, the kommune's Visitation, a release condition
that names the contact ban, the longest time of a § 68-69 sentence. Every sentence and
person is invented."""

from __future__ import annotations

import re

import pytest
from harness import redact_section

from gldocs.redact.engine import Analyzer

CLIENT = "Torben Askgaard Lund"
DESCRIPTION = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 170884-1937\n\n2. Beskrivelse\n"


def _out(analyzer: Analyzer, sentence: str, areas: tuple[str, ...] = ("bolig",)) -> str:
    return redact_section(analyzer, CLIENT, DESCRIPTION, sentence, areas).strip()


def _gone(out: str, secret: str) -> bool:
    text = re.sub(r"\[[^\]]*\]", " ", out)
    return secret.lower() not in text.lower() and "[udeladt" in out


# ---- R4: the act's means, roles and gain --------------------------------------------------
MEANS = [
    ("det var mulle der fik ideen med villaen og bjarke som kørte bilen.", "ideen med villaen"),
    ("Det var hans svoger, som planlagde det hele.", "planlagde"),
    ("Hun kom med idéen til indbruddet.", "idéen til indbruddet"),
    ("Svogeren havde hele tiden en fast indtægt som chauffør, som ikke blev oplyst.",
     "fast indtægt som chauffør"),
    ("Hun undlod at anmelde samlivet til kommunen.", "samlivet"),
    ("Torben troede på gerningstidspunktet, at genboen lyttede efter ham.",
     "lyttede efter ham"),
    ("ring til mig hvis de spørger om det med sommerhuset", "det med sommerhuset"),
    ("Han fragtede kokainen videre i en lånt varebil.", "lånt varebil"),
    ("Hashen blev kørt med en trailer fra Padborg.", "trailer fra Padborg"),
    ("Pengene lå i et hemmeligt rum bag panelet.", "hemmeligt rum"),
    ("Tyvekosterne var gemt i en dobbelt bund i bagagerummet.", "dobbelt bund"),
    ("Han tjente omkring 18.500 kr. på videresalget.", "18.500 kr."),
    ("Udbyttet blev brugt til en ny motorcykel.", "ny motorcykel"),
    ("Han havde kontaktet hende 65 gange, før hun anmeldte det.", "65 gange"),
    ("Hun modtog beskeder fra ham 30 gange på en nat.", "30 gange på en nat"),
    ("Se bilag 4: offererklæringen fra naboen.", "offererklæringen"),
]


@pytest.mark.parametrize(("sentence", "secret"), MEANS)
def test_means_roles_and_gain_of_the_act_go(analyzer: Analyzer, sentence: str,
                                            secret: str) -> None:
    # (misbrug chosen: the drugs themselves are K7, their transport still goes)
    out = _out(analyzer, sentence, ("misbrug", "bolig"))
    assert _gone(out, secret) and "[udeladt: ikke nødvendigt]" in out, out


# ---- R4: the victim's losses and fear ------------------------------------------------------
VICTIM = [
    ("Pigen fik to blå øjne og næseblod.", "blå øjne"),
    ("Gunhild mistede hele sin opsparing.", "opsparing"),
    ("Forurettede mistede sin bolig efter svindlen.", "bolig"),
    ("Familien gik fra hus og hjem.", "hus og hjem"),
    ('"Jeg tør ikke længere være alene hjemme om natten."', "alene hjemme"),
    ("Hun tør stadig ikke at tage bussen alene.", "tage bussen"),
    ("Offeret har ikke turdet forlade lejligheden siden.", "forlade lejligheden"),
]


@pytest.mark.parametrize(("sentence", "secret"), VICTIM)
def test_victims_losses_and_fear_go(analyzer: Analyzer, sentence: str, secret: str) -> None:
    out = _out(analyzer, sentence)
    assert _gone(out, secret), out


# ---- R5: taken off work, school or a computer inside ---------------------------------------
INSIDE = [
    ("Han blev efter fundet undtaget fra arbejdet på værkstedet.", "værkstedet"),
    ("Han er suspenderet fra skolen i fængslet i en måned.", "skolen"),
    ("Han fik frataget adgangen til pc'en på afdelingen i fire uger.", "adgangen til pc"),
]


@pytest.mark.parametrize(("sentence", "secret"), INSIDE)
def test_exclusion_from_work_inside_goes_even_with_work_chosen(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    out = _out(analyzer, sentence, ("beskæftigelse", "uddannelse"))
    assert _gone(out, secret), out


# ---- what stays ------------------------------------------------------------------------------
KEEP = [
    # the client's own loss, income, calls, fear and beliefs are the plan's
    ("Han mistede sin lejlighed under afsoningen.", ("bolig",)),
    ("Torben mistede sit job i foråret.", ("bolig",)),
    ("Han tjente 24.000 kr. om måneden på lageret.", ("beskæftigelse",)),
    ("Han har ringet til jobcentret fire gange for at få en tid.", ("beskæftigelse",)),
    ("Pengene bliver brugt på husleje og mad.", ("økonomi",)),
    ("Han har styr på det med banken nu.", ("økonomi",)),
    ("Han tør ikke sige nej til de gamle venner.", ("netværk",)),
    ("Han mente på det tidspunkt, at han ikke havde brug for hjælp.", ("misbrug",)),
    ("Han har fået en lejet bolig i Vejle.", ("bolig",)),
    ("Han arbejder i fængslets køkken og vil gerne fortsætte som kok.", ("beskæftigelse",)),
    # an interpreter booked for a meeting, an insurer's claim, the kommune's Visitation
    ("Der bookes tolk på dari til samtalen på jobcentret.", ("beskæftigelse",)),
    ("Tolk på somali er bestilt til mødet.", ("bolig",)),
    ("Topdanmark, som har dækket skaden på hallen, har rejst regreskrav på 740.000 kr.",
     ("økonomi",)),
    ("Vi beder om, at Visitationen vurderer hans ansøgning om et botilbud.", ("bolig",)),
    # a release condition that names the ban, and a home outside the ban's area
    ("Han prøveløslades med vilkår om tilsyn og om at overholde tilholdet.", ("bolig",)),
    ("Den nye bolig skal ligge uden for opholdsforbuddets område.", ("bolig",)),
]


@pytest.mark.parametrize(("sentence", "areas"), KEEP)
def test_the_plan_stays(analyzer: Analyzer, sentence: str, areas: tuple[str, ...]) -> None:
    out = _out(analyzer, sentence, areas)
    assert "[udeladt" not in out, out


def test_a_broken_ban_and_the_clients_language_still_go(analyzer: Analyzer) -> None:
    assert "[udeladt" in _out(analyzer, "Han overholdt ikke tilholdet.")
    assert "[udeladt" in _out(analyzer, "Han taler dari og lidt engelsk.")


def test_the_longest_time_of_a_treatment_sentence_stays(analyzer: Analyzer) -> None:
    out = _out(analyzer, "Dom: Dom til ambulant behandling for trusler. Længstetid 3 år.",
               ("bolig",))
    assert "Længstetid 3 år" in out, out
