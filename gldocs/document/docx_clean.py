"""Package hygiene for redacted Word documents: everything around the text.

:func:`clean_text_part` works on one part with paragraphs (document, header, footer,
footnotes): hidden text removed, tracked changes accepted, comment anchors, bookmarks,
data bindings and drop-down choices removed, hyperlinks unwrapped (their targets can be
e-mail addresses), fields other than page numbers and dates flattened to their shown text
(field codes can name people), alt text and titles of pictures and shapes removed.

:func:`clean_package` works on the whole package: settings without template paths,
document variables and mail-merge sources; comments, people, custom properties, custom
XML, thumbnail, glossary and macros dropped with their relationships; pictures re-encoded
without metadata; SVG pictures without titles and descriptions (text in them is refused);
core and app properties replaced by neutral ones.
"""

from __future__ import annotations

import io
import posixpath
import re
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from gldocs.document.docx_xml import (
    CT_NS,
    PKG_REL_NS,
    R,
    is_hidden_run,
    parse_part,
    serialise,
    w,
    xml,
)
from gldocs.errors import DocumentError

NEUTRAL_TITLE = "Redigeret dokument"

# Parts that are dropped from the output whatever they hold.
DROP_PART = re.compile(
    r"^(docProps/custom\.xml|docProps/thumbnail\.[a-z]+|customXml/.*|"
    r"word/glossary/.*|word/(comments|commentsExtended|commentsIds|commentsExtensible|"
    r"people)\.xml|word/_rels/(comments|commentsExtended|commentsIds|commentsExtensible|"
    r"people)\.xml\.rels|word/vbaProject\.bin|word/_rels/vbaProject\.bin\.rels|"
    r"word/vbaData\.xml)$"
)
# Fields that hold no personal data and are worth keeping live (page numbers, dates).
_SAFE_FIELDS = frozenset({"PAGE", "NUMPAGES", "SECTIONPAGES", "DATE", "TIME", "SECTION"})


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
    for run in list(root.iter(R)):
        if is_hidden_run(run, hidden):
            _remove(run)


def _remove_marks(root: etree._Element) -> None:
    """Anchors and hidden values: comments, bookmarks, permissions (with user names), data
    bindings to custom XML, the choices of drop-down content controls, custom XML attributes."""
    for el in _all(root, "commentRangeStart", "commentRangeEnd", "bookmarkStart",
                   "bookmarkEnd", "permStart", "permEnd", "dataBinding", "listItem",
                   "customXmlPr"):
        _remove(el)
    for ref in _all(root, "commentReference"):
        run = ref.getparent()
        _remove(ref)
        if run is not None and run.tag == R and all(c.tag == w("rPr") for c in run):
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
        if run is not None and run.tag == R and all(c.tag == w("rPr") for c in run):
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
    _remove_marks(root)
    for link in _all(root, "hyperlink"):
        _unwrap(link)
    _flatten_fields(root)
    _strip_drawing_text(root)


def clean_settings(data: bytes) -> bytes:
    root = xml(data)
    for el in _all(root, "attachedTemplate", "docVars", "mailMerge", "trackRevisions",
                   "rsids", "documentProtection", "writeProtection"):
        _remove(el)
    return serialise(root)


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
            palette = img.getpalette() if img.mode == "P" else None
            if palette:
                clean.putpalette(palette)
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
    root = parse_part(data, path, part)
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
    return serialise(root)


def core_xml(title: str = NEUTRAL_TITLE) -> bytes:
    """Neutral core properties: no creator, no dates; the title given (escaped)."""
    from xml.sax.saxutils import escape

    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/'
        'dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator></dc:creator>"
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
        root = xml(pkg[name])
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
            pkg[name] = serialise(root)
    ct = pkg.get("[Content_Types].xml")
    if ct is not None:
        root = xml(ct)
        for el in list(root.iter(f"{{{CT_NS}}}Override")):
            if el.get("PartName", "").lstrip("/") in gone:
                root.remove(el)
        pkg["[Content_Types].xml"] = serialise(root)


def _ensure_props(pkg: dict[str, bytes]) -> None:
    """Neutral core and app properties, registered in the package."""
    pkg["docProps/core.xml"] = core_xml()
    pkg["docProps/app.xml"] = _app_xml()
    rels = xml(pkg["_rels/.rels"])
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
    pkg["_rels/.rels"] = serialise(rels)
    ct = xml(pkg["[Content_Types].xml"])
    names = {el.get("PartName") for el in ct.iter(f"{{{CT_NS}}}Override")}
    types = {
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml":
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    }
    for name, ctype in types.items():
        if name not in names:
            etree.SubElement(ct, f"{{{CT_NS}}}Override", PartName=name, ContentType=ctype)
    pkg["[Content_Types].xml"] = serialise(ct)


def clean_package(pkg: dict[str, bytes], main: str, path: Path) -> None:
    """Clean everything in ``pkg`` outside the text parts, in place (see the docstring)."""
    settings = posixpath.join(posixpath.dirname(main), "settings.xml")
    if settings in pkg:
        pkg[settings] = clean_settings(pkg[settings])
    _drop_parts(pkg, lambda name: bool(DROP_PART.match(name)))
    for name in pkg:
        if _RASTER.search(name):
            pkg[name] = strip_image_metadata(pkg[name], path, name)
        elif name.lower().endswith(".svg"):
            pkg[name] = clean_svg(pkg[name], path, name)
    _ensure_props(pkg)
