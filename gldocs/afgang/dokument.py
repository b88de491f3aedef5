"""The afgangsbedømmelse documents: the full one for the file, and the kommune's copy.

Mål- og resultatplan 2015 ("Passende bolig-, beskæftigelses- og forsørgelsesgrundlag på
tidspunktet for løsladelse"): "i de tilfælde hvor klienten giver samtykke, sende de dele
af afgangsbedømmelsen, der handler om bolig, beskæftigelse og forsørgelse til klientens
løsladelseskommune ... I det omfang kommunen ikke er enig i kriminalforsorgens billede af
løsladelsessituationen, skal de oplyse herom indenfor en fastsat frist."

The kommune's copy therefore holds exactly those three parts, the consent, the deadline to
object and whom to answer (plus the client's name and CPR number, so that the kommune
knows whom it concerns). It is refused without recorded consent, for an udvisningsdømt
(no coordination with the kommune, straffuldbyrdelseslovens § 31, stk. 2, 3. pkt.), when
a part is still ``ukendt`` without a note, and without a handlekommune or a deadline.
Both documents use the handleplan's render pipeline (``gldocs.render.layout``).
"""

from __future__ import annotations

from typing import Any

from gldocs.afgang.kategorier import (
    ELEMENTER,
    KILDE_BESKAEFTIGELSE,
    TRE_MAANEDER_DAGE,
    Afgangsart,
)
from gldocs.case.model import Afgang, Case
from gldocs.errors import InputError, RefusedError
from gldocs.render.context import clean, document_block
from gldocs.render.fields import dato, enhed, felt, felter, ja_nej, medarbejdere, table
from gldocs.render.names import checked, reference_of

FULD = "afgangsbedoemmelse"
KOMMUNE = "afgang_kommune"
DOKUMENTER: tuple[str, ...] = (FULD, KOMMUNE)
TITLER = {FULD: "Afgangsbedømmelse", KOMMUNE: "Afgangsbedømmelse til kommunen"}
# The kommune's copy is named like the handleplan's: the recipient ends the name.
FILNAVNE = {FULD: "afgangsbedoemmelse", KOMMUNE: "afgangsbedoemmelse"}
KILDE = "Mål- og resultatplan for Kriminalforsorgen 2015"
DEL_TITLER = {"bolig": "1. Bolig", "beskaeftigelse": "2. Beskæftigelse",
              "forsoergelse": "3. Forsørgelse"}


def afgang_of(case: Case) -> Afgang:
    if case.afgang is None:
        raise InputError(f"Sagen {case.reference} har ingen afgangsbedømmelse: udfyld "
                         "feltet 'afgang' i sagsfilen ved løsladelsen (se 'gldocs init').")
    return case.afgang


def kommune_refusal(case: Case) -> str | None:
    """Why the kommune may not get the copy (Danish), or ``None``."""
    a = afgang_of(case)
    if case.is_udvist or a.art is Afgangsart.UDVISNING:
        return ("Afgangsbedømmelsen sendes ikke til kommunen for en udvisningsdømt: der "
                "koordineres ikke med kommunen (straffuldbyrdelseslovens § 31, stk. 2, "
                "3. pkt.).")
    if not a.samtykke_givet:
        return ("Klienten har ikke givet samtykke til, at bolig, beskæftigelse og forsørgelse "
                "sendes til kommunen (Mål- og resultatplan 2015). Registrér samtykket i "
                "afgang.samtykke (givet: ja, dato), eller send ikke kopien.")
    uden_note = [ELEMENTER[name].lower() for name, d in a.dele.items()
                 if d.ukendt and d.note is None]
    if uden_note:
        return ("Kommunens kopi kan ikke dannes, mens " + " og ".join(uden_note)
                + " står som ukendt uden en bemærkning: beskriv situationen på "
                "løsladelsesdagen i afgang.<del>.note, så kommunen ved, hvad der mangler.")
    if case.stamoplysninger.handlekommune is None:
        return ("Kommunens kopi kan ikke dannes uden en handlekommune "
                "(feltet stamoplysninger.handlekommune mangler).")
    if a.indsigelsesfrist is None:
        return ("Angiv kommunens frist for indsigelse i afgang.indsigelsesfrist: kommunen skal "
                "vide, hvornår den senest skal sige fra (Mål- og resultatplan 2015).")
    return None


def output_name(case: Case, doc: str, fmt: str) -> str:
    """E.g. ``afgangsbedoemmelse_HP-2026-0311.pdf``, and the kommune's copy
    ``afgangsbedoemmelse_HP-2026-0311_til-kommunen.pdf`` (reference, never name or CPR)."""
    name = f"{FILNAVNE[doc]}_{reference_of(case)}.{fmt}"
    if doc == KOMMUNE:
        from gldocs.redact import kommune_copy_name

        name = kommune_copy_name(name)
    return checked(case, name, "filnavnet")


def mail_subject(case: Case) -> str:
    return checked(case, f"Afgangsbedømmelse ved løsladelse, reference {reference_of(case)}",
                   "emnelinjen")


def _dok(case: Case, doc: str, banner: str | None, undertitel: str) -> dict[str, Any]:
    """The handleplan's document block (header, footer, marks) with this document's
    title: whatever the render pipeline puts on every page comes along."""
    title = checked(case, f"{TITLER[doc]} {reference_of(case)}", "dokumenttitlen")
    a = afgang_of(case)
    mark = None  # the full assessment is internal ("Intern – ikke til videregivelse")
    if doc == KOMMUNE:
        from gldocs.redact import kommune_copy_header

        mark = kommune_copy_header(case)  # "Redigeret til Odense Kommune efter …"
    return {
        **document_block(case, "handleplan", banner, mark),
        "art": doc,
        "titel": title,
        "metadata_titel": f"{title} · {mark}" if mark else title,
        "sidehoved": title,
        "sidefod": f"{title} · løsladelse {dato(a.dato)}",
        "afsender": a.institution or enhed(case),
        "overskrift": TITLER[doc],
        "undertitel": undertitel,
    }


def _situation(del_: Any) -> str:
    return str(del_.status.titel)


def context(case: Case, doc: str, banner: str | None = None) -> dict[str, Any]:
    """The template context of ``doc`` ("afgangsbedoemmelse" or "afgang_kommune")."""
    ctx: dict[str, Any]
    if doc == FULD:
        ctx = clean(_fuld(case, banner))
        return ctx
    if doc == KOMMUNE:
        reason = kommune_refusal(case)
        if reason is not None:
            raise RefusedError(reason)
        ctx = clean(_kommune(case, banner))
        return ctx
    raise ValueError(f"ukendt dokument: {doc!r}")


def _fuld(case: Case, banner: str | None) -> dict[str, Any]:
    a = afgang_of(case)
    st = case.stamoplysninger
    dage = case.straf_dage
    over3 = "Ukendt" if dage is None else ja_nej(dage > TRE_MAANEDER_DAGE)
    svar = a.kommunens_svar
    return {
        "dok": _dok(case, FULD, banner,
                    "Bolig, beskæftigelse og forsørgelse på løsladelsesdagen"),
        "klient": {"titel": "Klient og løsladelse", "felter": felter(
            felt("Navn:", st.navn),
            felt("CPR-nummer:", st.cpr),
            felt("Klienttype:", st.klienttype.titel),
            felt("Straflængde:", st.dom.straflaengde if st.dom else None),
            felt("Dom over 3 måneder:", over3),
            felt("Løsladt:", a.dato),
            felt("Løsladelsesart:", a.art.titel),
            felt("Løsladt fra:", a.institution or enhed(case)),
            felt("Handlekommune:", st.handlekommune.navn if st.handlekommune else None),
        )},
        "elementer": {
            "titel": "Løsladelseselementer",
            "tabel": table("Løsladelseselementer",
                           {"element": "Element", "situation": "Situation ved løsladelsen",
                            "paa_plads": "På plads", "bemaerkning": "Bemærkning"},
                           [{"element": ELEMENTER[name], "situation": _situation(d),
                             "paa_plads": ja_nej(d.paa_plads), "bemaerkning": d.note or ""}
                            for name, d in a.dele.items()], ""),
            "felter": felter(felt("Elementer på plads:", f"{a.elementer_paa_plads} af 3")),
        },
        "kommune": {
            "titel": "Samtykke og kommunens svar",
            "felter": felter(
                felt("Samtykke til at sende de tre dele:",
                     f"Ja, givet {dato(a.samtykke.dato)}" if a.samtykke_givet and a.samtykke
                     and a.samtykke.dato else ("Nej" if a.samtykke else "Ikke registreret")),
                felt("Sendt til kommunen:", a.sendt_til_kommunen or "Ikke sendt"),
                felt("Kommunens frist for indsigelse:", a.indsigelsesfrist),
                felt("Kommunens svar:", f"{svar.svar.titel} ({dato(svar.dato)})" if svar
                     else ("Intet svar" if a.sendt_til_kommunen else None)),
            ),
            "note": f"Kommunens bemærkning: {svar.note}" if svar and svar.note else "",
        },
        "grundlag": {
            "titel": "Grundlag",
            "tekst": (f"{KILDE}: afgangsbedømmelsen vurderer, om klienten på "
                      "løsladelsesdagen har egen bolig (leje eller eje), passende beskæftigelse "
                      "og et forsørgelsesgrundlag. Passende beskæftigelse er alm. "
                      "lønarbejde/selvstændig, skånejob/flexjob, beskyttet "
                      "arbejdsplads/produktionsskole, uddannelse, revalidering, døgnbehandling, "
                      f"pensionist og arbejdsløs i aktivering ({KILDE_BESKAEFTIGELSE})."),
        },
        "medarbejdere": medarbejdere(case),
    }


def _kommune(case: Case, banner: str | None) -> dict[str, Any]:
    a = afgang_of(case)
    st = case.stamoplysninger
    kommune = st.handlekommune
    assert kommune is not None and a.samtykke is not None and a.indsigelsesfrist is not None
    ansvarlig = st.handleplansansvarlig
    dele = [{"titel": DEL_TITLER[name],
             "felter": felter(felt("Situation på løsladelsesdagen:", _situation(d)),
                              felt("På plads:", ja_nej(d.paa_plads)),
                              felt("Bemærkning:", d.note))}
            for name, d in a.dele.items()]
    return {
        "dok": _dok(case, KOMMUNE, banner, "Bolig, beskæftigelse og forsørgelse ved løsladelsen"),
        "modtager": [kommune.navn, kommune.afdeling, f"Att.: {kommune.kontaktperson}",
                     kommune.adresse, f"Sikker post: {kommune.sikker_post}"],
        "afsender": felter(felt("Fra:", a.institution or enhed(case)),
                           felt("Emne:", mail_subject(case))),
        "indledning": (f"Kriminalforsorgen sender hermed sin vurdering af klientens bolig, "
                       f"beskæftigelse og forsørgelse på løsladelsesdagen, {dato(a.dato)}, så "
                       "kommunen og Kriminalforsorgen har samme billede af "
                       f"løsladelsessituationen ({KILDE})."),
        "klient": felter(felt("Klient:", st.navn), felt("CPR-nummer:", st.cpr),
                         felt("Løsladt:", a.dato)),
        "dele": dele,
        "samtykke": {"titel": "Klientens samtykke",
                     "tekst": (f"Klienten har den {dato(a.samtykke.dato)} givet samtykke til, "
                               "at disse tre oplysninger sendes til kommunen.")},
        "indsigelse": {"titel": "Frist for indsigelse",
                       "tekst": ("Er kommunen ikke enig i Kriminalforsorgens billede af "
                                 "løsladelsessituationen, skal kommunen oplyse det senest "
                                 f"{dato(a.indsigelsesfrist)}. Hører vi ikke fra kommunen "
                                 "inden da, lægger vi til grund, at kommunen er enig.")},
        "svar": {"titel": "Svar til",
                 "tekst": (f"Svar til {ansvarlig.navn}, {ansvarlig.titel.lower()}, pr. sikker "
                           f"post til {ansvarlig.email}, eller ved fravær til "
                           "stedfortræderen:"),
                 "tabel": medarbejdere(case)},
        "hilsen": ["Med venlig hilsen", "", ansvarlig.navn, ansvarlig.titel,
                   a.institution or enhed(case)],
    }


def render(case: Case, doc: str, fmt: str, banner: str | None = None) -> bytes:
    """``doc`` of ``case`` as DOCX or PDF bytes (the handleplan's render pipeline)."""
    ctx = context(case, doc, banner)
    if fmt == "docx":
        from gldocs.render.docx import docx_from_context

        return docx_from_context(ctx)
    if fmt == "pdf":
        from gldocs.render.pdf import pdf_from_context

        return pdf_from_context(ctx)
    raise ValueError(f"ukendt format: {fmt!r}")
