"""The municipality's "visitation" (a referral to a service, an intervention: K4) is no
search (R3); a search stays a search."""

from __future__ import annotations

import pytest

from gldocs.redact.bundle import load_bundle
from gldocs.redact.detectors.lexicon import CategoryMatcher


@pytest.fixture(scope="module")
def matcher() -> CategoryMatcher:
    return CategoryMatcher(load_bundle("kommune"))


@pytest.mark.parametrize("sentence", [
    "Møde med skole og kommune og visitation til et særligt skoletilbud.",
    "Han er visiteret til et botilbud af kommunen.",
    "Kommunens visitation har godkendt ansøgningen om bostøtte.",
])
def test_referral_is_no_search(matcher: CategoryMatcher, sentence: str) -> None:
    assert matcher.find("sikkerhed", sentence) == []


@pytest.mark.parametrize("sentence", [
    "Ved en visitation af cellen blev der fundet en telefon.",
    "Han blev visiteret ved indgangen.",
    "Ved visitation af hans bolig fandt politiet en kniv.",
    "Ved en værelsesvisitation blev der fundet en lighter.",
])
def test_search_is_security(matcher: CategoryMatcher, sentence: str) -> None:
    assert matcher.find("sikkerhed", sentence)
