"""Word documents (.docx): paragraphs as text units, and an in-place redacting writer.

Reader: the package is opened through its relationships and content types
(:mod:`gldocs.document.docx_package`), so a header is a header whatever it is called. Every
paragraph of the main document (tables and text boxes included), the headers, footers,
footnotes, endnotes and comments becomes a unit. Its path is ``<part>#p<n>``
(``word/document.xml#p12``: the 13th ``w:p`` of that part in document order). The text is
what Word shows: runs joined across their boundaries, symbols (``w:sym``) and Office Math
(``m:t``) included, tracked insertions accepted, tracked deletions and hidden text
(``w:vanish``) left out, ``mc:AlternateContent`` read as its Fallback (the Choice goes).

Writer: works on the raw package (every reached part is kept unless it must go), so
formatting survives. Per unit, each edit replaces the covered characters across runs: the
marker goes into the first affected run, the other runs are trimmed. Afterwards everything
around the text is cleaned (:mod:`gldocs.document.docx_clean`): hidden text, tracked changes,
comments, hyperlink targets, field codes (a DATE picture with literal text too), alt text,
content-control labels, table captions, smart-tag attributes, stray text outside runs,
list level texts, user style names, document properties, custom XML, thumbnails, external
relationships, picture metadata anywhere in the package (EMF/WMF/WebP included); parts no
relationship reaches are dropped. Macros, embedded objects, charts, SmartArt and content
pulled in from other files hold text the writer cannot redact, so such documents are
refused (fail closed).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from gldocs.atomic import write_bytes_atomic
from gldocs.document.base import SourceDocument, read_input_bytes
from gldocs.document.docx_clean import (
    TEXT_HOLDERS,
    clean_package,
    clean_text_part,
    prepare_part,
    rename_styles,
    user_style_ids,
)
from gldocs.document.docx_package import Package, open_zip, read_package
from gldocs.document.docx_xml import (
    M_NS,
    MC_NS,
    W_NS,
    XML_SPACE,
    P,
    R,
    T,
    hidden_styles,
    is_hidden_run,
    parse_part,
    serialise,
    w,
)
from gldocs.document.sections import find_client, label_lines
from gldocs.document.units import UNKNOWN, Edit, TextUnit, apply_edits
from gldocs.errors import DocumentError
from gldocs.limits import current, refuse
from gldocs.sprog import antal

_P, _R, _T = P, R, T
_SYM = w("sym")
_TEXT_TAGS = frozenset({T, f"{{{M_NS}}}t"})  # run text, Office Math text


def sym_char(sym: etree._Element) -> str:
    """The character a ``w:sym`` shows (symbol fonts map U+F0xx onto U+00xx)."""
    try:
        code = int(sym.get(w("char"), "0"), 16)
    except ValueError:
        return "\ufffd"
    if 0xF000 <= code <= 0xF0FF:
        code -= 0xF000
    return chr(code) if 0x20 <= code < 0x110000 and not 0xD800 <= code < 0xE000 else "\ufffd"

_CHAR_NODES = {w("tab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-"}
# Subtrees that never count as visible paragraph text.
_SKIP = {w("del"), w("moveFrom"), w("rPr"), w("pPr"), w("instrText"), w("delText"),
         w("delInstrText"), f"{{{MC_NS}}}Choice", w("sdtPr")}


# --------------------------------------------------------------------------- text model

@dataclass
class _Seg:
    node: etree._Element  # a w:t, or a w:tab/w:br/w:cr/w:noBreakHyphen inside a run
    start: int
    text: str  # as the redactor sees it (see :func:`plain`)
    raw: tuple[int, ...] = ()  # for a w:t: index in node.text of each character of text

    def raw_offset(self, i: int) -> int:
        """Where character ``i`` of ``text`` sits in the node's own text."""
        if not self.raw:
            return i
        return self.raw[i] if i < len(self.raw) else len(self.node.text or "")


# Characters Word keeps in the text that would hide a word or number from the detectors:
# invisible ones are left out of the unit text, non-breaking spaces and hyphens are plain.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_PLAIN = {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2011": "-"}


def plain(raw_text: str) -> tuple[str, tuple[int, ...]]:
    """``raw_text`` as the redactor sees it, and where each of its characters came from."""
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(raw_text):
        if ch in _INVISIBLE:
            continue
        chars.append(_PLAIN.get(ch, ch))
        where.append(i)
    return "".join(chars), tuple(where)


def paragraph_segments(p: etree._Element, hidden: frozenset[str]) -> list[_Seg]:
    """The visible characters of paragraph ``p`` (nested text-box paragraphs excluded)."""
    segs: list[_Seg] = []
    pos = 0

    def walk(el: etree._Element) -> None:
        nonlocal pos
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP or tag == _P:
                continue
            if tag == _R and is_hidden_run(child, hidden):
                continue
            if tag in _TEXT_TAGS:
                text, where = plain(child.text or "")
                segs.append(_Seg(child, pos, text, where))
                pos += len(text)
            elif tag in _CHAR_NODES and el.tag == _R:
                segs.append(_Seg(child, pos, _CHAR_NODES[tag]))
                pos += 1
            elif tag == _SYM and el.tag == _R:
                segs.append(_Seg(child, pos, sym_char(child)))
                pos += 1
            else:
                walk(child)

    walk(p)
    return segs


def paragraph_text(p: etree._Element, hidden: frozenset[str]) -> str:
    return "".join(s.text for s in paragraph_segments(p, hidden))


# --------------------------------------------------------------------------- package

@dataclass
class DocxHandle:
    package: Package
    main: str
    parts: list[str]  # the parts that hold text units, main first


def _parse_text_part(pkg: Package, path: Path, part: str) -> etree._Element:
    return prepare_part(parse_part(pkg.parts[part], path, part))


# --------------------------------------------------------------------------- reader

# Elements whose own text Word may hold besides run text: positions and keywords of drawings.
# Text directly inside a run or paragraph (not shown by Word) is cleared on writing.
_TEXT_OK = TEXT_HOLDERS | {R, P, w("body")}
_LETTERS = re.compile(r"[^\W\d_]")


def _text_outside_runs(root: etree._Element) -> str | None:
    """The name of an element holding words the units would not show (fail closed)."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag not in _TEXT_OK and el.text and _LETTERS.search(el.text):
            return str(etree.QName(el).localname)
        if etree.QName(el).localname == "textpath" and el.get("string"):
            return "textpath"  # VML WordArt keeps its words in an attribute
    return None


def read_docx(path: Path) -> SourceDocument:
    """Read a .docx into labelled units (see the module docstring for paths)."""
    path = Path(path)
    return docx_from_bytes(read_input_bytes(path), path)


def clean_docx(data: bytes, name: str = "dokumentet", title: str | None = None) -> bytes:
    """A .docx made by someone else (e.g. rendered from a template), cleaned the same way;
    ``title`` replaces the neutral title in the core properties."""
    cleaned = redact_docx_bytes(docx_from_bytes(data, Path(name)), {})
    if not title:
        return cleaned
    from gldocs.document.docx_clean import core_xml

    pkg = open_zip(cleaned, Path(name))
    pkg["docProps/core.xml"] = core_xml(title)
    return _zip(pkg, pkg)


def docx_from_bytes(data: bytes, path: Path) -> SourceDocument:
    """Like :func:`read_docx` for a package in memory; ``path`` names it in messages."""
    pkg = read_package(data, path)
    main = pkg.main
    styles = pkg.styles_part()
    hidden = hidden_styles(pkg.parts[styles] if styles else None)
    parts = [main, *pkg.of_kind("text", "comments")]
    lim = current()
    count = 0
    body: list[tuple[str, str, int | None]] = []  # (unit path, text, table row)
    cells: list[int | None] = []  # per body paragraph: its table cell
    others: list[TextUnit] = []
    for part in parts:
        root = _parse_text_part(pkg, path, part)
        _check_part(root, path, part)
        rows = {tr: n for n, tr in enumerate(root.iter(w("tr")))}
        tcs = {tc: n for n, tc in enumerate(root.iter(w("tc")))}
        for i, p in enumerate(root.iter(_P)):
            count += 1
            if count > lim.paragraphs:
                raise refuse(f"Dokumentet {path.name}", "paragraphs", f"over {lim.paragraphs} "
                             "afsnit", lim.paragraphs)
            text = paragraph_text(p, hidden)
            if len(text) > lim.line_chars:
                raise refuse(f"Et afsnit i {path.name} ({part})", "line_chars",
                             f"{len(text)} tegn", lim.line_chars)
            unit_path = f"{part}#p{i}"
            if part == main:
                row = next((rows[tr] for tr in p.iterancestors(w("tr"))), None)
                body.append((unit_path, text, row))
                cells.append(next((tcs[tc] for tc in p.iterancestors(w("tc"))), None))
            elif text.strip():
                others.append(TextUnit(section=UNKNOWN, path=unit_path, text=text))
    table_lines, line_of = _table_rows_as_lines(body, cells)
    row_labels = label_lines(table_lines)
    units = [TextUnit(section=row_labels[line_of[k]], path=up, text=t)
             for k, (up, t, _) in enumerate(body)]
    units += others
    name, cpr = find_client(table_lines)
    if name is None and cpr is None:
        name, cpr = find_client(_row_lines(body))
    if name is None and cpr is None:
        name, cpr = find_client([u.text for u in others])
    images = len(pkg.of_kind("image", "svg"))
    meta: dict[str, object] = {}
    warnings: list[str] = []
    if images:
        warnings.append(
            f"Dokumentet indeholder {antal(images, 'billede', 'billeder')}; tekst i billeder "
            "kan ikke kontrolleres automatisk og skal gennemses manuelt.")
    if pkg.externals:
        warnings.append(
            f"Dokumentet har {antal(pkg.externals, 'ekstern henvisning', 'eksterne henvisninger')}"
            " (links eller billeder hentet fra en adresse); de fjernes i det redigerede "
            "dokument.")
    if warnings:
        meta["warnings"] = warnings
    return SourceDocument(path=path, kind="docx", units=units, client_name=name,
                          client_cpr=cpr, handle=DocxHandle(pkg, main, parts), meta=meta)


def _check_part(root: etree._Element, path: Path, part: str) -> None:
    """Refuse a part whose text the units would not show in full (fail closed)."""
    if etree.QName(root).namespace != W_NS:  # e.g. "Strict Open XML": nothing would match
        raise DocumentError(
            f"Dokumentet {path} er gemt i et Word-format, der ikke kan redigeres sikkert "
            f"({part} bruger {etree.QName(root).namespace}). Gem det som almindeligt "
            "Word-dokument (.docx), og prøv igen."
        )
    stray = _text_outside_runs(root)
    if stray is not None:
        raise DocumentError(
            f"Dokumentet {path} har tekst uden for almindelige afsnit ({stray} i {part}), "
            "fx WordArt eller tegningstekst, som ikke kan redigeres sikkert. Gør teksten "
            "til almindelig tekst, og prøv igen."
        )
    foreign = next(root.iter(w("altChunk"), w("subDoc")), None)
    if foreign is not None:
        raise DocumentError(
            f"Dokumentet {path} indeholder indsat indhold fra en anden fil "
            f"({etree.QName(foreign).localname} i {part}), hvis tekst ikke kan redigeres "
            "sikkert. Indsæt indholdet som almindelig tekst, og prøv igen."
        )


def _table_rows_as_lines(body: Sequence[tuple[str, str, int | None]],
                         cells: Sequence[int | None]) -> tuple[list[str], list[int]]:
    """The body as the lines a plain-text table would have: each table row of two or more
    cells on one line, its cells parted by bars ("| Navn: | Ib Ravn |"; a cell's
    paragraphs joined by a space), so that a Word table is read like the same table
    written in plain text (:mod:`gldocs.text.tables`: a two-column table of labels and
    values is the client's Stamoplysninger, its rows all in the part). Also, per body
    paragraph, the index of its line."""
    groups: list[list[tuple[int | None, str]]] = []
    line_of: list[int] = []
    last_row: int | None = None
    for (_, text, row), cell in zip(body, cells, strict=True):
        if row is None or row != last_row:
            groups.append([])
        groups[-1].append((cell, text))
        line_of.append(len(groups) - 1)
        last_row = row
    lines: list[str] = []
    for group, (_, _, row) in zip(groups, _first_of_each(body, line_of), strict=True):
        by_cell: dict[int | None, list[str]] = {}
        for cell, text in group:
            by_cell.setdefault(cell, []).append(text.strip())
        texts = [" ".join(t for t in ts if t) for ts in by_cell.values()]
        if row is None or len(texts) < 2:
            lines.append(" ".join(t for t in texts if t) if row is not None else group[0][1])
        else:
            lines.append("| " + " | ".join(texts) + " |")
    return lines, line_of


def _first_of_each(body: Sequence[tuple[str, str, int | None]], line_of: Sequence[int]
                   ) -> list[tuple[str, str, int | None]]:
    """The first body paragraph of each line."""
    out: list[tuple[str, str, int | None]] = []
    for k, entry in enumerate(body):
        if line_of[k] == len(out):
            out.append(entry)
    return out


def _row_lines(body: Sequence[tuple[str, str, int | None]]) -> list[str]:
    """The body as lines with each table row on one line ("Navn:" | "Ib Ravn" -> "Navn: Ib
    Ravn"), so Stamoplysninger kept in a table still name the client."""
    lines: list[str] = []
    last_row: int | None = None
    for _, text, row in body:
        if row is not None and row == last_row:
            lines[-1] = f"{lines[-1]} {text}".strip()
        else:
            lines.append(text)
        last_row = row
    return lines


# --------------------------------------------------------------------------- edits

def _set_text(t: etree._Element, text: str) -> None:
    t.text = text
    t.set(XML_SPACE, "preserve")


def _new_run(text: str) -> etree._Element:
    run = etree.Element(_R)
    run.append(_new_t(text))
    return run


def apply_paragraph_edits(p: etree._Element, edits: Sequence[Edit],
                          hidden: frozenset[str]) -> None:
    """Replace the edited spans of ``p`` across its runs, keeping run formatting."""
    segs = paragraph_segments(p, hidden)
    before = "".join(s.text for s in segs)
    expected = apply_edits(before, list(edits))  # validates bounds order and overlap
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        if not 0 <= e.start <= e.end <= len(before):
            raise ValueError(f"edit {e} outside paragraph of length {len(before)}")
        covered = [s for s in segs if s.start < e.end and s.start + len(s.text) > e.start]
        marker_placed = False
        for s in covered:
            lo, hi = max(e.start - s.start, 0), min(e.end - s.start, len(s.text))
            if s.node.tag in _TEXT_TAGS:
                cur = s.node.text or ""
                insert = "" if marker_placed else e.replacement
                lo_raw, hi_raw = s.raw_offset(lo), s.raw_offset(hi)
                _set_text(s.node, cur[:lo_raw] + insert + cur[hi_raw:])
                marker_placed = True
            else:
                # a tab or line break inside the span: removed (it is a single character)
                if not marker_placed:
                    s.node.addprevious(_new_t(e.replacement))
                    marker_placed = True
                s.node.getparent().remove(s.node)
        if not marker_placed and e.replacement:
            _insert_at(p, segs, e.start, e.replacement)
    after = paragraph_text(p, hidden)
    if after != expected:
        raise DocumentError("Redigeringen af et afsnit i Word-dokumentet mislykkedes "
                            "(teksten blev ikke som forventet); intet er skrevet.")


def _new_t(text: str) -> etree._Element:
    t = etree.Element(_T)
    _set_text(t, text)
    return t


def _insert_at(p: etree._Element, segs: list[_Seg], pos: int, text: str) -> None:
    """Insert ``text`` at character ``pos`` where no run text covers it."""
    prev = [s for s in segs if s.node.tag in _TEXT_TAGS and s.start + len(s.text) <= pos]
    if prev:
        node = prev[-1].node
        _set_text(node, (node.text or "") + text)
        return
    nxt = [s for s in segs if s.start >= pos]
    if nxt:
        nxt[0].node.addprevious(_new_t(text))
        return
    p.append(_new_run(text))


# --------------------------------------------------------------------------- cleaning

def _bold_paragraph(text: str, color: str, half_points: int,
                    centred: bool = False) -> etree._Element:
    """A paragraph of one bold run in ``color`` (hex) and size ``half_points``."""
    p = etree.Element(_P)
    if centred:
        ppr = etree.SubElement(p, w("pPr"))
        etree.SubElement(ppr, w("jc"), {w("val"): "center"})
    run = etree.SubElement(p, _R)
    rpr = etree.SubElement(run, w("rPr"))
    etree.SubElement(rpr, w("b"))
    etree.SubElement(rpr, w("color"), {w("val"): color})
    etree.SubElement(rpr, w("sz"), {w("val"): str(half_points)})
    _set_text(etree.SubElement(run, _T), text)
    return p


def _banner_paragraph(text: str) -> etree._Element:
    return _bold_paragraph(text, "C00000", 28, centred=True)


def _edits_by_part(edits: Mapping[str, Sequence[Edit]]) -> dict[str, dict[int, list[Edit]]]:
    out: dict[str, dict[int, list[Edit]]] = {}
    for unit_path, unit_edits in edits.items():
        if not unit_edits:
            continue
        part, sep, idx = unit_path.rpartition("#p")
        if not sep or not idx.isdigit():
            raise DocumentError(f"Ukendt placering i Word-dokumentet: {unit_path}.")
        out.setdefault(part, {})[int(idx)] = list(unit_edits)
    return out


def redact_docx_bytes(doc: SourceDocument, edits: Mapping[str, Sequence[Edit]],
                      banner: str | None = None, header: str | None = None) -> bytes:
    """The redacted and cleaned package as bytes (see the module docstring).

    ``header`` (who a redacted copy is for) is put at the top of every page header (or of
    the body when the document has no header) and is the title in the core properties.
    """
    handle: DocxHandle = doc.handle
    pkg = handle.package
    styles = pkg.styles_part()
    hidden = hidden_styles(pkg.parts[styles] if styles else None)
    style_ids = user_style_ids(*[pkg.parts[p] for p, k in pkg.kinds.items() if k == "styles"])
    by_part = _edits_by_part(edits)
    unknown = set(by_part) - set(handle.parts)
    if unknown:
        raise DocumentError(f"Redigeringer til ukendte dele af {doc.path}: "
                            f"{', '.join(sorted(unknown))}.")
    out: dict[str, bytes] = {}
    for part in handle.parts:
        if pkg.kinds.get(part) == "comments":
            continue  # comments never go out
        root = _parse_text_part(pkg, doc.path, part)
        paragraphs = list(root.iter(_P))
        for idx, para_edits in by_part.get(part, {}).items():
            if idx >= len(paragraphs):
                raise DocumentError(f"Afsnit {idx} findes ikke i {part} i {doc.path}.")
            apply_paragraph_edits(paragraphs[idx], para_edits, hidden)
        clean_text_part(root, hidden)
        rename_styles(root, style_ids)
        if banner and part == handle.main:
            body = root.find(w("body"))
            if body is not None:
                body.insert(0, _banner_paragraph(banner))
        if header and _is_header(pkg, part) and len(root):
            root.insert(0, _mark_paragraph(header))
        out[part] = serialise(root)
    if header and not any(_is_header(pkg, p) for p in handle.parts):
        root = parse_part(out[handle.main], doc.path, handle.main)
        body = root.find(w("body"))
        if body is not None:
            body.insert(0, _mark_paragraph(header))
            out[handle.main] = serialise(root)
    result = clean_package(out, pkg, doc.path, style_ids)
    if header:
        from gldocs.document.docx_clean import core_xml

        result["docProps/core.xml"] = core_xml(header)
    return _zip(result, pkg.parts)


def _is_header(pkg: Package, part: str) -> bool:
    """A page header, known by its content type (whatever the part is called)."""
    return pkg.types.get(part, "").endswith("wordprocessingml.header+xml")


def _mark_paragraph(text: str) -> etree._Element:
    """The recipient line of a redacted copy: small, bold, dark blue."""
    return _bold_paragraph(text, "1F3864", 16)


def _zip(pkg: Mapping[str, bytes], original_order: Mapping[str, bytes]) -> bytes:
    buf = io.BytesIO()
    order = [n for n in original_order if n in pkg] + [n for n in pkg if n not in original_order]
    if "[Content_Types].xml" in order:  # must come first for some readers
        order.remove("[Content_Types].xml")
        order.insert(0, "[Content_Types].xml")
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, pkg[name])
    return buf.getvalue()


def write_docx(doc: SourceDocument, edits: Mapping[str, Sequence[Edit]], out: Path,
               banner: str | None = None, *, header: str | None = None,
               keep_images: bool = False) -> None:
    """Write the redacted .docx to ``out`` atomically (pictures are kept, cleaned)."""
    write_bytes_atomic(Path(out), redact_docx_bytes(doc, edits, banner, header))


def body_units(doc: SourceDocument) -> Iterator[TextUnit]:
    """The units a plain-text export shows: the main text, then foot- and endnotes."""
    handle: DocxHandle = doc.handle
    for unit in doc.units:
        part = unit.path.rpartition("#p")[0]
        if part == handle.main or part.endswith(("footnotes.xml", "endnotes.xml")):
            yield unit
