"""The terminal diff: per handleplan part, what is removed, on which ground, by whom.

Coloured (removed text struck through, coloured by rule R1…R5, followed by its marker) on a
terminal; plain text otherwise, where a removal reads ``[-removed text-]{+[marker]+}``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from gldocs.document.units import Edit
from gldocs.redact import Finding, Plan
from gldocs.review.decisions import Decisions
from gldocs.review.looks import RuleLook, ansi
from gldocs.review.view import (
    DETECTOR_LABELS,
    STATE_LABELS,
    PlanView,
    Segment,
    build_view,
    covering_removals,
)
from gldocs.text.terminal import terminal_safe

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
DIM = "\x1b[2m"
STRIKE = "\x1b[9m"
GREEN = "\x1b[32m"
RED = "\x1b[31m"


class Style:
    def __init__(self, color: bool, looks: Mapping[str, RuleLook] | None = None) -> None:
        self.color = color
        self.looks = looks or {}

    def rule(self, rule_id: str) -> str:
        """The terminal colour of a rule (the policy's colour)."""
        look = self.looks.get(rule_id)
        return ansi(look.colour) if look is not None else ""

    def wrap(self, text: str, *codes: str) -> str:
        if not self.color or not text:
            return text
        return "".join(codes) + text + RESET


def _segment(seg: Segment, st: Style) -> str:
    text = terminal_safe(seg.text)
    if seg.span is None:
        return text
    marker = terminal_safe(seg.span.marker)
    if not st.color:
        return f"[-{text}-]{{+{marker}+}}"
    colour = st.rule(seg.span.rule)
    return st.wrap(text, STRIKE, colour) + st.wrap(marker, BOLD, colour)


def finding_line(f: Finding, state: str, st: Style, covered: Sequence[str] = ()) -> str:
    flag = " GENNEMSYN" if state == "pending" else ""
    what = f"'{terminal_safe(f.text)}'" + (f" → {terminal_safe(f.marker)}"
                                          if f.action == "remove" else "")
    rule = st.wrap(f"{f.rule:<3}", BOLD, st.rule(f.rule))
    detector = DETECTOR_LABELS.get(f.detector, f.detector)
    line = (f"  {rule} {f.ground:<10} {detector:<13} {f.score:4.2f}  "
            f"{STATE_LABELS.get(state, state):<24} {what}  ({f.id}){flag}")
    if f.explanation:
        line += "\n" + st.wrap(f"        {terminal_safe(f.explanation)}", DIM)
    if covered:
        line += "\n" + st.wrap(f"        Stadig fjernet: også dækket af {', '.join(covered)}.",
                               BOLD)
    return line


def render_diff(view: PlanView, color: bool = False) -> str:
    """The whole diff as text (ANSI colours only when ``color``)."""
    st = Style(color, view.looks)
    plan = view.plan
    out: list[str] = []
    head = f"Dokument: {terminal_safe(plan.source) or '(ukendt)'} · politik: {plan.policy_name}"
    if plan.policy_version:
        head += f" {plan.policy_version}"
    head += f" · områder: {', '.join(plan.areas) or '(ingen)'}"
    out.append(st.wrap(head, BOLD))
    if plan.no_ner:
        out.append(st.wrap("OBS: kørt uden NER (--no-ner) – må ikke videregives.", BOLD, RED))
    for part in view.parts:
        out.append("")
        out.append(st.wrap(f"== {terminal_safe(part.title)} ==", BOLD))
        for uv in part.units:
            out.append("".join(_segment(s, st) for s in uv.segments))
        listed = [f for f in part.findings if f.action == "remove" or view.state(f) == "restore"]
        if listed:
            out.append(st.wrap("  Fund:", DIM))
            for f in listed:
                state = view.state(f)
                covered = (sorted({c.id for c in covering_removals(plan, f)})
                           if state == "restore" else [])
                out.append(finding_line(f, state, st, covered))
    out.append("")
    out.append(summary(view))
    return "\n".join(out) + "\n"


def diff_text(plan: Plan, decisions: Decisions | None = None, color: bool = False,
              edits: Mapping[str, Sequence[Edit]] | None = None) -> str:
    """The diff of a plan (decisions already applied), e.g. for ``gldocs redact --diff``.

    Pass the writer's ``edits`` (:func:`gldocs.redact.apply.plan_edits`) so the redacted
    text shown is exactly the text written.
    """
    return render_diff(build_view(plan, decisions, edits), color=color)


def summary(view: PlanView) -> str:
    """One Danish summary line: removals by rule, restores, pending."""
    states = [view.state(f) for f in view.plan.findings]
    by_rule = ", ".join(f"{rule} {view.label(rule)}: {n}"
                        for rule, n in sorted(view.counts.items()))
    parts = [f"Fjernes: {sum(view.counts.values())}" + (f" – {by_rule}" if by_rule else "")]
    parts.append(f"gendannet: {states.count('restore')}")
    parts.append(f"afventer gennemsyn: {states.count('pending')}")
    return "; ".join(parts) + "."
