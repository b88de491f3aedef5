"""The shared result type of the pattern detectors and small helpers they have in common."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# the entity types the pattern detectors report
PATTERN_ENTITIES = frozenset({"CPR", "PHONE", "EMAIL", "ADDRESS", "PLATE",
                              # online and financial identifiers (detectors/online.py)
                              "ONLINE_ID", "IP_ADDRESS", "IMEI", "BANK_ACCOUNT",
                              "COMPANY_ID", "TRANSFER_REF", "VESSEL", "ID_NUMBER",
                              # a birth date written as such (detectors/cpr.py)
                              "BIRTH_DATE"})


@dataclass(frozen=True)
class PatternMatch:
    """One span a pattern detector recognised.

    ``start``/``end`` are character offsets into the analysed text (``text == source[start:end]``),
    ``entity`` one of ``CPR``, ``PHONE``, ``EMAIL``, ``ADDRESS``, ``PLATE``, ``score`` in
    ``(0, 1]`` (how sure the detector is), ``normalized`` a canonical form for comparisons
    (CPR ``DDMMYY-SSSS``, phone E.164, lower-case e-mail, single-spaced address,
    plate ``AB 12 345``).
    """

    start: int
    end: int
    text: str
    entity: str
    score: float
    normalized: str

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def resolve_overlaps(matches: Iterable[PatternMatch]) -> list[PatternMatch]:
    """Sorted, non-overlapping matches: on a clash the higher score wins, then the longer span."""
    ranked = sorted(matches, key=lambda m: (-m.score, -(m.end - m.start), m.start))
    kept: list[PatternMatch] = []
    for match in ranked:
        if not any(match.overlaps(k.start, k.end) for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: (m.start, m.end))


def overlaps_any(start: int, end: int, spans: Iterable[PatternMatch]) -> bool:
    return any(s.overlaps(start, end) for s in spans)


def context_before(text: str, start: int, width: int = 24) -> str:
    """The lower-cased text just before ``start`` (for context words such as "tlf." or "CPR")."""
    return text[max(0, start - width):start].lower()


def has_context_word(text: str, start: int, pattern: re.Pattern[str], width: int = 24) -> bool:
    return pattern.search(context_before(text, start, width)) is not None


_DIGIT = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """Whether ``text`` holds a digit (``\\d``, as the patterns read one): the detectors of
    numbers (CPR, phone, plate, address, birth date) skip a text without one."""
    return _DIGIT.search(text) is not None


# n digits (``\d``) anywhere in a text; possessive: a text with fewer fails in one pass
_DIGITS = {n: re.compile(rf"(?:\D*+\d){{{n}}}") for n in (6, 9)}


def has_digits(text: str, n: int) -> bool:
    """Whether ``text`` holds at least ``n`` digits (``\\d``, as the patterns read one; ``n``
    6 or 9): a detector whose every form holds that many digits (a CPR number ten, a
    foreign identity number nine, a Danish phone number eight, a labelled one six) skips
    a text with fewer in one pass instead of running each of its patterns over it."""
    return _DIGITS[n].match(text) is not None


def digits_only(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())
