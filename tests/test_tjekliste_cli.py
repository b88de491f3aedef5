"""``gldocs tjekliste`` through click's runner: JSON shape, status per client type, files."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pypdf
import pytest
from click.testing import CliRunner

from gldocs.cli import main
from gldocs.paths import SAMPLES_DIR

TRIN = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "9A", "10", "11", "12"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["tjekliste", *args])
    return result.exit_code, result.stdout, result.stderr


def rows(path: Path, idag: str = "2026-12-06") -> dict[str, dict]:
    code, out, err = run(str(path), "--format", "json", "--idag", idag)
    assert code == 0, err
    data = json.loads(out)
    assert list(data) == ["trin"]
    assert [r["trin"] for r in data["trin"]] == TRIN
    for r in data["trin"]:
        assert list(r) == ["trin", "tekst", "ansvarlig", "dato", "status", "begrundelse"]
        assert r["status"] in ("opfyldt", "ikke opfyldt", "ikke relevant")
        assert r["ansvarlig"] in ("fængsel", "KiF", "kommune")
        assert r["dato"] is None or (len(r["dato"]) == 10 and r["dato"][4] == "-")
        assert r["tekst"] and r["begrundelse"]
    return {r["trin"]: r for r in data["trin"]}


def sample(name: str) -> Path:
    return SAMPLES_DIR / f"{name}.yaml"


def with_done(tmp_path: Path, name: str, done: str) -> Path:
    text = sample(name).read_text(encoding="utf-8")
    if "\nudfoert:" in text:
        text = text[: text.index("\nudfoert:")] + "\n"
    path = tmp_path / f"{name}.yaml"
    path.write_text(text + "udfoert:\n" + done, encoding="utf-8")
    return path


def test_afsoner_with_proeveloesladelse(tmp_path: Path) -> None:
    path = with_done(tmp_path, "afsoner-proeveloesladelse", (
        "  - frist: kommune_underrettet_indsaettelse\n    dato: 2026-03-11\n"
        "  - frist: handleplan_udarbejdet\n    dato: 2026-04-09\n"))
    r = rows(path)
    assert all(r[t]["status"] != "ikke relevant" for t in TRIN)
    assert r["1"]["status"] == "opfyldt" and r["1"]["dato"] == "2026-03-11"
    assert r["2"]["status"] == "opfyldt"  # the case names a handleplansansvarlig
    # indsat 10 March 2026 + 4 weeks = 7 April; made 9 April: done, after the deadline
    assert r["5"]["dato"] == "2026-04-07" and r["5"]["status"] == "opfyldt"
    assert "efter fristen" in r["5"]["begrundelse"]
    assert r["6"]["status"] == "opfyldt"  # the coordination record counts
    # PL 10 March 2027: meeting 10 December 2026, KiF 13 January 2027, trin 10 17 March
    assert (r["8"]["dato"], r["8"]["status"]) == ("2026-12-10", "ikke opfyldt")
    assert "KiF inviteres" in r["8"]["begrundelse"]
    assert r["9"]["dato"] == "2027-01-13"
    assert "Gælder, hvis prøveløsladelse ikke gives" in r["9A"]["begrundelse"]
    assert r["10"]["ansvarlig"] == "KiF" and r["10"]["dato"] == "2027-03-17"
    assert "evaluering_1" in r["7"]["begrundelse"]


def test_tilsyn_only_kif_steps() -> None:
    r = rows(sample("tilsyn-kif"))
    for t in TRIN[:10]:
        assert r[t]["status"] == "ikke relevant", t
        assert "under tilsyn" in r[t]["begrundelse"]
    assert {r[t]["status"] for t in ("10", "11", "12")} <= {"opfyldt", "ikke opfyldt"}


@pytest.mark.parametrize(("name", "why"), [("varetaegt", "Varetægtsarrestant"),
                                           ("ung-fodlaenke", "over 18 år")])
def test_nothing_applies(name: str, why: str) -> None:
    r = rows(sample(name))
    for t in TRIN:
        assert r[t]["status"] == "ikke relevant", t
        assert why in r[t]["begrundelse"]


def test_udvist_keeps_the_internal_steps() -> None:
    r = rows(sample("udvist"))
    for t in ("1", "6", "8", "9", "9A", "10", "11", "12"):
        assert r[t]["status"] == "ikke relevant" and "Udvist" in r[t]["begrundelse"], t
    for t in ("2", "3", "4", "5", "7"):
        assert r[t]["status"] != "ikke relevant", t


def test_released_at_endt_straf_has_no_kif_steps(tmp_path: Path) -> None:
    text = sample("afsoner-proeveloesladelse").read_text(encoding="utf-8")
    text = text.replace("    hjemmel: nr-1\n", "    hjemmel: nr-1\n    afgoerelse: afslag\n"
                                                  "    afgoerelse_dato: 2026-11-30\n", 1)
    path = tmp_path / "afslag.yaml"
    path.write_text(text, encoding="utf-8")
    r = rows(path)
    for t in ("9", "10", "11", "12"):
        assert r[t]["status"] == "ikke relevant"
        assert "Afslag på prøveløsladelse" in r[t]["begrundelse"]
    # endt straf Friday 10 Sep 2027 -> Wednesday 8 Sep; - 4 weeks = 11 August 2027
    assert r["9A"]["dato"] == "2027-08-11" and r["9A"]["status"] == "ikke opfyldt"
    # meeting: 8 Sep - 3 months = 8 June 2027
    assert r["8"]["dato"] == "2027-06-08"


def test_text_format() -> None:
    code, out, _ = run(str(sample("afsoner-proeveloesladelse")), "--idag", "2026-12-06")
    assert code == 0
    assert "Køreplan for god løsladelse – tjekliste for sag HP-2026-0142" in out
    assert "Trin 9A (fængsel, 11. august 2027): ikke opfyldt" in out
    assert "I køreplanens målgruppe" in out
    assert "mentorstøtte i kommunalt regi" in out


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_docx_and_pdf_share_the_render_pipeline(tmp_path: Path, fmt: str) -> None:
    code, out, _ = run(str(sample("afsoner-proeveloesladelse")), "--idag", "2026-12-06",
                       "--format", fmt, "-o", str(tmp_path))
    assert code == 0
    path = tmp_path / f"tjekliste_HP-2026-0142.{fmt}"
    assert path.name in out and path.is_file()
    data = path.read_bytes()
    if fmt == "docx":
        d = docx.Document(io.BytesIO(data))
        text = "\n".join(p.text for p in d.paragraphs)
        cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
        assert "9A" in cells and "12" in cells and "ikke opfyldt" in cells
        assert d.core_properties.title == "Tjekliste HP-2026-0142"
        header = "\n".join(p.text for s in d.sections for p in s.header.paragraphs)
        header += "\n".join(c.text for s in d.sections for t in s.header.tables
                             for row in t.rows for c in row.cells)
        assert "Intern – ikke til videregivelse" in header  # internal, like the handleplan
    else:
        text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
        assert "9A" in text and "Begrundelse" in text
        assert "Intern – ikke til videregivelse" in text and "Fortroligt" not in text
    assert "Tjekliste: Køreplan for god løsladelse" in text
    assert "opgjort 6. december 2026" in text


def test_bad_format_and_date(tmp_path: Path) -> None:
    code, _, err = run(str(sample("varetaegt")), "--format", "xlsx")
    assert code == 2 and "--format" in err
    code, _, err = run(str(sample("varetaegt")), "--idag", "6/12")
    assert code == 2 and "--idag" in err
    code, _, err = run(str(tmp_path / "findes-ikke.yaml"))
    assert code == 2 and "findes-ikke.yaml" in err
