"""Round 20 late classes (issue 8): religious rites, foreign political parties in their own
language, a third person's own health or drinking, reports and pressure inside an institution,
investigation steps and the act's payment details. Every sentence and person is invented."""

from __future__ import annotations

import re

import pytest
from harness import analyse, redact_section, redacted_after

from gldocs.redact.engine import Analyzer

CLIENT = "Aksel Brøndum Vinther"
STAMDATA = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 030491-2615\n\n"
DESCRIPTION = STAMDATA + "2. Beskrivelse\n"


def _out(analyzer: Analyzer, sentence: str, areas: tuple[str, ...] = ("bolig",)) -> str:
    return redact_section(analyzer, CLIENT, DESCRIPTION, sentence, areas).strip()


def _gone(out: str, secret: str) -> bool:
    text = re.sub(r"\[[^\]]*\]", " ", out)
    return secret.lower() not in text.lower() and "[udeladt" in out


RITES = [
    ("Aksel ønsker, at datteren skal døbes i sognekirken til sommer.", "døbes"),
    ("Præsten skal døbe drengen i maj.", "døbe"),
    ("Sønnen blev omskåret som lille.", "omskåret"),
    ("Han deltog i sin nevøs bar mitzvah i efteråret.", "bar mitzvah"),
    ("Hans datter er konfirmand i år.", "konfirmand"),
    ("Han var til sin niece's første kommunion i Gdańsk.", "kommunion"),
]

PARTIES = [
    ("Han var tidligere medlem af Sverigedemokraterna.", "Sverigedemokraterna"),
    ("Broren stemmer på Fremskrittspartiet.", "Fremskrittspartiet"),
    ("Han har delt opslag fra Perussuomalaiset.", "Perussuomalaiset"),
    ("Han sympatiserer med Rassemblement National.", "Rassemblement National"),
    ("Han var aktiv i Kristdemokraterna i Malmö.", "Kristdemokraterna"),
]


@pytest.mark.parametrize(("sentence", "secret"), RITES + PARTIES)
def test_rites_and_foreign_parties_are_special_categories(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    out = _out(analyzer, sentence)
    assert _gone(out, secret) and "(rhl. § 10)]" in out, out


# ---- a third person's own health or drinking, with helbred and misbrug chosen ----------
CPR_MAN = "030491-2615"


def _man(analyzer: Analyzer, sentence: str) -> str:
    """``sentence`` in the man's plan (his CPR number given), helbred and misbrug chosen."""
    plan = analyse(DESCRIPTION + sentence + "\n", CLIENT, ("helbred", "misbrug"),
                   cpr=CPR_MAN, analyzer=analyzer)
    return redacted_after(plan, "2. Beskrivelse").strip()
THIRD_PARTY = [
    ("Forholdet til moderen er præget af hendes alkoholproblem.", "alkoholproblem"),
    ("Han bekymrer sig om hendes svære depression.", "depression"),
    ("Han besøger tit farens kræftsyge kollega og moderens diabetes fylder meget.",
     "diabetes"),
    ("Onklen, Jens Olufsen, har fortalt, at han selv har svære krigstraumer fra Kosovo.",
     "krigstraumer"),
    ("Faster Birgit har sagt til os, at hun selv er alkoholiker.", "alkoholiker"),
    ("Hans mors angst gør det svært at besøge hende.", "angst"),
]


@pytest.mark.parametrize(("sentence", "secret"), THIRD_PARTY)
def test_third_persons_own_health_goes_with_the_areas_chosen(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    out = _man(analyzer, sentence)
    assert _gone(out, secret), out


CLIENTS_OWN = [
    ("Han har fortalt, at han selv har svære krigstraumer fra Kosovo.", "krigstraumer"),
    ("Aksel fortæller, at han selv er afhængig af alkohol.", "alkohol"),
    ("Forholdet til moderen er præget af hans alkoholproblem.", "alkoholproblem"),
    ("Hans depression fylder meget.", "depression"),
]


@pytest.mark.parametrize(("sentence", "secret"), CLIENTS_OWN)
def test_the_clients_own_health_stays_in_the_areas_chosen(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    out = _man(analyzer, sentence)
    assert secret in out, out


# ---- K7: devices and assessments under helbred; a ward by its specialty is no prison unit --
DEVICES = [
    ("Han er henvist til vurdering af cochleaimplantat på Otologisk Afdeling, Sygehus Vendsyssel.",
     "cochleaimplantat"),
    ("Han sover med CPAP om natten.", "CPAP"),
    ("Han har fået en insulinpumpe i foråret.", "insulinpumpe"),
    ("Han er undersøgt på Urologisk afsnit og har kateter.", "kateter"),
]


@pytest.mark.parametrize(("sentence", "secret"), DEVICES)
def test_devices_are_health_kept_only_under_helbred(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence), secret)
    kept = _out(analyzer, sentence, ("helbred",))
    assert sentence in kept, kept


# ---- R3: reports to the police, pressure for money inside; R4: investigation, payment -----
R3 = [
    ("Episoden med kniven er indberettet til politiet.", "indberettet"),
    ("Forstanderen oplyser, at sagen indberettes til politiet i morgen.", "indberettes"),
    ("Politiet sendte et bekymringsbrev til familien i maj.", "bekymringsbrev"),
    ("Han fortæller, at Ulrik har presset flere beboere for penge.", "presset"),
    ("Medbeboeren pressede de nye indsatte for kontanter.", "pressede"),
]
R4 = [
    ("Vidnet genkendte ham senere ved en fotokonfrontation.", "fotokonfrontation"),
    ("Han blev fundet via DNA-spor på flasken.", "DNA-spor"),
    ("Der blev sikret fingeraftryk på vinduet.", "fingeraftryk"),
    ("Han lånte 40.000 kr. af naboen med hendes MobilePay og betalte aldrig.", "40.000"),
    ("Han købte ind for 7.000 kr. med hans dankort.", "7.000"),
]


@pytest.mark.parametrize(("sentence", "secret"), R3 + R4)
def test_police_reports_pressure_investigation_and_payment_go(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence, ("bolig", "økonomi")), secret)


def test_the_clients_own_debt_stays(analyzer: Analyzer) -> None:
    sentence = "Han har lånt 5.000 kr. af sin bror og betaler af hver måned."
    assert sentence in _out(analyzer, sentence, ("økonomi",))


def test_a_verb_opening_a_clause_after_a_relatives_row_is_the_relatives(
        analyzer: Analyzer) -> None:
    sentence = "Gunhild Vester\tFaster\tHjælper Aksel, ryger selv hash hver dag."
    out = _man(analyzer, sentence)
    assert _gone(out, "hash"), out


def test_the_clients_own_clause_after_a_comma_stays(analyzer: Analyzer) -> None:
    sentence = "Aksel er glad for sin faster, ryger hash hver dag og vil gerne stoppe."
    assert "hash" in _man(analyzer, sentence)


@pytest.mark.parametrize("sentence", [
    "Aksel og medbeboeren Ole Nyby var uenige om lån af en oplader.",
    "Han og en medindsat blev uenige om vasketiden i går.",
])
def test_a_quarrel_with_a_coresident_is_internal(analyzer: Analyzer, sentence: str) -> None:
    assert _gone(_out(analyzer, sentence), "uenige")


def test_a_disagreement_with_the_kommune_stays(analyzer: Analyzer) -> None:
    sentence = "Aksel og kommunen er uenige om huslejen."
    assert sentence in _out(analyzer, sentence)
