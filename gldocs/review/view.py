"""What a reviewer sees: a plan laid out part by part, with removed spans and decisions.

Shared by the terminal diff, the HTML report and the review page, so all three show the
same thing. Removal findings that overlap are merged into one span (the removed text is the
union; the marker is the one of the weightiest rule), exactly as the redacted text shows it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from gldocs.document.units import SECTION_TITLES, UNKNOWN, Edit, TextUnit
from gldocs.redact import Finding, Plan
from gldocs.review.decisions import Decisions
from gldocs.review.looks import DEFAULT_WEIGHT, RuleLook, label, rule_looks, weights

DETECTOR_LABELS: dict[str, str] = {
    "section": "afsnit",
    "pattern": "mønster",
    "ner": "NER",
    "lexicon": "ordliste",
    "case": "sagsdata",
    "caseworker": "sagsbehandler",
}

STATE_LABELS: dict[str, str] = {
    "accept": "fjernes (accepteret)",
    "restore": "videregives (gendannet)",
    "pending": "afventer gennemsyn",
    "auto": "fjernes",
    "extra": "fjernes (sagsbehandler)",
    "keep": "beholdes",
}


@dataclass
class Span:
    """A merged removal in one unit."""

    start: int
    end: int
    marker: str
    rule: str
    findings: list[Finding]


@dataclass
class Segment:
    text: str
    span: Span | None = None  # None: text that passes on


@dataclass
class Piece:
    """A piece of the redacted text: passed-on text, or a marker put in for removed text."""

    text: str
    marker: bool = False
    rule: str = ""


@dataclass
class UnitView:
    unit: TextUnit
    segments: list[Segment]  # the original text, split at removals
    pieces: list[Piece]  # the redacted text, as it will be written
    findings: list[Finding]  # every finding in this unit (removals and keeps), by position

    @property
    def redacted(self) -> str:
        return "".join(p.text for p in self.pieces)


@dataclass
class PartView:
    section: str
    title: str
    units: list[UnitView]

    @property
    def findings(self) -> list[Finding]:
        return [f for u in self.units for f in u.findings]


@dataclass
class PlanView:
    plan: Plan
    parts: list[PartView]
    decisions: Decisions | None = None
    counts: Counter[str] = field(default_factory=Counter)
    looks: dict[str, RuleLook] = field(default_factory=dict)  # the policy's rules, shown

    def label(self, rule_id: str) -> str:
        return label(self.looks, rule_id)

    def state(self, finding: Finding) -> str:
        """accept / restore / pending / auto / extra / keep for one finding."""
        return finding_state(finding, self.decisions)


def finding_state(finding: Finding, decisions: Decisions | None) -> str:
    if finding.detector == "caseworker" and finding.action == "remove":
        return "extra"
    d = decisions.decisions.get(finding.id) if decisions is not None else None
    if d is not None and d.action == "restore":
        return "restore"
    if finding.action != "remove":
        return "keep"
    if d is not None:
        return "accept"
    return "pending" if finding.review else "auto"


def merged_spans(findings: list[Finding], weight: Mapping[str, int] | None = None
                 ) -> list[Span]:
    """Merge the removal findings of one unit into non-overlapping spans; where they
    overlap, the span shows the rule with the lowest ``weight`` (policy ``rules``)."""
    weight = weight or {}
    removals = sorted((f for f in findings if f.action == "remove" and f.end > f.start),
                      key=lambda f: (f.start, -f.end))
    spans: list[Span] = []
    for f in removals:
        if spans and f.start < spans[-1].end:
            last = spans[-1]
            last.end = max(last.end, f.end)
            last.findings.append(f)
            if weight.get(f.rule, DEFAULT_WEIGHT) < weight.get(last.rule, DEFAULT_WEIGHT):
                last.rule, last.marker = f.rule, f.marker
        else:
            spans.append(Span(f.start, f.end, f.marker, f.rule, [f]))
    return spans


def redacted_pieces(unit: TextUnit, edits: Sequence[Edit], spans: list[Span],
                    weight: Mapping[str, int] | None = None) -> list[Piece]:
    """The redacted text of ``unit`` as pieces; each marker carries the rule it stands for."""
    pieces: list[Piece] = []
    pos = 0
    for e in sorted(edits, key=lambda e: e.start):
        if e.start < pos:
            raise ValueError(f"overlapping edits at {e.start} in {unit.path}")
        if e.start > pos:
            pieces.append(Piece(unit.text[pos:e.start]))
        rules = [s.rule for s in spans if s.start < max(e.end, e.start + 1) and s.end > e.start]
        rule = min(rules, key=lambda r: (weight or {}).get(r, DEFAULT_WEIGHT)) if rules else ""
        pieces.append(Piece(e.replacement, True, rule))
        pos = e.end
    if pos < len(unit.text):
        pieces.append(Piece(unit.text[pos:]))
    return pieces


def unit_view(unit: TextUnit, findings: list[Finding], edits: Sequence[Edit] | None = None,
              weight: Mapping[str, int] | None = None) -> UnitView:
    """One unit laid out; ``edits`` (the writer's edits) default to the merged removals."""
    spans = merged_spans(findings, weight)
    segments: list[Segment] = []
    pos = 0
    for s in spans:
        if s.start > pos:
            segments.append(Segment(unit.text[pos:s.start]))
        segments.append(Segment(unit.text[s.start:s.end], s))
        pos = s.end
    if pos < len(unit.text) or not segments:
        segments.append(Segment(unit.text[pos:]))
    if edits is None:
        edits = [Edit(s.start, s.end, s.marker) for s in spans]
    ordered = sorted(findings, key=lambda f: (f.start, f.end))
    return UnitView(unit, segments, redacted_pieces(unit, edits, spans, weight), ordered)


def build_view(plan: Plan, decisions: Decisions | None = None,
               edits: Mapping[str, Sequence[Edit]] | None = None) -> PlanView:
    """Lay ``plan`` out part by part (consecutive units of one section form a part).

    ``plan`` should already have the decisions applied
    (:func:`gldocs.review.decisions.apply_decisions`); ``decisions`` is used to label each
    finding's state. ``edits`` are the per-unit edits the output will be written with, so
    the redacted text shown is exactly the text written (default:
    :func:`gldocs.redact.apply.plan_edits`, as the writer makes them).
    """
    if edits is None:
        from gldocs.redact import plan_edits

        edits = plan_edits(plan)
    looks = rule_looks(plan)
    weight = weights(looks)
    by_unit: dict[str, list[Finding]] = {}
    for f in plan.findings:
        by_unit.setdefault(f.unit_path, []).append(f)
    parts: list[PartView] = []
    for unit in plan.units:
        section = unit.section if unit.section in SECTION_TITLES else UNKNOWN
        blank = not unit.text.strip()  # a blank line stays in the part it is in
        if not parts or (parts[-1].section != section and not blank):
            parts.append(PartView(section, SECTION_TITLES[section], []))
        unit_edits = None if edits is None else list(edits.get(unit.path, ()))
        parts[-1].units.append(unit_view(unit, by_unit.get(unit.path, []), unit_edits,
                                         weight))
    counts: Counter[str] = Counter(f.rule for f in plan.findings if f.action == "remove")
    return PlanView(plan, parts, decisions, counts, looks)


@dataclass
class Mark:
    """A piece of a unit's original text as a reviewer sees it."""

    text: str
    kind: str  # "plain", "removed" or "restored"
    span: Span | None = None  # for "removed"
    finding: Finding | None = None  # for "restored"


def marked_segments(uv: UnitView, restored_ids: set[str]) -> list[Mark]:
    """The unit's original text split into plain, removed and restored pieces."""
    restored = sorted((f for f in uv.findings if f.id in restored_ids and f.end > f.start),
                      key=lambda f: f.start)
    marks: list[Mark] = []
    offset = 0
    for seg in uv.segments:
        if seg.span is not None:
            marks.append(Mark(seg.text, "removed", span=seg.span))
        else:
            pos = 0
            for f in restored:
                s, e = f.start - offset, f.end - offset
                if e <= pos or s >= len(seg.text):
                    continue
                s, e = max(s, pos), min(e, len(seg.text))
                if s > pos:
                    marks.append(Mark(seg.text[pos:s], "plain"))
                marks.append(Mark(seg.text[s:e], "restored", finding=f))
                pos = e
            if pos < len(seg.text) or not seg.text:
                marks.append(Mark(seg.text[pos:], "plain"))
        offset += len(seg.text)
    return marks


def covering_removals(plan: Plan, finding: Finding) -> list[Finding]:
    """Removals (other than ``finding``) that overlap it: a restore does not show through."""
    return [f for f in plan.findings
            if f.action == "remove" and f.unit_path == finding.unit_path and f is not finding
            and f.start < finding.end and f.end > finding.start]
