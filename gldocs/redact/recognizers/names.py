"""Persons' names as presidio recognizers.

:class:`NameRuleRecognizer`: name candidates by rule (given-name list, role and title
cues, coordination), :func:`gldocs.redact.detectors.names.find_name_candidates` over the
policy bundle's name lists. Candidates are sorted out (client, professional, private
person) by the discovery stage, never removed on their own.

:class:`GazetteerNameRecognizer`: names the policy's name gazetteers give on their own:
a family name written first (``resources.family_first_names``: "Nguyen Thi Lan") followed
by a middle name of that tradition or a known given name. Candidates like the rule names.

:class:`CaseNameRecognizer`: every mention of a person the case knows (the client, the
professionals and private persons of the case data, and those the discovery stage found
in the text) by the written forms of their names
(:meth:`gldocs.redact.case_entities.EntityFinder.mentions`). It runs after discovery
(``after_discovery``), on the people the unit's :class:`~.base.KnownForms` hold; each
result carries its person."""

from __future__ import annotations

from typing import Any

from presidio_analyzer import RecognizerResult

from gldocs.redact.case_entities import Mention
from gldocs.redact.context import sentences
from gldocs.redact.detectors.names import (
    NameCandidate,
    family_first_names,
    family_first_pattern,
    find_name_candidates,
)
from gldocs.redact.person_words import person_patterns
from gldocs.redact.recognizers.base import GldocsRecognizer, RecognizerKit

ENTITY = "NAME_CANDIDATE"
KNOWN_PERSON = "KNOWN_PERSON"
GAZETTEER_NAME = "GAZETTEER_NAME"


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
        return bool(self._classifier.cue_before(text, start).kind)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        found = find_name_candidates(text, sentences(text, self._sentence_words), self._given,
                                     self._surnames, self._ambiguous, self._stop, self._cue_at,
                                     self._org_words, self._person)
        return [self.result(ENTITY, c.start, c.end, c.score, i, reason=c.reason)
                for i, c in enumerate(found)]


def name_rules(kit: RecognizerKit) -> NameRuleRecognizer:
    return NameRuleRecognizer(kit)


class GazetteerNameRecognizer(GldocsRecognizer):
    """Names by the policy's family-first lists (see the module doc)."""

    def __init__(self, kit: RecognizerKit) -> None:
        super().__init__([GAZETTEER_NAME], "GazetteerNameRecognizer")
        names = kit.bundle.family_first
        self._pattern = family_first_pattern(names.family) if names.family else None
        self._middle, self._given = names.middle, kit.bundle.given_names

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        if self._pattern is None:
            return []
        found = family_first_names(text, self._pattern, self._middle, self._given)
        return [self.result(GAZETTEER_NAME, c.start, c.end, c.score, i, reason=c.reason)
                for i, c in enumerate(found)]


def gazetteer_names(kit: RecognizerKit) -> GazetteerNameRecognizer:
    return GazetteerNameRecognizer(kit)


def name_candidate(text: str, r: RecognizerResult) -> NameCandidate:
    return NameCandidate(r.start, r.end, text[r.start:r.end], r.score,
                         r.recognition_metadata["reason"])


class CaseNameRecognizer(GldocsRecognizer):
    """Mentions of the people the case knows (see the module doc). Mentions never overlap
    (each takes its span), so presidio's duplicate removal leaves every one."""

    after_discovery = True

    def __init__(self, kit: RecognizerKit) -> None:
        super().__init__([KNOWN_PERSON], "CaseNameRecognizer")
        self._finder = kit.finder

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        known = getattr(nlp_artifacts, "known", None)
        if known is None or self._finder is None:
            return []
        found = self._finder.mentions(text, known.entities, known.blocked, known.forms)
        return [self.result(KNOWN_PERSON, m.start, m.end, 1.0, i, person=m.person)
                for i, m in enumerate(found)]


def case_names(kit: RecognizerKit) -> CaseNameRecognizer:
    return CaseNameRecognizer(kit)


def mentions_of(text: str, results: list[RecognizerResult]) -> list[Mention]:
    """The :class:`~gldocs.redact.case_entities.Mention`s of ``results`` in the order the
    recognizer found them (by their start)."""
    return [Mention(r.start, r.end, text[r.start:r.end], r.recognition_metadata["person"])
            for r in sorted(results, key=lambda r: r.recognition_metadata["seq"])
            if r.entity_type == KNOWN_PERSON]
