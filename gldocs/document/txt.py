"""Plain text documents: one text unit per line (``line1``, ``line2``, …).

The writer works for any :class:`SourceDocument` (every format can be written as .txt): it
applies the edits unit by unit and joins the units with newlines.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from gldocs.atomic import write_text_atomic
from gldocs.document.base import SourceDocument, read_input_bytes
from gldocs.document.sections import find_client, label_lines
from gldocs.document.units import Edit, TextUnit, apply_edits
from gldocs.errors import DocumentError


def units_from_text(text: str) -> list[TextUnit]:
    """Split ``text`` into labelled line units."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    labels = label_lines(lines)
    return [TextUnit(section=lab, path=f"line{i}", text=ln)
            for i, (ln, lab) in enumerate(zip(lines, labels, strict=True), start=1)]


def read_txt(path: Path) -> SourceDocument:
    """Read a UTF-8 text file (a BOM and CRLF line ends are accepted)."""
    path = Path(path)
    raw = read_input_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"Filen {path} er ikke gyldig UTF-8-tekst (byte {exc.start})."
        ) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    units = units_from_text(text)
    name, cpr = find_client([u.text for u in units])
    return SourceDocument(path=path, kind="txt", units=units, client_name=name,
                          client_cpr=cpr)


def render_txt(doc: SourceDocument, edits: Mapping[str, Sequence[Edit]],
               banner: str | None = None, header: str | None = None) -> str:
    """The text of ``doc`` with ``edits`` applied (``header`` and ``banner`` first)."""
    lines = [apply_edits(u.text, list(edits.get(u.path, ()))) for u in doc.units]
    top = [line for line in (banner, header) if line]
    if top:
        lines = [*top, "", *lines]
    return "\n".join(lines) + "\n"


def write_txt(doc: SourceDocument, edits: Mapping[str, Sequence[Edit]], out: Path,
              banner: str | None = None, *, header: str | None = None,
              keep_images: bool = False) -> None:
    """Write ``doc`` with ``edits`` applied to ``out`` as UTF-8 text, atomically."""
    write_text_atomic(Path(out), render_txt(doc, edits, banner, header))
