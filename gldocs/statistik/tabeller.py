"""The statistics as tables: one list of tables that every format and the charts read.

A cell is a count ``("antal", (subset, metric))`` or a share ``("andel", numerator,
denominator)``; suppressed counts (``--offentlig``) and shares whose count or denominator
is suppressed are shown as "–". No table holds a name, a CPR number or a reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gldocs.afgang.kategorier import ELEMENTER
from gldocs.statistik.beregning import SVAR, SVAR_TITLER, Statistik
from gldocs.statistik.maalepunkter import MAALEPUNKTER, STATUS_TITLER, STATUSER

Key = tuple[str, str]
UNDERTRYKT = "–"


@dataclass(frozen=True)
class Antal:
    key: Key


@dataclass(frozen=True)
class Andel:
    taeller: Key
    naevner: Key


Celle = Antal | Andel


@dataclass
class Tabel:
    id: str  # short name: sheet name, csv column
    titel: str
    kolonner: list[str]  # the first names the row labels
    raekker: list[tuple[str, list[Celle]]]


def vaerdi(stat: Statistik, cell: Celle) -> int | float | None:
    """The cell's number (a share as a fraction 0-1), None when suppressed or undefined."""
    if isinstance(cell, Antal):
        return stat.get(*cell.key)
    num, den = stat.get(*cell.taeller), stat.get(*cell.naevner)
    if num is None or den is None or den == 0:
        return None
    return num / den


def tekst(stat: Statistik, cell: Celle) -> str:
    v = vaerdi(stat, cell)
    if v is None:
        if isinstance(cell, Andel) and stat.get(*cell.naevner) == 0:
            return ""
        return UNDERTRYKT
    if isinstance(cell, Antal):
        return str(v)
    return f"{v * 100:.1f} %".replace(".", ",")


def _split_tabel(stat: Statistik, split: str, titel: str, label: str) -> Tabel:
    rows: list[tuple[str, list[Celle]]] = []
    for sub in stat.splits[split]:
        rows.append((stat.labels[sub], [
            Antal((sub, "loesladelser")), Antal((sub, "afgangsbedoemmelser")),
            Andel((sub, "afgangsbedoemmelser"), (sub, "loesladelser")),
            Antal((sub, "elementer_3")), Antal((sub, "bolig")),
            Antal((sub, "beskaeftigelse")), Antal((sub, "forsoergelse")),
        ]))
    return Tabel(split, titel, [label, "Løsladelser", "Afgangsbedømmelser", "Dækning",
                                "Alle 3 på plads", "Egen bolig", "Passende beskæftigelse",
                                "Forsørgelsesgrundlag"], rows)


def tabeller(stat: Statistik) -> list[Tabel]:
    a = "alle"
    out = [
        Tabel("daekning", "Løsladelser og afgangsbedømmelser",
              ["Løsladte", "Løsladelser", "Med afgangsbedømmelse", "Uden afgangsbedømmelse",
               "Dækning"],
              [(stat.labels[s], [Antal((s, "loesladelser")), Antal((s, "afgangsbedoemmelser")),
                                 Antal((s, "uden_afgang")),
                                 Andel((s, "afgangsbedoemmelser"), (s, "loesladelser"))])
               for s in ("alle", "over3", "straf:kort", "straf:ukendt")]),
        Tabel("elementer", "Løsladelseselementer på plads (af afgangsbedømmelserne)",
              ["Element", "På plads", "Ikke på plads", "Andel på plads"],
              [(titel, [Antal((a, e)), Antal((a, f"ikke_{e}")),
                        Andel((a, e), (a, "afgangsbedoemmelser"))])
               for e, titel in ELEMENTER.items()]),
        Tabel("fordeling", "Antal af de 3 elementer på plads",
              ["Elementer på plads", "Antal", "Andel"],
              [(f"{n} af 3", [Antal((a, f"elementer_{n}")),
                              Andel((a, f"elementer_{n}"), (a, "afgangsbedoemmelser"))])
               for n in (3, 2, 1, 0)]),
        Tabel("kommunen", "Kommunens svar på afgangsbedømmelsen",
              ["Svar", "Antal", "Andel"],
              [(SVAR_TITLER[s], [Antal((a, f"svar_{s}")),
                                 Andel((a, f"svar_{s}"), (a, "afgangsbedoemmelser"))])
               for s in SVAR]),
        Tabel("maalepunkter", "Målepunkter (Projekt God Løsladelse)",
              ["Målepunkt", *[STATUS_TITLER[s] for s in STATUSER], "Kilde"],
              [(mp.titel, [Antal((a, f"mp_{mp.id}_{s}")) for s in STATUSER])
               for mp in MAALEPUNKTER]),
        _split_tabel(stat, "enhed", "Fordelt på enhed", "Enhed"),
        _split_tabel(stat, "klienttype", "Fordelt på klienttype", "Klienttype"),
        _split_tabel(stat, "straf", "Fordelt på straflængde", "Straflængde"),
    ]
    if len(stat.kvartaler) > 1:
        out.append(_split_tabel(stat, "kvartal", "Kvartal for kvartal", "Kvartal"))
    return out


def maalepunkt_kilder() -> dict[str, str]:
    return {mp.titel: mp.kilde for mp in MAALEPUNKTER}


def noter(stat: Statistik) -> list[str]:
    """Danish notes every format prints under the tables."""
    lines = [
        f"Periode: {stat.periode.fra.isoformat()} til {stat.periode.til.isoformat()} "
        f"(opgjort {stat.idag.isoformat()}).",
        "En løsladelse er afgangsbedømmelsens løsladelsesdato, eller - uden "
        "afgangsbedømmelse - den forventede løsladelse, når den er passeret.",
        "Egen bolig, passende beskæftigelse og forsørgelsesgrundlag som i Mål- og "
        "resultatplan 2015 (passende beskæftigelse: fodnote 1). Dom over 3 måneder: "
        "mere end 90 dage; en dom på præcis 3 måneder er ikke over 3 måneder.",
        "Målepunkter: " + "; ".join(f"{t}: {k}" for t, k in maalepunkt_kilder().items()) + ".",
    ]
    if stat.enhed:
        lines.append(f"Kun enheden: {stat.enhed}.")
    if stat.undertrykt:
        lines.append("Offentlig udgave: alle tal under 5 og de tal, de kunne regnes ud fra, "
                     f"er undertrykt og vist som »{UNDERTRYKT}«.")
    lines.append(f"Udeladt: {stat.udeladt} sagsfil(er), der ikke kunne læses, indgår ikke "
                 "i tallene.")
    return lines


def as_rows(stat: Statistik, t: Tabel) -> list[list[Any]]:
    """Header and rows as text, for the text formats."""
    rows: list[list[Any]] = [list(t.kolonner)]
    kilder = maalepunkt_kilder()
    for label, cells in t.raekker:
        row = [label, *[tekst(stat, c) for c in cells]]
        if t.id == "maalepunkter":
            row.append(kilder[label])
        rows.append(row)
    return rows
