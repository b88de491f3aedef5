"""Offence detail beyond the verdict (R4): injuries, fire and damage, fare evasion, and
people at a club, shop or place who are not professionals."""

from __future__ import annotations

import pytest
from harness import analyse, redacted

from gldocs.redact.engine import Analyzer

CLIENT = "Anton Riis Mølgaard"
CPR = "030497-2215"
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n\n3. Årsager til kriminalitet\n"


def _redact(analyzer: Analyzer, text: str, areas: tuple[str, ...] = ("bolig",)) -> str:
    return redacted(analyse(HEAD + text + "\n", CLIENT, areas, cpr=CPR, analyzer=analyzer))


@pytest.mark.parametrize(("sentence", "detail"), [
    ("Vidnet fik en hudafskrabning i panden.", "hudafskrabning"),
    ("En beboer blev indlagt med røgforgiftning.", "røgforgiftning"),
    ("Ilden bredte sig til nabohuset.", "bredte sig"),
    ("Anton satte ild til en container bag skolen.", "container"),
    ("Anton smadrede bagefter en bilrude.", "bilrude"),
    ("Han blev standset uden gyldig billet i bussen.", "bussen"),
    ("Den ansatte mistede to fortænder.", "fortænder"),
])
def test_offence_details_are_removed(analyzer: Analyzer, sentence: str, detail: str) -> None:
    out = _redact(analyzer, sentence)
    assert detail not in out
    assert "[udeladt" in out


def test_a_person_at_a_station_is_no_professional(analyzer: Analyzer) -> None:
    out = _redact(analyzer, "Anton mødte en 15-årig dreng, Viggo Starup, ved Herning Station.")
    assert "Viggo" not in out and "Starup" not in out


def test_a_person_from_the_municipality_stays_a_professional(analyzer: Analyzer) -> None:
    text = ("5. Samarbejdspartnere\n"
            "Mødet holdes med Pia Skovhus fra Herning Kommune den 3. marts 2027.")
    out = _redact(analyzer, text)
    assert "Pia Skovhus" in out


def test_a_clause_after_a_name_is_no_organisation(analyzer: Analyzer) -> None:
    out = _redact(analyzer, "En af dem, Else Marie Thomsen, mistede hele sin pension.")
    assert "Thomsen" not in out


def test_sexual_orientation_in_everyday_words(analyzer: Analyzer) -> None:
    out = _redact(analyzer, "2. Beskrivelse\nAnton fortæller, at han er til drenge.")
    assert "til drenge" not in out


@pytest.mark.parametrize("drug", ["Buprenorphin", "Sertralin", "Quetiapin", "Omeprazol"])
def test_medicine_names_are_no_person_names(analyzer: Analyzer, drug: str) -> None:
    out = _redact(analyzer, f"2. Beskrivelse\nAnton får {drug} hver morgen.",
                  areas=("misbrug", "helbred"))
    assert drug in out and "[person]" not in out
