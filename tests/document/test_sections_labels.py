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


@pytest.mark.parametrize("value", [
    "0211 85-3397", "021185 3397", "0211853397", "02.11.85-3397", "021185 – 3397",
    "02/11/85-3397", "0 2 1 1 8 5 3 3 9 7", "021185-3397, 2. th.",
])
def test_client_cpr_in_any_layout(value: str) -> None:
    # the client's own CPR field is read in every layout the detector finds, so that the
    # number in it is the client's (K1), not a third person's
    assert find_client(["Navn: Serkan Aydoğan", f"CPR-nr.: {value}"])[1] == "021185-3397"


@pytest.mark.parametrize("value", ["12345", "021185-33971", "991385-3397", "ukendt"])
def test_no_client_cpr_without_a_valid_number(value: str) -> None:
    assert find_client(["Navn: Serkan Aydoğan", f"CPR-nr.: {value}"])[1] is None
