"""A Word table is read like the same table written in plain text (issue 8, tables): a
two-column table of labels and values under Stamoplysninger is the client's part, every
row of it, header row included. All names and numbers are invented."""

from __future__ import annotations

from pathlib import Path

import docx

from gldocs.document.io import read_document


def test_a_word_table_in_stamoplysninger_is_the_part_row_by_row(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("1. Stamoplysninger")
    fields = [("Felt", "Oplysning"), ("Navn:", "Orla Birk Vendelbo"),
              ("CPR-nr.:", "140395-2217"), ("Adresse:", "Ravnsborgvej 3, 6400 Sønderborg"),
              ("Mobil", "61 72 83 94")]
    table = d.add_table(rows=len(fields), cols=2)
    for r, (label, value) in enumerate(fields):
        table.cell(r, 0).text = label
        table.cell(r, 1).text = value
    d.add_paragraph("2. Beskrivelse")
    d.add_paragraph("Orla bor alene.")
    src = tmp_path / "tabel.docx"
    d.save(src)
    doc = read_document(src)
    assert (doc.client_name, doc.client_cpr) == ("Orla Birk Vendelbo", "140395-2217")
    by_text = {u.text: u.section for u in doc.units}
    for _, value in fields:
        assert by_text[value] == "stamoplysninger", by_text
    assert by_text["Orla bor alene."] == "beskrivelse"


def test_a_cell_with_two_paragraphs_is_one_cell(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("1. Stamoplysninger")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Navn:"
    table.cell(0, 1).text = "Orla Birk Vendelbo"
    table.cell(1, 0).text = "Adresse:"
    table.cell(1, 1).text = "Ravnsborgvej 3"
    table.cell(1, 1).add_paragraph("6400 Sønderborg")
    d.add_paragraph("2. Beskrivelse")
    src = tmp_path / "to.docx"
    d.save(src)
    doc = read_document(src)
    by_text = {u.text: u.section for u in doc.units}
    assert by_text["6400 Sønderborg"] == by_text["Ravnsborgvej 3"] == "stamoplysninger"
