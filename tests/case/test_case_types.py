"""Value types: CPR (century rule, modulus 11), dates, yes/no, sentence length."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import TypeAdapter, ValidationError

from gldocs.case.types import (
    Cpr,
    Dato,
    JaNej,
    Koordineringsomraade,
    cpr_birth_date,
    cpr_passes_modulus11,
    format_dato,
    straflaengde_dage,
)

CPR = TypeAdapter(Cpr)
DATO = TypeAdapter(Dato)
JA_NEJ = TypeAdapter(JaNej)


@pytest.mark.parametrize("raw", ["140595-1237", "1405951237", " 140595-1237 ", 1405951237])
def test_cpr_is_normalised_with_dash(raw: object) -> None:
    assert CPR.validate_python(raw) == "140595-1237"


@pytest.mark.parametrize(
    ("cpr", "born"),
    [
        ("010190-1234", dt.date(1990, 1, 1)),
        ("010137-4234", dt.date(1937, 1, 1)),
        ("010110-4234", dt.date(2010, 1, 1)),
        ("311299-9234", dt.date(1999, 12, 31)),
        ("010158-5234", dt.date(1858, 1, 1)),
        ("010105-6234", dt.date(2005, 1, 1)),
        ("290200-4234", dt.date(2000, 2, 29)),
    ],
)
def test_century_digit_rule(cpr: str, born: dt.date) -> None:
    assert cpr_birth_date(cpr) == born
    assert CPR.validate_python(cpr) == cpr


@pytest.mark.parametrize("bad", ["310295-1234", "290201-4234", "001290-1234", "011390-1234"])
def test_cpr_with_impossible_date_is_rejected(bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        CPR.validate_python(bad)
    assert "gyldig fødselsdato" in info.value.errors()[0]["msg"]


def test_cpr_born_in_the_future_is_rejected() -> None:
    # 7th digit 5 and year 50 -> 2050
    with pytest.raises(ValidationError) as info:
        CPR.validate_python("010150-5234")
    assert "fremtiden" in info.value.errors()[0]["msg"]


@pytest.mark.parametrize("bad", ["14059-1237", "140595-12370", "14.05.95-1237", "abc", 12345])
def test_cpr_with_wrong_format_is_rejected(bad: object) -> None:
    with pytest.raises(ValidationError):
        CPR.validate_python(bad)


def test_cpr_failing_modulus_11_is_accepted() -> None:
    cpr = "140595-1237"  # the main sample's client
    assert not cpr_passes_modulus11(cpr)
    assert CPR.validate_python(cpr) == cpr


def test_modulus_11_check_itself() -> None:
    assert cpr_passes_modulus11("070761-4285")  # a classic valid example number
    assert not cpr_passes_modulus11("070761-4286")


@pytest.mark.parametrize(
    "raw",
    ["2026-03-02", "02.03.2026", "2.3.2026", "2-3-2026", "2. marts 2026", "2 Marts 2026",
     dt.date(2026, 3, 2), dt.datetime(2026, 3, 2, 10, 0)],
)
def test_dates_in_danish_and_iso_forms(raw: object) -> None:
    assert DATO.validate_python(raw) == dt.date(2026, 3, 2)


@pytest.mark.parametrize("bad", ["2026-02-30", "30.02.2026", "i morgen", "2026/13/01", 20260302])
def test_bad_dates_give_danish_errors(bad: object) -> None:
    with pytest.raises(ValidationError) as info:
        DATO.validate_python(bad)
    assert "dato" in info.value.errors()[0]["msg"]


def test_format_dato() -> None:
    assert format_dato(dt.date(2026, 3, 2)) == "2. marts 2026"
    assert format_dato(dt.date(2027, 12, 24)) == "24. december 2027"


@pytest.mark.parametrize(("raw", "value"), [("ja", True), ("Nej", False), (True, True),
                                            ("false", False)])
def test_ja_nej(raw: object, value: bool) -> None:
    assert JA_NEJ.validate_python(raw) is value


def test_ja_nej_rejects_other_words() -> None:
    with pytest.raises(ValidationError) as info:
        JA_NEJ.validate_python("måske")
    assert "ja eller nej" in info.value.errors()[0]["msg"]


@pytest.mark.parametrize(
    ("text", "days"),
    [("1 år og 6 måneder", 545), ("30 dage", 30), ("4 måneder", 120), ("tre uger", 21),
     ("2 år, 3 måneder og 14 dage", 834), ("halvandet år", 548), ("60 dages fængsel", 60),
     ("fængsel i 2 år og 6 måneders", 910), ("6 måneders fængsel", 180), ("ét års fængsel", 365),
     ("Fængsel i 60 dage", 60), ("livstid", None),
     ("Betinget fængsel i 6 måneder med en prøvetid på 2 år", 180)],
)
def test_straflaengde_dage(text: str, days: int | None) -> None:
    assert straflaengde_dage(text) == days


def test_koordineringsomraade_titles_and_policy_names() -> None:
    assert Koordineringsomraade.OEKONOMI.titel == "Økonomi"
    assert Koordineringsomraade.BESKAEFTIGELSE.policy_navn == "beskæftigelse"
    assert [a.value for a in Koordineringsomraade] == [
        "bolig", "beskaeftigelse", "uddannelse", "oekonomi", "misbrug", "helbred",
        "netvaerk", "mentor"]


@pytest.mark.parametrize("bad", ["310295-1234", "010150-5234", "3102951234x"])
def test_cpr_errors_never_echo_the_serial_digits(bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        CPR.validate_python(bad)
    assert bad[-4:] not in info.value.errors()[0]["msg"]
