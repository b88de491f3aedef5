"""The structure of each document, written once and read by both formats.

A layout is a list of blocks that point into the template context by dotted paths
(``"stam.felter"``). ``templates/build_templates.py`` turns a layout into a docxtpl Word
template (paragraphs with styles and Jinja tags); ``pdf.py`` walks the same layout over the
context with reportlab. So headings, order and tables cannot drift apart between DOCX and
PDF, and every word comes from the context.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CONTENT_WIDTH_CM = 17.0  # A4 with 2 cm margins


@dataclass(frozen=True)
class Banner:
    """A prominent warning line, shown only when the value is not empty."""

    path: str


@dataclass(frozen=True)
class Title:
    path: str


@dataclass(frozen=True)
class Subtitle:
    path: str


@dataclass(frozen=True)
class Heading:
    path: str
    level: int = 1


@dataclass(frozen=True)
class Text:
    """A paragraph of text (line breaks kept)."""

    path: str


@dataclass(frozen=True)
class Note:
    """A boxed statement, shown only when the value is not empty."""

    path: str


@dataclass(frozen=True)
class Fields:
    """A field list: one ``Label: value`` paragraph per item."""

    path: str


@dataclass(frozen=True)
class Lines:
    """A list of strings, one short paragraph each (address block, signature)."""

    path: str


@dataclass(frozen=True)
class Bullets:
    path: str


@dataclass(frozen=True)
class Table:
    """A context table (``kolonner``/``raekker``/``tom``) with relative column widths.

    The table's ``titel`` is shown as a heading of ``title_level`` (0: no heading).
    """

    path: str
    widths: dict[str, float]
    title_level: int = 2


@dataclass(frozen=True)
class If:
    """Blocks shown only when the value at ``path`` is not empty."""

    path: str
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class ForEach:
    """Blocks repeated for each item of the list at ``path``, bound to ``var``."""

    path: str
    var: str
    blocks: list[Block] = field(default_factory=list)


Block = (Banner | Title | Subtitle | Heading | Text | Note | Fields | Lines | Bullets | Table
         | If | ForEach)

_STAFF = {"rolle": 1.4, "navn": 1.3, "titel": 1.3, "telefon": 1.0, "email": 2.4}

HANDLEPLAN: list[Block] = [
    Banner("dok.banner"),
    Title("dok.overskrift"),
    Subtitle("dok.undertitel"),
    # 1. Stamoplysninger
    Heading("stam.overskrift"),
    Fields("stam.felter"),
    Table("stam.medarbejdere", _STAFF),
    If("stam.kommune", [Heading("stam.kommune_titel", 2), Fields("stam.kommune")]),
    # 2. Beskrivelse
    Heading("beskrivelse.overskrift"),
    Heading("beskrivelse.egen_titel", 2),
    Text("beskrivelse.egen_beretning"),
    If("beskrivelse.omraader", [
        Heading("beskrivelse.omraader_titel", 2),
        ForEach("beskrivelse.omraader", "omr", [Heading("omr.titel", 3), Text("omr.tekst")]),
    ]),
    Fields("beskrivelse.felter"),
    # 3. Årsager til kriminalitet
    Heading("aarsager.overskrift"),
    Note("aarsager.note"),
    Fields("aarsager.felter"),
    # 4. Vurdering og indsatsområder
    Heading("vurdering.overskrift"),
    Fields("vurdering.felter"),
    Table("vurdering.behov",
          {"prioritet": 0.8, "omraade": 1.4, "begrundelse": 3.2, "hvornaar": 1.6}),
    Table("vurdering.indsatser",
          {"behov": 1.0, "indsats": 1.4, "hvem": 1.6, "periode": 1.3, "hvordan": 2.4}),
    If("vurdering.proeveloesladelse", [
        Heading("vurdering.proeveloesladelse_titel", 2),
        Fields("vurdering.proeveloesladelse"),
    ]),
    Fields("vurdering.afsoningsplan"),
    If("vurdering.efter", [
        Heading("vurdering.efter_titel", 2),
        Table("vurdering.efter", {"omraade": 1.0, "anmodning": 4.0}, title_level=3),
    ]),
    If("vurdering.udsendelse", [
        Heading("vurdering.udsendelse_titel", 2),
        Text("vurdering.udsendelse"),
    ]),
    Note("vurdering.note"),
    Table("vurdering.frister", {"dato": 1.2, "frist": 3.0, "art": 1.0, "hjemmel": 1.6}),
    # 5. Samarbejdspartnere
    Heading("samarbejde.overskrift"),
    Heading("samarbejde.hvilke_titel", 2),
    Table("samarbejde.kontakter",
          {"navn": 1.3, "rolle": 1.8, "telefon": 1.0, "adresse": 1.5, "email": 1.9},
          title_level=3),
    Table("samarbejde.personer", {"navn": 1.5, "relation": 1.5, "oplysninger": 3.0},
          title_level=3),
    Fields("samarbejde.blanket"),
    Heading("samarbejde.koordinering_titel", 2),
    Text("samarbejde.koordinering"),
    If("samarbejde.koordinering_bemaerkning", [Text("samarbejde.koordinering_bemaerkning")]),
    Fields("samarbejde.vedlagt"),
    Heading("samarbejde.klient_titel", 2),
    Text("samarbejde.deltaget"),
    If("samarbejde.deltaget_bemaerkning", [Text("samarbejde.deltaget_bemaerkning")]),
    Text("samarbejde.informeret"),
    # the date and the handleplansansvarlig's signature end the plan
    Heading("underskrift.titel", 2),
    Lines("underskrift.linjer"),
]

FOELGESKRIVELSE: list[Block] = [
    Banner("dok.banner"),
    Lines("modtager"),
    Fields("afsender"),
    Title("dok.overskrift"),
    Subtitle("dok.undertitel"),
    Heading("formaal.titel", 2),
    Text("formaal.tekst"),
    Text("formaal.forventninger_intro"),
    Bullets("formaal.forventninger"),
    Heading("klient.titel", 2),
    Fields("klient.felter"),
    Text("klient.situation"),
    Text("klient.oensker"),
    Table("omraader", {"omraade": 1.0, "anmodning": 4.0}),
    Heading("datoer.titel", 2),
    Fields("datoer.felter"),
    If("loesladelsesdag.tekst", [
        Heading("loesladelsesdag.titel", 2),
        Text("loesladelsesdag.tekst"),
    ]),
    Heading("handleplan.titel", 2),
    Text("handleplan.tekst"),
    Heading("hjemmel.titel", 2),
    Text("hjemmel.tekst"),
    Text("hjemmel.kommunen"),
    Heading("orientering.titel", 2),
    Text("orientering.tekst"),
    Heading("kontakt.titel", 2),
    Text("kontakt.tekst"),
    Table("kontakt.tabel", _STAFF, title_level=0),
    Lines("hilsen"),
]

TJEKLISTE: list[Block] = [
    Banner("dok.banner"),
    Title("dok.overskrift"),
    Subtitle("dok.undertitel"),
    Fields("sag.felter"),
    Note("maalgruppe"),
    Table("trin", {"trin": 0.5, "tekst": 2.7, "ansvarlig": 0.8, "dato": 1.0, "status": 0.9,
                   "begrundelse": 2.9}, title_level=0),
    If("noter", [Heading("noter_titel", 2), Bullets("noter")]),
]

# The afgangsbedømmelse at release (Mål- og resultatplan 2015; gldocs.afgang.dokument).
AFGANGSBEDOEMMELSE: list[Block] = [
    Banner("dok.banner"),
    Title("dok.overskrift"),
    Subtitle("dok.undertitel"),
    Heading("klient.titel"),
    Fields("klient.felter"),
    Heading("elementer.titel"),
    Table("elementer.tabel", {"element": 1.3, "situation": 1.8, "paa_plads": 0.7,
                              "bemaerkning": 2.6}, title_level=0),
    Fields("elementer.felter"),
    Heading("kommune.titel"),
    Fields("kommune.felter"),
    If("kommune.note", [Text("kommune.note")]),
    Heading("grundlag.titel"),
    Text("grundlag.tekst"),
    Table("medarbejdere", _STAFF),
]

# The kommune's copy: the three parts, the consent, the deadline to object, whom to answer.
AFGANG_KOMMUNE: list[Block] = [
    Banner("dok.banner"),
    Lines("modtager"),
    Fields("afsender"),
    Title("dok.overskrift"),
    Subtitle("dok.undertitel"),
    Text("indledning"),
    Fields("klient"),
    ForEach("dele", "del", [Heading("del.titel", 2), Fields("del.felter")]),
    Heading("samtykke.titel", 2),
    Text("samtykke.tekst"),
    Heading("indsigelse.titel", 2),
    Text("indsigelse.tekst"),
    Heading("svar.titel", 2),
    Text("svar.tekst"),
    Table("svar.tabel", _STAFF, title_level=0),
    Lines("hilsen"),
]

LAYOUTS: dict[str, list[Block]] = {"handleplan": HANDLEPLAN, "foelgeskrivelse": FOELGESKRIVELSE,
                                   "tjekliste": TJEKLISTE,
                                   "afgangsbedoemmelse": AFGANGSBEDOEMMELSE,
                                   "afgang_kommune": AFGANG_KOMMUNE}


def resolve(context: dict[str, object], path: str) -> object:
    """The value at a dotted ``path`` in ``context`` (KeyError when missing)."""
    value: object = context
    for step in path.split("."):
        if not isinstance(value, dict):
            raise KeyError(path)
        value = value[step]
    return value
