"""The shipped Danish NER pipeline's entities as a presidio recognizer.

The pipeline runs once per document over the joined units (the engine does that, in
batches); this recognizer reports the entities that fall in the unit at hand from its
:class:`~.base.UnitArtifacts`. Entity types: PERSON, LOCATION, ORGANIZATION, MISC (the
model's label is in the metadata).
"""

from __future__ import annotations

from typing import Any

from presidio_analyzer import RecognizerResult

from gldocs.redact.nlp import LABEL_TO_ENTITY
from gldocs.redact.recognizers.base import GldocsRecognizer, RecognizerKit


class NerRecognizer(GldocsRecognizer):
    reads_ner = True  # (the engine runs it after the model, the others before)

    def __init__(self) -> None:
        super().__init__(sorted(set(LABEL_TO_ENTITY.values())), "DanishNerRecognizer")

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        ents = getattr(nlp_artifacts, "ner", None) or []
        return [self.result(LABEL_TO_ENTITY.get(e.label, e.label), e.start, e.end, e.score, i,
                            label=e.label)
                for i, e in enumerate(ents)]


def ner(kit: RecognizerKit) -> NerRecognizer:
    return NerRecognizer()
