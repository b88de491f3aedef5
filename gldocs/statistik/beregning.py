"""The release statistics over caseload records (pure: no I/O).

A *release* is a record whose release date falls in the period: the afgangsbedømmelse's
date when there is one, else the expected (effective) release, counted only once that
date is not after ``idag``. Varetægtsarrestanter have no release here.

Every count is a *metric* of a *subset* of the releases (all, a sentence group, an enhed,
a client type, a quarter). :func:`beregn` returns them all with the additive relations
between them, which :mod:`gldocs.statistik.diskretion` needs for ``--offentlig``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gldocs.afgang.kategorier import (
    TRE_MAANEDER_DAGE,
    Beskaeftigelse,
    Bolig,
    Forsoergelse,
)
from gldocs.case.types import Klienttype
from gldocs.statistik.diskretion import Relation
from gldocs.statistik.maalepunkter import MAALEPUNKT_IDS, STATUSER
from gldocs.statistik.periode import Periode, kvartaler

CellRelation = Relation[tuple[str, str]]  # over (subset, measure) cells
ELEMENTER = ("bolig", "beskaeftigelse", "forsoergelse")
_PAA_PLADS: dict[str, frozenset[str]] = {
    name: frozenset(m.value for m in kind if m.paa_plads)
    for name, kind in (("bolig", Bolig), ("beskaeftigelse", Beskaeftigelse),
                       ("forsoergelse", Forsoergelse))}
SVAR = ("enig", "uenig", "intet_svar", "afventer", "ikke_sendt")
SVAR_TITLER = {
    "enig": "Enig",
    "uenig": "Uenig",
    "intet_svar": "Intet svar inden fristen",
    "afventer": "Fristen er ikke udløbet",
    "ikke_sendt": "Ikke sendt til kommunen",
}
STRAFGRUPPER = {
    "kort": "3 måneder eller derunder",
    "mellem": "Over 3 måneder og op til 1 år",
    "lang": "Over 1 år",
    "ukendt": "Straflængde ukendt",
}
ET_AAR_DAGE = 365


def metrics() -> list[str]:
    """Every metric, in output order."""
    out = ["loesladelser", "afgangsbedoemmelser", "uden_afgang"]
    for e in ELEMENTER:
        out += [e, f"ikke_{e}"]
    out += [f"elementer_{n}" for n in (3, 2, 1, 0)]
    out += [f"svar_{s}" for s in SVAR]
    out += [f"mp_{m}_{s}" for m in MAALEPUNKT_IDS for s in STATUSER]
    return out


def _internal_relations(prefix: str) -> list[CellRelation]:
    def k(m: str) -> tuple[str, str]:
        return (prefix, m)

    rel: list[CellRelation] = [([k("afgangsbedoemmelser"), k("uden_afgang")], k("loesladelser"))]
    rel += [([k(e), k(f"ikke_{e}")], k("afgangsbedoemmelser")) for e in ELEMENTER]
    rel.append(([k(f"elementer_{n}") for n in (3, 2, 1, 0)], k("afgangsbedoemmelser")))
    rel.append(([k(f"svar_{s}") for s in SVAR], k("afgangsbedoemmelser")))
    rel += [([k(f"mp_{m}_{s}") for s in STATUSER], k("loesladelser")) for m in MAALEPUNKT_IDS]
    return rel


def strafgruppe(dage: int | None) -> str:
    if dage is None:
        return "ukendt"
    if dage <= TRE_MAANEDER_DAGE:
        return "kort"
    return "mellem" if dage <= ET_AAR_DAGE else "lang"


def enhed_of(record: dict[str, Any]) -> str:
    a = record.get("afgang") or {}
    return a.get("institution") or record.get("institution") or record.get("kif_afdeling") \
        or "Ukendt enhed"


def matches_enhed(record: dict[str, Any], enhed: str) -> bool:
    want = " ".join(enhed.split()).casefold()
    a = record.get("afgang") or {}
    names = (a.get("institution"), record.get("institution"), record.get("kif_afdeling"))
    return any(n and " ".join(n.split()).casefold() == want for n in names)


def release_date(record: dict[str, Any], idag: str) -> str | None:
    """The release as ISO text (``idag`` too: ISO dates compare as text)."""
    d = record.get("loesladelse")
    if not d:
        return None
    if record.get("loesladelse_kilde") != "afgang" and d > idag:
        return None  # expected, not yet happened
    return str(d)


def svar_of(afgang: dict[str, Any], idag: date) -> str:
    if not afgang.get("sendt"):
        return "ikke_sendt"
    if afgang.get("svar"):
        return str(afgang["svar"])
    frist = afgang.get("indsigelsesfrist")
    if frist and date.fromisoformat(frist) >= idag:
        return "afventer"
    return "intet_svar"


def count(records: Iterable[dict[str, Any]], idag: date) -> dict[str, int]:
    """Every metric over ``records`` (all of them releases)."""
    c = dict.fromkeys(metrics(), 0)
    for r in records:
        c["loesladelser"] += 1
        a = r.get("afgang")
        if a is None:
            c["uden_afgang"] += 1
        else:
            c["afgangsbedoemmelser"] += 1
            n = 0
            for e in ELEMENTER:
                ok = a[e] in _PAA_PLADS[e]
                n += ok
                c[e if ok else f"ikke_{e}"] += 1
            c[f"elementer_{n}"] += 1
            c[f"svar_{svar_of(a, idag)}"] += 1
        for m, status in (r.get("maalepunkter") or {}).items():
            key = f"mp_{m}_{status}"
            if key in c:
                c[key] += 1
    return c


@dataclass
class Statistik:
    """All counts of one run; ``values[(subset, metric)]``."""

    periode: Periode
    idag: date
    enhed: str | None
    values: dict[tuple[str, str], int]
    relations: list[CellRelation]
    labels: dict[str, str]  # subset -> Danish label
    splits: dict[str, list[str]]  # split name -> its subsets, in order
    kvartaler: list[tuple[str, Periode]]
    udeladt: int
    udeladte_filer: list[tuple[str, str]]  # (file, error), shown to the caller only
    detaljer: list[tuple[str, str]] = field(default_factory=list)  # (reference, subset)
    undertrykt: set[tuple[str, str]] = field(default_factory=set)

    def get(self, subset: str, metric: str) -> int | None:
        """The count, or None when it is suppressed."""
        if (subset, metric) in self.undertrykt:
            return None
        return self.values.get((subset, metric), 0)


def beregn(records: Sequence[dict[str, Any]], periode: Periode, idag: date,
           enhed: str | None = None, udeladte: Sequence[tuple[str, str]] = (),
           detaljer: bool = False) -> Statistik:
    """Count the releases of ``periode`` among ``records``."""
    releases: list[tuple[dict[str, Any], date]] = []
    fra, til, today = periode.fra.isoformat(), periode.til.isoformat(), idag.isoformat()
    for r in records:
        d = release_date(r, today)
        if d is None or not fra <= d <= til:
            continue
        if enhed is not None and not matches_enhed(r, enhed):
            continue
        releases.append((r, date.fromisoformat(d)))
    releases.sort(key=lambda rd: (rd[1], rd[0]["reference"]))

    groups: dict[str, list[dict[str, Any]]] = {"alle": [r for r, _ in releases]}
    labels = {"alle": "Alle løsladelser"}
    splits: dict[str, list[str]] = {}
    relations: list[CellRelation] = []

    def split(name: str, keyfun: Any, order: Sequence[str] | None, title: dict[str, str]
              | None = None) -> None:
        members: dict[str, list[dict[str, Any]]] = {}
        for r, d in releases:
            members.setdefault(keyfun(r, d), []).append(r)
        keys = list(order or []) + sorted(k for k in members if k not in (order or []))
        subsets = []
        for k in keys:
            sub = f"{name}:{k}"
            groups[sub] = members.get(k, [])
            labels[sub] = (title or {}).get(k, k)
            subsets.append(sub)
        splits[name] = subsets

    split("straf", lambda r, d: strafgruppe(r.get("straf_dage")), list(STRAFGRUPPER),
          STRAFGRUPPER)
    split("enhed", lambda r, d: enhed_of(r), None)
    split("klienttype", lambda r, d: r["klienttype"],
          [k.value for k in Klienttype if k is not Klienttype.VARETAEGT],
          {k.value: k.titel for k in Klienttype})
    quarters = kvartaler(periode)
    split("kvartal", lambda r, d: next(q for q, p in quarters if d in p), [q for q, _ in quarters])
    # the plan's two coverage measures: over 3 months, and 3 months or less
    groups["over3"] = groups["straf:mellem"] + groups["straf:lang"]
    labels["over3"] = "Dom over 3 måneder"

    values: dict[tuple[str, str], int] = {}
    for sub, recs in groups.items():
        for m, v in count(recs, idag).items():
            values[(sub, m)] = v
        relations += _internal_relations(sub)
    for subsets in splits.values():
        for m in metrics():
            relations.append(([(s, m) for s in subsets], ("alle", m)))
    for m in metrics():
        relations.append(([("straf:mellem", m), ("straf:lang", m)], ("over3", m)))
        relations.append(([("over3", m), ("straf:kort", m), ("straf:ukendt", m)], ("alle", m)))

    det: list[tuple[str, str]] = []
    if detaljer:
        det = [(r["reference"], "med afgangsbedømmelse" if r.get("afgang")
                else "uden afgangsbedømmelse") for r, _ in releases]
    return Statistik(periode, idag, enhed, values, relations, labels, splits, quarters,
                     len(udeladte), list(udeladte), det)


def offentliggoer(stat: Statistik) -> Statistik:
    """Suppress small cells and their complements (``--offentlig``); see diskretion."""
    from gldocs.statistik.diskretion import undertryk

    stat.undertrykt = undertryk(stat.values, stat.relations)
    return stat
