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
    code, out, _ = run(*BASE, "--json", "--idag", "2026-11-25")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["klienttype", "idag", "loesladelse", "bemaerkninger", "frister"]
    assert data["frister"], "expected deadlines"
    for item in data["frister"]:
        assert list(item)[:5] == ["id", "dato", "hjemmel", "tekst", "art"]
        assert item["status"] in ("opfyldt", "overskredet", "snart", "kommende")
        assert len(item["dato"]) == 10 and item["dato"][4] == "-"
    dates = [item["dato"] for item in data["frister"]]
    assert dates == sorted(dates)
    # Saturday 26 December 2026 is moved to Wednesday 23 December
    assert data["loesladelse"] == {
        "proeveloesladelse": None,
        "endt_straf": {"dato": "2026-12-23", "oprindelig": "2026-12-26", "fremrykket": True},
        "regnes_fra": "endt_straf",
    }
    assert "æ" in out or "ø" in out  # not ASCII-escaped


def test_checklist_status_relative_to_idag() -> None:
    code, out, _ = run(*BASE, "--idag", "2026-11-25")
    assert code == 0
    assert "opgjort 25. november 2026" in out
    assert "Løsladelse efter endt straf: onsdag den 23. december 2026 (fremrykket 3 dage" in out
    assert "[!] onsdag den 14. januar 2026 – overskredet med 315 dage" in out  # oprettet
    assert "[ ] onsdag den 25. november 2026 – i dag" in out  # moeder_loesladelsesdag
    assert "[ ] onsdag den 9. december 2026 – om 14 dage" in out  # engangshjælp
    assert "Hjemmel: Handleplansvejledningen pkt. 16 (handleplanscirkulæret § 5, stk. 1)" in out
    # statutory deadlines before the køreplan's, before the guidelines
    lov = out.index("Lovbestemte frister")
    kp = out.index("Køreplan for god løsladelse (aftalt samarbejdsmetode")
    rl = out.index("Kriminalforsorgens retningslinjer")
    assert lov < kp < rl
    assert out.index("(id: handleplan_oprettet)") < kp
    assert kp < out.index("(id: moeder_loesladelsesdag)") < rl


def test_om_1_dag() -> None:
    code, out, _ = run(*BASE, "--idag", "2026-12-08")
    assert code == 0
    assert "– om 1 dag" in out


def test_flags() -> None:
    _, out, _ = run(*BASE, "--json", "--udvist", "--radikalisering")
    ids = {i["id"] for i in json.loads(out)["frister"]}
    assert "kommune_kontakt" not in ids and "loesladelsesmoede" not in ids
    assert "infohus_underretning" in ids
    _, out, _ = run(*BASE, "--udvist")
    assert "Udvist ved dom: ingen frister om kommunen" in out
    _, out, _ = run("frister", "--klienttype", "varetaegt", "--indsat", "2026-01-05")
    assert "Varetægtsarrestant: kun oprettelsesfristen" in out
    assert "Frister for varetægtsarrestant" in out


def test_paragraf_68_69_tilsyn_or_institution_from_the_options() -> None:
    _, out, _ = run("frister", "--json", "--klienttype", "paragraf-68-69",
                    "--tilsynssamtale", "2026-03-10", "--idag", "2026-03-11")
    ids = {i["id"]: i["dato"] for i in json.loads(out)["frister"]}
    assert "handleplan_oprettet" not in ids  # tilsyn: pkt. 17
    assert ids["handleplan_udarbejdet"] == "2026-04-07"
    assert ids["evaluering_1"] == "2026-09-10"  # 6 months
    _, out, _ = run("frister", "--json", "--klienttype", "paragraf-68-69",
                    "--indsat", "2026-01-05", "--idag", "2026-01-06")
    ids = {i["id"]: i["dato"] for i in json.loads(out)["frister"]}
    assert ids["handleplan_oprettet"] == "2026-01-14"  # institution: pkt. 16


def test_proeveloesladelse_afslag_option() -> None:
    args = ["frister", "--json", "--klienttype", "afsoner", "--indsat", "2025-01-06",
            "--proeveloesladelse", "2026-11-08", "--loesladelse", "2027-06-06",
            "--straf-dage", "881", "--idag", "2026-09-16"]
    _, out, _ = run(*args)
    data = json.loads(out)
    assert data["loesladelse"]["regnes_fra"] == "proeveloesladelse"
    _, out, _ = run(*args, "--proeveloesladelse-afslag", "2026-09-15")
    data = json.loads(out)
    assert data["loesladelse"]["regnes_fra"] == "endt_straf"
    ids = {i["id"]: i["dato"] for i in data["frister"]}
    assert ids["loesladelsesmoede"] == "2027-03-02"
    assert "kif_moede" not in ids


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
    assert overridden["kif_moede"] == "2030-06-12"  # Wednesday 5 June: not moved
    code, out, _ = run("frister", str(sample), "--json", "--udvist")
    ids = {i["id"] for i in json.loads(out)["frister"]}
    assert "kommune_kontakt" not in ids


def test_status_from_the_case_files_done_entries(tmp_path: Path) -> None:
    sample = SAMPLES_DIR / "afsoner-proeveloesladelse.yaml"
    text = sample.read_text(encoding="utf-8")
    if "\nudfoert:" in text:
        text = text[: text.index("\nudfoert:")] + "\n"
    text += ("udfoert:\n"
             "  - frist: handleplan_oprettet\n    dato: 2026-03-18\n"
             "  - frist: handleplan_udarbejdet\n    dato: 2026-04-09\n"
             "    note: Klienten var indlagt\n")
    case = tmp_path / "sag.yaml"
    case.write_text(text, encoding="utf-8")
    code, out, _ = run("frister", str(case), "--json", "--idag", "2026-06-20")
    assert code == 0
    items = {i["id"]: i for i in json.loads(out)["frister"]}
    # indsat Tue 10 March 2026: + 7 hverdage = Thu 19 March, + 4 weeks = Tue 7 April
    assert items["handleplan_oprettet"]["status"] == "opfyldt"
    assert items["handleplan_oprettet"]["opfyldt"] == "2026-03-18"
    assert items["handleplan_oprettet"]["for_sent"] is False
    assert items["handleplan_udarbejdet"]["for_sent"] is True
    assert items["handleplan_udarbejdet"]["note"] == "Klienten var indlagt"
    # 10 March + 3 months = 10 June: not done, 10 days before --idag
    assert items["evaluering_1"]["status"] == "overskredet"
    assert "opfyldt" not in items["evaluering_1"]
    # the second evaluation, 10 September 2026, is more than 14 days ahead
    assert items["evaluering_2"]["status"] == "kommende"
    code, out, _ = run("frister", str(case), "--idag", "2026-06-20")
    assert "[x] torsdag den 19. marts 2026 – opfyldt 18. marts 2026" in out
    assert "opfyldt 9. april 2026 (for sent)" in out
    assert "Note: Klienten var indlagt" in out
