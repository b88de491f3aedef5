"""The lexicon matcher (Lexicon.find): one pass over a text's words finds the word terms
by lookup, and a pattern or exception runs only where the text holds the strings it
requires. Checked against a plain reading of the definition (every term tried at every
word, every pattern and exception run) and on hand-made cases."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from gldocs.redact.bundle import load_bundle
from gldocs.redact.detectors.lexicon import CategoryMatcher
from gldocs.redact.lexicon import Lexicon, clear_caches, load_lexicon_file

HELDOUT = Path(__file__).resolve().parent / "heldout"

Match = tuple[int, int, str, str]

LEXICON = r"""
terms:
  - sygdom                  # plain word: its forms
  - diagnos*                # prefix
  - "*medicin"              # compound head
  - "*ekstrem*"             # anywhere in a word
  - psykiatrisk center      # phrase
  - center                  # overlaps the phrase
  - pet                     # short: itself and its genitive only
  - brev og besøgskontrol   # phrase of three words
  - samtaleforløb hos * psykolog
  - afdeling
  - ålborgsygen             # Danish letters
words:
  afd: [neurologisk, medicinsk]
  fund: [fundet, beslaglagt]
parts:
  mobil: 'mobil\w*|telefon\w*'
patterns:
  - '\b(?:{mobil})\b[^.;]{0,30}?\b{fund}\b'
  - '\b\d+\s?mg\b'
  - '(?-i:\bKOL\b)'
exceptions:
  - '\b{afd}\w*\s+afdeling\w*'
"""


@pytest.fixture
def lex(tmp_path: Path) -> Lexicon:
    path = tmp_path / "test.yaml"
    path.write_text("name: test\n" + LEXICON, encoding="utf-8")
    load_lexicon_file.cache_clear()
    return load_lexicon_file(path, "test")


def reference(lex: Lexicon, text: str, patterns: bool = True) -> set[Match]:
    """The definition, read plainly: every term at every word, every pattern, every
    exception (no lookup, no index, no cache)."""
    toks = [(m.start(), m.end(), m.group(0).lower()) for m in re.finditer(r"[^\W_]+", text)]
    out: set[Match] = set()
    for i in range(len(toks)):
        for term in lex.terms:
            n = len(term.words)
            if i + n > len(toks):
                continue
            if all(term.words[k].matches(toks[i + k][2]) for k in range(n)) and all(
                    re.fullmatch(r"[\s\-–/]{1,3}", text[toks[i + k][1]:toks[i + k + 1][0]])
                    for k in range(n - 1)):
                out.add((toks[i][0], toks[i + n - 1][1], term.text, term.tag or lex.name))
    for k, pat in enumerate(lex.patterns if patterns else ()):
        tag = lex.pattern_tags[k] if k < len(lex.pattern_tags) else lex.name
        out |= {(m.start(), m.end(), pat.pattern, tag) for m in pat.finditer(text)
                if m.end() > m.start()}
    covers: dict[str, list[tuple[int, int]]] = {}
    for k, pat in enumerate(lex.exceptions):
        tag = lex.exception_tags[k] if k < len(lex.exception_tags) else lex.name
        covers.setdefault(tag, []).extend((m.start(), m.end()) for m in pat.finditer(text)
                                          if m.end() > m.start())
    return {m for m in out if not any(a <= m[0] and m[1] <= b for a, b in covers.get(m[3], ()))}


def found(lex: Lexicon, text: str, patterns: bool = True) -> list[str]:
    return [text[m.start:m.end] for m in lex.find(text, patterns)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Sygdommene og SYGDOMMENS forløb", ["Sygdommene", "SYGDOMMENS"]),
    ("sygdomsforløb", []),  # a compound that starts with the word is no form of it
    ("Diagnosticeret med en prædiagnose", ["Diagnosticeret"]),  # prefix: at the start only
    ("sovemedicinen og medicin", ["sovemedicinen", "medicin"]),
    ("højreekstremt og EKSTREM", ["højreekstremt", "EKSTREM"]),
    ("PET-scanning, Petersen og PETs", ["PET", "PETs"]),
    ("Ålborgsygen er ÅLBORGSYGEN", ["Ålborgsygen", "ÅLBORGSYGEN"]),
    ("sygdom's forløb, sygdom_x", ["sygdom", "sygdom"]),  # apostrophe, underscore: word ends
])
def test_word_terms(lex: Lexicon, text: str, expected: list[str]) -> None:
    assert found(lex, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("et psykiatrisk center", ["psykiatrisk center", "center"]),  # both, overlapping
    ("Psykiatrisk  Center", ["Psykiatrisk  Center", "Center"]),
    ("psykiatrisk-center", ["psykiatrisk-center", "center"]),
    ("psykiatrisk, center", ["center"]),  # a comma breaks the phrase
    ("psykiatrisk \n\n\ncenter", ["center"]),  # more than three separators
    ("brev- og besøgskontrol", ["brev- og besøgskontrol"]),
    ("samtaleforløb hos privat psykolog", ["samtaleforløb hos privat psykolog"]),
    ("samtaleforløb hos psykolog", []),  # "*" is one word
    ("psykiatrisk", []),  # a phrase cut short by the end of the text
])
def test_phrases(lex: Lexicon, text: str, expected: list[str]) -> None:
    assert found(lex, text) == expected


def test_patterns_and_exceptions(lex: Lexicon) -> None:
    assert found(lex, "Mobiltelefonen blev fundet i cellen") == [
        "Mobiltelefonen blev fundet"]
    assert found(lex, "Mobiltelefonen. Den blev fundet") == []  # no pattern across a full stop
    assert found(lex, "20 mg og 20mg") == ["20 mg", "20mg"]
    assert found(lex, "KOL og kol") == ["KOL"]  # a case-sensitive part stays case-sensitive
    assert found(lex, "mobil fundet", patterns=False) == []
    # an exception covers the term in its own words, not elsewhere
    assert found(lex, "Neurologisk Afdeling og afdeling B") == ["afdeling"]
    assert [m.start for m in lex.find("Neurologisk Afdeling og afdeling B")] == [24]


def test_matches_come_in_a_fixed_order(lex: Lexicon) -> None:
    """Terms in the order of their first words, then each pattern's matches in turn."""
    text = "20 mg sygdom, mobil beslaglagt, psykiatrisk center og sovemedicin"
    assert found(lex, text) == ["sygdom", "psykiatrisk center", "center", "sovemedicin",
                                "mobil beslaglagt", "20 mg"]


def _texts() -> list[str]:
    lines = [line for doc in sorted(HELDOUT.glob("*.txt"))
             for line in doc.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(7)
    words = " ".join(lines).split()
    salads = []
    for _ in range(300):
        t = " ".join(rng.choice(words) for _ in range(rng.randint(1, 25)))
        salads.append(t.upper() if rng.random() < 0.3 else t)
    return lines + salads


def test_a_small_lexicon_finds_what_its_definition_finds(lex: Lexicon) -> None:
    texts = [*_texts()[:200], "Neurologisk Afdeling", "psykiatrisk center", "ſygdom",
             "Mobil fundet; KOL", "ÆØÅ-sygdom", "20 µg"]
    for text in texts:
        clear_caches()
        assert set((m.start, m.end, m.term, m.lexicon) for m in lex.find(text)) == \
            reference(lex, text), text


@pytest.mark.slow
def test_the_policys_categories_find_what_their_definition_finds() -> None:
    """Every category of the shipped policy in one lexicon, as the category matcher builds
    it, on our held-out documents and word salads of them (in upper case too)."""
    matcher = CategoryMatcher(load_bundle("kommune"))
    combined = matcher.combined
    assert combined._compiled is not None  # built with the matcher (before any fork)
    plain = Lexicon("*", "", [], combined.patterns, combined.pattern_tags,
                    combined.exceptions, combined.exception_tags)
    term_texts = {t.text for t in combined.terms}
    for k, text in enumerate(_texts()):
        got = {(m.start, m.end, m.term, m.lexicon) for m in combined.find(text)}
        if k % 8 == 0:  # every term at every word: slow, an eighth of the texts
            assert got == reference(combined, text), text
        else:  # the patterns and exceptions, every one of them run
            assert {m for m in got if m[2] not in term_texts} == reference(plain, text), text


def test_a_pattern_is_gated_after_its_first_runs_with_the_same_matches() -> None:
    """A lexicon pattern runs as written for its first GATE_AFTER runs (a small document
    pays no second compilation), then with its first-character gate: the same matches."""
    from gldocs.redact import lexicon as lexicon_module

    pattern = re.compile(r"\b(?:ved|på)\s+(?:\w+\s+)?tankstation\w*", re.IGNORECASE)
    lex = Lexicon("test", "", [], [pattern])
    text = "Han blev anholdt ved den tankstation og igen på Tankstationen i går."
    first = lex.find(text)
    assert [text[m.start:m.end] for m in first] == ["ved den tankstation", "på Tankstationen"]
    compiled = lex.compile()
    for _ in range(lexicon_module.GATE_AFTER - 1):
        assert compiled.runs[0] is None
        assert lex.find(text) == first
    assert lex.find(text) == first
    gated = compiled.runs[0]
    assert gated is not None and gated.pattern.startswith("(?=[")
    assert lex.find(text) == first
