"""`gldocs diff` and `gldocs review` through the CLI, with a stand-in analysis step.

The engine's own analysis is tested by the redaction tests; here a small invented analysis
(finding fixed texts) keeps these tests fast and independent of the NER model.
"""

from __future__ import annotations

import json
import threading
import urllib.request
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from gldocs.cli import main
from gldocs.document.io import read_document
from gldocs.redact.apply import plan_edits
from gldocs.redact.model import Finding, Plan
from gldocs.review import pipeline

DOC = """Stamoplysninger
Navn: Mads Østergaard Vinther
Beskrivelse
Han bor hos sin søster Karen Lykke Holm i Randers.
Han har diagnosen paranoid skizofreni.
"""

RULES = {  # text -> (rule, marker, review)
    "Karen Lykke Holm": ("R1", "[pårørende]", False),
    "paranoid skizofreni": ("R2", "[udeladt: rhl. § 10]", True),
}


def fake_analyze(req: pipeline.Request):
    doc = read_document(req.input)
    findings = []
    for unit in doc.units:
        for text, (rule, marker, review) in RULES.items():
            start = unit.text.find(text)
            if start >= 0:
                findings.append(Finding(
                    unit_path=unit.path, section=unit.section, start=start,
                    end=start + len(text), text=text, rule=rule,
                    ground="rhl. § 10" if rule == "R2" else "rhl. § 9", detector="lexicon",
                    entity="TEST", score=0.7, action="remove", marker=marker, review=review))
    plan = Plan(units=doc.units, findings=findings, policy_name=req.policy,
                policy_version="1", areas=["bolig"], source=str(req.input),
                no_ner=req.no_ner)
    return doc, plan


@pytest.fixture
def doc_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(pipeline, "analyze_input", fake_analyze)
    monkeypatch.setattr(pipeline, "plan_output_edits", plan_edits)
    path = tmp_path / "handleplan.txt"
    path.write_text(DOC, encoding="utf-8")
    return path


def test_diff_prints_plain_text_and_writes_html(doc_path: Path, tmp_path: Path) -> None:
    html = tmp_path / "rapport.html"
    res = CliRunner().invoke(main, ["diff", str(doc_path), "--policy", "kommune",
                                    "--areas", "bolig", "--html", str(html)])
    assert res.exit_code == 0, res.output
    assert "\x1b[" not in res.stdout
    assert "[-Karen Lykke Holm-]{+[pårørende]+}" in res.stdout
    assert "== Beskrivelse ==" in res.stdout
    assert "1 fund afventer" in res.stderr
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "paranoid skizofreni" in page


def test_diff_reports_stale_decisions(doc_path: Path, tmp_path: Path) -> None:
    dec = tmp_path / "afg.yaml"
    dec.write_text("afgørelser:\n  f-000000000000:\n    afgørelse: accept\n    tekst: Jens\n",
                   encoding="utf-8")
    res = CliRunner().invoke(main, ["diff", str(doc_path), "--decisions", str(dec),
                                    "--no-color"])
    assert res.exit_code == 0
    assert "passer ikke længere" in res.stderr and "f-000000000000" in res.stderr


def test_diff_refuses_a_missing_or_broken_decisions_file(doc_path: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["diff", str(doc_path), "--decisions",
                                    str(tmp_path / "mangler.yaml")])
    assert res.exit_code == 2 and "findes ikke" in res.stderr
    bad = tmp_path / "afg.yaml"
    bad.write_text("afgørelser: [\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["diff", str(doc_path), "--decisions", str(bad)])
    assert res.exit_code == 2 and str(bad) in res.stderr


def test_review_serves_until_approved_then_writes_both(doc_path: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in browser drives the JSON API: restore the sister, accept the rest, approve."""
    import webbrowser

    errors: list[BaseException] = []

    def browser(url: str) -> bool:
        def drive() -> None:
            try:
                base, token = url.split("/?token=")

                def post(path: str, body: dict) -> dict:
                    req = urllib.request.Request(f"{base}{path}?token={token}",
                                                 data=json.dumps(body).encode(),
                                                 headers={"Content-Type": "application/json"})
                    with urllib.request.urlopen(req, timeout=10) as res:
                        return json.loads(res.read())

                with urllib.request.urlopen(f"{base}/api/state?token={token}", timeout=10) as r:
                    state = json.loads(r.read())
                karen = next(f for f in state["findings"].values()
                             if f["text"] == "Karen Lykke Holm")
                post("/api/decide", {"id": karen["id"], "action": "restore",
                                     "justification": "Søsteren er kontaktperson."})
                post("/api/accept-pending", {})
                post("/api/approve", {"caseworker": "Lone Berg"})
            except BaseException as exc:  # reported by the test below
                errors.append(exc)

        threading.Thread(target=drive, daemon=True).start()
        return True

    monkeypatch.setattr(webbrowser, "open", browser)
    out = tmp_path / "ud.txt"
    res = CliRunner().invoke(main, ["review", str(doc_path), "--areas", "bolig", "-o", str(out)])
    assert errors == []
    assert res.exit_code == 0, res.output
    assert "http://127.0.0.1:" in res.stdout and "token=" in res.stdout
    text = out.read_text(encoding="utf-8")
    assert "Karen Lykke Holm" in text and "paranoid skizofreni" not in text
    assert "[udeladt: rhl. § 10]" in text
    saved = yaml.safe_load((tmp_path / "handleplan.afgoerelser.yaml").read_text("utf-8"))
    assert saved["sagsbehandler"] == "Lone Berg"
    assert {d["afgørelse"] for d in saved["afgørelser"].values()} == {"restore", "accept"}


def test_outputs_never_overwrite_the_input(doc_path: Path) -> None:
    res = CliRunner().invoke(main, ["review", str(doc_path), "--no-browser", "-o", str(doc_path)])
    assert res.exit_code == 2 and "selve inputfilen" in res.stderr
    res = CliRunner().invoke(main, ["diff", str(doc_path), "--html", str(doc_path)])
    assert res.exit_code == 2
    assert doc_path.read_text(encoding="utf-8") == DOC
