"""Turn a plan into edits: every removal becomes a visible marker, overlaps merged, and a
removal over a table row's cells cut cell by cell (the bars and tabs stay).

``apply(plan)`` works on the plan as it stands; caseworker decisions (restores, extra
removals) are folded into the plan first by :func:`gldocs.review.decisions.apply_decisions`.
"""

from __future__ import annotations

import re
from collections import defaultdict

from gldocs.document.units import Edit, TextUnit, apply_edits
from gldocs.redact.model import Finding, Plan


def plan_edits(plan: Plan) -> dict[str, list[Edit]]:
    """Per unit path, the non-overlapping edits that carry out the plan's removals."""
    by_unit: dict[str, list[Finding]] = defaultdict(list)
    texts = {u.path: u.text for u in plan.units}
    for f in plan.findings:
        if f.action == "remove" and f.end > f.start:
            by_unit[f.unit_path].append(f)
    edits: dict[str, list[Edit]] = {}
    for path, fs in by_unit.items():
        fs.sort(key=lambda f: (f.start, -(f.end - f.start)))
        merged: list[tuple[int, int, Finding, list[Finding]]] = []
        for f in fs:
            if merged and f.start < merged[-1][1]:
                s, e, top, group = merged[-1]
                wider = f if (f.end - f.start) > (top.end - top.start) else top
                merged[-1] = (s, max(e, f.end), wider, [*group, f])
            else:
                merged.append((f.start, f.end, f, [f]))
        text = texts.get(path, "")
        edits[path] = [Edit(a, b, _cell_marker(text, a, b, top, group))
                       for s, e, top, group in merged for a, b in _cells(text, s, e)]
    return edits


def _cell_marker(text: str, start: int, end: int, top: Finding, group: list[Finding]) -> str:
    """The marker of the part ``start``-``end`` of a merged removal: the widest finding's,
    unless the part is a table cell that a narrower finding of the group fills (a row
    removed as one sentence: the name cell says "[person]", the cell of the incident
    "[udeladt: sikkerhed]"; each cell shows its own ground). A cell that holds more than
    the narrower finding keeps the widest finding's marker."""
    if top.start >= start and top.end <= end:
        return top.marker or "[udeladt]"
    fills = [f for f in group if start <= f.start and f.end <= end
             and not _WORDS.search(text, start, f.start) and not _WORDS.search(text, f.end, end)]
    best = max(fills, key=lambda f: f.end - f.start, default=top)
    return best.marker or "[udeladt]"


_WORDS = re.compile(r"\w")


# what parts a table row's cells (gldocs.text.tables): a bar or a tab
_CELL_BREAK = re.compile(r"[ \t]*[|│┃¦\t][ \t]*")


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The removal ``start``-``end`` of ``text`` cut at the cell breaks inside it: a
    sentence that runs over a table row's cells goes cell by cell, each cell's part
    with its own marker, and the row's bars and tabs stay (the reader still reads the
    table). A span without a break, or a text the plan does not hold, is one part."""
    if not text or not _CELL_BREAK.search(text, start, end):
        return [(start, end)]
    out = []
    pos = start
    for m in _CELL_BREAK.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if end > pos:
        out.append((pos, end))
    return out or [(start, end)]


def apply(plan: Plan) -> list[TextUnit]:
    """The plan's units with every removal replaced by its marker."""
    edits = plan_edits(plan)
    return [TextUnit(u.section, u.path, apply_edits(u.text, edits.get(u.path, [])))
            for u in plan.units]
