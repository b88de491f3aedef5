"""The HTML review report: one self-contained Danish page (inline CSS, no external assets).

Original and redacted text side by side, part by part, and every finding listed with id,
rule, legal ground, detector, score and decision. Everything from the document is escaped:
case text may contain anything, ``<script>`` included.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from gldocs.dates import format_dato
from gldocs.redact import Finding
from gldocs.review.diff import summary
from gldocs.review.looks import css_class, rules_css
from gldocs.review.view import (
    DETECTOR_LABELS,
    STATE_LABELS,
    PlanView,
    UnitView,
    marked_segments,
)


def rule_class(rule: str) -> str:
    return css_class(rule)


def _original(uv: UnitView, restored_ids: set[str]) -> list[dict[str, str]]:
    """The unit's original text: plain, removed (struck, coloured) and restored pieces."""
    out = []
    for m in marked_segments(uv, restored_ids):
        if m.kind == "removed" and m.span is not None:
            out.append({"kind": "removed", "text": m.text, "css": rule_class(m.span.rule),
                        "title": ", ".join(f"{f.rule} {f.id}" for f in m.span.findings)})
        elif m.kind == "restored" and m.finding is not None:
            out.append({"kind": "restored", "text": m.text, "id": m.finding.id})
        else:
            out.append({"kind": "plain", "text": m.text})
    return out


def _redacted(uv: UnitView) -> list[dict[str, Any]]:
    return [{"marker": p.marker, "text": p.text, "css": rule_class(p.rule)} for p in uv.pieces]


def _rows(view: PlanView, findings: list[Finding]) -> list[dict[str, Any]]:
    rows = []
    for f in findings:
        state = view.state(f)
        if f.action != "remove" and state != "restore":
            continue
        decision = view.decisions.decisions.get(f.id) if view.decisions else None
        why = f.explanation
        if decision is not None and decision.justification and state == "restore":
            why = f"Begrundelse: {decision.justification}"
        rows.append({"id": f.id, "rule": f.rule, "css": rule_class(f.rule),
                     "ground": f.ground,
                     "detector": DETECTOR_LABELS.get(f.detector, f.detector),
                     "score": f"{f.score:.2f}", "pending": state == "pending",
                     "state": STATE_LABELS.get(state, state), "text": f.text,
                     "marker": f.marker, "why": why})
    return rows


@lru_cache(maxsize=1)
def templates() -> jinja2.Environment:
    """The review templates shipped in ``gldocs/review/templates`` (autoescaped)."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("gldocs.review", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"], default=True),
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def render_html(view: PlanView, today: date | None = None, stale: list[str] | None = None,
                warnings: list[str] | None = None) -> str:
    """The complete report as one HTML string.

    ``stale`` describes decisions that no longer match the document; ``warnings`` other
    problems (decisions made for another document, policy or areas). Both are shown on top.
    """
    plan = view.plan
    restored_ids = {f.id for f in plan.findings if view.state(f) == "restore"}
    title = f"Gennemsyn af fjernelser – {plan.source or 'dokument'}"
    meta = (f"Politik: {plan.policy_name} {plan.policy_version} · "
            f"Koordineringsområder: {', '.join(plan.areas) or '(ingen)'} · "
            f"Dannet {format_dato(today or date.today())}")
    if view.decisions and view.decisions.caseworker:
        meta += f" · Sagsbehandler: {view.decisions.caseworker}"
    parts = [{"title": part.title,
              "units": [{"original": _original(uv, restored_ids), "redacted": _redacted(uv)}
                        for uv in part.units],
              "rows": _rows(view, part.findings)}
             for part in view.parts]
    return templates().get_template("report.html.j2").render(
        title=title, meta=meta, no_ner=plan.no_ner, summary=summary(view),
        stale=stale or [], warnings=warnings or [], parts=parts,
        legend=[look for look in view.looks.values() if look.action == "remove"],
        rules_css=Markup(rules_css(view.looks)))
