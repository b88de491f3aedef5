"""Phone detector: Danish formats, international numbers, and look-alikes that are not phones."""

from __future__ import annotations

import itertools

import pytest

from gldocs.redact.detectors.phone import find_phones


@pytest.mark.parametrize(
    ("text", "found", "e164"),
    [
        ("tlf. 28 69 31 52", "28 69 31 52", "+4528693152"),
        ("Ring på 28693152 i morgen", "28693152", "+4528693152"),
        ("mobil +45 28 69 31 52.", "+45 28 69 31 52", "+4528693152"),
        ("+4528693152", "+4528693152", "+4528693152"),
        ("0045 28693152", "0045 28693152", "+4528693152"),
        ("0045-28693152", "0045-28693152", "+4528693152"),
        ("tlf. 2058 1734", "2058 1734", "+4520581734"),
        ("tlf. 3978 5326", "3978 5326", "+4539785326"),
        ("28-69-31-52", "28-69-31-52", "+4528693152"),
        ("28.69.31.52", "28.69.31.52", "+4528693152"),
        ("tlf. 72 55 41 20, lotte@krfo.dk", "72 55 41 20", "+4572554120"),
        ("(+45) 60 17 42 93", "(+45) 60 17 42 93", "+4560174293"),
        ("(0045) 60 17 42 93", "(0045) 60 17 42 93", "+4560174293"),
        ("Telefon: 52 94 37 18", "52 94 37 18", "+4552943718"),
        ("+45 2869 3152", "+45 2869 3152", "+4528693152"),
        ("hotline 70 10 10 10", "70 10 10 10", "+4570101010"),
        ("søster i Nuuk på +299 53 82 49.", "+299 53 82 49", "+299538249"),
        ("ring +46 8 123 456 78", "+46 8 123 456 78", "+46812345678"),
        ("mor på +48 601 234 567", "+48 601 234 567", "+48601234567"),
    ],
)
def test_finds_phone_numbers(text: str, found: str, e164: str) -> None:
    matches = find_phones(text)
    assert [(m.text, m.normalized, m.entity) for m in matches] == [(found, e164, "PHONE")]
    assert text[matches[0].start:matches[0].end] == found


@pytest.mark.parametrize(
    "text",
    [
        "CPR 120394-1763",
        "1203941763",
        "120394 1763",
        "12 03 94 1763",
        "Mødet 12.03.2026 kl. 10.00",
        "fra 03.11.2025-08.01.2026",
        "skoleåret 2025-2026",
        "i årene 2024 2025",
        "5000 Odense C",
        "Beløbet er 1234 5678 kr.",
        "restance på 28 69 31 52 kr.",
        "gæld 28.714.409 kr.",
        "12 34 56 78",  # not a valid Danish number (the 1-series is service codes)
        "11223344",
        "CVR 28693152",
        "sagsnr. 28693152",
        "Reg.nr. 2869 3152",
        "28 69 31 52 12",  # ten digits in pairs: not an 8-digit number
        "287144091",
        "version 1.2.3.4",
        "kl. 8.30-14.00",
    ],
)
def test_no_false_phone(text: str) -> None:
    assert find_phones(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [("tlf. 12 34 56 78", "12 34 56 78"), ("+45 11 22 33 44", "+45 11 22 33 44"),
     ("mobil: 1234 5678", "1234 5678")],
)
def test_number_outside_plan_taken_only_with_phone_context(text: str, found: str) -> None:
    [m] = find_phones(text)
    assert (m.text, m.score) == (found, 0.5)
    assert m.normalized == "+45" + "".join(ch for ch in found[-11:] if ch.isdigit())[-8:]


def test_context_raises_score_and_bare_is_weakest() -> None:
    [ctx] = find_phones("tlf. 28 69 31 52")
    [plain] = find_phones("kontakt 28 69 31 52")
    [bare] = find_phones("kontakt 28693152")
    assert ctx.score > plain.score > bare.score


def test_several_numbers_sorted_and_cpr_next_to_phone() -> None:
    text = "Louise, CPR 090187-2090, tlf. 40 65 29 17 eller +45 21 39 74 68; bror 91 58 73 06."
    matches = find_phones(text)
    assert [m.normalized for m in matches] == ["+4540652917", "+4521397468", "+4591587306"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(matches))


@pytest.mark.parametrize(("text", "found"), [
    ("Hans søster i USA: +1 (315) 364-8611.", "+1 (315) 364-8611"),
    ("Moren bor i Polen og har +48 601 338 274.", "+48 601 338 274"),
    ("Vennen i Sverige: 0046 70 123 45 67.", "0046 70 123 45 67"),
    ("Kan kontaktes på +44 20 7946 0321 i London.", "+44 20 7946 0321"),
])
def test_foreign_formats(text: str, found: str) -> None:
    [m] = find_phones(text)
    assert m.text == found and m.score >= 0.8


def test_foreign_number_outside_its_plan_is_taken_for_review() -> None:
    # a reserved/invented British mobile range: still somebody's number as written
    [m] = find_phones("Ekskæresten har +44 7700 900 418.")
    assert m.text == "+44 7700 900 418" and m.score < 0.5


@pytest.mark.parametrize("text,found", [
    ("Kammeraten har nummeret 316 208 57.", "316 208 57"),
    ("Veninden skrev fra 31 62 0857 i går.", "31 62 0857"),
    ("ring 3162 08 57 om aftenen", "3162 08 57"),
    ("Faren har 316 20 857.", "316 20 857"),
])
def test_eight_digits_in_any_grouping_by_spaces(text: str, found: str) -> None:
    phones = find_phones(text)
    assert [p.text for p in phones] == [found]
    if "ring" not in text:
        assert phones[0].score < 0.7  # unanchored odd grouping: removed and flagged


@pytest.mark.parametrize("text", [
    "Mødet er 24 12 2026.", "Beløbet var 2026 11 04 kr.", "Sagsnr. 2026 123 45.",
    "kl. 20.30-22.00", "den 24.12.2026", "2 børn på 12 og 14 år", "316 208 57 91 er et id",
    "Hun fik 12 500 kr.",
])
def test_odd_grouping_is_not_taken_for_dates_amounts_or_longer_numbers(text: str) -> None:
    assert find_phones(text) == []
