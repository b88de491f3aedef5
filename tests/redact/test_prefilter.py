"""The lexicon prefilter (gldocs.redact.prefilter): the words a pattern requires, and that
skipping a pattern whose words are missing never changes which categories are found."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from gldocs.redact.bundle import load_bundle
from gldocs.redact.lexicon import Lexicon
from gldocs.redact.prefilter import SAFE, Prefilter, required_literals, safe_lower

HELDOUT = Path(__file__).resolve().parent / "heldout"


def test_safe_characters_match_case_insensitively_exactly_when_lower_case_is_equal() -> None:
    for a in SAFE:
        assert len(a.lower()) == 1 and a.lower() in SAFE
        for b in SAFE:
            same = re.fullmatch(re.escape(a), b, re.IGNORECASE) is not None
            assert same == (a.lower() == b.lower()), (a, b)


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bfor\s+sent\b", {"sent"}),
    (r"\b(?:afghansk|albansk)\w*", {"afghansk", "albansk"}),
    (r"\b\d+\s*(?:min|timer?)\s+(?:for\s+sent|forsinket)", {"sent", "sinket"}),
    (r"(?-i:\b(?:MC|M\.C\.)\s+[A-ZÆØÅ]\w+)", {"mc", "m.c."}),
    (r"Fængsel(?:et)?", {"fængsel"}),
    (r"a|b\w", {"a", "b"}),
    (r"\w+", None),  # nothing is required
    (r"(a)\1", None),  # back-references are not read
    (r"x|\d+", None),  # one alternative requires nothing
    (r"ſent", None),  # a character outside SAFE: no prefilter
])
def test_required_literals(pattern: str, expected: set[str] | None) -> None:
    got = required_literals(pattern)
    assert (set(got) if got is not None else None) == expected


def test_unsafe_text_is_never_filtered() -> None:
    pre = Prefilter(required_literals(r"\bsent\b"))
    assert re.search(r"\bsent\b", "ſent", re.IGNORECASE)  # the long s is an s for re
    assert safe_lower("ſent") is None
    assert pre.may_match("ſent", safe_lower("ſent"))
    assert not pre.may_match("for tidligt", safe_lower("for tidligt"))
    assert pre.may_match("kom for SENT hjem", safe_lower("kom for SENT hjem"))


def _texts() -> list[str]:
    texts = [line for doc in sorted(HELDOUT.glob("*.txt"))
             for line in doc.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(11)
    words = " ".join(texts).split()
    for _ in range(400):
        t = " ".join(rng.choice(words) for _ in range(rng.randint(1, 20)))
        texts.append(t.upper() if rng.random() < 0.3 else t)
    return texts


@pytest.mark.slow
def test_prefiltered_tags_are_the_tags_the_patterns_find() -> None:
    """On our held-out documents and shuffled word salads of them, for every lexicon of the
    shipped policy (and all of them combined, as the category matcher does): the tags
    found with the prefilter are exactly those the patterns find without it."""
    bundle = load_bundle("kommune")
    lexicons = list(bundle.lexicons.values())
    combined = Lexicon("*", "", [], [p for lx in lexicons for p in lx.patterns],
                       [lx.name for lx in lexicons for _ in lx.patterns])
    texts = _texts()
    filtered = 0
    for lex in [combined, *lexicons]:
        lex._live_tags("")
        groups = lex._pattern_groups
        assert groups is not None
        for text in texts:
            plain = {t for t, rx in groups.items() if rx.search(text)}
            assert lex._live_tags(text) == plain, (lex.name, text)
            lowered = safe_lower(text)
            filtered += sum(not p.may_match(text, lowered) for p in lex._prefilters.values())
    assert filtered > 0  # the prefilter did skip patterns
