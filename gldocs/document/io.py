"""Read any supported input into text units, and write edited units back.

    read_document(path) -> SourceDocument
    write_document(doc, edits, out, banner=None)

Inputs by suffix: ``.txt``, ``.docx``, ``.pdf`` (with a text layer) and case files
(``.yaml``/``.yml``). The output format follows ``out``'s suffix: the input's own format, or
``.txt`` from anything; a case file can also be written as ``.docx``/``.pdf`` (re-rendered
handleplan) or ``.yaml`` (the redacted case). Anything else is refused before writing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from gldocs.document.base import SourceDocument, Writer
from gldocs.document.units import Edit
from gldocs.errors import DocumentError
from gldocs.limits import MB, current, refuse

INPUT_SUFFIXES: dict[str, str] = {
    ".txt": "txt", ".docx": "docx", ".pdf": "pdf", ".yaml": "case", ".yml": "case",
}
# kind -> output suffixes it can be written as
OUTPUT_SUFFIXES: dict[str, tuple[str, ...]] = {
    "txt": (".txt",),
    "docx": (".docx", ".txt"),
    "pdf": (".pdf", ".txt"),
    "case": (".yaml", ".yml", ".docx", ".pdf", ".txt"),
}
_KIND_NAMES = {"txt": "tekstfil", "docx": "Word-dokument", "pdf": "PDF", "case": "sagsfil"}


def document_kind(path: Path) -> str:
    """The input kind of ``path`` by its suffix; DocumentError for anything else."""
    kind = INPUT_SUFFIXES.get(Path(path).suffix.lower())
    if kind is None:
        known = ", ".join(sorted(INPUT_SUFFIXES))
        raise DocumentError(
            f"Filen {path} har en filtype, der ikke kan redigeres ({Path(path).suffix or 'ingen'}"
            f"). Understøttede filtyper: {known}."
        )
    return kind


def read_document(path: Path) -> SourceDocument:
    """Read ``path`` into a :class:`SourceDocument` with section-labelled units."""
    path = Path(path)
    kind = document_kind(path)
    if not path.is_file():
        raise DocumentError(f"Filen {path} er ikke en almindelig fil (fx en mappe, en enhed "
                            "eller et rør)." if path.exists() else f"Filen {path} findes ikke.")
    lim = current()
    size = path.stat().st_size
    if size > lim.file_mb * MB:
        raise refuse(f"Filen {path.name}", "file_mb", f"{size // MB} MB", f"{lim.file_mb} MB")
    if kind == "txt":
        from gldocs.document.txt import read_txt

        return check_units(read_txt(path))
    if kind == "docx":
        from gldocs.document.docx import read_docx

        return check_units(read_docx(path))
    if kind == "pdf":
        from gldocs.document.pdf import read_pdf

        _check_pages(path)
        return check_units(read_pdf(path))
    from gldocs.document.case_doc import read_case_document

    return check_units(read_case_document(path))


def check_units(doc: SourceDocument) -> SourceDocument:
    """Refuse a document beyond the limits on text units and characters per unit (a line of
    a million characters would otherwise reach the NER model and fail there)."""
    lim = current()
    if len(doc.units) > lim.paragraphs:
        raise refuse(f"Dokumentet {doc.path.name}", "paragraphs",
                     f"{len(doc.units)} afsnit/linjer", lim.paragraphs)
    longest = max(doc.units, key=lambda u: len(u.text), default=None)
    if longest is not None and len(longest.text) > lim.line_chars:
        raise refuse(f"Et afsnit i {doc.path.name} ({longest.path})", "line_chars",
                     f"{len(longest.text)} tegn", lim.line_chars)
    return doc


def _check_pages(path: Path) -> None:
    """Refuse a PDF with more pages than the limit before its text is extracted."""
    from pypdf import PdfReader

    try:
        pages = len(PdfReader(path, strict=False).pages)
    except Exception:
        return
    lim = current()
    if pages > lim.pages:
        raise refuse(f"PDF-filen {path.name}", "pages", f"{pages} sider", lim.pages)


def check_output(kind: str, source: Path, out: Path) -> None:
    """DocumentError unless an input of ``kind`` can be written as ``out`` (by suffix)."""
    allowed = OUTPUT_SUFFIXES.get(kind, ())
    if out.suffix.lower() not in allowed:
        raise DocumentError(
            f"En {_KIND_NAMES.get(kind, kind)} ({Path(source).name}) kan ikke skrives som "
            f"'{out.suffix or out.name}'. Mulige filtyper: {', '.join(allowed)}."
        )


def _writer(doc: SourceDocument, out: Path) -> Writer:
    suffix = out.suffix.lower()
    check_output(doc.kind, doc.path, out)
    if doc.kind == "case":
        from gldocs.document.case_doc import write_case_document

        return write_case_document
    if suffix == ".txt":
        return _write_plain_text
    if doc.kind == "docx":
        from gldocs.document.docx import write_docx

        return write_docx
    from gldocs.document.pdf import write_pdf

    return write_pdf


def _write_plain_text(doc: SourceDocument, edits: Mapping[str, Sequence[Edit]], out: Path,
                      banner: str | None = None, *, header: str | None = None,
                      keep_images: bool = False) -> None:
    from gldocs.document.txt import write_txt

    if doc.kind == "docx":
        from gldocs.document.docx import body_units

        doc = SourceDocument(path=doc.path, kind=doc.kind, units=list(body_units(doc)),
                             client_name=doc.client_name, client_cpr=doc.client_cpr)
    write_txt(doc, edits, out, banner, header=header)


def write_document(doc: SourceDocument, edits: Mapping[str, Sequence[Edit]], out: Path,
                   banner: str | None = None, *, header: str | None = None,
                   keep_images: bool = False) -> None:
    """Write ``doc`` with ``edits`` applied to ``out``; the format follows ``out``'s suffix.

    ``edits`` maps unit paths to the edits of that unit. ``header`` is the line that names
    the recipient of a redacted copy (on every page and in the title metadata);
    ``keep_images`` keeps a PDF's pictures (re-encoded) instead of "[billede udeladt]".
    Writing is atomic: on any error nothing is left at ``out``. Notes the writer has for
    the caseworker (characters that could not be drawn, images left out) are put in
    ``doc.meta["output_notes"]``.
    """
    out = Path(out)
    known = {u.path for u in doc.units}
    stray = sorted(p for p, e in edits.items() if e and p not in known)
    if stray:
        raise DocumentError(
            f"Redigeringerne henviser til tekststykker, der ikke findes i {doc.path.name}: "
            f"{', '.join(stray[:5])}."
        )
    doc.meta["output_notes"] = []
    _writer(doc, out)(doc, edits, out, banner, header=header, keep_images=keep_images)
