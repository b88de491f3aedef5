"""The reader/writer contract every input format follows.

    read_document(path) -> SourceDocument           (gldocs.document.io)
    write_document(doc, edits, out, banner=None, *, header=None, keep_images=False)

A reader turns a file into :class:`TextUnit` s with section labels; a writer takes the
per-unit edits the redactor decided on and produces the output file: a .txt is rewritten,
a .docx is patched in place keeping its formatting, a PDF is re-typeset clean, a case file
is redacted at field level and re-rendered. ``out``'s suffix picks the output format
(``.txt`` is always possible). ``banner`` (e.g. "IKKE TIL VIDEREGIVELSE") is put visibly
at the top of the output when given; ``header`` (who a redacted copy is for) goes on every
page and into the title metadata.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from gldocs.document.units import Edit, TextUnit
from gldocs.errors import DocumentError
from gldocs.sprog import os_fejl


@dataclass
class SourceDocument:
    path: Path
    kind: str  # "txt", "docx", "pdf" or "case"
    units: list[TextUnit]
    client_name: str | None = None  # from Stamoplysninger (Navn:) when found
    client_cpr: str | None = None  # from Stamoplysninger (CPR-nr.:) when found
    handle: Any = None  # format-specific state the writer needs (parsed docx, case model…)
    meta: dict[str, Any] = field(default_factory=dict)


def read_input_bytes(path: Path) -> bytes:
    """The bytes of the input file ``path``; DocumentError (in Danish, naming the file and
    why) when it cannot be read."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise DocumentError(f"Filen {path} kan ikke læses: {os_fejl(exc)}.") from exc


class Writer(Protocol):
    def __call__(self, doc: SourceDocument, edits: Mapping[str, Sequence[Edit]], out: Path,
                 banner: str | None = None, *, header: str | None = None,
                 keep_images: bool = False) -> None: ...
