"""Word documents (.docx): paragraphs as text units, and an in-place redacting writer.

Reader: every paragraph of the main document (tables and text boxes included), the headers,
footers, footnotes, endnotes and comments becomes a unit. Its path is
``<part>#p<n>`` (``word/document.xml#p12``: the 13th ``w:p`` of that part in document order).
The text is what Word shows: runs joined across their boundaries, tracked insertions
accepted, tracked deletions and hidden text (``w:vanish``) left out.

Writer: works on the raw package (every XML part is kept unless it must go), so formatting
survives. Per unit, each edit replaces the covered characters across runs: the marker goes
into the first affected run, the other runs are trimmed. Afterwards the package is cleaned:
hidden text removed, tracked changes accepted, comments and their parts removed, hyperlinks
and non-trivial fields flattened (their targets and codes can hold e-mails and names),
bookmarks and alt text removed, document properties made neutral, custom properties, custom
XML, thumbnails and glossary removed, pictures re-encoded without their metadata (EXIF).
Embedded objects, charts and SmartArt hold text the writer cannot redact, so such documents
are refused (fail closed).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from gldocs.atomic import write_bytes_atomic
from gldocs.document.base import SourceDocument
from gldocs.document.sections import find_client, label_lines
from gldocs.document.units import UNKNOWN, Edit, TextUnit, apply_edits
from gldocs.errors import DocumentError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

NEUTRAL_TITLE = "Redigeret dokument"

# Parts with paragraphs of text, besides the main document (same folder as it).
_TEXT_PART = re.compile(r"(header\d*|footer\d*|footnotes|endnotes|comments)\.xml")
# Parts that are dropped from the output whatever they hold.
_DROP_PART = re.compile(
    r"^(docProps/custom\.xml|docProps/thumbnail\.[a-z]+|customXml/.*|"
    r"word/glossary/.*|word/(comments|commentsExtended|commentsIds|commentsExtensible|"
    r"people)\.xml|word/_rels/(comments|commentsExtended|commentsIds|commentsExtensible|"
    r"people)\.xml\.rels|word/vbaProject\.bin|word/_rels/vbaProject\.bin\.rels|"
    r"word/vbaData\.xml)$"
)
# Parts whose text the writer cannot redact: refuse the document.
_UNSAFE_PART = re.compile(r"^word/(embeddings|charts|diagrams|activeX)/")
# Fields that hold no personal data and are worth keeping live (page numbers, dates).
_SAFE_FIELDS = frozenset({"PAGE", "NUMPAGES", "SECTIONPAGES", "DATE", "TIME", "SECTION"})
_FALSE = frozenset({"0", "false", "off"})


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


_P, _R, _T = w("p"), w("r"), w("t")
_CHAR_NODES = {w("tab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-"}
# Subtrees that never count as visible paragraph text.
_SKIP = {w("del"), w("moveFrom"), w("rPr"), w("pPr"), w("instrText"), w("delText"),
         f"{{{MC_NS}}}Fallback"}


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


def _on(el: etree._Element | None) -> bool:
    """A toggle property (``<w:vanish/>``, ``<w:vanish w:val="1"/>``) that is switched on."""
    return el is not None and el.get(w("val"), "true").lower() not in _FALSE


def hidden_styles(styles_xml: bytes | None) -> frozenset[str]:
    """Style ids whose run properties hide the text (following ``basedOn``)."""
    if not styles_xml:
        return frozenset()
    root = etree.fromstring(styles_xml)
    own: dict[str, bool | None] = {}
    based: dict[str, str] = {}
    for st in root.iter(w("style")):
        sid = st.get(w("styleId"))
        if not sid:
            continue
        vanish = st.find(f"{w('rPr')}/{w('vanish')}")
        own[sid] = None if vanish is None else _on(vanish)
        parent = st.find(w("basedOn"))
        if parent is not None and parent.get(w("val")):
            based[sid] = parent.get(w("val"), "")
    hidden: set[str] = set()
    for sid in own:
        cur: str | None = sid
        seen: set[str] = set()
        while cur is not None and cur not in seen:
            seen.add(cur)
            if own.get(cur) is not None:
                if own[cur]:
                    hidden.add(sid)
                break
            cur = based.get(cur)
    return frozenset(hidden)


def _is_hidden_run(run: etree._Element, hidden: frozenset[str]) -> bool:
    rpr = run.find(w("rPr"))
    if rpr is not None:
        vanish = rpr.find(w("vanish"))
        if vanish is not None:
            return _on(vanish)
        rstyle = rpr.find(w("rStyle"))
        if rstyle is not None and rstyle.get(w("val")) in hidden:
            return True
    para = next((a for a in run.iterancestors(_P)), None)
    if para is not None:
        pstyle = para.find(f"{w('pPr')}/{w('pStyle')}")
        if pstyle is not None and pstyle.get(w("val")) in hidden:
            return True
    return False


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
            if tag == _R and _is_hidden_run(child, hidden):
                continue
            if tag == _T:
                text, where = plain(child.text or "")
                segs.append(_Seg(child, pos, text, where))
                pos += len(text)
            elif tag in _CHAR_NODES and el.tag == _R:
                segs.append(_Seg(child, pos, _CHAR_NODES[tag]))
                pos += 1
            else:
                walk(child)

    walk(p)
    return segs


def paragraph_text(p: etree._Element, hidden: frozenset[str]) -> str:
    return "".join(s.text for s in paragraph_segments(p, hidden))


# --------------------------------------------------------------------------- package

def _load_package(data: bytes, path: Path) -> dict[str, bytes]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return {info.filename: zf.read(info) for info in zf.infolist()
                    if not info.is_dir()}
    except (zipfile.BadZipFile, OSError, KeyError) as exc:
        raise DocumentError(f"Filen {path} er ikke et gyldigt Word-dokument (.docx): {exc}.") \
            from exc


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _main_part(pkg: dict[str, bytes], path: Path) -> str:
    rels = pkg.get("_rels/.rels")
    if rels is not None:
        for rel in etree.fromstring(rels).iter(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                return rel.get("Target", "").lstrip("/")
    if "word/document.xml" in pkg:
        return "word/document.xml"
    raise DocumentError(f"Filen {path} er ikke et Word-dokument: hoveddelen mangler.")


def _text_parts(pkg: Mapping[str, bytes], main: str) -> list[str]:
    """The main part first, then the other parts that hold paragraphs, sorted."""
    folder = posixpath.dirname(main)
    others = sorted(name for name in pkg
                    if posixpath.dirname(name) == folder
                    and _TEXT_PART.fullmatch(posixpath.basename(name)))
    return [main, *others]


def _parse(data: bytes, path: Path, part: str) -> etree._Element:
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise DocumentError(f"Filen {path} har en ødelagt del ({part}): {exc}.") from exc


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@dataclass
class DocxHandle:
    package: dict[str, bytes]
    main: str
    parts: list[str]  # the parts that hold text units, main first


# --------------------------------------------------------------------------- reader

def read_docx(path: Path) -> SourceDocument:
    """Read a .docx into labelled units (see the module docstring for paths)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"Filen {path} kan ikke læses: {exc.strerror}.") from exc
    return docx_from_bytes(data, path)


def clean_docx(data: bytes, name: str = "dokumentet") -> bytes:
    """A .docx made by someone else (e.g. rendered from a template), cleaned the same way."""
    return redact_docx_bytes(docx_from_bytes(data, Path(name)), {})


def docx_from_bytes(data: bytes, path: Path) -> SourceDocument:
    """Like :func:`read_docx` for a package in memory; ``path`` names it in messages."""
    pkg = _load_package(data, path)
    main = _main_part(pkg, path)
    if main not in pkg:
        raise DocumentError(f"Filen {path} er ikke et Word-dokument: {main} mangler.")
    unsafe = sorted(n for n in pkg if _UNSAFE_PART.match(n))
    if unsafe:
        raise DocumentError(
            f"Dokumentet {path} indeholder indlejrede objekter, diagrammer eller SmartArt "
            f"({', '.join(unsafe[:3])}), hvis tekst ikke kan redigeres sikkert. Fjern dem "
            "fra dokumentet, eller indsæt dem som almindelig tekst, og prøv igen."
        )
    hidden = hidden_styles(pkg.get(posixpath.join(posixpath.dirname(main), "styles.xml")))
    parts = _text_parts(pkg, main)
    body: list[tuple[str, str]] = []
    others: list[TextUnit] = []
    for part in parts:
        root = _parse(pkg[part], path, part)
        foreign = next(root.iter(w("altChunk"), w("subDoc")), None)
        if foreign is not None:
            raise DocumentError(
                f"Dokumentet {path} indeholder indsat indhold fra en anden fil "
                f"({etree.QName(foreign).localname} i {part}), hvis tekst ikke kan redigeres "
                "sikkert. Indsæt indholdet som almindelig tekst, og prøv igen."
            )
        for i, p in enumerate(root.iter(_P)):
            text = paragraph_text(p, hidden)
            unit_path = f"{part}#p{i}"
            if part == main:
                body.append((unit_path, text))
            elif text.strip():
                others.append(TextUnit(section=UNKNOWN, path=unit_path, text=text))
    labels = label_lines([t for _, t in body])
    units = [TextUnit(section=lab, path=up, text=t)
             for (up, t), lab in zip(body, labels, strict=True)]
    units += others
    name, cpr = find_client([t for _, t in body])
    if name is None and cpr is None:
        name, cpr = find_client([u.text for u in others])
    images = sum(1 for n in pkg if n.startswith(posixpath.join(posixpath.dirname(main), "media/")))
    meta: dict[str, object] = {}
    if images:
        meta["warnings"] = [
            f"Dokumentet indeholder {images} billede(r); tekst i billeder kan ikke "
            "kontrolleres automatisk og skal gennemses manuelt."
        ]
    return SourceDocument(path=path, kind="docx", units=units, client_name=name,
                          client_cpr=cpr, handle=DocxHandle(pkg, main, parts), meta=meta)


# --------------------------------------------------------------------------- edits

def _set_text(t: etree._Element, text: str) -> None:
    t.text = text
    t.set(XML_SPACE, "preserve")


def _new_run(text: str, like: etree._Element | None) -> etree._Element:
    run = etree.Element(_R)
    if like is not None and like.find(w("rPr")) is not None:
        run.append(etree.fromstring(etree.tostring(like.find(w("rPr")))))
    t = etree.SubElement(run, _T)
    _set_text(t, text)
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
            if s.node.tag == _T:
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
    prev = [s for s in segs if s.node.tag == _T and s.start + len(s.text) <= pos]
    if prev:
        node = prev[-1].node
        _set_text(node, (node.text or "") + text)
        return
    nxt = [s for s in segs if s.start >= pos]
    if nxt:
        nxt[0].node.addprevious(_new_t(text))
        return
    p.append(_new_run(text, None))


# --------------------------------------------------------------------------- cleaning

def _unwrap(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    idx = parent.index(el)
    for child in list(el):
        parent.insert(idx, child)
        idx += 1
    parent.remove(el)


def _remove(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _all(root: etree._Element, *tags: str) -> list[etree._Element]:
    return [el for el in root.iter(*[w(t) for t in tags])]


def _accept_tracked_changes(root: etree._Element) -> None:
    for el in _all(root, "del", "moveFrom"):
        parent = el.getparent()
        if parent is None:
            continue
        if parent.tag == w("trPr"):  # a deleted table row
            row = parent.getparent()
            if row is not None:
                _remove(row)
        else:  # deleted content, or the marker of a deleted paragraph mark
            _remove(el)
    for el in _all(root, "ins", "moveTo"):
        parent = el.getparent()
        if parent is not None and parent.tag in (w("rPr"), w("trPr")):
            _remove(el)
        else:
            _unwrap(el)
    for el in _all(root, "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tcPrChange",
                   "trPrChange", "tblGridChange", "numberingChange", "cellIns", "cellDel",
                   "cellMerge", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart",
                   "moveToRangeEnd", "customXmlInsRangeStart", "customXmlInsRangeEnd",
                   "customXmlDelRangeStart", "customXmlDelRangeEnd"):
        _remove(el)


def _remove_hidden(root: etree._Element, hidden: frozenset[str]) -> None:
    for run in list(root.iter(_R)):
        if _is_hidden_run(run, hidden):
            _remove(run)


def _remove_comment_marks(root: etree._Element) -> None:
    for el in _all(root, "commentRangeStart", "commentRangeEnd", "bookmarkStart",
                   "bookmarkEnd", "permStart", "permEnd", "dataBinding"):
        _remove(el)
    for ref in _all(root, "commentReference"):
        run = ref.getparent()
        _remove(ref)
        if run is not None and run.tag == _R and all(c.tag == w("rPr") for c in run):
            _remove(run)


def _field_instr_safe(instr: str) -> bool:
    words = instr.split()
    return bool(words) and words[0].upper() in _SAFE_FIELDS


def _flatten_fields(root: etree._Element) -> None:
    """Drop codes of fields other than page numbers and dates; keep their shown result."""
    for el in _all(root, "fldSimple"):
        if not _field_instr_safe(el.get(w("instr"), "")):
            _unwrap(el)
    stack: list[tuple[list[etree._Element], list[str]]] = []
    doomed: list[etree._Element] = []
    for el in list(root.iter(w("fldChar"), w("instrText"))):
        if el.tag == w("instrText"):
            if stack:
                stack[-1][0].append(el)
                stack[-1][1].append(el.text or "")
            else:
                doomed.append(el)
            continue
        kind = el.get(w("fldCharType"))
        if kind == "begin":
            stack.append(([el], []))
        elif not stack:
            doomed.append(el)
        elif kind == "separate":
            stack[-1][0].append(el)
        elif kind == "end":
            elements, instr = stack.pop()
            elements.append(el)
            if not _field_instr_safe("".join(instr)):
                doomed.extend(elements)
    doomed.extend(el for elements, _ in stack for el in elements)  # unterminated fields
    for el in doomed:
        run = el.getparent()
        _remove(el)
        if run is not None and run.tag == _R and all(c.tag == w("rPr") for c in run):
            _remove(run)


def _strip_drawing_text(root: etree._Element) -> None:
    """Alt text, titles and click links of pictures and shapes (DrawingML and VML)."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        local = etree.QName(el).localname
        if local in ("docPr", "cNvPr"):
            for attr in ("descr", "title"):
                el.attrib.pop(attr, None)
            el.set("name", f"Objekt {el.get('id', '')}".strip())
            for child in list(el):
                if etree.QName(child).localname in ("hlinkClick", "hlinkHover"):
                    el.remove(child)
        elif el.tag.startswith("urn:schemas-microsoft-com:vml"):
            for attr in list(el.attrib):
                if etree.QName(attr).localname in ("alt", "title", "href"):
                    del el.attrib[attr]


def clean_text_part(root: etree._Element, hidden: frozenset[str]) -> None:
    """Everything around the text that can carry personal data, gone or neutralised."""
    _remove_hidden(root, hidden)
    _accept_tracked_changes(root)
    _remove_comment_marks(root)
    for link in _all(root, "hyperlink"):
        _unwrap(link)
    _flatten_fields(root)
    _strip_drawing_text(root)


def _clean_settings(data: bytes) -> bytes:
    root = etree.fromstring(data)
    for el in _all(root, "attachedTemplate", "docVars", "mailMerge", "trackRevisions",
                   "rsids", "documentProtection", "writeProtection"):
        _remove(el)
    return _serialise(root)


_RASTER = re.compile(r"/media/[^/]+\.(jpe?g|png|gif|tiff?|bmp)$", re.IGNORECASE)


def strip_image_metadata(data: bytes, path: Path, part: str) -> bytes:
    """A picture re-encoded without EXIF, XMP, text chunks or comments (author, GPS…)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt = img.format or "PNG"
            img.load()
            clean = Image.frombytes(img.mode, img.size, img.tobytes())
            if "transparency" in img.info:
                clean.info["transparency"] = img.info["transparency"]
            if img.mode == "P" and img.getpalette():
                clean.putpalette(img.getpalette())
            out = io.BytesIO()
            options: dict[str, object] = {"quality": 95} if fmt == "JPEG" else {}
            clean.save(out, format=fmt, **options)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise DocumentError(f"Billedet {part} i {path} kan ikke renses for metadata "
                            f"({exc}); dokumentet skrives ikke.") from exc


_SVG_TEXT = frozenset({"text", "tspan", "textPath", "foreignObject"})
_SVG_META = frozenset({"title", "desc", "metadata"})


def clean_svg(data: bytes, path: Path, part: str) -> bytes:
    """An SVG picture without title, description and metadata; text in it is refused."""
    root = _parse(data, path, part)
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        local = etree.QName(el).localname
        if local in _SVG_TEXT:
            raise DocumentError(
                f"Billedet {part} i {path} indeholder tekst, som ikke kan redigeres sikkert. "
                "Erstat billedet, eller fjern det, og prøv igen."
            )
        if local in _SVG_META:
            _remove(el)
    return _serialise(root)


def _core_xml() -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/'
        'dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{NEUTRAL_TITLE}</dc:title><dc:creator></dc:creator>"
        "<cp:lastModifiedBy></cp:lastModifiedBy></cp:coreProperties>"
    ).encode()


def _app_xml() -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'extended-properties"><Application>gldocs</Application></Properties>'
    )


def _resolve(rels_part: str, target: str) -> str:
    """The part name a relationship target in ``rels_part`` points at."""
    if target.startswith("/"):
        return target.lstrip("/")
    source_folder = posixpath.dirname(posixpath.dirname(rels_part))
    return posixpath.normpath(posixpath.join(source_folder, target))


def _drop_parts(pkg: dict[str, bytes], doomed: Callable[[str], bool]) -> None:
    """Remove parts and every relationship and content-type entry pointing at them."""
    gone = {name for name in pkg if doomed(name)}
    for name in gone:
        del pkg[name]
    for name in [n for n in pkg if n.endswith(".rels")]:
        root = etree.fromstring(pkg[name])
        changed = False
        for rel in list(root):
            external = rel.get("TargetMode") == "External"
            rtype = rel.get("Type", "")
            if (not external and _resolve(name, rel.get("Target", "")) in gone) or (
                external and rtype.rsplit("/", 1)[-1] in ("hyperlink", "attachedTemplate",
                                                          "mailMergeSource",
                                                          "recipientData")
            ):
                root.remove(rel)
                changed = True
        if changed:
            pkg[name] = _serialise(root)
    ct = pkg.get("[Content_Types].xml")
    if ct is not None:
        root = etree.fromstring(ct)
        for el in list(root.iter(f"{{{CT_NS}}}Override")):
            if el.get("PartName", "").lstrip("/") in gone:
                root.remove(el)
        pkg["[Content_Types].xml"] = _serialise(root)


def _ensure_props(pkg: dict[str, bytes]) -> None:
    """Neutral core and app properties, registered in the package."""
    pkg["docProps/core.xml"] = _core_xml()
    pkg["docProps/app.xml"] = _app_xml()
    rels = etree.fromstring(pkg["_rels/.rels"])
    have = {rel.get("Target", "").lstrip("/") for rel in rels}
    base = "http://schemas.openxmlformats.org"
    wanted = {
        "docProps/core.xml": f"{base}/package/2006/relationships/metadata/core-properties",
        "docProps/app.xml": f"{base}/officeDocument/2006/relationships/extended-properties",
    }
    ids = {rel.get("Id") for rel in rels}
    for target, rtype in wanted.items():
        if target not in have:
            n = 1
            while f"rIdGl{n}" in ids:
                n += 1
            ids.add(f"rIdGl{n}")
            etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship",
                             Id=f"rIdGl{n}", Type=rtype, Target=target)
    pkg["_rels/.rels"] = _serialise(rels)
    ct = etree.fromstring(pkg["[Content_Types].xml"])
    names = {el.get("PartName") for el in ct.iter(f"{{{CT_NS}}}Override")}
    types = {
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml":
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    }
    for name, ctype in types.items():
        if name not in names:
            etree.SubElement(ct, f"{{{CT_NS}}}Override", PartName=name, ContentType=ctype)
    pkg["[Content_Types].xml"] = _serialise(ct)


def _banner_paragraph(text: str) -> etree._Element:
    p = etree.Element(_P)
    ppr = etree.SubElement(p, w("pPr"))
    etree.SubElement(ppr, w("jc"), {w("val"): "center"})
    run = etree.SubElement(p, _R)
    rpr = etree.SubElement(run, w("rPr"))
    etree.SubElement(rpr, w("b"))
    etree.SubElement(rpr, w("color"), {w("val"): "C00000"})
    etree.SubElement(rpr, w("sz"), {w("val"): "28"})
    _set_text(etree.SubElement(run, _T), text)
    return p


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
                      banner: str | None = None) -> bytes:
    """The redacted and cleaned package as bytes (see the module docstring)."""
    handle: DocxHandle = doc.handle
    pkg = dict(handle.package)
    hidden = hidden_styles(pkg.get(posixpath.join(posixpath.dirname(handle.main),
                                                  "styles.xml")))
    by_part = _edits_by_part(edits)
    unknown = set(by_part) - set(handle.parts)
    if unknown:
        raise DocumentError(f"Redigeringer til ukendte dele af {doc.path}: "
                            f"{', '.join(sorted(unknown))}.")
    for part in handle.parts:
        if _DROP_PART.match(part):
            continue
        root = _parse(pkg[part], doc.path, part)
        paragraphs = list(root.iter(_P))
        for idx, para_edits in by_part.get(part, {}).items():
            if idx >= len(paragraphs):
                raise DocumentError(f"Afsnit {idx} findes ikke i {part} i {doc.path}.")
            apply_paragraph_edits(paragraphs[idx], para_edits, hidden)
        clean_text_part(root, hidden)
        if banner and part == handle.main:
            body = root.find(w("body"))
            if body is not None:
                body.insert(0, _banner_paragraph(banner))
        pkg[part] = _serialise(root)
    settings = posixpath.join(posixpath.dirname(handle.main), "settings.xml")
    if settings in pkg:
        pkg[settings] = _clean_settings(pkg[settings])
    _drop_parts(pkg, lambda name: bool(_DROP_PART.match(name)))
    for name in pkg:
        if _RASTER.search(name):
            pkg[name] = strip_image_metadata(pkg[name], doc.path, name)
        elif name.lower().endswith(".svg"):
            pkg[name] = clean_svg(pkg[name], doc.path, name)
    _ensure_props(pkg)
    return _zip(pkg, handle.package)


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
               banner: str | None = None) -> None:
    """Write the redacted .docx to ``out`` atomically."""
    write_bytes_atomic(Path(out), redact_docx_bytes(doc, edits, banner))


def body_units(doc: SourceDocument) -> Iterator[TextUnit]:
    """The units a plain-text export shows: the main text, then foot- and endnotes."""
    handle: DocxHandle = doc.handle
    for unit in doc.units:
        part = unit.path.rpartition("#p")[0]
        if part == handle.main or part.endswith(("footnotes.xml", "endnotes.xml")):
            yield unit
