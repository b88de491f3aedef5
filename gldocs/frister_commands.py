"""``gldocs frister``: show a case's statutory deadlines as a dated checklist or as JSON."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import Any

import click
from dateutil.relativedelta import relativedelta

from gldocs.dates import format_dato, format_dato_med_ugedag, parse_iso_dato
from gldocs.errors import InputError
from gldocs.frister import (
    KLIENTTYPER,
    Frist,
    FristGrundlag,
    beregn_frister,
    effektiv_loesladelse,
    grundlag_from_case,
)

KLIENTTYPE_TITEL: dict[str, str] = {
    "afsoner": "afsoner",
    "varetaegt": "varetægtsarrestant",
    "tilsyn": "tilsynsklient (KiF)",
    "ung-fodlaenke": "ung 15-17 år på fodlænke",
    "paragraf-68-69": "foranstaltning efter straffelovens §§ 68-69",
}

# dates that mark an event or an earliest start, not a "senest" deadline
BEGIVENHEDER: frozenset[str] = frozenset({"loesladelse_fremrykket", "mentor_tidligst"})

DATE_OPTIONS: tuple[str, ...] = (
    "indsat", "tilsynssamtale", "proeveloesladelse", "loesladelse", "overfoert",
)


def _dato_option(name: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_iso_dato(value)
    except ValueError as exc:
        raise InputError(f"Ugyldig dato i --{name}: {exc}") from None


def _straf_dage_option(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        dage = int(value.strip())
    except ValueError:
        raise InputError(
            f"Ugyldig værdi i --straf-dage: '{value}' er ikke et helt antal dage"
        ) from None
    if dage < 1:
        raise InputError(f"Ugyldig værdi i --straf-dage: {dage}; straffen skal være mindst 1 dag")
    return dage


def status(frist: Frist, idag: date) -> str:
    """'overskredet' (or 'passeret' for events), 'i dag' or 'om N dage'."""
    dage = (frist.dato - idag).days
    if dage < 0:
        return "passeret" if frist.id in BEGIVENHEDER else "overskredet"
    if dage == 0:
        return "i dag"
    return "om 1 dag" if dage == 1 else f"om {dage} dage"


def _bemaerkning(grundlag: FristGrundlag) -> str | None:
    """Why deadlines a caseworker might expect are absent."""
    if grundlag.klienttype == "varetaegt":
        return ("Varetægtsarrestant: ingen koordinering med kommunen og ingen frister om "
                "løsladelsen.")
    if grundlag.udvist:
        return ("Udvist ved dom: ingen frister om kommunen eller tiden efter løsladelsen "
                "(straffuldbyrdelsesloven § 31, stk. 2, 3. pkt.).")
    return None


def format_tjekliste(grundlag: FristGrundlag, frister: list[Frist], idag: date) -> str:
    """The human checklist, in Danish."""
    lines = [f"Frister for {KLIENTTYPE_TITEL[grundlag.klienttype]}"
             + (" (udvist ved dom)" if grundlag.udvist else "")
             + f", opgjort {format_dato(idag)}"]
    r = effektiv_loesladelse(grundlag)
    if r is not None:
        lines.append(f"Forventet løsladelse: {format_dato_med_ugedag(r)}")
    note = _bemaerkning(grundlag)
    if note:
        lines.append(note)
    lines.append("")
    if not frister:
        lines.append("Ingen frister: sagen mangler de datoer, fristerne regnes fra.")
        return "\n".join(lines)
    for f in frister:
        lines.append(f"[ ] {format_dato_med_ugedag(f.dato)} ({status(f, idag)})")
        lines.append(f"    {f.tekst}")
        lines.append(f"    Hjemmel: {f.hjemmel}")
    return "\n".join(lines)


def frister_json(frister: list[Frist]) -> str:
    return json.dumps({"frister": [f.as_json() for f in frister]}, ensure_ascii=False, indent=2)


@click.command("frister")
@click.argument("case_file", required=False, metavar="[SAG]")
@click.option("--klienttype", metavar="KLIENTTYPE",
              help="Klienttype: " + ", ".join(KLIENTTYPER) + ".")
@click.option("--indsat", metavar="DATO", help="Indsættelsesdato (ÅÅÅÅ-MM-DD).")
@click.option("--tilsynssamtale", metavar="DATO", help="Etablerende tilsynssamtale.")
@click.option("--proeveloesladelse", metavar="DATO", help="Forventet prøveløsladelse.")
@click.option("--loesladelse", metavar="DATO", help="Forventet løsladelse efter endt straf.")
@click.option("--straf-dage", "straf_dage", metavar="DAGE", help="Straffens længde i dage.")
@click.option("--udvist/--ikke-udvist", default=None, help="Udvist ved dom (eller ej).")
@click.option("--radikalisering/--ingen-radikalisering", default=None,
              help="Bekymring for radikalisering (Infohus) (eller ej).")
@click.option("--overfoert", metavar="DATO", help="Dato for seneste overførsel.")
@click.option("--idag", metavar="DATO", help="Opgør status pr. denne dato (standard: i dag).")
@click.option("--json", "as_json", is_flag=True, help="Skriv fristerne som JSON.")
def frister_cmd(case_file: str | None, klienttype: str | None, straf_dage: str | None,
                udvist: bool | None, radikalisering: bool | None, idag: str | None,
                as_json: bool, **dates: str | None) -> None:
    """Vis sagens lovbestemte frister som en dateret tjekliste.

    Fristerne regnes fra sagsfilen; tilvalg overskriver sagsfilens oplysninger.
    Uden sagsfil skal mindst --klienttype angives.
    """
    today = _dato_option("idag", idag) or date.today()
    overrides: dict[str, Any] = {
        name: _dato_option(name, dates.get(name)) for name in DATE_OPTIONS
    }
    overrides["straf_dage"] = _straf_dage_option(straf_dage)
    overrides["udvist"] = udvist
    overrides["radikalisering"] = radikalisering
    if klienttype is not None:
        if klienttype not in KLIENTTYPER:
            raise InputError(f"Ugyldig værdi i --klienttype: '{klienttype}'; "
                             f"brug en af: {', '.join(KLIENTTYPER)}")
        overrides["klienttype"] = klienttype
    overrides = {k: v for k, v in overrides.items() if v is not None}

    if case_file is not None:
        from gldocs.case import load_case

        grundlag = dataclasses.replace(grundlag_from_case(load_case(case_file)), **overrides)
    else:
        if "klienttype" not in overrides:
            raise InputError("Angiv en sagsfil eller --klienttype (og de datoer, "
                             "fristerne skal regnes fra).")
        grundlag = FristGrundlag(**overrides)

    frister = beregn_frister(grundlag, horisont=today + relativedelta(years=1))
    click.echo(frister_json(frister) if as_json else format_tjekliste(grundlag, frister, today))
