"""Every caseworker-facing message of the day-one list, through the CLI."""

from __future__ import annotations

import errno
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from gldocs.cli import COMMANDS, main
from gldocs.sprog import antal, os_fejl

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "afsoner-proeveloesladelse.yaml"


@pytest.mark.parametrize("command", ["validate", "render"])
@pytest.mark.parametrize(("name", "data", "kind"), [
    ("plan.pdf", b"%PDF-1.7\n%stuff", "en PDF"),
    ("plan.docx", b"PK\x03\x04rest-of-a-zip", "et Word-dokument"),
])
def test_documents_are_not_case_files(tmp_path: Path, command: str, name: str, data: bytes,
                                      kind: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    res = CliRunner().invoke(main, [command, str(path)])
    assert res.exit_code == 2
    assert f"{path} er {kind}; det er ikke en sagsfil (YAML)." in res.output
    assert "UTF-8" not in res.output


def _all_help() -> str:
    runner = CliRunner()
    out = []
    for name in COMMANDS:
        res = runner.invoke(main, [name, "--help"])
        assert res.exit_code == 0, (name, res.output)
        out.append(res.output)
    for sub in (["policies", "show"], ["policies", "check"], ["log", "sti"],
                ["indstillinger", "saet"]):
        out.append(runner.invoke(main, [*sub, "--help"]).output)
    return "\n".join(out)


def test_help_is_danish_throughout() -> None:
    text = _all_help()
    for english in ("PATH", "FILE", "FILES", "INPUT", "INPUTS", "NAME", "CASE.yaml",
                    "DIRECTORY", "TEXT", "INTEGER", "f.eks.", "e.g.", "x>=1"):
        assert not re.search(rf"(?<![\w.]){re.escape(english)}(?![\w])", text), english
    for danish in ("redact [TILVALG] FIL...", "render [TILVALG] SAG",
                   "validate [TILVALG] SAG...", "init [TILVALG] FIL\n",
                   "--outdir MAPPE", "(fx bolig,misbrug)", "--explain [alle]"):
        assert danish in text, danish


def test_counted_nouns_and_os_errors() -> None:
    assert antal(1, "linje", "linjer") == "1 linje"
    assert antal(0, "linje", "linjer") == "0 linjer"
    assert antal(2, "afgørelse", "afgørelser") == "2 afgørelser"
    assert os_fejl(PermissionError(errno.EACCES, "Permission denied")) == "adgang nægtet"
    assert os_fejl(OSError(errno.ENOSPC, "No space left on device")) == \
        "der er ikke mere plads på disken"
    assert "systemfejl" in os_fejl(OSError(9999, "Odd"))


def test_unwritable_output_folder_is_danish(tmp_path: Path) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("x", encoding="utf-8")
    res = CliRunner().invoke(main, ["init", str(blocker / "ny.yaml")])
    assert res.exit_code == 2
    assert f"{blocker} er en fil, ikke en mappe" in res.output
    assert "File exists" not in res.output


def test_unexpected_os_error_is_exit_2_in_danish(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    import gldocs.case.commands as case_commands

    def refuse(*_args: object, **_kw: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "x.yaml"))

    monkeypatch.setattr(case_commands, "load_case", refuse)
    res = CliRunner().invoke(main, ["validate", str(SAMPLE)])
    assert res.exit_code == 2
    assert res.output.strip() == f"Fejl: {tmp_path / 'x.yaml'}: adgang nægtet."
