"""Day-one comfort: the log's location, the settings file, the review page's name."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from gldocs.cli import main


def test_log_sti_default_env_and_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    home = Path(__import__("os").environ["GLDOCS_HOME"])
    res = runner.invoke(main, ["log", "sti"])
    assert res.exit_code == 0, res.output
    assert res.stdout.strip() == str(home / "videregivelseslog.jsonl")
    assert "standard; vælg en anden med GLDOCS_LOG=STI eller --log STI" in res.stderr
    assert "findes ikke endnu (oprettes ved første eksport)" in res.stderr
    monkeypatch.setenv("GLDOCS_LOG", str(tmp_path / "env.jsonl"))
    res = runner.invoke(main, ["log", "sti"])
    assert res.stdout.strip() == str(tmp_path / "env.jsonl")
    assert "miljøvariablen GLDOCS_LOG" in res.stderr
    res = runner.invoke(main, ["log", "sti", "--log", str(tmp_path / "valgt.jsonl")])
    assert res.stdout.strip() == str(tmp_path / "valgt.jsonl") and "--log" in res.stderr


def test_settings_show_and_set() -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["indstillinger"])
    assert res.exit_code == 0 and "sagsbehandler: (ikke sat)" in res.output
    res = runner.invoke(main, ["indstillinger", "saet", "sagsbehandler", "Maja Kjær"])
    assert res.exit_code == 0 and "sagsbehandler er sat til »Maja Kjær«" in res.output
    assert "sagsbehandler: Maja Kjær" in runner.invoke(main, ["indstillinger"]).output
    res = runner.invoke(main, ["indstillinger", "saet", "farve", "blå"])
    assert res.exit_code == 2 and "Ukendt indstilling 'farve'" in res.output


def test_review_name_never_from_the_operating_system(monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass

    from gldocs.case import load_case
    from gldocs.document.base import SourceDocument
    from gldocs.review.commands import _caseworker, _remember_caseworker
    from gldocs.settings import load_settings

    monkeypatch.setattr(getpass, "getuser", lambda: "jbf0042")
    monkeypatch.setenv("USER", "jbf0042")
    plain = SourceDocument(path=Path("x.txt"), kind="txt", units=[])
    assert _caseworker(plain) == ""  # nothing known: the page asks
    sample = Path(__file__).resolve().parents[1] / "samples" / "afsoner-proeveloesladelse.yaml"
    case = load_case(sample)
    doc = SourceDocument(path=sample, kind="case", units=[], handle=case)
    assert _caseworker(doc) == case.stamoplysninger.handleplansansvarlig.navn
    _remember_caseworker("Lone Berg")  # the first approval confirms the name once …
    assert load_settings()["sagsbehandler"] == "Lone Berg"
    assert _caseworker(doc) == "Lone Berg"  # … and it is used from then on
    _remember_caseworker("Anden Person")
    assert load_settings()["sagsbehandler"] == "Lone Berg"
