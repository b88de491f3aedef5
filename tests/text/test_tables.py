"""Tables in plain lines (gldocs.text.tables): pipe tables in every common shape, tab columns,
aligned columns; and what is no table. All names and numbers are invented."""

from __future__ import annotations

import pytest

from gldocs.text.tables import field_line, table_rows


def kinds(text: str) -> list[str | None]:
    return [r.kind if r else None for r in table_rows(text.split("\n"))]


def cells(text: str) -> list[list[str]]:
    return [[c.text for c in r.cells] if r else [] for r in table_rows(text.split("\n"))]


@pytest.mark.parametrize("text", [
    "| Punkt | Indhold |\n|---|---|\n| Navn: | Orla Vendelbo |",
    "| Punkt | Indhold |\n|:--|--:|\n| Navn: | Orla Vendelbo |",
    "| Punkt | Indhold |\n| :---: | ----- |\n| Navn: | Orla Vendelbo |",
    "Punkt | Indhold\n---|---\nNavn: | Orla Vendelbo",
    "Punkt | Indhold\n--- | ---\nNavn: | Orla Vendelbo",
    "│ Punkt │ Indhold │\n├───┼───┤\n│ Navn: │ Orla Vendelbo │",
    "+-------+---------+\n| Punkt | Indhold |\n+=======+=========+\n| Navn: | Orla Vendelbo |",
])
def test_pipe_tables_of_every_shape_have_a_header_a_rule_and_data(text: str) -> None:
    got = [k for k in kinds(text) if k is not None]
    assert got[-1] == "data" and "header" in got and "rule" in got, got
    assert cells(text)[-1] == ["Navn:", "Orla Vendelbo"]


@pytest.mark.parametrize("text", [
    "| Navn | Orla Vendelbo |\n| Mobil | 61 72 83 94 |",  # no header, no rule
    "Navn | Orla Vendelbo\nMobil | 61 72 83 94",  # no outer bars
    "Navn\tOrla Vendelbo\nMobil\t61 72 83 94",  # tabs
    "Navn:\t\tOrla Vendelbo\nMobil:\t\t61 72 83 94",  # several tabs
    "Navn        Orla Vendelbo\nMobil       61 72 83 94",  # aligned with spaces
])
def test_two_column_rows_read_as_fields(text: str) -> None:
    rows = table_rows(text.split("\n"))
    lines = [field_line(r) for r in rows]
    assert lines == ["Navn: Orla Vendelbo", "Mobil: 61 72 83 94"], lines


def test_a_lone_row_with_both_outer_bars_is_a_table() -> None:
    assert field_line(table_rows(["| Bopæl: | Ravnsborgvej 3, 6400 Sønderborg |"])[0]) == \
        "Bopæl: Ravnsborgvej 3, 6400 Sønderborg"


@pytest.mark.parametrize("text", [
    "Han sagde: ja | nej, det ved jeg ikke.",  # one bar in running text
    "Hun kom kl. 10.  Han gik kl. 11.\nDerefter  talte vi om boligen i lang tid og meget.",
    "Navn: Orla Vendelbo\nMobil: 61 72 83 94",  # ordinary fields
    "Et afsnit med  to mellemrum\n",
])
def test_no_table(text: str) -> None:
    assert all(k is None for k in kinds(text)), kinds(text)


def test_a_table_of_people_has_a_header_row_and_one_row_per_person() -> None:
    text = ("Navn\tRolle\tMobil\n"
            "Gert Ulvsby\tOnkel\t22 31 40 59\n"
            "Pia Holmgaard\tMentor, Kofoeds Skole\t33 44 55 66")
    rows = table_rows(text.split("\n"))
    assert [r.kind for r in rows if r] == ["header", "data", "data"]
    assert rows[1] is not None and rows[1].columns == 3
    assert field_line(rows[1]) is None  # three columns: no field


def test_aligned_columns_need_every_cell_under_a_column() -> None:
    text = ("Navn           Rolle      Mobil\n"
            "Gert Ulvsby    Onkel      22 31 40 59\n"
            "Pia Holmgaard  Nabo       33 44 55 66")
    assert kinds(text) == ["header", "data", "data"]
    assert cells(text)[2] == ["Pia Holmgaard", "Nabo", "33 44 55 66"]


def test_a_blank_line_ends_a_table_and_offsets_are_the_lines() -> None:
    text = "| a: | b |\n\n| Navn: | Orla |"
    rows = table_rows(text.split("\n"))
    assert rows[1] is None and rows[0] and rows[2] and rows[0].table != rows[2].table
    line = text.split("\n")[2]
    cell = rows[2].cells[1]
    assert line[cell.start:cell.end] == "Orla"
