"""The køreplan checklist's template context (``gldocs tjekliste --format docx|pdf``).

The rows come from :mod:`gldocs.tjekliste`; the layout is ``layout.TJEKLISTE``, rendered by
the same docxtpl template builder and reportlab walker as the handleplan, so it looks
like the handleplan.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from gldocs.case.model import Case
from gldocs.render.context import clean, document_block
from gldocs.render.fields import dato, enhed, felt, felter, table
from gldocs.render.names import TJEKLISTE
from gldocs.tjekliste import lav_tjekliste

KOLONNER: dict[str, str] = {
    "trin": "Trin", "tekst": "Hvad", "ansvarlig": "Ansvarlig", "dato": "Dato",
    "status": "Status", "begrundelse": "Begrundelse",
}


def tjekliste_context(case: Case, idag: date, banner: str | None = None) -> dict[str, Any]:
    """The checklist of ``case`` on ``idag`` as a template context."""
    tjek = lav_tjekliste(case, idag)
    st = case.stamoplysninger
    ctx: dict[str, Any] = {
        "dok": {
            **document_block(case, TJEKLISTE, banner),
            "overskrift": "Tjekliste: Køreplan for god løsladelse",
            "undertitel": f"Reference {case.reference} · opgjort {dato(idag)}",
        },
        "sag": {"felter": felter(
            felt("Klient:", st.navn),
            felt("Klienttype:", st.klienttype.titel),
            felt("Enhed:", enhed(case)),
            felt("Handleplansansvarlig:", st.handleplansansvarlig.navn),
            felt("Opgjort:", idag),
        )},
        "maalgruppe": tjek.maalgruppe,
        "trin": table(
            "Køreplanens trin", KOLONNER,
            ({"trin": r.trin, "tekst": r.tekst, "ansvarlig": r.ansvarlig,
              "dato": dato(r.dato), "status": r.status, "begrundelse": r.begrundelse}
             for r in tjek.raekker),
            "",
        ),
        "noter_titel": "Bemærkninger",
        "noter": tjek.noter,
    }
    result: dict[str, Any] = clean(ctx)
    return result
