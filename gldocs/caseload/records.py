"""One case file -> the plain facts the caseload overview and the statistics need.

A record is a JSON-ready dict (dates as ISO text), so the index can store it and the
commands can read 50,000 of them without validating a case again. It holds the client's
name for the overview's screen output only; the statistics never read it.

Keys::

    reference, navn, ansvarlig, klienttype, institution, kif_afdeling, straf_dage, udvist
    loesladelse        the release: afgang.dato, else the expected (effective) release
    loesladelse_kilde  "afgang" or "forventet"
    frister            [[id, dato, tidligst], ...] from gldocs.frister, up to ``horisont``
    udfoert            {id: dato} the dated done entries
    afgang             the afgangsbedømmelse's categories and dates, or null
    maalepunkter       {id: status} (gldocs.statistik.maalepunkter), or null without release
"""

from __future__ import annotations

from datetime import date
from typing import Any

from gldocs.afgang.kategorier import Afgangsart
from gldocs.case.model import Case
from gldocs.frist_status import udfoert_fra_sag
from gldocs.frister import (
    beregn_frister,
    effektiv_loesladelse,
    er_frist_id,
    forventet_loesladelse,
    grundlag_from_case,
)
from gldocs.statistik.maalepunkter import vurder

RECORD_VERSION = 2  # bump when the shape or the rules behind it change


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def done_dates(case: Case) -> dict[str, date]:
    """The date each deadline was done (:func:`gldocs.frist_status.udfoert_fra_sag`: the
    ``udfoert`` entries, and the coordination record for kommune_kontakt)."""
    return {fid: u.dato for fid, u in udfoert_fra_sag(case).items()}


def case_record(case: Case, horisont: date) -> dict[str, Any]:
    """The facts of ``case``; deadlines without a release date run up to ``horisont``."""
    st = case.stamoplysninger
    grundlag = grundlag_from_case(case)
    frister = beregn_frister(grundlag, horisont=horisont)
    udfoert = done_dates(case)
    a = case.afgang
    if a is not None:
        loesladelse: date | None = a.dato
        kilde = "afgang"
    else:
        loesladelse = effektiv_loesladelse(grundlag) or forventet_loesladelse(grundlag)
        kilde = "forventet"
    if case.is_varetaegt:
        loesladelse = None  # no sentence, no release statistics
    afgang = None
    if a is not None:
        svar = a.kommunens_svar
        afgang = {
            "dato": a.dato.isoformat(),
            "art": str(a.art),
            "institution": a.institution,
            "bolig": str(a.bolig.status),
            "beskaeftigelse": str(a.beskaeftigelse.status),
            "forsoergelse": str(a.forsoergelse.status),
            "elementer": a.elementer_paa_plads,
            "samtykke": a.samtykke_givet,
            "sendt": _iso(a.sendt_til_kommunen),
            "indsigelsesfrist": _iso(a.indsigelsesfrist),
            "svar": str(svar.svar) if svar else None,
            "svar_dato": _iso(svar.dato) if svar else None,
        }
    return {
        "reference": case.reference,
        "navn": st.navn,
        "ansvarlig": st.handleplansansvarlig.navn,
        "klienttype": str(st.klienttype),
        "institution": st.institution,
        "kif_afdeling": st.kif_afdeling,
        "straf_dage": case.straf_dage,
        "udvist": case.is_udvist,
        "loesladelse": _iso(loesladelse),
        "loesladelse_kilde": kilde if loesladelse else None,
        # deadlines only (not events such as the fremrykket release itself)
        "frister": [[f.id, f.dato.isoformat(), f.tidligst] for f in frister
                    if er_frist_id(f.id)],
        "udfoert": {k: v.isoformat() for k, v in udfoert.items()},
        "afgang": afgang,
        "maalepunkter": (vurder([(f.id, f.dato) for f in frister], udfoert, loesladelse,
                                endt_straf=a is not None and a.art is Afgangsart.ENDT_STRAF)
                         if loesladelse else None),
    }
