"""``gldocs frister`` through click's runner: JSON shape, overrides, checklist, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gldocs.cli import main
from gldocs.paths import SAMPLES_DIR

BASE = ["frister", "--klienttype", "afsoner", "--indsat", "2026-01-05",
        "--loesladelse", "2026-12-26", "--straf-dage", "355"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_json_shape() -> None:
    code, out, _ = run(*BASE, "--json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["frister"]
    assert data["frister"], "expected deadlines"
    for item in data["frister"]:
        assert list(item) == ["id", "dato", "hjemmel", "tekst", "art", "status"]
        assert len(item["dato"]) == 10 and item["dato"][4] == "-"
    dates = [item["dato"] for item in data["frister"]]
    assert dates == sorted(dates)
    moved = [i for i in data["frister"] if i["id"] == "loesladelse_fremrykket"]
    assert moved == [{
        "id": "loesladelse_fremrykket", "dato": "2026-12-23",
        "hjemmel": "Løsladelsesbekendtgørelsen § 21 (guide 3.3.5)",
        "tekst": "Løsladelsen den 26. december 2026 falder på en lørdag og fremrykkes til "
                 "onsdag den 23. december 2026.",
        "art": "lovbestemt", "status": "kommende",
    }]
    assert "æ" in out or "ø" in out  # not ASCII-escaped


def test_checklist_status_relative_to_idag() -> None:
    code, out, _ = run(*BASE, "--idag", "2026-11-25")
    assert code == 0
    assert "opgjort 25. november 2026" in out
    assert "Forventet løsladelse: onsdag den 23. december 2026" in out
    assert "onsdag den 14. januar 2026 (overskredet)" in out  # handleplan_oprettet
    assert "onsdag den 25. november 2026 (i dag)" in out  # moeder_loesladelsesdag
    assert "onsdag den 9. december 2026 (om 14 dage)" in out  # engangshjælp
    assert "onsdag den 23. september 2026 (passeret)" in out  # mentor_tidligst: earliest
    assert "Hjemmel: Handleplansvejledningen pkt. 16" in out
    assert "Handleplanen skal være oprettet senest 7 hverdage efter indsættelsen." in out


def test_om_1_dag() -> None:
    code, out, _ = run(*BASE, "--idag", "2026-12-08")
    assert code == 0
    assert "(om 1 dag)" in out


def test_flags() -> None:
    _, out, _ = run(*BASE, "--json", "--udvist", "--radikalisering")
    ids = {i["id"] for i in json.loads(out)["frister"]}
    assert "kommune_kontakt" not in ids and "loesladelsesmoede" not in ids
    assert "infohus_underretning" in ids
    _, out, _ = run(*BASE, "--udvist")
    assert "Udvist ved dom: ingen frister om kommunen" in out
    _, out, _ = run("frister", "--klienttype", "varetaegt", "--indsat", "2026-01-05")
    assert "Varetægtsarrestant: ingen koordinering med kommunen" in out
    assert "Frister for varetægtsarrestant" in out


def test_no_deadlines_message() -> None:
    code, out, _ = run("frister", "--klienttype", "afsoner")
    assert code == 0
    assert "Ingen frister" in out


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--indsat", "2026-02-30"], "--indsat"),
        (["--loesladelse", "26-12-2026"], "--loesladelse"),
        (["--idag", "i morgen"], "--idag"),
        (["--overfoert", ""], "--overfoert"),
        (["--straf-dage", "tre"], "--straf-dage"),
        (["--straf-dage", "0"], "--straf-dage"),
        (["--klienttype", "fange"], "--klienttype"),
    ],
)
def test_bad_input_exit_2(args: list[str], needle: str) -> None:
    code, out, err = run(*BASE, *args)
    assert code == 2
    assert needle in err
    assert err.startswith("Fejl: Ugyldig")
    assert out == ""


def test_neither_case_nor_klienttype() -> None:
    code, _, err = run("frister", "--indsat", "2026-01-05")
    assert code == 2
    assert "--klienttype" in err


def test_missing_case_file(tmp_path: Path) -> None:
    code, _, err = run("frister", str(tmp_path / "findes-ikke.yaml"))
    assert code == 2
    assert "findes-ikke.yaml" in err


def _a_sample() -> Path:
    for path in sorted(SAMPLES_DIR.glob("*.yaml")):
        from gldocs.case import load_case

        if load_case(path).stamoplysninger.klienttype.value == "afsoner":
            return path
    pytest.skip("no afsoner sample case yet")


def test_case_file_and_overrides() -> None:
    sample = _a_sample()
    code, out, _ = run("frister", str(sample), "--json")
    assert code == 0
    from_case = json.loads(out)["frister"]
    assert from_case
    code, out, _ = run("frister", str(sample), "--json", "--indsat", "2020-02-03",
                       "--proeveloesladelse", "2030-06-05", "--straf-dage", "5000")
    assert code == 0
    overridden = {i["id"]: i["dato"] for i in json.loads(out)["frister"]}
    assert overridden["handleplan_oprettet"] == "2020-02-12"
    assert "loesladelse_fremrykket" not in overridden
    assert overridden["kif_moede"] == "2030-06-12"  # Wednesday 5 June: not moved
    code, out, _ = run("frister", str(sample), "--json", "--udvist")
    ids = {i["id"] for i in json.loads(out)["frister"]}
    assert "kommune_kontakt" not in ids
