"""Text units: the common currency between readers, the redactor and writers."""

from __future__ import annotations

import re
from dataclasses import dataclass

# The five parts of a handleplan (handleplansvejledningen pkt. 23-28), in order.
SECTIONS: tuple[str, ...] = (
    "stamoplysninger",
    "beskrivelse",
    "aarsager",
    "vurdering",
    "samarbejdspartnere",
)
# Parts of a case file that are not one of the five: they have their own label, so that
# a report and the review page name them right and a policy can give them their own rule.
CASE_SECTIONS: tuple[str, ...] = (
    "personer",               # private persons in the case (rendered in part 5)
    "koordineringsomraader",  # what the municipality is asked to coordinate, per area
    "afgang",                 # the afgangsbedømmelse's notes (sent to the kommune too)
)
UNKNOWN = "unknown"  # text outside the known parts: analysed at the strictest settings
# Every label a text unit may carry.
SECTION_LABELS: tuple[str, ...] = (*SECTIONS, *CASE_SECTIONS, UNKNOWN)
# The parts about coordination with partners: a "Nøgle: Navn" line there names a contact
# (a professional), and a phone number in such a line is that contact's.
COORDINATION_SECTIONS: frozenset[str] = frozenset(
    {"samarbejdspartnere", "koordineringsomraader", "afgang"})

SECTION_TITLES: dict[str, str] = {
    "stamoplysninger": "Stamoplysninger",
    "beskrivelse": "Beskrivelse",
    "aarsager": "Årsager til kriminalitet",
    "vurdering": "Vurdering og indsatsområder",
    "samarbejdspartnere": "Samarbejdspartnere",
    "personer": "Private personer i sagen",
    "koordineringsomraader": "Koordineringsområder",
    "afgang": "Afgangsbedømmelse",
    UNKNOWN: "Anden tekst",
}


@dataclass(frozen=True)
class TextUnit:
    """One piece of text and where it lives.

    ``section`` is one of :data:`SECTION_LABELS`: a handleplan part, a case-only part
    (:data:`CASE_SECTIONS`) or :data:`UNKNOWN`. ``path`` locates the text
    in its source: a case field (``beskrivelse.bolig``), a .docx paragraph
    (``word/document.xml#p12``), a PDF line (``page2/line14``) or a .txt line (``line7``).
    """

    section: str
    path: str
    text: str


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` of one unit with ``replacement`` (a visible marker)."""

    start: int
    end: int
    replacement: str


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits to ``text`` (in any order)."""
    out: list[str] = []
    pos = 0
    for e in sorted(edits, key=lambda e: e.start):
        if e.start < pos:
            raise ValueError(f"overlapping edits at {e.start}")
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


# What the usual parts of a Word package are, for a caseworker reading a place name. Only a
# label: a part is found and classified by its relationships and content type
# (gldocs.document.docx_package), never by this table.
_PART_LABELS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"word/document\d*\.xml$"), "brødtekst"),
    (re.compile(r"word/header\d*\.xml$"), "sidehoved"),
    (re.compile(r"word/footer\d*\.xml$"), "sidefod"),
    (re.compile(r"word/comments\w*\.xml$"), "kommentarer"),
    (re.compile(r"word/footnotes\.xml$"), "fodnoter"),
    (re.compile(r"word/endnotes\.xml$"), "slutnoter"),
    (re.compile(r"word/glossary/"), "byggeblokke"),
    (re.compile(r"docProps/core\.xml$"), "dokumentegenskaber"),
    (re.compile(r"docProps/app\.xml$"), "programegenskaber"),
    (re.compile(r"docProps/custom\.xml$"), "brugerdefinerede egenskaber"),
    (re.compile(r"customXml/"), "indlejrede XML-data"),
    (re.compile(r"_rels/.*\.rels$"), "relationer og links"),
    (re.compile(r"word/embeddings/"), "indlejret objekt"),
    (re.compile(r"word/media/"), "billede"),
)


def part_label(part: str) -> str | None:
    """The Danish name of a Word package part (``word/footer1.xml`` -> "sidefod"), or None."""
    return next((label for pattern, label in _PART_LABELS if pattern.search(part)), None)
