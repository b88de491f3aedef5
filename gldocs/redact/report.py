"""The redaction report: JSON for machines (every finding) and the one-line summary.

The Danish table for people (``--explain``) is :mod:`gldocs.redact.explain`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from gldocs.redact.model import Finding, Plan


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
