"""Case files (.yaml) as text units, redacted at field level and re-rendered.

Reader: every text value of the case (``iter_text_fields``: free text, names, phone
numbers, addresses, CPR numbers, the private persons under ``personer``) is one unit; its
path is the field path (``beskrivelse.bolig``, ``personer[0].navn``) and its section comes
from the case model. Its text is the field as the rendered documents show it (lines that
YAML wrapped are joined). The client is the case's own ``stamoplysninger``; ``meta["people"]``
holds :func:`gldocs.case.people.case_people` (client, staff, private persons) for the
redactor.

Writer: the edits are applied field by field (``with_text_fields``) and the redacted case
is written as the out suffix asks: ``.docx``/``.pdf`` re-rendered as a handleplan with the
render templates, ``.txt`` as a plain-text handleplan (the same layout and words as the
rendered documents), ``.yaml`` as the redacted case file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from gldocs.atomic import write_bytes_atomic
from gldocs.case import Case, dump_case, iter_text_fields, load_case, with_text_fields
from gldocs.case.people import case_people
from gldocs.document.base import SourceDocument
from gldocs.document.units import Edit, TextUnit, apply_edits
from gldocs.errors import DocumentError

RENDERED_DOC = "handleplan"


def read_case_document(path: Path) -> SourceDocument:
    """Load a case file (CaseFileError when it does not validate) into field units."""
    path = Path(path)
    return case_document(load_case(path), path)


def case_document(case: Case, path: Path) -> SourceDocument:
    """A case (also a redacted one, whose fields may hold markers) as field units."""
    from gldocs.render.context import clean as shown_text

    # the text as the rendered documents show it: YAML's wrapped lines joined, so a name
    # broken over two lines in the file is one piece of text for the redactor
    units = [TextUnit(section=section, path=field, text=shown_text(text))
             for field, section, text in iter_text_fields(case)]
    units = [u for u in units if u.text]
    st = case.stamoplysninger
    return SourceDocument(
        path=path, kind="case", units=units, client_name=st.navn, client_cpr=str(st.cpr),
        handle=case,
        meta={"areas": [area.policy_navn for area in case.koordineringsomraader_liste],
              "people": case_people(case)},
    )


def redacted_case(doc: SourceDocument, edits: Mapping[str, Sequence[Edit]]) -> Case:
    """A copy of the case with every edited field replaced by its edited text."""
    texts = {u.path: u.text for u in doc.units}
    replacements = {path: apply_edits(texts[path], list(unit_edits))
                    for path, unit_edits in edits.items() if unit_edits}
    try:
        return with_text_fields(doc.handle, replacements)
    except KeyError as exc:
        raise DocumentError(f"Feltet {exc.args[0]} findes ikke som tekst i sagsfilen "
                            f"{doc.path}.") from exc


def case_yaml(case: Case, banner: str | None = None, header: str | None = None) -> str:
    """The redacted case as YAML, with the header and banner as comments on top."""
    head = "".join(f"# {line}\n" for line in (banner, header) if line)
    return head + dump_case(case)


def handleplan_text(case: Case, banner: str | None = None, header: str | None = None) -> str:
    """The handleplan as plain text: the rendered documents' layout and words, line by line."""
    from gldocs.render.context import build_context
    from gldocs.render.layout import LAYOUTS

    ctx = build_context(case, RENDERED_DOC, banner, mark=header)
    lines: list[str] = [ctx["dok"]["fortroligt"], ""]
    _text_blocks(LAYOUTS[RENDERED_DOC], ctx, lines)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def _para(lines: list[str], text: str, blank_before: bool = False) -> None:
    if blank_before and lines and lines[-1]:
        lines.append("")
    lines.extend(str(text).split("\n"))


def _text_blocks(blocks: Sequence[Any], scope: Mapping[str, Any], lines: list[str]) -> None:
    from gldocs.render import layout as lay

    for block in blocks:
        value: Any = lay.resolve(dict(scope), block.path)
        if isinstance(block, lay.If | lay.ForEach) and not value:
            continue
        if isinstance(block, lay.If):
            _text_blocks(block.blocks, scope, lines)
        elif isinstance(block, lay.ForEach):
            for item in value:
                _text_blocks(block.blocks, {**scope, block.var: item}, lines)
        elif isinstance(block, lay.Banner | lay.Note):
            if value:
                _para(lines, value)
                lines.append("")
        elif isinstance(block, lay.Title | lay.Subtitle):
            _para(lines, value)
        elif isinstance(block, lay.Heading):
            _para(lines, value, blank_before=True)
        elif isinstance(block, lay.Text):
            if value:
                _para(lines, value)
        elif isinstance(block, lay.Fields):
            lines.extend(f"{f['label']} {f['vaerdi']}" for f in value)
        elif isinstance(block, lay.Lines):
            lines.extend(str(v) for v in value)
        elif isinstance(block, lay.Bullets):
            lines.extend(f"- {v}" for v in value)
        elif isinstance(block, lay.Table):
            _table_text(block, value, lines)
        else:  # a block type added to the layout later: fail loudly, never drop text
            raise DocumentError(f"Tekstudgaven kender ikke layoutblokken {type(block).__name__}.")


def _table_text(block: Any, table: Mapping[str, Any], lines: list[str]) -> None:
    if block.title_level and table.get("titel"):
        _para(lines, table["titel"], blank_before=True)
    rows = table.get("raekker") or []
    if not rows:
        if table.get("tom"):
            lines.append(table["tom"])
        return
    columns: Mapping[str, str] = table["kolonner"]
    for row in rows:
        cells = [f"{heading}: {row[key]}" for key, heading in columns.items() if row.get(key)]
        lines.append("- " + "; ".join(cells))


def render_case(case: Case, fmt: str, banner: str | None = None,
                header: str | None = None) -> bytes:
    """The redacted case as a rendered handleplan in ``fmt`` ("docx" or "pdf")."""
    from gldocs.render import render_document

    data = render_document(case, RENDERED_DOC, fmt, banner=banner, mark=header)
    if fmt == "docx":
        from gldocs.document.docx import clean_docx

        data = clean_docx(data, f"{RENDERED_DOC}.docx", title=header)
    return data


def write_case_document(doc: SourceDocument, edits: Mapping[str, Sequence[Edit]],
                        out: Path, banner: str | None = None, *, header: str | None = None,
                        keep_images: bool = False) -> None:
    """Write the field-level redacted case to ``out`` (.yaml/.yml, .txt, .docx or .pdf)."""
    out = Path(out)
    case = redacted_case(doc, edits)
    suffix = out.suffix.lower()
    if suffix in (".yaml", ".yml"):
        data = case_yaml(case, banner, header).encode("utf-8")
    elif suffix == ".txt":
        data = handleplan_text(case, banner, header).encode("utf-8")
    elif suffix in (".docx", ".pdf"):
        data = render_case(case, suffix[1:], banner, header)
    else:
        raise DocumentError(f"En sagsfil kan ikke skrives som '{out.suffix}'. Mulige "
                            "filtyper: .yaml, .yml, .txt, .docx, .pdf.")
    write_bytes_atomic(out, data)
