"""Round 21 precision classes (issue 8, qual21d): an exclusion from a school or club
outside prison is the background under uddannelse, no security matter (R3 stays for an
exclusion inside); a word that only holds a tool's letters ("bilag", "billet", "mobil") is
no means of the act; a vehicle in the client's own work is no detail of the act when the
sentence tells of no act. Every sentence and person is invented."""

from __future__ import annotations

import re

import pytest
from harness import redact_section

from gldocs.redact.engine import Analyzer

CLIENT = "Torben Askgaard Lund"
DESCRIPTION = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 170884-1937\n\n2. Beskrivelse\n"
AREAS = ("uddannelse", "beskæftigelse")


def _out(analyzer: Analyzer, sentence: str) -> str:
    return redact_section(analyzer, CLIENT, DESCRIPTION, sentence, AREAS).strip()


def _kept(out: str, sentence: str) -> bool:
    return "[udeladt" not in out and sentence.rstrip(".") in out


KEEP = [
    # an exclusion from a school or club outside prison, before the sentence
    "Han blev udelukket fra folkeskolen i 8. klasse.",
    "Torben blev som 14-årig udelukket fra skolen i en periode.",
    "Han var udelukket fra fodboldklubben i et år som teenager.",
    "Hun blev midlertidigt udelukket fra efterskolen.",
    "I udskolingen blev han udelukket fra undervisningen i to uger.",
    "Han blev udelukket fra ungdomsklubben i Vestby.",
    # a word that only holds a tool's letters
    "Han kom med et bilag fra lægen.",
    "Han ringede med sin mobil til jobcentret.",
    "Han kom med en billet til toget.",
    "Han kom med et billede af sin datter.",
    # a vehicle in the client's own work
    "Han har fået job som chauffør og kører med en lastbil.",
    "Torben kører til daglig ud med en varebil for et flyttefirma.",
    "Hun er ansat i et vikarbureau og kører ud med en kassevogn.",
    "Han kører med sin bil til arbejde hver dag.",
    "Som lærling hos en tømrer kører han ud til kunderne med firmaets varevogn.",
    "Med en lånt bil kommer hun frem til praktikpladsen hver morgen.",
]


@pytest.mark.parametrize("sentence", KEEP)
def test_the_background_and_the_work_stay(analyzer: Analyzer, sentence: str) -> None:
    out = _out(analyzer, sentence)
    assert _kept(out, sentence), out


GONE = [
    # an exclusion inside prison or from a gang's club stays R3/R5
    ("Han blev udelukket fra fællesskab i tre dage efter episoden.", "fællesskab"),
    ("Han er udelukket fra klubben efter konflikten med banden.", "klubben"),
    ("Han blev udelukket fra skolen i fængslet efter en episode.", "skolen"),
    ("Han er udelukket fra besøg i en måned.", "besøg"),
    ("Han blev udelukket fra undervisningen i arresthuset.", "undervisningen"),
    ("Han blev udelukket fra skolen.", "udelukket"),
    # the act's tool or vehicle
    ("Han slog ham med en flaske.", "flaske"),
    ("Han ramte forurettede med en kniv.", "kniv"),
    ("Han påkørte cyklisten med en varebil, mens han var på arbejde.", "påkørte"),
    ("Han stak af fra arbejdet med en stjålen bil.", "stjålen"),
    ("Han var på arbejde og kørte hashen rundt med en varebil.", "hashen"),
    ("Han kørte med en bil.", "bil"),
    # a tool-letter word in an act is still caught by the act's own words
    ("Han filmede forurettede med sin mobil i omklædningsrummet.", "omklædningsrummet"),
    ("Han slog ham i hovedet med sin mobil.", "hovedet"),
    ("Han truede hende med et billede af hendes datter.", "truede"),
]


@pytest.mark.parametrize(("sentence", "secret"), GONE)
def test_the_act_and_an_exclusion_inside_still_go(analyzer: Analyzer, sentence: str,
                                                  secret: str) -> None:
    out = _out(analyzer, sentence)
    text = re.sub(r"\[[^\]]*\]", " ", out)
    assert secret.lower() not in text.lower() and "[udeladt" in out, out


def test_an_abbreviation_before_a_name_ends_no_sentence(analyzer: Analyzer) -> None:
    from gldocs.redact.context import _sentences
    words = analyzer.bundle.sentence_words if hasattr(analyzer, "bundle") else None
    if words is None:
        pytest.skip("no sentence words on this analyzer")
    text = "Skaden blev dækket af Alm. Brand efter branden. Han har betalt selvrisikoen."
    assert len(_sentences(text, words)) == 2
