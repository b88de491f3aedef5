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
_AT = r"(?:[ \t]+@[ \t]+|\t*@\t*|\s?[\(\[]at[\)\]]\s?)"
_DOMAIN = r"(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,24}"
EMAIL_RE = re.compile(r"(?<![\w.%+'-])(?P<local>" + _LOCAL + r")" + _AT
                      + r"(?P<domain>" + _DOMAIN + r")(?![\w-]|\.[^\W_])", re.IGNORECASE)


def email_domain(address: str) -> str:
    """The lower-cased domain of an address ("Lotte@KRFO.dk" -> "krfo.dk")."""
    return re.split(r"@|[\(\[]at[\)\]]", address.strip(), maxsplit=1)[-1].strip().lower()


def find_emails(text: str) -> list[PatternMatch]:
    """Every e-mail address in ``text``, sorted; ``normalized`` is ``local@domain`` lower-cased."""
    found: list[PatternMatch] = []
    if "@" not in text and "(" not in text and "[" not in text:
        return found  # no "@", "(at)" or "[at]"
    for m in EMAIL_RE.finditer(text):
        normalized = f"{m.group('local')}@{m.group('domain')}".lower()
        at = m.group(0)[len(m.group("local")):-len(m.group("domain"))]
        score = 0.95 if at == "@" else 0.8
        found.append(PatternMatch(m.start(), m.end(), m.group(0), ENTITY, score, normalized))
    return found
