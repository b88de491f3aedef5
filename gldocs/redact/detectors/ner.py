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


def find_entities(nlp: Any, texts: Sequence[str], batch_size: int = 64) -> list[list[NerEntity]]:
    """Entities of every text (empty texts are skipped cheaply)."""
    out: list[list[NerEntity]] = [[] for _ in texts]
    idx = [i for i, t in enumerate(texts) if t.strip()]
    docs = nlp.pipe((texts[i] for i in idx), batch_size=batch_size)
    for i, doc in zip(idx, docs, strict=True):
        out[i] = [NerEntity(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
    return out


def persons(entities: Sequence[NerEntity]) -> list[NerEntity]:
    return [e for e in entities if e.label in PERSON_LABELS]
