"""Rule ids, labels and colours come from the policy: a policy that adds R6 works end to end
(terminal diff, HTML report, review page, extra removals)."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from gldocs.document.txt import units_from_text
from gldocs.paths import POLICIES_DIR
from gldocs.redact.bundle import bundle_for
from gldocs.redact.engine import AnalysisContext, Analyzer
from gldocs.redact.policy import load_policy_file
from gldocs.review.decisions import Decisions, ExtraRemoval, apply_decisions
from gldocs.review.diff import render_diff
from gldocs.review.html import render_html
from gldocs.review.page import render_page
from gldocs.review.view import build_view


def _plan_with_r6(tmp_path: Path):
    shutil.copytree(POLICIES_DIR / "lexicons", tmp_path / "lexicons")
    data = yaml.safe_load((POLICIES_DIR / "kommune.yaml").read_text(encoding="utf-8"))
    data["rules"]["R6"] = {"action": "remove", "ground": "rhl. § 9", "marker": "[lokalt]",
                           "title": "Lokale forhold", "label": "Lokalt forbehold",
                           "colour": "#123456", "weight": 0}
    data["deny"] = ["Kattegatcentret"]
    data["deny_rule"] = "R6"
    path = tmp_path / "lokal.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    analyzer = Analyzer(bundle_for(load_policy_file(path)))
    units = units_from_text("Navn: Aske Lund\n\nHan arbejder i Kattegatcentret.")
    return analyzer.analyze(units, AnalysisContext(areas=[], client_name="Aske Lund"))


def test_a_new_rule_shows_everywhere(tmp_path: Path) -> None:
    plan = _plan_with_r6(tmp_path)
    (f,) = [f for f in plan.findings if f.rule == "R6"]
    assert f.marker == "[lokalt]" and f.text == "Kattegatcentret"
    view = build_view(plan)
    diff = render_diff(view, color=True)
    assert "\x1b[38;2;18;52;86m" in diff  # the policy's colour #123456
    assert "R6 Lokalt forbehold: 1" in diff
    html = render_html(view)
    assert ".rule-R6 { color: #123456" in html
    assert 'class="marker rule-R6"' in html and "R6: Lokalt forbehold" in html
    page = render_page("nonce", view.looks, plan.extra_rule)
    assert '<option value="R6" selected>R6 Lokalt forbehold</option>' in page
    assert ".edge-rule-R6 { border-left-color: #123456; }" in page
    assert '<option value="K1"' not in page  # keep rules are no removal rules


def test_extra_removal_falls_under_the_policy_rule(tmp_path: Path) -> None:
    plan = _plan_with_r6(tmp_path)
    result = apply_decisions(plan, Decisions(extra=[ExtraRemoval(text="arbejder",
                                                                 reason="lokal test")]))
    (f,) = [f for f in result.plan.findings if f.detector == "caseworker"]
    assert (f.rule, f.ground) == ("R6", "rhl. § 9")


def test_renamed_keep_rules_work_like_the_originals(tmp_path: Path) -> None:
    """The engine names no rule id of its own: the client's keep rule renamed K1 -> K9 and
    the § 10 area rule K7 -> K8 give the same plan under the new ids."""
    from gldocs.redact.bundle import load_bundle

    shutil.copytree(POLICIES_DIR / "lexicons", tmp_path / "lexicons")
    text = (POLICIES_DIR / "kommune.yaml").read_text(encoding="utf-8")
    renamed = text.replace("K1", "K9").replace("K7", "K8")
    assert renamed != text
    path = tmp_path / "omdoebt.yaml"
    path.write_text(renamed, encoding="utf-8")
    units = units_from_text(
        "Navn: Aske Lund\nTelefon: 22 33 44 55\n\nBeskrivelse\n"
        "Aske bor hos sin mor Mette Lund, tlf. 22 33 44 56. Aske Lund er diabetiker og har "
        "fået en læreplads. Sagsbehandler Ole Hansen, tlf. 22 33 44 55, følger op.")
    kommune = Analyzer(load_bundle("kommune"))
    renamed_policy = Analyzer(bundle_for(load_policy_file(path)))
    back = {"K9": "K1", "K8": "K7"}
    for areas in ([], ["helbred"]):  # the client's name in a removed § 10 sentence; kept
        ctx = AnalysisContext(areas=areas, client_name="Aske Lund")
        original = kommune.analyze(units, ctx).findings
        other = renamed_policy.analyze(units, ctx).findings
        assert {f.rule for f in other} & {"K9", "K8"}
        assert [(f.start, f.end, f.action, f.marker, back.get(f.rule, f.rule))
                for f in other] == [(f.start, f.end, f.action, f.marker, f.rule)
                                    for f in original]
