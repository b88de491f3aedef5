"""The HTML review report: one self-contained Danish page (inline CSS, no external assets).

Original and redacted text side by side, part by part, and every finding listed with id,
rule, legal ground, detector, score and decision. Everything from the document is escaped:
case text may contain anything, ``<script>`` included.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from html import escape

from gldocs.dates import format_dato
from gldocs.redact.model import Finding
from gldocs.review.diff import summary
from gldocs.review.looks import RuleLook, css_class, rules_css
from gldocs.review.view import (
    DETECTOR_LABELS,
    STATE_LABELS,
    PlanView,
    UnitView,
    marked_segments,
)

# Colours per rule, shared with the review page. Chosen for contrast on white and in print.
BASE_CSS = """
:root { --r1:#8a5a00; --r1b:#fff3cd; --r2:#7b1fa2; --r2b:#f3e5f5; --r3:#b71c1c; --r3b:#fde8e8;
        --r4:#00695c; --r4b:#e0f2f1; --r5:#1a4f99; --r5b:#e3ecfa; --keep:#1b5e20; }
* { box-sizing: border-box; }
body { font-family: system-ui, "Segoe UI", Arial, sans-serif; font-size: 16px; line-height: 1.5;
       color: #1a1a1a; background: #fff; margin: 0 auto; padding: 1rem 1.5rem; max-width: 90rem; }
h1 { font-size: 1.5rem; margin: .2rem 0 .5rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .4rem; border-bottom: 2px solid #ccc; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .9rem; }
th, td { border: 1px solid #bbb; padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
del { text-decoration: line-through; text-decoration-thickness: 2px; }
.marker { font-weight: 600; border: 1px solid currentColor; border-radius: 3px; padding: 0 .2em; }
.restored { background: #e8f5e9; color: var(--keep); outline: 1px dashed var(--keep); }
.meta { color: #444; margin: 0 0 .8rem; }
.pending { font-weight: 700; color: #b71c1c; }
.legend span { margin-right: .8rem; padding: 0 .3em; }
"""

REPORT_CSS = BASE_CSS + """
.cols { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1.5rem; }
.cols h3 { font-size: .95rem; margin: .2rem 0; color: #555; }
.cols p { margin: 0 0 .35rem; white-space: pre-wrap; overflow-wrap: anywhere; }
td.t { overflow-wrap: anywhere; }
@media print {
  body { font-size: 10pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  h2, h3 { break-after: avoid; }
  table { font-size: 8pt; }
  .cols p, tr { break-inside: avoid; }
  .restored { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def rule_class(rule: str) -> str:
    return css_class(rule)


def original_html(uv: UnitView, restored_ids: set[str]) -> str:
    """The unit's original text, removals struck and coloured, restorations marked."""
    out: list[str] = []
    for m in marked_segments(uv, restored_ids):
        if m.kind == "removed" and m.span is not None:
            title = ", ".join(f"{f.rule} {f.id}" for f in m.span.findings)
            out.append(f'<del class="{rule_class(m.span.rule)}" title="{escape(title)}">'
                       f"{escape(m.text)}</del>")
        elif m.kind == "restored" and m.finding is not None:
            out.append(f'<ins class="restored" title="gendannet {escape(m.finding.id)}">'
                       f"{escape(m.text)}</ins>")
        else:
            out.append(escape(m.text))
    return "".join(out)


def redacted_html(uv: UnitView) -> str:
    out: list[str] = []
    for piece in uv.pieces:
        if piece.marker:
            out.append(f'<span class="marker {rule_class(piece.rule)}">'
                       f"{escape(piece.text)}</span>")
        else:
            out.append(escape(piece.text))
    return "".join(out)


def findings_table(view: PlanView, findings: list[Finding]) -> str:
    rows: list[str] = []
    for f in findings:
        state = view.state(f)
        if f.action != "remove" and state != "restore":
            continue
        decision = view.decisions.decisions.get(f.id) if view.decisions else None
        why = f.explanation
        if decision is not None and decision.justification and state == "restore":
            why = f"Begrundelse: {decision.justification}"
        css = ' class="pending"' if state == "pending" else ""
        rows.append(
            "<tr>"
            f"<td><code>{escape(f.id)}</code></td>"
            f'<td><span class="{rule_class(f.rule)}">{escape(f.rule)}</span></td>'
            f"<td>{escape(f.ground)}</td>"
            f"<td>{escape(DETECTOR_LABELS.get(f.detector, f.detector))}</td>"
            f"<td>{f.score:.2f}</td>"
            f"<td{css}>{escape(STATE_LABELS.get(state, state))}</td>"
            f'<td class="t">{escape(f.text)}</td>'
            f"<td>{escape(f.marker)}</td>"
            f'<td class="t">{escape(why)}</td>'
            "</tr>"
        )
    if not rows:
        return "<p>Ingen fund i denne del.</p>"
    head = ("<tr><th>Id</th><th>Regel</th><th>Grundlag</th><th>Detektor</th><th>Score</th>"
            "<th>Afgørelse</th><th>Tekst</th><th>Markør</th><th>Forklaring</th></tr>")
    return f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def legend(looks: Mapping[str, RuleLook]) -> str:
    items = "".join(f'<span class="{look.css_class}">{escape(r)}: {escape(look.label)}</span>'
                    for r, look in looks.items() if look.action == "remove")
    return f'<p class="legend">{items}<span class="restored">gendannet</span></p>'


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
    body: list[str] = [
        '<p class="pending">Internt arbejdsdokument med de fjernede oplysninger – '
        "må ikke videregives.</p>",
        f"<h1>{escape(title)}</h1>", f'<p class="meta">{escape(meta)}</p>',
    ]
    if plan.no_ner:
        body.append('<p class="pending">Kørt uden NER (--no-ner): må ikke videregives.</p>')
    body.append(f"<p>{escape(summary(view))}</p>")
    if stale:
        items = "".join(f"<li>{escape(s)}</li>" for s in stale)
        body.append(f'<div class="pending"><p>Afgørelser, der ikke længere passer til '
                    f"dokumentet:</p><ul>{items}</ul></div>")
    if warnings:
        items = "".join(f"<li>{escape(w)}</li>" for w in warnings)
        body.append(f'<ul class="pending">{items}</ul>')
    body.append(legend(view.looks))
    for n, part in enumerate(view.parts, 1):
        rows = "".join(f'<p class="orig">{original_html(uv, restored_ids)}</p>'
                       f'<p class="red">{redacted_html(uv)}</p>' for uv in part.units)
        body.append(
            f'<section class="part" aria-labelledby="del{n}">'
            f'<h2 id="del{n}">{escape(part.title)}</h2>'
            '<div class="cols"><h3>Original</h3><h3>Efter fjernelse</h3>'
            f"{rows}</div>"
            f"{findings_table(view, part.findings)}"
            "</section>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{REPORT_CSS}{rules_css(view.looks)}</style>\n</head>\n"
        f"<body>\n{''.join(body)}\n</body>\n</html>\n"
    )
