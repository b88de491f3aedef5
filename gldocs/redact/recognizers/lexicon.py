"""The policy's lexicons as presidio recognizers: category terms (rhl. § 10 categories,
security, offence details, prison-internal matters), protected text (the offence type,
K6) and the policy's deny list. Entity types are ``CATEGORY:<name>``,
``PROTECTED:<name>`` and ``DENY``; the rule each one falls under is the rule stage's
business (:mod:`gldocs.redact.rules`)."""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import RecognizerResult

from gldocs.redact.detectors.lexicon import CategoryMatcher
from gldocs.redact.lexicon import Lexicon
from gldocs.redact.recognizers.base import GldocsRecognizer, RecognizerKit
from gldocs.text.alternation import whole_word

CATEGORY = "CATEGORY:"
PROTECTED = "PROTECTED:"
DENY = "DENY"


def specificity(start: int, end: int) -> float:
    """A lexicon hit's score: 0.9, a little less the longer it is. presidio drops a result
    lying inside another of the same type with at least its score; every lexicon hit is
    evidence the rule stage weighs (its words explain the removal), so a shorter hit inside
    a longer one must score higher to be kept."""
    return 0.9 - min(end - start, 10_000) * 1e-6


class CategoryRecognizer(GldocsRecognizer):
    """Every category's lexicons in one index: a text is scanned once for all of them."""

    def __init__(self, matcher: CategoryMatcher, names: list[str]) -> None:
        super().__init__([CATEGORY + n for n in names], "CategoryRecognizer")
        self._matcher = matcher

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        out = []
        seq = 0
        for cat, matches in self._matcher.all(text).items():
            for m in matches:
                out.append(self.result(CATEGORY + cat, m.start, m.end,
                                       specificity(m.start, m.end), seq, term=m.term))
                seq += 1
        return out


class ProtectRecognizer(GldocsRecognizer):
    """Text kept whose words trigger no category (policy ``protect``)."""

    def __init__(self, specs: list[tuple[str, list[Lexicon]]]) -> None:
        super().__init__([PROTECTED + n for n, _ in specs] or [PROTECTED], "ProtectRecognizer")
        self._specs = specs
        for _name, lexicons in specs:
            for lex in lexicons:
                lex.compile()  # once per policy, before --jobs workers fork

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        for name, lexicons in self._specs:
            for lex in lexicons:
                for m in lex.find(text):
                    out.append(self.result(PROTECTED + name, m.start, m.end,
                                           specificity(m.start, m.end), len(out)))
        return out


class DenyRecognizer(GldocsRecognizer):
    """The policy's ``deny`` terms, whole words, any case."""

    def __init__(self, terms: list[str]) -> None:
        super().__init__([DENY], "DenyRecognizer")
        self._patterns = [whole_word(re.escape(d), re.IGNORECASE) for d in terms]

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        for pat in self._patterns:
            for m in pat.finditer(text):
                out.append(self.result(DENY, m.start(), m.end(), 1.0, len(out)))
        return out


def categories(kit: RecognizerKit) -> CategoryRecognizer:
    return CategoryRecognizer(kit.categories, list(kit.bundle.policy.categories))


def protect(kit: RecognizerKit) -> ProtectRecognizer:
    b = kit.bundle
    return ProtectRecognizer([(name, [b.lexicons[lex] for lex in spec.lexicons])
                              for name, spec in b.policy.protect.items()])


def deny(kit: RecognizerKit) -> DenyRecognizer:
    return DenyRecognizer(list(kit.bundle.policy.deny))
