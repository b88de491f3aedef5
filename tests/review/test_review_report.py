"""Terminal diff and HTML report: content, plain mode, escaping, self-containedness."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

from gldocs.redact.apply import plan_edits
from gldocs.redact.model import Plan
from gldocs.review.decisions import Decisions, ExtraRemoval, apply_decisions, decision_for
from gldocs.review.diff import diff_text, render_diff
from gldocs.review.html import render_html
from gldocs.review.looks import rule_looks, weights
from gldocs.review.view import build_view, merged_spans


def reviewed(plan: Plan):
    karen = next(f for f in plan.findings if f.text == "Karen Lykke Holm")
    dec = Decisions(caseworker="Lone Berg",
                    decisions={karen.id: decision_for(karen, "restore",
                                                      "Søsteren er kontaktperson.")},
                    extra=[ExtraRemoval(text="hver dag", reason="Doseringen er intern",
                                        rule="R5")])
    result = apply_decisions(plan, dec)
    return build_view(result.plan, dec)


def test_plain_diff_shows_parts_removals_and_findings(plan: Plan) -> None:
    text = render_diff(reviewed(plan), color=False)
    assert "\x1b[" not in text
    assert "== Beskrivelse ==" in text and "== Vurdering og indsatsområder ==" in text
    assert "[-paranoid skizofreni-]{+[udeladt: rhl. § 10]+}" in text
    assert "[-hver dag-]{+[udeladt]+}" in text
    # the restored name passes on unstruck, and is listed as restored
    assert "søster Karen Lykke Holm på [-Gørtlervej" in text
    line = next(ln for ln in text.splitlines() if "'Zyprexa'" in ln)
    assert all(w in line for w in ("R2", "rhl. § 10", "ordliste", "0.55", "GENNEMSYN"))
    assert re.search(r"R1 .*videregives \(gendannet\).*'Karen Lykke Holm'", text)
    assert "gendannet: 1" in text and "afventer gennemsyn: 2" in text


def test_colour_diff_strikes_and_colours_by_rule(plan: Plan) -> None:
    text = render_diff(reviewed(plan), color=True)
    # struck, in the policy's colour of the rule (R2 #7b1fa2, R3 #b71c1c)
    assert "\x1b[9m\x1b[38;2;123;31;162mparanoid skizofreni\x1b[0m" in text
    assert "\x1b[9m\x1b[38;2;183;28;28m<script>" in text


def test_overlapping_removals_merge_with_weightiest_marker(plan: Plan) -> None:
    unit = plan.units[1]
    dec = Decisions(extra=[ExtraRemoval(text="søster Karen", reason="overlap", rule="R4")])
    result = apply_decisions(plan, dec)
    spans = merged_spans([f for f in result.plan.findings if f.unit_path == unit.path],
                         weights(rule_looks(result.plan)))
    first = spans[0]
    assert unit.text[first.start:first.end] == "søster Karen Lykke Holm"
    assert first.marker == "[pårørende]"  # R1 outweighs R4
    edits = plan_edits(result.plan)[unit.path]
    assert len(edits) == 2


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_escapes_case_text_and_is_self_contained(plan: Plan) -> None:
    page = render_html(reviewed(plan), today=date(2026, 3, 2))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page  # autoescaped
    parser = _Collector()
    parser.feed(page)
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags and "img" not in tags and "iframe" not in tags
    for _, attrs in parser.tags:
        for key in ("src", "href"):
            assert key not in attrs, f"external reference: {attrs}"
    assert "@import" not in page and "url(" not in page
    assert '<html lang="da">' in page and "@media print" in page
    assert "2. marts 2026" in page and "Lone Berg" in page
    page = render_html(reviewed(plan), stale=["f-1: <b>væk</b>"], warnings=["andet <i>dok</i>"])
    assert "f-1: &lt;b&gt;væk&lt;/b&gt;" in page and "andet &lt;i&gt;dok&lt;/i&gt;" in page


def test_html_lists_every_finding_side_by_side(plan: Plan) -> None:
    view = reviewed(plan)
    page = render_html(view)
    for f in view.plan.findings:
        if f.action == "remove" or f.text == "Karen Lykke Holm":
            assert f.id in page
    assert page.count("<h3>Original</h3>") == page.count("<h3>Efter fjernelse</h3>") == 3
    assert page.count('<p class="orig">') == page.count('<p class="red">') == 4
    assert "Begrundelse: Søsteren er kontaktperson." in page
    assert 'class="restored"' in page
    assert '<span class="marker rule-R2">[udeladt: rhl. § 10]</span>' in page


def test_view_shows_the_writers_edits(plan: Plan) -> None:
    """The redacted text shown is built from the same edits the output is written with."""
    from gldocs.document.units import Edit

    unit = plan.units[2]
    start = unit.text.index("paranoid")
    edits = {unit.path: [Edit(start, len(unit.text), "[udeladt: rhl. § 10]")]}
    view = build_view(plan, None, edits)
    uv = next(u for p in view.parts for u in p.units if u.unit.path == unit.path)
    assert uv.redacted == "Han har diagnosen [udeladt: rhl. § 10]"
    assert uv.pieces[-1].marker and uv.pieces[-1].rule == "R2"
    assert ('<p class="red">Han har diagnosen <span class="marker rule-R2">[udeladt: rhl. § 10]'
            "</span></p>") in render_html(view)


def test_diff_text_for_redact(plan: Plan) -> None:
    text = diff_text(plan)
    assert text == render_diff(build_view(plan))
    assert "[-Karen Lykke Holm-]{+[pårørende]+}" in text


def test_restore_under_a_wider_removal_is_flagged(plan: Plan) -> None:
    """Restoring a name inside a removed sentence does not pass it on; the diff says so."""
    karen = next(f for f in plan.findings if f.text == "Karen Lykke Holm")
    dec = Decisions(decisions={karen.id: decision_for(karen, "restore", "Kontaktperson for bolig")},
                    extra=[ExtraRemoval(text="søster Karen Lykke Holm", reason="hele rollen",
                                        rule="R1")])
    result = apply_decisions(plan, dec)
    text = render_diff(build_view(result.plan, dec))
    assert "[-søster Karen Lykke Holm-]" in text
    assert "Stadig fjernet: også dækket af f-" in text
