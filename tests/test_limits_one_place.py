"""Issue 9 §4 (audit round): every resource limit lives in gldocs.limits and its override
works both ways. The review server's body limit had a fixed floor of 1 MB (lowering
``forespoergsel-kb`` did nothing) and the case file's 2 MB cap was a constant of its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import gldocs
from gldocs.cli import main
from gldocs.limits import ENV


def test_case_file_limit_is_a_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = tmp_path / "sag.yaml"
    case.write_text("# " + "x" * 3000 + "\nklient: {}\n", encoding="utf-8")
    monkeypatch.setenv(ENV, "sag-kb=2")
    res = CliRunner().invoke(main, ["validate", str(case)])
    assert res.exit_code == 2 and "for stor" in res.output and "sag-kb" in res.output


def test_no_resource_constant_outside_limits() -> None:
    """A module-level MAX_*BYTES/BODY/SIZE constant is a limit kept somewhere else."""
    root = Path(gldocs.__file__).parent
    pattern = re.compile(r"^_?MAX_\w*(?:BYTES|BODY|SIZE|MB|KB)\s*=", re.MULTILINE)
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if p.name != "limits.py" and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
