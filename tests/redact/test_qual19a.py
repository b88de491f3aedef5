"""Round 19 (issue 8, qual19a): a printout with a line number in front of every line reads
like the same text without them (the client's Stamoplysninger found, the client's fields
kept, a relative removed) and a printout that names no client is still refused. All
persons, places and numbers invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from gldocs.document.base import SourceDocument
from gldocs.document.sections import find_client
from gldocs.document.txt import units_from_text
from gldocs.errors import InputError
from gldocs.redact.apply import apply
from gldocs.redact.facade import redactor_for

CLIENT = "Ulrik Hedegaard Lund"
CPR = "030388-1457"
PRINTOUT = f"""Stamoplysninger
Navn: {CLIENT}
CPR-nr.: {CPR}
Adresse: Kirkestien 4, 1. th., 8800 Viborg
Telefon: 31 47 28 60

=== JOURNALUDSKRIFT - udskrevet 02.02.2026 ===
Side 1 af 1

05.01.2026  Samtale.
Ulrik bor alene. Hans søster Birgitte Mølgaard har tlf. 42 19 77 03.
Hun kan hjælpe ham med at flytte.
"""


def _numbered(text: str, number) -> str:  # type: ignore[no-untyped-def]
    lines = text.rstrip("\n").split("\n")
    return "\n".join((number(i) + line).rstrip() for i, line in enumerate(lines, start=1))


def _redact(text: str) -> str:
    redactor = redactor_for("kommune", ner=False)
    units = units_from_text(text)
    name, cpr = find_client([u.text for u in units])
    doc = SourceDocument(Path("udskrift.txt"), "txt", units, client_name=name,
                         client_cpr=cpr)
    plan = redactor.analyze(doc, ["bolig"], redactor.client(doc))
    return "\n".join(u.text for u in apply(plan))


@pytest.mark.parametrize("number", [
    lambda n: f"{n:04d}  ", lambda n: f"{n:>3} | ", lambda n: f"{n}\t", lambda n: f"[{n}] "])
def test_a_numbered_printout_reads_like_the_plain_text(number) -> None:  # type: ignore[no-untyped-def]
    text = _numbered(PRINTOUT, number)
    assert find_client(text.split("\n")) == (CLIENT, CPR)
    out = _redact(text)
    plain = _redact(PRINTOUT)
    assert [line.strip() for line in out.split("\n")] == [
        (number(i) + line).rstrip().strip() for i, line in enumerate(plain.split("\n"), 1)]
    assert "Kirkestien 4" in out and "31 47 28 60" in out, out
    assert "Birgitte" not in out and "42 19 77 03" not in out, out


def test_a_numbered_printout_without_the_clients_fields_is_still_refused() -> None:
    text = _numbered(PRINTOUT.replace(f"Navn: {CLIENT}\n", "").replace(
        f"CPR-nr.: {CPR}\n", ""), lambda n: f"{n:04d}  ")
    units = units_from_text(text)
    assert find_client([u.text for u in units]) == (None, None)
    redactor = redactor_for("kommune", ner=False)
    with pytest.raises(InputError):
        redactor.client(SourceDocument(Path("udskrift.txt"), "txt", units))
