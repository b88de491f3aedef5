"""A removed identifier goes in every place of the document.

Shared by the rules that carry one removal to the other places the same thing is written
(:mod:`gldocs.redact.handles`, :mod:`gldocs.redact.vessels`): each new finding copies the
removal it repeats (rule, marker, owner) and says so in its explanation. A place another
finding already covers is left to that finding.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from gldocs.document.units import TextUnit
from gldocs.redact.model import Finding, spans_by_unit


def spread_removals(units: Sequence[TextUnit], findings: list[Finding],
                    pattern: re.Pattern[str], model_of: Callable[[re.Match[str]], Finding],
                    what: str, read: Callable[[str], bool] | None = None) -> list[Finding]:
    """``findings`` and one more removal for each match of ``pattern`` outside them.

    ``model_of``: the removal a match repeats; ``what``: its kind in Danish, for the
    explanation ("brugernavn"); ``read``: a quick test of a unit's text (False: the unit
    cannot hold a match)."""
    taken = spans_by_unit(findings)
    out = list(findings)
    for unit in units:
        if read is not None and not read(unit.text):
            continue
        spans = taken.get(unit.path, [])
        for m in pattern.finditer(unit.text):
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            model = model_of(m)
            out.append(dataclasses.replace(
                model, unit_path=unit.path, section=unit.section, start=m.start(),
                end=m.end(), text=m.group(0),
                explanation=f"Samme {what} som {model.text}, der er fjernet: "
                            + model.explanation, id=""))
    return out
