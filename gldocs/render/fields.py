"""The small builders of template contexts: field lists, tables, dates and the unit.

Shared by the documents' contexts (:mod:`.handleplan`, :mod:`.foelgeskrivelse`,
:mod:`.tjekliste`, :mod:`gldocs.afgang.dokument`) and by :func:`.context.build_context`,
which puts them together (see there for the shapes).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from gldocs.case.model import Case
from gldocs.dates import format_dato

Field = dict[str, str]
TableRow = dict[str, str]


def enhed(case: Case) -> str:
    """The prison or KiF unit the plan comes from."""
    st = case.stamoplysninger
    return " / ".join(x for x in (st.institution, st.kif_afdeling) if x)


def felt(label: str, value: Any) -> Field | None:
    """One ``Label: value`` line, or ``None`` when there is no value."""
    if value is None or value == "":
        return None
    return {"label": label, "vaerdi": dato(value) if isinstance(value, date) else str(value)}


def felter(*items: Field | None) -> list[Field]:
    return [f for f in items if f is not None]


def dato(d: date | None) -> str:
    return format_dato(d) if d is not None else ""


def ja_nej(value: bool) -> str:
    return "Ja" if value else "Nej"


def table(titel: str, kolonner: dict[str, str], raekker: Iterable[TableRow],
          tom: str) -> dict[str, Any]:
    rows = list(raekker)
    for row in rows:
        missing = set(kolonner) - set(row)
        if missing:
            raise ValueError(f"tabellen '{titel}' mangler kolonnerne {sorted(missing)}")
    return {"titel": titel, "kolonner": kolonner, "raekker": rows, "tom": tom}


def join_nonempty(parts: Iterable[str | None], sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)


def medarbejdere(case: Case) -> dict[str, Any]:
    """Table of the handleplansansvarlig and the stedfortræder with contact data."""
    st = case.stamoplysninger
    rows = [
        {"rolle": rolle, "navn": m.navn, "titel": m.titel, "telefon": m.telefon,
         "email": m.email}
        for rolle, m in (("Handleplansansvarlig", st.handleplansansvarlig),
                         ("Stedfortræder", st.stedfortraeder))
    ]
    return table(
        "Handleplansansvarlig og stedfortræder",
        {"rolle": "Rolle", "navn": "Navn", "titel": "Stilling", "telefon": "Telefon",
         "email": "E-mail"},
        rows,
        "",
    )
