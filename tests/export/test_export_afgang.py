"""``gldocs export --afgang``: the kommune's copy of the afgangsbedømmelse in the package.

Rule-based stand-in for the NER engine, as in test_export_package.py.
"""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest
from click.testing import CliRunner
from export_fixtures import rule_based_analyze, rule_based_document

from gldocs.cli import main
from gldocs.export.log import read_log
from gldocs.paths import SAMPLES_DIR
from gldocs.review import pipeline
from gldocs.review.decisions import Decisions, decision_for, save_decisions

CASE = SAMPLES_DIR / "afsoner-loesladt.yaml"


@pytest.fixture(autouse=True)
def _engine_and_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(pipeline, "analyze_input", rule_based_analyze)
    monkeypatch.setattr(pipeline, "analyze_document", rule_based_document)
    monkeypatch.setenv("GLDOCS_HOME", str(tmp_path / "home"))


def accept_all(case: Path, out: Path) -> Path:
    plan = rule_based_analyze(pipeline.Request(input=case))[1]
    d = Decisions(document=case.name, policy="kommune", caseworker="Trine Holmgaard Nissen")
    for f in plan.needs_review():
        d.decisions[f.id] = decision_for(f, "accept")
    save_decisions(out, d)
    return out


def test_export_carries_the_kommune_copy(tmp_path: Path) -> None:
    import pypdf

    out, logf = tmp_path / "ud", tmp_path / "log.jsonl"
    res = CliRunner().invoke(main, ["export", str(CASE), "--afgang", "--decisions",
                                    str(accept_all(CASE, tmp_path / "a.yaml")),
                                    "--log", str(logf), "-o", str(out)])
    assert res.exit_code == 0, res.output
    names = sorted(p.name for p in out.iterdir())
    assert "afgangsbedoemmelse_HP-2026-0518_til-kommunen.pdf" in names
    text = " ".join(page.extract_text() for page in
                    pypdf.PdfReader(out / "afgangsbedoemmelse_HP-2026-0518_til-kommunen.pdf").pages)
    assert "1. Bolig" in " ".join(text.split())
    eml = (out / "sikker-post-HP-2026-0518.eml").read_bytes()
    msg = email.message_from_bytes(eml, policy=email.policy.default)
    attached = [p.get_filename() for p in msg.iter_attachments()]
    assert "afgangsbedoemmelse_HP-2026-0518_til-kommunen.pdf" in attached
    (entry,) = read_log(logf)[0]
    assert "afgangsbedoemmelse_HP-2026-0518_til-kommunen.pdf" in {d.name for d in entry.documents}


def test_export_afgang_refused_without_consent(tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load(CASE.read_text(encoding="utf-8"))
    a = data["afgang"]
    for key in ("samtykke", "sendt_til_kommunen", "indsigelsesfrist", "kommunens_svar"):
        a.pop(key)
    case = tmp_path / "sag.yaml"
    case.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    res = CliRunner().invoke(main, ["export", str(case), "--afgang", "--log",
                                    str(tmp_path / "l.jsonl"), "-o", str(tmp_path / "ud")])
    assert res.exit_code == 2 and "samtykke" in res.output
    assert not (tmp_path / "ud").exists()
