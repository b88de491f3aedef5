"""Where a sentence ends is policy data: the abbreviations a full stop ends no sentence
after and the units of an amount (resources.sentence_words, lexicons/forkortelser.yaml),
read by every part of the redactor from its bundle, never from a list in Python."""

from __future__ import annotations

from pathlib import Path

import pytest
from policy_copy import copy_policy, edit_yaml

from gldocs.document.txt import units_from_text
from gldocs.redact import context
from gldocs.redact.bundle import bundle_for, load_bundle
from gldocs.redact.context import sentences
from gldocs.redact.engine import AnalysisContext, Analyzer
from gldocs.redact.nlp import load_nlp
from gldocs.redact.policy import load_policy_file


def _texts(text: str, words=None) -> list[str]:
    return [text[s.start:s.end] for s in sentences(text, words)]


def test_the_bundled_words_split_as_before() -> None:
    words = load_bundle("kommune").sentence_words
    assert _texts("Ring på tlf. 22 33 44 55. Han kommer kl. 10 i morgen.", words) == [
        "Ring på tlf. 22 33 44 55.", "Han kommer kl. 10 i morgen."]
    assert _texts("Det koster 62.000 kr. Han har ingen indtægt.", words) == [
        "Det koster 62.000 kr.", "Han har ingen indtægt."]
    assert len(sentences("Det koster 500 kr. om måneden.", words)) == 1
    # without words: the bundled kommune policy's (a function called on its own)
    assert sentences("Hun talte med bl.a. Mette.") == \
        sentences("Hun talte med bl.a. Mette.", words)


def test_a_copied_policy_reads_its_own_abbreviations(tmp_path: Path) -> None:
    policy = copy_policy(tmp_path)

    def change(data: dict) -> None:
        data["abbreviations"].append("overl")  # overlæge
        data["abbreviations"].remove("hr")
        data["amount_units"].append("dkk")
        data["abbreviations"].append("dkk")

    edit_yaml(tmp_path / "lexicons" / "forkortelser.yaml", change)
    words = bundle_for(load_policy_file(policy)).sentence_words
    kommune = load_bundle("kommune").sentence_words
    text = "Han så overl. Berg i går. Han ringede til hr. Holm."
    assert _texts(text, kommune) == ["Han så overl.", "Berg i går.",
                                     "Han ringede til hr. Holm."]
    assert _texts(text, words) == ["Han så overl. Berg i går.", "Han ringede til hr.", "Holm."]
    assert _texts("Det koster 900 dkk. Han betaler.", words) == [
        "Det koster 900 dkk.", "Han betaler."]


def test_the_redactor_never_falls_back_to_the_bundled_words(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every call site passes its bundle's sentence words: a fallback to the bundled
    policy's words here fails the test (discovery, NER scope, internal notes, categories,
    other languages, the name rules and the rule stage all split sentences)."""
    analyzer = Analyzer(load_bundle("kommune"), load_nlp())

    def no_default(key: str):
        raise AssertionError(f"sentences() read the bundled policy's {key}")

    monkeypatch.setattr(context, "default_words", no_default)
    text = ("1. Stamoplysninger\nNavn: Vilhelm Brix\n\n2. Beskrivelse\n"
            "Han bor hos sin mor Karin Holm på tlf. 22 33 44 55. Hun har diabetes. "
            "Intern note: ring til hr. Lund. The client said that he will not go back to "
            "his brother Jonathan. Han går på forsorgshjemmet Kærholm.\n")
    plan = analyzer.analyze(units_from_text(text),
                            AnalysisContext(areas=["bolig"], client_name="Vilhelm Brix"))
    assert plan.findings
