"""`gldocs init` and `gldocs validate` through the real CLI group."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import get_args, get_origin

import pytest
from case_fixtures import MAIN_SAMPLE, line_of
from click.testing import CliRunner
from pydantic import BaseModel

from gldocs.case import Case, load_case_text
from gldocs.case.commands import starter_text
from gldocs.case.messages import unwrap
from gldocs.cli import main
from gldocs.errors import CaseFileError
from gldocs.paths import SAMPLES_DIR


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args))


def test_starter_validates_and_is_commented_in_danish() -> None:
    text = starter_text(dt.date(2026, 3, 2))
    assert "dato: 2026-03-02" in text
    assert "reference: HP-2026-0001" in text
    assert "# Sagsfil til gldocs" in text
    assert "__" not in text.replace("# ---", "")


def test_init_writes_a_valid_case(tmp_path: Path) -> None:
    target = tmp_path / "ny" / "sag.yaml"
    result = run("init", str(target))
    assert result.exit_code == 0, result.output
    assert "Skrev en ny sagsfil" in result.output
    text = target.read_text(encoding="utf-8")
    case = load_case_text(text, str(target), allow_placeholders=True)
    assert case.stamoplysninger.handleplan.dato == dt.date.today()
    assert [p.name for p in target.parent.iterdir()] == ["sag.yaml"]  # no temp files left


def test_starter_placeholders_fail_validation(tmp_path: Path) -> None:
    target = tmp_path / "sag.yaml"
    assert run("init", str(target)).exit_code == 0
    result = run("validate", str(target))
    assert result.exit_code == 2
    out = result.output
    assert "'Fornavn Efternavn' er skabelonens eksempeltekst" in out
    assert "stamoplysninger.navn" in out and "stamoplysninger.cpr" in out
    assert "beskrivelse.egen_beretning" in out
    text = target.read_text(encoding="utf-8")
    with pytest.raises(CaseFileError) as exc:
        load_case_text(text, "sag.yaml")
    paths = {p.path for p in exc.value.problems}
    assert "stamoplysninger.handleplansansvarlig.titel" not in paths  # generic values stay
    assert "stamoplysninger.dom.straflaengde" not in paths


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "sag.yaml"
    target.write_text("min egen sag\n", encoding="utf-8")
    result = run("init", str(target))
    assert result.exit_code == 2
    assert "findes allerede" in result.output and "--overwrite" in result.output
    assert target.read_text(encoding="utf-8") == "min egen sag\n"
    assert [p.name for p in tmp_path.iterdir()] == ["sag.yaml"]


def test_init_force_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "sag.yaml"
    target.write_text("min egen sag\n", encoding="utf-8")
    result = run("init", "--force", str(target))
    assert result.exit_code == 0, result.output
    load_case_text(target.read_text(encoding="utf-8"), str(target), allow_placeholders=True)


def test_validate_ok_for_every_sample() -> None:
    samples = sorted(str(p) for p in SAMPLES_DIR.glob("*.yaml"))
    result = run("validate", *samples)
    assert result.exit_code == 0, result.output
    assert result.output.count("OK: ") == len(samples)
    assert "er en gyldig sagsfil" in result.output


def test_validate_reports_errors_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "forkert.yaml"
    text = MAIN_SAMPLE.read_text(encoding="utf-8").replace('"140595-1237"', '"310295-1237"')
    bad.write_text(text, encoding="utf-8")
    result = run("validate", str(MAIN_SAMPLE), str(bad))
    assert result.exit_code == 2
    assert f"OK: {MAIN_SAMPLE}" in result.output
    assert f"Sagsfilen {bad} er ikke gyldig" in result.output
    line = line_of(text, "cpr:")
    assert f"linje {line}, felt 'stamoplysninger.cpr'" in result.output
    assert "1 af 2 sagsfiler er ikke gyldige" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["forkert.yaml"]


def test_validate_missing_file(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "ingen.yaml"))
    assert result.exit_code == 2
    assert "findes ikke" in result.output


def test_validate_needs_a_file() -> None:
    assert run("validate").exit_code == 2


def _field_names(model: type[BaseModel]) -> set[str]:
    names: set[str] = set()
    for name, field in model.model_fields.items():
        names.add(name)
        inner = unwrap(field.annotation)
        if get_origin(inner) is list:
            inner = unwrap(get_args(inner)[0])
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            names |= _field_names(inner)
    return names


def test_starter_shows_every_field_of_the_model() -> None:
    """A caseworker learns the format from the starter: every field is in it (maybe as a
    comment). Adding a field to the model means documenting it there."""
    text = starter_text()
    missing = sorted(n for n in _field_names(Case) if f"{n}:" not in text)
    assert missing == []
