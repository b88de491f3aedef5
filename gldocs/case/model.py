"""The case file model: one client, everything handleplansvejledningen pkt. 23-28 asks for.

Top level of a case file::

    reference            case reference used in file names and mail subjects
    stamoplysninger      identity, client type, sentence, key dates, staff, handlekommune
    beskrivelse          the client's own account and the situation per area
    aarsager             causes of the crime
    vurdering            LS/RNR, motivation, prioritised needs with indsatser
    samarbejdspartnere   contacts and whether the plan has been coordinated
    koordineringsomraader  per area: what the prison asks of the municipality
    personer             private persons known in the case (relatives, victims ...)
    klient_deltaget, klient_informeret   pkt. 9 and pkt. 34

Unknown keys are errors everywhere (``extra="forbid"``). Cross-field rules raise
:class:`Inconsistency` naming the exact field, so the loader can point at its line.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from gldocs.afgang.kategorier import (
    Afgangsart,
    Beskaeftigelse,
    Bolig,
    Forsoergelse,
    KommunensSvar,
)
from gldocs.case.types import (
    Afgoerelse,
    AktoerType,
    AleneEllerGruppe,
    Anbringelse,
    Cpr,
    Dato,
    Email,
    JaNej,
    Kilde,
    Klienttype,
    Koordineringsomraade,
    LsRnrNiveau,
    MentorForloeb,
    ProeveloesladelseHjemmel,
    Reference,
    Relation,
    Telefon,
    cpr_birth_date,
    straflaengde_dage,
)
from gldocs.dates import format_dato
from gldocs.errors import Inconsistency
from gldocs.ordlister import word_set

__all__ = [
    "Aarsager",
    "Afgang",
    "Aktoer",
    "AktoerType",
    "AleneEllerGruppe",
    "Behov",
    "Beskrivelse",
    "Case",
    "Dom",
    "Handlekommune",
    "HandleplanVersion",
    "Inconsistency",
    "Indsats",
    "Kilde",
    "Klienttype",
    "Kontakt",
    "Koordinering",
    "Koordineringsanmodninger",
    "Koordineringsomraade",
    "LsRnr",
    "LsRnrNiveau",
    "Medarbejder",
    "MentorVurdering",
    "Person",
    "Proeveloesladelse",
    "ProeveloesladelseHjemmel",
    "ProeveloesladelseVurdering",
    "Relation",
    "Samarbejdspartnere",
    "Stamoplysninger",
    "Udfoert",
    "Vurdering",
]

Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _raise_if(problems: list[tuple[tuple[str | int, ...], str]]) -> None:
    if problems:
        raise Inconsistency(problems)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _empty_optional_is_absent(cls, data: Any) -> Any:
        """A key left empty in YAML (``telefon:``) counts as not given when it is optional;
        an empty required field stays an error on its own line."""
        if not isinstance(data, dict):
            return data
        fields = cls.model_fields
        return {k: v for k, v in data.items()
                if not (v is None and k in fields and not fields[k].is_required())}


# --------------------------------------------------------------------------- stamoplysninger


class Medarbejder(_Model):
    """A member of staff: handleplansansvarlig or stedfortræder."""

    navn: Tekst
    titel: Tekst
    telefon: Telefon
    email: Email


class Handlekommune(_Model):
    """The municipality of action and its entrance for coordination (indgang)."""

    navn: Tekst
    afdeling: Tekst
    adresse: Tekst
    kontaktperson: Tekst
    telefon: Telefon | None = None
    sikker_post: Email  # secure-mail address of the entrance


class Dom(_Model):
    """The sentence. ``straf_dage`` overrides the days read from ``straflaengde``."""

    dato: Dato
    ret: Tekst
    straflaengde: Tekst  # as written in the judgment, e.g. "1 år og 6 måneder"
    straf_dage: int | None = Field(default=None, ge=1)
    kriminalitetens_art: Tekst  # general type, e.g. "røveri (straffelovens § 288)"

    @property
    def dage(self) -> int | None:
        """Sentence length in days: ``straf_dage`` or parsed from ``straflaengde``."""
        return self.straf_dage if self.straf_dage is not None else straflaengde_dage(
            self.straflaengde
        )


class Proeveloesladelse(_Model):
    """Expected parole (straffelovens § 40 a, stk. 1, nr. 1 or nr. 2).

    ``med_tilsyn``: parole with KiF's tilsyn is expected (køreplan trin 9-12, Guide 3.3.3).
    ``afgoerelse``/``afgoerelse_dato``: the decision once made (pkt. 7); after an
    ``afslag`` the release deadlines count from the end of the sentence.
    """

    dato: Dato
    hjemmel: ProeveloesladelseHjemmel
    med_tilsyn: JaNej = True
    afgoerelse: Afgoerelse | None = None
    afgoerelse_dato: Dato | None = None

    @model_validator(mode="after")
    def _check(self) -> Proeveloesladelse:
        if (self.afgoerelse is None) != (self.afgoerelse_dato is None):
            missing = "afgoerelse_dato" if self.afgoerelse_dato is None else "afgoerelse"
            raise Inconsistency([((missing,), "afgørelsen om prøveløsladelse skal have både "
                                              "afgoerelse (tilladt/afslag) og afgoerelse_dato")])
        return self


class HandleplanVersion(_Model):
    version: int = Field(ge=1)
    dato: Dato


class Stamoplysninger(_Model):
    navn: Tekst
    cpr: Cpr
    adresse: Tekst | None = None  # the client's folkeregisteradresse
    telefon: Telefon | None = None
    email: Email | None = None
    klienttype: Klienttype
    dom: Dom | None = None  # absent only for varetægtsarrestanter
    institution: Tekst | None = None  # prison, arresthus or pension
    kif_afdeling: Tekst | None = None  # Kriminalforsorgen i Frihed, afdeling
    indsaettelsesdato: Dato | None = None  # start of custody or of serving at home
    tilsynssamtale: Dato | None = None  # etablerende tilsynssamtale (tilsyn)
    proeveloesladelse: Proeveloesladelse | None = None
    forventet_loesladelse: Dato | None = None  # release at the end of the sentence
    udvist: JaNej  # udvist ved dom; always explicit (no coordination when udvist)
    radikalisering: JaNej = False  # concern flagged: the Infohus deadline applies
    overfoert: Dato | None = None  # date of the latest transfer between institutions
    # pkt. 20: the update deadline applies only to a transfer to another område
    overfoert_andet_omraade: JaNej | None = None
    # varetægt -> afsoning: the day the judgment became final (deadlines count from it)
    afsoning_fra: Dato | None = None
    anbringelse: Anbringelse | None = None  # § 68/69: tilsyn or institution
    tilsyn_slut: Dato | None = None  # end of tilsyn: evaluations stop (pkt. 38)
    # køreplan target group: housing and support after release secured (None: unknown)
    ophold_underhold_sikret: JaNej | None = None
    handleplansansvarlig: Medarbejder
    stedfortraeder: Medarbejder
    handlekommune: Handlekommune | None = None
    handleplan: HandleplanVersion

    @property
    def foedselsdato(self) -> dt.date:
        return cpr_birth_date(self.cpr)

    @property
    def enhed(self) -> str:
        """Institution and/or KiF-afdeling, for display."""
        return " / ".join(x for x in (self.institution, self.kif_afdeling) if x)

    @model_validator(mode="after")
    def _check(self) -> Stamoplysninger:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        kt = self.klienttype
        if kt is Klienttype.TILSYN:
            if self.tilsynssamtale is None:
                problems.append((("tilsynssamtale",),
                                 "skal udfyldes for tilsynsklienter (etablerende tilsynssamtale)"))
            if self.kif_afdeling is None:
                problems.append((("kif_afdeling",), "skal udfyldes for tilsynsklienter"))
        elif kt is Klienttype.PARAGRAF_68_69:
            if self.anbringelse is None:
                problems.append((("anbringelse",),
                                 "skal udfyldes for dømte efter §§ 68-69: 'tilsyn' (under "
                                 "tilsyn af KiF) eller 'institution' (anbragt)"))
            elif self.anbringelse is Anbringelse.TILSYN and self.tilsynssamtale is None:
                problems.append((("tilsynssamtale",), "skal udfyldes, når en dømt efter "
                                                      "§§ 68-69 er under tilsyn"))
            elif (self.anbringelse is Anbringelse.INSTITUTION
                  and self.indsaettelsesdato is None):
                problems.append((("indsaettelsesdato",), "skal udfyldes, når en dømt efter "
                                                         "§§ 68-69 er anbragt i institution"))
        elif self.indsaettelsesdato is None:
            problems.append((("indsaettelsesdato",), f"skal udfyldes for klienttypen '{kt}'"))
        if kt in (Klienttype.AFSONER, Klienttype.VARETAEGT) and self.institution is None:
            problems.append((("institution",), f"skal udfyldes for klienttypen '{kt}'"))
        if kt is Klienttype.UNG_FODLAENKE and self.kif_afdeling is None:
            problems.append((("kif_afdeling",),
                             "skal udfyldes for unge med strafudståelse på bopælen"))
        reported = {path for path, _ in problems}
        if (self.institution is None and self.kif_afdeling is None
                and not reported & {("institution",), ("kif_afdeling",)}):
            problems.append((("institution",), "udfyld institution eller kif_afdeling"))
        if kt is not Klienttype.VARETAEGT and self.dom is None:
            problems.append((("dom",), f"skal udfyldes for klienttypen '{kt}'"))
        if kt in (Klienttype.AFSONER, Klienttype.UNG_FODLAENKE):
            if self.forventet_loesladelse is None:
                problems.append((("forventet_loesladelse",),
                                 f"skal udfyldes for klienttypen '{kt}'"))
            if self.dom is not None and self.dom.dage is None:
                problems.append((("dom", "straflaengde"),
                                 f"'{self.dom.straflaengde}' kan ikke omregnes til dage; "
                                 "skriv fx '1 år og 6 måneder' eller angiv straf_dage"))
        if self.anbringelse is not None and kt is not Klienttype.PARAGRAF_68_69:
            problems.append((("anbringelse",), "bruges kun for dømte efter §§ 68-69"))
        if self.afsoning_fra is not None:
            if kt is not Klienttype.AFSONER:
                problems.append((("afsoning_fra",),
                                 "bruges kun for afsonere, der har været varetægtsfængslet "
                                 "(sæt klienttype: afsoner, når dommen er endelig)"))
            elif self.indsaettelsesdato and self.afsoning_fra < self.indsaettelsesdato:
                problems.append((("afsoning_fra",), "overgangen til afsoning ligger før "
                                                    "indsættelsesdatoen"))
        if (self.tilsyn_slut is not None and self.tilsynssamtale is not None
                and self.tilsyn_slut <= self.tilsynssamtale):
            problems.append((("tilsyn_slut",), "tilsynet slutter før den etablerende "
                                               "tilsynssamtale"))
        if kt is Klienttype.VARETAEGT and self.proeveloesladelse is not None:
            problems.append((("proeveloesladelse",),
                             "en varetægtsarrestant har ingen forventet prøveløsladelse"))
        needs_kommune = kt is not Klienttype.VARETAEGT and not self.udvist
        if needs_kommune and self.handlekommune is None:
            problems.append((("handlekommune",),
                             "skal udfyldes (kommunen skal kontaktes om løsladelsen)"))
        release = self.forventet_loesladelse
        if self.proeveloesladelse and release and self.proeveloesladelse.dato > release:
            problems.append((("proeveloesladelse", "dato"),
                             f"prøveløsladelsen ({format_dato(self.proeveloesladelse.dato)}) "
                             f"ligger efter løsladelsen ({format_dato(release)})"))
        start = self.indsaettelsesdato
        if start is not None:
            for name, when in (("forventet_loesladelse", release),
                               ("overfoert", self.overfoert)):
                if when is not None and when < start:
                    problems.append(((name,), f"{format_dato(when)} ligger før "
                                              f"indsættelsesdatoen ({format_dato(start)})"))
            if self.proeveloesladelse and self.proeveloesladelse.dato < start:
                problems.append((("proeveloesladelse", "dato"),
                                 "prøveløsladelsen ligger før indsættelsesdatoen"))
        if kt is Klienttype.UNG_FODLAENKE:
            begin = start or self.handleplan.dato
            born = self.foedselsdato
            age = begin.year - born.year - ((begin.month, begin.day) < (born.month, born.day))
            if not 15 <= age <= 17:
                problems.append((("cpr",), f"klienten er {age} år ved indsættelsen; "
                                           "klienttypen 'ung-fodlaenke' gælder 15-17-årige"))
        if self.handleplansansvarlig.navn == self.stedfortraeder.navn:
            problems.append((("stedfortraeder", "navn"),
                             "stedfortræderen skal være en anden end den handleplansansvarlige"))
        _raise_if(problems)
        return self


# --------------------------------------------------------------------------- beskrivelse


class Beskrivelse(_Model):
    egen_beretning: Tekst  # the client's own account
    helbred_fysisk: Tekst | None = None
    helbred_psykisk: Tekst | None = None
    bolig: Tekst | None = None
    uddannelse_beskaeftigelse: Tekst | None = None
    oekonomi: Tekst | None = None
    netvaerk: Tekst | None = None
    misbrug: Tekst | None = None
    andet: Tekst | None = None
    trivsel: Tekst  # whether the client thrives
    kilder: list[Kilde] = Field(min_length=1)
    oensker: Tekst | None = None  # the client's wishes for after release (følgeskrivelse)

    @model_validator(mode="after")
    def _check(self) -> Beskrivelse:
        if len(set(self.kilder)) != len(self.kilder):
            raise Inconsistency([(("kilder",), "den samme kilde står flere gange")])
        return self


# Areas of the description, in the order of the handleplan, with their Danish titles.
BESKRIVELSE_OMRAADER: dict[str, str] = {
    "helbred_fysisk": "Fysisk helbred",
    "helbred_psykisk": "Psykisk helbred",
    "bolig": "Bolig",
    "uddannelse_beskaeftigelse": "Uddannelse og beskæftigelse",
    "oekonomi": "Økonomi",
    "netvaerk": "Netværk",
    "misbrug": "Misbrug",
    "andet": "Andet",
}


# --------------------------------------------------------------------------- årsager


class Aarsager(_Model):
    udloesende_faktorer: Tekst
    alene_eller_gruppe: AleneEllerGruppe
    gruppe_beskrivelse: Tekst | None = None
    tidligere_lignende_kriminalitet: Tekst
    gevinster: Tekst  # what the client gained from the crime
    omkostninger: Tekst  # what it cost the client


# --------------------------------------------------------------------------- vurdering


class LsRnr(_Model):
    """The LS/RNR risk-and-needs assessment."""

    dato: Dato | None = None
    niveau: LsRnrNiveau


class Aktoer(_Model):
    """Who starts an indsats: Kriminalforsorgen (intern), a partner (ekstern) or the client."""

    type: AktoerType
    navn: Tekst | None = None  # person or unit; not needed for the client

    @model_validator(mode="after")
    def _check(self) -> Aktoer:
        if self.type is not AktoerType.KLIENTEN and self.navn is None:
            raise Inconsistency([(("navn",), f"skal udfyldes for aktørtypen '{self.type}'")])
        return self

    @property
    def visning(self) -> str:
        return "Klienten" if self.type is AktoerType.KLIENTEN else str(self.navn)


class Indsats(_Model):
    titel: Tekst
    hvem: list[Aktoer] = Field(min_length=1)
    start: Dato
    forventet_slut: Dato | None = None
    hvordan: Tekst  # e.g. ansøgning, opringning, møde

    @model_validator(mode="after")
    def _check(self) -> Indsats:
        if self.forventet_slut is not None and self.forventet_slut < self.start:
            raise Inconsistency([(("forventet_slut",),
                                  f"{format_dato(self.forventet_slut)} ligger før "
                                  f"start ({format_dato(self.start)})")])
        return self


class Behov(_Model):
    """A criminogenic need, with its priority (1 = most important)."""

    prioritet: int = Field(ge=1)
    omraade: Tekst  # e.g. "Bolig", "Beskæftigelse", "Misbrug"
    koordineringsomraade: Koordineringsomraade | None = None
    begrundelse: Tekst
    hvornaar: Tekst  # e.g. "Inden løsladelsen", "Under hele afsoningen"
    indsatser: list[Indsats] = Field(min_length=1)


class ProeveloesladelseVurdering(_Model):
    """Consideration of parole under straffelovens § 40 a, stk. 1, nr. 1 and nr. 2."""

    nr_1: Tekst
    nr_2: Tekst


class MentorVurdering(_Model):
    """The conditions for a KiF mentor (Guide til myndighedssamarbejde afsnit 3.3.4):
    LS/RNR middel or higher (from ``vurdering.lsrnr``), a special need for support that
    cannot be met otherwise, and motivation. Exit and extremism mentors are exempt."""

    saerligt_behov: JaNej
    motiveret: JaNej
    forloeb: MentorForloeb = MentorForloeb.ALMINDELIG


class Vurdering(_Model):
    lsrnr: LsRnr | None = None
    risikofaktorer: Tekst | None = None  # required when no LS/RNR has been made
    motivation: Tekst
    modtagelighed: Tekst
    behov: list[Behov] = Field(min_length=1)
    proeveloesladelse: ProeveloesladelseVurdering | None = None
    afsoningsplan: JaNej
    mentor: MentorVurdering | None = None
    # udvisningsdømte only: the exceptional plan for the time after release when it is
    # needed for the udsendelse (handleplansvejledningen pkt. 23)
    udsendelse: Tekst | None = None

    @property
    def behov_prioriteret(self) -> list[Behov]:
        return sorted(self.behov, key=lambda b: b.prioritet)

    @model_validator(mode="after")
    def _check(self) -> Vurdering:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        if self.lsrnr is None and self.risikofaktorer is None:
            problems.append((("risikofaktorer",),
                             "skal udfyldes, når der ikke er lavet en LS/RNR-vurdering"))
        seen: set[int] = set()
        for i, b in enumerate(self.behov):
            if b.prioritet in seen:
                problems.append((("behov", i, "prioritet"),
                                 f"prioritet {b.prioritet} er brugt mere end én gang"))
            seen.add(b.prioritet)
        expected = set(range(1, len(self.behov) + 1))
        if not problems and seen != expected:
            problems.append((("behov",), f"prioriteterne skal være 1 til {len(self.behov)} "
                                         f"uden huller (fandt {sorted(seen)})"))
        _raise_if(problems)
        return self


# --------------------------------------------------------------------------- samarbejdspartnere


# Words that make a "contact" a private person (pkt. 28 is about professionals): relatives,
# victims, co-offenders, children, friends. Matched as whole words in the rolle; the
# organisation only when it says "privat" (a department may be "Børn og Familie").
PRIVATE_ROLLER: frozenset[str] = word_set("private_roller")  # (gldocs/ordlister.yaml)
_WORDS = re.compile(r"[^\W\d_]+")


class Kontakt(_Model):
    """A professional contact (K3 in the kommune policy: kept when sent).

    Private persons (relatives, victims, co-offenders, children) never belong here:
    handleplansvejledningen pkt. 28 is about professionals; they go under ``personer``
    and are removed before the plan is sent.
    """

    navn: Tekst
    rolle: Tekst
    organisation: Tekst
    telefon: Telefon | None = None
    adresse: Tekst | None = None
    email: Email | None = None

    @model_validator(mode="after")
    def _check(self) -> Kontakt:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        for name, vocabulary in (("rolle", PRIVATE_ROLLER),
                                 ("organisation", word_set("private_organisationer"))):
            words = {w.casefold() for w in _WORDS.findall(getattr(self, name))}
            private = sorted(words & vocabulary)
            if private:
                problems.append(((name,), f"'{private[0]}' er en privat person, ikke en "
                                          "samarbejdspartner (handleplansvejledningen pkt. "
                                          "28 gælder fagpersoner); skriv personen under "
                                          "personer:, så fjernes den, før planen sendes"))
        _raise_if(problems)
        return self


class Koordinering(_Model):
    """Koordinering af handleplan: whether, when and with whom."""

    sket: JaNej
    dato: Dato | None = None
    med: Tekst | None = None
    bemaerkning: Tekst | None = None

    @model_validator(mode="after")
    def _check(self) -> Koordinering:
        if self.sket:
            _raise_if([((name,), "skal udfyldes, når koordineringen er sket")
                       for name in ("dato", "med") if getattr(self, name) is None])
        return self


class Samarbejdspartnere(_Model):
    kontakter: list[Kontakt] = Field(default_factory=list)
    loesladelsesblanket_udleveret: Dato | None = None
    koordinering: Koordinering
    # Whether the handleplan goes with the følgeskrivelse (pkt. 37); if not, say why.
    handleplan_vedlagt: JaNej = True
    handleplan_ikke_vedlagt_begrundelse: Tekst | None = None

    @model_validator(mode="after")
    def _check_vedlagt(self) -> Samarbejdspartnere:
        if not self.handleplan_vedlagt and self.handleplan_ikke_vedlagt_begrundelse is None:
            raise Inconsistency([(("handleplan_ikke_vedlagt_begrundelse",),
                                  "skriv, hvorfor handleplanen ikke vedlægges følgeskrivelsen")])
        return self


class Koordineringsanmodninger(_Model):
    """Per coordination area, the concrete ask of the municipality (empty = not an area)."""

    bolig: Tekst | None = None
    beskaeftigelse: Tekst | None = None
    uddannelse: Tekst | None = None
    oekonomi: Tekst | None = None
    misbrug: Tekst | None = None
    helbred: Tekst | None = None
    netvaerk: Tekst | None = None
    mentor: Tekst | None = None

    def items(self) -> list[tuple[Koordineringsomraade, str]]:
        """(area, ask) for every area with an ask, in the canonical order."""
        out = []
        for area in Koordineringsomraade:
            ask = getattr(self, area.value)
            if ask is not None:
                out.append((area, ask))
        return out


# --------------------------------------------------------------------------- persons


class Person(_Model):
    """A private person known in the case. The redactor removes them (policy R1)."""

    navn: Tekst
    relation: Relation
    beskrivelse: Tekst | None = None  # e.g. "mor", "datter", "ekskæreste"
    cpr: Cpr | None = None
    telefon: Telefon | None = None
    adresse: Tekst | None = None
    email: Email | None = None


# --------------------------------------------------------------------------- done entries


class Udfoert(_Model):
    """That the action behind a deadline was done, and when (``gldocs frister`` status)."""

    frist: Tekst  # a deadline id, e.g. handleplan_udarbejdet, kommune_kontakt, evaluering_2
    dato: Dato
    note: Tekst | None = None

    @model_validator(mode="after")
    def _check(self) -> Udfoert:
        from gldocs.frister import er_frist_id

        problems: list[tuple[tuple[str | int, ...], str]] = []
        if not er_frist_id(self.frist):
            problems.append((("frist",), f"'{self.frist}' er ikke en kendt frist; brug et id "
                                         "fra 'gldocs frister --json', fx "
                                         "handleplan_udarbejdet, kommune_kontakt eller "
                                         "evaluering_1"))
        if self.dato > dt.date.today():
            problems.append((("dato",), f"{format_dato(self.dato)} ligger i fremtiden; "
                                        "registrér først en handling, når den er udført"))
        _raise_if(problems)
        return self


# --------------------------------------------------------------------------- afgang


class _AfgangsDel(_Model):
    """One part of the afgangsbedømmelse: its category and an optional note."""

    note: Tekst | None = None

    @property
    def paa_plads(self) -> bool:
        return bool(self.status.paa_plads)  # type: ignore[attr-defined]

    @property
    def ukendt(self) -> bool:
        return str(self.status) == "ukendt"  # type: ignore[attr-defined]


class AfgangBolig(_AfgangsDel):
    status: Bolig


class AfgangBeskaeftigelse(_AfgangsDel):
    status: Beskaeftigelse


class AfgangForsoergelse(_AfgangsDel):
    status: Forsoergelse


class Samtykke(_Model):
    """The client's consent to send the three parts to the løsladelseskommune."""

    givet: JaNej
    dato: Dato | None = None

    @model_validator(mode="after")
    def _check(self) -> Samtykke:
        if self.givet and self.dato is None:
            raise Inconsistency([(("dato",), "skal udfyldes, når samtykket er givet")])
        return self


class Kommunesvar(_Model):
    """The kommune's answer: enig, or uenig with its note."""

    svar: KommunensSvar
    dato: Dato
    note: Tekst | None = None

    @model_validator(mode="after")
    def _check(self) -> Kommunesvar:
        if self.svar is KommunensSvar.UENIG and self.note is None:
            raise Inconsistency([(("note",), "skriv kommunens bemærkning, når den er uenig")])
        return self


class Afgang(_Model):
    """The afgangsbedømmelse at release (Mål- og resultatplan 2015)."""

    dato: Dato  # the actual release date
    art: Afgangsart
    institution: Tekst | None = None  # the releasing unit, when not stamoplysninger's
    bolig: AfgangBolig
    beskaeftigelse: AfgangBeskaeftigelse
    forsoergelse: AfgangForsoergelse
    samtykke: Samtykke | None = None
    sendt_til_kommunen: Dato | None = None
    indsigelsesfrist: Dato | None = None  # the kommune's deadline to object
    kommunens_svar: Kommunesvar | None = None

    @property
    def dele(self) -> dict[str, _AfgangsDel]:
        return {"bolig": self.bolig, "beskaeftigelse": self.beskaeftigelse,
                "forsoergelse": self.forsoergelse}

    @property
    def elementer_paa_plads(self) -> int:
        return sum(d.paa_plads for d in self.dele.values())

    @property
    def samtykke_givet(self) -> bool:
        return self.samtykke is not None and self.samtykke.givet

    @model_validator(mode="after")
    def _check(self) -> Afgang:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        sendt = self.sendt_til_kommunen
        if sendt is not None:
            if not self.samtykke_givet:
                problems.append((("sendt_til_kommunen",),
                                 "må kun sendes til kommunen med klientens samtykke "
                                 "(udfyld samtykke med givet: ja og dato)"))
            elif self.samtykke and self.samtykke.dato and sendt < self.samtykke.dato:
                problems.append((("sendt_til_kommunen",),
                                 f"{format_dato(sendt)} ligger før samtykket "
                                 f"({format_dato(self.samtykke.dato)})"))
        for name, when in (("indsigelsesfrist", self.indsigelsesfrist),
                           ("kommunens_svar", self.kommunens_svar)):
            if when is None:
                continue
            if sendt is None:
                problems.append(((name,), "udfyld først sendt_til_kommunen"))
                continue
            day = when.dato if isinstance(when, Kommunesvar) else when
            if day < sendt:
                loc = (name, "dato") if isinstance(when, Kommunesvar) else (name,)
                problems.append((loc, f"{format_dato(day)} ligger før afsendelsen til "
                                      f"kommunen ({format_dato(sendt)})"))
        _raise_if(problems)
        return self


# --------------------------------------------------------------------------- the case


class Case(_Model):
    """One client's case file."""

    reference: Reference
    stamoplysninger: Stamoplysninger
    beskrivelse: Beskrivelse
    aarsager: Aarsager | None = None  # required except for varetægtsarrestanter
    vurdering: Vurdering
    samarbejdspartnere: Samarbejdspartnere
    koordineringsomraader: Koordineringsanmodninger = Field(
        default_factory=Koordineringsanmodninger
    )
    personer: list[Person] = Field(default_factory=list)
    klient_deltaget: JaNej  # pkt. 9: the plan is made even if the client declines
    klient_deltaget_bemaerkning: Tekst | None = None
    klient_informeret: JaNej  # pkt. 34: told that data go to the municipality
    klient_informeret_dato: Dato | None = None
    # why the client has not been told (coordination happens anyway, pkt. 30-34)
    klient_informeret_bemaerkning: Tekst | None = None
    afgang: Afgang | None = None  # the afgangsbedømmelse, once released
    udfoert: list[Udfoert] = Field(default_factory=list)  # done entries, one per deadline

    # ---- convenient views for render, frister, redact and export

    @property
    def klienttype(self) -> Klienttype:
        return self.stamoplysninger.klienttype

    @property
    def is_udvist(self) -> bool:
        return self.stamoplysninger.udvist

    @property
    def is_varetaegt(self) -> bool:
        return self.stamoplysninger.klienttype is Klienttype.VARETAEGT

    @property
    def has_koordineringspligt(self) -> bool:
        """Whether the municipality is to be contacted (not udvist, not varetægt)."""
        return not (self.is_udvist or self.is_varetaegt)

    @property
    def koordineringsomraader_liste(self) -> list[Koordineringsomraade]:
        """The coordination areas, in canonical order."""
        return [area for area, _ in self.koordineringsomraader.items()]

    @property
    def indsaettelsesdato(self) -> dt.date | None:
        return self.stamoplysninger.indsaettelsesdato

    @property
    def tilsynssamtale(self) -> dt.date | None:
        return self.stamoplysninger.tilsynssamtale

    @property
    def proeveloesladelsesdato(self) -> dt.date | None:
        p = self.stamoplysninger.proeveloesladelse
        return p.dato if p else None

    @property
    def loesladelsesdato(self) -> dt.date | None:
        """Forventet løsladelse (end of sentence)."""
        return self.stamoplysninger.forventet_loesladelse

    @property
    def forventet_udgang(self) -> dt.date | None:
        """The expected release: the parole date when there is one, else the full term."""
        return self.proeveloesladelsesdato or self.loesladelsesdato

    @property
    def straf_dage(self) -> int | None:
        dom = self.stamoplysninger.dom
        return dom.dage if dom else None

    @property
    def overfoert(self) -> dt.date | None:
        return self.stamoplysninger.overfoert

    @property
    def radikalisering(self) -> bool:
        return self.stamoplysninger.radikalisering

    @model_validator(mode="after")
    def _check(self) -> Case:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        areas = self.koordineringsomraader.items()
        if areas and not self.has_koordineringspligt:
            why = "udvisningsdømte" if self.is_udvist else "varetægtsarrestanter"
            problems.append((("koordineringsomraader",),
                             f"der koordineres ikke med kommunen for {why}; "
                             "fjern koordineringsområderne"))
        kt = self.stamoplysninger.klienttype
        if self.aarsager is None and kt is not Klienttype.VARETAEGT:
            problems.append((("aarsager",), f"skal udfyldes for klienttypen '{kt}'"))
        if self.vurdering.udsendelse is not None and not self.is_udvist:
            problems.append((("vurdering", "udsendelse"),
                             "bruges kun for udvisningsdømte (pkt. 23: plan for tiden efter "
                             "løsladelsen af hensyn til udsendelsen)"))
        if kt is Klienttype.AFSONER and self.vurdering.proeveloesladelse is None:
            problems.append((("vurdering", "proeveloesladelse"),
                             "skal udfyldes for afsonere: overvej prøveløsladelse efter "
                             "straffelovens § 40 a, stk. 1, nr. 1 og nr. 2 "
                             "(handleplansvejledningen pkt. 27 c og pkt. 7)"))
        names = {p.navn.casefold() for p in self.personer} | {
            self.stamoplysninger.navn.casefold()}
        for i, k in enumerate(self.samarbejdspartnere.kontakter):
            if k.navn.casefold() in names:
                problems.append((("samarbejdspartnere", "kontakter", i, "navn"),
                                 "er klienten eller en privat person fra personer:; private "
                                 "personer står aldrig under samarbejdspartnere "
                                 "(handleplansvejledningen pkt. 28)"))
        if (not self.klient_informeret and self.klient_informeret_bemaerkning is None
                and self.has_koordineringspligt):
            problems.append((("klient_informeret_bemaerkning",),
                             "skriv, hvorfor klienten ikke er orienteret om, at oplysninger "
                             "gives til kommunen (koordineringen sker alligevel, pkt. 34)"))
        if not self.klient_deltaget and self.klient_deltaget_bemaerkning is None:
            problems.append((("klient_deltaget_bemaerkning",),
                             "skriv, hvorfor klienten ikke har deltaget (planen laves alligevel)"))
        client = self.stamoplysninger
        for i, p in enumerate(self.personer):
            if p.navn.casefold() == client.navn.casefold():
                problems.append((("personer", i, "navn"), "er klientens eget navn"))
            if p.cpr is not None and p.cpr == client.cpr:
                problems.append((("personer", i, "cpr"), "er klientens eget CPR-nummer"))
        digits = client.cpr.replace("-", "")
        ref = self.reference.replace("-", "").replace("_", "").replace(".", "")
        if digits[:6] in ref:
            problems.append((("reference",), "referencen må ikke indeholde klientens CPR-nummer"))
        name_parts = [w for w in client.navn.casefold().split() if len(w) >= 3]
        if any(w in self.reference.casefold() for w in name_parts):
            problems.append((("reference",), "referencen må ikke indeholde klientens navn"))
        seen_done: dict[str, int] = {}
        for i, u in enumerate(self.udfoert):
            if u.frist in seen_done:
                problems.append((("udfoert", i, "frist"),
                                 f"fristen '{u.frist}' er allerede registreret som udført "
                                 f"(udfoert[{seen_done[u.frist]}]); én registrering pr. frist"))
            seen_done.setdefault(u.frist, i)
        _raise_if(problems)
        return self

    @model_validator(mode="after")
    def _check_afgang(self) -> Case:
        a = self.afgang
        if a is None:
            return self
        problems: list[tuple[tuple[str | int, ...], str]] = []
        if self.is_varetaegt:
            problems.append((("afgang",), "en afgangsbedømmelse laves ved løsladelse fra en "
                                          "dom; skift klienttypen, når dommen er endelig"))
        if a.art is Afgangsart.UDVISNING and not self.is_udvist:
            problems.append((("afgang", "art"),
                             "udvisning kræver, at klienten er udvist (stamoplysninger.udvist)"))
        if self.is_udvist and (a.samtykke_givet or a.sendt_til_kommunen is not None):
            problems.append((("afgang", "sendt_til_kommunen" if a.sendt_til_kommunen
                              else "samtykke"),
                             "afgangsbedømmelsen for en udvisningsdømt sendes ikke til kommunen"))
        start = self.indsaettelsesdato
        if start is not None and a.dato < start:
            problems.append((("afgang", "dato"), f"løsladelsen ({format_dato(a.dato)}) ligger "
                                                 f"før indsættelsen ({format_dato(start)})"))
        _raise_if(problems)
        return self
