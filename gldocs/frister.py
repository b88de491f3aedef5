"""Deadlines (frister) for one client, from the primary sources: pure functions, no I/O.

The input is a :class:`FristGrundlag` (the client type and the key dates of the case); the
output is a date-sorted list of :class:`Frist`, each citing its exact source and marked
with its ``art``:

* ``lovbestemt``: handleplanscirkulæret as explained in handleplansvejledningen (VEJ nr.
  9926 af 26/08/2022) pkt. 16, 17, 19, 20 and 32, and lov om aktiv socialpolitik § 25 a,
  stk. 4 (engangshjælp, via Guide til myndighedssamarbejde afsnit 3.3.5);
* ``koereplan``: Køreplan for god løsladelse, the method agreed with the municipalities
  (trin 8, 9, 9 A, 10, 11 and 12);
* ``retningslinje``: Kriminalforsorgen's own guideline (Guide til myndighedssamarbejde
  afsnit 3.3.3, 3.3.4, 3.3.5, 3.3.7) and handleplansvejledningen pkt. 7, where the source
  sets no time limit and gldocs proposes one (said in the text).

The release dates (løsladelsesbekendtgørelsen § 21) are facts, not deadlines:
:func:`loesladelser` gives both, the prøveløsladelse and the end of the sentence, each
with its own fremrykning.

Calendar decisions (deliberate, tested):

* **Hverdage** are Monday-Friday minus the *official* Danish public holidays
  (helligdage) as given by ``holidays.Denmark()`` with its default (public) category:
  nytårsdag, skærtorsdag, langfredag, påskedag, 2. påskedag, Kristi himmelfartsdag,
  pinsedag, 2. pinsedag, juledag and 2. juledag, plus store bededag up to and including
  2023 (abolished from 2024). Grundlovsdag, juleaftensdag, nytårsaftensdag and 1. maj are
  *not* helligdage and count as hverdage, even where offices close: counting them makes a
  deadline fall earlier, never later, which is the safe side.
* **Weeks** are 7 calendar days; **months and years** are calendar months/years with
  end-of-month clamping (31 January + 1 month = 28/29 February; 31 May - 3 months =
  28/29 February). A deadline counted in weeks, months or years is not moved: it is a
  "senest"-date. When it falls on a weekend or holiday, :attr:`Frist.seneste_hverdag`
  gives the working day before it, and every output shows both.
* **Fremrykning** (løsladelsesbekendtgørelsen § 21, Guide afsnit 3.3.5): for an afsoner
  with a prison sentence of 30 days or more, a release on Thursday-Sunday moves back to
  the Wednesday before; when that day is a public holiday it moves further back to the
  last working day (issue 12; the guide's "op til 4 dage" can then be exceeded, and the
  output says so). A release on a holiday Monday-Wednesday is not moved (the guide names
  only Thursday-Sunday) but flagged. When the sentence length is unknown but a
  prøveløsladelse date is given, the sentence is at least two months (straffelovens § 38,
  stk. 1) and the rule applies.
* **Snarest muligt**: a deadline counted back from the release that would fall before the
  date it is counted from (the start of the stay, or an afslag på prøveløsladelse) is due
  "snarest muligt" (køreplanen, trin 8 and its closing paragraph on short sentences); its
  ``dato`` is then the latest sensible date, never before that start.

Client types and what applies (the table in README/closing note has the sources):

* ``afsoner``: pkt. 16 (from the indsættelse; after varetægt from ``afsoning_fra``, the
  day the judgment became final, Guide afsnit 2.4), pkt. 32 (1 year before the
  prøveløsladelse, or 4 weeks after the start when less than 1 year remains), pkt. 19,
  pkt. 20, and the køreplan's release steps counted from the prøveløsladelse (with the
  end-of-sentence fallbacks while it is undecided, pkt. 7), or from the end of the
  sentence after an afslag. Udvisningsdømte: no municipality and no time after release
  (pkt. 23, 30), so only the plan, evaluations, transfers and the Infohus.
* ``varetaegt``: only pkt. 16's 7 hverdage (cirk. § 5, stk. 2) and evaluations (pkt. 19,
  which names no exception); no municipality (Guide afsnit 3.1.1), no release.
* ``tilsyn`` and ``paragraf-68-69`` under tilsyn: pkt. 17 and pkt. 32 (4 weeks after the
  etablerende tilsynssamtale), evaluations (pkt. 19; every 6 months for §§ 68-69) until
  the tilsyn ends (pkt. 38); a prøveløsladt client also køreplan trin 10-11.
* ``paragraf-68-69`` in an institution: pkt. 16, 19 (6 months), 20 and 32 (counted from
  the release when known; unknown: 4 weeks after the start, the safe side); the
  køreplan's release steps by analogy when a release date is known, no engangshjælp.
* ``ung-fodlaenke``: pkt. 16, kommune contact together with the first plan (pkt. 32,
  cirk. § 12, stk. 5), evaluations; no køreplan (its target group is inmates over 18) and
  no engangshjælp (release from prison).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import holidays
from dateutil.relativedelta import relativedelta

from gldocs.dates import UGEDAGE, format_dato, format_dato_med_ugedag
from gldocs.errors import InputError

if TYPE_CHECKING:
    from gldocs.case.model import Case

KLIENTTYPER: tuple[str, ...] = ("afsoner", "varetaegt", "tilsyn", "ung-fodlaenke", "paragraf-68-69")
ANBRINGELSER: tuple[str, ...] = ("tilsyn", "institution")
AFGOERELSER: tuple[str, ...] = ("tilladt", "afslag")

FREMRYKNING_MIN_STRAF_DAGE = 30
KOEREPLAN_MIN_STRAF_DAGE = 120  # "4 måneder og derover" at 30 days a month
WEDNESDAY = 2

# What a deadline rests on (see the module docstring).
LOVBESTEMT = "lovbestemt"
KOEREPLAN = "koereplan"
RETNINGSLINJE = "retningslinje"
ARTER: tuple[str, ...] = (LOVBESTEMT, KOEREPLAN, RETNINGSLINJE)
ART_TITEL: dict[str, str] = {
    LOVBESTEMT: "Lovbestemte frister (handleplanscirkulæret via handleplansvejledningen, "
                "lov om aktiv socialpolitik § 25 a)",
    KOEREPLAN: "Køreplan for god løsladelse (aftalt samarbejdsmetode med kommunerne)",
    RETNINGSLINJE: "Kriminalforsorgens retningslinjer (Guide til myndighedssamarbejde, "
                   "handleplansvejledningen) og gldocs' forslag",
}

HPV = "Handleplansvejledningen"
GUIDE = "Guide til myndighedssamarbejde afsnit"
KP = "Køreplan for god løsladelse trin"

# Every deadline id (evaluations are numbered: evaluering_1, evaluering_2 ...).
FRIST_IDS: frozenset[str] = frozenset({
    "handleplan_oprettet", "handleplan_udarbejdet", "handleplan_opdateret_afgoerelse",
    "kommune_kontakt", "overfoersel_opdatering", "loesladelsesmoede",
    "kif_inviteret_loesladelsesmoede", "loesladelsesmoede_endt_straf", "kif_inddragelse",
    "moeder_loesladelsesdag", "engangshjaelp_ansoegning", "engangshjaelp_afgoerelse",
    "engangshjaelp_afgoerelse_endt_straf", "opfoelgende_moede", "kif_moede",
    "kif_kommune_kontakt", "kif_opfoelgning", "kif_mentor_tidligst",
    "infohus_underretning",
})
NUMMEREREDE_IDS: tuple[str, ...] = ("evaluering",)
_NUMMERERET = re.compile(r"^(" + "|".join(NUMMEREREDE_IDS) + r")_([1-9][0-9]{0,2})$")


# Køreplan steps without a deadline, recorded as done under their own ids (gldocs.tjekliste).
KOEREPLAN_TRIN_IDS: frozenset[str] = frozenset({
    "kommune_underrettet_indsaettelse", "handleplansansvarlig_udpeget", "indsaettelsessamtale",
    "sagsakter_indhentet",
})


def er_frist_id(value: str) -> bool:
    """Whether ``value`` may be recorded as done in the case file's ``udfoert``: a deadline
    gldocs computes, or a køreplan step without a deadline."""
    return (value in FRIST_IDS or value in KOEREPLAN_TRIN_IDS
            or _NUMMERERET.match(value) is not None)


@dataclass(frozen=True)
class FristGrundlag:
    """The facts the deadlines are computed from.

    ``anbringelse`` (§ 68/69 only): "tilsyn" or "institution"; when not given, an
    ``indsat`` date means an institution and a ``tilsynssamtale`` alone means tilsyn.
    ``kif_mentor``: the three conditions of Guide afsnit 3.3.4 are recorded as met.
    """

    klienttype: str
    indsat: date | None = None
    tilsynssamtale: date | None = None  # the etablerende tilsynssamtale (tilsyn)
    proeveloesladelse: date | None = None  # forventet prøveløsladelse
    loesladelse: date | None = None  # forventet løsladelse efter endt straf
    straf_dage: int | None = None
    udvist: bool = False
    radikalisering: bool = False
    overfoert: date | None = None  # date of the latest transfer between institutions
    overfoert_andet_omraade: bool | None = None  # None: not recorded
    afsoning_fra: date | None = None  # varetægt -> afsoning: the judgment became final
    anbringelse: str | None = None
    tilsyn_slut: date | None = None
    proeveloesladelse_med_tilsyn: bool = True
    afgoerelse: str | None = None  # decision on prøveløsladelse: tilladt / afslag
    afgoerelse_dato: date | None = None
    ophold_underhold_sikret: bool | None = None
    foedselsdato: date | None = None
    kif_mentor: bool = False
    mentor_forloeb: str | None = None  # "exit" / "ekstremisme": exempt from the rules

    def __post_init__(self) -> None:
        if self.klienttype not in KLIENTTYPER:
            raise InputError(
                f"Ukendt klienttype '{self.klienttype}'; brug en af: {', '.join(KLIENTTYPER)}"
            )
        if self.straf_dage is not None and self.straf_dage < 0:
            raise InputError(f"Straflængden kan ikke være negativ ({self.straf_dage} dage)")
        if self.anbringelse is not None and self.anbringelse not in ANBRINGELSER:
            raise InputError(f"Ukendt anbringelse '{self.anbringelse}'; brug "
                             f"{' eller '.join(ANBRINGELSER)}")
        if self.afgoerelse is not None and self.afgoerelse not in AFGOERELSER:
            raise InputError(f"Ukendt afgørelse '{self.afgoerelse}'; brug "
                             f"{' eller '.join(AFGOERELSER)}")

    # ---- derived facts

    @property
    def i_tilsyn(self) -> bool:
        """A tilsynsklient, or a § 68/69 client under tilsyn."""
        if self.klienttype == "tilsyn":
            return True
        return self.klienttype == "paragraf-68-69" and self.anbringelse_effektiv == "tilsyn"

    @property
    def anbringelse_effektiv(self) -> str | None:
        if self.klienttype != "paragraf-68-69":
            return None
        if self.anbringelse is not None:
            return self.anbringelse
        if self.indsat is not None:
            return "institution"
        return "tilsyn" if self.tilsynssamtale is not None else None

    @property
    def i_institution(self) -> bool:
        """Deprived of liberty and released on a date: afsoner or § 68/69 anbragt."""
        return self.klienttype == "afsoner" or self.anbringelse_effektiv == "institution"

    @property
    def start(self) -> date | None:
        """The date the plan deadlines count from."""
        if self.i_tilsyn:
            return self.tilsynssamtale
        if self.klienttype == "afsoner" and self.afsoning_fra is not None:
            return self.afsoning_fra
        return self.indsat

    @property
    def proeveloesladelse_aktiv(self) -> bool:
        """A prøveløsladelse is expected (given, and not refused), for an inmate."""
        return (self.proeveloesladelse is not None and self.afgoerelse != "afslag"
                and self.klienttype in ("afsoner", "ung-fodlaenke"))

    @property
    def under_18(self) -> bool:
        if self.foedselsdato is None or self.start is None:
            return False
        s, b = self.start, self.foedselsdato
        return s.year - b.year - ((s.month, s.day) < (b.month, b.day)) < 18


@dataclass(frozen=True)
class Frist:
    """One deadline: ``id``, the date, the exact source, Danish text.

    ``art`` is :data:`LOVBESTEMT`, :data:`KOEREPLAN` or :data:`RETNINGSLINJE`.
    ``snarest_muligt``: the rule's own date would fall before the date it is counted from;
    it is due as soon as possible and ``dato`` is the latest sensible date. ``tidligst``:
    ``dato`` is the earliest date something may happen (e.g. a KiF mentor), not a
    "senest"-date; it is never overdue.
    """

    id: str
    dato: date
    hjemmel: str
    tekst: str
    art: str = LOVBESTEMT
    snarest_muligt: bool = False
    tidligst: bool = False

    @property
    def seneste_hverdag(self) -> date | None:
        """The working day before ``dato`` when ``dato`` is a weekend or holiday."""
        if self.tidligst or er_hverdag(self.dato):
            return None
        return forrige_hverdag(self.dato)

    def dato_tekst(self) -> str:
        """``dato`` with its weekday, and the working day before it when it is none."""
        text = format_dato_med_ugedag(self.dato)
        if self.tidligst:
            return f"tidligst {text}"
        hverdag = self.seneste_hverdag
        if hverdag is not None:
            why = ("en helligdag" if er_helligdag(self.dato)
                   else f"en {UGEDAGE[self.dato.weekday()]}")
            text += f" ({why}; sidste hverdag før er {format_dato_med_ugedag(hverdag)})"
        return f"snarest muligt og senest {text}" if self.snarest_muligt else text

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "dato": self.dato.isoformat(),
                               "hjemmel": self.hjemmel, "tekst": self.tekst, "art": self.art}
        hverdag = self.seneste_hverdag
        if hverdag is not None:
            out["seneste_hverdag"] = hverdag.isoformat()
        if self.snarest_muligt:
            out["snarest_muligt"] = True
        if self.tidligst:
            out["tidligst"] = True
        return out


# ---------------------------------------------------------------- calendar


@lru_cache(maxsize=64)
def _helligdage(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("DK", years=year))


def er_helligdag(d: date) -> bool:
    """True on an official Danish public holiday (see the module docstring)."""
    return d in _helligdage(d.year)


def er_hverdag(d: date) -> bool:
    """Monday-Friday and not a public holiday."""
    return d.weekday() < 5 and not er_helligdag(d)


def forrige_hverdag(d: date) -> date:
    """The last hverdag strictly before ``d``."""
    d -= timedelta(days=1)
    while not er_hverdag(d):
        d -= timedelta(days=1)
    return d


def laeg_hverdage_til(start: date, antal: int) -> date:
    """The ``antal``-th hverdag after ``start`` (``start`` itself is not counted)."""
    d = start
    remaining = antal
    while remaining > 0:
        d += timedelta(days=1)
        if er_hverdag(d):
            remaining -= 1
    return d


def laeg_maaneder_til(start: date, maaneder: int) -> date:
    """Calendar months (negative to go back), clamped to the end of a shorter month."""
    result: date = start + relativedelta(months=maaneder)
    return result


# ---------------------------------------------------------------- release


@dataclass(frozen=True)
class Loesladelsesdato:
    """One release date: as decided (``oprindelig``) and after fremrykning (``dato``)."""

    art: str  # "proeveloesladelse" or "endt_straf"
    oprindelig: date
    dato: date

    HJEMMEL = "Løsladelsesbekendtgørelsen § 21 (Guide til myndighedssamarbejde afsnit 3.3.5)"

    @property
    def fremrykket(self) -> bool:
        return self.dato != self.oprindelig

    @property
    def titel(self) -> str:
        if self.art == "proeveloesladelse":
            return "Prøveløsladelse"
        return "Løsladelse efter endt straf"

    def tekst(self) -> str:
        text = f"{self.titel}: {format_dato_med_ugedag(self.dato)}"
        if self.fremrykket:
            dage = (self.oprindelig - self.dato).days
            text += (f" (fremrykket {dage} dage fra {format_dato_med_ugedag(self.oprindelig)}, "
                     f"{self.HJEMMEL}")
            if dage > 4:
                text += "; mere end guidens 'op til 4 dage', fordi onsdagen er en helligdag"
            text += ")"
        elif er_helligdag(self.dato):
            text += (" (en helligdag; den flyttes ikke efter guidens regel for torsdag-søndag "
                     "– kontrollér dagen med løsladelsesbekendtgørelsen § 21)")
        return text

    def as_json(self) -> dict[str, Any]:
        return {"dato": self.dato.isoformat(), "oprindelig": self.oprindelig.isoformat(),
                "fremrykket": self.fremrykket}


@dataclass(frozen=True)
class Loesladelser:
    """Both release dates; ``regnes_fra`` is the one the release deadlines count from."""

    proeveloesladelse: Loesladelsesdato | None
    endt_straf: Loesladelsesdato | None
    regnes_fra: Loesladelsesdato | None

    def as_json(self) -> dict[str, Any]:
        return {
            "proeveloesladelse": self.proeveloesladelse.as_json()
            if self.proeveloesladelse else None,
            "endt_straf": self.endt_straf.as_json() if self.endt_straf else None,
            "regnes_fra": self.regnes_fra.art if self.regnes_fra else None,
        }


def _straf_mindst_30_dage(g: FristGrundlag) -> bool:
    if g.straf_dage is not None:
        return g.straf_dage >= FREMRYKNING_MIN_STRAF_DAGE
    # prøveløsladelse presupposes at least two months served (straffelovens § 38, stk. 1)
    return g.proeveloesladelse is not None


def fremryk(loesladelse: date) -> date:
    """Thursday-Sunday -> the Wednesday before, and further back to the last working day
    when that Wednesday is a public holiday; Monday-Wednesday unchanged."""
    wd = loesladelse.weekday()
    if wd <= WEDNESDAY:
        return loesladelse
    d = loesladelse - timedelta(days=wd - WEDNESDAY)
    return d if er_hverdag(d) else forrige_hverdag(d)


def forventet_loesladelse(g: FristGrundlag) -> date | None:
    """The expected release before fremrykning: prøveløsladelse when known, else løsladelse."""
    return g.proeveloesladelse or g.loesladelse


def _dato(g: FristGrundlag, art: str, d: date | None) -> Loesladelsesdato | None:
    if d is None:
        return None
    moved = fremryk(d) if g.klienttype == "afsoner" and _straf_mindst_30_dage(g) else d
    return Loesladelsesdato(art, d, moved)


def loesladelser(g: FristGrundlag) -> Loesladelser:
    """Both release dates of a client released from custody or from serving at home."""
    if not (g.i_institution or g.klienttype == "ung-fodlaenke"):
        return Loesladelser(None, None, None)
    pl = _dato(g, "proeveloesladelse", g.proeveloesladelse)
    endt = _dato(g, "endt_straf", g.loesladelse)
    return Loesladelser(pl, endt, pl if g.proeveloesladelse_aktiv else endt)


def effektiv_loesladelse(g: FristGrundlag) -> date | None:
    """The release date every release-relative deadline counts from."""
    r = loesladelser(g).regnes_fra
    return r.dato if r else None


# ---------------------------------------------------------------- rules


def _foer(id_: str, regel: date, basis: date | None, senest: date, *, hjemmel: str,
          art: str, tekst: str, hvorfra: str) -> Frist:
    """A deadline counted back from a release: ``regel`` unless that lies before ``basis``
    (the date it is counted from); then "snarest muligt" with ``senest`` as the latest
    sensible date (never before ``basis``)."""
    if basis is None or regel >= basis:
        return Frist(id_, regel, hjemmel, tekst, art)
    dato = max(basis, senest)
    return Frist(id_, dato, hjemmel,
                 f"{tekst} Fristen ({format_dato(regel)}) ligger før {hvorfra} "
                 f"({format_dato(basis)}): snarest muligt og senest {format_dato(dato)}.",
                 art, snarest_muligt=True)


def _handleplan(g: FristGrundlag) -> Iterator[Frist]:
    if g.i_tilsyn:
        if g.tilsynssamtale:
            yield Frist("handleplan_udarbejdet", g.tilsynssamtale + timedelta(weeks=4),
                        f"{HPV} pkt. 17 (handleplanscirkulæret § 6, stk. 1)",
                        "Handleplanen skal være oprettet og udarbejdet med vurdering og "
                        "prioriterede indsatser senest 4 uger efter den etablerende "
                        "tilsynssamtale.")
        return
    if g.indsat is None:
        return
    if g.klienttype == "varetaegt":
        yield Frist("handleplan_oprettet", laeg_hverdage_til(g.indsat, 7),
                    f"{HPV} pkt. 16 (handleplanscirkulæret § 5, stk. 2)",
                    "Den første handleplan for varetægtsarrestanten skal være oprettet senest "
                    "7 hverdage efter indsættelsen.")
        return
    if g.afsoning_fra is not None:
        yield Frist("handleplan_oprettet", laeg_hverdage_til(g.indsat, 7),
                    f"{HPV} pkt. 16 (handleplanscirkulæret § 5, stk. 2)",
                    "Handleplanen skulle være oprettet senest 7 hverdage efter indsættelsen i "
                    "varetægt.")
        yield Frist("handleplan_udarbejdet", g.afsoning_fra + timedelta(weeks=4),
                    f"{HPV} pkt. 16 (handleplanscirkulæret § 5, stk. 1); {GUIDE} 2.4",
                    "Handleplanen for afsoningen skal være udarbejdet med vurdering og "
                    "prioriterede indsatser senest 4 uger efter overgangen fra varetægt til "
                    f"afsoning ({format_dato(g.afsoning_fra)}).")
        return
    start = "iværksættelsen af strafudståelsen på bopælen" if g.klienttype == "ung-fodlaenke" \
        else "indsættelsen"
    yield Frist("handleplan_oprettet", laeg_hverdage_til(g.indsat, 7),
                f"{HPV} pkt. 16 (handleplanscirkulæret § 5, stk. 1)",
                f"Handleplanen skal være oprettet senest 7 hverdage efter {start}.")
    yield Frist("handleplan_udarbejdet", g.indsat + timedelta(weeks=4),
                f"{HPV} pkt. 16 (handleplanscirkulæret § 5, stk. 1)",
                "Handleplanen skal være udarbejdet med vurdering og prioriterede indsatser "
                f"senest 4 uger efter {start}.")


def _kommune_kontakt(g: FristGrundlag, r: date | None) -> Iterator[Frist]:
    if g.udvist or g.klienttype == "varetaegt":
        return
    tekst = "Kontakt handlekommunen om koordinering af handleplanen"
    if g.i_tilsyn:
        if g.tilsynssamtale:
            yield Frist("kommune_kontakt", g.tilsynssamtale + timedelta(weeks=4),
                        f"{HPV} pkt. 32 (handleplanscirkulæret § 12, stk. 4)",
                        f"{tekst} senest 4 uger efter den etablerende tilsynssamtale.")
        return
    if g.klienttype == "ung-fodlaenke":
        if g.indsat:
            yield Frist("kommune_kontakt", g.indsat + timedelta(weeks=4),
                        f"{HPV} pkt. 32 (handleplanscirkulæret § 12, stk. 5)",
                        f"{tekst} samtidig med udarbejdelsen af den første handleplan "
                        "(senest 4 uger efter iværksættelsen).")
        return
    start = g.start
    if start is None:
        return
    fra = "overgangen til afsoning" if g.afsoning_fra else "indsættelsen"
    if r is None:  # § 68/69 anbragt without a release date: the earlier rule is the safe side
        yield Frist("kommune_kontakt", start + timedelta(weeks=4),
                    f"{HPV} pkt. 32 (handleplanscirkulæret § 12, stk. 3)",
                    f"{tekst} senest 4 uger efter {fra} (ingen kendt løsladelsesdato; "
                    "gldocs bruger den tidligste frist).")
        return
    hvad = "prøveløsladelsen" if g.proeveloesladelse else "løsladelsen"
    et_aar_foer = r - relativedelta(years=1)
    if start > et_aar_foer:  # strictly less than 1 year remains at the start
        yield Frist("kommune_kontakt", start + timedelta(weeks=4),
                    f"{HPV} pkt. 32 (handleplanscirkulæret § 12, stk. 3)",
                    f"{tekst} senest 4 uger efter {fra} (mindre end 1 år til "
                    f"løsladelsen den {format_dato(r)}).")
        return
    tekst = f"{tekst} senest 1 år før {hvad} ({format_dato(r)})."
    if et_aar_foer == start:
        tekst += (f" Der er præcis 1 år fra {fra} til {hvad}, ikke 'mindre end 1 år' "
                  f"(pkt. 32): fristen er derfor selve dagen for {fra}.")
    yield Frist("kommune_kontakt", et_aar_foer,
                f"{HPV} pkt. 32 (handleplanscirkulæret § 12, stk. 2)", tekst)


def _evalueringer(g: FristGrundlag, r: date | None, horisont: date | None) -> Iterator[Frist]:
    start = g.start
    if start is None:
        return
    slut = g.tilsyn_slut if g.i_tilsyn else r
    if slut is None:
        slut = laeg_maaneder_til(start, 24)
        if horisont is not None and horisont > slut:
            slut = horisont
    seks_altid = g.klienttype == "paragraf-68-69"
    hjemmel = (f"{HPV} pkt. 19 (handleplanscirkulæret § 7, stk. 6)" if seks_altid
               else f"{HPV} pkt. 19 (handleplanscirkulæret § 7, stk. 2 og 3)")
    offset = 0
    nr = 0
    while True:
        punkt = laeg_maaneder_til(start, offset)
        seks = seks_altid or (r is not None and not g.i_tilsyn
                              and r > punkt + relativedelta(years=2))
        offset += 6 if seks else 3
        dato = laeg_maaneder_til(start, offset)
        if dato >= slut:
            return
        nr += 1
        why = ("dømt efter §§ 68-69" if seks_altid else
               "mere end 2 år til løsladelsen" if seks else "")
        interval = f"hvert halve år, {why}" if seks else "hver 3. måned"
        yield Frist(f"evaluering_{nr}", dato, hjemmel,
                    f"Evaluering nr. {nr} af handleplanen (mindst {interval}).")


def _overfoersel(g: FristGrundlag) -> Iterator[Frist]:
    # pkt. 20 is about dømte transferred to an institution in another område
    if g.overfoert is None or not g.i_institution or g.overfoert_andet_omraade is False:
        return
    tekst = ("Det modtagende område skal have opdateret handleplanen senest 7 hverdage "
             f"efter overførslen den {format_dato(g.overfoert)}.")
    if g.overfoert_andet_omraade is None:
        tekst += (" Gælder kun ved overførsel til et andet kriminalforsorgsområde; angiv "
                  "overfoert_andet_omraade i sagsfilen.")
    yield Frist("overfoersel_opdatering", laeg_hverdage_til(g.overfoert, 7),
                f"{HPV} pkt. 20 (handleplanscirkulæret § 7, stk. 4)", tekst)


def _afgoerelse(g: FristGrundlag) -> Iterator[Frist]:
    if g.afgoerelse is None or g.afgoerelse_dato is None or g.proeveloesladelse is None:
        return
    hvad = "tilladelsen til" if g.afgoerelse == "tilladt" else "afslaget på"
    yield Frist("handleplan_opdateret_afgoerelse", laeg_hverdage_til(g.afgoerelse_dato, 7),
                f"{HPV} pkt. 7", f"Opdatér handleplanen efter {hvad} prøveløsladelse "
                f"({format_dato(g.afgoerelse_dato)}). Vejledningen sætter ingen frist; gldocs "
                "foreslår 7 hverdage som ved overførsel (pkt. 20).", RETNINGSLINJE)


def _loesladelse(g: FristGrundlag, rel: Loesladelser) -> Iterator[Frist]:
    """Release-relative deadlines for clients released from an institution."""
    r = rel.regnes_fra
    if r is None:
        return
    basis = g.start
    hvorfra = "overgangen til afsoning" if g.afsoning_fra else "indsættelsen"
    if g.afgoerelse == "afslag" and g.afgoerelse_dato is not None and (
            basis is None or g.afgoerelse_dato > basis):
        basis, hvorfra = g.afgoerelse_dato, "afslaget på prøveløsladelse"
    R = r.dato
    naar = "prøveløsladelsen" if r.art == "proeveloesladelse" else "løsladelsen"
    if g.radikalisering and g.klienttype != "varetaegt":
        yield _foer("infohus_underretning", laeg_maaneder_til(R, -3), basis, R,
                    hjemmel=f"{GUIDE} 3.3.7", art=RETNINGSLINJE, hvorfra=hvorfra,
                    tekst=f"Område Sikkerhed underretter Infohuset om {naar} senest 3 måneder "
                          "før (bekymring for radikalisering; aldrig til kommunen direkte).")
    if g.udvist or g.klienttype == "ung-fodlaenke":
        return
    pl_tilsyn = r.art == "proeveloesladelse" and g.proeveloesladelse_med_tilsyn
    moede_senest = R - timedelta(weeks=4)
    yield _foer("loesladelsesmoede", laeg_maaneder_til(R, -3), basis, moede_senest,
                hjemmel=f"{KP} 8; {GUIDE} 3.3.3", art=KOEREPLAN, hvorfra=hvorfra,
                tekst=f"Indkald klienten, kommunen og relevante samarbejdspartnere til "
                      f"løsladelsesmøde senest 3 måneder før {naar}.")
    if pl_tilsyn:
        yield _foer("kif_inviteret_loesladelsesmoede", laeg_maaneder_til(R, -3), basis,
                    moede_senest, hjemmel=f"{GUIDE} 3.3.3", art=RETNINGSLINJE,
                    hvorfra=hvorfra,
                    tekst="Inviter KiF til løsladelsesmødet (prøveløsladelse med tilsyn "
                          "forventes).")
    yield Frist("opfoelgende_moede", R + timedelta(weeks=4), f"{KP} 8",
                f"Opfølgende møde senest 4 uger efter {naar} (hvem der tager initiativet, "
                "aftales på løsladelsesmødet).", KOEREPLAN)
    if g.klienttype == "afsoner":
        yield _foer("engangshjaelp_ansoegning", R - timedelta(weeks=4), basis,
                    R - timedelta(days=14), hjemmel=f"{GUIDE} 3.3.5", art=RETNINGSLINJE,
                    hvorfra=hvorfra,
                    tekst="Send ansøgning om engangshjælp med dokumentation til kommunen, "
                          "hvis klienten har behov for det. Guiden siger 'i god tid'; gldocs "
                          f"foreslår senest 4 uger før {naar}, så kommunen har 14 dage.")
        yield _foer("engangshjaelp_afgoerelse", R - timedelta(days=14), basis,
                    R - timedelta(days=1),
                    hjemmel=f"Lov om aktiv socialpolitik § 25 a, stk. 4 ({GUIDE} 3.3.5)",
                    art=LOVBESTEMT, hvorfra=hvorfra,
                    tekst="Kommunens afgørelse om engangshjælp skal foreligge senest 14 dage "
                          f"før {naar}; hjælpen udbetales på løsladelsesdagen.")
    if pl_tilsyn:
        yield _foer("kif_inddragelse", R - timedelta(weeks=8), basis, moede_senest,
                    hjemmel=f"{KP} 9", art=KOEREPLAN, hvorfra=hvorfra,
                    tekst="Inddrag KiF i planlægningen af prøveløsladelsen og aftal "
                          "overdragelsen af handleplansansvaret senest 8 uger før.")
        yield from _kif_efter(R)
        yield Frist("kif_opfoelgning", laeg_maaneder_til(R, 3), f"{KP} 12",
                    "KiF følger op på planen med klienten mindst hver 3. måned i "
                    "tilsynsperioden; første opfølgning senest 3 måneder efter "
                    "prøveløsladelsen.", KOEREPLAN)
        if g.kif_mentor:
            dato = laeg_maaneder_til(R, -3)
            yield Frist("kif_mentor_tidligst", max(dato, basis) if basis else dato,
                        f"{GUIDE} 3.3.4",
                        "Klienten opfylder betingelserne for en KiF-mentor (LS/RNR middel "
                        "eller højere, særligt behov, motiveret); mentoren kan tilknyttes "
                        "tidligst 3 måneder før prøveløsladelsen.", RETNINGSLINJE,
                        tidligst=True)
    endt = rel.endt_straf
    if endt is None:
        return
    if r.art == "endt_straf":
        yield _foer("moeder_loesladelsesdag", endt.dato - timedelta(weeks=4), basis,
                    endt.dato - timedelta(days=7), hjemmel=f"{KP} 9 A", art=KOEREPLAN,
                    hvorfra=hvorfra,
                    tekst="Sørg for, at der er aftalt møder med kommunens relevante "
                          "afdelinger på løsladelsesdagen, senest 4 uger før løsladelsen "
                          "efter endt straf.")
    elif g.afgoerelse is None:
        yield from _endt_straf_reserve(g, endt.dato, basis, hvorfra)


def _endt_straf_reserve(g: FristGrundlag, E: date, basis: date | None,
                        hvorfra: str) -> Iterator[Frist]:
    """The end-of-sentence deadlines while the prøveløsladelse is undecided (pkt. 7)."""
    hvis = "Hvis prøveløsladelse ikke gives: "
    yield _foer("loesladelsesmoede_endt_straf", laeg_maaneder_til(E, -3), basis,
                E - timedelta(weeks=4), hjemmel=f"{KP} 8", art=KOEREPLAN, hvorfra=hvorfra,
                tekst=f"{hvis}løsladelsesmøde senest 3 måneder før løsladelsen efter endt "
                      "straf, og snarest muligt efter afslaget.")
    yield _foer("moeder_loesladelsesdag", E - timedelta(weeks=4), basis,
                E - timedelta(days=7), hjemmel=f"{KP} 9 A", art=KOEREPLAN, hvorfra=hvorfra,
                tekst=f"{hvis}sørg for aftalte møder med kommunen på løsladelsesdagen senest "
                      "4 uger før løsladelsen efter endt straf.")
    if g.klienttype == "afsoner":
        yield _foer("engangshjaelp_afgoerelse_endt_straf", E - timedelta(days=14), basis,
                    E - timedelta(days=1),
                    hjemmel=f"Lov om aktiv socialpolitik § 25 a, stk. 4 ({GUIDE} 3.3.5)",
                    art=LOVBESTEMT, hvorfra=hvorfra,
                    tekst=f"{hvis}kommunens afgørelse om engangshjælp senest 14 dage før "
                          "løsladelsen efter endt straf.")


def _tilsyn_kif(g: FristGrundlag) -> Iterator[Frist]:
    """Køreplan trin 10-11 for a client already prøveløsladt (tilsyn with a date)."""
    if g.klienttype != "tilsyn" or g.proeveloesladelse is None or g.udvist:
        return
    yield from _kif_efter(g.proeveloesladelse)


def _kif_efter(pl: date) -> Iterator[Frist]:
    """Køreplan trin 10 and 11, counted from the prøveløsladelse ``pl``."""
    yield Frist("kif_moede", pl + timedelta(weeks=1), f"{KP} 10",
                "Klienten mødes med den handleplansansvarlige i KiF senest 1 uge efter "
                "prøveløsladelsen.", KOEREPLAN)
    yield Frist("kif_kommune_kontakt", pl + timedelta(weeks=4), f"{KP} 11",
                "KiF kontakter kommunen om koordinering af handleplanen senest 4 uger efter "
                "prøveløsladelsen.", KOEREPLAN)


def beregn_frister(grundlag: FristGrundlag, *, horisont: date | None = None) -> list[Frist]:
    """All deadlines that apply to ``grundlag``, sorted by date (stable within a date).

    When no end is known (varetægt, tilsyn without ``tilsyn_slut``, § 68/69 without a
    date) the evaluation series runs 2 years from its start; a later ``horisont`` extends
    it up to that date.
    """
    rel = loesladelser(grundlag)
    r = rel.regnes_fra.dato if rel.regnes_fra else None
    # pkt. 32 counts from "datoen for en eventuel prøveløsladelse": the date as decided
    # (before fremrykning, which moves the release day under another rule), also when the
    # prøveløsladelse is later refused; without one, from the release (Guide afsnit 2.4).
    eventuel = rel.proeveloesladelse or rel.endt_straf
    frister: list[Frist] = [
        *_handleplan(grundlag),
        *_kommune_kontakt(grundlag, eventuel.oprindelig if eventuel else None),
        *_overfoersel(grundlag),
        *_afgoerelse(grundlag),
        *_loesladelse(grundlag, rel),
        *_tilsyn_kif(grundlag),
        *_evalueringer(grundlag, r, horisont),
    ]
    return sorted(frister, key=lambda f: f.dato)


# ---------------------------------------------------------------- notes


def koereplan_maalgruppe(g: FristGrundlag) -> tuple[bool | None, str]:
    """Whether the client is in the køreplan's target group: (True/False/None, why).

    The target group is inmates over 18 serving 4 months or more, and shorter sentences
    when prøveløsladelse with tilsyn is expected or housing/support after release is not
    secured. ``None``: a short sentence where housing/support is not recorded.
    """
    if g.klienttype == "varetaegt":
        return False, "en varetægtsarrestant afsoner ikke en straf"
    if g.klienttype == "ung-fodlaenke":
        return False, "køreplanens målgruppe er indsatte over 18 år, og en ung på fodlænke " \
                      "udstår straffen på bopælen"
    if g.i_tilsyn:
        return False, "klienten er allerede løsladt eller betinget dømt (kun trin 10-12 " \
                      "gælder en prøveløsladt)"
    if g.udvist:
        return False, "udvisningsdømte: handleplanen omfatter ikke tiden efter løsladelsen " \
                      "(handleplansvejledningen pkt. 23 og 30)"
    if g.under_18:
        return False, "klienten er under 18 år ved indsættelsen"
    if g.klienttype == "paragraf-68-69":
        return True, "dømt efter §§ 68-69 og anbragt: trinene følges efter analogi"
    if g.straf_dage is not None and g.straf_dage >= KOEREPLAN_MIN_STRAF_DAGE:
        return True, "straf på 4 måneder eller derover"
    if g.proeveloesladelse_aktiv and g.proeveloesladelse_med_tilsyn:
        return True, "prøveløsladelse med tilsyn forventes"
    if g.ophold_underhold_sikret is False:
        return True, "ophold eller underhold efter løsladelsen er ikke sikret"
    if g.straf_dage is None:
        return None, "straflængden er ukendt"
    if g.ophold_underhold_sikret is None:
        return None, ("straf under 4 måneder, og det er ikke registreret, om ophold og "
                      "underhold efter løsladelsen er sikret (ophold_underhold_sikret)")
    return False, "straf under 4 måneder uden prøveløsladelse med tilsyn, og ophold og " \
                  "underhold er sikret"


def bemaerkninger(g: FristGrundlag) -> list[str]:
    """Why deadlines a caseworker might expect are absent, and what else applies."""
    out: list[str] = []
    kt = g.klienttype
    if kt == "varetaegt":
        out.append("Varetægtsarrestant: kun oprettelsesfristen på 7 hverdage "
                   "(handleplansvejledningen pkt. 16) og evalueringer (pkt. 19); ingen "
                   "koordinering med kommunen (Guide til myndighedssamarbejde afsnit 3.1.1) "
                   "og ingen frister om løsladelsen. Klienten er ikke dømt: handleplanen må "
                   "ikke beskrive årsager til kriminaliteten som fakta. Når dommen bliver "
                   "endelig, skift klienttypen til afsoner og angiv afsoning_fra.")
    if kt == "afsoner" and g.afsoning_fra is not None:
        out.append(f"Overgået fra varetægt til afsoning den {format_dato(g.afsoning_fra)}: "
                   "fristerne for handleplanen, kommunekontakten og evalueringerne regnes "
                   "fra denne dato (Guide til myndighedssamarbejde afsnit 2.4).")
    if g.udvist:
        out.append("Udvist ved dom: ingen frister om kommunen eller tiden efter løsladelsen "
                   "(straffuldbyrdelseslovens § 31, stk. 2, 3. pkt.; handleplansvejledningen "
                   "pkt. 23 og 30). Undtagelsesvis kan planen omfatte tiden efter "
                   "løsladelsen, hvis det er nødvendigt for udsendelsen (pkt. 23).")
    if kt == "ung-fodlaenke":
        out.append("Ung 15-17 år på fodlænke: kommunen kontaktes samtidig med den første "
                   "handleplan (pkt. 32, handleplanscirkulæret § 12, stk. 5). Køreplanen "
                   "gælder ikke (målgruppen er indsatte over 18 år), og der er ingen "
                   "engangshjælp (den gælder løsladelse fra fængsel). Kommunen har ansvaret "
                   "for barnet efter barnets lov, og Kriminalforsorgens medarbejdere har "
                   "skærpet underretningspligt (barnets lov § 133; Guide afsnit 3.1.3). "
                   "Tilbagekaldes tilladelsen, og den unge overføres til arresthus, bevarer "
                   "det område, der førte tilsynet, handleplansansvaret (pkt. 14).")
    if kt == "paragraf-68-69":
        if g.anbringelse_effektiv == "tilsyn":
            out.append("Dømt efter §§ 68-69 under tilsyn: tilsynsreglerne gælder (pkt. 17 og "
                       "32), og planen evalueres mindst hvert halve år (pkt. 19).")
        elif g.anbringelse_effektiv == "institution":
            out.append("Dømt efter §§ 68-69 og anbragt i institution: institutionsreglerne "
                       "gælder (pkt. 16 og 32), og planen evalueres mindst hvert halve år "
                       "(pkt. 19). Der er ingen engangshjælp efter aktivloven § 25 a.")
            if g.loesladelse is None:
                out.append("Ingen kendt udskrivnings- eller løsladelsesdato: kommunen "
                           "kontaktes senest 4 uger efter indsættelsen (den tidligste frist "
                           "i pkt. 32), og der er ingen frister om løsladelsen endnu.")
        else:
            out.append("Dømt efter §§ 68-69: angiv anbringelse (tilsyn eller institution) "
                       "og datoen for tilsynssamtalen eller indsættelsen.")
    if g.i_tilsyn and g.tilsyn_slut is None:
        out.append("Tilsynets udløb er ikke angivet (tilsyn_slut): evalueringerne vises for "
                   "2 år eller til opgørelseshorisonten; de ophører, når tilsynet udløber "
                   "(pkt. 38).")
    maal, why = koereplan_maalgruppe(g)
    if g.i_institution and not g.udvist and kt == "afsoner":
        if maal is False:
            out.append(f"Uden for køreplanens målgruppe ({why}); køreplanen beder om, at "
                       "trinene alligevel følges uanset tidsrammer.")
        elif maal is None:
            out.append(f"Køreplanens målgruppe kan ikke afgøres: {why}. Trinene følges "
                       "alligevel uanset tidsrammer.")
    if g.proeveloesladelse_aktiv and g.afgoerelse is None and g.loesladelse is not None \
            and kt == "afsoner" and not g.udvist:
        out.append("Prøveløsladelsen er ikke afgjort: fristerne om løsladelsen regnes fra "
                   "prøveløsladelsen, og fristerne mærket 'Hvis prøveløsladelse ikke gives' "
                   "regnes fra løsladelsen efter endt straf, så klienten ikke står uden plan "
                   "ved et afslag (pkt. 7).")
    if g.afgoerelse == "afslag" and g.afgoerelse_dato is not None:
        out.append(f"Afslag på prøveløsladelse den {format_dato(g.afgoerelse_dato)}: fristerne "
                   "om løsladelsen regnes fra løsladelsen efter endt straf.")
    if g.mentor_forloeb in ("exit", "ekstremisme"):
        out.append("Exit- og ekstremismementorer er ikke omfattet af reglerne om "
                   "tidsbegrænsning og LS/RNR-score og tildeles efter faglig vurdering "
                   "(Guide afsnit 3.3.4).")
    elif g.kif_mentor and g.i_tilsyn:
        out.append("Klienten opfylder betingelserne for en KiF-mentor under tilsynet "
                   "(Guide afsnit 3.3.4).")
    if g.i_institution and not g.udvist:
        out.append("Oplys kommunen om et eventuelt behov for mentorstøtte i kommunalt regi, "
                   "når handleplanen koordineres op til løsladelsen (Guide afsnit 3.3.4).")
    return out


# ---------------------------------------------------------------- from a case file

_MENTOR_NIVEAUER = frozenset({"middel", "hoej", "meget-hoej"})


def _value(x: Any) -> Any:
    return getattr(x, "value", x)


def _foedselsdato(case: Case) -> date | None:
    """The birth date from the CPR number; ``None`` in a redacted copy (a marker)."""
    try:
        return case.stamoplysninger.foedselsdato
    except ValueError:
        return None


def grundlag_from_case(case: Case) -> FristGrundlag:
    """The deadline facts of a loaded case file (:func:`gldocs.case.load_case`)."""
    s = case.stamoplysninger
    pl = s.proeveloesladelse
    v = case.vurdering
    mentor = v.mentor
    lsrnr_ok = v.lsrnr is not None and _value(v.lsrnr.niveau) in _MENTOR_NIVEAUER
    forloeb = _value(mentor.forloeb) if mentor else None
    return FristGrundlag(
        klienttype=str(_value(s.klienttype)),
        indsat=s.indsaettelsesdato,
        tilsynssamtale=s.tilsynssamtale,
        proeveloesladelse=pl.dato if pl else None,
        loesladelse=s.forventet_loesladelse,
        straf_dage=s.dom.dage if s.dom else None,
        udvist=bool(s.udvist),
        radikalisering=bool(s.radikalisering),
        overfoert=s.overfoert,
        overfoert_andet_omraade=s.overfoert_andet_omraade,
        afsoning_fra=s.afsoning_fra,
        anbringelse=_value(s.anbringelse) if s.anbringelse else None,
        tilsyn_slut=s.tilsyn_slut,
        proeveloesladelse_med_tilsyn=bool(pl.med_tilsyn) if pl else True,
        afgoerelse=_value(pl.afgoerelse) if pl and pl.afgoerelse else None,
        afgoerelse_dato=pl.afgoerelse_dato if pl else None,
        ophold_underhold_sikret=s.ophold_underhold_sikret,
        foedselsdato=_foedselsdato(case),
        kif_mentor=bool(mentor and lsrnr_ok and mentor.saerligt_behov and mentor.motiveret
                        and forloeb == "almindelig"),
        mentor_forloeb=forloeb,
    )
