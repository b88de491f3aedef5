"""Value types of a case file: dates, CPR numbers, yes/no, phones, e-mail and the enums.

Every validator raises :class:`pydantic_core.PydanticCustomError` with a Danish message
(error types prefixed ``gldocs_``), so the loader can show it to the caseworker as is.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from gldocs import cpr as gldocs_cpr
from gldocs.dates import MAANEDER, format_dato
from gldocs.ordlister import word_set

# --------------------------------------------------------------------------- dates

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DK_NUMERIC = re.compile(r"^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})$")
_DK_WORDS = re.compile(r"^(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})$", re.IGNORECASE)


def _date_error(value: Any) -> PydanticCustomError:
    return PydanticCustomError(
        "gldocs_dato",
        "'{value}' er ikke en gyldig dato; skriv den som ÅÅÅÅ-MM-DD, fx 2026-03-02",
        {"value": str(value)},
    )


def parse_dato(value: Any) -> dt.date:
    """Accept ISO (2026-03-02), 02.03.2026, 2-3-2026 and '2. marts 2026'."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise _date_error(value)
    text = value.strip()
    parts: tuple[int, int, int] | None = None
    if m := _ISO.match(text):
        parts = (int(m[1]), int(m[2]), int(m[3]))
    elif m := _DK_NUMERIC.match(text):
        parts = (int(m[3]), int(m[2]), int(m[1]))
    elif (m := _DK_WORDS.match(text)) and m[2].lower() in MAANEDER:
        parts = (int(m[3]), MAANEDER.index(m[2].lower()) + 1, int(m[1]))
    if parts is None:
        raise _date_error(value)
    try:
        return dt.date(*parts)
    except ValueError:
        raise PydanticCustomError(
            "gldocs_dato", "'{value}' er ikke en dato, der findes", {"value": text}
        ) from None


Dato = Annotated[dt.date, BeforeValidator(parse_dato)]


# --------------------------------------------------------------------------- CPR

_CPR = re.compile(r"^(\d{2})(\d{2})(\d{2})-?(\d{4})$")


def cpr_birth_date(cpr: str) -> dt.date:
    """Birth date of a (normalised or bare) CPR number (:mod:`gldocs.cpr`, the century
    digit rule); ValueError when the number has no valid birth date."""
    if not _CPR.match(cpr):
        raise ValueError(cpr)
    born = gldocs_cpr.birth_date(cpr)
    if born is None:
        raise ValueError(cpr)
    return born


# informational only: since 2007 CPR numbers exist that fail modulus 11
cpr_passes_modulus11 = gldocs_cpr.passes_mod11
mask_cpr = gldocs_cpr.mask


def parse_cpr(value: Any) -> str:
    """Validate a CPR number and normalise it to ``DDMMYY-SSSS``.

    Checks the format and that the birth date exists; numbers failing modulus 11 are
    accepted (they have been issued since 2007).
    """
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
        if len(value) != 10:
            raise PydanticCustomError(
                "gldocs_cpr",
                "CPR-nummeret skal skrives i anførselstegn, fx \"010190-1234\"",
            )
    if not isinstance(value, str):
        raise PydanticCustomError("gldocs_cpr", "CPR-nummeret skal være tekst, fx 010190-1234")
    text = value.strip()
    m = _CPR.match(text)
    if not m:
        raise PydanticCustomError(
            "gldocs_cpr",
            "er ikke et gyldigt CPR-nummer; formatet er DDMMÅÅ-LLLL, fx 010190-1234",
        )
    normalised = f"{m[1]}{m[2]}{m[3]}-{m[4]}"
    try:
        born = cpr_birth_date(normalised)
    except ValueError:
        raise PydanticCustomError(
            "gldocs_cpr",
            "CPR-nummeret '{value}' indeholder ikke en gyldig fødselsdato",
            {"value": mask_cpr(normalised)},
        ) from None
    if born > dt.date.today():
        raise PydanticCustomError(
            "gldocs_cpr",
            "CPR-nummeret '{value}' giver en fødselsdato i fremtiden ({born})",
            {"value": mask_cpr(normalised), "born": format_dato(born)},
        )
    return normalised


Cpr = Annotated[str, BeforeValidator(parse_cpr)]


# --------------------------------------------------------------------------- yes/no

# (package data: gldocs/ordlister.yaml)
_TRUE = word_set("ja")
_FALSE = word_set("nej")


def parse_ja_nej(value: Any) -> bool:
    """Accept YAML booleans and the Danish words ``ja``/``nej``."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    raise PydanticCustomError(
        "gldocs_ja_nej", "'{value}' skal være ja eller nej", {"value": str(value)}
    )


JaNej = Annotated[bool, BeforeValidator(parse_ja_nej)]


# --------------------------------------------------------------------------- contact data

_PHONE = re.compile(r"^\+?[\d ()\-]+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


def parse_telefon(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise PydanticCustomError("gldocs_telefon", "telefonnummeret skal være tekst")
    text = " ".join(value.split())
    digits = sum(c.isdigit() for c in text)
    if not _PHONE.match(text) or not 8 <= digits <= 15:
        raise PydanticCustomError(
            "gldocs_telefon",
            "'{value}' er ikke et telefonnummer; skriv fx 72 55 12 34 eller +45 72 55 12 34",
            {"value": text},
        )
    return text


def parse_email(value: Any) -> str:
    if not isinstance(value, str) or not _EMAIL.match(value.strip()):
        raise PydanticCustomError(
            "gldocs_email",
            "'{value}' er ikke en e-mailadresse",
            {"value": str(value)},
        )
    return value.strip()


Telefon = Annotated[str, BeforeValidator(parse_telefon)]
Email = Annotated[str, BeforeValidator(parse_email)]

_REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{2,39}$")


def parse_reference(value: Any) -> str:
    """A case reference safe for file names and mail subjects (letters, digits, - _ .)."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not _REFERENCE.match(value.strip()):
        raise PydanticCustomError(
            "gldocs_reference",
            "referencen '{value}' må kun indeholde bogstaverne A-Z, tal, bindestreg, "
            "understregning og punktum (3-40 tegn), fx HP-2026-0142",
            {"value": str(value)},
        )
    return value.strip()


Reference = Annotated[str, BeforeValidator(parse_reference)]


# --------------------------------------------------------------------------- enums


class TitledEnum(StrEnum):
    """A string enum whose members carry a Danish display title."""

    @property
    def titel(self) -> str:
        return _TITLES[self]


class Klienttype(TitledEnum):
    AFSONER = "afsoner"
    VARETAEGT = "varetaegt"
    TILSYN = "tilsyn"
    UNG_FODLAENKE = "ung-fodlaenke"
    PARAGRAF_68_69 = "paragraf-68-69"


class Anbringelse(TitledEnum):
    """Where a § 68/69 client is: under KiF's tilsyn or placed in an institution."""

    TILSYN = "tilsyn"
    INSTITUTION = "institution"


class Afgoerelse(TitledEnum):
    """The decision on prøveløsladelse (handleplansvejledningen pkt. 7)."""

    TILLADT = "tilladt"
    AFSLAG = "afslag"


class MentorForloeb(TitledEnum):
    """Kind of KiF mentor (Guide til myndighedssamarbejde afsnit 3.3.4)."""

    ALMINDELIG = "almindelig"
    EXIT = "exit"
    EKSTREMISME = "ekstremisme"


class ProeveloesladelseHjemmel(TitledEnum):
    """Straffelovens § 40 a, stk. 1: nr. 1 (2/3 of the sentence) or nr. 2 (half)."""

    NR_1 = "nr-1"
    NR_2 = "nr-2"


class Kilde(TitledEnum):
    PERSONJOURNAL = "personjournal"
    PERSONUNDERSOEGELSE = "personundersoegelse"
    DOMSUDSKRIFT = "domsudskrift"
    DISCIPLINAEROPLYSNINGER = "disciplinaeroplysninger"


class AleneEllerGruppe(TitledEnum):
    ALENE = "alene"
    GRUPPE = "gruppe"


class LsRnrNiveau(TitledEnum):
    MEGET_LAV = "meget-lav"
    LAV = "lav"
    MIDDEL = "middel"
    HOEJ = "hoej"
    MEGET_HOEJ = "meget-hoej"


class AktoerType(TitledEnum):
    INTERN = "intern"
    EKSTERN = "ekstern"
    KLIENTEN = "klienten"


class Koordineringsomraade(TitledEnum):
    BOLIG = "bolig"
    BESKAEFTIGELSE = "beskaeftigelse"
    UDDANNELSE = "uddannelse"
    OEKONOMI = "oekonomi"
    MISBRUG = "misbrug"
    HELBRED = "helbred"
    NETVAERK = "netvaerk"
    MENTOR = "mentor"

    @property
    def policy_navn(self) -> str:
        """The area's name as the kommune policy spells it (with æ ø å)."""
        return self.titel.lower()


class Relation(TitledEnum):
    PAAROERENDE = "paaroerende"
    FORURETTET = "forurettet"
    MEDGERNINGSMAND = "medgerningsmand"
    ANDEN = "anden"


_TITLES: dict[StrEnum, str] = {
    Klienttype.AFSONER: "Afsoner",
    Klienttype.VARETAEGT: "Varetægtsarrestant",
    Klienttype.TILSYN: "Tilsynsklient (prøveløsladt eller betinget dømt)",
    Klienttype.UNG_FODLAENKE: "Ung 15-17 år, strafudståelse på bopælen (fodlænke)",
    Klienttype.PARAGRAF_68_69: "Dømt efter straffelovens §§ 68-69",
    Anbringelse.TILSYN: "Under tilsyn af Kriminalforsorgen i Frihed",
    Anbringelse.INSTITUTION: "Anbragt i institution",
    Afgoerelse.TILLADT: "Prøveløsladelse tilladt",
    Afgoerelse.AFSLAG: "Afslag på prøveløsladelse",
    MentorForloeb.ALMINDELIG: "KiF-mentor",
    MentorForloeb.EXIT: "Exitmentor (bandeexit)",
    MentorForloeb.EKSTREMISME: "Mentor mod ekstremisme",
    ProeveloesladelseHjemmel.NR_1: "straffelovens § 40 a, stk. 1, nr. 1 (2/3 af straffen)",
    ProeveloesladelseHjemmel.NR_2: "straffelovens § 40 a, stk. 1, nr. 2 (halvdelen af straffen)",
    Kilde.PERSONJOURNAL: "Personjournal",
    Kilde.PERSONUNDERSOEGELSE: "Personundersøgelse",
    Kilde.DOMSUDSKRIFT: "Domsudskrift",
    Kilde.DISCIPLINAEROPLYSNINGER: "Disciplinæroplysninger",
    AleneEllerGruppe.ALENE: "Alene",
    AleneEllerGruppe.GRUPPE: "I en gruppe",
    LsRnrNiveau.MEGET_LAV: "Meget lav",
    LsRnrNiveau.LAV: "Lav",
    LsRnrNiveau.MIDDEL: "Middel",
    LsRnrNiveau.HOEJ: "Høj",
    LsRnrNiveau.MEGET_HOEJ: "Meget høj",
    AktoerType.INTERN: "Kriminalforsorgen",
    AktoerType.EKSTERN: "Ekstern samarbejdspartner",
    AktoerType.KLIENTEN: "Klienten",
    Koordineringsomraade.BOLIG: "Bolig",
    Koordineringsomraade.BESKAEFTIGELSE: "Beskæftigelse",
    Koordineringsomraade.UDDANNELSE: "Uddannelse",
    Koordineringsomraade.OEKONOMI: "Økonomi",
    Koordineringsomraade.MISBRUG: "Misbrug",
    Koordineringsomraade.HELBRED: "Helbred",
    Koordineringsomraade.NETVAERK: "Netværk",
    Koordineringsomraade.MENTOR: "Mentor",
    Relation.PAAROERENDE: "Pårørende",
    Relation.FORURETTET: "Forurettede",
    Relation.MEDGERNINGSMAND: "Medgerningsmand",
    Relation.ANDEN: "Anden person",
}


# --------------------------------------------------------------------------- sentence length

_NUMBER_WORDS: dict[str, float] = {
    "en": 1, "et": 1, "én": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6,
    "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "halvandet": 1.5,
}
_UNIT_DAYS: dict[str, int] = {
    "år": 365, "aar": 365, "måned": 30, "måneder": 30, "maaned": 30, "maaneder": 30,
    "uge": 7, "uger": 7, "dag": 1, "dage": 1, "døgn": 1,
}
_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)?|[a-zæøåé]+)\s+(års|år|aars|aar|måneders|måneder|måned"
                     r"|maaneders|maaneder|maaned|ugers|uger|uge|dages|dage|dag|døgns|døgn)\b",
                     re.IGNORECASE)


_PROBATION = re.compile(r"prøvetid|proevetid|tilsynstid", re.IGNORECASE)


def straflaengde_dage(text: str) -> int | None:
    """Approximate days of a sentence written in words ('1 år og 6 måneder' -> 545).

    A year counts 365 days, a month 30, a week 7; a probation period after the sentence
    ("med en prøvetid på 2 år") is not counted. Returns None when nothing is recognised.
    """
    text = _PROBATION.split(text, maxsplit=1)[0]  # "... med en prøvetid på 2 år" is no sentence
    total = 0.0
    found = False
    for amount, unit in _AMOUNT.findall(text):
        word = amount.lower()
        if word[0].isdigit():
            number = float(word.replace(",", "."))
        elif word in _NUMBER_WORDS:
            number = _NUMBER_WORDS[word]
        else:
            continue
        unit = unit.lower()
        total += number * _UNIT_DAYS[unit[:-1] if unit not in _UNIT_DAYS else unit]
        found = True
    return round(total) if found else None
