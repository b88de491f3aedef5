"""Required words of a regular expression: a cheap, exact "can it match at all?" test.

Python's ``re`` tries a case-insensitive pattern that starts with ``\\b`` at every position
of a text, so the lexicon patterns (long alternations of words) cost a scan each even where
none of their words occurs. :func:`required_literals` reads a pattern's syntax tree and
returns strings one of which every match must contain (``\\bfor\\s+sent\\b`` -> ``{"sent"}``),
or None when it cannot tell. :class:`Prefilter` then answers "is one of them in the text?"
with a substring test on the lower-cased text, which is exact only for texts and strings
made of :data:`SAFE` characters (there ``re``'s case-insensitive matching is exactly "the
same lower case"; a test checks every pair); any other text, or a pattern it cannot read,
goes to the regular expression as before. A "no" is therefore always right: the pattern
cannot match; a "yes" only means the pattern must be run.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

C: Any
sre_parse: Any
try:  # the parser of the standard library's ``re`` (a private module, stable in 3.11)
    C = importlib.import_module("re._constants")
    sre_parse = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another Python: no prefilter, same results
    C = sre_parse = None

# Latin-1 without the micro sign (µ is case-equivalent to Greek mu in ``re``): for these
# characters ``re.IGNORECASE`` equivalence is exactly equality of ``str.lower()`` (checked
# in tests/redact/test_prefilter.py), and ``str.lower()`` keeps them one character long.
SAFE = frozenset(chr(i) for i in range(256)) - {"\u00b5"}
_MAX_SET = 256  # strings in one alternative set; beyond it the set is not used


def required_literals(pattern: str, flags: int = re.IGNORECASE) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of ``pattern`` contains (ignoring case),
    or None when no such set is known (then the pattern must always be run)."""
    if sre_parse is None:
        return None
    try:
        tree = sre_parse.parse(pattern, flags)
    except (re.error, RecursionError):
        return None
    try:
        exact, best = _seq(list(tree))
    except NotImplementedError:  # a construct the analysis does not read
        return None
    if exact is not None and exact and all(exact):
        best = _better(best, exact)
    if not best or not all(best) or not all(set(s) <= SAFE for s in best):
        return None
    return frozenset(best)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two requirement sets (longer shortest string, then fewer)."""
    if not b or not all(b):
        return a
    if not a:
        return b
    ka = (min(map(len, a)), -len(a))
    kb = (min(map(len, b)), -len(b))
    return b if kb > ka else a


def _cross(cur: frozenset[str], nxt: Iterable[str]) -> frozenset[str] | None:
    out = frozenset(x + y for x in cur for y in nxt)
    return out if len(out) <= _MAX_SET else None


def _seq(items: list[Any]) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """For a sequence: (its exact string set if it can only match those strings, else None;
    the best requirement set found inside it)."""
    cur: frozenset[str] | None = frozenset({""})  # exact strings of the run so far
    whole = True  # the whole sequence is one exact run
    best: frozenset[str] | None = None

    def flush() -> None:
        nonlocal cur, best
        if cur is not None and cur != frozenset({""}):
            best = _better(best, cur)
        cur = frozenset({""})

    op: Any
    av: Any
    for op, av in items:
        exact: frozenset[str] | None = None
        inner: frozenset[str] | None = None
        zero_width = False
        if op is C.LITERAL:
            exact = frozenset({chr(av).lower()})
        elif op is C.IN:
            chars: list[str] = []
            for sub_op, sub_av in av:
                if sub_op is not C.LITERAL:
                    chars = []
                    break
                chars.append(chr(sub_av).lower())
            exact = frozenset(chars) if chars and len(set(chars)) <= 8 else None
        elif op is C.SUBPATTERN:
            _group, _add, _del, sub = av
            exact, inner = _seq(list(sub))
        elif op is C.BRANCH:
            _none, alts = av
            results = [_seq(list(a)) for a in alts]
            if all(e is not None for e, _ in results):
                union = frozenset().union(*(e for e, _ in results if e is not None))
                exact = union if len(union) <= _MAX_SET else None
            if exact is None:
                parts = [_better(b, e if e and all(e) else None) for e, b in results]
                if all(p for p in parts):
                    union = frozenset().union(*(p for p in parts if p))
                    inner = union if len(union) <= _MAX_SET else None
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            lo, hi, sub = av
            e, b = _seq(list(sub))
            if lo == hi == 1:
                exact, inner = e, b
            elif lo >= 1:
                inner = _better(b, e if e and all(e) else None)
        elif op is C.AT or op in (C.ASSERT, C.ASSERT_NOT):
            zero_width = True  # consumes nothing: the strings around it stay adjacent
        elif op in (C.ANY, C.NOT_LITERAL, C.CATEGORY):
            pass  # one character of a kind: ends the run, requires nothing
        elif op is getattr(C, "ATOMIC_GROUP", None):
            e, b = _seq(list(av))
            inner = _better(b, e if e and all(e) else None)
        else:
            raise NotImplementedError(str(op))  # group references, conditionals, …
        if zero_width:
            continue
        if inner is not None:
            best = _better(best, inner)
        if exact is not None and cur is not None:
            crossed = _cross(cur, exact)
            if crossed is not None:
                cur = crossed
                continue
        whole = False
        flush()
        if exact is not None and exact and all(exact):
            best = _better(best, exact)
    if whole:
        return cur, best
    flush()
    return None, best


class Prefilter:
    """"Can ``pattern`` match ``text``?" answered from the strings it requires."""

    def __init__(self, literals: frozenset[str] | None) -> None:
        self.literals = tuple(sorted(literals, key=len, reverse=True)) if literals else None

    def may_match(self, text: str, lowered: str | None) -> bool:
        """False only when the pattern certainly cannot match ``text``. ``lowered``:
        ``text.lower()`` when every character of ``text`` is in :data:`SAFE`, else None."""
        if self.literals is None or lowered is None:
            return True
        return any(s in lowered for s in self.literals)


def safe_lower(text: str) -> str | None:
    """``text.lower()`` if every character is in :data:`SAFE` (else None: no prefilter)."""
    if text.isascii() or all(c in SAFE for c in text):
        return text.lower()
    return None
