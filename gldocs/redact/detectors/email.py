"""E-mail addresses in running text.

Pragmatic rather than RFC-complete: a local part of letters (Danish æøå included), digits and
``._%+'-``, an ``@`` (also between tabs or spaces, as a table export or a paste leaves it,
and the ``(at)``/``[at]``
spellings used to dodge spam filters), and a domain
of labels ending in an alphabetic top-level domain. ``normalized`` is lower-case; use
:func:`email_domain` for the domain (organisational domains tell professionals from private
persons).
"""

from __future__ import annotations

import re

from gldocs.redact.detectors.patterns import PatternMatch

ENTITY = "EMAIL"

_LOCAL = r"[\w%+'-]+(?:\.[\w%+'-]+)*"
# "@" may stand between tabs or spaces: a table export splits "navn\t@\tdomæne.dk", a
# pasted address reads "jane.doe @ example.com"
# (white space on both sides, or tabs: "@malte.aa" after a word is a handle, no e-mail)
_AT = r"(?:[ \t]+@[ \t]+|\t*@\t*|\s?[\(\[](?:at|snabel-a)[\)\]]\s?)"
# a dot, or its spelled-out dodge ("gmail[dot]com", "gmail (punktum) com")
_DOT = r"(?:\.|\s?[\(\[](?:dot|punktum|prik)[\)\]]\s?)"
_DOMAIN = r"(?:[^\W_](?:[\w-]*[^\W_])?" + _DOT + r")+[^\W\d_]{2,24}"
EMAIL_RE = re.compile(r"(?<![\w.%+'-])(?P<local>" + _LOCAL + r")" + _AT
                      + r"(?P<domain>" + _DOMAIN + r")(?![\w-]|\.[^\W_])", re.IGNORECASE)


def email_domain(address: str) -> str:
    """The lower-cased domain of an address ("Lotte@KRFO.dk" -> "krfo.dk")."""
    domain = re.split(r"@|[\(\[](?:at|snabel-a)[\)\]]", address.strip(), maxsplit=1)[-1]
    return _SPELLED_DOT.sub(".", domain).strip().lower()


_SPELLED_DOT = re.compile(r"\s?[\(\[](?:dot|punktum|prik)[\)\]]\s?", re.IGNORECASE)


def find_emails(text: str) -> list[PatternMatch]:
    """Every e-mail address in ``text``, sorted; ``normalized`` is ``local@domain`` lower-cased."""
    found: list[PatternMatch] = []
    if "@" not in text and "(" not in text and "[" not in text:
        return found  # no "@", "(at)" or "[at]"
    for m in EMAIL_RE.finditer(text):
        domain = _SPELLED_DOT.sub(".", m.group("domain"))
        normalized = f"{m.group('local')}@{domain}".lower()
        at = m.group(0)[len(m.group("local")):-len(m.group("domain"))]
        score = 0.95 if at == "@" and domain == m.group("domain") else 0.8
        found.append(PatternMatch(m.start(), m.end(), m.group(0), ENTITY, score, normalized))
    return found
