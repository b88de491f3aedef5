"""``gldocs scan --policy``: the redactor's own analysis on a final file (exit 1 for what
the policy would still remove, exit 2 "kan ikke kontrolleres" for what cannot be read as
text), and Word's internal ids, drawing offsets and image bytes are no text. Invented data."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from gldocs.cli import main
from gldocs.export.leakscan import scan_bytes
from gldocs.export.places import xml_to_text

PLAN = """Stamoplysninger
Navn: Holger Brink Saxtorph
CPR-nr.: 230584-2211

Beskrivelse
Holger bor hos sin søster, Vibeke Saxild, som kan kontaktes på 61 44 29 08.
Han har fået diagnosen ADHD og er medlem af 3F.
Han ønsker job som lagerarbejder.
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scan") / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_scan_with_policy_reports_what_the_policy_would_remove(plan: Path) -> None:
    code, out, _ = run("scan", str(plan), "--policy", "kommune", "--areas", "beskæftigelse")
    assert code == 1
    assert "politikken ville fjerne (R1, person): 'Vibeke Saxild'" in out
    assert "politikken ville fjerne (R2" in out and "MÅ IKKE SENDES" in out
    assert "230584-2211" not in out  # the client's own CPR is no finding


def test_scan_and_redact_agree_on_the_redacted_file(plan: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "plan-redigeret.txt"
    code, _, _ = run("redact", str(plan), "--areas", "beskæftigelse", "-o", str(out_file))
    assert code in (0, 1) and out_file.exists()
    code, out, _ = run("scan", str(out_file), "--policy", "kommune", "--areas", "beskæftigelse")
    assert code == 0, out
    assert "ren" in out


def test_a_file_that_is_no_text_cannot_be_checked(tmp_path: Path) -> None:
    image = tmp_path / "scanning.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    code, out, err = run("scan", str(image), "--policy", "kommune")
    assert code == 2
    assert "kan ikke kontrolleres" in err and "kan ikke kontrolleres" in out
    assert ": ren." not in out


def test_areas_need_a_policy(plan: Path) -> None:
    code, _, err = run("scan", str(plan), "--areas", "bolig")
    assert code == 2 and "--policy" in err


def test_word_ids_and_drawing_offsets_are_no_text() -> None:
    xml = ('<w:document><w:body><w:p w14:paraId="1A2B3C4D"><w:r><w:t>Plan</w:t></w:r></w:p>'
           '<w16cid:commentId w16cid:paraId="00A1" w16cid:durableId="2304851234"/>'
           '<w:style w:styleId="1407901234"/><wp:positionH><wp:posOffset>1203931234'
           '</wp:posOffset></wp:positionH><a:off x="1203931234" y="2304851234"/>'
           '</w:body></w:document>')
    text, attrs = xml_to_text(xml)
    assert "2304851234" not in text + attrs and "1203931234" not in text + attrs
    assert "Plan" in text


def test_image_bytes_in_a_package_are_no_text() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document><w:t>Plan</w:t></w:document>")
        z.writestr("word/media/image1.png", b"\x89PNG\r\n\x1a\n IDAT 230584-2211 0101190000")
    assert scan_bytes(buf.getvalue(), "plan.docx") == []


@pytest.mark.parametrize("removed_field", [
    "Dokument: Rapport om disciplinærstraf, celleundersøgelse, Statsfængslet Nord",
    "Bemærkning: Han er under observation for bandetilknytning",
])
def test_a_field_removed_whole_leaves_the_clients_fields_below_it_the_clients(
        removed_field: str, tmp_path: Path) -> None:
    """A Stamoplysninger line the redactor replaces whole by a marker: the client's address
    below it is still read as the client's in the redacted copy (scan agrees with redact)."""
    path = tmp_path / "plan.txt"
    path.write_text("Stamoplysninger\nNavn: Holger Brink Saxtorph\nCPR-nr.: 230584-2211\n"
                    f"{removed_field}\nAdresse før indsættelse: Nørrevang 7, 1. sal, "
                    "6100 Haderslev\nHandlekommune: Haderslev Kommune\n\nBeskrivelse\n"
                    "Holger ønsker job som lagerarbejder.\n", encoding="utf-8")
    out = tmp_path / "ud.txt"
    code, _, err = run("redact", str(path), "--areas", "bolig", "-o", str(out))
    assert code in (0, 1), err
    text = out.read_text(encoding="utf-8")
    assert removed_field.split(":")[1].strip() not in text
    assert "Nørrevang 7, 1. sal, 6100 Haderslev" in text
    code, stdout, _ = run("scan", str(out), "--policy", "kommune", "--areas", "bolig")
    assert code == 0, stdout
