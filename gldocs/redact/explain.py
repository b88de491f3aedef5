"""``gldocs redact --explain``: the findings as a caseworker reads them, in the terminal.

By default the removals and the findings flagged for review are listed, and what was kept
is summarised per rule; ``--explain alle`` lists every finding. Places are named as the
caseworker knows them ("Beskrivelse › Netværk", "Side 3, linje 4", "Sidehoved, afsnit 1"),
never as internal paths. The layout fits the terminal: from 100 columns on a table with
each explanation wrapped under its row, below that a compact block per finding.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Sequence

from gldocs.document.units import SECTION_TITLES, part_label
from gldocs.redact.model import Finding, Plan
from gldocs.text.terminal import terminal_safe

MODES = ("fund", "alle")
WIDE = 100  # from this many columns on: the table layout
ACTION_DA = {"remove": "fjernes", "keep": "bevares"}

# Case-file keys whose Danish cannot be derived by folding ae/oe/aa back.
_KEY_LABELS = {
    "personer": "Private personer i sagen",
    "koordineringsomraader": "Koordineringsområder",
    "stamoplysninger": "Stamoplysninger",
    "aarsager": "Årsager til kriminalitet",
    "vurdering": "Vurdering og indsatsområder",
    "samarbejdspartnere": "Samarbejdspartnere",
    "cpr": "CPR-nr.",
    "email": "E-mail",
    "egen_beretning": "Klientens egen beretning",
    "ls_rnr": "LS/RNR",
    "kif_afdeling": "KiF-afdeling",
}
# List items named in the singular ("Behov 2", "Indsats 1").
_ITEM_LABELS = {
    "behov": "Behov", "indsatser": "Indsats", "hvem": "Hvem", "personer": "Person",
    "koordineringsomraader": "Område", "kontakter": "Kontakt", "medarbejdere": "Medarbejder",
    "frister": "Frist",
}
_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def _danish(key: str) -> str:
    if key in _KEY_LABELS:
        return _KEY_LABELS[key]
    word = key.replace("_", " ").replace("aa", "å").replace("ae", "æ").replace("oe", "ø")
    return word[:1].upper() + word[1:]


def place(unit_path: str, section: str = "") -> str:
    """Where a finding is, in words the caseworker knows."""
    m = re.fullmatch(r"page(\d+)/line(\d+)(?:\.\d+)?", unit_path)
    if m:
        return _with_section(f"Side {m[1]}, linje {m[2]}", section)
    m = re.fullmatch(r"form/field(\d+)", unit_path)
    if m:
        return f"Formularfelt {m[1]}"
    m = re.fullmatch(r"line(\d+)", unit_path)
    if m:
        return _with_section(f"Linje {m[1]}", section)
    part, sep, para = unit_path.rpartition("#p")
    if sep and para.isdigit():
        label = (part_label(part) or "del").capitalize()
        return _with_section(f"{label}, afsnit {int(para) + 1}", section)
    return _field_place(unit_path)


def _with_section(where: str, section: str) -> str:
    title = SECTION_TITLES.get(section)
    return f"{title} · {where}" if title and section != "unknown" else where


def _field_place(path: str) -> str:
    """``vurdering.behov[0].indsatser[1].hvem[0].navn`` -> "Vurdering og indsatsområder ›
    Behov 1 › Indsats 2 › Hvem 1 › Navn"; ``personer[0].navn`` -> "Private personer i sagen
    › Person 1 › Navn"."""
    labels: list[str] = []
    last_key = ""
    for m in _STEP.finditer(path):
        if m[1] is not None:
            last_key = m[1]
            labels.append(_danish(m[1]))
            continue
        number = int(m[2]) + 1
        item = _ITEM_LABELS.get(last_key)
        if not labels:
            continue
        if item is None:
            labels[-1] = f"{labels[-1]} {number}"
        elif last_key in _KEY_LABELS:  # a named group: the group, then the item
            labels.append(f"{item} {number}")
        else:
            labels[-1] = f"{item} {number}"
    return " › ".join(labels) if labels else path


_FIELD_IN_TEXT = re.compile(
    r"\b(?:stamoplysninger|beskrivelse|aarsager|vurdering|samarbejdspartnere|personer|"
    r"koordineringsomraader)(?:\[\d+\]|\.[a-z_]+)+")


def readable(explanation: str) -> str:
    """An explanation with any case field path in it named as a place."""
    return _FIELD_IN_TEXT.sub(lambda m: _field_place(m[0]), " ".join(explanation.split()))


def _order(plan: Plan) -> list[Finding]:
    index = {u.path: i for i, u in enumerate(plan.units)}
    return sorted(plan.findings,
                  key=lambda f: (index.get(f.unit_path, len(index)), f.start, f.end))


def _kept_summary(kept: Sequence[Finding]) -> str:
    counts: dict[str, int] = {}
    for f in kept:
        counts[f.rule] = counts.get(f.rule, 0) + 1
    by_rule = ", ".join(f"{rule}: {n}" for rule, n in sorted(counts.items()))
    n = len(kept)
    return f"{n} fund bevaret ({by_rule}); vis dem med --explain alle."


def explain(plan: Plan, mode: str = "fund", width: int | None = None) -> str:
    """The findings of ``plan`` for the terminal (see the module docstring)."""
    width = width or shutil.get_terminal_size((WIDE, 24)).columns
    findings = _order(plan)
    shown = findings if mode == "alle" else [f for f in findings
                                             if f.action == "remove" or f.review]
    kept = [f for f in findings if f not in shown]
    areas = ", ".join(plan.areas) or "ingen"
    n = len(shown)
    what = "alle" if mode == "alle" else "fjernede og markerede"
    head = [f"Fund i {terminal_safe(plan.source)} (politik: {plan.policy_name}, områder: {areas}): "
            f"{n} vist ({what})"]
    body = _table(shown, width) if width >= WIDE else _blocks(shown, width)
    tail = [_kept_summary(kept)] if kept else []
    head = textwrap.wrap(head[0], max(width, 40), break_long_words=False)
    return "\n".join([*head, *body, *tail]) + "\n"


def _action(f: Finding) -> str:
    return ACTION_DA.get(f.action, f.action) + (" (gennemse)" if f.review else "")


def _clip(text: str, size: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: max(size - 1, 0)] + "…"


def _table(findings: Sequence[Finding], width: int) -> list[str]:
    """A row per finding, its explanation wrapped on the lines under it."""
    head = ("Sted", "Tekst", "Handling", "Regel")
    rows = [(place(f.unit_path, f.section), " ".join(terminal_safe(f.text).split()), _action(f),
             f"{f.rule} ({f.ground})") for f in findings]
    # the columns share the width; place and text give way first
    caps = [44, 36, 18, 16]
    widths = [min(cap, max(len(r[i]) for r in [head, *rows])) for i, cap in enumerate(caps)]
    while sum(widths) + 2 * (len(widths) - 1) > width and max(widths[:2]) > 12:
        i = 0 if widths[0] >= widths[1] else 1
        widths[i] -= 1
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for f, r in zip(findings, rows, strict=True):
        lines.append("  ".join(_clip(c, w).ljust(w)
                               for c, w in zip(r, widths, strict=True)).rstrip())
        why = f"{f.marker}: {readable(f.explanation)}" if f.marker else \
            readable(f.explanation)
        lines += textwrap.wrap(why, width - 4,
                               initial_indent="    ", subsequent_indent="    ",
                               break_long_words=False, break_on_hyphens=False)
    return lines


def _blocks(findings: Sequence[Finding], width: int) -> list[str]:
    """One block per finding for narrow terminals."""
    lines: list[str] = []
    wrap = max(width - 12, 20)
    for n, f in enumerate(findings, start=1):
        lines.append("")
        lines.append(_clip(f"{n}. {_action(f)} · {f.rule} ({f.ground}) · {f.marker}", width))
        for label, value in (("Sted", place(f.unit_path, f.section)),
                             ("Tekst", terminal_safe(f.text)),
                             ("Hvorfor", readable(f.explanation))):
            parts = textwrap.wrap(" ".join(value.split()), wrap, break_long_words=False,
                                  break_on_hyphens=False) or [""]
            lines.append(f"   {label + ':':<9}{parts[0]}")
            lines += [f"   {'':<9}{p}" for p in parts[1:]]
    return lines


def unique_ids(report: dict) -> dict:  # type: ignore[type-arg]
    """Give every finding in a JSON report its own id; ``decision_id`` keeps the stable id
    that a decisions file refers to (the same text in the same place shares it)."""
    seen: dict[str, int] = {}
    for finding in report.get("findings", []):
        stable = finding.get("id", "")
        seen[stable] = seen.get(stable, 0) + 1
        finding["decision_id"] = stable
        if seen[stable] > 1:
            finding["id"] = f"{stable}-{seen[stable]}"
        finding["place"] = place(finding.get("unit_path", ""), finding.get("section", ""))
    return report
