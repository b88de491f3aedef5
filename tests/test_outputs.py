"""Issue 9 §5: outputs never replace an input, each other, or an existing file without
--overwrite; an unwritable output folder is exit 2 in Danish."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from gldocs.cli import main
from gldocs.errors import InputError
from gldocs.outputs import check_outputs, same_file

DOC = ("1. Stamoplysninger\nNavn: Mikkel Storgaard Winther\nCPR-nr.: 150488-1234\n\n"
       "2. Beskrivelse\nMikkel har en kæreste, Vibeke Kronborg, tlf. 61 72 83 94.\n")
BASE = ["--areas", "none", "--no-ner"]


@pytest.fixture
def src(tmp_path: Path) -> Path:
    p = tmp_path / "plan.txt"
    p.write_text(DOC, encoding="utf-8")
    return p


def run(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, [*args])
    return res.exit_code, res.output


def test_existing_output_needs_overwrite(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "ud.txt"
    out.write_text("sagsbehandlerens egen fil\n", encoding="utf-8")
    code, msg = run("redact", str(src), *BASE, "-o", str(out))
    assert code == 2 and "findes allerede" in msg and "--overwrite" in msg and str(out) in msg
    assert out.read_text(encoding="utf-8") == "sagsbehandlerens egen fil\n"
    code, msg = run("redact", str(src), *BASE, "-o", str(out), "--overwrite")
    assert code == 1, msg  # --no-ner output always needs review
    assert "Vibeke" not in out.read_text(encoding="utf-8")


def test_default_output_beside_the_input_is_not_replaced(src: Path) -> None:
    assert run("redact", str(src), *BASE)[0] == 1
    code, msg = run("redact", str(src), *BASE)
    assert code == 2 and "plan_til-kommunen.txt" in msg


def test_report_existing_and_report_equal_to_output(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "ud.txt"
    code, msg = run("redact", str(src), *BASE, "-o", str(out), "--report", str(out))
    assert code == 2 and "samme fil" in msg
    report = tmp_path / "rapport.json"
    report.write_text("{}", encoding="utf-8")
    code, msg = run("redact", str(src), *BASE, "-o", str(out), "--report", str(report))
    assert code == 2 and "rapport.json" in msg and not out.exists()


def test_output_through_a_hard_link_or_symlink_to_the_input(src: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    os.link(src, link)
    code, msg = run("redact", str(src), *BASE, "-o", str(link), "--overwrite")
    assert code == 2 and "inputfilen" in msg
    folder = tmp_path / "genvej"
    folder.symlink_to(tmp_path, target_is_directory=True)
    code, msg = run("redact", str(src), *BASE, "-o", str(folder / "plan.txt"), "--overwrite")
    assert code == 2 and "inputfilen" in msg
    assert src.read_text(encoding="utf-8") == DOC


def test_outputs_of_several_inputs_must_differ(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    for d in (a, b):
        (d / "plan.txt").write_text(DOC, encoding="utf-8")
    code, msg = run("redact", str(a / "plan.txt"), str(b / "plan.txt"), *BASE,
                    "--outdir", str(tmp_path / "ud"))
    assert code == 2 and "samme fil" in msg


def test_decisions_file_is_never_an_output_of_redact(src: Path, tmp_path: Path) -> None:
    dec = tmp_path / "afg.txt"  # YAML under a name the text output could take
    dec.write_text("version: 1\nafgørelser: {}\n", encoding="utf-8")
    code, msg = run("redact", str(src), *BASE, "--decisions", str(dec), "-o", str(dec),
                    "--overwrite")
    assert code == 2 and "inputfilen" in msg


def test_diff_html_never_replaces_existing(src: Path, tmp_path: Path) -> None:
    html = tmp_path / "rapport.html"
    html.write_text("gammel", encoding="utf-8")
    code, msg = run("diff", str(src), *BASE, "--html", str(html))
    assert code == 2 and "--overwrite" in msg and html.read_text(encoding="utf-8") == "gammel"
    assert run("diff", str(src), *BASE, "--html", str(html), "--overwrite")[0] == 0
    assert "gammel" not in html.read_text(encoding="utf-8")


def test_unwritable_output_folder_is_exit_2(src: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("x", encoding="utf-8")
    code, msg = run("redact", str(src), *BASE, "-o", str(blocker / "ud.txt"))
    assert code == 2 and "ikke en mappe" in msg
    code, msg = run("redact", str(src), *BASE, "-o", "/proc/gldocs-findes-ikke/ud.txt")
    assert code == 2 and "Intern fejl" not in msg


def test_check_outputs_directly(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("x", encoding="utf-8")
    assert same_file(a, tmp_path / "." / "a.txt")
    check_outputs([("--html", tmp_path / "ny.html")], [a])
    with pytest.raises(InputError, match="mappe"):
        check_outputs([("-o", tmp_path)], [a])
    check_outputs([("--decisions", a)], [], may_exist=["--decisions"])


def test_review_outputs_distinct_and_existing_output_kept(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "ud.txt"
    code, msg = run("review", str(src), *BASE, "--no-browser", "-o", str(out),
                    "--decisions", str(out))
    assert code == 2 and "samme fil" in msg
    out.write_text("findes", encoding="utf-8")
    code, msg = run("review", str(src), *BASE, "--no-browser", "-o", str(out))
    assert code == 2 and "--overwrite" in msg and out.read_text(encoding="utf-8") == "findes"
