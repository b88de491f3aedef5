from datetime import date, datetime

import pytest

from gldocs.dates import format_dato, format_dato_med_ugedag, parse_iso_dato


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 3, 2), "2. marts 2026"),
        (date(2026, 1, 31), "31. januar 2026"),
        (date(2025, 12, 24), "24. december 2025"),
        (date(2024, 5, 9), "9. maj 2024"),
        (datetime(2026, 2, 1, 13, 5), "1. februar 2026"),
    ],
)
def test_format_dato(d: date, expected: str) -> None:
    assert format_dato(d) == expected


def test_format_dato_med_ugedag() -> None:
    assert format_dato_med_ugedag(date(2026, 3, 7)) == "lørdag den 7. marts 2026"


def test_parse_iso_dato() -> None:
    assert parse_iso_dato(" 2026-03-02 ") == date(2026, 3, 2)
    with pytest.raises(ValueError, match="ÅÅÅÅ-MM-DD"):
        parse_iso_dato("2026-02-30")
    with pytest.raises(ValueError, match="ikke en gyldig dato"):
        parse_iso_dato("2. marts 2026")
