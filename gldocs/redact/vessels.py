"""A removed vessel goes in every place of the document.

Once a boat is removed as a private person's ("dæksmand på kutteren Mågen, L 417", found by
:mod:`gldocs.redact.detectors.vessel` after its vessel word), its name written elsewhere
without the vessel word or the registration ("makkeren fra Mågen", "MÅGEN landede …") and
its registration alone ("L 417") name the same boat: remove them there too, with the same
marker and rule.

The name is looked for as written (Title case or capitals), never in lower case: a boat's
name is often an ordinary word ("mågen", "håbet"). A place another finding already covers
is left to that finding.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gldocs.document.units import TextUnit
from gldocs.redact.model import Finding
from gldocs.redact.spread import spread_removals

ENTITY = "VESSEL"

# a vessel finding: the name, then its registration in brackets or after a comma, or the
# registration alone ("Mågen, L 417", "ANE-KATHRINE (HM 317)", "HG 62")
_REGISTRATION = r"[A-ZÆØÅ]{1,3}[ \t]?\d{1,4}"
_VESSEL = re.compile(
    rf"(?:(?P<name>[^\W\d_][^(,]*?)[ \t]*(?:\([ \t]*(?P<reg>{_REGISTRATION})[ \t]*\)"
    rf"|,[ \t]*(?P<reg2>{_REGISTRATION}))|(?P<name_only>[^\W\d_][^\d(,]*)"
    rf"|(?P<reg_only>{_REGISTRATION}))$")


def _forms(text: str) -> list[str]:
    """The written forms of a vessel finding: its name (and in capitals), its registration."""
    m = _VESSEL.fullmatch(text.strip())
    if m is None:
        return []
    name = m.group("name") or m.group("name_only")
    reg = m.group("reg") or m.group("reg2") or m.group("reg_only")
    out: list[str] = []
    if name and len(name.strip()) >= 3:
        name = name.strip()
        out.extend({name, name.upper()})
    if reg:
        out.append(re.sub(r"[ \t]+", " ", reg))
    return out


def _key(form: str) -> str:
    return re.sub(r"[ \t]+", "", form)


def spread_vessel_names(units: Sequence[TextUnit], findings: list[Finding]) -> list[Finding]:
    """``findings`` and one more removal for each other place a removed vessel's name or
    registration stands."""
    removed: dict[str, Finding] = {}
    written: set[str] = set()
    for f in findings:
        if f.action == "remove" and f.entity == ENTITY:
            for form in _forms(f.text):
                removed.setdefault(_key(form), f)
                written.add(form)
    if not removed:
        return findings
    alternatives = (r"[ \t]?".join(re.escape(p) for p in form.split(" "))
                    for form in sorted(written, key=len, reverse=True))
    pattern = re.compile(r"(?<![\w\-])(" + "|".join(alternatives) + r")(?![\w\-])")
    return spread_removals(units, findings, pattern, lambda m: removed[_key(m.group(1))],
                           "fartøj")
