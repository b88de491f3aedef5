"""The pattern detectors as presidio-analyzer recognisers for language ``da``.

presidio's own e-mail and phone recognisers are not used: the e-mail one imports
``tldextract``, which may try to download the public suffix list, and both are tuned for
English. These wrap gldocs' detectors so presidio and gldocs agree on every span.

    registry.add_recognizer(r) for r in danish_pattern_recognizers()
"""

from __future__ import annotations

import os
from collections.abc import Callable

# Before presidio (and through it tldextract) is imported: never fetch the suffix list.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from presidio_analyzer import (
    AnalysisExplanation,
    EntityRecognizer,
    RecognizerResult,
)

from gldocs.redact.detectors.address import find_addresses
from gldocs.redact.detectors.cpr import find_cprs
from gldocs.redact.detectors.email import find_emails
from gldocs.redact.detectors.patterns import PatternMatch
from gldocs.redact.detectors.phone import find_phones
from gldocs.redact.detectors.plate import find_plates

LANGUAGE = "da"
Finder = Callable[[str], list[PatternMatch]]

# presidio entity type -> (gldocs finder, recogniser name)
PRESIDIO_ENTITIES: dict[str, tuple[Finder, str]] = {
    "DK_CPR": (find_cprs, "DanishCprRecognizer"),
    "PHONE_NUMBER": (find_phones, "DanishPhoneRecognizer"),
    "EMAIL_ADDRESS": (find_emails, "DanishEmailRecognizer"),
    "DK_ADDRESS": (find_addresses, "DanishAddressRecognizer"),
    "DK_LICENSE_PLATE": (find_plates, "DanishLicensePlateRecognizer"),
}


class DanishPatternRecognizer(EntityRecognizer):
    """One gldocs pattern detector as a presidio recogniser for one entity type."""

    def __init__(self, entity: str, finder: Finder, name: str) -> None:
        self._finder = finder
        super().__init__(supported_entities=[entity], name=name, supported_language=LANGUAGE)

    def load(self) -> None:  # nothing to load: pure patterns
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None
                ) -> list[RecognizerResult]:
        entity = self.supported_entities[0]
        if entities and entity not in entities:
            return []
        results = []
        for match in self._finder(text):
            explanation = AnalysisExplanation(
                recognizer=self.name, original_score=match.score,
                textual_explanation=f"Mønster ({match.entity}): {match.normalized}")
            results.append(RecognizerResult(
                entity_type=entity, start=match.start, end=match.end, score=match.score,
                analysis_explanation=explanation,
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    "normalized": match.normalized,
                }))
        return results


def danish_pattern_recognizers() -> list[DanishPatternRecognizer]:
    """A fresh recogniser per entity type in :data:`PRESIDIO_ENTITIES`."""
    return [DanishPatternRecognizer(entity, finder, name)
            for entity, (finder, name) in PRESIDIO_ENTITIES.items()]
