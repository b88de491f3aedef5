"""CPR numbers, phone numbers, e-mail, addresses, licence plates as presidio recognizers.

Each wraps one pure detector of :mod:`gldocs.redact.detectors` (``find_*(text)``); the
``normalized`` form rides in the result's metadata. Clashes between types (a phone number
inside a CPR number) are resolved by the engine, as :func:`~gldocs.redact.detectors.find_patterns`
does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from presidio_analyzer import RecognizerResult

from gldocs.redact.detectors.address import find_addresses
from gldocs.redact.detectors.cpr import BIRTH_ENTITY, find_birth_dates, find_cprs
from gldocs.redact.detectors.email import find_emails
from gldocs.redact.detectors.online import ONLINE_ENTITIES, find_online
from gldocs.redact.detectors.patterns import PATTERN_ENTITIES, PatternMatch
from gldocs.redact.detectors.phone import find_phones
from gldocs.redact.detectors.plate import find_plates
from gldocs.redact.recognizers.base import GldocsRecognizer, RecognizerKit
from gldocs.redact.wordlists import WordLists

Finder = Callable[[str], list[PatternMatch]]


class PatternEntityRecognizer(GldocsRecognizer):
    """One pattern detector (``finder``) as a recognizer of one entity type."""

    def __init__(self, entity: str, finder: Finder, name: str) -> None:
        self._finder = finder
        super().__init__([entity], name)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        entity = self.supported_entities[0]
        if entities and entity not in entities:
            return []
        return [self.result(entity, m.start, m.end, m.score, i, normalized=m.normalized)
                for i, m in enumerate(self._finder(text))]


def cpr(kit: RecognizerKit | None = None) -> PatternEntityRecognizer:
    """CPR numbers; with a kit, the CPR cue words of the policy's identifier words."""
    if kit is None:
        return PatternEntityRecognizer("CPR", find_cprs, "CprRecognizer")
    words = kit.bundle.identifier_words
    return PatternEntityRecognizer("CPR", lambda text: find_cprs(text, words=words),
                                   "CprRecognizer")


def birth_date(kit: RecognizerKit | None = None) -> PatternEntityRecognizer:
    """Birth dates; with a kit, the month names of the policy's identifier words."""
    if kit is None:
        return PatternEntityRecognizer(BIRTH_ENTITY, find_birth_dates, "BirthDateRecognizer")
    words = kit.bundle.identifier_words
    return PatternEntityRecognizer(BIRTH_ENTITY, lambda text: find_birth_dates(text, words),
                                   "BirthDateRecognizer")


def phone(kit: RecognizerKit | None = None) -> PatternEntityRecognizer:
    """Phone numbers; with a kit, the phone cue words of the policy's identifier words."""
    if kit is None:
        return PatternEntityRecognizer("PHONE", find_phones, "PhoneRecognizer")
    words, fw = kit.bundle.identifier_words, kit.bundle.foreign.function_words
    return PatternEntityRecognizer("PHONE", lambda text: find_phones(text, words, fw),
                                   "PhoneRecognizer")


def email(kit: RecognizerKit | None = None) -> PatternEntityRecognizer:
    """E-mail addresses; with a kit, the spelled-out "@" and "." of the policy's identifier
    words."""
    if kit is None:
        return PatternEntityRecognizer("EMAIL", find_emails, "EmailRecognizer")
    words = kit.bundle.identifier_words
    return PatternEntityRecognizer("EMAIL", lambda text: find_emails(text, words),
                                   "EmailRecognizer")


def address(kit: RecognizerKit | None = None) -> PatternEntityRecognizer:
    """Addresses; with a kit, the policy's address words, and a town of its place list
    completes an address that has no postnummer ("Bakkekammen 8, Tølløse")."""
    if kit is None:
        return PatternEntityRecognizer("ADDRESS", find_addresses, "AddressRecognizer")
    places = frozenset(kit.bundle.places)
    words = kit.bundle.address_words
    return PatternEntityRecognizer("ADDRESS", lambda text: find_addresses(text, places, words),
                                   "AddressRecognizer")


def plate(kit: RecognizerKit | None = None) -> PatternEntityRecognizer:
    """Licence plates; with a kit, the plate cue words of the policy's identifier words."""
    if kit is None:
        return PatternEntityRecognizer("PLATE", find_plates, "PlateRecognizer")
    words = kit.bundle.identifier_words
    return PatternEntityRecognizer("PLATE", lambda text: find_plates(text, words),
                                   "PlateRecognizer")


class OnlineRecognizer(GldocsRecognizer):
    """Usernames, profile URLs, IP addresses, IMEI numbers, bank accounts and MobilePay box
    numbers (:mod:`gldocs.redact.detectors.online`), each under its own entity type;
    ``words``: the policy's identifier words (platform names, username labels)."""

    def __init__(self, words: WordLists | None = None) -> None:
        self._words = words
        super().__init__(sorted(ONLINE_ENTITIES), "OnlineIdentifierRecognizer")

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        return [self.result(m.entity, m.start, m.end, m.score, i, normalized=m.normalized)
                for i, m in enumerate(find_online(text, self._words))
                if not entities or m.entity in entities]


def online(kit: RecognizerKit | None = None) -> OnlineRecognizer:
    return OnlineRecognizer(kit.bundle.identifier_words if kit is not None else None)


def pattern_recognizers() -> list[PatternEntityRecognizer]:
    """A fresh recognizer for each pattern entity (for use in plain presidio too)."""
    return [cpr(), birth_date(), phone(), email(), address(), plate()]


__all__ = ["PATTERN_ENTITIES", "OnlineRecognizer", "PatternEntityRecognizer", "address",
           "birth_date", "cpr",
           "email", "online",
           "pattern_recognizers", "phone", "plate"]
