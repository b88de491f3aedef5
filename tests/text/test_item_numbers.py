"""Item numbers of a plan's numbered points in front of its fields (gldocs.text.item_numbers):
"1.2 CPR-nr.: …" is the CPR field, on evidence of an outline in the document; the client of
such a plan is found and his own numbered fields stay his. All persons and numbers invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from gldocs.document.sections import find_client, label_lines
from gldocs.document.txt import read_txt
from gldocs.errors import InputError
from gldocs.text.item_numbers import blank_item_numbers, item_number_widths

CLIENT = "Valdemar Ulstrup Hvid"
CPR = "170493-2285"


def _plan(number: str, sub: str, open_number: str = "1.") -> list[str]:
    """A plan whose Stamoplysninger fields carry outline numbers (``sub`` formats the
    field's number from the part's and the field's: "{p}.{f}", "{p}.{f}.", "{p}-{f}")."""
    fields = [f"Navn: {CLIENT}", f"CPR-nr.: {CPR}", "Adresse: Løvspringsvej 7, 8660 Skanderborg",
              "Mobil: 42 51 60 73", "Handlekommune: Skanderborg Kommune"]
    lines = [f"{open_number} Stamoplysninger"]
    lines += [sub.format(p=number, f=i) + " " + f for i, f in enumerate(fields, start=1)]
    lines += ["", "2. Beskrivelse", "2.1 Baggrund", "Valdemar bor alene.", ""]
    return lines


@pytest.mark.parametrize(("sub", "opening"), [
    ("{p}.{f}", "1."), ("{p}.{f}.", "1."), ("{p}.{f}", "1"), ("  {p}.{f}", "1."),
    ("{p}.{f}\t", "1."), ("{p}.1.{f}", "1."),
])
def test_numbered_fields_name_the_client(sub: str, opening: str) -> None:
    lines = _plan("1", sub, opening)
    assert find_client(lines) == (CLIENT, CPR)
    labels = label_lines(lines)
    assert labels[1:6] == ["stamoplysninger"] * 5


def test_a_plain_numbered_list_of_fields() -> None:
    lines = ["Oplysninger om klienten", f"1) Navn: {CLIENT}", f"2) CPR-nr.: {CPR}",
             "3) Tlf.: 42 51 60 73"]
    assert find_client(lines) == (CLIENT, CPR)


def test_blanks_keep_the_offsets() -> None:
    lines = _plan("1", "{p}.{f}")
    blanked = blank_item_numbers(lines)
    assert [len(b) for b in blanked] == [len(x) for x in lines]
    assert blanked[1].strip() == f"Navn: {CLIENT}"
    assert blanked[0] == lines[0] and blanked[7] == lines[7]  # headings are no fields


@pytest.mark.parametrize("lines", [
    # a time in front of a journal note: no outline around it
    ["14.30 Opkald: klienten ringede", "15.45 Samtale: aflyst"],
    # one number in front of one field, nothing numbered around it
    ["Notat", "3 Navn: Ole Bak", "Han kom for sent."],
    # a number that opens running text
    ["1. Stamoplysninger", "2 børn bor hjemme: de er 4 og 6 år"],
    # a time of day is no key ("12:30")
    ["1. Møde", "1.1 12:30 i Viborg", "1.2 13:30 i Aarhus"],
])
def test_no_outline_no_item_number(lines: list[str]) -> None:
    assert not any(item_number_widths(lines))


def test_a_plan_without_the_clients_name_is_still_refused(tmp_path: Path) -> None:
    from gldocs.redact.facade import redactor_for

    lines = _plan("1", "{p}.{f}")
    lines[1] = "1.1 Klienttype: Afsoner"
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = read_txt(path)
    assert doc.client_name is None
    with pytest.raises(InputError):
        redactor_for("kommune", ner=False).client(doc)


def test_the_clients_numbered_fields_stay_his(tmp_path: Path) -> None:
    from gldocs.redact.apply import apply
    from gldocs.redact.facade import redactor_for

    lines = _plan("1", "{p}.{f}")
    lines[-2] = "Valdemar bor alene. Hans søster Gunhild Arvesen bor på Tjørnevej 3."
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = read_txt(path)
    redactor = redactor_for("kommune", ner=False)
    plan = redactor.analyze(doc, ["bolig"], redactor.client(doc))
    out = "\n".join(u.text for u in apply(plan))
    for own in (CPR, "42 51 60 73", "Løvspringsvej 7", CLIENT):
        assert own in out, out
    assert "Gunhild" not in out and "Tjørnevej 3" not in out, out


@pytest.mark.parametrize("heading", ["1.1 Stamoplysninger", "1.1. Stamoplysninger",
                                     "Afsnit 1.1 – Stamoplysninger", "2.3.1 Stamoplysninger"])
def test_a_part_heading_numbered_in_levels(heading: str) -> None:
    from gldocs.document.sections import heading_section

    assert heading_section(heading) == "stamoplysninger"
    number = heading.split()[0].rstrip(".") if heading[0].isdigit() else "1.1"
    lines = ["1 Handleplan", heading, f"{number}.1 Navn: {CLIENT}", f"{number}.2 CPR-nr.: {CPR}",
             "", "2 Beskrivelse", "Valdemar bor alene."]
    assert find_client(lines) == (CLIENT, CPR)


@pytest.mark.parametrize("line", ["12.30 Vurdering", "14.45 Beskrivelse", "2024 Vurdering"])
def test_a_time_before_a_part_title_is_no_heading(line: str) -> None:
    from gldocs.document.sections import heading_section

    assert heading_section(line) is None
