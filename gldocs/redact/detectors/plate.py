"""Danish licence plates (registreringsnumre): two letters and five digits.

Written ``AB 12 345``, ``AB12345``, ``AB 12345`` or ``AB-12-345``. The letters are capitals A-Z;
the digits do not start with 0 (Danish series start at 10 000). ``normalized`` is
``AB 12 345``. A bare ``AB12345`` is weaker (it may be a code) unless "reg.nr.", "nummerplade"
or a car word stands just before.

Foreign plates have other shapes ("HK-4471" Latvian, "FL-KB 417" German, "ABC 123" Swedish,
"CA 1234 AB" Bulgarian): right after a plate cue ("reg.nr. HK-4471 (LV)", "tyske plader
FL-KB 417") any such shape is a plate. Without a cue only two capitals, a hyphen and four
digits ("HK-4471") count, with a low score so the removal is flagged for review: in the dev,
held-out and unseen sets and 118 real-world DOCX/PDF files that shape stood once for a plate
and once for a postal code after a country code ("DK-1098 København", a not-plate prefix and
a town after it); the wider shapes ("PDF 200", "CA 94612", "OUH 2023") stood for other
things, so they need the cue.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gldocs.redact.default_words import default_words
from gldocs.redact.detectors.patterns import PatternMatch, has_context_word, has_digit
from gldocs.redact.prefilter import required_gate
from gldocs.redact.wordlists import WordLists

ENTITY = "PLATE"

PLATE_RE = re.compile(
    r"(?<![\w\-./])(?P<letters>[A-Z]{2})(?P<sep1>[ \-]?)(?P<d1>[1-9]\d)"
    r"(?P<sep2>[ \-]?)(?P<d2>\d{3})"
    r"(?![\w]|[\-./,]\d)"
)

# a foreign plate: one to three capitals, maybe a second group of one or two, digits, maybe
# capitals and a digit or two after ("HK-4471", "FL-KB 417", "ABC 123", "CA 1234 AB", "WA
# 12345", Polish "FSL 47KT3")
FOREIGN_RE = re.compile(
    r"(?<![\w\-./])(?P<plate>[A-ZÄÖÜ]{1,3}(?:[ \-][A-Z]{1,2})?[ \-]?\d{2,5}"
    r"(?:[ \-]?[A-Z]{1,3}\d{0,2})?)(?![\w]|[\-./,]\d)")
# what may stand between a cue and the plate right after it: "reg.nr. ", "nummerplade: ",
# "følgebil ("
_CUE_GAP = re.compile(r"[ \t.:]*(?:(?:nr|no|nummer)\.?[ \t.:]*)?\(?")
# the bare shape that counts without a cue, flagged for review: "HK-4471"
_BARE_RE = re.compile(r"(?<![\w\-./])(?P<letters>[A-Z]{2})-\d{4}(?![\w]|[\-./,]\d)"
                      r"(?![ \t]+[A-ZÆØÅ][a-zæøå])")  # not "DK-1098 København"
# the score of a bare "HK-4471": below the policy's review_below, so it is flagged
BARE_SCORE = 0.45


@lru_cache(maxsize=8)
def cues_for(words: WordLists) -> tuple[re.Pattern[str], frozenset[str]]:
    """The plate cue words as a pattern and the two-letter prefixes that are no plate by
    themselves (``resources.identifier_words``): built once per bundle."""
    cues = words.alternation("plate_cues", r"\s?")  # "reg.nr", "reg. nr"
    return re.compile(rf"({cues})\b"), words.set("not_plate_prefixes")


def find_plates(text: str, words: WordLists | None = None) -> list[PatternMatch]:
    """Every Danish licence plate in ``text``, sorted; ``normalized`` is ``AB 12 345``.
    ``words``: the policy's identifier words (``bundle.identifier_words``; default: the
    bundled kommune policy's)."""
    found: list[PatternMatch] = []
    if not has_digit(text):
        return found
    context, not_plates = cues_for(words if words is not None
                                else default_words("identifier_words"))
    for m in PLATE_RE.finditer(text):
        letters = m.group("letters")
        sep1, sep2 = m.group("sep1"), m.group("sep2")
        if sep2 and not sep1:  # "AB12 345" is not a way plates are written
            continue
        in_context = has_context_word(text, m.start(), context, width=40)
        if letters in not_plates and not in_context:
            continue
        if sep1 and sep2:
            score = 0.9
        elif sep1:
            score = 0.8
        else:
            score = 0.6
        if in_context:
            score = max(score, 0.95)
        normalized = f"{letters} {m.group('d1')} {m.group('d2')}"
        found.append(PatternMatch(m.start(), m.end(), m.group(0), ENTITY, score, normalized))
    found.extend(_foreign_plates(text, context, not_plates, found))
    return sorted(found, key=lambda p: p.start)


@lru_cache(maxsize=8)
def _any_case(context: re.Pattern[str]) -> re.Pattern[str]:
    """The cue pattern (lower case, as read in the lowered text before a plate) in any case,
    for a search of the text itself ("Kennzeichen", "Reg.nr.")."""
    return required_gate(re.compile(context.pattern, re.IGNORECASE))


def _foreign_plates(text: str, context: re.Pattern[str], not_plates: frozenset[str],
                    danish: list[PatternMatch]) -> list[PatternMatch]:
    """Plates of other shapes: right after a plate cue, or the bare "HK-4471" (flagged)."""
    out: list[PatternMatch] = []

    def add(a: int, b: int, score: float) -> None:
        if not any(p.start < b and a < p.end for p in (*danish, *out)):
            value = text[a:b]
            out.append(PatternMatch(a, b, value, ENTITY, score,
                                    re.sub(r"[ \-]+", " ", value)))

    for cue in _any_case(context).finditer(text):
        gap = _CUE_GAP.match(text, cue.end())
        m = FOREIGN_RE.match(text, gap.end()) if gap else None
        if m is not None and sum(c.isalpha() for c in m.group(0)) >= 2 and \
                sum(c.isdigit() for c in m.group(0)) >= 2:
            add(m.start(), m.end(), 0.95)
    for m in _BARE_RE.finditer(text):
        if m.group("letters") not in not_plates:
            add(m.start(), m.end(), BARE_SCORE)
    return out
