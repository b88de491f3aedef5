"""Sentences and words: the context the detectors and rules work in.

Sentence boundaries are found with a small rule set for Danish case texts: a sentence ends
at ``.``, ``!`` or ``?`` followed by white space and an upper-case letter, digit, quote or
bracket, except after an abbreviation (tlf., ca., bl.a., jf., nr., kl., st., tv., th., afd.:
the policy's ``resources.sentence_words``, ``abbreviations``) and list numbers at the start
of a line (``1. Bolig``); an amount's unit ("62.000 kr. Han", ``amount_units``) ends a
sentence before a capital letter; dates (``14. juli``) never split because a lower-case word
follows; the full stops of a number written with dots ("20 . 87 . 31 . 56") end nothing. A
line is never joined with the next one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from gldocs.redact.default_words import default_words

if TYPE_CHECKING:
    from gldocs.redact.wordlists import WordLists


_END = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“„(\[]?[A-ZÆØÅ0-9\-–•])")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def sentences(text: str, words: WordLists | None = None) -> list[Span]:
    """Sentence spans of one line of text (trimmed of surrounding white space).
    ``words``: the policy's sentence words (a bundle's ``sentence_words``: abbreviations and
    amount units); None: the bundled kommune policy's (for a function called on its own)."""
    # a new list: callers may change theirs
    return list(_sentences(text, words if words is not None else default_words("sentence_words")))


def _word_before(text: str, end: int) -> str:
    """The run of word characters and dots that ends at ``end`` (what ``[\\w.]+$`` finds in
    ``text[:end]``), found by stepping back from ``end``: the regex search scanned the
    whole prefix for every sentence end (quadratic in a long paragraph). ``\\w`` in ``re``
    is exactly ``str.isalnum()`` or ``_``; ``$`` also matches before a final line break."""
    if end > 0 and text[end - 1] == "\n":
        end -= 1
    i = end
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_."):
        i -= 1
    return text[i:end]


@lru_cache(maxsize=4096)
def _sentences(text: str, words: WordLists) -> tuple[Span, ...]:
    abbreviations = words.set("abbreviations")
    spans: list[Span] = []
    pos = 0
    for m in _END.finditer(text):
        word = _word_before(text, m.start()).lower().rstrip(".")
        # "1. Bolig" at the start of a line is list numbering, not the end of a sentence
        numbering = word.isdigit() and len(word) <= 2 and not text[:m.start() - len(word)].strip()
        if m.group(0).startswith(".") and (word in abbreviations or numbering) and \
                not _unit_ends_sentence(text, m.start() - len(word), word, m.end(),
                                        words.set("amount_units")):
            continue
        if m.group(0) == "." and _inside_dotted_number(text, m.start()):
            continue
        spans.append(Span(pos, m.end()))
        pos = m.end()
    spans.append(Span(pos, len(text)))
    out = []
    for s in spans:
        a, b = s.start, s.end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Span(a, b))
    return tuple(out)


_AMOUNT_BEFORE = re.compile(r"\d[ \t\xa0]*$")
# groups of digits with three or more full stops between them, spaced or not: a phone
# number written "20 . 87 . 31 . 56", an address "10 . 0 . 0 . 1"
_DOTTED_NUMBER = re.compile(r"\d+(?:[ \t\xa0]*\.[ \t\xa0]*\d+){2,}")


def _inside_dotted_number(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` stands between digits of a number written with
    dots ("tlf. 20 . 87 . 31 . 56, er …"): it ends no sentence."""
    before = text[:dot].rstrip(" \t\xa0")
    after = text[dot + 1:dot + 4].lstrip(" \t\xa0")
    if not (before[-1:].isdigit() and after[:1].isdigit()):
        return False
    lo = max(0, dot - 40)
    return any(r.start() < dot < r.end() for r in _DOTTED_NUMBER.finditer(text, lo, dot + 40))


def _unit_ends_sentence(text: str, word_start: int, word: str, end: int,
                        units: frozenset[str]) -> bool:
    """An amount's unit (``units``: "kr.", "mio.") before a capitalised word ends the
    sentence ("62.000 kr. Han har …"): a unit after a number abbreviates nothing that the
    next word continues."""
    if word not in units or not _AMOUNT_BEFORE.search(text, 0, word_start):
        return False
    nxt = text[end:].lstrip()
    return bool(nxt) and nxt[0].isupper()


def sentence_at(spans: list[Span], pos: int) -> Span:
    for s in spans:
        if s.start <= pos < s.end:
            return s
    return Span(pos, pos)


_TOKEN = re.compile(r"[^\W_][\w'’\-]*", re.UNICODE)


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """Words with their offsets (hyphenated and apostrophe forms kept together)."""
    for m in _TOKEN.finditer(text):
        w = m.group(0).rstrip("-'’")
        yield m.start(), m.start() + len(w), w


def words_before(text: str, pos: int, n: int = 4) -> list[str]:
    """The ``n`` lower-cased words just before ``pos`` (nearest last)."""
    ws = [w.lower() for _, e, w in words(text[:pos])]
    return ws[-n:]


def words_after(text: str, pos: int, n: int = 3) -> list[str]:
    """The ``n`` lower-cased words just after ``pos`` (only those are read)."""
    return [w.lower() for _, _, w in islice(words(text[pos:]), n)]
