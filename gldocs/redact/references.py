"""A case reference goes with the statement it stands after.

"Mads har en verserende sag hos Midt- og Vestjyllands Politi, j.nr. 4100-84312-00517-26":
when the statement about a person's own case is removed, the journal or case number
written right after it (after a comma or in a bracket, with its label) is that case's
reference and identifies it: it goes with the removal. A reference that stands on its own
("J.nr.: 26-41187-UDG" in a letter's header) is not touched.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from gldocs.document.units import TextUnit
from gldocs.redact.model import Finding, spans_by_unit
from gldocs.redact.wordlists import WordLists

# a reference: digits (with hyphens, slashes or dots inside) or letters and digits
_REF = r"(?:\d[\d\-/.]*\d(?:-[A-ZÆØÅ]{1,5})?|[A-ZÆØÅ]{1,5}-?\d[\w\-/]*\d)"


@dataclass(frozen=True)
class _Patterns:
    after: re.Pattern[str]  # a label and a reference right after a removal
    bare_after: re.Pattern[str]  # a reference right after a removal that ends in a label
    ends_in_label: re.Pattern[str]


@lru_cache(maxsize=8)
def patterns_for(words: WordLists) -> _Patterns:
    labels = words.alternation("case_number_labels", r"[ \t]?")
    return _Patterns(
        after=re.compile(rf"[ \t]*(?:,[ \t]*|\([ \t]*)(?i:{labels})[ \t]*:?[ \t]*"
                         rf"(?P<ref>{_REF})(?![\w\-/])\)?"),
        bare_after=re.compile(rf"[ \t]*:?[ \t]*(?P<ref>{_REF})(?![\w\-/])\)?"),
        ends_in_label=re.compile(rf"(?<![\w.])(?i:{labels})[ \t]*:?[ \t]*$"))


def extend_over_references(units: Sequence[TextUnit], findings: list[Finding],
                           words: WordLists) -> list[Finding]:
    """``findings`` with each removal of a statement (not a name or an identifier: those
    have no case) grown over the case reference written right after it."""
    pats = patterns_for(words)
    texts = {u.path: u.text for u in units}
    taken = spans_by_unit(findings)
    out: list[Finding] = []
    for f in findings:
        text = texts.get(f.unit_path)
        if f.action != "remove" or f.detector != "lexicon" or text is None:
            out.append(f)
            continue
        m = pats.after.match(text, f.end)
        if m is None and pats.ends_in_label.search(text, max(0, f.end - 30), f.end):
            m = pats.bare_after.match(text, f.end)
        if m is None or any(s < m.end() and f.end < e for s, e in taken[f.unit_path]
                            if (s, e) != (f.start, f.end)):
            out.append(f)
            continue
        out.append(dataclasses.replace(f, end=m.end(), text=text[f.start:m.end()], id=""))
    return out
