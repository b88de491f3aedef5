"""Stamoplysninger written as a table (issue 8, tables): a two-column table of labels and
values is read like ``Nøgle: værdi`` lines, its header and rule keep the block open, and
the client is found in it. All names and numbers are invented."""

from __future__ import annotations

import pytest

from gldocs.document.sections import find_client, label_lines

NAME = "Orla Birk Vendelbo"
CPR = "140395-2217"

SHAPES = {
    "markdown": ("| Oplysning | Indhold |\n|---|---|\n| Navn: | {n} |\n| CPR-nr.: | {c} |\n"
                 "| Adresse: | Ravnsborgvej 3, 6400 Sønderborg |\n| Mobil: | 61 72 83 94 |"),
    "markdown, keys without colons": (
        "| Felt | Værdi |\n|:--|:--|\n| Navn | {n} |\n| CPR-nr. | {c} |\n"
        "| Adresse | Ravnsborgvej 3, 6400 Sønderborg |\n| Mobil | 61 72 83 94 |"),
    "no outer bars": ("Felt | Værdi\n--- | ---\nNavn | {n}\nCPR-nr. | {c}\n"
                      "Adresse | Ravnsborgvej 3, 6400 Sønderborg\nMobil | 61 72 83 94"),
    "no header, no rule": ("| Navn | {n} |\n| CPR-nr. | {c} |\n"
                           "| Adresse | Ravnsborgvej 3, 6400 Sønderborg |\n"
                           "| Mobil | 61 72 83 94 |"),
    "grid": ("+---------+----------+\n| Felt    | Værdi    |\n+=========+==========+\n"
             "| Navn    | {n} |\n| CPR-nr. | {c} |\n"
             "| Adresse | Ravnsborgvej 3, 6400 Sønderborg |\n| Mobil   | 61 72 83 94 |\n"
             "+---------+----------+"),
    "tabs": ("Navn\t{n}\nCPR-nr.\t{c}\nAdresse\tRavnsborgvej 3, 6400 Sønderborg\n"
             "Mobil\t61 72 83 94"),
    "aligned": ("Navn       {n}\nCPR-nr.    {c}\nAdresse    Ravnsborgvej 3, 6400 Sønderborg\n"
                "Mobil      61 72 83 94"),
}


def document(shape: str, numbered: bool = False) -> list[str]:
    body = SHAPES[shape].format(n=NAME, c=CPR)
    lines = ["Handleplan", "", "## 1. Stamoplysninger", "", *body.split("\n"), "",
             "## 2. Beskrivelse", "Orla bor alene."]
    if numbered:
        lines = [f"{i:04d}  {line}" for i, line in enumerate(lines, start=1)]
    return lines


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("numbered", [False, True])
def test_the_client_is_found_in_a_table(shape: str, numbered: bool) -> None:
    assert find_client(document(shape, numbered)) == (NAME, CPR)


@pytest.mark.parametrize("shape", list(SHAPES))
def test_the_whole_table_is_stamoplysninger(shape: str) -> None:
    lines = document(shape)
    labels = label_lines(lines)
    for line, label in zip(lines, labels, strict=True):
        if "Ravnsborgvej" in line or "61 72 83 94" in line or "---" in line \
                or "Værdi" in line:
            assert label == "stamoplysninger", (line, labels)
    assert labels[-1] == "beskrivelse"


def test_a_table_without_a_heading_opens_the_document() -> None:
    lines = [*SHAPES["markdown"].format(n=NAME, c=CPR).split("\n"), "", "Orla bor alene."]
    assert find_client(lines) == (NAME, CPR)
    assert label_lines(lines)[4] == "stamoplysninger"  # the address row


def test_a_table_of_people_is_no_field_of_the_clients() -> None:
    """A two-column table whose header names a name column lists people: its rows are
    not the client's fields (a relative's number never counts as the client's)."""
    lines = ["1. Stamoplysninger", f"Navn: {NAME}", f"CPR-nr.: {CPR}",
             "| Navn | Telefon |", "|---|---|", "| Gert Ulvsby | 22 31 40 59 |"]
    labels = label_lines(lines)
    assert labels[5] != "stamoplysninger", labels
    assert find_client(lines) == (NAME, CPR)


@pytest.mark.parametrize("header", ["| Navn (kaldenavn) | Telefon |", "| Navn/relation | Tlf. |",
                                    "| Fulde navn: | Telefon |"])
def test_a_table_of_people_is_known_by_its_name_column_with_a_remark(header: str) -> None:
    """The header's name cell is read as the people-table reader reads it (a remark in
    brackets, a first word before "/", a colon): the rows are no fields of the client's."""
    lines = ["1. Stamoplysninger", f"Navn: {NAME}", f"CPR-nr.: {CPR}",
             header, "|---|---|", "| Gert Ulvsby | 22 31 40 59 |"]
    assert label_lines(lines)[5] != "stamoplysninger", header
    assert find_client(lines) == (NAME, CPR)


def test_a_second_name_row_ends_the_clients_block() -> None:
    lines = ["1. Stamoplysninger", "| Felt | Værdi |", "|---|---|", f"| Navn: | {NAME} |",
             f"| CPR-nr.: | {CPR} |", "| Navn: | Gert Ulvsby (onkel) |",
             "| Mobil: | 22 31 40 59 |"]
    labels = label_lines(lines)
    assert labels[3] == labels[4] == "stamoplysninger"
    assert labels[6] != "stamoplysninger", labels


@pytest.mark.parametrize("table", [
    f"| Navn | CPR-nr. | Adresse |\n|---|---|---|\n| {NAME} | {CPR} | Ravnsborgvej 3 |",
    f"Navn\tCPR-nr.\tMobil\n{NAME}\t{CPR}\t61 72 83 94",
])
def test_the_clients_record_in_columns(table: str) -> None:
    lines = ["1. Stamoplysninger", *table.split("\n"), "", "2. Beskrivelse", "Orla bor alene."]
    assert find_client(lines) == (NAME, CPR)
    assert label_lines(lines)[len(table.split("\n"))] == "stamoplysninger"


def test_a_record_table_of_several_people_names_no_client() -> None:
    lines = ["1. Stamoplysninger", "| Navn | CPR-nr. | Relation |", "|---|---|---|",
             f"| {NAME} | {CPR} | klient |", "| Gert Ulvsby | 010160-1113 | morbror |"]
    assert find_client(lines) == (None, None)
