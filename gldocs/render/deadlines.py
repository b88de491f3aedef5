"""The deadlines a rendered document shows, taken from :mod:`gldocs.frister`.

The Infohus deadline is never printed: a concern about radicalisation goes to the
Infohus, never to the municipality (guide til myndighedssamarbejde 3.3.7), and a rendered
plan may be passed on after redaction, which works on the case's text fields only.
"""

from __future__ import annotations

from gldocs.case.model import Case
from gldocs.frister import Frist, beregn_frister, grundlag_from_case

NOT_PRINTED: frozenset[str] = frozenset({"infohus_underretning"})


def applicable_frister(case: Case) -> list[Frist]:
    """The statutory deadlines of the case, in date order, as a document shows them."""
    return [f for f in beregn_frister(grundlag_from_case(case)) if f.id not in NOT_PRINTED]
