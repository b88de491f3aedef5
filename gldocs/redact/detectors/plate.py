"""Danish licence plates (registreringsnumre): two letters and five digits.

Written ``AB 12 345``, ``AB12345``, ``AB 12345`` or ``AB-12-345``. The letters are capitals A-Z;
the digits do not start with 0 (Danish series start at 10 000). ``normalized`` is
``AB 12 345``. A bare ``AB12345`` is weaker (it may be a code) unless "reg.nr.", "nummerplade"
or a car word stands just before.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gldocs.redact.default_words import default_words
from gldocs.redact.detectors.patterns import PatternMatch, has_context_word, has_digit
from gldocs.redact.wordlists import WordLists

ENTITY = "PLATE"

PLATE_RE = re.compile(
    r"(?<![\w\-./])(?P<letters>[A-Z]{2})(?P<sep1>[ \-]?)(?P<d1>[1-9]\d)"
    r"(?P<sep2>[ \-]?)(?P<d2>\d{3})"
    r"(?![\w]|[\-./,]\d)"
)


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
    return found
