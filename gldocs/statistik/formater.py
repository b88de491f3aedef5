"""The statistics in each output format: txt, csv, xlsx, html and json."""

from __future__ import annotations

import csv
import html
import io
import json
from typing import Any

from gldocs.statistik.beregning import Statistik
from gldocs.statistik.maalepunkter import MAALEPUNKT_IDS, STATUSER
from gldocs.statistik.tabeller import Andel, Antal, Tabel, as_rows, noter, tabeller, vaerdi

FORMATER: tuple[str, ...] = ("txt", "csv", "xlsx", "html", "json")


def _titel(stat: Statistik) -> str:
    return (f"Løsladelsesstatistik {stat.periode.fra.isoformat()} - "
            f"{stat.periode.til.isoformat()}")


def som_txt(stat: Statistik) -> str:
    out = [_titel(stat), "=" * len(_titel(stat)), ""]
    for t in tabeller(stat):
        rows = as_rows(stat, t)
        widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
        out += [t.titel, "-" * len(t.titel)]
        for n, row in enumerate(rows):
            cells = [str(c).ljust(w) if i == 0 or n == 0 else str(c).rjust(w)
                     for i, (c, w) in enumerate(zip(row, widths, strict=True))]
            if t.id == "maalepunkter":
                cells[-1] = str(row[-1])
            out.append("  ".join(cells).rstrip())
        out.append("")
    out += noter(stat)
    if stat.detaljer:
        out += ["", "Sager i opgørelsen (kun referencer):"]
        out += [f"  {ref}  {hvad}" for ref, hvad in stat.detaljer]
    return "\n".join(out) + "\n"


def som_csv(stat: Statistik) -> str:
    """Long format, ``;``-separated (Danish spreadsheets): tabel;raekke;kolonne;vaerdi."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\n")
    w.writerow(["tabel", "raekke", "kolonne", "vaerdi"])
    for t in tabeller(stat):
        rows = as_rows(stat, t)
        header = rows[0]
        for row in rows[1:]:
            for col, val in zip(header[1:], row[1:], strict=True):
                w.writerow([t.titel, row[0], col, val])
    for note in noter(stat):
        w.writerow(["note", "", "", note])
    for ref, hvad in stat.detaljer:
        w.writerow(["detaljer", ref, "", hvad])
    return buf.getvalue()


def som_html(stat: Statistik) -> str:
    e = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="da"><head><meta charset="utf-8">',
             f"<title>{e(_titel(stat))}</title>",
             "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
             "table{border-collapse:collapse;margin-bottom:1.5em}"
             "th,td{border:1px solid #8eaadb;padding:.25em .6em}td.n{text-align:right}"
             "th{background:#d9e2f3;text-align:left}h1,h2{color:#1f3864}</style>",
             "</head><body>", f"<h1>{e(_titel(stat))}</h1>"]
    for t in tabeller(stat):
        rows = as_rows(stat, t)
        parts.append(f"<h2>{e(t.titel)}</h2><table>")
        parts.append("<tr>" + "".join(f"<th>{e(str(c))}</th>" for c in rows[0]) + "</tr>")
        for row in rows[1:]:
            cells = [f"<th>{e(str(row[0]))}</th>"]
            cells += [f'<td class="n">{e(str(c))}</td>' for c in row[1:]]
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</table>")
    parts.append("<ul>" + "".join(f"<li>{e(n)}</li>" for n in noter(stat)) + "</ul>")
    if stat.detaljer:
        parts.append("<h2>Sager i opgørelsen (kun referencer)</h2><ul>")
        parts += [f"<li>{e(ref)}: {e(hvad)}</li>" for ref, hvad in stat.detaljer]
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def som_xlsx(stat: Statistik) -> bytes:
    """One sheet per table (openpyxl), counts as numbers, shares as percentages."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    info = wb.active
    info.title = "Om opgørelsen"
    info.append([_titel(stat)])
    info["A1"].font = Font(bold=True, size=14)
    for note in noter(stat):
        info.append([note])
    info.column_dimensions["A"].width = 110
    head_fill = PatternFill("solid", fgColor="D9E2F3")
    for t in tabeller(stat):
        ws = wb.create_sheet(_sheet_name(t))
        ws.append([t.titel])
        ws["A1"].font = Font(bold=True, size=12)
        ws.append(list(t.kolonner))
        for cell in ws[2]:
            cell.font = Font(bold=True)
            cell.fill = head_fill
        kilder = as_rows(stat, t)
        for i, (label, cells) in enumerate(t.raekker, start=1):
            row: list[Any] = [label]
            for c in cells:
                v = vaerdi(stat, c)
                row.append("–" if v is None and not _empty_share(stat, c) else v)
            if t.id == "maalepunkter":
                row.append(kilder[i][-1])
            ws.append(row)
            for c, cell in zip(cells, ws[ws.max_row][1:], strict=False):
                if isinstance(c, Andel) and isinstance(cell.value, float):
                    cell.number_format = "0.0%"
        ws.column_dimensions["A"].width = 48
        for col in "BCDEFGH":
            ws.column_dimensions[col].width = 18
    if stat.detaljer:
        ws = wb.create_sheet("Detaljer")
        ws.append(["Reference", "Afgangsbedømmelse"])
        for ref, hvad in stat.detaljer:
            ws.append([ref, hvad])
    props = wb.properties
    props.creator = "gldocs"
    props.title = _titel(stat)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _empty_share(stat: Statistik, c: Any) -> bool:
    return isinstance(c, Andel) and stat.get(*c.naevner) == 0


SHEETS = {"daekning": "Dækning", "elementer": "Elementer", "fordeling": "Fordeling 3-2-1-0",
          "kommunen": "Kommunens svar", "maalepunkter": "Målepunkter", "enhed": "Enhed",
          "klienttype": "Klienttype", "straf": "Straflængde", "kvartal": "Kvartaler"}


def _sheet_name(t: Tabel) -> str:
    """Excel allows 31 characters; the full title is the sheet's first row."""
    return SHEETS.get(t.id, t.titel[:31])


def _shape(stat: Statistik, sub: str) -> dict[str, Any]:
    g = stat.get
    return {
        "loesladelser": g(sub, "loesladelser"),
        "afgangsbedoemmelser": g(sub, "afgangsbedoemmelser"),
        "elementer": {str(n): g(sub, f"elementer_{n}") for n in (3, 2, 1, 0)},
        "bolig": g(sub, "bolig"),
        "beskaeftigelse": g(sub, "beskaeftigelse"),
        "forsoergelse": g(sub, "forsoergelse"),
        "maalepunkter": {m: {s: g(sub, f"mp_{m}_{s}") for s in STATUSER}
                         for m in MAALEPUNKT_IDS},
        "udeladt": stat.udeladt,
        "kommunens_svar": {s.removeprefix("svar_"): g(sub, s) for s in
                           ("svar_enig", "svar_uenig", "svar_intet_svar", "svar_afventer",
                            "svar_ikke_sendt")},
    }


def som_json(stat: Statistik) -> str:
    """The issue's shape; with ``--offentlig`` a suppressed count is ``null``."""
    data: dict[str, Any] = {"periode": {"fra": stat.periode.fra.isoformat(),
                                        "til": stat.periode.til.isoformat()}}
    data.update(_shape(stat, "alle"))
    data["daekning"] = {  # the plan's two measures of coverage
        label: {"loesladelser": stat.get(sub, "loesladelser"),
                "afgangsbedoemmelser": stat.get(sub, "afgangsbedoemmelser")}
        for label, sub in (("over_3_maaneder", "over3"), ("3_maaneder_eller_derunder",
                                                           "straf:kort"),
                           ("straflaengde_ukendt", "straf:ukendt"))}
    if len(stat.kvartaler) > 1:
        data["kvartaler"] = []
        for label, p in stat.kvartaler:
            q = {"kvartal": label, "periode": {"fra": p.fra.isoformat(),
                                               "til": p.til.isoformat()}}
            q.update(_shape(stat, f"kvartal:{label}"))
            data["kvartaler"].append(q)
    data["offentlig"] = bool(stat.undertrykt)
    if stat.detaljer:
        data["detaljer"] = [ref for ref, _ in stat.detaljer]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render(stat: Statistik, fmt: str) -> bytes:
    if fmt == "xlsx":
        return som_xlsx(stat)
    text = {"txt": som_txt, "csv": som_csv, "html": som_html, "json": som_json}[fmt](stat)
    return text.encode("utf-8")


__all__ = ["FORMATER", "Antal", "render"]
