"""Section labelling of plain lines and the client lookup."""

from __future__ import annotations

import pytest

from gldocs.document.sections import find_client, heading_section, label_lines


@pytest.mark.parametrize(("line", "section"), [
    ("1. Stamoplysninger", "stamoplysninger"),
    ("STAMOPLYSNINGER", "stamoplysninger"),
    ("2) Beskrivelse:", "beskrivelse"),
    ("3. Årsager til kriminalitet", "aarsager"),
    ("Aarsager til kriminaliteten", "aarsager"),
    ("Del 4: Vurdering og indsatsområder", "vurdering"),
    ("4. Vurdering og indsatsområder (LS/RNR)", "vurdering"),
    ("5. Samarbejdspartnere", "samarbejdspartnere"),
    ("## Samarbejdspartnere ##", "samarbejdspartnere"),
    ("5. Helbred", None),
    ("1. Bolig: Kasper skal have en bolig.", None),
    ("Beskrivelse af hvordan han har det, når han ikke får sin medicin", None),
])
def test_heading_section(line: str, section: str | None) -> None:
    assert heading_section(line) == section


def test_label_lines_handleplan_and_other_text() -> None:
    lines = [
        "1. Stamoplysninger", "Navn: Ib Larsen", "CPR-nr.: 010180-1234", "",
        "2. Beskrivelse", "Ib bor i Vejle.", "Bolig", "Han søger bolig.",
        "3. Årsager til kriminalitet", "Tekst.",
    ]
    assert label_lines(lines) == [
        "stamoplysninger", "stamoplysninger", "stamoplysninger", "unknown",
        "beskrivelse", "beskrivelse", "beskrivelse", "beskrivelse", "aarsager", "aarsager",
    ]


def test_stamoplysninger_end_where_the_key_value_block_ends() -> None:
    lines = ["Stamoplysninger", "Navn: Ib Larsen", "CPR-nr.: 010180-1234",
             "Kære Lise", "Tak for sidst."]
    assert label_lines(lines)[3:] == ["unknown", "unknown"]
    assert label_lines(["Hej", "Tekst"]) == ["unknown", "unknown"]


def test_find_client() -> None:
    lines = ["1. Stamoplysninger", "Navn: Ib  Larsen ", "CPR-nr.: 010180 1234", "",
             "2. Beskrivelse", "Navn: Ole Hansen"]
    assert find_client(lines) == ("Ib Larsen", "010180-1234")
    assert find_client(["Journalnotat", "Ingen navne her."]) == (None, None)
