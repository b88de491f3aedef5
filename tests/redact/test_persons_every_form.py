"""Every form of a private person in every place: lower case in a quoted message, capitals,
hashtags, family compounds, nicknames, a first name before a CPR number or an age, a bare
street that locates a home. Persons are invented."""

from __future__ import annotations

import pytest
from harness import analyse, redacted_after

from gldocs.redact.engine import Analyzer

CLIENT = "Vilhelm Skousgaard Brix"
HEAD = (f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 120497-2215\n"
        "Adresse: Bøgelundvej 4, 8260 Viby J\n\n2. Beskrivelse\n")


def _redact(analyzer: Analyzer, body: str) -> str:
    plan = analyse(HEAD + body + "\n", CLIENT, ["bolig"], analyzer=analyzer)
    return redacted_after(plan, "2. Beskrivelse")


@pytest.mark.parametrize(("body", "secrets"), [
    ("Hans ekskæreste, Tilde Marstrand, skrev: du ser aldrig tilde igen og TILDE ved det.",
     ["tilde", "TILDE", "Marstrand"]),
    ("Hans søster, Ronja Ulfkjær, har lagt billeder op under #ronjaulfkjaer og #ronjaulfkjær.",
     ["ronjaulfkjær", "Ulfkjær"]),
    ("Hans svoger, Brian Vesterholt, er vred. Vesterholt-familien og familien Vesterholt vil "
     "ikke se ham.", ["Vesterholt"]),
    ("Han bor med sin bror, Abdiqani, kaldet \"Jazzy\", i Vollsmose.", ["Jazzy", "Abdiqani"]),
    ("Hans datter Liva (7 år) bor hos moren.", ["Liva"]),
    ("Moren, Jytte (CPR 140588-2214), passer barnet.", ["Jytte", "140588-2214"]),
    ("Hans ekskone bor stadig på Kløvervej med børnene.", ["Kløvervej"]),
])
def test_every_form_removed(analyzer: Analyzer, body: str, secrets: list[str]) -> None:
    out = _redact(analyzer, body)
    for secret in secrets:
        assert secret not in out, out


def test_lower_case_search_leaves_ordinary_words(analyzer: Analyzer) -> None:
    # "Bo" and "Lykke" are ordinary words in lower case: only the capitalised name goes
    out = _redact(analyzer, "Hans ven, Bo Lykke Thorsen, sagde: jeg vil bo her og ønske dig "
                            "lykke.")
    assert "Thorsen" not in out and "bo her" in out and "lykke." in out


def test_the_clients_own_street_is_kept(analyzer: Analyzer) -> None:
    assert "Bøgelundvej" in _redact(analyzer, "Han bor stadig på Bøgelundvej og er glad for det.")
