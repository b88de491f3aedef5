"""Categories of the afgangsbedømmelse and which of them count as "in place".

Source: Mål- og resultatplan for Kriminalforsorgen 2015, "Passende bolig-, beskæftigelses-
og forsørgelsesgrundlag på tidspunktet for løsladelse":

* bolig: only *egen bolig (leje eller eje)* counts;
* beskæftigelse: *passende beskæftigelse* as its footnote 1 defines it: "alm.
  lønarbejde/selvstændig, skånejob/flexjob, beskyttet arbejdsplads/produktionsskole,
  uddannelse, revalidering, døgnbehandling, pensionist og arbejdsløs i aktivering";
* forsørgelse: a *forsørgelsesgrundlag* is in place when there is any means of support.
  The plan does not list them; gldocs counts løn, SU, kontanthjælp/uddannelseshjælp,
  dagpenge, sygedagpenge, pension and a granted engangshjælp (aktivloven § 25 a, stk. 4:
  the kommune's support for the first period after release), not "ingen" or "ukendt".

The source measures these for "løsladte med domme på over tre måneder"; a sentence of
exactly 3 months is therefore *not* over 3 months (:data:`TRE_MAANEDER_DAGE`).
"""

from __future__ import annotations

from enum import StrEnum

# A month counts 30 days where sentences are read from words (gldocs.case.types).
TRE_MAANEDER_DAGE = 90


class _Kategori(StrEnum):
    """A string enum whose members carry a Danish title and whether they count as in place."""

    @property
    def titel(self) -> str:
        return _TITLER[self][0]

    @property
    def paa_plads(self) -> bool:
        return _TITLER[self][1]


class Afgangsart(_Kategori):
    PROEVELOESLADELSE = "proeveloesladelse"
    ENDT_STRAF = "endt-straf"
    BENAADNING = "benaadning"
    UDVISNING = "udvisning"
    OVERFOERT = "overfoert"


class Bolig(_Kategori):
    EGEN_BOLIG = "egen-bolig"
    FAMILIE_VENNER = "familie-venner"
    UDSLUSNING = "udslusning"
    HERBERG = "herberg"
    BEHANDLINGSSTED = "behandlingssted"
    HJEMLOES = "hjemloes"
    UKENDT = "ukendt"


class Beskaeftigelse(_Kategori):
    LOENARBEJDE = "loenarbejde"
    SKAANEJOB = "skaanejob"
    BESKYTTET = "beskyttet"
    UDDANNELSE = "uddannelse"
    REVALIDERING = "revalidering"
    DOEGNBEHANDLING = "doegnbehandling"
    PENSIONIST = "pensionist"
    AKTIVERING = "aktivering"
    LEDIG = "ledig"
    SYGEMELDT = "sygemeldt"
    UKENDT = "ukendt"


class Forsoergelse(_Kategori):
    LOEN = "loen"
    SU = "su"
    KONTANTHJAELP = "kontanthjaelp"
    DAGPENGE = "dagpenge"
    SYGEDAGPENGE = "sygedagpenge"
    PENSION = "pension"
    ENGANGSHJAELP = "engangshjaelp"
    INGEN = "ingen"
    UKENDT = "ukendt"


class KommunensSvar(_Kategori):
    ENIG = "enig"
    UENIG = "uenig"


_TITLER: dict[StrEnum, tuple[str, bool]] = {
    Afgangsart.PROEVELOESLADELSE: ("Prøveløsladelse", False),
    Afgangsart.ENDT_STRAF: ("Løsladelse efter endt straf", False),
    Afgangsart.BENAADNING: ("Benådning", False),
    Afgangsart.UDVISNING: ("Udvisning (udsendt)", False),
    Afgangsart.OVERFOERT: ("Overført (til anden myndighed eller institution)", False),
    Bolig.EGEN_BOLIG: ("Egen bolig (leje eller eje)", True),
    Bolig.FAMILIE_VENNER: ("Midlertidigt hos familie eller venner", False),
    Bolig.UDSLUSNING: ("Udslusningsfængsel eller pension", False),
    Bolig.HERBERG: ("Herberg eller forsorgshjem", False),
    Bolig.BEHANDLINGSSTED: ("Behandlingssted", False),
    Bolig.HJEMLOES: ("Hjemløs", False),
    Bolig.UKENDT: ("Ukendt", False),
    Beskaeftigelse.LOENARBEJDE: ("Almindeligt lønarbejde eller selvstændig", True),
    Beskaeftigelse.SKAANEJOB: ("Skånejob eller flexjob", True),
    Beskaeftigelse.BESKYTTET: ("Beskyttet arbejdsplads eller produktionsskole", True),
    Beskaeftigelse.UDDANNELSE: ("Uddannelse", True),
    Beskaeftigelse.REVALIDERING: ("Revalidering", True),
    Beskaeftigelse.DOEGNBEHANDLING: ("Døgnbehandling", True),
    Beskaeftigelse.PENSIONIST: ("Pensionist", True),
    Beskaeftigelse.AKTIVERING: ("Arbejdsløs i aktivering", True),
    Beskaeftigelse.LEDIG: ("Ledig uden aktivering", False),
    Beskaeftigelse.SYGEMELDT: ("Sygemeldt", False),
    Beskaeftigelse.UKENDT: ("Ukendt", False),
    Forsoergelse.LOEN: ("Løn", True),
    Forsoergelse.SU: ("SU", True),
    Forsoergelse.KONTANTHJAELP: ("Kontanthjælp eller uddannelseshjælp", True),
    Forsoergelse.DAGPENGE: ("Dagpenge", True),
    Forsoergelse.SYGEDAGPENGE: ("Sygedagpenge", True),
    Forsoergelse.PENSION: ("Pension", True),
    Forsoergelse.ENGANGSHJAELP: ("Engangshjælp bevilget", True),
    Forsoergelse.INGEN: ("Intet forsørgelsesgrundlag", False),
    Forsoergelse.UKENDT: ("Ukendt", False),
    KommunensSvar.ENIG: ("Enig", False),
    KommunensSvar.UENIG: ("Uenig", False),
}

ELEMENTER: dict[str, str] = {
    "bolig": "Egen bolig",
    "beskaeftigelse": "Passende beskæftigelse",
    "forsoergelse": "Forsørgelsesgrundlag",
}

KILDE_BESKAEFTIGELSE = "Mål- og resultatplan 2015, fodnote 1"
