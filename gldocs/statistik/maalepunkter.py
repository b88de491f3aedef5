"""Målepunkter: was each key deadline met on time, late, not at all, or not relevant?

Projekt God Løsladelse (Anbefalinger, "Kriminalforsorgen bør indføre målepunkter i
arbejdet med koordinerede handleplaner") found a first plan within 4 weeks in only 17 of 39
cases (afsnit "Tidsfrister"). The målepunkter are computed from the deadlines gldocs
already computes (:mod:`gldocs.frister`) and the dated done entries of the case file, so
the rules live in one place. Each is judged against the client's release:

* done on or before the deadline: ``rettidigt``; done after it: ``for_sent``;
* not done, deadline on or before the release: ``ikke_opfyldt``;
* the deadline does not apply to the client (e.g. no KiF for an udvisningsdømt, no
  prøveløsladelse) or fell due only after the release: ``ikke_relevant``.

A client expected to be prøveløsladt but released after endt straf is judged on the
løsladelsesmøde before the end of the sentence (``loesladelsesmoede_endt_straf``, the
fallback gldocs.frister lists so that a refused prøveløsladelse leaves no one without a
plan); a done entry under either id counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

STATUSER: tuple[str, ...] = ("rettidigt", "for_sent", "ikke_opfyldt", "ikke_relevant")
STATUS_TITLER: dict[str, str] = {
    "rettidigt": "Rettidigt",
    "for_sent": "For sent",
    "ikke_opfyldt": "Ikke opfyldt",
    "ikke_relevant": "Ikke relevant",
}


@dataclass(frozen=True)
class Maalepunkt:
    id: str  # the deadline id in gldocs.frister
    titel: str
    kilde: str


MAALEPUNKTER: tuple[Maalepunkt, ...] = (
    Maalepunkt("handleplan_udarbejdet", "Første handleplan senest 4 uger efter start",
               "Handleplansvejledningen pkt. 16 (tilsyn: pkt. 17)"),
    Maalepunkt("kommune_kontakt", "Kommunen kontaktet rettidigt",
               "Handleplansvejledningen pkt. 32"),
    Maalepunkt("loesladelsesmoede", "Løsladelsesmøde senest 3 måneder før løsladelsen",
               "Køreplan for god løsladelse trin 8"),
    Maalepunkt("kif_inddragelse", "KiF inddraget senest 8 uger før prøveløsladelsen",
               "Køreplan for god løsladelse trin 9"),
)
MAALEPUNKT_IDS: tuple[str, ...] = tuple(m.id for m in MAALEPUNKTER)


ENDT_STRAF_FRIST: dict[str, str] = {"loesladelsesmoede": "loesladelsesmoede_endt_straf"}


def vurder(frister: Iterable[tuple[str, date]], udfoert: Mapping[str, date],
           loesladelse: date, endt_straf: bool = False) -> dict[str, str]:
    """The status of every målepunkt for one released client.

    ``frister`` are (deadline id, date) as computed for the case; when an id occurs more
    than once the first (earliest) counts. ``udfoert`` maps a deadline id to the date it
    was done. ``endt_straf``: released after endt straf (see the module docstring).
    """
    first: dict[str, date] = {}
    for fid, dato in sorted(frister, key=lambda f: f[1]):
        first.setdefault(fid, dato)
    out: dict[str, str] = {}
    for mp in MAALEPUNKTER:
        frist = first.get(mp.id)
        done = udfoert.get(mp.id)
        fallback = ENDT_STRAF_FRIST.get(mp.id)
        if endt_straf and fallback in first:
            frist = first[fallback]
            done = udfoert.get(fallback, done)
        if frist is None:
            out[mp.id] = "ikke_relevant"
        elif done is not None:
            out[mp.id] = "rettidigt" if done <= frist else "for_sent"
        elif frist > loesladelse:
            out[mp.id] = "ikke_relevant"
        else:
            out[mp.id] = "ikke_opfyldt"
    return out
