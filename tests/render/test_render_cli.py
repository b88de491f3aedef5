"""``gldocs render`` through click's runner: outputs, refusals, bad input, atomicity."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from render_fixtures import MAIN, sample

import gldocs.render.commands as commands
from gldocs.cli import main
from gldocs.paths import SAMPLES_DIR
from gldocs.render import output_name


def run(*args: str):
    return CliRunner().invoke(main, ["render", *args])


def test_default_renders_both_documents_in_both_formats(tmp_path: Path) -> None:
    out = tmp_path / "ud"
    result = run(str(SAMPLES_DIR / f"{MAIN}.yaml"), "-o", str(out))
    assert result.exit_code == 0, result.output
    case = sample(MAIN)
    expected = {output_name(case, d, f) for d in ("handleplan", "foelgeskrivelse")
                for f in ("docx", "pdf")}
    assert {p.name for p in out.iterdir()} == expected
    assert "Skrev 4 filer" in result.output
    assert "Emnelinje til sikker post:" in result.output
    assert case.stamoplysninger.navn not in result.output


def test_one_document_one_format(tmp_path: Path) -> None:
    result = run(str(SAMPLES_DIR / f"{MAIN}.yaml"), "--doc", "foelgeskrivelse",
                 "--format", "pdf", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == [
        output_name(sample(MAIN), "foelgeskrivelse", "pdf")]
    assert "Skrev 1 fil " in result.output


def test_udvist_all_renders_the_plan_and_explains_the_missing_letter(tmp_path: Path) -> None:
    result = run(str(SAMPLES_DIR / "udvist.yaml"), "-o", str(tmp_path))
    # no coordination with the kommune: never told to redact the plan for it
    assert "gldocs redact" not in result.output
    assert "der koordineres ikke med kommunen" in result.output
    assert result.exit_code == 0, result.output
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".docx", ".pdf"]
    assert all(p.name.startswith("handleplan_") for p in tmp_path.iterdir())
    assert "Følgeskrivelsen er ikke dannet" in result.output


@pytest.mark.parametrize("name", ["udvist", "varetaegt"])
def test_asking_for_a_refused_foelgeskrivelse_exits_2_and_writes_nothing(
        tmp_path: Path, name: str) -> None:
    out = tmp_path / "ud"
    result = run(str(SAMPLES_DIR / f"{name}.yaml"), "--doc", "foelgeskrivelse", "-o", str(out))
    assert result.exit_code == 2
    assert "Fejl:" in result.output and "følgeskrivelse" in result.output
    assert f"{name}.yaml" in result.output and "stamoplysninger." in result.output
    assert not out.exists()


def test_bad_case_file_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "sag.yaml"
    text = (SAMPLES_DIR / f"{MAIN}.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace('cpr: "140595-1237"', 'cpr: "999999-1237"'), encoding="utf-8")
    out = tmp_path / "ud"
    result = run(str(bad), "-o", str(out))
    assert result.exit_code == 2
    assert "sag.yaml" in result.output and "cpr" in result.output
    assert not out.exists()


@pytest.mark.parametrize("args", [["--doc", "brev"], ["--format", "odt"]])
def test_bad_option_exits_2(tmp_path: Path, args: list[str]) -> None:
    result = run(str(SAMPLES_DIR / f"{MAIN}.yaml"), *args, "-o", str(tmp_path / "ud"))
    assert result.exit_code == 2
    assert "Ugyldig værdi" in result.output
    assert not (tmp_path / "ud").exists()


def test_missing_case_file_exits_2(tmp_path: Path) -> None:
    result = run(str(tmp_path / "findes-ikke.yaml"), "-o", str(tmp_path / "ud"))
    assert result.exit_code == 2
    assert "findes ikke" in result.output


def test_a_failure_in_the_last_document_leaves_nothing_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = commands.render_document

    def failing(case, doc, fmt, banner=None):
        if doc == "foelgeskrivelse" and fmt == "pdf":
            raise RuntimeError("disken er fuld")
        return real(case, doc, fmt, banner)

    monkeypatch.setattr(commands, "render_document", failing)
    out = tmp_path / "ud"
    result = run(str(SAMPLES_DIR / f"{MAIN}.yaml"), "-o", str(out))
    assert result.exit_code == 3
    assert not out.exists() or list(out.iterdir()) == []


def test_banner_option(tmp_path: Path) -> None:
    from render_fixtures import pdf_text

    result = run(str(SAMPLES_DIR / f"{MAIN}.yaml"), "--doc", "handleplan", "--format", "pdf",
                 "--banner", "IKKE TIL VIDEREGIVELSE", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    (pdf,) = tmp_path.iterdir()
    assert "IKKE TIL VIDEREGIVELSE" in pdf_text(pdf.read_bytes())


def _letter_text(path: Path) -> str:
    import io

    import docx

    return "\n".join(p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs)


def test_dated_letter_warns_on_stderr_with_exit_0(tmp_path: Path) -> None:
    # the main sample: kommune contact due 10 March 2026 (pkt. 32), meeting 10 December 2026
    result = CliRunner().invoke(main, [
        "render", str(SAMPLES_DIR / f"{MAIN}.yaml"), "--doc", "foelgeskrivelse",
        "--format", "docx", "--dato", "2026-12-20", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Advarsel:" not in result.stdout
    err = result.stderr
    assert "Advarsel: Dokumenterne er interne" in err and "gldocs redact" in err
    assert "Løsladelsesmødet er foreslået snarest muligt" in err
    text = _letter_text(tmp_path / output_name(sample(MAIN), "foelgeskrivelse", "docx"))
    assert "Dato: 20. december 2026" in text
    assert "snarest muligt og senest 10. februar 2027" in text
    assert "begrænset" not in text  # a plain render never claims the plan was limited


def test_bad_letter_date(tmp_path: Path) -> None:
    result = run(str(SAMPLES_DIR / f"{MAIN}.yaml"), "--dato", "20-12-2026", "-o",
                 str(tmp_path))
    assert result.exit_code == 2
    assert "--dato" in result.output
    assert not any(tmp_path.iterdir())


@pytest.mark.slow
def test_til_kommune_renders_from_the_redacted_case(tmp_path: Path) -> None:
    src = tmp_path / "sag.yaml"
    src.write_text((SAMPLES_DIR / f"{MAIN}.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "ud"
    result = CliRunner().invoke(main, ["render", str(src), "--format", "docx",
                                       "--til-kommune", "-o", str(out)])
    assert result.exit_code == 0, result.output
    case = sample(MAIN)
    letter = _letter_text(out / output_name(case, "foelgeskrivelse", "docx"))
    assert "begrænset til de oplysninger, kommunen har brug for" in letter
    # the redacted plan names its recipient in its file name and its header
    plan_file = out / output_name(case, "handleplan", "docx").replace(".docx",
                                                                      "_til-kommunen.docx")
    plan = _letter_text(plan_file)
    for person in case.personer:  # private persons are removed from the kommune's copy
        assert person.navn not in plan
    assert not (out / output_name(case, "handleplan", "docx")).exists()
    assert "Kommunens politik er kørt på sagen" in result.stderr
    assert "Dokumenterne er interne" not in result.stderr
