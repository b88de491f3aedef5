"""Danish NER (the shipped spaCy pipeline): person names per text unit.

spaCy gives no per-entity confidence; every entity gets :data:`NER_SCORE` as in presidio.
The pipeline is loaded by :func:`gldocs.redact.nlp.load_nlp`, which raises ``ModelError``
when it is missing (redaction then fails closed).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from gldocs.redact.nlp import one_blas_thread

NER_SCORE = 0.85
PERSON_LABELS = frozenset({"PER", "PERSON"})


@dataclass(frozen=True)
class NerEntity:
    start: int
    end: int
    text: str
    label: str
    score: float = NER_SCORE


CHUNK_CHARS = 20_000  # what is read is joined into documents of at most about this size
# words of context read on each side of a part: the model's window is 4 tokens (tok2vec:
# depth 4, window 1), and a word is at least one token, so every token of a read span gets
# the vector a full read gives it. `benchmarks/ner_scope.py --margins` compares the entities
# in the spans read with a full read: 0 of 5,222 differ at 4 words (all annotated sets and
# DDT), 1 at 3 and 13 at 2
MARGIN_WORDS = 4
# the pipes NER does not need (the lemmatizer serves the lexicons' ordinary-word check)
_NOT_FOR_NER = ("lemmatizer", "attribute_ruler", "tagger", "parser")
_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s")


def find_entities(nlp: Any, texts: Sequence[str],
                  reads: Sequence[Sequence[tuple[int, int]]] | None = None,
                  context: Sequence[bool] | None = None) -> list[list[NerEntity]]:
    """Entities of every text (one line or paragraph each), the pipeline run in batches.

    The texts with ``context[i]`` (default: all) are the running text the model sees,
    joined with line breaks. ``reads[i]``: the ``(start, end)`` spans of text ``i`` it must
    read (default: every context text whole); each is read with :data:`MARGIN_WORDS`
    words of that running text on either side, so the model sees the words around it as
    in a full run (its window is four tokens). Overlapping windows are merged; the windows
    are joined with line breaks into documents of about :data:`CHUNK_CHARS` characters
    (one model call each; only a window longer than that is cut, between texts).
    Entities are mapped back to their text, and an entity that would span a line break is
    split at it. Entities in the margins are reported too.
    """
    out: list[list[NerEntity]] = [[] for _ in texts]
    order = [i for i in range(len(texts)) if context is None or context[i]]
    if reads is None:
        windows = [[(i, 0, len(texts[i]))] for i in order]
    else:
        windows = _windows(texts, order, reads)
    chunks: list[list[tuple[int, int, int]]] = []  # (text index, start, end) parts per chunk
    size = 0
    for parts in windows:
        if chunks and chunks[-1] and size + sum(b - a for _, a, b in parts) > CHUNK_CHARS:
            chunks.append([])  # a window that fits in one chunk is not cut
            size = 0
        for i, a, b in parts:
            if not chunks or (chunks[-1] and size + (b - a) > CHUNK_CHARS):
                chunks.append([])
                size = 0
            chunks[-1].append((i, a, b))
            size += b - a + 1
    joined = ["\n".join(texts[i][a:b] for i, a, b in c) for c in chunks]
    todo = [n for n, j in enumerate(joined) if j.strip()]
    disable = [p for p in _NOT_FOR_NER if p in nlp.pipe_names]
    for n in todo:
        remember_words(nlp, joined[n])
    with one_blas_thread():
        # one chunk per batch: a batch of several would hold them all in memory at once
        docs = nlp.pipe((joined[n] for n in todo), disable=disable, batch_size=1)
        for n, doc in zip(todo, docs, strict=True):
            parts = chunks[n]
            found = _split(doc, [texts[i][a:b] for i, a, b in parts])
            for (i, a, _), ents in zip(parts, found, strict=True):
                out[i].extend(NerEntity(e.start + a, e.end + a, e.text, e.label) if a else e
                              for e in ents)
    return out


# The tokenizer's own cache, filled: spaCy remembers how it split a run of non-space
# characters (a word with its punctuation), but only while no special case ("kl.",
# "f.eks.") has come earlier in the same text (spaCy's ``Tokenizer._save_cached`` keeps one
# flag per document), so in what NER reads of a document almost nothing is remembered and
# every word is split again by the affix patterns (about a tenth of the model's time). Each
# distinct word is split once on its own (where no earlier special case stands), and spaCy
# keeps it (a word that holds a special case itself it keeps not: those are split as
# before). The same tokens as splitting it inside the text: spaCy splits every run of
# non-space characters on its own and answers from this cache whenever it may.
MAX_REMEMBERED = 500_000  # distinct words; beyond them new words are split as before
_remembered: dict[int, tuple[Any, set[str]]] = {}  # id(tokenizer) -> (tokenizer, words)


def remember_words(nlp: Any, text: str) -> None:
    """Have ``nlp``'s tokenizer remember the split of every word of ``text`` it has not
    been given yet (see above). A pipeline without a tokenizer of its own is left alone."""
    tokenizer = getattr(nlp, "tokenizer", None)
    if tokenizer is None:
        return
    entry = _remembered.get(id(tokenizer))
    if entry is None or entry[0] is not tokenizer:
        entry = _remembered[id(tokenizer)] = (tokenizer, set())
    seen = entry[1]
    if len(seen) >= MAX_REMEMBERED:
        return
    new = set(text.split())
    new.difference_update(seen)
    for word in new:
        tokenizer(word)
    seen.update(new)


def _windows(texts: Sequence[str], order: Sequence[int],
             reads: Sequence[Sequence[tuple[int, int]]]) -> list[list[tuple[int, int, int]]]:
    """The windows of the running text (``texts[i]`` for ``i`` in ``order``, joined with
    line breaks) that cover every read span with :data:`MARGIN_WORDS` words either side,
    overlapping ones merged; each as its parts ``(text index, start, end)``."""
    offsets: list[int] = []
    pos = 0
    for i in order:
        offsets.append(pos)
        pos += len(texts[i]) + 1
    running = "\n".join(texts[i] for i in order)
    spans = sorted((offsets[k] + a, offsets[k] + b)
                   for k, i in enumerate(order) for a, b in reads[i])
    if not spans:
        return []
    merged: list[list[int]] = []
    for a, b in spans:
        lo = _margin_before(running, a)
        hi = _margin_after(running, b)
        if merged and lo <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    out = []
    for lo, hi in merged:
        parts = []
        k = bisect_right(offsets, lo) - 1
        while k < len(order) and offsets[k] < hi:
            i = order[k]
            a = max(lo - offsets[k], 0)
            b = min(hi - offsets[k], len(texts[i]))
            parts.append((i, a, b))
            k += 1
        out.append(parts)
    return out


def _margin_before(running: str, a: int) -> int:
    """Where the window of a read span that starts at ``a`` starts: at the word
    :data:`MARGIN_WORDS` words before the word ``a`` is in (or the last word before ``a``);
    0 when there are not that many. Only the text before ``a`` that holds those words is
    read (a window widened until it does), not the whole running text."""
    size = 16 * (MARGIN_WORDS + 1)
    while True:
        pos = max(0, a - size)
        starts = [m.start() for m in _WORD.finditer(running, pos, a + 1)]
        if starts and starts[0] == pos and pos and not _SPACE.match(running, pos - 1):
            del starts[0]  # the tail of a word that starts before the window
        if len(starts) > MARGIN_WORDS:
            return starts[-1 - MARGIN_WORDS]
        if pos == 0:
            return 0
        size *= 4


def _margin_after(running: str, b: int) -> int:
    """Where the window of a read span that ends at ``b`` ends: at the end of the
    :data:`MARGIN_WORDS`-th word that starts at or after ``b`` (never before ``b``), when
    one more word follows it; else at the end of the running text."""
    ends = []
    for m in _WORD.finditer(running, b):
        if m.start() == b and b and not _SPACE.match(running, b - 1):
            continue  # the rest of the word ``b`` is in: it starts before ``b``
        ends.append(m.end())
        if len(ends) > MARGIN_WORDS:
            return max(ends[MARGIN_WORDS - 1], b)
    return len(running)


def _split(doc: Any, texts: Sequence[str]) -> list[list[NerEntity]]:
    """The entities of ``doc`` (``texts`` joined by line breaks) per text."""
    out: list[list[NerEntity]] = [[] for _ in texts]
    starts: list[int] = []
    pos = 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    i = 0
    for e in doc.ents:
        while i + 1 < len(starts) and starts[i + 1] <= e.start_char:
            i += 1
        j = i
        while j < len(texts):
            lo = max(e.start_char, starts[j]) - starts[j]
            hi = min(e.end_char, starts[j] + len(texts[j])) - starts[j]
            if hi > lo:
                part = texts[j][lo:hi]
                if part.strip():
                    lstrip = len(part) - len(part.lstrip())
                    part = part.strip()
                    out[j].append(NerEntity(lo + lstrip, lo + lstrip + len(part), part,
                                            e.label_))
            if j + 1 >= len(starts) or starts[j + 1] >= e.end_char:
                break
            j += 1
    return out


def persons(entities: Sequence[NerEntity]) -> list[NerEntity]:
    return [e for e in entities if e.label in PERSON_LABELS]
