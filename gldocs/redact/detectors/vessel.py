"""A vessel by its name and its registration ("besætning på ANE-KATHRINE (HM 317)",
"kutteren HG 62"): a private person's boat identifies its owner and its crew (R1).

Danish fishing vessels carry their home port's letters and a number (the Fiskeristyrelsen
register: "HM 317", "S 313", "FN 305"); boats are named in capitals by custom. After a
vessel word of the policy (``vessel_cues``: "kutteren", "båden", "besætning på"), a name in
capitals and/or a registration in that shape is the vessel; a name in ordinary capitals
counts only with a registration after it ("sejler på Limfjorden" names no boat).
"""

from __future__ import annotations

import re
from functools import lru_cache

from gldocs.redact.default_words import default_words
from gldocs.redact.detectors.patterns import PatternMatch
from gldocs.redact.wordlists import WordLists, with_first_letters

ENTITY = "VESSEL"

_CAPS_NAME = r"[A-ZÆØÅ][A-ZÆØÅ]+(?:[\-][A-ZÆØÅ]+)*(?:[ \t][A-ZÆØÅ][A-ZÆØÅ]+(?:-[A-ZÆØÅ]+)*){0,2}"
_NAME = r"[A-ZÆØÅ][a-zæøå]+(?:[\- ][A-ZÆØÅ][a-zæøå]+){0,2}"
_REG = r"[A-ZÆØÅ]{1,3}[ \t]?\d{1,4}"


@lru_cache(maxsize=8)
def pattern_for(words: WordLists) -> re.Pattern[str]:
    cues = words.alternation("vessel_cues")
    return re.compile(with_first_letters(
        words["vessel_cues"],
        rf"(?<![\w])(?i:{cues})[ \t]+(?P<v>"
        rf"(?:{_CAPS_NAME}|{_NAME})(?:[ \t]*\([ \t]*{_REG}[ \t]*\)|[ \t]*,[ \t]*{_REG})"
        rf"|{_REG}"
        rf"|(?=[A-ZÆØÅ\-]{{3}}){_CAPS_NAME})(?![\w])"))


def find_vessels(text: str, words: WordLists | None = None) -> list[PatternMatch]:
    """Vessels named after a vessel word in ``text``."""
    rx = pattern_for(words if words is not None else default_words("identifier_words"))
    return [PatternMatch(m.start("v"), m.end("v"), m.group("v"), ENTITY, 0.8,
                         re.sub(r"\s+", " ", m.group("v")).upper())
            for m in rx.finditer(text)]
