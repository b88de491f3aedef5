"""End to end through the real CLI: ``gldocs redact`` on a generated .docx, .pdf and a scan."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docfmt_fixtures as fx
import pytest

from gldocs.document.io import read_document

pytestmark = pytest.mark.slow

GLDOCS = Path(sys.executable).with_name("gldocs")
# Third-party data the redactor must find; the writer alone takes care of the rest.
FOUND_BY_REDACTOR = [fx.SISTER, fx.PHONE, fx.MAIL, fx.FOOTER_CPR, fx.FRIEND]
CLEANED_BY_WRITER = [fx.HIDDEN, fx.DELETED, fx.ALT_NAME, fx.CUSTOM_NAME, "mailto:"]


def _redact(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(GLDOCS), "redact", *args, "--policy", "kommune"],
                          capture_output=True, text=True, timeout=600, check=False)


def test_docx_and_pdf_through_the_cli(tmp_path: Path) -> None:
    docx_in = fx.build_docx(tmp_path / "plan.docx")
    pdf_in = fx.build_pdf(tmp_path / "plan.pdf")
    outdir = tmp_path / "ud"
    report = tmp_path / "rapport.json"
    run = _redact(str(docx_in), str(pdf_in), "--areas", "bolig", "--outdir", str(outdir),
                  "--report", str(report))
    assert run.returncode in (0, 1), run.stderr
    assert report.is_file() and json.loads(report.read_text(encoding="utf-8"))

    parts = fx.all_parts_text(outdir / "plan_til-kommunen.docx")
    for name, text in parts.items():
        for gone in FOUND_BY_REDACTOR + CLEANED_BY_WRITER:
            assert gone not in text, f"{gone!r} left in {name}"
    shown = [u.text for u in read_document(outdir / "plan_til-kommunen.docx").units]
    assert f"Navn: {fx.CLIENT}" in shown and f"CPR-nr.: {fx.CLIENT_CPR}" in shown

    text, raw = fx.pdf_everything(outdir / "plan_til-kommunen.pdf")
    flat = " ".join(text.split())
    assert f"Navn: {fx.CLIENT}" in flat
    for gone in [*FOUND_BY_REDACTOR, fx.HIDDEN, fx.ALT_NAME, fx.CUSTOM_NAME]:
        assert gone not in flat and gone not in raw, gone


def test_scanned_pdf_exit_2_and_nothing_written(tmp_path: Path) -> None:
    scan = fx.build_scanned_pdf(tmp_path / "scannet.pdf")
    out = tmp_path / "ud.pdf"
    run = _redact(str(scan), "--areas", "none", "-o", str(out))
    assert run.returncode == 2
    assert "intet tekstlag" in run.stderr
    assert not out.exists()
