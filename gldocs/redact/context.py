"""Sentences and words: the context the detectors and rules work in.

Sentence boundaries are found with a small rule set for Danish case texts: a sentence ends
at ``.``, ``!`` or ``?`` followed by white space and an upper-case letter, digit, quote or
bracket, except after common abbreviations (tlf., ca., bl.a., jf., nr., kl., st., tv., th., afd.)
and list numbers at the start of a line (``1. Bolig``); an amount's unit ("62.000 kr. Han")
ends a sentence before a capital letter; dates (``14. juli``) never split
because a lower-case word follows. A line is never joined with the next one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

ABBREVIATIONS = frozenset({
    "tlf", "ca", "bl.a", "jf", "nr", "kl", "st", "tv", "th", "mv", "m.v", "f.eks", "dvs",
    "pkt", "stk", "evt", "inkl", "ekskl", "att", "mht", "vedr", "iflg", "ift", "pga", "hhv",
    "mr", "dr", "hr", "frk", "cand", "stud", "jur", "mag", "scient", "sygepl", "soc", "adr",
    "mrk", "ang", "afd", "adm", "udd", "ref", "ekst", "sekr",
    "p.t", "pt", "o.l", "osv", "etc", "lign", "s", "f", "d", "a", "b", "c", "e", "o", "u",
    "kr", "mio", "mia", "t", "min", "sek", "apr", "aug", "sep", "sept", "okt", "nov", "dec",
    "jan", "feb", "mar", "jun", "jul", "man", "tir", "ons", "tor", "fre", "lør", "søn",
})
_END = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“„(\[]?[A-ZÆØÅ0-9\-–•])")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def sentences(text: str) -> list[Span]:
    """Sentence spans of one line of text (trimmed of surrounding white space)."""
    return list(_sentences(text))  # a new list: callers may change theirs


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
def _sentences(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    pos = 0
    for m in _END.finditer(text):
        word = _word_before(text, m.start()).lower().rstrip(".")
        # "1. Bolig" at the start of a line is list numbering, not the end of a sentence
        numbering = word.isdigit() and len(word) <= 2 and not text[:m.start() - len(word)].strip()
        if m.group(0).startswith(".") and (word in ABBREVIATIONS or numbering) and \
                not _unit_ends_sentence(text, m.start() - len(word), word, m.end()):
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


# units written after an amount: "62.000 kr. Han har …" ends a sentence at the unit
_UNITS = frozenset({"kr", "mio", "mia", "min", "sek", "t"})
_AMOUNT_BEFORE = re.compile(r"\d[ \t\xa0]*$")


def _unit_ends_sentence(text: str, word_start: int, word: str, end: int) -> bool:
    """An amount's unit ("kr.", "mio.") before a capitalised word ends the sentence: a unit
    after a number abbreviates nothing that the next word continues."""
    if word not in _UNITS or not _AMOUNT_BEFORE.search(text, 0, word_start):
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
