"""Pattern detectors: CPR numbers, phone numbers, e-mail, Danish addresses, licence plates,
online and financial identifiers (handles, profile URLs, IP, IMEI, bank accounts).

Each ``find_*(text) -> list[PatternMatch]`` is pure and fast and returns sorted,
non-overlapping matches. :func:`find_patterns` runs them all and resolves clashes.
The presidio recognizers that wrap them live in :mod:`gldocs.redact.recognizers.patterns`
(imported only when needed: presidio is slow to import).
"""

from __future__ import annotations

from gldocs.redact.detectors.address import find_addresses
from gldocs.redact.detectors.cpr import find_cprs, is_cpr, normalize_cpr
from gldocs.redact.detectors.email import email_domain, find_emails
from gldocs.redact.detectors.online import find_online
from gldocs.redact.detectors.patterns import PatternMatch, resolve_overlaps
from gldocs.redact.detectors.phone import find_phones
from gldocs.redact.detectors.plate import find_plates

__all__ = [
    "PatternMatch",
    "email_domain",
    "find_addresses",
    "find_cprs",
    "find_emails",
    "find_online",
    "find_patterns",
    "find_phones",
    "find_plates",
    "is_cpr",
    "normalize_cpr",
]


def find_patterns(text: str) -> list[PatternMatch]:
    """All pattern matches of every detector, sorted and non-overlapping.

    On a clash the more certain match wins (a CPR number beats a phone number inside it;
    an e-mail beats an address-looking fragment of it).
    """
    matches: list[PatternMatch] = []
    for finder in (find_cprs, find_emails, find_phones, find_addresses, find_plates,
                   find_online):
        matches.extend(finder(text))
    return resolve_overlaps(matches)
