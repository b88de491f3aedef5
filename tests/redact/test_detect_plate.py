"""Licence plate detector."""

from __future__ import annotations

import pytest

from gldocs.redact.detectors.plate import find_plates


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("en sort VW Golf med reg.nr. CV 47 219.", "CV 47 219"),
        ("bilen AB12345", "AB12345"),
        ("AB 12345 holdt ved", "AB 12345"),
        ("nummerplade AB-12-345", "AB-12-345"),
        ("(XY 98 765)", "XY 98 765"),
    ],
)
def test_finds_plates(text: str, found: str) -> None:
    [m] = find_plates(text)
    assert (m.text, m.entity) == (found, "PLATE")
    digits = "".join(ch for ch in found if ch.isdigit())
    assert m.normalized == f"{found[:2]} {digits[:2]} {digits[2:]}"


@pytest.mark.parametrize(
    "text",
    [
        "ABC 12 345",  # three letters
        "AB 12 3456",  # six digits
        "ab 12 345",  # lower case
        "AB 02 345",  # series never starts with 0
        "DK 12345",  # country code before a number
        "XY12 345",
        "§ 12 345",
        "AB 12 345,6",
        "Kochsgade 31",
        "HFAB12345",
    ],
)
def test_no_false_plate(text: str) -> None:
    assert find_plates(text) == []


def test_scores() -> None:
    spaced = find_plates("AB 12 345")[0].score
    bare = find_plates("AB12345")[0].score
    ctx = find_plates("reg.nr. AB12345")[0].score
    assert ctx > spaced > bare
