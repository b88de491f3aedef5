"""A printout's line numbers in front of every line (gldocs.text.line_numbers): read past on
document-wide evidence only. All text invented."""

from __future__ import annotations

import pytest

from gldocs.text.line_numbers import (
    blank_line_numbers,
    line_number_widths,
    without_line_numbers,
)

BODY = ["Stamoplysninger", "Navn: Ulrik Hedegaard Lund", "CPR-nr.: 030388-1457", "",
        "Han bor på Kirkestien 4.", "Mødet holdes 12:30 i Viborg.", "", "Slut"]


@pytest.mark.parametrize("number", [
    lambda n: f"{n:04d}  ",          # a journal printout
    lambda n: f"{n:>4} | ",           # a listing with a column bar
    lambda n: f"{n}\t",               # a pasted export
    lambda n: f"[{n}] ",              # bracketed
    lambda n: f"  {n}: ",             # an OCR'd page
    lambda n: f"{n:>3} │ ",           # a box-drawing column bar
])
def test_numbers_in_front_of_every_line_are_read_past(number) -> None:  # type: ignore[no-untyped-def]
    lines = [(number(i) + line).rstrip() if not line else number(i) + line
             for i, line in enumerate(BODY, start=17)]
    assert [s.strip() for s in without_line_numbers(lines)] == BODY
    blanked = blank_line_numbers(lines)
    assert [len(b) for b in blanked] == [len(x) for x in lines]
    assert [b.strip() for b in blanked] == BODY


def test_a_count_that_starts_again_on_a_new_page() -> None:
    lines = [f"{n:>3}  tekst {n}" for n in (1, 2, 3, 4)] + [f"{n:>3}  side to {n}"
                                                              for n in (1, 2, 3)]
    assert all(line_number_widths(lines))


@pytest.mark.parametrize("lines", [
    # a numbered list: a full stop or a bracket after the number
    ["1. Stamoplysninger", "2. Beskrivelse", "3. Årsager", "4. Vurdering", "5. Samarbejde"],
    ["1) ring til Jobcenter", "2) find bolig", "3) start behandling", "4) møde", "5) slut"],
    # numbers that are the text: years and counts, not counting up
    ["2019 flyttede han til Vejle.", "2021 fik han arbejde.", "3 børn bor hos moren.",
     "14 dage efter kom han igen.", "2024 blev han anholdt."],
    # times of day
    ["12:30 møde", "13:30 møde", "14:30 møde", "15:30 møde", "16:30 møde"],
    # too few lines carry a number
    ["1 Ulrik", "2 Kirkestien", "3 Viborg", "4 Lund", "5 Vejle", "Han bor alene.",
     "Han har en søn.", "Sønnen er 12 år."],
])
def test_numbers_that_are_no_line_numbers_stay(lines: list[str]) -> None:
    assert not any(line_number_widths(lines))
    assert without_line_numbers(lines) == lines
    assert blank_line_numbers(lines) == lines


def test_a_line_whose_number_breaks_the_count_keeps_it() -> None:
    lines = [f"{n:04d}  linje {n}" for n in range(40, 50)]
    lines.insert(5, "2026 var et godt år.")  # a wrapped line without its own number
    widths = line_number_widths(lines)
    assert widths[5] == 0 and all(w == 6 for k, w in enumerate(widths) if k != 5)
