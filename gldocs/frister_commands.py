"""``gldocs frister``: a case's deadlines with their status, as a dated checklist or JSON.

The text output separates the statutory deadlines from the køreplan's agreed method and
from Kriminalforsorgen's own guidelines, shows both release dates, and says why deadlines
a caseworker might expect are absent.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import Any

import click
from dateutil.relativedelta import relativedelta

from gldocs.dates import dato_option, format_dato
from gldocs.errors import InputError
from gldocs.frist_status import (
    KOMMENDE,
    OPFYLDT,
    OVERSKREDET,
    SNART,
    FristStatus,
    Udfoerelse,
    frister_med_status,
    udfoert_fra_sag,
)
from gldocs.frister import (
    ART_TITEL,
    ARTER,
    KLIENTTYPER,
    FristGrundlag,
    Loesladelser,
    bemaerkninger,
    beregn_frister,
    grundlag_from_case,
    loesladelser,
)

KLIENTTYPE_TITEL: dict[str, str] = {
    "afsoner": "afsoner",
    "varetaegt": "varetægtsarrestant",
    "tilsyn": "tilsynsklient (KiF)",
    "ung-fodlaenke": "ung 15-17 år på fodlænke",
    "paragraf-68-69": "foranstaltning efter straffelovens §§ 68-69",
}

DATE_OPTIONS: tuple[str, ...] = (
    "indsat", "tilsynssamtale", "proeveloesladelse", "loesladelse", "overfoert",
    "afsoning_fra", "tilsyn_slut",
)

MARKER: dict[str, str] = {OPFYLDT: "[x]", OVERSKREDET: "[!]", SNART: "[ ]", KOMMENDE: "[ ]"}


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


def status_tekst(s: FristStatus, idag: date) -> str:
    """The status in words: 'opfyldt 3. april 2026 (for sent)', 'overskredet med 4 dage',
    'i dag', 'om 12 dage'."""
    if s.status == OPFYLDT:
        assert s.opfyldt is not None
        return f"opfyldt {format_dato(s.opfyldt)}" + (" (for sent)" if s.for_sent else "")
    dage = (s.dato - idag).days
    if s.frist.tidligst:
        return "kan ske nu" if dage <= 0 else f"mulig om {dage} dage"
    if dage < 0:
        return "overskredet med 1 dag" if dage == -1 else f"overskredet med {-dage} dage"
    if dage == 0:
        return "i dag"
    return "om 1 dag" if dage == 1 else f"om {dage} dage"


def _loesladelse_linjer(rel: Loesladelser) -> list[str]:
    lines = [d.tekst() for d in (rel.proeveloesladelse, rel.endt_straf) if d is not None]
    if rel.regnes_fra is not None and rel.proeveloesladelse and rel.endt_straf:
        lines.append(f"Fristerne om løsladelsen regnes fra: {rel.regnes_fra.titel.lower()}.")
    return lines


def format_tjekliste(grundlag: FristGrundlag, statusser: list[FristStatus],
                     idag: date) -> str:
    """The human checklist, in Danish, grouped by what each deadline rests on."""
    lines = [f"Frister for {KLIENTTYPE_TITEL[grundlag.klienttype]}"
             + (" (udvist ved dom)" if grundlag.udvist else "")
             + f", opgjort {format_dato(idag)}"]
    lines += _loesladelse_linjer(loesladelser(grundlag))
    for note in bemaerkninger(grundlag):
        lines.append(f"Bemærk: {note}")
    if not statusser:
        lines += ["", "Ingen frister: sagen mangler de datoer, fristerne regnes fra."]
        return "\n".join(lines)
    for art in ARTER:
        group = [s for s in statusser if s.frist.art == art]
        if not group:
            continue
        lines += ["", ART_TITEL[art], "-" * len(ART_TITEL[art])]
        for s in group:
            f = s.frist
            lines.append(f"{MARKER[s.status]} {f.dato_tekst()} – {status_tekst(s, idag)}")
            lines.append(f"    {f.tekst}")
            if s.note:
                lines.append(f"    Note: {s.note}")
            lines.append(f"    Hjemmel: {f.hjemmel} (id: {f.id})")
    overskredne = [s for s in statusser if s.status == OVERSKREDET]
    if overskredne:
        lines += ["", f"{len(overskredne)} frist(er) er overskredet og ikke registreret som "
                      "udført (udfoert i sagsfilen)."]
    return "\n".join(lines)


def frister_json(grundlag: FristGrundlag, statusser: list[FristStatus],
                 idag: date) -> str:
    data: dict[str, Any] = {
        "klienttype": grundlag.klienttype,
        "idag": idag.isoformat(),
        "loesladelse": loesladelser(grundlag).as_json(),
        "bemaerkninger": bemaerkninger(grundlag),
        "frister": [s.as_json() for s in statusser],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _klienttype_option(value: str | None) -> str | None:
    if value is not None and value not in KLIENTTYPER:
        raise InputError(f"Ugyldig værdi i --klienttype: '{value}'; "
                         f"brug en af: {', '.join(KLIENTTYPER)}")
    return value


@click.command("frister")
@click.argument("case_file", required=False, metavar="[SAG]")
@click.option("--klienttype", metavar="KLIENTTYPE",
              help="Klienttype: " + ", ".join(KLIENTTYPER) + ".")
@click.option("--indsat", metavar="DATO",
              help="Indsættelsesdato (ÅÅÅÅ-MM-DD). For §§ 68-69: anbragt i institution.")
@click.option("--tilsynssamtale", metavar="DATO",
              help="Etablerende tilsynssamtale. For §§ 68-69 alene: under tilsyn.")
@click.option("--proeveloesladelse", metavar="DATO", help="Forventet prøveløsladelse.")
@click.option("--loesladelse", metavar="DATO", help="Forventet løsladelse efter endt straf.")
@click.option("--straf-dage", "straf_dage", metavar="DAGE", help="Straffens længde i dage.")
@click.option("--afsoning-fra", "afsoning_fra", metavar="DATO",
              help="Varetægt -> afsoning: dagen, dommen blev endelig.")
@click.option("--proeveloesladelse-afslag", "afslag", metavar="DATO",
              help="Afslag på prøveløsladelse denne dato (fristerne regnes fra endt straf).")
@click.option("--uden-tilsyn", is_flag=True, default=None,
              help="Prøveløsladelsen forventes uden tilsyn af KiF.")
@click.option("--tilsyn-slut", "tilsyn_slut", metavar="DATO", help="Tilsynets udløb.")
@click.option("--udvist/--ikke-udvist", default=None, help="Udvist ved dom (eller ej).")
@click.option("--radikalisering/--ingen-radikalisering", default=None,
              help="Bekymring for radikalisering (Infohus) (eller ej).")
@click.option("--overfoert", metavar="DATO", help="Dato for seneste overførsel.")
@click.option("--andet-omraade/--samme-omraade", "andet_omraade", default=None,
              help="Overført til et andet kriminalforsorgsområde (eller samme).")
@click.option("--kif-mentor", is_flag=True, default=None,
              help="Betingelserne for en KiF-mentor er opfyldt (Guide afsnit 3.3.4).")
@click.option("--idag", metavar="DATO", help="Opgør status pr. denne dato (standard: i dag).")
@click.option("--json", "as_json", is_flag=True, help="Skriv fristerne som JSON.")
def frister_cmd(case_file: str | None, klienttype: str | None, straf_dage: str | None,
                afslag: str | None, uden_tilsyn: bool | None, udvist: bool | None,
                radikalisering: bool | None, andet_omraade: bool | None,
                kif_mentor: bool | None, idag: str | None, as_json: bool,
                **dates: str | None) -> None:
    """Vis sagens frister med status som en dateret tjekliste.

    Fristerne regnes fra sagsfilen; tilvalg overskriver sagsfilens oplysninger.
    Uden sagsfil skal mindst --klienttype angives. Status (opfyldt, overskredet, snart,
    kommende) regnes fra sagsfilens 'udfoert' pr. --idag.
    """
    today = dato_option("idag", idag) or date.today()
    overrides: dict[str, Any] = {
        name: dato_option(name, dates.get(name)) for name in DATE_OPTIONS
    }
    overrides["straf_dage"] = _straf_dage_option(straf_dage)
    overrides["udvist"] = udvist
    overrides["radikalisering"] = radikalisering
    overrides["overfoert_andet_omraade"] = andet_omraade
    overrides["kif_mentor"] = kif_mentor
    overrides["klienttype"] = _klienttype_option(klienttype)
    if uden_tilsyn:
        overrides["proeveloesladelse_med_tilsyn"] = False
    afslag_dato = dato_option("proeveloesladelse_afslag", afslag)
    if afslag_dato is not None:
        overrides["afgoerelse"] = "afslag"
        overrides["afgoerelse_dato"] = afslag_dato
    overrides = {k: v for k, v in overrides.items() if v is not None}

    udfoert: dict[str, Udfoerelse] = {}
    if case_file is not None:
        from gldocs.case import load_case

        case = load_case(case_file)
        grundlag = dataclasses.replace(grundlag_from_case(case), **overrides)
        udfoert = udfoert_fra_sag(case)
    else:
        if "klienttype" not in overrides:
            raise InputError("Angiv en sagsfil eller --klienttype (og de datoer, "
                             "fristerne skal regnes fra).")
        grundlag = FristGrundlag(**overrides)

    frister = beregn_frister(grundlag, horisont=today + relativedelta(years=1))
    statusser = frister_med_status(frister, udfoert, today)
    click.echo(frister_json(grundlag, statusser, today) if as_json
               else format_tjekliste(grundlag, statusser, today))
