"""Shared helpers for the render tests: sample cases, cached renders, text read-back."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import docx
import pypdf
from docx.table import Table

from gldocs.case import Case, load_case
from gldocs.paths import SAMPLES_DIR
from gldocs.render import render_document

SAMPLE_FILES: list[Path] = sorted(SAMPLES_DIR.glob("*.yaml"))
SAMPLE_IDS = [p.stem for p in SAMPLE_FILES]
MAIN = "afsoner-proeveloesladelse"

PARTS = [
    "1. Stamoplysninger",
    "2. Beskrivelse",
    "3. Årsager til kriminalitet",
    "4. Vurdering og indsatsområder",
    "5. Samarbejdspartnere",
]


@cache
def sample(name: str) -> Case:
    return load_case(SAMPLES_DIR / f"{name}.yaml")


@cache
def rendered(name: str, doc: str, fmt: str) -> bytes:
    return render_document(sample(name), doc, fmt)


def docx_paragraphs(data: bytes) -> list[str]:
    """Body paragraphs in order, table cells included where the table stands."""
    d = docx.Document(io.BytesIO(data))
    out: list[str] = []
    for block in d.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                out.extend(cell.text for cell in row.cells)
        else:
            out.append(block.text)
    return out


def docx_text(data: bytes) -> str:
    return "\n".join(docx_paragraphs(data))


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def squash(text: str) -> str:
    """Whitespace-insensitive form for comparing text across formats."""
    return re.sub(r"\s+", "", text)


def in_order(text: str, needles: list[str]) -> bool:
    pos = -1
    for needle in needles:
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return False
    return True
