"""Tables as a layout of their own (issue 8, tables): a table of labels and values in the
Stamoplysninger is the client's fields (K1), a table of people is one record per row (a
private person's row loses its name and contact cells, a professional's keeps them, a row
whose owner is not shown goes and is flagged), and a table's bars and tabs survive with
every marker inside its cell. All persons, places and numbers are invented."""

from __future__ import annotations

import re

import pytest
from harness import Case, analyse, redacted

CLIENT = "Orla Birk Vendelbo"
CPR = "140395-2217"

STAM_TABLE = (
    "## 1. Stamoplysninger\n\n"
    "| Oplysning | Indhold |\n"
    "|---|---|\n"
    f"| Navn: | {CLIENT} |\n"
    f"| CPR-nr.: | {CPR} |\n"
    "| Adresse efter løsladelse: | Ravnsborgvej 3, 1. th., 6400 Sønderborg |\n"
    "| Mobil: | 61 72 83 94 |\n"
    "| Institution: | Statsfængslet Møgelkær |\n\n"
    "## 2. Beskrivelse\n\n"
)
CASE = Case(CLIENT, STAM_TABLE + "Netværk\n", areas=("netværk", "beskæftigelse"), cpr=CPR)

PEOPLE = {
    "markdown": ("| Navn | Relation | Mobil | Bemærkning |\n|---|---|---|---|\n"
                 "{rows}"),
    "no outer bars": "Navn | Relation | Mobil | Bemærkning\n--- | --- | --- | ---\n{rows}",
    "tabs": "Navn\tRelation\tMobil\tBemærkning\n{rows}",
}


def rows(shape: str, people: list[tuple[str, str, str, str]]) -> str:
    out = []
    for cells in people:
        if shape == "markdown":
            out.append("| " + " | ".join(cells) + " |")
        elif shape == "tabs":
            out.append("\t".join(cells))
        else:
            out.append(" | ".join(cells))
    return PEOPLE[shape].format(rows="\n".join(out) + "\n")


def visible(out: str) -> str:
    return re.sub(r"\[[^\]]*\]", " ", out)


def test_the_clients_fields_in_a_stamoplysninger_table_stay() -> None:
    out = CASE.text("Orla har et job på lageret.\n")
    for kept in (CLIENT, CPR, "Ravnsborgvej 3, 1. th., 6400 Sønderborg", "61 72 83 94"):
        assert kept in out, out
    assert "| Mobil: | 61 72 83 94 |" in out


@pytest.mark.parametrize("shape", list(PEOPLE))
def test_a_private_persons_row_loses_name_and_number(shape: str) -> None:
    body = rows(shape, [
        ("Gert Ulvsby", "Morbror", "22 31 40 59", "Ser ham hver søndag"),
        ("Pia Hjortlund", "Nabo i opgangen", "pia.hjort@postkasse.dk", "Hjælper med post"),
        ("Bent Skovrider", "Tidligere kollega og ven", "40 12 21 30", "-"),
    ])
    out = CASE.redact(body)
    for gone in ("Gert", "Ulvsby", "22 31 40 59", "Pia Hjortlund", "pia.hjort@postkasse.dk",
                 "Skovrider", "40 12 21 30"):
        assert gone not in visible(out), (gone, out)
    assert "Morbror" in out  # the role stays (the kommune may know he exists)
    sep = "\t" if shape == "tabs" else "|"
    for line in out.strip().split("\n")[-3:]:
        assert line.count(sep) >= 3, line  # the row's structure survives
        if sep == "|":
            assert not re.search(r"\[[^\]|]*\|", line), line  # a marker stays in its cell


@pytest.mark.parametrize("shape", list(PEOPLE))
def test_a_professionals_row_keeps_name_and_number(shape: str) -> None:
    body = rows(shape, [
        ("Karin Mølbjerg", "Sagsbehandler, Jobcenter Sønderborg", "88 72 10 10", "Møde i maj"),
        ("Gert Ulvsby", "Morbror", "22 31 40 59", "-"),
    ])
    out = CASE.redact(body)
    assert "Karin Mølbjerg" in out and "88 72 10 10" in out, out
    assert "22 31 40 59" not in out, out


def test_a_row_whose_owner_is_not_shown_goes_and_is_flagged() -> None:
    body = ("| Navn | Relation | Mobil |\n|---|---|---|\n"
            "| Gert Ulvsby | Morbror | 22 31 40 59 |\n"
            "| Lis Trangbæk |  | 26 37 48 59 |\n")
    plan = analyse(STAM_TABLE + "Netværk\n" + body, CLIENT, ("netværk",), cpr=CPR)
    out = redacted(plan)
    assert "26 37 48 59" not in out and "Trangbæk" not in visible(out), out
    flagged = [f for f in plan.findings if f.review and f.action == "remove"]
    assert any("26 37 48 59" in f.text for f in flagged), flagged


def test_the_clients_own_row_stays() -> None:
    body = ("| Navn | Rolle | Mobil |\n|---|---|---|\n"
            f"| {CLIENT} | Klient | 61 72 83 94 |\n"
            "| Gert Ulvsby | Morbror | 22 31 40 59 |\n")
    out = CASE.redact(body)
    assert CLIENT in out and "61 72 83 94" in out, out
    assert "22 31 40 59" not in out


def test_a_removal_over_a_whole_row_keeps_the_bars() -> None:
    """A sentence-level removal that covers a row (a third person's § 10 data) goes cell
    by cell: the bars stay, each cell holds its marker."""
    body = ("| Navn | Relation | Bemærkning |\n|---|---|---|\n"
            "| Gert Ulvsby | Morbror | Han drikker meget og har en alkoholafhængighed |\n")
    out = CASE.redact(body, areas=("beskæftigelse",))
    last = out.strip().split("\n")[-1]
    assert last.startswith("|") and last.endswith("|") and last.count("|") == 4, last
    assert "alkohol" not in visible(last), last


def test_a_who_what_when_table_reads_each_row_by_its_person() -> None:
    """A table of agreements ("Hvem | Hvad | Hvornår"): a relative's row (the role in
    brackets beside the name) loses the name and the address in the task; a professional
    the document shows keeps the row; the task's first word is no name because of the
    role in the cell before it."""
    body = ("Mødet blev holdt med sagsbehandler Karin Mølbjerg, Jobcenter Sønderborg.\n\n"
            "| Hvem | Hvad | Hvornår |\n|------|------|---------|\n"
            "| Karin Mølbjerg | Ansøgning om kontanthjælp | 01.02.2026 |\n"
            "| Gert (morbror) | Klargøring af værelset på Tjørnevej 12 | Inden 26.03.2026 |\n")
    out = CASE.redact(body)
    rows = out.strip().split("\n")
    assert "Karin Mølbjerg" in rows[-2], out
    assert "Gert" not in visible(rows[-1]) and "Tjørnevej" not in visible(rows[-1]), out
    assert "Klargøring af værelset" in rows[-1], out
    assert "(morbror)" in rows[-1] or "[" in rows[-1]


def test_a_redacted_table_read_again_has_nothing_left_to_remove() -> None:
    """``gldocs scan`` reads a redacted copy like the redactor: the markers left in a table
    of people are no names, and a role beside a marker opens no row."""
    from harness import facade_plan

    copy = ("| Hvem | Relation | Mobil |\n|---|---|---|\n"
            "| [pårørende] (søster) | Søster | [pårørendes tlf.] |\n"
            "| [pårørende] | Morbror | [pårørendes tlf.] |\n")
    again = facade_plan(STAM_TABLE + "Netværk\n" + copy, ("netværk",), CLIENT, CPR)
    left = [f for f in again.findings if f.action == "remove" and "tabel" in f.explanation]
    assert not left, left


def test_a_transfer_list_loses_the_private_recipients_and_keeps_an_authority() -> None:
    """A bank extract pasted with tabs ("Dato | Modtager | Beløb"): a recipient by name or
    by number is a private person's identity unless the name is an organisation's (the
    owner is not shown: removed and flagged); a type column shows no office."""
    body = ("Dato\tModtager\tType\tBeløb\n"
            "04.03.2025\tSander Kvist\tMobilePay\t1.500 kr.\n"
            "09.03.2025\t+45 28 19 37 46\tMobilePay\t700 kr.\n"
            "12.03.2025\tSønderborg Kommune\tIndbetaling\t2.000 kr.\n")
    plan = analyse(STAM_TABLE + "Netværk\n" + body, CLIENT, ("økonomi",), cpr=CPR)
    out = redacted(plan)
    assert "Sander" not in visible(out) and "28 19 37 46" not in out, out
    assert "Sønderborg Kommune\tIndbetaling" in out, out
    assert any(f.review for f in plan.findings if "28 19 37 46" in f.text), plan.findings
    # (the row is read as a record: its evidence says so in --explain)
    assert any("tabel over personer" in f.explanation for f in plan.findings
               if f.text == "Sander Kvist"), plan.findings


def test_header_cells_in_longer_words() -> None:
    """Column headings as people write them: "Navn (kaldenavn)", "Relation til klienten",
    "Tlf.nr. (privat)"."""
    body = ("| Navn (kaldenavn) | Relation til klienten | Tlf.nr. (privat) |\n"
            "|---|---|---|\n"
            "| Gert \"Gummi\" Ulvsby | Morbror | 22 31 40 59 |\n"
            "| Karin Mølbjerg | Sagsbehandler, Jobcenter Sønderborg | 88 72 10 10 |\n")
    plan = analyse(STAM_TABLE + "Netværk\n" + body, CLIENT, ("netværk",), cpr=CPR)
    out = redacted(plan)
    assert "Ulvsby" not in visible(out) and "22 31 40 59" not in out, out
    assert "Karin Mølbjerg" in out and "88 72 10 10" in out, out
    assert any("tabel over personer" in f.explanation for f in plan.findings
               if "22 31 40 59" in f.text), plan.findings
