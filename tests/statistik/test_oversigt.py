"""``gldocs oversigt`` through the CLI, with deadlines counted by hand.

idag = Thursday 12 November 2026. Hverdage per handleplansvejledningen pkt. 16 (7
hverdage to create the plan, 4 weeks to make it):

* Z: indsat Thu 1.10.2026: oprettet by 12.10 (2, 5, 6, 7, 8, 9, 12 Oct), udarbejdet by
  29.10: both overdue, the oldest on 12.10 -> most urgent.
* X: indsat Mon 2.11.2026: oprettet by 11.11 (3, 4, 5, 6, 9, 10, 11 Nov): overdue;
  udarbejdet by 30.11 is next.
* Y: as X, but the plan was created on 5.11 (an ``udfoert`` entry): nothing overdue.
Release in 2028, so the kommune contact (pkt. 32) falls a year before it, in 2027.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from statistik_cases import make_case, udf

from gldocs.cli import main


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("sager")
    sub = d / "afdeling-b"
    sub.mkdir()
    cases = {
        d / "z.yaml": make_case("HP-O-Z", straflaengde="2 år", indsat="2026-10-01",
                                loesladelse="2028-04-04"),
        d / "x.yaml": make_case("HP-O-X", straflaengde="2 år", indsat="2026-11-02",
                                loesladelse="2028-05-02"),
        sub / "y.yaml": make_case("HP-O-Y", straflaengde="2 år", indsat="2026-11-02",
                                  loesladelse="2028-05-02",
                                  udfoert=[udf("handleplan_oprettet", "2026-11-05")]),
    }
    cases[sub / "y.yaml"]["stamoplysninger"]["handleplansansvarlig"]["navn"] = \
        "Ida Munk Sørensen"
    for path, data in cases.items():
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    (sub / "broken.yaml").write_text("reference: HP-O-B\nstamoplysninger: 3\n",
                                     encoding="utf-8")
    (sub / "y.yaml.afgoerelser.yaml").write_text("{}\n", encoding="utf-8")  # not a case
    return d


def run(folder: Path, tmp_path: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["oversigt", str(folder), "--idag", "2026-11-12",
                                     "--indeks", str(tmp_path / "i.sqlite"), *args])


def test_json_shape_and_urgency(folder: Path, tmp_path: Path) -> None:
    r = run(folder, tmp_path, "--json")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    assert set(d) == {"sager", "fejl"}
    assert [s["reference"] for s in d["sager"]] == ["HP-O-Z", "HP-O-X", "HP-O-Y"]
    z, x, y = d["sager"]
    assert set(z) == {"reference", "fil", "naeste_frist", "overskredne"}
    assert z["overskredne"] == ["handleplan_oprettet", "handleplan_udarbejdet"]
    assert x["overskredne"] == ["handleplan_oprettet"]
    assert x["naeste_frist"] == {"id": "handleplan_udarbejdet", "dato": "2026-11-30"}
    assert y["overskredne"] == [] and y["naeste_frist"]["dato"] == "2026-11-30"
    assert y["fil"].endswith("afdeling-b/y.yaml")
    (fejl,) = d["fejl"]
    assert fejl["fil"].endswith("broken.yaml") and "stamoplysninger" in fejl["fejl"]
    assert "Kasper" not in r.stdout and "110391" not in r.stdout


def test_ansvarlig_filter(folder: Path, tmp_path: Path) -> None:
    d = json.loads(run(folder, tmp_path, "--json", "--ansvarlig", "ida munk  sørensen").stdout)
    assert [s["reference"] for s in d["sager"]] == ["HP-O-Y"]


def test_csv_and_text_carry_no_names(folder: Path, tmp_path: Path) -> None:
    r = run(folder, tmp_path, "--csv")
    assert r.stdout.splitlines()[0] == ("reference;fil;naeste_frist;naeste_frist_dato;"
                                        "overskredne;fejl")
    assert "HP-O-Z" in r.stdout and "Kasper" not in r.stdout
    r = run(folder, tmp_path)  # not a terminal: no names either
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    (z,) = [x for x in lines if x.startswith("HP-O-Z")]  # one line per client
    assert "2: handleplan_oprettet 12.10.2026, handleplan_udarbejdet 29.10.2026" in z
    (x,) = [x for x in lines if x.startswith("HP-O-X")]
    assert "handleplan_udarbejdet 30.11.2026 (om 18 dage)" in x
    assert [x[:6] for x in lines if x.startswith("HP-O-")] == ["HP-O-Z", "HP-O-X", "HP-O-Y"]
    assert "Kasper" not in r.stdout
    assert "1 sagsfil(er) kunne ikke læses" in r.stdout


def test_oversigt_and_statistik_share_the_index(folder: Path, tmp_path: Path) -> None:
    from gldocs.caseload.index import scan

    run(folder, tmp_path, "--json")
    again = scan([folder], horisont=date(2027, 11, 12), index_path=tmp_path / "i.sqlite",
                 progress=False)
    assert again.parsed == 0 and again.reused == 4
    r = CliRunner().invoke(main, ["statistik", str(folder), "--periode", "2026",
                                  "--idag", "2026-11-12", "--format", "json",
                                  "--indeks", str(tmp_path / "i.sqlite")])
    assert r.exit_code == 0 and json.loads(r.stdout)["udeladt"] == 1
