"""What a removed sentence announces goes with it: the quoted lines under it.

A sentence that a category removes whole and that ends its line with a colon announces
what the next lines quote ("Af dommen fremgår følgende aflyttede beskeder:", "Han sendte
hende disse sms'er:"): the intercepted messages, the threats, the chat lines themselves.
They carry the same information in other words (code words, slang, lower case) that no
lexicon knows, so each quoted line below the lead goes under the lead's rule and marker.
Fail closed, but only over quotes: a quoted line has a quotation mark or opens with a clock
time ("[14:32] …", "22.10 …"); the block may start after one blank line and ends at the
first line that is no quote (a blank line, a heading, a field, a list item). A line that is
already removed whole is left to its finding.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from gldocs.document.units import TextUnit
from gldocs.redact.model import Finding

# a quotation mark of any style
_QUOTE_MARK = re.compile(r"[\"“”„«»]")
# a clock time that opens a chat or log line: "[14:32]", "14:32 ", "22.10 – "
_CLOCK = re.compile(r"^[ \t]*(?:\[[ \t]*\d{1,2}[:.]\d{2}(?::\d{2})?[ \t]*\]"
                    r"|\d{1,2}[:.]\d{2}(?=[ \t]))")
# a sentence's start before a finding: the line's start or a sentence's end
_SENTENCE_START = re.compile(r"(?:^|[.!?:;][\"'”’»)\]]*)[ \t]*$")
# the detectors whose removals are a category's or a section's (a sentence's content)
_CONTENT_DETECTORS = frozenset({"lexicon", "section"})
_BLOCK_LIMIT = 40  # quoted lines one lead may take


def _lead(unit: TextUnit, findings: Sequence[Finding]) -> Finding | None:
    """The removal that takes ``unit``'s last sentence whole when that sentence ends the
    line with a colon (the announcement), or None."""
    body = unit.text.rstrip()
    if not body.endswith(":"):
        return None
    colon = len(body) - 1
    for f in findings:
        if f.unit_path == unit.path and f.action == "remove" \
                and f.detector in _CONTENT_DETECTORS and f.start <= colon <= f.end \
                and _SENTENCE_START.search(unit.text[:f.start]):
            return f
    return None


def _quoted(text: str) -> bool:
    return bool(_QUOTE_MARK.search(text) or _CLOCK.match(text))


def _whole(unit: TextUnit, covered: Sequence[Finding]) -> bool:
    """Whether one removal already takes the text of ``unit`` whole."""
    body = unit.text.strip()
    first = unit.text.find(body[:1]) if body else 0
    last = first + len(body)
    return any(f.action == "remove" and f.start <= first and last <= f.end for f in covered)


def announced_quotes(units: Sequence[TextUnit], findings: list[Finding]) -> list[Finding]:
    """One more removal for each quoted line under a removed announcement (see the
    module's note), copying the announcement's rule, marker and explanation."""
    by_unit: dict[str, list[Finding]] = {}
    for f in findings:
        by_unit.setdefault(f.unit_path, []).append(f)
    out: list[Finding] = []
    for i, unit in enumerate(units):
        lead = _lead(unit, by_unit.get(unit.path, ()))
        if lead is None:
            continue
        j = i + 1
        if j < len(units) and not units[j].text.strip():
            j += 1  # one blank line between the announcement and its quotes
        taken = 0
        while j < len(units) and taken < _BLOCK_LIMIT:
            nxt = units[j]
            text = nxt.text
            if not text.strip() or not _quoted(text) or nxt.section != unit.section:
                break
            if not _whole(nxt, by_unit.get(nxt.path, ())):
                start = len(text) - len(text.lstrip())
                end = len(text.rstrip())
                out.append(dataclasses.replace(
                    lead, unit_path=nxt.path, section=nxt.section, start=start, end=end,
                    text=text[start:end], id="",
                    explanation="Citeret under en fjernet sætning, der varsler citatet: "
                                + lead.explanation))
            taken += 1
            j += 1
    return out
