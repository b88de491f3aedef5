"""Text units: the common currency between readers, the redactor and writers."""

from __future__ import annotations

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
