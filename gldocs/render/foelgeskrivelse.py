"""The følgeskrivelse's template context: the standard enquiry to the municipality.

Handleplansvejledningen pkt. 37 and Køreplan for god løsladelse trin 6 (Projekt God
Løsladelse's "standardhenvendelse"): sent by secure mail to the municipality's entrance
with the handleplan, naming the areas where coordination is needed and what Kriminal-
forsorgen asks for in each. There is no coordination duty for udvisningsdømte and
varetægtsarrestanter, so no følgeskrivelse is made for them.

The letter tells the truth about itself:

* it is dated (``today``) and never proposes a date before its own date: a meeting whose
  3-month date has passed is proposed "snarest muligt" with the latest sensible date;
* it says that the plan was limited to what the municipality needs only when it is
  produced together with the redacted plan (``begraenset``);
* coordination is a duty even when the client was not informed (pkt. 30-34): the letter
  says so and why, it is not refused;
* internal terms are translated for the municipality (Guide afsnit 3.3.1).

:func:`letter_warnings` lists what the caseworker must be told (the command prints it).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from gldocs.case.model import Case
from gldocs.case.types import Klienttype, Koordineringsomraade, LsRnrNiveau
from gldocs.errors import RefusedError
from gldocs.frist_status import udfoert_fra_sag
from gldocs.frister import Frist, beregn_frister, grundlag_from_case, loesladelser
from gldocs.render.fields import dato, enhed, felt, felter, join_nonempty, medarbejdere, table
from gldocs.render.names import mail_subject

# Areas whose information belongs to the special categories of rhl. § 10.
SAERLIGE_KATEGORIER: frozenset[Koordineringsomraade] = frozenset(
    {Koordineringsomraade.MISBRUG, Koordineringsomraade.HELBRED}
)

# LS/RNR levels in plain Danish (Guide afsnit 3.3.1: translate internal terms).
LSRNR_FORKLARING: dict[LsRnrNiveau, str] = {
    LsRnrNiveau.MEGET_LAV: "meget lav",
    LsRnrNiveau.LAV: "lav",
    LsRnrNiveau.MIDDEL: "middel (midt på skalaen)",
    LsRnrNiveau.HOEJ: "høj",
    LsRnrNiveau.MEGET_HOEJ: "meget høj",
}

BEGRAENSET_TEKST = ("Handleplanen er begrænset til de oplysninger, kommunen har brug for til "
                    "koordineringen; øvrige oplysninger er taget ud efter "
                    "retshåndhævelseslovens §§ 9-10.")

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
    return None


def foelgeskrivelse_context(case: Case, today: date,
                            begraenset: bool = False) -> dict[str, Any]:
    """The letter dated ``today``; ``begraenset``: it goes with the redacted plan."""
    reason = refusal_reason(case)
    if reason is not None:
        raise RefusedError(reason)
    st = case.stamoplysninger
    kommune = st.handlekommune
    assert kommune is not None  # checked by refusal_reason
    ansvarlig = st.handleplansansvarlig
    datoer = _Datoer(case, today)
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
            "tekst": _formaal(case, datoer),
            "forventninger_intro": f"{kommune.navn} bedes:",
            "forventninger": _forventninger(case, datoer),
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
        "datoer": {"titel": "Vigtige datoer", "felter": datoer.felter()},
        "loesladelsesdag": {"titel": _loesladelsesdag_titel(case),
                            "tekst": _loesladelsesdag(case, datoer)},
        "handleplan": {"titel": "Handleplanen", "tekst": _vedlagt(case, begraenset)},
        "hjemmel": {"titel": "Hjemmel og kommunens opgaver", "tekst": _hjemmel(case),
                    "kommunen": _kommunens_opgaver(case)},
        "orientering": {"titel": "Orientering af klienten", "tekst": _orientering(case)},
        "kontakt": {
            "titel": "Kontakt",
            "tekst": ("Kommunen er velkommen til at kontakte den handleplansansvarlige eller "
                      "stedfortræderen:"),
            "tabel": medarbejdere(case),
        },
        "hilsen": ["Med venlig hilsen", ansvarlig.navn, ansvarlig.titel, enhed(case)],
    }


class _Datoer:
    """The dates the letter names, seen from the letter's own date."""

    def __init__(self, case: Case, today: date) -> None:
        self.case = case
        self.today = today
        grundlag = grundlag_from_case(case)
        self.rel = loesladelser(grundlag)
        self.release = self.rel.regnes_fra.dato if self.rel.regnes_fra else None
        self.frister: dict[str, Frist] = {}
        for f in beregn_frister(grundlag):
            self.frister.setdefault(f.id, f)

    def forslag(self, id_: str, fallback_days: tuple[int, ...]) -> tuple[str | None, bool]:
        """The proposal for deadline ``id_``: ("senest …" / "snarest muligt og senest …",
        whether its own date has passed at the letter's date)."""
        f = self.frister.get(id_)
        if f is None:
            return None, False
        if f.dato >= self.today:
            prefix = "snarest muligt og senest" if f.snarest_muligt else "senest"
            return f"{prefix} {dato(f.dato)}", False
        release = self.release
        for days in fallback_days:
            if release is not None and release - timedelta(days=days) >= self.today:
                return (f"snarest muligt og senest {dato(release - timedelta(days=days))} "
                        f"(den oprindelige frist var {dato(f.dato)})"), True
        return "snarest muligt", True

    def moede(self) -> tuple[str | None, bool]:
        return self.forslag("loesladelsesmoede", (28, 14, 1))

    def engangshjaelp(self) -> tuple[str | None, bool]:
        return self.forslag("engangshjaelp_afgoerelse", (1,))

    def felter(self) -> list[dict[str, str]]:
        st = self.case.stamoplysninger
        tilsyn = self.case.klienttype is Klienttype.TILSYN
        pl, endt = self.rel.proeveloesladelse, self.rel.endt_straf
        moede, _ = self.moede()
        engang, _ = self.engangshjaelp()
        reserve = (pl is not None and endt is not None and self.rel.regnes_fra is pl
                   and st.proeveloesladelse is not None
                   and st.proeveloesladelse.afgoerelse is None)
        pl_dato = st.proeveloesladelse.dato if st.proeveloesladelse else None
        hvis_afslag = None
        if reserve and endt is not None:
            hvis_afslag = (f"løsladelse efter endt straf {dato(endt.dato)}; "
                           "løsladelsesmødet holdes da snarest muligt efter afslaget "
                           "(køreplanen trin 8)")
        return felter(
            felt("Etablerende tilsynssamtale:", st.tilsynssamtale),
            felt("Prøveløsladt:", pl_dato if tilsyn else None),
            felt("Forventet prøveløsladelse:", pl and _release_text(pl)),
            felt("Forventet løsladelse efter endt straf:", endt and _release_text(endt)),
            felt("Endt straf:", st.forventet_loesladelse if tilsyn else None),
            felt("Forslag til løsladelsesmøde:",
                 moede and f"{moede} (køreplanen trin 8: senest 3 måneder før løsladelsen)"),
            felt("Afgørelse om engangshjælp:",
                 engang and f"{engang} (lov om aktiv socialpolitik § 25 a, stk. 4: senest "
                            "14 dage før løsladelsen)"),
            felt("Hvis prøveløsladelse ikke gives:", hvis_afslag),
        )


def _release_text(d: Any) -> str:
    text = dato(d.dato)
    if d.fremrykket:
        text += f" (fremrykket fra {dato(d.oprindelig)}, løsladelsesbekendtgørelsens § 21)"
    return text


def letter_warnings(case: Case, today: date) -> list[str]:
    """What the caseworker must know about a letter dated ``today`` (Danish)."""
    if refusal_reason(case) is not None:
        return []
    out: list[str] = []
    datoer = _Datoer(case, today)
    kontakt = datoer.frister.get("kommune_kontakt")
    done = udfoert_fra_sag(case).get("kommune_kontakt")
    if kontakt is not None and today > kontakt.dato and not (done and done.dato <= kontakt.dato):
        out.append(f"Følgeskrivelsen er dateret {dato(today)}, efter fristen for kontakt til "
                   f"kommunen den {dato(kontakt.dato)} ({kontakt.hjemmel}).")
    if not case.klient_informeret:
        out.append("Klienten er ikke orienteret om, at oplysningerne sendes til kommunen "
                   "(handleplansvejledningen pkt. 34). Følgeskrivelsen siger det og hvorfor; "
                   "orientér klienten så hurtigt som muligt.")
    for what, (text, passed) in (("Løsladelsesmødet", datoer.moede()),
                                 ("Kommunens afgørelse om engangshjælp",
                                  datoer.engangshjaelp())):
        if passed:
            out.append(f"{what} er foreslået {text}: den sædvanlige frist er overskredet på "
                       "følgeskrivelsens dato.")
    if datoer.release is not None and datoer.release < today:
        out.append(f"Løsladelsesdatoen ({dato(datoer.release)}) ligger før følgeskrivelsens "
                   "dato; kontrollér sagsfilen.")
    return out


def _formaal(case: Case, datoer: _Datoer) -> str:
    st = case.stamoplysninger
    release = datoer.release
    if case.klienttype is Klienttype.TILSYN:
        when = (f"Klienten er under tilsyn af {st.kif_afdeling} efter en etablerende "
                f"tilsynssamtale den {dato(st.tilsynssamtale)}.")
        aim = "kommunens og Kriminalforsorgens indsatser hænger sammen under tilsynet"
    elif case.klienttype is Klienttype.UNG_FODLAENKE:
        when = (f"Den unge udstår straffen på bopælen til den {dato(release)}." if release
                else "Den unge udstår straffen på bopælen.")
        aim = ("kommunens og Kriminalforsorgens indsatser for den unge hænger sammen under "
               "og efter strafudståelsen")
    else:
        fra = datoer.rel.regnes_fra
        kind = "prøveløsladt" if fra is not None and fra.art == "proeveloesladelse" \
            else "løsladt"
        when = (f"Klienten forventes {kind} den {dato(release)}." if release
                else "Der er endnu ikke fastsat en løsladelsesdato.")
        aim = "de aftalte indsatser er på plads fra løsladelsesdagen"
    kommune = st.handlekommune.navn if st.handlekommune else "kommunen"
    basis = ("handleplanscirkulærets § 12, stk. 5 (samtidig med den første handleplan)"
             if case.klienttype is Klienttype.UNG_FODLAENKE
             else "handleplanscirkulærets § 12 og Køreplan for god løsladelse")
    return (f"Kriminalforsorgen retter henvendelse til {kommune} for at koordinere "
            f"handleplanen for en fælles klient. Formålet er, at {aim}. {when} "
            f"Henvendelsen sker efter {basis}.")


def _forventninger(case: Case, datoer: _Datoer) -> list[str]:
    items = [
        "bekræfte modtagelsen og oplyse en fast kontaktperson i kommunen,",
        "tage stilling til anmodningerne under de enkelte koordineringsområder nedenfor,",
    ]
    moede, _ = datoer.moede()
    engang, _ = datoer.engangshjaelp()
    if moede:
        items.append(f"deltage i et løsladelsesmøde, som vi foreslår holdt {moede},")
    if engang:
        items.append(f"træffe afgørelse om eventuel engangshjælp {engang},")
    if case.koordineringsomraader.mentor is None and case.klienttype is not Klienttype.TILSYN:
        items.append("vurdere, om klienten har brug for en mentor eller støtte-kontaktperson "
                     "fra kommunen, når Kriminalforsorgens indsats stopper (Guide til "
                     "myndighedssamarbejde afsnit 3.3.4),")
    items.append("kontakte den handleplansansvarlige, hvis der er spørgsmål.")
    items[-2] = items[-2].rstrip(",") + " og"
    return items


def _situation(case: Case) -> str:
    behov = case.vurdering.behov_prioriteret
    prioriteter = "; ".join(f"{b.prioritet}. {b.omraade}" for b in behov)
    lsrnr = case.vurdering.lsrnr
    risk = (f"Kriminalforsorgen har med sit redskab til risiko- og behovsvurdering (LS/RNR) "
            f"vurderet risikoen for ny kriminalitet som {LSRNR_FORKLARING[lsrnr.niveau]} på en "
            "skala fra meget lav til meget høj. " if lsrnr else "")
    return (f"{risk}Handleplanen prioriterer de forhold, der påvirker risikoen for ny "
            f"kriminalitet (i Kriminalforsorgen kaldet kriminogene behov): {prioriteter}.")


def _oensker(case: Case) -> str:
    oensker = case.beskrivelse.oensker
    if oensker:
        return f"Klientens ønsker: {oensker}"
    where = ("handleplanen" if case.samarbejdspartnere.handleplan_vedlagt
             else "den handleplansansvarlige")
    return f"Klientens egne ønsker og beretning fremgår af {where}."


def _loesladelsesdag_titel(case: Case) -> str:
    return ("Under tilsynet" if case.klienttype is Klienttype.TILSYN
            else "Løsladelsesdagen og tiden derefter")


def _loesladelsesdag(case: Case, datoer: _Datoer) -> str:
    st = case.stamoplysninger
    if case.klienttype is Klienttype.TILSYN:
        return ("Kriminalforsorgen i Frihed (KiF) har handleplansansvaret under tilsynet og "
                "følger op på planen med klienten mindst hver 3. måned. Den koordinerede "
                "indsats ophører med tilsynets udgang (handleplansvejledningen pkt. 38).")
    if case.klienttype is Klienttype.UNG_FODLAENKE:
        end = datoer.release
        return ((f"Strafudståelsen på bopælen slutter den {dato(end)}. " if end else "")
                + "Klienten er under 18 år, og kommunen har ansvaret for den unge efter "
                "barnets lov. Vi beder om, at kommunens indsatser er aftalt, før "
                "strafudståelsen slutter.")
    parts = ["Vi beder om, at der aftales møder med kommunens relevante afdelinger på "
             "løsladelsesdagen (køreplanen trin 9 A), og at der kan bestilles tid samme dag, "
             "så klienten kan få udbetalt et acontobeløb frem til første udbetaling af "
             "kontanthjælp eller anden ydelse og eventuelt få kontakt til misbrugscentret "
             "(køreplanen trin 8)."]
    if case.klienttype is Klienttype.AFSONER:
        parts.append("Bevilget engangshjælp udbetales på løsladelsesdagen (lov om aktiv "
                     "socialpolitik § 25 a, stk. 4).")
    pl = st.proeveloesladelse
    if pl is not None and pl.med_tilsyn and datoer.rel.regnes_fra is datoer.rel.proeveloesladelse:
        parts.append("Ved prøveløsladelse med tilsyn overtager Kriminalforsorgen i Frihed (KiF) "
                     "handleplansansvaret (køreplanen trin 9). KiF mødes med klienten senest 1 "
                     "uge efter prøveløsladelsen og kontakter kommunen senest 4 uger efter "
                     "(trin 10 og 11).")
    parts.append("Et opfølgende møde holdes senest 4 uger efter løsladelsen; hvem der "
                 "indkalder, aftales på løsladelsesmødet (køreplanen trin 8).")
    return " ".join(parts)


def _vedlagt(case: Case, begraenset: bool) -> str:
    sp = case.samarbejdspartnere
    hp = case.stamoplysninger.handleplan
    if sp.handleplan_vedlagt:
        return (f"Handleplanen (version {hp.version} af {dato(hp.dato)}) er vedlagt."
                + (f" {BEGRAENSET_TEKST}" if begraenset else ""))
    m = case.stamoplysninger.handleplansansvarlig
    why = sp.handleplan_ikke_vedlagt_begrundelse
    return (f"Handleplanen er ikke vedlagt. Begrundelse: {why} Handleplanen kan "
            f"rekvireres hos den handleplansansvarlige, {m.navn}, "
            f"tlf. {m.telefon}, {m.email}.")


def _hjemmel(case: Case) -> str:
    areas = set(case.koordineringsomraader_liste)
    special = [a.titel.lower() for a in Koordineringsomraade if a in areas & SAERLIGE_KATEGORIER]
    text = ("Kriminalforsorgen har pligt til at tage initiativ til at koordinere handleplanen "
            "med kommunen (handleplanscirkulærets § 12, stk. 1; handleplansvejledningen pkt. "
            "31-32). Oplysningerne videregives uden samtykke efter retshåndhævelseslovens "
            "§ 9, fordi det er nødvendigt for at forebygge ny kriminalitet og fuldbyrde "
            "straffen, jf. handleplanscirkulærets § 12, stk. 6, og handleplansvejledningen "
            "pkt. 33-36.")
    if special:
        text += (f" Oplysninger om {' og '.join(special)} hører til de særlige kategorier og "
                 "videregives efter § 10 kun, fordi og i det omfang det er strengt nødvendigt "
                 "for koordineringen på disse områder.")
    else:
        text += " Der videregives kun oplysninger, som er nødvendige for koordineringen."
    return text


def _kommunens_opgaver(case: Case) -> str:
    return ("Kommunen har ansvaret for opfølgningen på henvendelsen (handleplanscirkulærets "
            "§ 13, stk. 1; handleplansvejledningen pkt. 38) og vurderer, om klienten skal "
            "tilbydes en handleplan efter servicelovens § 141 (Guide til myndighedssamarbejde "
            "afsnit 2.4 og 3.1.2). Den koordinerede indsats ophører med tilsynets udgang "
            "(pkt. 38).")


def _orientering(case: Case) -> str:
    took_part = ("Klienten har deltaget i udarbejdelsen af handleplanen." if case.klient_deltaget
                 else "Klienten har ikke deltaget i udarbejdelsen af handleplanen.")
    if not case.klient_informeret:
        why = case.klient_informeret_bemaerkning or "ikke oplyst"
        told = ("Klienten er ikke orienteret om denne henvendelse til kommunen. Begrundelse: "
                f"{why.rstrip('.')}. Kriminalforsorgen koordinerer alligevel, fordi "
                "koordineringen er nødvendig for at forebygge ny kriminalitet og fuldbyrde "
                "straffen (handleplansvejledningen pkt. 30-34). Klienten orienteres hurtigst "
                "muligt.")
        return join_nonempty([told, took_part], " ")
    when = case.klient_informeret_dato
    told = ("Klienten er orienteret om, at Kriminalforsorgen sender denne henvendelse og "
            "handleplanen til kommunen" + (f" (orienteret den {dato(when)})." if when else "."))
    return join_nonempty([told, took_part], " ")


def _lower_first(text: str) -> str:
    """"Røveri, jf. ..." -> "røveri, jf. ..." (but "KiF", "ADHD" stay as they are)."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text
