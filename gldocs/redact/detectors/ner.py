"""Danish NER (the shipped spaCy pipeline): person names per text unit.

spaCy gives no per-entity confidence; every entity gets :data:`NER_SCORE` as in presidio.
The pipeline is loaded by :func:`gldocs.redact.nlp.load_nlp`, which raises ``ModelError``
when it is missing (redaction then fails closed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

NER_SCORE = 0.85
PERSON_LABELS = frozenset({"PER", "PERSON"})


@dataclass(frozen=True)
class NerEntity:
    start: int
    end: int
    text: str
    label: str
    score: float = NER_SCORE


CHUNK_CHARS = 20_000  # texts are joined into documents of at most about this size
# the pipes NER does not need (the lemmatizer serves the lexicons' ordinary-word check)
_NOT_FOR_NER = ("lemmatizer", "attribute_ruler", "tagger", "parser")


def find_entities(nlp: Any, texts: Sequence[str],
                  skip: Sequence[bool] | None = None) -> list[list[NerEntity]]:
    """Entities of every text (one line or paragraph each), the pipeline run in batches.

    The texts are joined with line breaks into documents of about :data:`CHUNK_CHARS`
    characters (one model call per chunk, and the model sees the neighbouring lines);
    entities are mapped back to their text, and an entity that would span a line break is
    split at it. ``skip[i]``: text ``i`` is left out (no entities): text the policy
    removes wholesale, or with no capital letter (a name NER finds there has no
    capitalised word, so the name rules would drop it anyway).
    """
    out: list[list[NerEntity]] = [[] for _ in texts]
    chunks: list[list[int]] = []  # indices of the texts in each chunk
    size = 0
    for i, t in enumerate(texts):
        if skip is not None and skip[i]:
            continue
        if not chunks or (chunks[-1] and size + len(t) > CHUNK_CHARS):
            chunks.append([])
            size = 0
        chunks[-1].append(i)
        size += len(t) + 1
    joined = ["\n".join(texts[i] for i in c) for c in chunks]
    todo = [k for k, j in enumerate(joined) if j.strip()]
    disable = [p for p in _NOT_FOR_NER if p in nlp.pipe_names]
    # one chunk per batch: a batch of several would hold them all in memory at once
    docs = nlp.pipe((joined[k] for k in todo), disable=disable, batch_size=1)
    for k, doc in zip(todo, docs, strict=True):
        idx = chunks[k]
        for i, ents in zip(idx, _split(doc, [texts[i] for i in idx]), strict=True):
            out[i] = ents
    return out


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
