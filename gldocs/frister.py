"""Statutory deadlines (frister) for one client: pure functions, no I/O.

The input is a :class:`FristGrundlag` (the client type and the key dates of the case); the
output is a date-sorted list of :class:`Frist`. The rules follow handleplansvejledningen
(pkt. 16-20 and 32), løsladelsesbekendtgørelsen § 21, Køreplan for God Løsladelse and
Guide til myndighedssamarbejde (2025) afsnit 3.3.

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
  28/29 February). A deadline counted in weeks, months or years is not moved off a
  weekend or holiday: it is a "senest"-date, and the checklist shows the weekday.
* **Release (løsladelse)**: the expected release is the prøveløsladelse date when there is
  one, else the løsladelse date (endt straf). For sentences of 30 days or more, a release
  date on Thursday-Sunday moves back to the Wednesday before (løsladelsesbekendtgørelsen
  § 21); every release-relative deadline counts from that effective date. When the sentence
  length is unknown but a prøveløsladelse date is given, the sentence is at least two
  months (straffelovens § 38, stk. 1) and the rule applies. Fremrykning applies to
  ``afsoner`` only: a tilsynsklient is already released, a young person on fodlænke serves
  at home, a § 68/69 measure ends by court decision and a varetægtsarrestant has no date.
* **Evaluering** (pkt. 19): counted from the start (indsættelse, or the etablerende
  tilsynssamtale for tilsyn). At each evaluation the next one falls 6 months later when more
  than 2 years remain until the effective release (and always for § 68/69), otherwise 3
  months later. All evaluations strictly before the release are listed; with no release date
  (varetægt, tilsyn, § 68/69 without a date) they are listed for 2 years after the start,
  or up to a later ``horisont`` (the CLI passes --idag + 1 year). Offsets are counted
  from the start date, not chained, so month-end clamping never drifts.

Which deadlines apply per client type (ids as in issue 2, section 3):

=====================  =======  =====  =======  ======  =========  ======
id                     afsoner  ung    § 68/69  udvist  varetægt   tilsyn
=====================  =======  =====  =======  ======  =========  ======
handleplan_oprettet    x        x      x        x       x          -
handleplan_udarbejdet  x        x      x        x       x          x (1)
kommune_kontakt        x        x      x        -       -          x (2)
evaluering             x        x      x (6 m)  x       x          x
overfoersel_opdatering x        x      x        x       x          x
loesladelse_fremrykket x        -      -        x       -          -
loesladelsesmoede      x        x      x        -       -          -
kif_inddragelse        x (3)    x (3)  -        -       -          -
moeder_loesladelsesdag x (4)    x (4)  x (4)    -       -          -
engangshjaelp_afg.     x        x      x        -       -          -
mentor_tidligst        x        x      x        -       -          -
infohus_underretning   x (5)    x (5)  x (5)    x (5)   -          -
kif_moede              x (3)    x (3)  -        -       -          x (3)
kif_kommune_kontakt    x (3)    x (3)  -        -       -          x (3)
=====================  =======  =====  =======  ======  =========  ======

"udvist" is any custodial client type with ``udvist=True``: no coordination with the
municipality and no KiF supervision after release (straffuldbyrdelsesloven § 31, stk. 2,
3. pkt.), but the release itself, evaluations and the Infohus duty remain.
kommune_kontakt: 1 year before the release; when at most 1 year remains at indsættelse
(so the ordinary date would fall on or before it), 4 weeks after indsættelse instead.
(1) 4 weeks after the etablerende tilsynssamtale. (2) 4 weeks after the tilsynssamtale.
(3) only with a prøveløsladelse date. (4) only when release is after endt straf (no
prøveløsladelse date). (5) only when radicalisation is flagged. Every deadline needs the
dates it is counted from; a missing date silently drops only that deadline.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

import holidays
from dateutil.relativedelta import relativedelta

from gldocs.dates import UGEDAGE, format_dato
from gldocs.errors import InputError

if TYPE_CHECKING:
    from gldocs.case.model import Case

KLIENTTYPER: tuple[str, ...] = ("afsoner", "varetaegt", "tilsyn", "ung-fodlaenke", "paragraf-68-69")
# client types deprived of liberty (or serving at home) who are released on a known date
FRIHEDSBEROEVET: frozenset[str] = frozenset({"afsoner", "ung-fodlaenke", "paragraf-68-69"})

FREMRYKNING_MIN_STRAF_DAGE = 30
WEDNESDAY = 2

HJEMMEL: dict[str, str] = {
    "handleplan_oprettet": "Handleplansvejledningen pkt. 16",
    "handleplan_udarbejdet": "Handleplansvejledningen pkt. 16",
    "handleplan_udarbejdet_tilsyn": "Handleplansvejledningen pkt. 17",
    "kommune_kontakt": "Handleplansvejledningen pkt. 32",
    "evaluering": "Handleplansvejledningen pkt. 19",
    "overfoersel_opdatering": "Handleplansvejledningen pkt. 20",
    "loesladelse_fremrykket": "Løsladelsesbekendtgørelsen § 21 (guide 3.3.5)",
    "loesladelsesmoede": "Køreplan for God Løsladelse (guide 3.3)",
    "kif_inddragelse": "Køreplan for God Løsladelse (guide 3.3)",
    "moeder_loesladelsesdag": "Køreplan for God Løsladelse (guide 3.3)",
    "engangshjaelp_afgoerelse": "Køreplan for God Løsladelse (guide 3.3)",
    "mentor_tidligst": "Køreplan for God Løsladelse (guide 3.3)",
    "infohus_underretning": "Guide til myndighedssamarbejde 3.3.7",
    "kif_moede": "Køreplan for God Løsladelse (guide 3.3)",
    "kif_kommune_kontakt": "Køreplan for God Løsladelse (guide 3.3)",
}


@dataclass(frozen=True)
class FristGrundlag:
    """The facts the deadlines are computed from."""

    klienttype: str
    indsat: date | None = None
    tilsynssamtale: date | None = None  # the etablerende tilsynssamtale (tilsyn)
    proeveloesladelse: date | None = None  # forventet prøveløsladelse
    loesladelse: date | None = None  # forventet løsladelse efter endt straf
    straf_dage: int | None = None
    udvist: bool = False
    radikalisering: bool = False
    overfoert: date | None = None  # date of the latest transfer between institutions

    def __post_init__(self) -> None:
        if self.klienttype not in KLIENTTYPER:
            raise InputError(
                f"Ukendt klienttype '{self.klienttype}'; brug en af: {', '.join(KLIENTTYPER)}"
            )
        if self.straf_dage is not None and self.straf_dage < 0:
            raise InputError(f"Straflængden kan ikke være negativ ({self.straf_dage} dage)")


@dataclass(frozen=True)
class Frist:
    """One deadline: ``id`` from issue 2 section 3, the date, the legal source, Danish text."""

    id: str
    dato: date
    hjemmel: str
    tekst: str

    def as_json(self) -> dict[str, str]:
        return {"id": self.id, "dato": self.dato.isoformat(), "hjemmel": self.hjemmel,
                "tekst": self.tekst}


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


def _straf_mindst_30_dage(g: FristGrundlag) -> bool:
    if g.straf_dage is not None:
        return g.straf_dage >= FREMRYKNING_MIN_STRAF_DAGE
    # prøveløsladelse presupposes at least two months served (straffelovens § 38, stk. 1)
    return g.proeveloesladelse is not None


def forventet_loesladelse(g: FristGrundlag) -> date | None:
    """The expected release before fremrykning: prøveløsladelse when known, else løsladelse."""
    return g.proeveloesladelse or g.loesladelse


def fremryk(loesladelse: date) -> date:
    """Thursday-Sunday -> the Wednesday before; Monday-Wednesday unchanged."""
    wd = loesladelse.weekday()
    if wd > WEDNESDAY:
        return loesladelse - timedelta(days=wd - WEDNESDAY)
    return loesladelse


def effektiv_loesladelse(g: FristGrundlag) -> date | None:
    """The release date every release-relative deadline counts from."""
    if g.klienttype not in FRIHEDSBEROEVET:
        return None
    r = forventet_loesladelse(g)
    if r is None:
        return None
    if g.klienttype == "afsoner" and _straf_mindst_30_dage(g):
        return fremryk(r)
    return r


# ---------------------------------------------------------------- rules


def _start(g: FristGrundlag) -> date | None:
    return g.tilsynssamtale if g.klienttype == "tilsyn" else g.indsat


def _frist(id_: str, dato: date, tekst: str, hjemmel_key: str | None = None) -> Frist:
    return Frist(id=id_, dato=dato, hjemmel=HJEMMEL[hjemmel_key or id_], tekst=tekst)


def _handleplan(g: FristGrundlag) -> Iterator[Frist]:
    if g.klienttype == "tilsyn":
        if g.tilsynssamtale:
            yield _frist("handleplan_udarbejdet", g.tilsynssamtale + timedelta(weeks=4),
                         "Handleplanen skal være udarbejdet senest 4 uger efter den "
                         "etablerende tilsynssamtale.", "handleplan_udarbejdet_tilsyn")
        return
    if g.indsat:
        yield _frist("handleplan_oprettet", laeg_hverdage_til(g.indsat, 7),
                     "Handleplanen skal være oprettet senest 7 hverdage efter indsættelsen.")
        yield _frist("handleplan_udarbejdet", g.indsat + timedelta(weeks=4),
                     "Handleplanen skal være udarbejdet senest 4 uger efter indsættelsen.")


def _kommune_kontakt(g: FristGrundlag, r: date | None) -> Iterator[Frist]:
    if g.udvist or g.klienttype == "varetaegt":
        return
    if g.klienttype == "tilsyn":
        if g.tilsynssamtale:
            yield _frist("kommune_kontakt", g.tilsynssamtale + timedelta(weeks=4),
                         "Kontakt til handlekommunen om koordinering af handleplanen senest "
                         "4 uger efter tilsynssamtalen.")
        return
    if r is None:
        return
    et_aar_foer = r - relativedelta(years=1)
    if g.indsat and g.indsat >= et_aar_foer:  # a year or less remains at indsættelse
        yield _frist("kommune_kontakt", g.indsat + timedelta(weeks=4),
                     "Kontakt til handlekommunen om koordinering af handleplanen senest "
                     "4 uger efter indsættelsen (under 1 år til løsladelsen).")
        return
    yield _frist("kommune_kontakt", et_aar_foer,
                 "Kontakt til handlekommunen om koordinering af handleplanen senest 1 år "
                 f"før løsladelsen ({format_dato(r)}).")


def _evalueringer(g: FristGrundlag, r: date | None, horisont: date | None) -> Iterator[Frist]:
    start = _start(g)
    if start is None:
        return
    slut = r
    if slut is None:
        slut = laeg_maaneder_til(start, 24)
        if horisont is not None and horisont > slut:
            slut = horisont
    offset = 0
    nr = 0
    while True:
        punkt = laeg_maaneder_til(start, offset)
        seks = g.klienttype == "paragraf-68-69" or (
            r is not None and r > punkt + relativedelta(years=2)
        )
        offset += 6 if seks else 3
        dato = laeg_maaneder_til(start, offset)
        if dato >= slut:
            return
        nr += 1
        interval = "6. måned" if seks else "3. måned"
        yield _frist("evaluering", dato,
                     f"Evaluering nr. {nr} af handleplanen (mindst hver {interval}).")


def _overfoersel(g: FristGrundlag) -> Iterator[Frist]:
    if g.overfoert:
        yield _frist("overfoersel_opdatering", laeg_hverdage_til(g.overfoert, 7),
                     "Handleplanen skal være opdateret senest 7 hverdage efter overførslen "
                     f"den {format_dato(g.overfoert)}.")


def _loesladelse(g: FristGrundlag, r: date | None) -> Iterator[Frist]:
    """Release-relative deadlines for clients released from custody."""
    if r is None or g.klienttype not in FRIHEDSBEROEVET:
        return
    oprindelig = forventet_loesladelse(g)
    if oprindelig is not None and r != oprindelig:
        hvad = "Prøveløsladelsen" if g.proeveloesladelse else "Løsladelsen"
        ugedag = UGEDAGE[oprindelig.weekday()]
        yield _frist("loesladelse_fremrykket", r,
                     f"{hvad} den {format_dato(oprindelig)} falder på en {ugedag} og "
                     f"fremrykkes til onsdag den {format_dato(r)}.")
    if g.radikalisering:
        yield _frist("infohus_underretning", laeg_maaneder_til(r, -3),
                     "Underret Infohus om den forestående løsladelse senest 3 måneder før "
                     "(bekymring for radikalisering; ikke til kommunen).")
    if g.udvist:
        return
    yield _frist("loesladelsesmoede", laeg_maaneder_til(r, -3),
                 "Løsladelsesmøde med kommunen og klienten senest 3 måneder før løsladelsen.")
    yield _frist("mentor_tidligst", laeg_maaneder_til(r, -3),
                 "Tidligste start for en udslusningsmentor fra kommunen (3 måneder før "
                 "løsladelsen).")
    yield _frist("engangshjaelp_afgoerelse", r - timedelta(days=14),
                 "Kommunens afgørelse om engangshjælp skal foreligge senest 14 dage før "
                 "løsladelsen.")
    if g.proeveloesladelse is None:
        yield _frist("moeder_loesladelsesdag", r - timedelta(weeks=4),
                     "Aftal møder på løsladelsesdagen (kommune, jobcenter m.fl.) senest 4 uger "
                     "før løsladelsen efter endt straf.")


def _kif(g: FristGrundlag, r: date | None) -> Iterator[Frist]:
    """KiF deadlines around a prøveløsladelse (custody with a date, or a tilsynsklient)."""
    if g.udvist or g.proeveloesladelse is None:
        return
    if g.klienttype == "tilsyn":
        pl = g.proeveloesladelse
    elif g.klienttype in ("afsoner", "ung-fodlaenke") and r is not None:
        pl = r
        yield _frist("kif_inddragelse", pl - timedelta(weeks=8),
                     "Inddrag Kriminalforsorgen i Frihed (KiF) senest 8 uger før "
                     "prøveløsladelsen.")
    else:
        return
    yield _frist("kif_moede", pl + timedelta(weeks=1),
                 "Første møde i Kriminalforsorgen i Frihed senest 1 uge efter "
                 "prøveløsladelsen.")
    yield _frist("kif_kommune_kontakt", pl + timedelta(weeks=4),
                 "KiF kontakter handlekommunen senest 4 uger efter prøveløsladelsen.")


def beregn_frister(grundlag: FristGrundlag, *, horisont: date | None = None) -> list[Frist]:
    """All deadlines that apply to ``grundlag``, sorted by date (stable within a date).

    When no release date is known (varetægt, tilsyn, § 68/69 without a date) the evaluation
    series runs 2 years from its start; a later ``horisont`` extends it up to that date.
    """
    r = effektiv_loesladelse(grundlag)
    frister: list[Frist] = [
        *_handleplan(grundlag),
        *_kommune_kontakt(grundlag, r),
        *_overfoersel(grundlag),
        *_loesladelse(grundlag, r),
        *_kif(grundlag, r),
        *_evalueringer(grundlag, r, horisont),
    ]
    return sorted(frister, key=lambda f: f.dato)


def grundlag_from_case(case: Case) -> FristGrundlag:
    """The deadline facts of a loaded case file (:func:`gldocs.case.load_case`)."""
    s = case.stamoplysninger
    return FristGrundlag(
        klienttype=str(getattr(s.klienttype, "value", s.klienttype)),
        indsat=s.indsaettelsesdato,
        tilsynssamtale=s.tilsynssamtale,
        proeveloesladelse=s.proeveloesladelse.dato if s.proeveloesladelse else None,
        loesladelse=s.forventet_loesladelse,
        straf_dage=s.dom.dage if s.dom else None,
        udvist=bool(s.udvist),
        radikalisering=bool(s.radikalisering),
        overfoert=s.overfoert,
    )
