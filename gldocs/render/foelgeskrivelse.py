"""The følgeskrivelse's template context: the standard enquiry to the municipality.

Handleplansvejledningen pkt. 37 and Køreplan for God Løsladelse, step 6 (Projekt God
Løsladelse's "standardhenvendelse"): sent by secure mail to the municipality's entrance
with the handleplan, naming the areas where coordination is needed and what the prison
asks for in each. There is no coordination duty for udvisningsdømte and
varetægtsarrestanter, so no følgeskrivelse is made for them; nor before the client has
been told that the data go to the municipality (pkt. 34).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from gldocs.case.model import Case
from gldocs.case.types import Klienttype, Koordineringsomraade
from gldocs.errors import RefusedError
from gldocs.render.context import dato, enhed, felt, felter, join_nonempty, medarbejdere, table
from gldocs.render.deadlines import KeyDates, key_dates
from gldocs.render.names import mail_subject

# Areas whose information belongs to the special categories of rhl. § 10.
SAERLIGE_KATEGORIER: frozenset[Koordineringsomraade] = frozenset(
    {Koordineringsomraade.MISBRUG, Koordineringsomraade.HELBRED}
)


def refusal_reason(case: Case) -> str | None:
    """Why no følgeskrivelse may be made for ``case`` (Danish), or ``None``."""
    if case.is_udvist:
        return ("Der laves ikke en følgeskrivelse til kommunen for udvisningsdømte: "
                "handleplanen har ingen del om tiden efter løsladelsen, og der koordineres "
                "ikke med kommunen (straffuldbyrdelseslovens § 31, stk. 2, 3. pkt.; "
                "feltet stamoplysninger.udvist er ja).")
    if case.is_varetaegt:
        return ("Der laves ikke en følgeskrivelse til kommunen for varetægtsarrestanter: "
                "der er ingen pligt til at koordinere med kommunen under "
                "varetægtsfængslingen (feltet stamoplysninger.klienttype er 'varetaegt').")
    if case.stamoplysninger.handlekommune is None:
        return ("Følgeskrivelsen kan ikke dannes uden en handlekommune "
                "(feltet stamoplysninger.handlekommune mangler).")
    if not case.klient_informeret:
        return ("Klienten er ikke orienteret om, at oplysningerne sendes til kommunen "
                "(handleplansvejledningen pkt. 34; feltet klient_informeret er nej). "
                "Orientér klienten, og ret sagsfilen, før følgeskrivelsen dannes.")
    return None


def foelgeskrivelse_context(case: Case, today: date) -> dict[str, Any]:
    reason = refusal_reason(case)
    if reason is not None:
        raise RefusedError(reason)
    st = case.stamoplysninger
    kommune = st.handlekommune
    assert kommune is not None  # checked by refusal_reason
    ansvarlig = st.handleplansansvarlig
    dates = key_dates(case)
    return {
        "dok": {
            "overskrift": "Følgeskrivelse",
            "undertitel": "Henvendelse til kommunen om koordinering af handleplan",
        },
        "modtager": [
            kommune.navn,
            kommune.afdeling,
            f"Att.: {kommune.kontaktperson}",
            kommune.adresse,
            f"Sikker post: {kommune.sikker_post}",
        ],
        "afsender": felter(
            felt("Fra:", enhed(case)),
            felt("Dato:", today),
            felt("Emne:", mail_subject(case)),
        ),
        "formaal": {
            "titel": "Formålet med henvendelsen",
            "tekst": _formaal(case, dates.release),
            "forventninger_intro": f"{kommune.navn} bedes:",
            "forventninger": _forventninger(dates),
        },
        "klient": {
            "titel": "Klienten",
            "felter": felter(
                felt("Navn:", st.navn),
                felt("CPR-nr.:", st.cpr),
                felt("Klienttype:", st.klienttype.titel),
                felt("Dom:", st.dom and f"{st.dom.straflaengde} for "
                                       f"{_lower_first(st.dom.kriminalitetens_art)}"),
                felt("Afsoner i:" if case.klienttype is Klienttype.AFSONER else "Enhed:",
                     enhed(case)),
            ),
            "situation": _situation(case),
            "oensker": _oensker(case),
        },
        "omraader": table(
            "Koordineringsområder og konkrete anmodninger",
            {"omraade": "Område", "anmodning": "Kriminalforsorgen beder kommunen om"},
            ({"omraade": area.titel, "anmodning": ask}
             for area, ask in case.koordineringsomraader.items()),
            "Der er ikke valgt koordineringsområder; kommunen bedes alene bekræfte "
            "modtagelsen og oplyse en kontaktperson.",
        ),
        "datoer": {"titel": "Vigtige datoer", "felter": _datoer(case, dates)},
        "handleplan": {"titel": "Handleplanen", "tekst": _vedlagt(case)},
        "hjemmel": {"titel": "Hjemmel", "tekst": _hjemmel(case)},
        "orientering": {"titel": "Orientering af klienten", "tekst": _orientering(case)},
        "kontakt": {
            "titel": "Kontakt",
            "tekst": ("Kommunen er velkommen til at kontakte den handleplansansvarlige eller "
                      "stedfortræderen:"),
            "tabel": medarbejdere(case),
        },
        "hilsen": ["Med venlig hilsen", ansvarlig.navn, ansvarlig.titel, enhed(case)],
    }


def _formaal(case: Case, release: date | None) -> str:
    st = case.stamoplysninger
    if case.klienttype is Klienttype.TILSYN:
        when = (f"Klienten er under tilsyn af {st.kif_afdeling} efter en etablerende "
                f"tilsynssamtale den {dato(st.tilsynssamtale)}.")
        aim = "kommunens og Kriminalforsorgens indsatser hænger sammen under tilsynet"
    else:
        kind = "prøveløsladt" if case.proeveloesladelsesdato else "løsladt"
        when = (f"Klienten forventes {kind} den {dato(release)}." if release
                else "Der er endnu ikke fastsat en løsladelsesdato.")
        aim = "de aftalte indsatser er på plads fra løsladelsesdagen"
    kommune = st.handlekommune.navn if st.handlekommune else "kommunen"
    return (f"Kriminalforsorgen retter henvendelse til {kommune} for at koordinere "
            f"handleplanen for en fælles klient. Formålet er, at {aim}. {when} "
            "Henvendelsen sker efter handleplanscirkulærets § 12 og Køreplan for God "
            "Løsladelse.")


def _forventninger(dates: KeyDates) -> list[str]:
    items = [
        "bekræfte modtagelsen og oplyse en fast kontaktperson i kommunen,",
        "tage stilling til anmodningerne under de enkelte koordineringsområder nedenfor,",
    ]
    moede, engang = dates.loesladelsesmoede, dates.engangshjaelp
    if moede:
        items.append(f"deltage i et løsladelsesmøde, som vi foreslår holdt senest den "
                     f"{dato(moede)},")
    if engang:
        items.append(f"træffe afgørelse om eventuel engangshjælp senest den {dato(engang)},")
    items.append("kontakte den handleplansansvarlige, hvis der er spørgsmål.")
    items[-2] = items[-2].rstrip(",") + " og"
    return items


def _situation(case: Case) -> str:
    behov = case.vurdering.behov_prioriteret
    prioriteter = "; ".join(f"{b.prioritet}. {b.omraade}" for b in behov)
    lsrnr = case.vurdering.lsrnr
    risk = (f"Den samlede risiko for ny kriminalitet er vurderet som "
            f"{lsrnr.niveau.titel.lower()} (LS/RNR). " if lsrnr else "")
    return f"{risk}Handleplanens prioriterede behov er: {prioriteter}."


def _oensker(case: Case) -> str:
    oensker = case.beskrivelse.oensker
    if oensker:
        return f"Klientens ønsker: {oensker}"
    where = ("handleplanen" if case.samarbejdspartnere.handleplan_vedlagt
             else "den handleplansansvarlige")
    return f"Klientens egne ønsker og beretning fremgår af {where}."


def _datoer(case: Case, dates: KeyDates) -> list[dict[str, str]]:
    st = case.stamoplysninger
    pl = st.proeveloesladelse
    release, moede, engang = dates.release, dates.loesladelsesmoede, dates.engangshjaelp
    moved = release is not None and release != case.forventet_udgang
    tilsyn = case.klienttype is Klienttype.TILSYN
    return felter(
        felt("Etablerende tilsynssamtale:", st.tilsynssamtale),
        felt("Prøveløsladt:" if tilsyn else "Forventet prøveløsladelse:", pl and pl.dato),
        felt("Endt straf:" if tilsyn else "Forventet løsladelse:", st.forventet_loesladelse),
        felt("Løsladelsesdag efter fremrykning:", release if moved else None),
        felt("Forslag til løsladelsesmøde:",
             moede and f"senest {dato(moede)} (mindst 3 måneder før løsladelsen)"),
        felt("Afgørelse om engangshjælp:",
             engang and f"senest {dato(engang)} (14 dage før løsladelsen)"),
    )


def _vedlagt(case: Case) -> str:
    sp = case.samarbejdspartnere
    hp = case.stamoplysninger.handleplan
    if sp.handleplan_vedlagt:
        return (f"Handleplanen (version {hp.version} af {dato(hp.dato)}) er vedlagt. Den "
                "indeholder alene de oplysninger, kommunen har brug for til koordineringen.")
    m = case.stamoplysninger.handleplansansvarlig
    why = sp.handleplan_ikke_vedlagt_begrundelse
    return (f"Handleplanen er ikke vedlagt. Begrundelse: {why} Handleplanen kan "
            f"rekvireres hos den handleplansansvarlige, {m.navn}, "
            f"tlf. {m.telefon}, {m.email}.")


def _hjemmel(case: Case) -> str:
    areas = set(case.koordineringsomraader_liste)
    special = [a.titel.lower() for a in Koordineringsomraade if a in areas & SAERLIGE_KATEGORIER]
    if special:
        return ("Oplysningerne videregives efter retshåndhævelseslovens § 9 og, for så vidt "
                f"angår oplysninger om {' og '.join(special)}, § 10, jf. "
                "handleplanscirkulærets § 12. Der videregives kun oplysninger, som er "
                "nødvendige, og for oplysninger efter § 10 strengt nødvendige, for "
                "koordineringen.")
    return ("Oplysningerne videregives efter retshåndhævelseslovens § 9, jf. "
            "handleplanscirkulærets § 12. Der videregives kun oplysninger, som er nødvendige "
            "for koordineringen.")


def _orientering(case: Case) -> str:
    when = case.klient_informeret_dato
    told = ("Klienten er orienteret om, at Kriminalforsorgen sender denne henvendelse og "
            "handleplanen til kommunen" + (f" (orienteret den {dato(when)})." if when else "."))
    took_part = ("Klienten har deltaget i udarbejdelsen af handleplanen." if case.klient_deltaget
                 else "Klienten har ikke deltaget i udarbejdelsen af handleplanen.")
    return join_nonempty([told, took_part], " ")


def _lower_first(text: str) -> str:
    """"Røveri, jf. ..." -> "røveri, jf. ..." (but "KiF", "ADHD" stay as they are)."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text
