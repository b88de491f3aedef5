"""A capitalised word before "er hans/hendes <rolle>" is a person only when the role ends
the predicate; in inverted word order ("Herefter er hans bror flyttet") the relative is the
subject and the word an adverbial. A definite form of an ordinary word ("Samboeren") is no
name either. Real names in the same position stay removed. All persons invented."""

from __future__ import annotations

import pytest
from harness import Case

from gldocs.redact.bundle import load_bundle
from gldocs.redact.gazetteer import build_gazetteer
from gldocs.redact.nlp import load_nlp

CLIENT = "Oskar Lindeberg Fausing"
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 050693-1427\n\n2. Beskrivelse\n"


_redact = Case(CLIENT, HEAD).redact


@pytest.mark.parametrize("body", [
    "Efterfølgende er hans bror flyttet til Esbjerg.",
    "Nu er hendes mor rejst tilbage til Polen.",
    "Hverken er hans far eller hans mor i kontakt med ham.",
    "Ifølge journalen var hans søster på besøg i weekenden.",
    "Igår var hans kæreste syg.",
])
def test_adverbial_before_inverted_role_is_no_person(body: str) -> None:
    assert _redact(body).strip() == body


@pytest.mark.parametrize(("body", "name"), [
    ("Tjalfe er hans halvbror. Han ser Tjalfe hver uge.", "Tjalfe"),
    ("Noor er hendes veninde fra Vejle.", "Noor"),
    ("Zuleika er hans mormor på 81 år.", "Zuleika"),
    ("Fenja var hans kæreste, da han blev anholdt.", "Fenja"),
])
def test_name_before_role_predicate_is_removed(body: str, name: str) -> None:
    assert name not in _redact(body)


@pytest.mark.parametrize("word", ["samboeren", "naboerne", "lejeren"])
def test_definite_form_of_an_ordinary_word_is_common(word: str) -> None:
    gz = build_gazetteer([], [], [], load_bundle("kommune").surname_endings, load_nlp())
    assert gz.is_common(word)


def test_definite_form_rule_leaves_surnames() -> None:
    gz = build_gazetteer([], [], [], load_bundle("kommune").surname_endings, load_nlp())
    assert not gz.is_common("Mogensen") and not gz.is_common("Vestergaarden")
