"""The one template context both formats are rendered from.

:func:`build_context` turns a case into plain data (dicts, lists, strings, booleans) that
holds every word of the document: headings, labels, legal statements and the case data,
dates already written the Danish way. The DOCX templates (``templates/*.docx``) and the
PDF layout (``pdf.py``) only arrange it, so the two formats can never disagree.

Shapes used throughout (the templates rely on them):

- a *field list* is ``[{"label": "Navn:", "vaerdi": "..."}]``, shown as ``Navn: ...``;
- a *table* is ``{"titel", "kolonner": {key: heading}, "raekker": [{key: text}], "tom"}``,
  where ``tom`` is the sentence shown instead of an empty table.

The context holds no ``None``: absent optional data is left out of field lists, and
empty text is ``""``. Every string is cleaned of characters that XML cannot carry.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from gldocs.case.model import Case
from gldocs.dates import format_dato
from gldocs.render.fields import enhed
from gldocs.render.foelgeskrivelse import foelgeskrivelse_context
from gldocs.render.handleplan import handleplan_context
from gldocs.render.names import DOCS, document_title, reference_of

# The header of every page: an unredacted document is internal; a redacted copy says for
# whom and on which grounds it was redacted (see gldocs.redact.marks.redacted_header).
INTERNAL_MARK = "Intern – ikke til videregivelse"
FORTROLIGT = "Fortroligt"  # the følgeskrivelse is written for the municipality

# Control characters XML 1.0 cannot carry (tab and newline are handled separately).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A single line break inside a paragraph (YAML block text is wrapped for the editor),
# unless the next line starts a list item.
_SOFT_BREAK = re.compile(r"(?<!\n)[ ]*\n(?!\n)(?![ ]*(?:[-*•]|\d+[.)])\s)[ ]*")
_PARAGRAPH_BREAK = re.compile(r"[ ]*\n(?:[ ]*\n)+[ ]*")


def build_context(case: Case, doc: str, banner: str | None = None,
                  today: date | None = None, *, begraenset: bool = False,
                  mark: str | None = None) -> dict[str, Any]:
    """The template context of ``doc`` ("handleplan" or "foelgeskrivelse") for ``case``.

    ``banner`` (e.g. "IKKE TIL VIDEREGIVELSE") is printed prominently at the top.
    ``mark`` is the header line of a redacted copy ("Redigeret til Aarhus Kommune efter
    rhl. §§ 9-10 · 6. december 2026"), also in the title metadata; without it the header
    says :data:`INTERNAL_MARK`.
    ``today`` dates the følgeskrivelse (default: today); ``begraenset`` says that it goes
    with the plan as redacted for the municipality (only then may it say so). Raises
    :class:`~gldocs.errors.RefusedError` for a følgeskrivelse the law does not call for.
    """
    if doc not in DOCS:
        raise ValueError(f"ukendt dokument: {doc!r}")
    if doc == "handleplan":
        ctx = handleplan_context(case)
    else:
        ctx = foelgeskrivelse_context(case, today or date.today(), begraenset)
    ctx["dok"] = {**document_block(case, doc, banner, mark), **ctx.get("dok", {})}
    result: dict[str, Any] = clean(ctx)
    return summarise_redacted_tables(result) if mark else result


def document_block(case: Case, doc: str, banner: str | None,
                   mark: str | None = None) -> dict[str, Any]:
    """Title, header and footer texts shared by both documents."""
    st = case.stamoplysninger
    hp = st.handleplan
    title = document_title(case, doc)
    return {
        "art": doc,
        "titel": title,
        "reference": reference_of(case),
        # only the følgeskrivelse is written for the municipality; every other document
        # (handleplan, tjekliste) is internal
        "fortroligt": mark or (FORTROLIGT if doc == "foelgeskrivelse" else INTERNAL_MARK),
        "metadata_titel": f"{title} · {mark}" if mark else title,
        "banner": (banner or "").strip(),
        "sidehoved": title,
        "sidefod": f"{title} · version {hp.version} af {format_dato(hp.dato)}",
        "afsender": enhed(case),
    }


# A cell that holds nothing but redaction markers ("[pårørende]", "[udeladt: rhl. § 10]").
_ONLY_MARKERS = re.compile(r"^\s*(?:\[[^\[\]]{1,60}\][\s,;.]*)*$")


def _is_table(value: Any) -> bool:
    return isinstance(value, dict) and {"titel", "kolonner", "raekker", "tom"} <= set(value)


def _emptied(row: dict[str, Any]) -> bool:
    """Nothing left but markers, or a person row whose name was removed (what is left of
    it, "Pårørende, mor", is about someone the municipality must not know of)."""
    if all(_ONLY_MARKERS.match(str(cell)) for cell in row.values()):
        return True
    return "navn" in row and bool(_ONLY_MARKERS.match(str(row["navn"])))


def summarise_redacted_tables(value: Any) -> Any:
    """A redacted copy leaves no table rows of markers only.

    A row whose every cell is a marker (or empty), or whose ``navn`` was removed, is
    dropped and the table's title says how many; a table left without rows says so
    instead of listing markers ("Private personer i sagen" with only "[pårørende]" rows
    tells the municipality nothing it may have).
    """
    if isinstance(value, list):
        return [summarise_redacted_tables(v) for v in value]
    if not isinstance(value, dict):
        return value
    if not _is_table(value):
        return {k: summarise_redacted_tables(v) for k, v in value.items()}
    rows = value["raekker"]
    kept = [row for row in rows if not _emptied(row)]
    dropped = len(rows) - len(kept)
    if not dropped:
        return value
    rows_word = "række" if dropped == 1 else "rækker"
    if kept:  # the title says what is missing
        return {**value, "raekker": kept,
                "titel": f"{value['titel']} ({dropped} {rows_word} udeladt)".strip()}
    return {**value, "raekker": [],
            "tom": f"{dropped} {rows_word} udeladt i denne udgave (rhl. §§ 9-10)."}


def clean(value: Any) -> Any:
    """Recursively make every string safe for XML and PDF markup-free layout."""
    if isinstance(value, str):
        text = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
        text = _XML_INVALID.sub("", text).strip("\n ")
        return _SOFT_BREAK.sub(" ", _PARAGRAPH_BREAK.sub("\n\n", text))
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean(v) for v in value]
    if isinstance(value, bool | int | float):
        return value
    raise TypeError(f"konteksten må kun indeholde tekst, tal, lister og ordbøger: {value!r}")


def context_fields(ctx: Any, prefix: str = "") -> set[str]:
    """Every path in a context, in the notation of :func:`gldocs.render.docx.template_fields`
    (``stam.felter``, ``stam.felter[]``, ``stam.felter[].label`` ...)."""
    out: set[str] = set()
    if isinstance(ctx, dict):
        for key, value in ctx.items():
            path = f"{prefix}.{key}" if prefix else key
            out.add(path)
            out |= context_fields(value, path)
    elif isinstance(ctx, list):
        out.add(f"{prefix}[]")
        for item in ctx:
            out |= context_fields(item, f"{prefix}[]")
    return out
