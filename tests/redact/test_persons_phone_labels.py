"""Numbers after a phone label are phones whatever their country (R1 must catch them)."""

from __future__ import annotations

import pytest

from gldocs.redact.detectors.phone import find_phones


@pytest.mark.parametrize(("text", "number"), [
    ("Hun ringer fra mobil: 0298 51 22 90 (færøsk nr.).", "0298 51 22 90"),
    ("Broren kan nås på 345 678 om aftenen.", "345 678"),
    ("Tlf. 6170 3348", "6170 3348"),
    ("mobilnr. 0046 70 123 45 67", "0046 70 123 45 67"),
])
def test_number_after_label(text: str, number: str) -> None:
    assert number in [m.text for m in find_phones(text)]


@pytest.mark.parametrize("text", ["tlf. 1.2.2026", "telefon 12-03-2026", "tlf. 12345"])
def test_dates_and_short_numbers_after_label_are_no_phones(text: str) -> None:
    assert find_phones(text) == []


def test_street_without_known_suffix_before_postnummer() -> None:
    from gldocs.redact.detectors.address import find_addresses

    found = [m.text for m in find_addresses("Trine bor på Hyldespjældet 74, st. th., "
                                            "2620 Albertslund.")]
    assert found == ["Hyldespjældet 74, st. th., 2620 Albertslund"]
    assert [m.text for m in find_addresses("Mødet er i Odense, 5000 Odense C")] == [
        "5000 Odense C"]
