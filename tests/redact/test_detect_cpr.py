"""CPR detector: spellings, validity, and what must not be taken for a CPR number."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from gldocs.redact.detectors.cpr import (
    birth_date,
    find_cprs,
    is_cpr,
    normalize_cpr,
    passes_mod11,
)

TODAY = dt.date(2026, 3, 2)


@pytest.mark.parametrize(
    ("text", "found", "normalized"),
    [
        ("CPR-nr.: 120394-1763", "120394-1763", "120394-1763"),
        ("CPR:120394-1763", "120394-1763", "120394-1763"),
        ("født 1203941763 i Odense", "1203941763", "120394-1763"),
        ("personnummer 120394 1763.", "120394 1763", "120394-1763"),
        ("(12 03 94-1763)", "12 03 94-1763", "120394-1763"),
        ("12 03 94 1763", "12 03 94 1763", "120394-1763"),
        ("nr. 120394–1763, se", "120394–1763", "120394-1763"),
        ("nr. 120394 - 1763", "120394 - 1763", "120394-1763"),
        ("Datteren (CPR 010119-4026) bor", "010119-4026", "010119-4026"),
        ("CPR 010100-4000 er gammel", "010100-4000", "010100-4000"),  # year 2000 by digit 7
        ("Navn120394-1763", "120394-1763", "120394-1763"),  # glued text from a PDF
    ],
)
def test_finds_cpr_in_every_spelling(text: str, found: str, normalized: str) -> None:
    matches = find_cprs(text, today=TODAY)
    assert [(m.text, m.normalized, m.entity) for m in matches] == [(found, normalized, "CPR")]
    m = matches[0]
    assert text[m.start:m.end] == found


@pytest.mark.parametrize(
    "text",
    [
        "Mødet er den 12.03.2026 kl. 10.00",
        "Dato: 12-03-2026",
        "tlf. 28 69 31 52",
        "ring på +4526915843",
        "4526915843",  # day 45: no date
        "beløb 1.203.941.763 kr.",
        "sagsnr. 2025-120394-1763",
        "j.nr. 120394-1763/2025",
        "120394-17634",
        "9120394-1763",
        "320394-1763",  # day 32
        "121394-1763",  # month 13
        "290223-1234",  # 29 February 2023 does not exist
        "1203941763" + "5",
        "kontonr. 1234 5678901234",
        "",
    ],
)
def test_no_false_cpr(text: str) -> None:
    assert find_cprs(text, today=TODAY) == []


def test_failing_modulus_11_is_still_cpr_but_scores_lower() -> None:
    good, bad = "070761-4285", "070761-4286"
    assert passes_mod11(good.replace("-", "")) and not passes_mod11(bad.replace("-", ""))
    [g] = find_cprs(f"x {good}", today=TODAY)
    [b] = find_cprs(f"x {bad}", today=TODAY)
    assert b.score < g.score
    assert b.normalized == bad


def test_context_word_raises_score() -> None:
    [plain] = find_cprs("nummer 070761-4286", today=TODAY)
    [ctx] = find_cprs("CPR-nr. 070761-4286", today=TODAY)
    assert ctx.score > plain.score


def test_undelimited_scores_lower_than_dashed() -> None:
    [dashed] = find_cprs("070761-4285", today=TODAY)
    [bare] = find_cprs("0707614285", today=TODAY)
    assert bare.score < dashed.score


def test_century_digit_rule() -> None:
    assert birth_date("0101304000") == dt.date(2030, 1, 1)  # 7th digit 4, year <= 36
    assert birth_date("0101404000") == dt.date(1940, 1, 1)  # 7th digit 4, year >= 37
    assert birth_date("0101505000") == dt.date(2050, 1, 1)  # 5-8 and year < 58: 2000s
    assert birth_date("0101605000") == dt.date(1860, 1, 1)
    assert birth_date("0101585000") == dt.date(1858, 1, 1)  # 5-8 and year >= 58: 1800s
    assert birth_date("0101302000") == dt.date(1930, 1, 1)  # 0-3: 1900s
    assert birth_date("3102901234") is None


def test_future_birth_date() -> None:
    # 7th digit 4 and year 30: born 2030, cannot exist yet.
    assert find_cprs("0101304000", today=TODAY) == []  # bare digits: not CPR
    [m] = find_cprs("CPR 010130-4000", today=TODAY)  # dashed in CPR context: fail closed
    assert m.score <= 0.99
    [weak] = find_cprs("nummer 010130-4000", today=TODAY)
    assert weak.score == 0.5


def test_several_sorted_non_overlapping() -> None:
    text = "Far 010192-2215, datter 010119-4026 og mor 020196 2318."
    matches = find_cprs(text, today=TODAY)
    assert [m.normalized for m in matches] == ["010192-2215", "010119-4026", "020196-2318"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(matches))


def test_normalize_and_is_cpr() -> None:
    assert normalize_cpr("12 03 94 1763") == "120394-1763"
    assert normalize_cpr("1203941763") == "120394-1763"
    with pytest.raises(ValueError):
        normalize_cpr("12039417")
    assert is_cpr("120394-1763") and is_cpr(" 1203941763 ")
    assert not is_cpr("320394-1763") and not is_cpr("28693152")


def test_birth_dates_written_as_such() -> None:
    from gldocs.redact.detectors.cpr import find_birth_dates

    text = ("KROG, Ida, f. 11.12.1988; hendes bror er født den 2. maj 1986 og hendes mor "
            "født 3/4-61. Mødet er den 11.12.2026, og han fik 2 børn.")
    found = find_birth_dates(text)
    assert [m.text for m in found] == ["11.12.1988", "2. maj 1986", "3/4-61"]
    assert [m.normalized for m in found] == ["111288", "020586", "030461"]
    assert find_birth_dates("f. 32.13.1990") == []  # no such date
