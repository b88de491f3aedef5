"""The deadlines a rendered document shows, taken from :mod:`gldocs.frister`.

The Infohus deadline is never printed: a concern about radicalisation goes to the
Infohus, never to the municipality (guide til myndighedssamarbejde 3.3.7), and a rendered
plan may be passed on after redaction, which works on the case's text fields only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gldocs.case.model import Case
from gldocs.frister import Frist, beregn_frister, effektiv_loesladelse, grundlag_from_case

NOT_PRINTED: frozenset[str] = frozenset({"infohus_underretning"})


def applicable_frister(case: Case) -> list[Frist]:
    """The statutory deadlines of the case, in date order, as a document shows them."""
    return [f for f in beregn_frister(grundlag_from_case(case)) if f.id not in NOT_PRINTED]


@dataclass(frozen=True)
class KeyDates:
    """The dates the følgeskrivelse names; ``None`` where they do not apply."""

    release: date | None  # the effective release date, after any fremrykning
    loesladelsesmoede: date | None  # at the latest 3 months before release
    engangshjaelp: date | None  # the municipality's decision, 14 days before release


def key_dates(case: Case) -> KeyDates:
    grundlag = grundlag_from_case(case)
    first: dict[str, date] = {}
    for f in beregn_frister(grundlag):
        first.setdefault(f.id, f.dato)
    return KeyDates(
        release=effektiv_loesladelse(grundlag),
        loesladelsesmoede=first.get("loesladelsesmoede"),
        engangshjaelp=first.get("engangshjaelp_afgoerelse"),
    )
