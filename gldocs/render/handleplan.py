"""The handleplan's template context: the five parts of handleplansvejledningen pkt. 23-28.

For udvisningsdømte the plan has no part about the time after release
(straffuldbyrdelseslovens § 31, stk. 2, 3. pkt.) and says so; the municipality's entrance,
the coordination areas and the release-planning deadlines are left out.
"""

from __future__ import annotations

from typing import Any

from gldocs.case.model import BESKRIVELSE_OMRAADER, Behov, Case, Indsats
from gldocs.case.types import AktoerType, Klienttype
from gldocs.frister import (
    KOEREPLAN,
    LOVBESTEMT,
    RETNINGSLINJE,
    Frist,
    grundlag_from_case,
    loesladelser,
)
from gldocs.render.deadlines import applicable_frister
from gldocs.render.fields import (
    dato,
    enhed,
    felt,
    felter,
    ja_nej,
    join_nonempty,
    medarbejdere,
    table,
)

OVERSKRIFTER: dict[str, str] = {
    "stam": "1. Stamoplysninger",
    "beskrivelse": "2. Beskrivelse",
    "aarsager": "3. Årsager til kriminalitet",
    "vurdering": "4. Vurdering og indsatsområder",
    "samarbejde": "5. Samarbejdspartnere",
}

UDVIST_TEKST = (
    "Klienten er udvist ved dom. Handleplanen indeholder derfor ikke en del om tiden "
    "efter løsladelsen, jf. straffuldbyrdelseslovens § 31, stk. 2, 3. pkt., og der "
    "koordineres ikke med en handlekommune om løsladelsen."
)
UDVIST_UNDTAGELSE_TEKST = (
    "Klienten er udvist ved dom. Handleplanen omfatter kun tiden efter løsladelsen i det "
    "omfang, det er nødvendigt for udsendelsen til hjemlandet (handleplansvejledningen "
    "pkt. 23). Der koordineres ikke med en handlekommune, og der videregives ikke "
    "oplysninger til kommunen."
)
VARETAEGT_TEKST = (
    "Klienten er varetægtsarrestant. Der koordineres ikke med kommunen om løsladelsen, "
    "så længe klienten er varetægtsfængslet."
)
VARETAEGT_AARSAGER = (
    "Klienten er varetægtsfængslet og ikke dømt. Årsager til kriminalitet beskrives ikke "
    "som fakta, så længe sagen ikke er afgjort."
)
VARETAEGT_AARSAGER_EGNE = (
    "Klienten er varetægtsfængslet og ikke dømt. Det følgende er klientens egne oplysninger "
    "og medarbejderens iagttagelser; intet heri er fastslået som fakta om sigtelsen."
)
ART_KORT: dict[str, str] = {
    LOVBESTEMT: "Lovbestemt", KOEREPLAN: "Køreplan (aftalt metode)",
    RETNINGSLINJE: "Retningslinje",
}


def handleplan_context(case: Case) -> dict[str, Any]:
    st = case.stamoplysninger
    hp = st.handleplan
    return {
        "dok": {
            "overskrift": "Handleplan",
            "undertitel": (f"Version {hp.version} af {dato(hp.dato)} · "
                           f"Reference {case.reference}"),
        },
        "udvist": case.is_udvist,
        "stam": _stamoplysninger(case),
        "beskrivelse": _beskrivelse(case),
        "aarsager": _aarsager(case),
        "vurdering": _vurdering(case),
        "samarbejde": _samarbejde(case),
        "underskrift": _underskrift(case),
    }


def _underskrift(case: Case) -> dict[str, Any]:
    """The plan ends with its date and a signature line for the handleplansansvarlig."""
    st = case.stamoplysninger
    ansvarlig = st.handleplansansvarlig
    return {
        "titel": "Dato og underskrift",
        "linjer": [
            f"Dato: {dato(st.handleplan.dato)}",
            "",
            "Underskrift: ____________________________________________",
            f"{ansvarlig.navn}, {ansvarlig.titel}, handleplansansvarlig",
            enhed(case),
        ],
    }


# --------------------------------------------------------------------------- 1. Stamoplysninger


def _stamoplysninger(case: Case) -> dict[str, Any]:
    st = case.stamoplysninger
    dom = st.dom
    pl = st.proeveloesladelse
    hp = st.handleplan
    fields = felter(
        felt("Navn:", st.navn),
        felt("CPR-nr.:", st.cpr),
        felt("Folkeregisteradresse:", st.adresse),
        felt("Telefon:", st.telefon),
        felt("E-mail:", st.email),
        felt("Klienttype:", st.klienttype.titel),
        felt("Dom:", dom and f"{dom.ret}, {dato(dom.dato)}"),
        felt("Straflængde:", dom and _straflaengde(dom.straflaengde, dom.straf_dage)),
        felt("Kriminalitetens art:", dom and dom.kriminalitetens_art),
        felt("Institution:", st.institution),
        felt("KiF-afdeling:", st.kif_afdeling),
        felt(_indsat_label(case), st.indsaettelsesdato),
        felt("Etablerende tilsynssamtale:", st.tilsynssamtale),
        felt("Overgået fra varetægt til afsoning:", st.afsoning_fra),
        felt("Anbringelse:", st.anbringelse and st.anbringelse.titel),
        felt("Overført fra anden institution:", st.overfoert),
        felt("Forventet prøveløsladelse:", pl and _pl_tekst(case)),
        felt("Forventet løsladelse:", st.forventet_loesladelse
             and _fremrykning(case, "endt_straf", st.forventet_loesladelse)),
        felt("Tilsynet udløber:", st.tilsyn_slut),
        felt("Udvist ved dom:", ja_nej(st.udvist)),
        felt("Handleplan:", f"Version {hp.version} af {dato(hp.dato)}"),
    )
    kommune = st.handlekommune
    kommune_felter = [] if case.is_udvist or kommune is None else felter(
        felt("Handlekommune:", kommune.navn),
        felt("Afdeling:", kommune.afdeling),
        felt("Adresse:", kommune.adresse),
        felt("Kontaktperson:", kommune.kontaktperson),
        felt("Telefon:", kommune.telefon),
        felt("Sikker post:", kommune.sikker_post),
    )
    return {
        "overskrift": OVERSKRIFTER["stam"],
        "felter": fields,
        "medarbejdere": medarbejdere(case),
        "kommune_titel": "Handlekommune og indgang for koordinering",
        "kommune": kommune_felter,
    }


def _fremrykning(case: Case, art: str, d: object) -> str:
    """A release date, with the day after fremrykning when it moves."""
    rel = loesladelser(grundlag_from_case(case))
    moved = rel.proeveloesladelse if art == "proeveloesladelse" else rel.endt_straf
    text = dato(d)  # type: ignore[arg-type]
    if moved is not None and moved.fremrykket:
        text += (f" (løsladelsesdag efter fremrykning: {dato(moved.dato)}, "
                 "løsladelsesbekendtgørelsens § 21)")
    return text


def _pl_tekst(case: Case) -> str:
    pl = case.stamoplysninger.proeveloesladelse
    assert pl is not None
    text = f"{_fremrykning(case, 'proeveloesladelse', pl.dato)}, jf. {pl.hjemmel.titel}"
    if not pl.med_tilsyn:
        text += ", uden tilsyn"
    if pl.afgoerelse is not None and pl.afgoerelse_dato is not None:
        text += f". {pl.afgoerelse.titel} den {dato(pl.afgoerelse_dato)}"
    return text


def _indsat_label(case: Case) -> str:
    if case.klienttype is Klienttype.UNG_FODLAENKE:
        return "Strafudståelse på bopælen begyndt:"
    if case.is_varetaegt:
        return "Varetægtsfængslet:"
    return "Indsat:"


def _straflaengde(text: str, dage: int | None) -> str:
    return f"{text} ({dage} dage)" if dage is not None else text


# --------------------------------------------------------------------------- 2. Beskrivelse


def _beskrivelse(case: Case) -> dict[str, Any]:
    b = case.beskrivelse
    omraader = [
        {"titel": titel, "tekst": getattr(b, key)}
        for key, titel in BESKRIVELSE_OMRAADER.items()
        if getattr(b, key)
    ]
    return {
        "overskrift": OVERSKRIFTER["beskrivelse"],
        "egen_titel": "Klientens egen beretning",
        "egen_beretning": b.egen_beretning,
        "omraader_titel": "Relevante oplysninger",
        "omraader": omraader,
        "felter": felter(
            felt("Klientens ønsker efter løsladelsen:", b.oensker),
            felt("Trivsel:", b.trivsel),
            felt("Kilder:", join_nonempty(k.titel for k in b.kilder)),
        ),
    }


# --------------------------------------------------------------------------- 3. Årsager


def _aarsager(case: Case) -> dict[str, Any]:
    a = case.aarsager
    note = ""
    if case.is_varetaegt:
        note = VARETAEGT_AARSAGER_EGNE if a is not None else VARETAEGT_AARSAGER
    if a is None:
        return {"overskrift": OVERSKRIFTER["aarsager"], "note": note, "felter": []}
    return {
        "overskrift": OVERSKRIFTER["aarsager"],
        "note": note,
        "felter": felter(
            felt("Udløsende faktorer:", a.udloesende_faktorer),
            felt("Alene eller i gruppe:", a.alene_eller_gruppe.titel),
            felt("Om gruppen:", a.gruppe_beskrivelse),
            felt("Tidligere lignende kriminalitet:", a.tidligere_lignende_kriminalitet),
            felt("Gevinster ved kriminaliteten:", a.gevinster),
            felt("Omkostninger ved kriminaliteten:", a.omkostninger),
        ),
    }


# --------------------------------------------------------------------------- 4. Vurdering


def _vurdering(case: Case) -> dict[str, Any]:
    v = case.vurdering
    ls = v.lsrnr
    ls_text = ls and join_nonempty(
        [f"{ls.niveau.titel} risiko", f"vurderet {dato(ls.dato)}" if ls.dato else None]
    )
    pl = v.proeveloesladelse
    behov = v.behov_prioriteret
    return {
        "overskrift": OVERSKRIFTER["vurdering"],
        "felter": felter(
            felt("LS/RNR-vurdering:", ls_text or "Ikke udarbejdet"),
            felt("Risikofaktorer:", v.risikofaktorer),
            felt("Motivation:", v.motivation),
            felt("Modtagelighed:", v.modtagelighed),
        ),
        "behov": table(
            "Kriminogene behov i prioriteret rækkefølge",
            {"prioritet": "Prioritet", "omraade": "Behov", "begrundelse": "Begrundelse",
             "hvornaar": "Hvornår"},
            ({"prioritet": str(b.prioritet), "omraade": _behov_navn(case, b),
              "begrundelse": b.begrundelse, "hvornaar": b.hvornaar} for b in behov),
            "Der er ikke registreret kriminogene behov.",
        ),
        "indsatser": table(
            "Indsatser",
            {"behov": "Behov/prioritet", "indsats": "Indsats", "hvem": "Hvem",
             "periode": "Periode (start – forventet slut)", "hvordan": "Hvordan"},
            (_indsats_row(f"{b.prioritet}. {b.omraade}", i) for b in behov for i in b.indsatser),
            "Der er ikke registreret indsatser.",
        ),
        "proeveloesladelse_titel": "Overvejelser om prøveløsladelse",
        "proeveloesladelse": felter(
            felt("Straffelovens § 40 a, stk. 1, nr. 1:", pl and pl.nr_1),
            felt("Straffelovens § 40 a, stk. 1, nr. 2:", pl and pl.nr_2),
        ),
        "afsoningsplan": felter(felt("Afsoningsplan foreligger:", ja_nej(v.afsoningsplan))),
        "efter_titel": "Tiden efter løsladelsen",
        "efter": _efter_loesladelse(case),
        "udsendelse_titel": "Tiden efter løsladelsen (undtagelse af hensyn til udsendelsen, "
                            "pkt. 23)",
        "udsendelse": (v.udsendelse or "") if case.is_udvist else "",
        "note": _note(case),
        "frister": table(
            "Frister i sagen",
            {"dato": "Dato", "frist": "Frist", "art": "Grundlag", "hjemmel": "Hjemmel"},
            ({"dato": _frist_dato(f), "frist": f.tekst, "art": ART_KORT[f.art],
              "hjemmel": f.hjemmel}
             for f in applicable_frister(case)),
            "Der er ingen frister at vise for sagen.",
        ),
    }


def _frist_dato(f: Frist) -> str:
    text = dato(f.dato)
    if f.tidligst:
        return f"tidligst {text}"
    if f.seneste_hverdag is not None:
        text += f" (sidste hverdag før: {dato(f.seneste_hverdag)})"
    return f"snarest muligt, senest {text}" if f.snarest_muligt else text


def _behov_navn(case: Case, b: Behov) -> str:
    """The need, with the coordination area it belongs to when the municipality is involved."""
    area = b.koordineringsomraade
    if area is None or not case.has_koordineringspligt:
        return b.omraade
    return f"{b.omraade} (koordineringsområde: {area.titel.lower()})"


def _indsats_row(behov: str, i: Indsats) -> dict[str, str]:
    return {
        "behov": behov,
        "indsats": i.titel,
        "hvem": "; ".join(_aktoer(a.type, a.navn) for a in i.hvem),
        # one column for both dates: each date stays on one line, and the table keeps
        # room for the words of the other columns; the dash stays with the start
        "periode": f"{dato(i.start) or 'Ikke fastsat'}\u00a0– "
                   f"{dato(i.forventet_slut) or 'ikke fastsat'}",
        "hvordan": i.hvordan,
    }


def _aktoer(kind: AktoerType, navn: str | None) -> str:
    if kind is AktoerType.KLIENTEN:
        return f"Klienten ({navn})" if navn else "Klienten"
    return f"{navn} ({'ekstern' if kind is AktoerType.EKSTERN else kind.titel})"


def _efter_loesladelse(case: Case) -> dict[str, Any]:
    """Coordination areas and asks of the municipality; empty for udvist and varetægt."""
    if not case.has_koordineringspligt:
        return {}
    return table(
        "Koordineringsområder og anmodninger til kommunen",
        {"omraade": "Område", "anmodning": "Kriminalforsorgen beder kommunen om"},
        ({"omraade": area.titel, "anmodning": ask}
         for area, ask in case.koordineringsomraader.items()),
        "Der er ikke valgt koordineringsområder.",
    )


def _note(case: Case) -> str:
    if case.is_udvist:
        return UDVIST_UNDTAGELSE_TEKST if case.vurdering.udsendelse else UDVIST_TEKST
    if case.is_varetaegt:
        return VARETAEGT_TEKST
    return ""


# --------------------------------------------------------------------------- 5. Samarbejdspartnere


def _samarbejde(case: Case) -> dict[str, Any]:
    sp = case.samarbejdspartnere
    k = sp.koordinering
    if k.sket:
        koordinering = f"Handleplanen er koordineret den {dato(k.dato)} med {k.med}."
    elif case.is_udvist:
        koordinering = "Handleplanen koordineres ikke med kommunen (udvist ved dom)."
    elif case.is_varetaegt:
        koordinering = "Handleplanen koordineres ikke med kommunen under varetægtsfængsling."
    else:
        koordinering = "Handleplanen er endnu ikke koordineret med kommunen."
    deltaget = ("Klienten har deltaget i udarbejdelsen af handleplanen." if case.klient_deltaget
                else "Klienten har ikke deltaget i udarbejdelsen af handleplanen. "
                     "Planen er udarbejdet alligevel, jf. handleplansvejledningen pkt. 9.")
    if case.is_udvist:
        informeret = ("Der videregives ikke oplysninger fra handleplanen til kommunen: "
                      "klienten er udvist ved dom (handleplansvejledningen pkt. 30).")
    elif case.is_varetaegt:
        informeret = ("Der videregives ikke oplysninger fra handleplanen til kommunen under "
                      "varetægtsfængslingen.")
    elif case.klient_informeret:
        when = case.klient_informeret_dato
        informeret = ("Klienten er orienteret om, at oplysninger fra handleplanen videregives "
                      "til kommunen" + (f" (orienteret den {dato(when)})." if when else "."))
    else:
        informeret = ("Klienten er endnu ikke orienteret om, at oplysninger fra handleplanen "
                      "videregives til kommunen. Koordineringen sker alligevel, når den er "
                      "nødvendig (handleplansvejledningen pkt. 34).")
    return {
        "overskrift": OVERSKRIFTER["samarbejde"],
        "hvilke_titel": "Hvilke",
        "kontakter": table(
            "Kontakter",
            {"navn": "Navn", "rolle": "Rolle og organisation", "telefon": "Telefon",
             "adresse": "Adresse", "email": "E-mail"},
            ({"navn": c.navn, "rolle": f"{c.rolle}, {c.organisation}",
              "telefon": c.telefon or "", "adresse": c.adresse or "", "email": c.email or ""}
             for c in sp.kontakter),
            "Der er ikke registreret samarbejdspartnere.",
        ),
        "personer": table(
            "Private personer i sagen",
            {"navn": "Navn", "relation": "Relation", "oplysninger": "Oplysninger"},
            ({"navn": p.navn,
              "relation": join_nonempty([p.relation.titel, p.beskrivelse]),
              "oplysninger": join_nonempty(
                  [p.cpr and f"CPR-nr. {p.cpr}", p.telefon and f"tlf. {p.telefon}",
                   p.adresse, p.email], "; ")}
             for p in case.personer),
            "Der er ikke registreret private personer i sagen.",
        ),
        "blanket": felter(
            felt("Løsladelsesblanket udleveret:",
                 dato(sp.loesladelsesblanket_udleveret) or "Ikke udleveret endnu"),
        ),
        "koordinering_titel": "Koordinering af handleplan",
        "koordinering": koordinering,
        "koordinering_bemaerkning": k.bemaerkning or "",
        "vedlagt": felter(
            felt("Handleplanen vedlægges følgeskrivelsen:",
                 _vedlagt(case) if case.has_koordineringspligt else None),
        ),
        "klient_titel": "Klientens medvirken",
        "deltaget": deltaget,
        "deltaget_bemaerkning": case.klient_deltaget_bemaerkning or "",
        "informeret": informeret,
    }


def _vedlagt(case: Case) -> str:
    sp = case.samarbejdspartnere
    if sp.handleplan_vedlagt:
        return "Ja"
    return f"Nej. {sp.handleplan_ikke_vedlagt_begrundelse}"
