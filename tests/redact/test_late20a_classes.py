"""Round 20 late classes (issue 8): religious rites, foreign political parties in their own
language, a third person's own health or drinking, reports and pressure inside an institution,
investigation steps and the act's payment details. Every sentence and person is invented."""

from __future__ import annotations

import re

import pytest
from harness import redact_section

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
