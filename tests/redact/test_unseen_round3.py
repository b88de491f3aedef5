"""Round 3 of names and contacts on unseen documents, each a general rule: a nickname after
a relative who shares the client's surname; a role in a relative clause ("Lærke, som er
hans kusine"); an authority abroad (probation service, .gov.uk) keeps its officer's
contacts; a tab is a table's cell boundary. All persons, numbers and places invented."""

from __future__ import annotations

from functools import lru_cache

from gldocs.document.txt import units_from_text
from gldocs.redact.apply import apply
from gldocs.redact.bundle import load_bundle
from gldocs.redact.engine import AnalysisContext, Analyzer
from gldocs.redact.nlp import load_nlp

CLIENT = "Emil Vestbjerg Thorup"


@lru_cache(maxsize=1)
def _analyzer() -> Analyzer:
    return Analyzer(load_bundle("kommune"), load_nlp())


def _redact(body: str) -> str:
    text = (f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 170396-2259\n\n"
            f"2. Beskrivelse\n{body}\n")
    plan = _analyzer().analyze(units_from_text(text),
                               AnalysisContext(areas=["bolig"], client_name=CLIENT))
    return "\n".join(u.text for u in apply(plan)).split("2. Beskrivelse\n", 1)[1]


def test_nickname_of_a_relative_with_the_clients_surname() -> None:
    out = _redact('Deltagere:\nKarsten Vestbjerg, farbror, kaldet "Trolden"\n'
                  'Trolden har lovet at hjælpe med flytningen.')
    assert "Trolden" not in out and "Karsten" not in out


def test_clients_own_nickname_stays() -> None:
    assert "Kvik" in _redact('Emil, kaldet "Kvik", vil gerne være tømrer.')


def test_role_in_a_relative_clause_makes_a_name_a_person() -> None:
    # a given name that is also an ordinary word: a person by the role in its relative clause
    out = _redact("Lykke, som er hans kusine, bor i nabohuset. Han ser Lykke hver dag.")
    assert "Lykke" not in out


def test_probation_officer_abroad_keeps_contacts() -> None:
    body = ("Transfer summary prepared by Offender Manager Helen Ashby, Bristol Probation "
            "Office, tel. +44 117 496 0183, helen.ashby@justice.gov.uk\n"
            "Helen Ashby\tProbation Officer, HM Prison and Probation Service\t"
            "+44 117 496 0183")
    out = _redact(body)
    assert "Helen Ashby" in out and "+44 117 496 0183" in out
    assert "helen.ashby@justice.gov.uk" in out and "Bristol Probation Office" in out
