"""Review commands on the real redaction engine and document writer (NER model loads: slow)."""

from __future__ import annotations

import json
import threading
import urllib.request
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from gldocs.cli import main
from gldocs.redact.nlp import model_dir
from gldocs.review.decisions import load_decisions

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (model_dir() / "config.cfg").is_file(),
                       reason="the Danish NER model is not built (gldocs/models)"),
]

# Invented persons and numbers only.
HANDLEPLAN = """1. Stamoplysninger
Navn: Mads Østergaard Vinther
CPR-nr.: 010190-1239
Adresse: Thorsgade 12, 2. th., 8900 Randers C

2. Beskrivelse
Mads bor midlertidigt hos sin søster Karen Lykke Holm, som kan kontaktes på 22 33 44 55.
Mads har diagnosen paranoid skizofreni og tager medicin mod det.
Han ønsker en lejebolig i Randers og har kontakt til jobcentret.
"""


def test_diff_and_review_on_the_real_engine(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "handleplan.txt"
    src.write_text(HANDLEPLAN, encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(main, ["diff", str(src), "--areas", "bolig", "--no-color"])
    assert res.exit_code == 0, res.output
    assert "[-Karen Lykke Holm-]" in res.stdout
    assert "paranoid skizofreni" in res.stdout
    assert "{+[udeladt: helbred (rhl. § 10)]+}" in res.stdout
    assert "== Beskrivelse ==" in res.stdout

    import webbrowser

    def browser(url: str) -> bool:
        base, token = url.split("/?token=")

        def post(path: str, body: dict) -> dict:
            req = urllib.request.Request(f"{base}{path}?token={token}",
                                         data=json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=30) as r:
                return json.loads(r.read())

        def drive() -> None:
            with urllib.request.urlopen(f"{base}/api/state?token={token}", timeout=30) as r:
                state = json.loads(r.read())
            sister = next(f for f in state["findings"].values() if "Karen" in f["text"])
            post("/api/decide", {"id": sister["id"], "action": "restore",
                                 "justification": "Søsteren er boligkontakt for kommunen."})
            post("/api/accept-pending", {})
            post("/api/approve", {"caseworker": "Lone Berg"})

        threading.Thread(target=drive, daemon=True).start()
        return True

    monkeypatch.setattr(webbrowser, "open", browser)
    out = tmp_path / "til-kommunen.txt"
    res = runner.invoke(main, ["review", str(src), "--areas", "bolig", "-o", str(out)])
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    assert "Karen Lykke Holm" in text  # restored by the caseworker
    assert "skizofreni" not in text and "[udeladt: helbred (rhl. § 10)]" in text
    assert "Mads Østergaard Vinther" in text  # the client is kept
    decisions_file = tmp_path / "handleplan.afgoerelser.yaml"
    saved = yaml.safe_load(decisions_file.read_text(encoding="utf-8"))
    assert saved["politik"] == "kommune" and saved["områder"] == ["bolig"]

    # the decisions are re-applied by `gldocs diff --decisions`: the name is no longer struck
    res = runner.invoke(main, ["diff", str(src), "--areas", "bolig", "--no-color",
                               "--decisions", str(decisions_file)])
    assert res.exit_code == 0, res.output
    assert "[-Karen Lykke Holm-]" not in res.stdout and "videregives (gendannet)" in res.stdout
    assert "passer ikke længere" not in res.stderr
    assert any(d.action == "restore" for d in load_decisions(decisions_file).decisions.values())
