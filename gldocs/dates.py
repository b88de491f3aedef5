"""Danish date formatting shared by every module that shows a date to a caseworker.

Dates are written the Danish way, "2. marts 2026": day with a full stop, month name in
lower case, full year. Parsing of ISO dates for command-line options lives here too, so
every command reports a bad date with the same Danish message.
"""

from __future__ import annotations

from datetime import date, datetime

from gldocs.ordlister import words

# the months, January first, and the weekdays, Monday first (package data:
# gldocs/ordlister.yaml)
MAANEDER: tuple[str, ...] = words("maaneder")
UGEDAGE: tuple[str, ...] = words("ugedage")


def format_dato(d: date) -> str:
    """Return ``d`` as Danish text, e.g. ``date(2026, 3, 2)`` -> ``"2. marts 2026"``."""
    if isinstance(d, datetime):
        d = d.date()
    return f"{d.day}. {MAANEDER[d.month - 1]} {d.year}"


def format_dato_med_ugedag(d: date) -> str:
    """Return ``d`` with its weekday, e.g. ``"mandag den 2. marts 2026"``."""
    if isinstance(d, datetime):
        d = d.date()
    return f"{UGEDAGE[d.weekday()]} den {format_dato(d)}"


def parse_iso_dato(text: str) -> date:
    """Parse an ISO date (``YYYY-MM-DD``). Raises ``ValueError`` with a Danish message."""
    try:
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError) as exc:
        raise ValueError(
            f"'{text}' er ikke en gyldig dato; skriv den som ÅÅÅÅ-MM-DD, fx 2026-03-02"
        ) from exc


def dato_option(option: str, value: str | None) -> date | None:
    """The date of a ``--option`` (``None`` when not given); a bad date is an
    :class:`~gldocs.errors.InputError` (exit 2) naming the option."""
    from gldocs.errors import InputError

    if value is None:
        return None
    try:
        return parse_iso_dato(value)
    except ValueError as exc:
        raise InputError(f"Ugyldig dato i --{option.replace('_', '-')}: {exc}") from None
