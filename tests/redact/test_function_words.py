"""The function words that tell a sentence's language are policy data
(resources.function_words, lexicons/funktionsord.yaml): the redactor reads its bundle's,
never a list in Python."""

from __future__ import annotations

from pathlib import Path

import pytest
from policy_copy import copy_policy, edit_yaml

from gldocs.document.txt import units_from_text
from gldocs.redact import language
from gldocs.redact.bundle import bundle_for, load_bundle
from gldocs.redact.engine import AnalysisContext, Analyzer
from gldocs.redact.language import (
    ForeignSpans,
    document_language,
    function_words,
    sentence_language,
)
from gldocs.redact.nlp import load_nlp
from gldocs.redact.policy import load_policy_file

ENGLISH = "The history of the case is that he was never told about the decision."


def test_the_bundle_carries_its_function_words() -> None:
    bundle = load_bundle("kommune")
    fw = bundle.foreign.function_words
    assert fw.words is bundle.function_words  # built from the bundle's word file
    assert "the" in fw.of("en") and "und" in fw.of("de") and "og" in fw.of("da")
    assert "er" not in fw.language_of  # in two lists (Danish "is", German "he"): neither
    assert "van" in fw.particles
    assert sentence_language(ENGLISH, fw) == "en"


def test_a_copied_policy_reads_its_own_function_words(tmp_path: Path) -> None:
    policy = copy_policy(tmp_path)
    edit_yaml(tmp_path / "lexicons" / "funktionsord.yaml", lambda d: d.__setitem__("en", [
        w for w in d["en"] if w not in ("the", "of", "is", "was", "he", "that", "about",
                                        "never")]))
    fw = bundle_for(load_policy_file(policy)).foreign.function_words
    assert sentence_language(ENGLISH, fw) == "da"  # too few English words left to tell
    assert ForeignSpans.of(ENGLISH, "da", None, fw).at(0) == "da"
    assert ForeignSpans.of(ENGLISH).at(0) == "en"  # the bundled policy's words
    assert document_language([ENGLISH] * 4, None, fw) == "da"
    assert document_language([ENGLISH] * 4) == "en"


def test_the_redactor_never_falls_back_to_the_bundled_function_words(
        monkeypatch: pytest.MonkeyPatch) -> None:
    analyzer = Analyzer(load_bundle("kommune"), load_nlp())

    def no_default(words=None):
        if words is None:
            raise AssertionError("the bundled policy's function words were read")
        return function_words(words)

    monkeypatch.setattr(language, "function_words", no_default)
    text = ("1. Stamoplysninger\nNavn: Vilhelm Brix\n\n2. Beskrivelse\n"
            f"{ENGLISH} His brother Jonathan lives in London, phone 020 7946 0958.\n"
            "Er ist ein sehr geduldiger Mensch, sagt Frau Vogel.\n")
    plan = analyzer.analyze(units_from_text(text),
                            AnalysisContext(areas=["bolig"], client_name="Vilhelm Brix"))
    assert any(f.text == "Jonathan" for f in plan.findings)
