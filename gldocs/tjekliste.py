"""The køreplan checklist: one row per step of Køreplan for god løsladelse (1-12 and 9 A).

The køreplan asks for "en enkel tjekliste til fortløbende at dokumentere brugen af
metoden og til efter løsladelsesforløbet at evaluere samarbejdsprocessen". Each row says
what the step is, who is responsible (fængsel, KiF, kommune), its date, whether it is
done (from the case file's ``udfoert`` and the coordination record), and, when the step
does not apply to this client, why. Pure functions; the command and the render pipeline
format the rows.

Steps 1-4 carry no deadline in the køreplan; they are recorded as done under their own
ids (:data:`TRIN_IDS`). Step 2 is done when the case names a handleplansansvarlig.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from gldocs.dates import format_dato
from gldocs.frist_status import Udfoerelse, udfoert_fra_sag
from gldocs.frister import (
    Frist,
    FristGrundlag,
    beregn_frister,
    grundlag_from_case,
    koereplan_maalgruppe,
)

if TYPE_CHECKING:
    from gldocs.case.model import Case

OPFYLDT = "opfyldt"
IKKE_OPFYLDT = "ikke opfyldt"
IKKE_RELEVANT = "ikke relevant"
TRIN: tuple[str, ...] = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "9A", "10", "11", "12")

FAENGSEL = "fængsel"
KIF = "KiF"
KOMMUNE = "kommune"

# Done-entry ids for the steps without a deadline (valid in the case file's udfoert).
TRIN_IDS: dict[str, str] = {
    "1": "kommune_underrettet_indsaettelse",
    "2": "handleplansansvarlig_udpeget",
    "3": "indsaettelsessamtale",
    "4": "sagsakter_indhentet",
}

TEKST: dict[str, str] = {
    "1": "Fængslet giver besked til kommunen, når borgeren indsættes (med den indsattes "
         "samtykke).",
    "2": "Der udpeges en handleplansansvarlig medarbejder i fængslet.",
    "3": "Samtale med den indsatte umiddelbart efter indsættelsen; udredning af helbred, "
         "bolig, uddannelse og beskæftigelse, økonomi, netværk og misbrug.",
    "4": "Den handleplansansvarlige indhenter sagsakter fra andre relevante myndigheder.",
    "5": "Handleplan for strafudståelsen og tiden efter løsladelsen senest 4 uger efter "
         "indsættelsen.",
    "6": "Kontakt til kommunen om koordinering senest 1 år før en eventuel prøveløsladelse "
         "(mindre end 1 år: senest 4 uger efter, at straffen er iværksat).",
    "7": "Opfølgning på handleplanen mindst hver 3. måned (ved mere end 2 år: hvert halve "
         "år).",
    "8": "Løsladelsesmøde med den indsatte, KiF og kommunen senest 3 måneder før "
         "løsladelsen; aftale om opfølgende møde senest 4 uger efter løsladelsen.",
    "9": "KiF inddrages i planlægningen af prøveløsladelsen senest 8 uger før, og "
         "handleplansansvaret overdrages.",
    "9A": "Ved løsladelse efter endt straf: møder med kommunen på løsladelsesdagen aftalt "
          "senest 4 uger før.",
    "10": "Den prøveløsladte mødes med KiF senest 1 uge efter prøveløsladelsen.",
    "11": "KiF kontakter kommunen om koordinering senest 4 uger efter prøveløsladelsen.",
    "12": "KiF følger op på planen med den prøveløsladte mindst hver 3. måned i "
          "tilsynsperioden.",
}

ANSVARLIG: dict[str, str] = {
    "1": FAENGSEL, "2": FAENGSEL, "3": FAENGSEL, "4": FAENGSEL, "5": FAENGSEL,
    "6": FAENGSEL, "7": FAENGSEL, "8": FAENGSEL, "9": FAENGSEL, "9A": FAENGSEL,
    "10": KIF, "11": KIF, "12": KIF,
}

# The deadline each step is checked against.
FRIST_AF_TRIN: dict[str, str] = {
    "5": "handleplan_udarbejdet", "6": "kommune_kontakt", "8": "loesladelsesmoede",
    "9": "kif_inddragelse", "9A": "moeder_loesladelsesdag", "10": "kif_moede",
    "11": "kif_kommune_kontakt", "12": "kif_opfoelgning",
}


@dataclass(frozen=True)
class TrinRaekke:
    """One step of the checklist."""

    trin: str
    tekst: str
    ansvarlig: str
    dato: date | None
    status: str  # OPFYLDT, IKKE_OPFYLDT or IKKE_RELEVANT
    begrundelse: str

    def as_json(self) -> dict[str, Any]:
        return {"trin": self.trin, "tekst": self.tekst, "ansvarlig": self.ansvarlig,
                "dato": self.dato.isoformat() if self.dato else None, "status": self.status,
                "begrundelse": self.begrundelse}


@dataclass(frozen=True)
class Tjekliste:
    raekker: list[TrinRaekke]
    maalgruppe: str  # whether the client is in the køreplan's target group, and why
    noter: list[str]

    def as_json(self) -> dict[str, Any]:
        return {"trin": [r.as_json() for r in self.raekker]}


def _irrelevant_all(g: FristGrundlag) -> str | None:
    """Why no step 1-9 A applies to this client, or None."""
    if g.klienttype == "varetaegt":
        return ("varetægtsarrestant: køreplanens målgruppe er indsatte, der afsoner en straf, "
                "og der koordineres ikke med kommunen under varetægtsfængslingen (Guide til "
                "myndighedssamarbejde afsnit 3.1.1)")
    if g.klienttype == "ung-fodlaenke":
        return ("ung 15-17 år på fodlænke: køreplanens målgruppe er indsatte over 18 år; "
                "kommunen kontaktes samtidig med den første handleplan (pkt. 32)")
    if g.i_tilsyn:
        return "klienten er under tilsyn og ikke indsat (trin 1-9 A gælder indsatte)"
    if g.under_18:
        return "klienten var under 18 år ved indsættelsen (køreplanens målgruppe er over 18)"
    return None


def _status(frist: Frist | None, done: Udfoerelse | None, idag: date) -> tuple[str, str]:
    if done is not None:
        late = frist is not None and not frist.tidligst and done.dato > frist.dato
        text = f"Opfyldt {format_dato(done.dato)}" + (" (efter fristen)" if late else "")
        note = done.note[:1].upper() + done.note[1:] if done.note else ""
        return OPFYLDT, text + (f". {note.rstrip('.')}." if note else ".")
    if frist is None:
        return IKKE_OPFYLDT, "Ikke registreret som udført."
    dage = (frist.dato - idag).days
    when = (f"overskredet med {-dage} dage" if dage < 0 else "i dag" if dage == 0
            else f"om {dage} dage")
    prefix = "Snarest muligt og senest" if frist.snarest_muligt else "Frist"
    return IKKE_OPFYLDT, f"{prefix} {format_dato(frist.dato)} ({when})."


def lav_tjekliste(case: Case, idag: date) -> Tjekliste:
    """The checklist of ``case`` on ``idag``."""
    g = grundlag_from_case(case)
    frister = beregn_frister(g, horisont=idag)
    first: dict[str, Frist] = {}
    for f in frister:
        first.setdefault(f.id, f)
    done = udfoert_fra_sag(case)
    alle = _irrelevant_all(g)
    udvist = g.udvist
    pl_tilsyn = "kif_moede" in first  # a prøveløsladelse with tilsyn is expected or happened
    rows: list[TrinRaekke] = []

    def row(trin: str, status: str, begrundelse: str, dato: date | None = None) -> None:
        rows.append(TrinRaekke(trin, TEKST[trin], ANSVARLIG[trin], dato, status, begrundelse))

    for trin in TRIN:
        frist = first.get(FRIST_AF_TRIN.get(trin, ""))
        kif_trin = trin in ("10", "11", "12")
        if alle and not (kif_trin and g.klienttype == "tilsyn"):
            row(trin, IKKE_RELEVANT, _first_upper(alle) + ".")
            continue
        if udvist and trin in ("1", "6", "8", "9", "9A", "10", "11", "12"):
            row(trin, IKKE_RELEVANT, "Udvist ved dom: ingen koordinering med kommunen og "
                                     "ingen tid efter løsladelsen (handleplansvejledningen "
                                     "pkt. 23 og 30).")
            continue
        if trin in TRIN_IDS:
            entry = done.get(TRIN_IDS[trin])
            if trin == "2" and entry is None:
                ansvarlig = case.stamoplysninger.handleplansansvarlig
                row(trin, OPFYLDT, f"{ansvarlig.navn} er handleplansansvarlig "
                                   f"(stedfortræder: {case.stamoplysninger.stedfortraeder.navn}).")
                continue
            status, text = _status(None, entry, idag)
            if trin in ("1", "3") and entry is None:
                text += f" Registrér det som udført med id '{TRIN_IDS[trin]}'."
            if trin == "1" and case.stamoplysninger.handlekommune is None:
                text += " Forudsætning: kommunens indgang er ikke angivet (handlekommune)."
            row(trin, status, text, entry.dato if entry else g.start if trin in ("1", "3")
                else None)
            continue
        if trin == "7":
            row(trin, *_evalueringer(frister, done, idag))
            continue
        if trin == "12" and g.klienttype == "tilsyn":
            if g.proeveloesladelse is None:
                row(trin, IKKE_RELEVANT, "Betinget dømt: ikke prøveløsladt (trin 10-12 "
                                         "gælder prøveløsladte).")
            else:
                status, text, dato = _evalueringer(frister, done, idag)
                row(trin, status, text + " (KiF's opfølgning er handleplanens evalueringer, "
                                         "pkt. 19.)", dato)
            continue
        if frist is None:
            row(trin, IKKE_RELEVANT, _why_not(trin, g, pl_tilsyn))
            continue
        status, text = _status(frist, done.get(frist.id), idag)
        text += _extra(trin, first, done, case)
        row(trin, status, text, frist.dato)
    maal, why = koereplan_maalgruppe(g)
    maalgruppe = {True: "I køreplanens målgruppe", False: "Uden for køreplanens målgruppe",
                  None: "Køreplanens målgruppe kan ikke afgøres"}[maal] + f": {why}."
    if maal is not True and not alle:
        maalgruppe += " Trinene følges alligevel uanset tidsrammer (køreplanen)."
    return Tjekliste(rows, maalgruppe, _noter(case, g))


def _evalueringer(frister: list[Frist], done: dict[str, Udfoerelse],
                  idag: date) -> tuple[str, str, date | None]:
    evals = [f for f in frister if f.id.startswith("evaluering_")]
    if not evals:
        return IKKE_RELEVANT, "Ingen evaluering falder før løsladelsen.", None
    due = [f for f in evals if f.dato <= idag]
    missing = [f for f in due if f.id not in done]
    upcoming = next((f for f in evals if f.id not in done and f.dato > idag), None)
    nxt = f" Næste: {format_dato(upcoming.dato)} ({upcoming.id})." if upcoming else ""
    if missing:
        ids = ", ".join(f.id for f in missing)
        return (IKKE_OPFYLDT, f"{len(due) - len(missing)} af {len(due)} evalueringer til dato "
                              f"er registreret; mangler: {ids}.{nxt}", missing[0].dato)
    if not due:
        return (IKKE_OPFYLDT, f"Ingen evaluering er forfalden endnu.{nxt}",
                upcoming.dato if upcoming else None)
    return (OPFYLDT, f"Alle {len(due)} evalueringer til dato er registreret.{nxt}",
            upcoming.dato if upcoming else None)


def _why_not(trin: str, g: FristGrundlag, pl_tilsyn: bool) -> str:
    if trin in ("8", "6") and g.start is None:
        return "Sagen mangler den dato, fristen regnes fra."
    if trin == "9A" and pl_tilsyn:
        return "Klienten forventes prøveløsladt med tilsyn (trin 9 A gælder løsladelse efter " \
               "endt straf)."
    if trin in ("9", "10", "11", "12"):
        if g.proeveloesladelse is None:
            return "Ingen forventet prøveløsladelse: klienten løslades efter endt straf."
        if g.afgoerelse == "afslag":
            return "Afslag på prøveløsladelse: klienten løslades efter endt straf."
        if not g.proeveloesladelse_med_tilsyn:
            return "Prøveløsladelsen forventes uden tilsyn af KiF."
    if g.loesladelse is None and g.proeveloesladelse is None:
        return "Der er ingen kendt løsladelsesdato."
    return "Trinet gælder ikke for klienten."


def _extra(trin: str, first: dict[str, Frist], done: dict[str, Udfoerelse],
           case: Case) -> str:
    """Preconditions and related points of a step that concern this case."""
    out = ""
    if trin == "6" and case.stamoplysninger.handlekommune is None:
        out += " Forudsætning: kommunens indgang er ikke angivet (handlekommune)."
    if trin == "8":
        kif = first.get("kif_inviteret_loesladelsesmoede")
        if kif is not None:
            out += (" KiF inviteres (prøveløsladelse med tilsyn forventes, Guide afsnit "
                    "3.3.3): " + ("opfyldt." if kif.id in done else "ikke registreret."))
        opf = first.get("opfoelgende_moede")
        if opf is not None:
            out += (f" Opfølgende møde senest {format_dato(opf.dato)}: "
                    + ("opfyldt." if opf.id in done else "ikke registreret."))
    if trin == "9A" and "kif_moede" in first:
        out += " Gælder, hvis prøveløsladelse ikke gives."
    return out


def _noter(case: Case, g: FristGrundlag) -> list[str]:
    out: list[str] = []
    if case.has_koordineringspligt and not g.i_tilsyn:
        if case.koordineringsomraader.mentor is not None:
            out.append("Behov for mentorstøtte i kommunalt regi er oplyst kommunen under "
                       "koordineringsområdet mentor (Guide afsnit 3.3.4).")
        else:
            out.append("Oplys kommunen om et eventuelt behov for mentorstøtte i kommunalt "
                       "regi, når handleplanen koordineres op til løsladelsen (Guide afsnit "
                       "3.3.4); følgeskrivelsen beder kommunen vurdere det.")
    if g.kif_mentor:
        out.append("Klienten opfylder betingelserne for en KiF-mentor (LS/RNR middel eller "
                   "højere, særligt behov, motiveret; Guide afsnit 3.3.4).")
    return out


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


STATUS_TEGN: dict[str, str] = {OPFYLDT: "[x]", IKKE_OPFYLDT: "[ ]", IKKE_RELEVANT: "[-]"}


def tjekliste_tekst(case: Case, tjek: Tjekliste, idag: date) -> str:
    """The checklist as plain text (Danish)."""
    lines = [f"Køreplan for god løsladelse – tjekliste for sag {case.reference}",
             f"Opgjort {format_dato(idag)}. {tjek.maalgruppe}", ""]
    for r in tjek.raekker:
        dato = format_dato(r.dato) if r.dato else "ingen dato"
        lines.append(f"{STATUS_TEGN[r.status]} Trin {r.trin} ({r.ansvarlig}, {dato}): "
                     f"{r.status}")
        lines.append(f"    {r.tekst}")
        lines.append(f"    {r.begrundelse}")
    if tjek.noter:
        lines += ["", "Bemærkninger:"] + [f"- {n}" for n in tjek.noter]
    return "\n".join(lines) + "\n"
