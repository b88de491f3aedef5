"""Differential tests for the speed-ups of the lexicon matcher, the rule stage and the
reading of a document (issue 11 section 5, perf21a): each quick test or shortcut answers
what the plain search it stands in front of answers. Words and names are invented."""

from __future__ import annotations

import random
import re
from pathlib import Path

from gldocs.redact import private_places as places
from gldocs.redact.default_words import default_words
from gldocs.redact.lexicon import Lexicon, clear_caches
from gldocs.redact.prefilter import may_match, required_gate
from gldocs.text import tables

HELDOUT = Path(__file__).parent / "heldout"


def _lines() -> list[str]:
    return [line for doc in sorted(HELDOUT.glob("*.txt"))
            for line in doc.read_text(encoding="utf-8").splitlines()]


def _salads(count: int, seed: int = 11) -> list[str]:
    """Word salads of the held-out texts, some in capitals, with tabs and double spaces."""
    words = " ".join(_lines()).split()
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts = [rng.choice(words) for _ in range(rng.randint(1, 20))]
        seps = [rng.choice((" ", " ", " ", "  ", "\t", " | ", " i ", " på ")) for _ in parts]
        text = "".join(w + s for w, s in zip(parts, seps, strict=True)).strip()
        out.append(text.upper() if rng.random() < 0.2 else text)
    return out


def test_a_pattern_two_categories_share_runs_once_and_serves_both() -> None:
    """Categories that read the same lexicon share its patterns: each distinct pattern runs
    once per text, and its matches come out for every category, in the patterns' order."""
    shared = re.compile(r"\bgrubleri\w*", re.IGNORECASE)
    other = re.compile(r"\bsnurretop\b", re.IGNORECASE)
    lex = Lexicon("*", "", [], [shared, other, re.compile(shared.pattern, re.IGNORECASE)],
                  ["a", "b", "c"])
    text = "Grublerier om en snurretop og mere grubleri."
    clear_caches()
    found = [(m.start, m.end, m.lexicon) for m in lex.find(text)]
    assert found == [(0, 10, "a"), (35, 43, "a"), (17, 26, "b"), (0, 10, "c"),
                     (35, 43, "c")]
    compiled = lex.compile()
    assert len(compiled.distinct) == 2
    assert compiled.uses == [1, 1]  # the shared pattern ran once for both categories


def test_a_shared_exception_covers_every_category_that_reads_it() -> None:
    exception = re.compile(r"\bblå\s+snurretop\w*", re.IGNORECASE)
    term_pattern = re.compile(r"\bsnurretop\w*", re.IGNORECASE)
    lex = Lexicon("*", "", [], [term_pattern, term_pattern], ["a", "b"],
                  [exception, re.compile(exception.pattern, re.IGNORECASE)], ["a", "b"])
    text = "En blå snurretop og en snurretoppen."
    assert [(m.start, m.lexicon) for m in lex.find(text)] == [(23, "a"), (23, "b")]
    assert len(lex.compile().distinct_exceptions) == 1


def test_table_row_test_is_the_plain_search() -> None:
    lines = [*_lines(), *_salads(400), "a  b", "a \t b", "|x|", "+--+", "x  ", "  x", "ab"]
    for line in lines:
        assert tables._maybe_row(line) == bool(tables._MAYBE_ROW.search(line)), line


def test_a_unit_without_the_required_words_has_no_place_verb_in_any_sentence() -> None:
    pw = places.patterns_for(default_words("address_words"))
    texts = [*_lines(), *_salads(400)]
    assert any(pw.kind_of_verb.search(t) for t in texts)  # (the test reads some)
    for text in texts:
        if not may_match(pw.verb_in_unit, text):
            assert pw.kind_of_verb.search(text) is None, text


def test_role_at_hint_is_in_every_match() -> None:
    texts = [*_lines(), *_salads(600), "hans søster på Plejecenter Lyngly",
             "sin far i\tHanoi", "moren in Ålesund"]
    assert sum(1 for t in texts if places._ROLE_AT.search(t)) > 3
    for text in texts:
        for m in places._ROLE_AT.finditer(text):
            assert places._ROLE_AT_HINT.search(m.group(0)), m.group(0)


def test_may_match_answers_yes_for_a_plain_pattern() -> None:
    plain = re.compile(r"\w+")
    assert may_match(plain, "")  # (no required strings: it may always match)
    gated = required_gate(re.compile(r"\bsnurretop\b", re.IGNORECASE))
    assert not may_match(gated, "en top")
    assert may_match(gated, "en SNURRETOP")


def test_a_clause_exception_from_the_clause_start_finds_what_any_start_finds() -> None:
    """The lexicon exceptions that take a whole clause holding a phrase open at a clause's
    start (``(?:^|(?<=[.;]))[^.;]*``): the same matches as ``[^.;]*`` from any position,
    which Python's ``re`` tries again at every character of a clause."""
    from gldocs.redact.bundle import load_bundle

    bopael = load_bundle("kommune").lexicons["bopael"]
    start = "(?:(?:^|(?<=[.;]))[^.;]*\\b)"
    fast = [p for p in bopael.exceptions if p.pattern.startswith(start)]
    assert len(fast) >= 2
    rng = random.Random(5)
    pieces = ["som barn", "i sin barndom", "efter løsladelsen", "skal bo", "han", "boede",
              "på", "Kompasset", ".", ";", ",", "\n", "som 14-årig", "fra han var 12"]
    texts = [*_lines(), *_salads(300),
             *(" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
               for _ in range(600))]
    matched = 0
    for pattern in fast:
        plain = re.compile("[^.;]*\\b" + pattern.pattern[len(start):], pattern.flags)
        for text in texts:
            spans = [m.span() for m in pattern.finditer(text)]
            assert spans == [m.span() for m in plain.finditer(text)], text
            matched += bool(spans)
    assert matched > 100  # (the texts hold the phrases)


def test_a_unit_without_the_note_phrases_words_holds_no_note_phrase() -> None:
    from gldocs.redact import internal_notes
    from gldocs.redact.bundle import load_bundle

    headings = load_bundle("kommune").policy.internal_notes.headings
    pattern = internal_notes.phrase_pattern(headings)
    assert pattern is not None
    gate = internal_notes._phrase_gate(pattern)
    texts = [*_lines(), *_salads(300), *(f"Noget om {h} her" for h in headings),
             "INTERNE-NOTER:", "til\tintern brug"]
    assert sum(1 for t in texts if pattern.search(t)) >= len(headings)
    for text in texts:
        if not may_match(gate, text):
            assert pattern.search(text) is None, text
