"""Output formats and charts of ``gldocs statistik``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from statistik_cases import write_cases

from gldocs.cli import main


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("sager")
    write_cases(d)
    return d


def run(folder: Path, tmp_path: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["statistik", str(folder), "--idag", "2027-01-15",
                                     "--indeks", str(tmp_path / "i.sqlite"), *args])


def test_xlsx_has_one_sheet_per_table(folder: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "stat.xlsx"
    r = run(folder, tmp_path, "--periode", "2026", "--format", "xlsx", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Om opgørelsen"
    assert wb.sheetnames[1:] == ["Dækning", "Elementer", "Fordeling 3-2-1-0",
                                 "Kommunens svar", "Målepunkter", "Enhed", "Klienttype",
                                 "Straflængde", "Kvartaler"]
    ws = wb["Fordeling 3-2-1-0"]
    assert ws["A1"].value == "Antal af de 3 elementer på plads"
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=3)]
    # 2026: A 3; B 1; C 3 (egen bolig, uddannelse, SU); F 2; G 1; K 0
    assert [r[:2] for r in rows] == [["3 af 3", 2], ["2 af 3", 1], ["1 af 3", 2],
                                     ["0 af 3", 1]]
    assert abs(rows[0][2] - 2 / 6) < 1e-9
    # xlsx needs a file, and an existing file is never overwritten
    assert run(folder, tmp_path, "--periode", "2026", "--format", "xlsx").exit_code == 2
    again = run(folder, tmp_path, "--periode", "2026", "--format", "xlsx", "-o", str(out))
    assert again.exit_code == 2 and "findes allerede" in again.stderr


def test_csv_and_html(folder: Path, tmp_path: Path) -> None:
    r = run(folder, tmp_path, "--periode", "2026-Q4", "--format", "csv")
    rows = list(csv.reader(io.StringIO(r.stdout), delimiter=";"))
    assert rows[0] == ["tabel", "raekke", "kolonne", "vaerdi"]
    assert ["Løsladelser og afgangsbedømmelser", "Alle løsladelser", "Løsladelser", "6"] in rows
    r = run(folder, tmp_path, "--periode", "2026-Q4", "--format", "html")
    assert r.stdout.startswith("<!DOCTYPE html>") and 'lang="da"' in r.stdout
    assert "<td class=\"n\">6</td>" in r.stdout


def test_png_chart_opens_with_its_titles(folder: Path, tmp_path: Path) -> None:
    from PIL import Image

    from gldocs.statistik.diagrammer import TITEL_FORDELING, TITEL_UDVIKLING

    png = tmp_path / "diagram.png"
    r = run(folder, tmp_path, "--periode", "2026", "--diagram", str(png))
    assert r.exit_code == 0, r.stderr
    with Image.open(png) as img:
        img.load()
        assert img.size[0] > 1000
        assert img.text["Title"] == "Afgangsbedømmelser 01.01.2026 - 31.12.2026"
        assert TITEL_FORDELING in img.text["Description"]
        assert TITEL_UDVIKLING in img.text["Description"]


def test_svg_chart_has_titles_as_text(folder: Path, tmp_path: Path) -> None:
    svg = tmp_path / "diagram.svg"
    r = run(folder, tmp_path, "--periode", "2026", "--diagram", str(svg), "--offentlig")
    assert r.exit_code == 0, r.stderr
    text = svg.read_text(encoding="utf-8")
    assert "Antal af de 3 løsladelseselementer på plads" in text
    assert "Udvikling kvartal for kvartal" in text
    assert "2026-Q3" in text and "undertrykt" in text
    for secret in ("Kasper", "110391", "HP-T-"):
        assert secret not in text


def test_chart_needs_png_or_svg(folder: Path, tmp_path: Path) -> None:
    r = run(folder, tmp_path, "--periode", "2026", "--diagram", str(tmp_path / "d.jpg"))
    assert r.exit_code == 2 and ".png eller .svg" in r.stderr
