"""Where the NER pipeline must read: the spans that could hold a name it would add.

NER is about half of a warm redaction, and most of what it reads cannot change the result:
the name rules drop what it finds there (a capitalised first word of a sentence that is no
given name, the client's own name, an ordinary word, a place, an organisation, a label).
Danish capitalises proper nouns only, so every entity the model could tag starts with a
capital letter. :func:`entity_shapes` lists, for one text, every span such an entity could
have once :meth:`EntityFinder._clean_ner <gldocs.redact.case_entities.EntityFinder>` has
trimmed it: a run of words from a capitalised word to a capitalised word, over capitalised
words, name particles and short lower-case words, cut at any place the tokenizer could cut.
The entity finder puts each shape through its own checks as if NER had found it (as a
person and as an organisation); only the spans of those that would count are read
(:class:`ReadMarks`), each with a few words either side (the model's window). Fail
closed: a run too long to list is read with its whole sentences.

The lists are a superset of what the model outputs: ``benchmarks/same_output.py`` shows
the outputs byte for byte equal with and without this narrowing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection
from functools import lru_cache
from typing import TYPE_CHECKING

from gldocs.redact.context import sentences
from gldocs.redact.person_words import person_patterns

if TYPE_CHECKING:
    from gldocs.redact.wordlists import WordLists

MAX_WORDS = 8  # the longest run of words one entity is listed for; longer runs: read whole
_CHUNK = re.compile(r"\S+")
# a letter that follows no letter: where a word may start (then: is it a capital?)
_WORD_START = re.compile(r"(?<![^\W\d_])[^\W\d_]")
# where a token may end: after a run of letters or of digits, or after an apostrophe that
# follows one (a genitive "Mads'"); never between two letters
_TOKEN_END = re.compile(r"(?:[^\W\d_]+|\d+)['’]?")


# The word-level answers below are remembered per chunk: a document writes the same words
# again and again, and the scope asks about every chunk of every unit (the answers depend
# on the chunk alone, or on it and the policy's inner words).
@lru_cache(maxsize=65536)
def _starts(chunk: str) -> tuple[int, ...]:
    """Where a capitalised word may start in ``chunk`` (a run of non-space characters): a
    capital letter that follows no letter (``Anne-Marie``: both parts; ``(Mette``;
    ``O'Brien``; not the P of ``iPhone``)."""
    if chunk == chunk.lower():
        return ()
    return tuple(m.start() for m in _WORD_START.finditer(chunk) if m.group(0).isupper())


@lru_cache(maxsize=65536)
def _ends(chunk: str, start: int = 0) -> tuple[int, ...]:
    """Where a token that starts at ``start`` may end in ``chunk``: after a letter, digit or
    genitive apostrophe, not between two letters (``Hansen`` | ``,``; ``10`` | ``km``;
    ``Anne`` | ``-Marie``). Entities the model ends on punctuation (``Jensen.``) lose it in
    the cleaning or are no names the checks keep."""
    ends = []
    for m in _TOKEN_END.finditer(chunk, start):
        ends.append(m.end())
        if m.group(0)[-1] in "'’":
            ends.append(m.end() - 1)
    return tuple(ends)


@lru_cache(maxsize=65536)
def _inner_word(chunk: str, inner_words: frozenset[str]) -> bool:
    """A lower-case word that may stand inside a name: a particle or joining word
    (``inner_words``: "Ludwig van der Berg", "Center for Misbrug"; the policy's person
    words, ``ner_inner_words``), or no word at all (a dash, a number)."""
    word = chunk.strip(".,;:()[]\"'“”„«»’‘")
    return word.lower() in inner_words or not any(ch.isalpha() for ch in word)


def _initial(chunk: str) -> bool:
    """An initial or a short abbreviation: at most three letters and a full stop."""
    return chunk.endswith(".") and sum(ch.isalpha() for ch in chunk) <= 3


def entity_shapes(text: str, sentence_starts: Collection[int] = (),
                  inner_words: frozenset[str] | None = None
                  ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """``(shapes, unlisted)``: every ``(start, end)`` a cleaned NER entity could have in
    ``text``, and the spans of runs too long to list (``MAX_WORDS``), which must be read.

    A shape runs from a capitalised word start to a token end in the same word, or on over
    words that may stand inside a name (one with a capitalised word start, or with at most
    five letters: ``van``, ``bin``, ``og``, ``-``) to a token end in a later word that starts
    with a capital (the cleaning drops lower-case words at the ends). A run stops after a
    word that ends in a colon or semicolon (a label: "Navn: Mette") and at the end of a
    sentence (``sentence_starts``: where the sentences start), unless the sentence seems
    to end at an initial or an abbreviation ("J. P. Clausen", "Chr. Hansen").
    ``inner_words``: the lower-case words that may stand inside a name (the policy's person
    words; default: the bundled kommune policy's)."""
    if text == text.lower():
        return [], []  # no capital letter
    inner = inner_words if inner_words is not None else person_patterns().ner_inner_words
    chunks = [(m.start(), m.group(0)) for m in _CHUNK.finditer(text)]
    starts_of = {i: starts for i, (_, w) in enumerate(chunks)
                 if (starts := _starts(w))}  # the capitalised chunks
    if not starts_of:
        return [], []
    shapes: list[tuple[int, int]] = []
    unlisted: list[tuple[int, int]] = []
    for i, starts in starts_of.items():
        a, chunk = chunks[i]
        for p in starts:
            shapes.extend((a + p, a + q) for q in _ends(chunk, p))
        j = i + 1
        while j < len(chunks) and chunks[j - 1][1][-1] not in ":;" and (
                chunks[j][0] not in sentence_starts or _initial(chunks[j - 1][1])) and (
                j in starts_of or _inner_word(chunks[j][1], inner)):
            ca, word = chunks[j]
            if j - i >= MAX_WORDS:
                unlisted.append((a, ca + len(word)))
                break
            if word[0].isupper():
                ends = _ends(word)
                shapes.extend((a + p, ca + q) for p in starts for q in ends)
            j += 1
    return shapes, unlisted


class ReadMarks:
    """What NER is to read of one text: spans of it, marked as the checks find them.

    A shape that counts is read as its own words (:meth:`mark_words`), not its sentence:
    the model reads every span with :data:`~gldocs.redact.detectors.ner.MARGIN_WORDS`
    words either side (its window is four tokens; outside an entity the NER transition
    system looks at the current token only), so what it finds there is what it finds
    reading everything. A run too long to list is read with its whole sentences
    (:meth:`mark_sentences`: fail closed)."""

    def __init__(self, text: str, words: WordLists | None = None) -> None:
        """``words``: the policy's sentence words (:func:`~gldocs.redact.context.sentences`)."""
        spans = sentences(text, words)
        self._text = text
        self.starts = {s.start for s in spans}
        self._starts = [s.start for s in spans]
        self._ends = [s.end for s in spans]
        self._lo: list[int] = []  # the marked spans: disjoint, sorted, not touching
        self._hi: list[int] = []

    def mark(self, a: int, b: int) -> None:
        """Mark ``[a, b)`` (merged with the marked spans it overlaps or touches)."""
        i = bisect_left(self._hi, a)  # the first span that ends at or after a
        j = bisect_right(self._lo, b)  # past the last span that starts at or before b
        if i < j:
            a = min(a, self._lo[i])
            b = max(b, self._hi[j - 1])
        self._lo[i:j] = [a]
        self._hi[i:j] = [b]

    def mark_words(self, a: int, b: int) -> None:
        """Mark ``[a, b)`` widened to the whole runs of non-space characters it touches
        ("Kl" of "Kl.": an entity may end on the punctuation the shape leaves out)."""
        text = self._text
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        m = _CHUNK.match(text, b)
        self.mark(a, m.end() if m else b)

    def mark_sentences(self, a: int, b: int) -> None:
        """Mark the whole sentences that ``[a, b)`` overlaps."""
        first = bisect_right(self._ends, a)
        last = bisect_left(self._starts, b) - 1
        if first <= last:
            self.mark(self._starts[first], self._ends[last])
        else:
            self.mark(a, b)

    def marked(self, a: int, b: int) -> bool:
        """Whether ``[a, b)`` lies inside one marked span."""
        i = bisect_right(self._lo, a) - 1
        return i >= 0 and b <= self._hi[i]

    def groups(self) -> list[tuple[int, int]]:
        """``(start, end)`` of each marked span, in order."""
        return list(zip(self._lo, self._hi, strict=True))
