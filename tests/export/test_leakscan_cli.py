"""``gldocs scan``: Danish report with places, exit codes 0/1/2, deny options."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from gldocs.cli import main

CLIENT_CPR = "070761-4285"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    clean = tmp_path / "ren.txt"
    clean.write_text(f"Klient CPR {CLIENT_CPR}. Bolig fra 1. juni.", encoding="utf-8")
    dirty = tmp_path / "plan.docx"
    doc = Document()
    doc.add_paragraph("Handleplan")
    doc.core_properties.author = "Bent Ravn"
    doc.sections[0].footer.paragraphs[0].text = "Datter CPR 010119-4026"
    buf = io.BytesIO()
    doc.save(buf)
    dirty.write_bytes(buf.getvalue())
    broken = tmp_path / "ødelagt.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj <<")
    return {"clean": clean, "dirty": dirty, "broken": broken}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["scan", *args])
    return result.exit_code, result.stdout, result.stderr


def test_clean_file_exit_0(files: dict[str, Path]) -> None:
    code, out, _ = run(str(files["clean"]), "--client-cpr", CLIENT_CPR)
    assert code == 0
    assert "ingen fund" in out and "ren." in out


def test_client_cpr_is_reported_without_client_option(files: dict[str, Path]) -> None:
    code, out, _ = run(str(files["clean"]))
    assert code == 1
    assert "[tekst] CPR-nummer: '070761-****'" in out


def test_findings_listed_with_places_exit_1(files: dict[str, Path]) -> None:
    code, out, _ = run(str(files["dirty"]), str(files["clean"]), "--client-cpr", CLIENT_CPR,
                       "--deny", "bent ravn")
    assert code == 1
    assert "[docProps/core.xml (dokumentegenskaber)] forbudt tekst: 'Bent Ravn'" in out
    assert "[word/footer1.xml (sidefod)] CPR-nummer: '010119-****'" in out
    assert "010119-4026" not in out
    assert "MÅ IKKE SENDES" in out


def test_show_cpr_and_deny_file(files: dict[str, Path], tmp_path: Path) -> None:
    deny = tmp_path / "forbudt.txt"
    deny.write_text("# pårørende\n\nBent Ravn\n", encoding="utf-8")
    code, out, _ = run(str(files["dirty"]), "--deny-file", str(deny), "--show-cpr")
    assert code == 1
    assert "'Bent Ravn'" in out and "'010119-4026'" in out


def test_unreadable_file_exit_2_but_others_still_scanned(files: dict[str, Path]) -> None:
    code, out, err = run(str(files["broken"]), str(files["dirty"]))
    assert code == 2
    assert "ødelagt.pdf" in err and "kan ikke scannes" in err
    assert "010119-****" in out  # the readable file was still reported


def test_missing_file_and_bad_options(files: dict[str, Path], tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "mangler.pdf"))
    assert code == 2 and "findes ikke" in err
    code, _, err = run(str(files["clean"]), "--client-cpr", "12345")
    assert code == 2 and "ikke et gyldigt CPR-nummer" in err
    code, _, err = run(str(files["clean"]), "--deny-file", str(tmp_path / "ingen.txt"))
    assert code == 2 and "kan ikke læses" in err


def test_encrypted_part_is_noted_not_failed(tmp_path: Path) -> None:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["Subject"] = "Handleplan HP-2026-0007"
    msg.set_content("Se vedhæftede")
    msg.add_attachment(b"\x30\x82" + bytes(64), maintype="application", subtype="pkcs7-mime",
                       filename="smime.p7m", params={"smime-type": "enveloped-data"})
    eml = tmp_path / "pakke.eml"
    eml.write_bytes(msg.as_bytes())
    code, out, _ = run(str(eml))
    assert code == 0
    assert "krypteret og kunne ikke scannes" in out


@pytest.mark.parametrize(
    ("place", "shown"),
    [
        ("word/footer1.xml", "word/footer1.xml (sidefod)"),
        ("word/document.xml (attributter)",
         "word/document.xml (brødtekst – attributværdi, fx alternativ tekst)"),
        ("word/media/image1.png (binær)", "word/media/image1.png (binær, billede)"),
        ("MIME-del 3 (application/pdf) vedhæftning 'b.docx' › word/comments.xml",
         "MIME-del 3 (application/pdf) vedhæftning 'b.docx' › word/comments.xml (kommentarer)"),
        ("side 1 (tekst)", "side 1 (tekst)"),
        ("filnavn", "filnavn"),
    ],
)
def test_places_described_in_danish(place: str, shown: str) -> None:
    from gldocs.export.scan_commands import describe_place

    assert describe_place(place) == shown
