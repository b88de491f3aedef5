"""Internal notes as a presidio recognizer.

An internal-notes heading opens a block that runs over several units, so the blocks are
found once per document (:func:`gldocs.redact.internal_notes.internal_note_spans`) and
handed to each unit in its :class:`~.base.UnitArtifacts`; this recognizer reports them.
"""

from __future__ import annotations

from typing import Any

from presidio_analyzer import RecognizerResult

from gldocs.redact.recognizers.base import GldocsRecognizer, RecognizerKit

ENTITY = "INTERNAL_NOTE"


class InternalNoteRecognizer(GldocsRecognizer):
    def __init__(self) -> None:
        super().__init__([ENTITY], "InternalNoteRecognizer")

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        spans = getattr(nlp_artifacts, "internal", None) or []
        return [self.result(ENTITY, a, b, 0.95, i) for i, (a, b) in enumerate(spans)]


def internal_notes(kit: RecognizerKit) -> InternalNoteRecognizer:
    return InternalNoteRecognizer()
