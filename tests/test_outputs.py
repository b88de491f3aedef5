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


# ------------------------------------------------------------ the commands that write files
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
PLAN = SAMPLES / "afsoner-proeveloesladelse.yaml"
LOESLADT = SAMPLES / "afsoner-loesladt.yaml"
MINE = b"sagsbehandlerens egen fil\n"


def _guarded(tmp_path: Path, args: list[str], target: Path) -> None:
    """``target`` exists: the command refuses (exit 2, naming it, saying what to do) and
    writes nothing; with --overwrite it replaces the file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(MINE)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    code, msg = run(*args)
    assert code == 2, msg
    assert str(target) in msg and "findes allerede" in msg and "--overwrite" in msg
    assert target.read_bytes() == MINE
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    code, msg = run(*args, "--overwrite")
    assert code == 0, msg
    assert target.read_bytes() != MINE and target.stat().st_size > 0


def test_render_never_replaces_a_rendered_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["render", str(PLAN), "-o", str(out), "--dato", "2026-11-02"]
    _guarded(tmp_path, args, out / "foelgeskrivelse_HP-2026-0142_v2.pdf")
    assert len(list(out.iterdir())) == 4
    code, msg = run(*args)  # a second run: the caseworker is told what to do
    assert code == 2 and "anden mappe med -o" in msg and "--overwrite" in msg


def test_render_output_folder_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("x", encoding="utf-8")
    code, msg = run("render", str(PLAN), "-o", str(blocker / "ud"))
    assert code == 2 and "er en fil, ikke en mappe" in msg


def test_afgang_never_replaces(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _guarded(tmp_path, ["afgang", str(LOESLADT), "-o", str(out), "--format", "pdf"],
             out / "afgangsbedoemmelse_HP-2026-0518.pdf")


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_tjekliste_never_replaces(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    args = ["tjekliste", str(PLAN), "--format", fmt, "-o", str(out), "--idag", "2026-11-02"]
    code, msg = run(*args)
    assert code == 0, msg
    (written,) = out.iterdir()
    written.unlink()
    _guarded(tmp_path, args, written)


def _statistik(tmp_path: Path, *args: str) -> list[str]:
    return ["statistik", str(SAMPLES), "--periode", "2026", "--idag", "2027-01-15",
            "--indeks", str(tmp_path / "indeks" / "i.sqlite"), *args]


def test_statistik_output_and_diagram_never_replace(tmp_path: Path) -> None:
    run(*_statistik(tmp_path))  # the index exists before the guarded runs
    _guarded(tmp_path, _statistik(tmp_path, "-o", str(tmp_path / "stat.txt")),
             tmp_path / "stat.txt")
    _guarded(tmp_path, _statistik(tmp_path, "--diagram", str(tmp_path / "d.svg")),
             tmp_path / "d.svg")


def test_statistik_output_is_not_the_index_nor_the_diagram(tmp_path: Path) -> None:
    index = tmp_path / "indeks" / "i.sqlite"
    code, msg = run(*_statistik(tmp_path, "-o", str(index), "--overwrite"))
    assert code == 2 and "samme fil" in msg
    svg = tmp_path / "d.svg"
    code, msg = run(*_statistik(tmp_path, "-o", str(svg), "--diagram", str(svg)))
    assert code == 2 and "samme fil" in msg and not svg.exists()


def test_init_never_replaces(tmp_path: Path) -> None:
    target = tmp_path / "sag.yaml"
    _guarded(tmp_path, ["init", str(target)], target)
    assert "stamoplysninger" in target.read_text(encoding="utf-8")


def test_statistik_output_is_not_the_default_index(tmp_path: Path) -> None:
    index = tmp_path / "cache" / "gldocs" / "sagsindeks.sqlite"
    res = CliRunner().invoke(main, ["statistik", str(SAMPLES), "--periode", "2026", "-o",
                                    str(index), "--overwrite"],
                             env={"XDG_CACHE_HOME": str(tmp_path / "cache"),
                                  "GLDOCS_INDEKS": None})
    assert res.exit_code == 2 and "samme fil" in res.output and not index.exists()
