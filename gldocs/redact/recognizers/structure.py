"""The document's structure as presidio recognizers: internal notes and the policy's
section rules.

An internal-notes heading opens a block that runs over several units, so the blocks are
found once per document (:func:`gldocs.redact.internal_notes.internal_note_spans`) and
handed to each unit in its :class:`~.base.UnitArtifacts`; :class:`InternalNoteRecognizer`
reports them. :class:`SectionRecognizer` reports what a part's rules (policy ``sections``)
decide from a unit's own text and its part: a field whose key the part keeps
(``keep_keys``: ``SECTION_KEEP``) or removes (``remove_keys``: ``SECTION_REMOVE``), and
every sentence of a part that is never sent (``remove_all``: ``SECTION_ALL``). What they
mean for the plan (rule, marker, explanation) is the rule stage's business.
"""

from __future__ import annotations

from typing import Any

from presidio_analyzer import RecognizerResult

from gldocs.redact.context import sentences
from gldocs.redact.policy import Policy
from gldocs.redact.professionals import ContactClassifier
from gldocs.redact.recognizers.base import GldocsRecognizer, RecognizerKit
from gldocs.redact.wordlists import WordLists
from gldocs.text.keys import normalise

ENTITY = "INTERNAL_NOTE"
SECTION_KEEP = "SECTION_KEEP"
SECTION_REMOVE = "SECTION_REMOVE"
SECTION_ALL = "SECTION_ALL"


class InternalNoteRecognizer(GldocsRecognizer):
    def __init__(self) -> None:
        super().__init__([ENTITY], "InternalNoteRecognizer")

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        spans = getattr(nlp_artifacts, "internal", None) or []
        return [self.result(ENTITY, a, b, 0.95, i) for i, (a, b) in enumerate(spans)]


class SectionRecognizer(GldocsRecognizer):
    """The section rules a unit's text decides (see the module doc). A kept field wins
    over a removed one; ``SECTION_KEEP``/``SECTION_REMOVE`` span the field's value (after
    its key's colon) and carry the key; ``SECTION_ALL`` spans each sentence."""

    def __init__(self, policy: Policy, classifier: ContactClassifier,
                 sentence_words: WordLists) -> None:
        super().__init__([SECTION_KEEP, SECTION_REMOVE, SECTION_ALL], "SectionRecognizer")
        self._policy = policy
        self._classifier = classifier
        self._sentence_words = sentence_words

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        spec = self._policy.section(getattr(nlp_artifacts, "section", ""))
        out: list[RecognizerResult] = []
        field = self._field(text, spec.keep_keys if spec.keep_rule else [],
                            spec.remove_keys if spec.remove_rule else [])
        if field is not None:
            out.append(field)
        if spec.remove_all:
            out.extend(self.result(SECTION_ALL, s.start, s.end, 0.9, len(out) + i)
                       for i, s in enumerate(sentences(text, self._sentence_words)))
        return out

    def _field(self, text: str, keep_keys: list[str], remove_keys: list[str]
               ) -> RecognizerResult | None:
        if keep_keys:
            key = (self._classifier.header_key(text) or "").lower()
            if key and any(key.startswith(k.lower()) for k in keep_keys):
                return self.result(SECTION_KEEP, text.find(":") + 1, len(text), 1.0, 0,
                                   key=key)
        if remove_keys and ":" in text[:80]:
            # the key as written, a remark in brackets included ("Gerningsbeskrivelse (fra
            # dommen):"), or in quotes as a JSON export writes it, often in ASCII letters
            # ('"haendelsesforloeb":'): compared normalised (æ as ae, ø as oe)
            key = text.split(":", 1)[0].strip(" \t-•*\"'\u201c\u201d").lower()
            folded = normalise(key).replace("aa", "a")
            if key and any(folded.startswith(normalise(k).replace("aa", "a"))
                           for k in remove_keys):
                start = text.find(":") + 1
                start += len(text[start:]) - len(text[start:].lstrip())
                return self.result(SECTION_REMOVE, start, len(text), 0.9, 0, key=key)
        return None


def internal_notes(kit: RecognizerKit) -> InternalNoteRecognizer:
    return InternalNoteRecognizer()


def sections(kit: RecognizerKit) -> SectionRecognizer:
    return SectionRecognizer(kit.bundle.policy, kit.classifier, kit.bundle.sentence_words)
