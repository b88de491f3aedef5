"""Danish CPR numbers (personnummer): the one module the case model, the redaction
detector and the disclosure log share, on python-stdnum.

A CPR number is ``DDMMYY-SSSS``; the 7th digit with the year gives the century
(stdnum's rule). Since 2007 not every number passes the old modulus-11 check, so a number
is valid when its birth date exists; :func:`passes_mod11` is information only.
"""

from __future__ import annotations

import datetime as dt

from stdnum.dk import cpr as stdnum_cpr
from stdnum.exceptions import ValidationError

MOD11_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def digits_of(value: str) -> str:
    """The digits of ``value`` ("120394-1763" -> "1203941763")."""
    return "".join(ch for ch in value if ch.isdigit())


def birth_date(value: str) -> dt.date | None:
    """The birth date a CPR number encodes (any spelling), or None if it has none."""
    digits = digits_of(value)
    if len(digits) != 10:
        return None
    try:
        return stdnum_cpr.get_birth_date(digits)
    except (ValidationError, ValueError):
        return None


def passes_mod11(value: str) -> bool:
    """Whether the old modulus-11 check holds (information only)."""
    digits = digits_of(value)
    return len(digits) == 10 and sum(
        int(d) * w for d, w in zip(digits, MOD11_WEIGHTS, strict=True)) % 11 == 0


def normalize(value: str) -> str:
    """``DDMMYY-SSSS`` for any spelling; ValueError if ``value`` has not 10 digits."""
    digits = digits_of(value)
    if len(digits) != 10:
        raise ValueError(f"Ikke et CPR-nummer: {value!r}")
    return f"{digits[:6]}-{digits[6:]}"


def mask(cpr: str) -> str:
    """'140595-1237' -> '140595-****': messages show the date part only."""
    return cpr[:6] + "-****" if len(cpr) >= 6 else "****"
