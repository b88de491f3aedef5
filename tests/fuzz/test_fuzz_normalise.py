"""Fuzz target: the text normaliser (issue 9 §7). Time-boxed; see tests/fuzz/budget.py."""

from __future__ import annotations

import unicodedata

import pytest
from fuzz_budget import QUICK_EXAMPLES, Budget, fuzz_settings, slow_examples
from hypothesis import given
from hypothesis import strategies as st

from gldocs.redact.detectors.cpr import find_cprs
from gldocs.text.normalize import normalise

TRICKY = st.sampled_from([
    "\u200b", "\u200d", "\u00ad", "\u2060", "\u202e", "\u2066", "\ufeff", "\x00", "\u034f",
    "\u00a0", "\u202f", "\u3000", "\t", "\n", "\r", "\u2028", "-", "\u2011", "\u2212",
    "\ufe58", "\uff0d", "e\u0301", "\u0301", "ﬁ", "½", "\uff10", "\u0663", "𝟗", "Å", "ø",
    "\U000e0041", "\ufe0f", "-\n", "Han-\nsen", "030592-2817", "\u0456", "\u043e", "Ж",
    "\u039a", "ᄀ", "ᅡ",
])
TEXT = st.lists(st.one_of(st.text(max_size=8), TRICKY), max_size=40).map("".join)


def _check(raw: str) -> None:
    n = normalise(raw)
    text = n.text
    assert normalise(text).text == text  # idempotent
    assert not any(unicodedata.category(c) == "Cf" for c in text)
    assert "\x00" not in text
    if n.identity:
        assert text == raw
        return
    assert n.starts is not None and n.ends is not None
    assert len(n.starts) == len(n.ends) == len(text)
    prev = 0
    for s, e in zip(n.starts, n.ends, strict=True):
        assert 0 <= s < e <= len(raw)
        assert s >= prev or s == prev  # never goes back
        prev = s
    for a in range(0, len(text) + 1, max(1, len(text) // 7)):
        for b in range(a, len(text) + 1, max(1, len(text) // 5)):
            lo, hi = n.span(a, b)
            assert 0 <= lo <= hi <= len(raw)
    for m in find_cprs(text):  # every CPR found maps back to characters of the original
        lo, hi = n.span(m.start, m.end)
        assert sum(c.isdigit() for c in unicodedata.normalize("NFKC", raw[lo:hi])) >= 10


@fuzz_settings(QUICK_EXAMPLES)
@given(TEXT)
def test_fuzz_normaliser_quick(raw: str) -> None:
    _check(raw)


_BUDGET = Budget()


@pytest.mark.slow
@fuzz_settings(slow_examples())
@given(TEXT)
def test_fuzz_normaliser(raw: str) -> None:
    if _BUDGET():
        _check(raw)
