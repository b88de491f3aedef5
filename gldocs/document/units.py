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
UNKNOWN = "unknown"  # text outside the known parts: analysed at the strictest settings

SECTION_TITLES: dict[str, str] = {
    "stamoplysninger": "Stamoplysninger",
    "beskrivelse": "Beskrivelse",
    "aarsager": "Årsager til kriminalitet",
    "vurdering": "Vurdering og indsatsområder",
    "samarbejdspartnere": "Samarbejdspartnere",
    UNKNOWN: "Anden tekst",
}


@dataclass(frozen=True)
class TextUnit:
    """One piece of text and where it lives.

    ``section`` is one of :data:`SECTIONS` or :data:`UNKNOWN`. ``path`` locates the text
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
