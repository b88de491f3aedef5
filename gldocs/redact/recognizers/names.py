"""Person-name candidates by rule (given-name list, role and title cues, coordination) as a
presidio recognizer: :func:`gldocs.redact.detectors.names.find_name_candidates` over the
policy bundle's name lists. Candidates are sorted out (client, professional, private
person) by the discovery stage, never removed on their own."""

from __future__ import annotations

from typing import Any

from presidio_analyzer import RecognizerResult

from gldocs.redact.context import sentences
from gldocs.redact.detectors.names import NameCandidate, find_name_candidates
from gldocs.redact.person_words import person_patterns
from gldocs.redact.recognizers.base import GldocsRecognizer, RecognizerKit

ENTITY = "NAME_CANDIDATE"


class NameRuleRecognizer(GldocsRecognizer):
    def __init__(self, kit: RecognizerKit) -> None:
        super().__init__([ENTITY], "NameRuleRecognizer")
        b = kit.bundle
        self._given, self._surnames, self._ambiguous = (b.given_names, b.surnames,
                                                        b.ambiguous_names)
        self._stop = kit.stop_words
        self._classifier = kit.classifier
        self._org_words = frozenset(kit.classifier.org_words)
        self._person = person_patterns(b.person_words)
        self._sentence_words = b.sentence_words

    def _cue_at(self, text: str, start: int) -> bool:
        # (a title or a role right before the name, or a field's key that names an office
        # or a role: "Handleplansansvarlig: Kristine Aaen", whose given name no list may know)
        return bool(self._classifier.cue_before(text, start).kind) or \
            self._classifier.person_key_before(text, start)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        found = find_name_candidates(text, sentences(text, self._sentence_words), self._given,
                                     self._surnames, self._ambiguous, self._stop, self._cue_at,
                                     self._org_words, self._person)
        return [self.result(ENTITY, c.start, c.end, c.score, i, reason=c.reason)
                for i, c in enumerate(found)]


def name_rules(kit: RecognizerKit) -> NameRuleRecognizer:
    return NameRuleRecognizer(kit)


def name_candidate(text: str, r: RecognizerResult) -> NameCandidate:
    return NameCandidate(r.start, r.end, text[r.start:r.end], r.score,
                         r.recognition_metadata["reason"])
