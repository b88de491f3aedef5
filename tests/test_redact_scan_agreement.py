"""Issue 8 §6: `gldocs redact` and `gldocs scan` agree. Each test reproduces, with input
built here, a disagreement found by ``benchmarks/realworld.py`` on public test files."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from gldocs.document.pdf_layout import _new_item, read_layout
from gldocs.document.pdf_redraw import face
from gldocs.document.units import TextUnit
from gldocs.export.leakscan import scan_file
from gldocs.redact.model import Finding
from gldocs.redact.name_spans import extend_names


def _person(unit: TextUnit, word: str) -> Finding:
    at = unit.text.index(word)
    return Finding(unit.path, unit.section, at, at + len(word), word, "R1", "rhl. § 9", "ner",
                   "PERSON", 0.9, "remove", "[person]")


@pytest.mark.parametrize(("text", "found", "whole"), [
    ("Noto Sans Arabic: Hello World!", "Noto", "Noto Sans Arabic"),
    ("Cantarell Italic: Hello World!", "Italic", "Cantarell Italic"),
    ("Hun ringede til Vibeke Kronborg i går.", "Vibeke", "Vibeke Kronborg"),
])
def test_a_removed_name_takes_the_rest_of_the_name(text: str, found: str, whole: str) -> None:
    unit = TextUnit("unknown", "line1", text)
    out = extend_names([unit], [_person(unit, found)], lambda w: False)
    assert [f.text for f in out] == [whole]
    assert text[out[0].start:out[0].end] == whole


def test_the_name_does_not_grow_over_kept_names_titles_or_sentence_starts() -> None:
    unit = TextUnit("unknown", "line1", "Sagsbehandler Hanne Berg og Vibeke Kronborg. Hun")
    kept = Finding("line1", "unknown", 14, 25, "Hanne Berg", "K3", "", "case", "PERSON", 1.0,
                   "keep", "")
    removed = _person(unit, "Kronborg")
    out = extend_names([unit], [kept, removed], lambda w: w == "Sagsbehandler",
                       ordinary=lambda w: w == "Hun")
    assert [f.text for f in out] == ["Hanne Berg", "Vibeke Kronborg"]
    unit2 = TextUnit("unknown", "line2", "Sagsbehandler Vibeke ringede")
    out2 = extend_names([unit2], [_person(unit2, "Vibeke")], lambda w: w == "Sagsbehandler")
    assert [f.text for f in out2] == ["Vibeke"]


def test_a_space_in_another_size_does_not_set_the_line_size(tmp_path: Path) -> None:
    """A form label drawn at 11 pt with a trailing space at 12 pt: the label and the line
    under it read the same in the input and in the re-typeset output (where the space is
    not drawn again)."""
    path = tmp_path / "form.pdf"
    c = Canvas(str(path), pagesize=A4, invariant=1)
    text = c.beginText(57, 700)
    text.setFont(face(), 11)
    text.textOut("First Name")
    text.setFont(face(), 12)
    text.textOut(" ")
    c.drawText(text)
    c.setFont(face(), 11)
    c.drawString(57, 684, "Birthday")
    c.save()
    layout = read_layout(path.read_bytes())
    label = next(s for s in layout.segments if s.text.startswith("First"))
    assert label.size == 11
    assert [b.text for b in layout.blocks] == ["First Name Birthday"]


def test_a_key_redacted_to_a_marker_still_starts_a_line() -> None:
    assert _new_item("[person] [person]: Alice", "[person] [person]_2: Bob")
    assert _new_item("Navn: Alice", "Adresse: Vestergade 3")
    assert not _new_item("Han bor i", "Vestergade 3 og har")


def test_numbers_in_a_content_stream_are_no_cpr_number(tmp_path: Path) -> None:
    """A colour operator (".0902 .173 .318 RG") read as digits is no CPR number; a CPR
    number drawn as text still is."""
    path = tmp_path / "farver.pdf"
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setStrokeColorRGB(0.0902, 0.173, 0.318)
    c.rect(64, 330, 390, 270)
    c.setFont(face(), 10)
    c.drawString(60, 700, "En tekst uden personnumre.")
    c.save()
    assert scan_file(path).leaks == []
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setStrokeColorRGB(0.0902, 0.173, 0.318)
    c.setFont(face(), 10)
    c.drawString(60, 700, "Broren har CPR-nr. 090217-3318.")
    c.save()
    assert [lk.kind for lk in scan_file(path).leaks][:1] == ["CPR-nummer"]
