"""``gldocs oversigt``: every client's next deadline and overdue ones, most urgent first.

Reads the caseload index (:mod:`gldocs.caseload.index`) and judges each stored deadline
with :func:`gldocs.frist_status.status_for_frist` on ``--idag``, so the rules and the
statuses are the ones ``gldocs frister`` shows. Only deadlines count (events such as the
fremrykket release date do not), and for a client with a recorded afgangsbedømmelse only
deadlines from the release on: what fell due before it can no longer be done and belongs
in the statistics (målepunkter), not in the morning overview.

The client's name appears only on a terminal screen: JSON, CSV and text sent to a file
or a pipe carry the case reference, never the name or the CPR number.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import click
from dateutil.relativedelta import relativedelta

from gldocs.caseload.index import Entry
from gldocs.caseload.options import caseload_options, idag_option, scan_caseload
from gldocs.dates import format_dato
from gldocs.errors import InputError
from gldocs.frist_status import OVERSKREDET, Udfoerelse, status_for_frist
from gldocs.frister import Frist


@dataclass(frozen=True)
class Linje:
    reference: str
    fil: str
    navn: str
    ansvarlig: str
    naeste: tuple[str, date] | None  # the next deadline not done (today or later)
    overskredne: list[tuple[str, date]]  # not done and past, oldest first

    def urgency(self) -> tuple[Any, ...]:
        first_over = self.overskredne[0][1] if self.overskredne else date.max
        nxt = self.naeste[1] if self.naeste else date.max
        return (not self.overskredne, first_over, nxt, self.reference)


def linje(entry: Entry, idag: date) -> Linje:
    r = entry.record
    assert r is not None
    udfoert = {k: Udfoerelse(k, date.fromisoformat(v)) for k, v in r["udfoert"].items()}
    afgang = r.get("afgang")
    fra = date.fromisoformat(afgang["dato"]) if afgang else None
    naeste: tuple[str, date] | None = None
    over: list[tuple[str, date]] = []
    for fid, dato_s, tidligst in r["frister"]:
        dato = date.fromisoformat(dato_s)
        if fra is not None and dato < fra:
            continue
        st = status_for_frist(Frist(fid, dato, "", "", tidligst=tidligst), udfoert.get(fid),
                              idag)
        if st.status == OVERSKREDET:
            over.append((fid, dato))
        elif st.opfyldt is None and not tidligst and dato >= idag and (
                naeste is None or dato < naeste[1]):
            naeste = (fid, dato)
    over.sort(key=lambda x: x[1])
    return Linje(r["reference"], entry.fil, r["navn"], r["ansvarlig"], naeste, over)


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def oversigt(entries: list[Entry], idag: date, ansvarlig: str | None = None) -> list[Linje]:
    lines = [linje(e, idag) for e in entries if e.record is not None]
    if ansvarlig is not None:
        lines = [x for x in lines if _same_name(x.ansvarlig, ansvarlig)]
    return sorted(lines, key=Linje.urgency)


def som_json(lines: list[Linje], fejl: list[Entry]) -> str:
    data = {
        "sager": [{"reference": x.reference, "fil": x.fil,
                   "naeste_frist": ({"id": x.naeste[0], "dato": x.naeste[1].isoformat()}
                                    if x.naeste else None),
                   "overskredne": [fid for fid, _ in x.overskredne]} for x in lines],
        "fejl": [{"fil": e.fil, "fejl": e.fejl} for e in fejl],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def som_csv(lines: list[Linje], fejl: list[Entry]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\n")
    w.writerow(["reference", "fil", "naeste_frist", "naeste_frist_dato", "overskredne",
                "fejl"])
    for x in lines:
        w.writerow([x.reference, x.fil, x.naeste[0] if x.naeste else "",
                    x.naeste[1].isoformat() if x.naeste else "",
                    " ".join(fid for fid, _ in x.overskredne), ""])
    for e in fejl:
        w.writerow(["", e.fil, "", "", "", " ".join((e.fejl or "").split())])
    return buf.getvalue()


def _dage(d: date, idag: date) -> str:
    n = (d - idag).days
    if n == 0:
        return "i dag"
    if n > 0:
        return f"om {n} dag{'e' if n != 1 else ''}"
    return f"{-n} dag{'e' if n != -1 else ''} over"


def _kort(d: date) -> str:
    return d.strftime("%d.%m.%Y")


def som_tekst(lines: list[Linje], fejl: list[Entry], idag: date, navne: bool) -> str:
    """One line per client, most urgent first."""
    out = [f"Sagsoversigt pr. {format_dato(idag)}: {len(lines)} sag(er), "
           f"{sum(bool(x.overskredne) for x in lines)} med overskredne frister.", ""]
    rows = [["Reference", *(["Navn"] if navne else []), "Næste frist", "Overskredne frister"]]
    for x in lines:
        naeste = (f"{x.naeste[0]} {_kort(x.naeste[1])} ({_dage(x.naeste[1], idag)})"
                  if x.naeste else "ingen")
        over = ", ".join(f"{fid} {_kort(d)}" for fid, d in x.overskredne)
        over = f"{len(x.overskredne)}: {over}" if x.overskredne else "ingen"
        rows.append([x.reference, *([x.navn] if navne else []), naeste, over])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for r in rows:
        out.append("  ".join([*(c.ljust(w) for c, w in zip(r, widths, strict=False)), r[-1]]))
    if fejl:
        out += ["", f"{len(fejl)} sagsfil(er) kunne ikke læses og er ikke med:"]
        for e in fejl:
            first = (e.fejl or "").splitlines()
            out.append(f"  {e.fil}: " + " ".join(s.strip() for s in first[1:] or first))
    return "\n".join(out) + "\n"


@click.command("oversigt")
@caseload_options
@click.option("--ansvarlig", default=None, metavar="NAVN",
              help="Kun sager med denne handleplansansvarlige.")
@click.option("--json", "as_json", is_flag=True, help="Uddata som JSON (uden navne).")
@click.option("--csv", "as_csv", is_flag=True, help="Uddata som CSV (uden navne).")
def oversigt_cmd(dirs: tuple[Path, ...], idag: str | None, index_path: Path | None,
                 ansvarlig: str | None, as_json: bool, as_csv: bool) -> None:
    """Overblik over alle sagsfiler under MAPPE...: næste frist og overskredne frister.

    Sorteret efter, hvor det haster mest. Sagsfiler med fejl listes med fejlen og stopper
    ikke resten. Navne vises kun på skærmen, aldrig i JSON, CSV eller en fil.
    """
    if as_json and as_csv:
        raise InputError("Vælg enten --json eller --csv.")
    today = idag_option(idag)
    result = scan_caseload(dirs, horisont=today + relativedelta(years=1),
                           index_path=index_path, report=False)
    lines = oversigt(result.entries, today, ansvarlig)
    broken = result.broken
    if as_json:
        click.echo(som_json(lines, broken), nl=False)
    elif as_csv:
        click.echo(som_csv(lines, broken), nl=False)
    else:
        click.echo(som_tekst(lines, broken, today, navne=sys.stdout.isatty()), nl=False)
