"""E-mail addresses in running text.

Pragmatic rather than RFC-complete: a local part of letters (Danish æøå included), digits and
``._%+'-``, an ``@`` (also between tabs or spaces, as a table export or a paste leaves it,
and the ``(at)``/``[at]``
spellings used to dodge spam filters: the policy's ``spelled_at`` and ``spelled_dot``
identifier words), and a domain
of labels ending in an alphabetic top-level domain. ``normalized`` is lower-case; use
:func:`email_domain` for the domain (organisational domains tell professionals from private
persons).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from gldocs.redact.default_words import default_words
from gldocs.redact.detectors.patterns import PatternMatch
from gldocs.redact.prefilter import required_gate
from gldocs.redact.wordlists import WordLists

ENTITY = "EMAIL"

_LOCAL = r"[\w%+'-]+(?:\.[\w%+'-]+)*"


@dataclass(frozen=True, eq=False)
class EmailPatterns:
    """The e-mail patterns with the policy's spelled-out "@" and "." (``identifier_words``:
    ``spelled_at``, ``spelled_dot``), compiled once per bundle (:func:`patterns_for`)."""

    email: re.Pattern[str]
    spelled_dot: re.Pattern[str]  # "[dot]", " (punktum) ": read as "."
    at_split: re.Pattern[str]  # "@" or "(at)": where the domain begins
    bare_at: re.Pattern[str] | None = None  # a bare spelled-out "@" ("snabel-a"), if any


@lru_cache(maxsize=8)
def patterns_for(words: WordLists) -> EmailPatterns:
    spelled_at, spelled_dot = words.alternation("spelled_at"), words.alternation("spelled_dot")
    # "@" may stand between tabs or spaces: a table export splits "navn\t@\tdomæne.dk", a
    # pasted address reads "jane.doe @ example.com"
    # (white space on both sides, or tabs: "@malte.aa" after a word is a handle, no e-mail)
    # a spelling of two parts ("snabel-a") is no ordinary word: it may also stand bare
    # between spaces ("jane.doe snabel-a example.com"); "at" only in brackets
    bare = "|".join(re.escape(w) for w in words["spelled_at"] if "-" in w) or r"(?!)"
    at = (rf"(?:[ \t]+@[ \t]+|\t*@\t*|\s?[\(\[](?:{spelled_at})[\)\]]\s?"
          rf"|[ \t]+(?i:{bare})[ \t]+)")
    # a dot, or its spelled-out dodge ("gmail[dot]com", "gmail (punktum) com")
    dot = rf"(?:\.|\s?[\(\[](?:{spelled_dot})[\)\]]\s?)"
    domain = r"(?:[^\W_](?:[\w-]*[^\W_])?" + dot + r")+[^\W\d_]{2,24}"
    return EmailPatterns(
        email=required_gate(re.compile(r"(?<![\w.%+'-])(?P<local>" + _LOCAL + r")" + at
                         + r"(?P<domain>" + domain + r")(?![\w-]|\.[^\W_])", re.IGNORECASE)),
        spelled_dot=re.compile(rf"\s?[\(\[](?:{spelled_dot})[\)\]]\s?", re.IGNORECASE),
        at_split=re.compile(rf"@|[\(\[](?:{spelled_at})[\)\]]|[ \t]+(?:{bare})[ \t]+",
                            re.IGNORECASE),
        bare_at=re.compile(rf"[ \t](?:{bare})[ \t]", re.IGNORECASE) if bare != r"(?!)" else None)


def _patterns(words: WordLists | None) -> EmailPatterns:
    return patterns_for(words if words is not None else default_words("identifier_words"))


def email_domain(address: str, words: WordLists | None = None) -> str:
    """The lower-cased domain of an address ("Lotte@KRFO.dk" -> "krfo.dk"). ``words``: the
    policy's identifier words (default: the bundled kommune policy's)."""
    pats = _patterns(words)
    domain = pats.at_split.split(address.strip(), maxsplit=1)[-1]
    return pats.spelled_dot.sub(".", domain).strip().lower()


def find_emails(text: str, words: WordLists | None = None) -> list[PatternMatch]:
    """Every e-mail address in ``text``, sorted; ``normalized`` is ``local@domain``
    lower-cased. ``words``: the policy's identifier words (default: the bundled kommune
    policy's)."""
    found: list[PatternMatch] = []
    pats = _patterns(words)
    # (a bare spelling has a hyphen: looked for only where one stands)
    if "@" not in text and "(" not in text and "[" not in text and (
            pats.bare_at is None or "-" not in text or not pats.bare_at.search(text)):
        return found  # no "@", "(at)", "[at]" or bare "snabel-a"
    for m in pats.email.finditer(text):
        domain = pats.spelled_dot.sub(".", m.group("domain"))
        normalized = f"{m.group('local')}@{domain}".lower()
        at = m.group(0)[len(m.group("local")):-len(m.group("domain"))]
        score = 0.95 if at == "@" and domain == m.group("domain") else 0.8
        found.append(PatternMatch(m.start(), m.end(), m.group(0), ENTITY, score, normalized))
    return found
