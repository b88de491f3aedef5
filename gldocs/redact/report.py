"""The redaction report: JSON for machines (every finding) and a Danish table for people."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from gldocs.redact.model import Finding, Plan
from gldocs.text.terminal import terminal_safe

DETECTOR_DA = {
    "section": "afsnitsregel", "pattern": "mønster", "ner": "NER", "lexicon": "leksikon",
    "case": "sagsdata", "caseworker": "sagsbehandler",
}
ACTION_DA = {"remove": "fjernes", "keep": "bevares"}


def finding_dict(f: Finding) -> dict[str, Any]:
    d = asdict(f)
    d["span"] = [f.start, f.end]
    return d


def plan_report(plan: Plan, output: str | None = None) -> dict[str, Any]:
    removals = plan.removals()
    order, last = unit_order(plan), len(plan.units)
    return {
        "source": plan.source,
        "output": output,
        "policy": plan.policy_name,
        "policy_version": plan.policy_version,
        "areas": plan.areas,
        "client_name": plan.client_name,
        "no_ner": plan.no_ner,
        "notes": plan.notes,
        "summary": {
            "removed": len(removals),
            "kept": sum(1 for f in plan.findings if f.action == "keep"),
            "needs_review": len(plan.needs_review()),
            "by_rule": _count_by_rule(removals),
        },
        "findings": [finding_dict(f) for f in sorted(
            plan.findings, key=lambda f: (order.get(f.unit_path, last), f.start, f.end))],
    }


def unit_order(plan: Plan) -> dict[str, int]:
    """Position of each unit path in the document (the first, if a path repeats)."""
    order: dict[str, int] = {}
    for i, u in enumerate(plan.units):
        order.setdefault(u.path, i)
    return order


def _count_by_rule(findings: Sequence[Finding]) -> dict[str, int]:
    out: dict[str, int] = {}
    for f in findings:
        out[f.rule] = out.get(f.rule, 0) + 1
    return dict(sorted(out.items()))


def report_json(reports: list[dict[str, Any]]) -> str:
    data = {"documents": reports}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def summary_line(plan: Plan, output: str) -> str:
    removals = plan.removals()
    review = len(plan.needs_review())
    rules = ", ".join(f"{r}: {n}" for r, n in _count_by_rule(removals).items()) or "ingen"
    line = (f"{plan.source}: {len(removals)} fjernet ({rules}), "
            f"{sum(1 for f in plan.findings if f.action == 'keep')} bevaret")
    if review:
        line += f", {review} skal gennemses"
    if plan.no_ner:
        line += ", UDEN NER – IKKE TIL VIDEREGIVELSE"
    return f"{line} -> {output}"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def explain_table(plan: Plan) -> str:
    """A readable Danish table of every finding."""
    head = ("Sted", "Tekst", "Handling", "Regel", "Grundlag", "Detektor", "Sikkerhed",
            "Markør", "Forklaring")
    rows = []
    order, last = unit_order(plan), len(plan.units)
    for f in sorted(plan.findings, key=lambda f: (order.get(f.unit_path, last), f.start)):
        action = ACTION_DA.get(f.action, f.action) + (" (gennemse)" if f.review else "")
        rows.append((f.unit_path, _clip(terminal_safe(f.text), 40), action, f.rule, f.ground,
                     DETECTOR_DA.get(f.detector, f.detector), f"{f.score:.2f}", f.marker,
                     _clip(f.explanation, 70)))
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    lines = [f"Fund i {terminal_safe(plan.source)} (politik: {plan.policy_name}, områder: "
             f"{', '.join(plan.areas) or 'ingen'})"]
    lines.append("  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)))
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)))
    return "\n".join(lines) + "\n"
