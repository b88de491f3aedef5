"""Danish (and other international) phone numbers in running text.

Danish numbers have eight digits, written ``12 34 56 78``, ``12345678``, ``1234 5678``,
``1234 56 78``,
``12-34-56-78`` or ``12.34.56.78``, optionally after ``+45``, ``0045`` or ``(+45)``. A
candidate must be a valid Danish number by ``phonenumbers``' metadata. Foreign numbers are
found when written internationally (``+46 8 123 456 78``, ``0048 …``, ``+1 (315) 364-8611``),
also outside their country's current numbering plan (then with a review score). A grouped number
outside the Danish numbering plan is taken with a low score when "tlf.", "mobil" or ``+45``
stands right before it, or when it is written as Danes write a subscriber's number (``31 06
58 22``, ``3106 5822``, first digit 2-9: the 1-series are service codes), with a score
below the review threshold (fail closed on numbers outside the plan). Any
number of six to fifteen digits right after a phone label (``mobil: 0298 51 22 90``,
``tlf. 0047 22 33 44 55``) is taken too, whatever its country. In an English or German
sentence a valid British, American, Irish, German, Austrian or Swiss number written
nationally (``020 7946 0958``, ``(315) 364-8611``, ``0461 1234567``) is found too.

Not phones: CPR numbers, dates, years (``2025-2026``), postal codes, amounts (``1234 5678 kr.``),
CVR/case/account numbers named as such just before.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

import phonenumbers

from gldocs.redact.default_words import default_words
from gldocs.redact.detectors.cpr import CPR_RE
from gldocs.redact.detectors.patterns import (
    PatternMatch,
    digits_only,
    has_context_word,
    has_digit,
    has_digits,
    overlaps_any,
    resolve_overlaps,
)
from gldocs.redact.prefilter import with_first_char_gate
from gldocs.redact.wordlists import WordLists

if TYPE_CHECKING:
    from gldocs.redact.language import FunctionWords

ENTITY = "PHONE"

_PREFIX = r"(?:\(\s?(?:\+|00)45\s?\)|(?:\+|00)\s?45)"
_EIGHT = (
    # 12 34 56 78 / 12-34-56-78 / 12.34.56.78 / 12/34/56/78 / 12 . 34 . 56 . 78
    r"(?:\d{2}(?P<sep>[ .\-/]|[ ]?[.\-/][ ]?)\d{2}(?P=sep)\d{2}(?P=sep)\d{2}"
    r"|\d{4}[ \-/]\d{4}"  # 1234 5678 / 1234/5678
    r"|\d{4}(?P<sep2>[ .\-])\d{2}(?P=sep2)\d{2}"  # 1234 56 78
    r"|\d{8}"  # 12345678
    # any other grouping of eight digits by spaces ("316 208 57", "31 62 0857"): checked to
    # be eight digits, and no date, in _dk_match
    r"|(?P<odd>\d{2,4}(?: \d{1,4}){1,3}))"
)
DK_PHONE_RE = re.compile(
    r"(?<![\w+\-./,])(?<!\d\s)"
    + r"(?:(?P<prefix>" + _PREFIX + r")[\s\-]?)?"
    + r"(?P<number>" + _EIGHT + r")"
    + r"(?![\w]|[\-./,]\d|\s\d)"
)
DK_PHONE_RE = with_first_char_gate(DK_PHONE_RE)


class _Patterns:
    """The phone patterns built from the policy's cue words (``resources.identifier_words``,
    ``policies/lexicons/identifikatorord.yaml``): once per bundle (:func:`patterns_for`)."""

    def __init__(self, words: WordLists) -> None:
        # Numbers that are something else when named so just before.
        not_phone = words.alternation("not_phone_cues", r"\s?")  # "j.nr", "j. nr"
        number = rf"(?:(?:{words.alternation('number_words')})\.?)?"  # "cvr nr.", "tlf. nr."
        self.not_phone_context = re.compile(rf"\b({not_phone})\.?\s*{number}\s*[:.]?\s*$")
        self.phone_context = re.compile(rf"\b({words.alternation('phone_cues')})\b")
        # an amount's unit right after the number ("12 34 56 78 kr.", "… kroner", "… ,-")
        self.money_after = re.compile(
            rf"\s*(?:(?:{words.alternation('account_amount_units')})\b|,-|€)", re.IGNORECASE)
        # A number written right after a phone label ("mobil: 0298 51 22 90", "tlf. 0047 22
        # 33 44 55", "ring på 345 678"): whatever its country, six to fifteen digits in
        # groups are a number.
        self.labelled = re.compile(
            rf"\b(?:{words.alternation('phone_labels')})\b\.?\s*{number}\s*[:.]?\s*"
            r"(?P<number>\(?\+?\d[\d\s().\-/]{4,22}\d)(?![\w])",
            re.IGNORECASE)
        self.labelled = with_first_char_gate(self.labelled)


@lru_cache(maxsize=8)
def patterns_for(words: WordLists) -> _Patterns:
    return _Patterns(words)

_INTERNATIONAL_START = re.compile(r"\+|00|\(\+|\(00")
# the usual ways to write a Danish number: pairs, or two fours, by spaces or hyphens
# (also by slashes or spaced dots, "31/06/58/22", "31 . 06 . 58 . 22": never an IP address)
_DK_SHAPE = re.compile(r"\d{2}(?P<s>[ \-/]|[ ][.\-/][ ]?|[.\-/][ ])\d{2}(?P=s)\d{2}(?P=s)"
                       r"\d{2}|\d{4}[ \-/]\d{4}")
# the score of such a number outside the Danish plan without a phone word before it: below
# the policy's review threshold (removed, and the caseworker is asked to look)
UNPLANNED = 0.45


def _looks_like_years(number: str) -> bool:
    digits = digits_only(number)
    halves = (int(digits[:4]), int(digits[4:]))
    if number[4:5] == "/" and 1900 <= halves[0] <= 2099:
        return True  # a year and a serial number ("2026/0412"), a reference
    return number[4:5] in " -/" and all(1900 <= h <= 2099 for h in halves)


def _looks_like_date(digits: str) -> bool:
    """"2026 11 04" or "24 12 2026": a year, a month and a day, not a phone number."""
    year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:])
    if 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31:
        return True
    day, month, year = int(digits[:2]), int(digits[2:4]), int(digits[4:])
    return 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31


def _dk_match(pats: _Patterns, text: str, m: re.Match[str]) -> PatternMatch | None:
    number = m.group("number")
    digits = digits_only(number)
    odd = bool(m.group("odd"))
    if odd and len(digits) != 8:
        return None
    if not m.group("prefix"):
        if has_context_word(text, m.start(), pats.not_phone_context, width=16):
            return None
        if pats.money_after.match(text, m.end()) or _looks_like_years(number) or (
                (m.group("sep2") or odd) and _looks_like_date(digits)):
            return None
    parsed = phonenumbers.parse(digits, "DK")
    anchored = bool(m.group("prefix")) or has_context_word(text, m.start(), pats.phone_context)
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    if not phonenumbers.is_valid_number(parsed):
        # Not in the Danish numbering plan, but written as a phone number right after
        # "tlf."/"+45": fail closed and report it, weakly (invented numbers are like this).
        if anchored and (len(number) > 8 or m.group("prefix")):
            return PatternMatch(m.start(), m.end(), m.group(0), ENTITY, 0.5, e164)
        # Written the way Danes write a phone number ("31 06 58 22", "3106 5822",
        # "31-06-58-22") with a subscriber's first digit (the 1-series are service codes):
        # somebody's number, perhaps outside the current plan; removed and flagged (fail
        # closed: a private person's number is the worst leak).
        if _DK_SHAPE.fullmatch(number) and digits[0] in "23456789":
            return PatternMatch(m.start(), m.end(), m.group(0), ENTITY, UNPLANNED, e164)
        return None
    score = 0.9 if anchored else 0.75
    if (len(number) == 8 or odd) and not m.group("prefix"):
        score -= 0.1  # a bare run of eight digits or an unusual grouping is the weakest form
    if odd and not anchored:
        score = 0.6  # fail closed: removed, and the caseworker is asked to look
    return PatternMatch(m.start(), m.end(), m.group(0), ENTITY, round(score, 2), e164)


def _unbracketed(start: int, raw: str) -> tuple[int, str]:
    """"(+84 912 447 305)": the opening bracket around a number is the sentence's and stays
    with it (the closing one is not in the match either)."""
    if raw.startswith("(") and raw.count("(") > raw.count(")"):
        return start + 1, raw[1:]
    return start, raw


def _international_matches(text: str) -> list[PatternMatch]:
    """Foreign numbers written with ``+`` or ``00`` (phonenumbers' own matcher)."""
    if "+" not in text and "00" not in text:
        return []
    found = []
    # POSSIBLE, not VALID: a number outside its country's current plan ("+44 7700 900 418",
    # a reserved or invented range) is still somebody's number as written. Fail closed: take
    # it, with a score below the review threshold so the caseworker looks at it.
    for pm in phonenumbers.PhoneNumberMatcher(text, "DK",
                                              leniency=phonenumbers.Leniency.POSSIBLE):
        if not _INTERNATIONAL_START.match(pm.raw_string):
            continue
        e164 = phonenumbers.format_number(pm.number, phonenumbers.PhoneNumberFormat.E164)
        score = 0.85 if phonenumbers.is_valid_number(pm.number) else 0.45
        start, raw = _unbracketed(pm.start, pm.raw_string)
        found.append(PatternMatch(start, pm.end, raw, ENTITY, score, e164))
    return found


def _labelled_matches(pats: _Patterns, text: str) -> list[PatternMatch]:
    found = []
    for m in pats.labelled.finditer(text):
        number = m.group("number").rstrip(" .-")
        digits = digits_only(number)
        if not 6 <= len(digits) <= 15 or re.search(r"\s{2,}", number):
            continue
        if re.fullmatch(r"\d{1,2}[./\-]\d{1,2}[./\-]\d{2,4}", number.strip("()")):
            continue  # a date ("tlf. 1.2.2026" = the call of that day)
        if re.fullmatch(r"(?:19|20)\d\d[ ]?[-/][ ]?(?:19|20)\d\d", number):
            continue  # years ("nummer 2025-2026")
        start, number = _unbracketed(m.start("number"), number)
        found.append(PatternMatch(start, start + len(number), number, ENTITY, 0.7,
                                  "+" + digits.lstrip("0") if digits.startswith("00")
                                  else digits))
    return found


# Where a sentence in English or German writes a number nationally ("020 7946 0958",
# "(315) 364-8611", "0461 1234567"), the countries whose plans are tried.
_NATIONAL_REGIONS = {"en": ("GB", "US", "IE"), "de": ("DE", "AT", "CH")}
_NATIONAL_START = re.compile(r"0[1-9]|\(\d")


def _national_matches(text: str, fw: FunctionWords | None) -> list[PatternMatch]:
    """Foreign numbers written nationally in a sentence of that language (valid numbers of
    the language's countries only: an English sentence with a British mobile number);
    ``fw``: the policy's function words (they tell the language)."""
    if not re.search(r"\d{3}", text):
        return []
    from gldocs.redact.language import sentence_language

    lang = sentence_language(text, fw)
    found = []
    for region in _NATIONAL_REGIONS.get(lang, ()):
        for pm in phonenumbers.PhoneNumberMatcher(text, region,
                                                  leniency=phonenumbers.Leniency.VALID):
            if not _NATIONAL_START.match(pm.raw_string):
                continue
            e164 = phonenumbers.format_number(pm.number, phonenumbers.PhoneNumberFormat.E164)
            found.append(PatternMatch(pm.start, pm.end, pm.raw_string, ENTITY, 0.7, e164))
    return found


def find_phones(text: str, words: WordLists | None = None,
                fw: FunctionWords | None = None) -> list[PatternMatch]:
    """Every phone number in ``text``, sorted, non-overlapping; ``normalized`` is E.164.
    ``words``: the policy's identifier words (``bundle.identifier_words``), ``fw`` its
    function words (``bundle.foreign.function_words``); default: the bundled kommune
    policy's."""
    if not has_digit(text):
        return []
    pats = patterns_for(words if words is not None else default_words("identifier_words"))
    # fewer than six digits: no Danish number (eight digits), no labelled one (six to
    # fifteen), no CPR number (ten) to keep out; only the foreign forms are looked for
    six = has_digits(text, 6)
    cprs = [PatternMatch(m.start(), m.end(), m.group(0), "CPR", 1.0, "")
            for m in CPR_RE.finditer(text)] if six else []
    found = []
    for m in DK_PHONE_RE.finditer(text) if six else ():
        if overlaps_any(m.start(), m.end(), cprs):
            continue
        match = _dk_match(pats, text, m)
        if match is not None:
            found.append(match)
    for match in _international_matches(text):
        if not overlaps_any(match.start, match.end, cprs):
            found.append(match)
    for match in _national_matches(text, fw):
        if not overlaps_any(match.start, match.end, cprs) and \
                not overlaps_any(match.start, match.end, found):
            found.append(match)
    for match in _labelled_matches(pats, text) if six else ():
        if not overlaps_any(match.start, match.end, cprs) and \
                not overlaps_any(match.start, match.end, found):
            found.append(match)
    return resolve_overlaps(found)
