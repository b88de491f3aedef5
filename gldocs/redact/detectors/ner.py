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


CHUNK_CHARS = 100_000  # texts are joined into documents of at most about this size


def find_entities(nlp: Any, texts: Sequence[str]) -> list[list[NerEntity]]:
    """Entities of every text; long documents are processed in chunks of whole texts."""
    out: list[list[NerEntity]] = []
    chunk: list[str] = []
    size = 0
    for t in texts:
        if chunk and size + len(t) > CHUNK_CHARS:
            out.extend(_find_joined(nlp, chunk))
            chunk, size = [], 0
        chunk.append(t)
        size += len(t) + 1
    if chunk:
        out.extend(_find_joined(nlp, chunk))
    return out


def _find_joined(nlp: Any, texts: Sequence[str]) -> list[list[NerEntity]]:
    """Entities of every text (one line or paragraph each), in one pass of the pipeline.

    The texts are joined with line breaks into one document (one model call instead of one
    per line, and the model sees the neighbouring lines); entities are mapped back to their
    text, and an entity that would span a line break is split at it.
    """
    out: list[list[NerEntity]] = [[] for _ in texts]
    starts: list[int] = []
    pos = 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    joined = "\n".join(texts)
    if not joined.strip():
        return out
    disable = [p for p in ("lemmatizer", "attribute_ruler", "tagger", "parser")
               if p in nlp.pipe_names]
    doc = nlp(joined, disable=disable) if disable else nlp(joined)
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
