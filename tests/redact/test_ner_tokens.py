"""NER's tokenizer remembers the split of every word it has read (gldocs.redact.detectors.ner
.remember_words): spaCy keeps a word's split only while no special case came earlier in
the same text, so in a joined read it kept almost none. The tokens are those of splitting
every word again. Words and persons are invented."""

from __future__ import annotations

from typing import Any

import pytest

from gldocs.redact.detectors import ner as ner_module
from gldocs.redact.detectors.ner import find_entities, remember_words

TEXT = ("Kl. 10 ringede Brumsø-Hvidkjær (f.eks. om mødet), og Jolvik's bror sagde: "
        "\"Tjek Vandrup!\" ca. 3 gange; se www.eksempel.dk/side, kl. 12.30 – slut.")


def _tokens(doc: Any) -> list[tuple[str, str, str, int, bool]]:
    return [(t.text, t.whitespace_, t.norm_, t.idx, t.is_space) for t in doc]


def _blank() -> Any:
    spacy = pytest.importorskip("spacy")
    return spacy.blank("da")


def _counting_suffixes(nlp: Any) -> list[str]:
    """Count the tokenizer's suffix searches (setting the search empties its cache)."""
    calls: list[str] = []
    search = nlp.tokenizer.suffix_search

    def counted(text: str) -> Any:
        calls.append(text)
        return search(text)

    nlp.tokenizer.suffix_search = counted
    return calls


def test_a_text_with_special_cases_is_split_again_without_remembering() -> None:
    """(what the change is for) spaCy alone keeps no split after a special case."""
    nlp = _blank()
    calls = _counting_suffixes(nlp)
    nlp.tokenizer(TEXT)
    calls.clear()
    nlp.tokenizer(TEXT)
    assert calls, "spaCy kept the splits of a text with special cases after all"


def test_remembered_words_are_not_split_again() -> None:
    nlp = _blank()
    calls = _counting_suffixes(nlp)
    remember_words(nlp, TEXT)
    calls.clear()
    nlp.tokenizer(TEXT)
    # only words that hold a special case themselves are split again ("(f.eks.")
    assert len(calls) <= 3


def test_remembered_words_give_the_same_tokens() -> None:
    before = _tokens(_blank().tokenizer(TEXT))
    nlp = _blank()
    remember_words(nlp, TEXT)
    remember_words(nlp, TEXT)  # (a second time: nothing new)
    assert _tokens(nlp.tokenizer(TEXT)) == before
    assert _tokens(nlp.tokenizer(TEXT.upper())) == _tokens(_blank().tokenizer(TEXT.upper()))


def test_find_entities_remembers_what_it_reads() -> None:
    from gldocs.redact.nlp import load_nlp

    ner_nlp = load_nlp()
    texts = ["Socialrådgiver Brumsø ringede til Jolvik Vandrup i går.", "Intet navn her."]
    seen = ner_module._remembered.get(id(ner_nlp.tokenizer))
    before = set(seen[1]) if seen else set()
    found = find_entities(ner_nlp, texts)
    words = ner_module._remembered[id(ner_nlp.tokenizer)][1]
    assert {"Jolvik", "Vandrup", "Intet"} <= words | before
    # the same entities as with a fresh cache of the same model
    assert found == find_entities(ner_nlp, texts)


def test_a_full_memory_remembers_no_more(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = _blank()
    monkeypatch.setattr(ner_module, "MAX_REMEMBERED", 0)
    remember_words(nlp, TEXT)
    assert not ner_module._remembered[id(nlp.tokenizer)][1]
