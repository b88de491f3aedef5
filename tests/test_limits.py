"""Issue 9 §4: bounded resources. Limits in one place, overridable, Danish refusals (exit 2)
before the work they bound; YAML aliases refused in every file the tool reads."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from gldocs.cli import main
from gldocs.document.docx_package import open_zip
from gldocs.document.io import read_document
from gldocs.errors import DocumentError, InputError, PolicyError
from gldocs.limits import ENV, Limits, current, parse_overrides

DOC = ("1. Stamoplysninger\nNavn: Mikkel Storgaard Winther\nCPR-nr.: 150488-1234\n\n"
       "2. Beskrivelse\nMikkel har en kæreste, Vibeke Kronborg.\n")


@pytest.fixture(autouse=True)
def _no_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    # set (empty) through monkeypatch, so whatever `--graense` writes is undone afterwards
    monkeypatch.setenv(ENV, "")


def redact(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, [*args])
    return res.exit_code, res.output


def test_defaults_and_overrides() -> None:
    assert current() == Limits()
    lim = parse_overrides("afsnit=3000000, udpakket-mb=2_000")
    assert (lim.paragraphs, lim.unpacked_mb) == (3_000_000, 2000)
    with pytest.raises(InputError, match="Ukendt grænse"):
        parse_overrides("pages=5")
    with pytest.raises(InputError, match="positivt heltal"):
        parse_overrides("sider=-1")


def test_bad_override_option_is_exit_2(tmp_path: Path) -> None:
    code, out = redact("--graense", "sider=mange", "frister", "--help")
    assert code == 2 and "positivt heltal" in out


def _bomb(tmp_path: Path, mb: int) -> Path:
    d = docx.Document()
    d.add_paragraph("Navn: Ib Ravn")
    src = tmp_path / "kilde.docx"
    d.save(src)
    bomb = tmp_path / "bombe.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info))
        zout.writestr("word/media/nul.png", b"\x00" * (mb * 1024 * 1024))
    return bomb


def test_zip_bomb_refused_before_inflating(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    bomb = _bomb(tmp_path, 60)
    assert bomb.stat().st_size < 200_000  # 60 MB of zeros in well under 1 MB
    inflated: list[str] = []
    original = zipfile.ZipFile.open

    def spy(self, name, *a, **k):  # type: ignore[no-untyped-def]
        inflated.append(getattr(name, "filename", name))
        return original(self, name, *a, **k)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    start = time.monotonic()
    with pytest.raises(DocumentError, match="forhold"):
        open_zip(bomb.read_bytes(), bomb)
    assert inflated == []  # nothing was inflated
    assert time.monotonic() - start < 5
    code, out = redact("redact", str(bomb), "--areas", "none", "--no-ner",
                       "-o", str(tmp_path / "ud.docx"))
    assert code == 2 and "--graense" in out and not (tmp_path / "ud.docx").exists()


def test_part_size_and_part_count_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = _bomb(tmp_path, 2)
    monkeypatch.setenv(ENV, "del-mb=1,forhold=100000")
    with pytest.raises(DocumentError, match="del-mb"):
        open_zip(bomb.read_bytes(), bomb)
    monkeypatch.setenv(ENV, "dele=3")
    with pytest.raises(DocumentError, match="dele=TAL"):
        open_zip(bomb.read_bytes(), bomb)


def test_leak_scan_refuses_zip_bomb(tmp_path: Path) -> None:
    code, out = redact("scan", str(_bomb(tmp_path, 60)))
    assert code == 2 and "forhold" in out


def test_long_line_refused_in_danish(tmp_path: Path) -> None:
    src = tmp_path / "lang.txt"
    src.write_text(DOC + "x" * 1_000_001 + "\n", encoding="utf-8")
    code, out = redact("redact", str(src), "--areas", "none", "--no-ner",
                       "-o", str(tmp_path / "ud.txt"))
    assert code == 2 and "tegn-pr-linje" in out and "E088" not in out
    assert not (tmp_path / "ud.txt").exists()


def test_paragraph_limit_is_overridable(tmp_path: Path) -> None:
    d = docx.Document()
    for i in range(30):
        d.add_paragraph(f"Afsnit {i}")
    src = tmp_path / "mange.docx"
    d.save(src)
    code, out = redact("--graense", "afsnit=10", "redact", str(src), "--areas", "none",
                       "--no-ner", "--client-name", "Ib Ravn", "-o", str(tmp_path / "ud.docx"))
    assert code == 2 and "afsnit=TAL" in out
    code, out = redact("--graense", "afsnit=100", "redact", str(src), "--areas", "none",
                       "--no-ner", "--client-name", "Ib Ravn", "-o", str(tmp_path / "ud.docx"))
    assert code in (0, 1), out


def test_pdf_page_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "sider.pdf"
    c = canvas.Canvas(str(path))
    for i in range(4):
        c.drawString(72, 720, f"Side {i}")
        c.showPage()
    c.save()
    monkeypatch.setenv(ENV, "sider=3")
    with pytest.raises(DocumentError, match="4 sider"):
        read_document(path)


LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [*{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}]\n"
    for a, b in zip("abcdefgh", "bcdefghi", strict=True))


def test_yaml_aliases_refused_in_decisions_file(tmp_path: Path) -> None:
    src = tmp_path / "plan.txt"
    src.write_text(DOC, encoding="utf-8")
    dec = tmp_path / "afg.yaml"
    dec.write_text(LAUGHS, encoding="utf-8")
    assert len(LAUGHS) < 600
    start = time.monotonic()
    code, out = redact("redact", str(src), "--areas", "none", "--no-ner", "--decisions",
                       str(dec), "-o", str(tmp_path / "ud.txt"))
    assert code == 2 and "aliaser" in out
    assert time.monotonic() - start < 30
    assert not (tmp_path / "ud.txt").exists()


def test_yaml_aliases_refused_in_policy_and_lexicon_files(tmp_path: Path) -> None:
    from gldocs.redact.lexicon import LexiconError, load_lexicon
    from gldocs.redact.policy import load_policy_file

    pol = tmp_path / "politik.yaml"
    pol.write_text("name: &n x\nversion: *n\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="aliaser"):
        load_policy_file(pol)
    (tmp_path / "ord.yaml").write_text("name: &n ord\nterms: [*n]\n", encoding="utf-8")
    with pytest.raises(LexiconError):
        load_lexicon(tmp_path, "ord")


def test_yaml_aliases_refused_in_case_file(tmp_path: Path) -> None:
    case = tmp_path / "sag.yaml"
    case.write_text(LAUGHS, encoding="utf-8")
    code, out = redact("validate", str(case))
    assert code == 2 and "aliaser" in out


def test_big_yaml_file_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gldocs.yamlfile import read_yaml

    f = tmp_path / "stor.yaml"
    f.write_bytes(b"a: " + b"x" * (2 * 1024 * 1024) + b"\n")
    monkeypatch.setenv(ENV, "yaml-mb=1")
    with pytest.raises(InputError, match="yaml-mb"):
        read_yaml(f, "Afgørelsesfilen")


def test_docx_reader_bounded_in_memory(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.xml", b"<a/>")
    with pytest.raises(DocumentError, match="indholdsfortegnelse"):
        read_document(_write(tmp_path / "tom.docx", buf.getvalue()))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_every_limit_is_named_in_the_help() -> None:
    from gldocs.limits import NAMES

    code, out = redact("--help")
    assert code == 0
    flat = " ".join(out.split())
    for name in NAMES:
        assert name in flat
