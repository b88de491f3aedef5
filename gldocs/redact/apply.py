"""Turn a plan into edits: every removal becomes a visible marker, overlaps merged.

``apply(plan)`` works on the plan as it stands; caseworker decisions (restores, extra
removals) are folded into the plan first by :func:`gldocs.review.decisions.apply_decisions`.
"""

from __future__ import annotations

from collections import defaultdict

from gldocs.document.units import Edit, TextUnit, apply_edits
from gldocs.redact.model import Finding, Plan


def plan_edits(plan: Plan) -> dict[str, list[Edit]]:
    """Per unit path, the non-overlapping edits that carry out the plan's removals."""
    by_unit: dict[str, list[Finding]] = defaultdict(list)
    for f in plan.findings:
        if f.action == "remove" and f.end > f.start:
            by_unit[f.unit_path].append(f)
    edits: dict[str, list[Edit]] = {}
    for path, fs in by_unit.items():
        fs.sort(key=lambda f: (f.start, -(f.end - f.start)))
        merged: list[tuple[int, int, Finding]] = []
        for f in fs:
            if merged and f.start < merged[-1][1]:
                s, e, top = merged[-1]
                wider = f if (f.end - f.start) > (top.end - top.start) else top
                merged[-1] = (s, max(e, f.end), wider)
            else:
                merged.append((f.start, f.end, f))
        edits[path] = [Edit(s, e, top.marker or "[udeladt]") for s, e, top in merged]
    return edits


def apply(plan: Plan) -> list[TextUnit]:
    """The plan's units with every removal replaced by its marker."""
    edits = plan_edits(plan)
    return [TextUnit(u.section, u.path, apply_edits(u.text, edits.get(u.path, [])))
            for u in plan.units]
