"""One rule for an institution named after its kind (gldocs.redact.gazetteer): capitalised
words right after a lower-case organisation word name that institution, here and wherever the
document names it again, unless a word of them is a known given name. The organisation runs
(Gazetteer.org_spans) and the name discovery (EntityFinder) ask the same rule."""

from __future__ import annotations

import pytest
from harness import Case

from gldocs.redact.bundle import load_bundle
from gldocs.redact.gazetteer import Gazetteer, build_gazetteer

CLIENT = "Vilhelm Skousgaard Brix"
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\n\n2. Beskrivelse\n"


CASE = Case(CLIENT, HEAD)
_redact = CASE.redact


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    b = load_bundle("kommune")
    return build_gazetteer(b.places, b.organisations, b.policy.professionals.org_words,
                           b.surname_endings, given_names=b.given_names)


def _runs(gz: Gazetteer, text: str) -> list[str]:
    return [text[a:b] for a, b in gz.org_spans(text)]


@pytest.mark.parametrize(("text", "name"), [
    ("Han kan bo på forsorgshjemmet Kærholm fra marts.", "Kærholm"),  # listed, definite
    ("Han bor nu på bosted Lærkehøj.", "Lærkehøj"),  # listed, bare
    ("Han går på skolen Vestbjerg.", "Vestbjerg"),  # definite form of a listed word
    ("Han bor på herberget  Stjernen.", "Stjernen"),  # two spaces
])
def test_a_name_after_an_organisation_word_names_the_institution(
        gazetteer: Gazetteer, text: str, name: str) -> None:
    start = text.index(name)
    assert gazetteer.named_institution(text, start, name)
    assert name in _runs(gazetteer, text)  # the organisation runs ask the same rule


@pytest.mark.parametrize(("text", "name"), [
    ("Han har fået plads på bostedet Lise Holm.", "Lise Holm"),  # a given name: a person
    ("Han ringede til Bostedet Lærkehøj.", "Lærkehøj"),  # no lower-case word before it
    ("herberget\tStjernen", "Stjernen"),  # a tab: another table cell
    ("Han har en aftale med Lærkehøj.", "Lærkehøj"),
])
def test_no_institution_without_the_word_or_with_a_given_name(
        gazetteer: Gazetteer, text: str, name: str) -> None:
    start = text.index(name)
    assert not gazetteer.named_institution(text, start, name)
    assert not any(name in run for run in _runs(gazetteer, text)
                   if not any(gazetteer.is_org_word(w) for w in run.split()))


def test_the_institution_is_known_wherever_the_document_names_it(gazetteer: Gazetteer) -> None:
    texts = ["Han kan få ophold på forsorgshjemmet Lyngbo fra den 1. marts.",
             "| Jobcenter | Svar om ophold, Lyngbo | 05.02.2027 |", "Han talte med Mette."]
    known = gazetteer.institution_names(texts)
    assert known == {"Lyngbo"}
    assert gazetteer.named_institution(texts[1], texts[1].index("Lyngbo"), "Lyngbo", known)
    assert not gazetteer.named_institution(texts[2], texts[2].index("Mette"), "Mette", known)


@pytest.mark.parametrize(("body", "kept", "gone"), [
    ("Han bor nu på bosted Lærkehøj.", "Lærkehøj", None),
    ("Han har fået plads på bostedet Lærkehøj.", "Lærkehøj", None),
    # the given-name exception holds for the organisation runs too (before, a run after
    # a definite organisation word was an organisation whatever names it held)
    ("Han har fået plads på bostedet Lise Holm.", None, "Lise"),
])
def test_the_redactor_asks_one_rule(body: str, kept: str | None, gone: str | None) -> None:
    out = _redact(body)
    if kept:
        assert kept in out, out
    if gone:
        assert gone not in out, out
    finder = CASE.analyzer.finder
    assert finder.gazetteer is not None and finder.gazetteer.given_names
