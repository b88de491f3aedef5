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

import functools
import io
import posixpath
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from gldocs.document.docx_package import (
    CONTENT_TYPES,
    REL,
    ROOT_RELS,
    Package,
    relationships,
    rels_name,
    resolve,
)
from gldocs.document.docx_xml import (
    CT_NS,
    M_NS,
    MC_NS,
    PKG_REL_NS,
    REL_NS,
    W_NS,
    WP14_NS,
    WP_NS,
    R,
    is_hidden_run,
    parse_part,
    serialise,
    w,
    xml,
)
from gldocs.errors import DocumentError

NEUTRAL_TITLE = "Redigeret dokument"

# Fields that hold no personal data and are worth keeping live (page numbers, dates).
_SAFE_FIELDS = frozenset({"PAGE", "NUMPAGES", "SECTIONPAGES", "DATE", "TIME", "SECTION"})


def _unwrap(el: etree._Element, children_of: etree._Element | None = None) -> None:
    """Put the children of ``children_of`` (default: ``el``'s own) where ``el`` stands,
    in order, and remove ``el``."""
    parent = el.getparent()
    if parent is None:
        return
    idx = parent.index(el)
    for child in list(el if children_of is None else children_of):
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


# A field kept live: a safe field name and only switches without literal text (a DATE
# picture such as ``\@ "d. MMMM yyyy"``; a quoted literal like ``'Ib Ravn'`` is text).
_SAFE_SWITCH = re.compile(r'\\[@]\s*"[dMyHhmsAP/:.,\- ]*"|\\[@]\s*[dMyHhmsAP/:.,\-]+|'
                          r"\\\*\s*(?:MERGEFORMAT|CHARFORMAT|Arabic|roman|ROMAN|alphabetic|"
                          r"ALPHABETIC|Upper|Lower|FirstCap|Caps)|\\[hls]")


def _field_instr_safe(instr: str) -> bool:
    words = instr.split()
    if not words or words[0].upper() not in _SAFE_FIELDS:
        return False
    rest = instr.strip()[len(words[0]):]
    return _SAFE_SWITCH.sub("", rest).strip() == ""


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
            el.set("name", "Objekt")  # not its id: any number may be chosen there
            for child in list(el):
                if etree.QName(child).localname in ("hlinkClick", "hlinkHover"):
                    el.remove(child)
        elif el.tag.startswith("urn:schemas-microsoft-com:vml"):
            for attr in list(el.attrib):
                if etree.QName(attr).localname in ("alt", "title", "href"):
                    del el.attrib[attr]


def prepare_part(root: etree._Element) -> etree._Element:
    """The part as the reader and the writer both see it: every ``mc:AlternateContent``
    replaced by its Fallback (the Choice, a second copy of the content, goes)."""
    for alt in list(root.iter(f"{{{MC_NS}}}AlternateContent")):
        fallback = alt.find(f"{{{MC_NS}}}Fallback")
        if fallback is None:
            _remove(alt)
        else:
            _unwrap(alt, fallback)
    return root


# Elements whose own text Word uses; any other text (directly inside a run or paragraph,
# or after an element) is not shown by Word but would go out with the file.
TEXT_HOLDERS = frozenset({
    w("t"), w("delText"), w("instrText"), w("delInstrText"), f"{{{M_NS}}}t",
    f"{{{WP_NS}}}posOffset", f"{{{WP_NS}}}align", f"{{{WP14_NS}}}pctWidth",
    f"{{{WP14_NS}}}pctHeight", f"{{{WP14_NS}}}pctPosHOffset", f"{{{WP14_NS}}}pctPosVOffset",
})


def _clear_stray_text(root: etree._Element) -> None:
    for el in root.iter():
        if el.tail and el.tail.strip():
            el.tail = None
        if isinstance(el.tag, str) and el.tag in (w("r"), w("p"), w("body")) and \
                el.text and el.text.strip():
            el.text = None


def _remove_labels(root: etree._Element) -> None:
    """Content-control alias and tag, table caption and description, smart-tag and custom-XML
    attributes, form-field names and help texts, binary field data, leftover deleted text."""
    for el in _all(root, "alias", "tag", "tblCaption", "tblDescription", "smartTagPr",
                   "fldData", "helpText", "statusText", "delText", "delInstrText"):
        _remove(el)
    for ff in _all(root, "ffData"):
        for el in list(ff):
            if el.tag == w("name"):
                _remove(el)
        for default in ff.iter(w("default")):
            if default.getparent() is not None and default.getparent().tag == w("textInput"):
                _remove(default)
    for el in _all(root, "smartTag", "customXml"):
        _unwrap(el)


def clean_text_part(root: etree._Element, hidden: frozenset[str]) -> None:
    """Everything around the text that can carry personal data, gone or neutralised."""
    _remove_hidden(root, hidden)
    _accept_tracked_changes(root)
    _remove_marks(root)
    for link in _all(root, "hyperlink"):
        _unwrap(link)
    _flatten_fields(root)
    _remove_labels(root)
    _strip_drawing_text(root)
    _clear_stray_text(root)
    scrub_markup(root, TEXT_HOLDERS)


# Namespaces Word and its drawing, math and VML markup use. Anything else (an element or
# attribute of "urn:x") is not Word's: it is shown to nobody and can carry anything.
_OFFICE_NS = ("http://schemas.openxmlformats.org/", "http://schemas.microsoft.com/office/",
              "urn:schemas-microsoft-com:", "http://www.w3.org/XML/1998/namespace")
# Revision and paragraph ids: optional, and they tell editing sessions apart (metadata).
_ID_ATTRS = frozenset({"paraId", "textId", "anchorId", "editId"})


def _office(tag: str) -> bool:
    ns = etree.QName(tag).namespace
    return ns is None or ns.startswith(_OFFICE_NS)


def scrub_markup(root: etree._Element, keep_text: frozenset[str] = frozenset()) -> None:
    """What no reader of the document sees, gone from one XML part: comments and processing
    instructions, elements and attributes outside Word's namespaces (their children kept),
    revision ids, and text of any element but ``keep_text`` (the run, math and drawing
    text the units and the layout read)."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str):  # a comment or processing instruction
            parent = el.getparent()
            if parent is not None:
                tail = el.tail
                prev = el.getprevious()
                parent.remove(el)
                _keep_blank_tail(parent, prev, tail)
            continue
        wml = etree.QName(el).namespace == W_NS  # whose attributes are all qualified
        for attr in list(el.attrib):
            qname = etree.QName(attr)
            if not _office(attr) or (wml and qname.namespace is None) or \
                    qname.localname.startswith("rsid") or qname.localname in _ID_ATTRS:
                del el.attrib[attr]
        if el.text and el.text.strip() and el.tag not in keep_text:
            el.text = None
        if el.tail and el.tail.strip():
            el.tail = None
        if not _office(el.tag) and el is not root:
            _unwrap(el)


def _keep_blank_tail(parent: etree._Element, prev: etree._Element | None,
                     tail: str | None) -> None:
    """Whitespace after a removed node stays where it was (``xml:space`` text)."""
    if not tail or tail.strip():
        return
    if prev is not None:
        prev.tail = (prev.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail


def check_attribute_values(root: etree._Element, path: Path, part: str) -> None:
    """Refuse a part that still carries a CPR number or an e-mail address in an attribute
    value (a style, font or list name, a content-control placeholder…): no reader sees it,
    so no caseworker can check it, and it would go out with the file (fail closed)."""
    from gldocs.redact import find_cprs, find_emails
    from gldocs.text.normalize import normalise_text

    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr, value in el.attrib.items():
            if len(value) < 6 or (value.isdigit() and etree.QName(attr).localname == "id"):
                continue  # a drawing's or a revision's number
            text = normalise_text(value)
            found = "et CPR-nummer" if find_cprs(text) else (
                "en e-mailadresse" if find_emails(text) else "")
            if found:
                where = f"{etree.QName(el).localname}/@{etree.QName(attr).localname}"
                raise DocumentError(
                    f"Dokumentet {path} har {found} gemt i en egenskab ({where} i {part}), "
                    "som ingen kan se i Word, og som ikke kan redigeres sikkert. Dokumentet "
                    "afvises; fjern oplysningen (fx i typografiens, skrifttypens eller "
                    "feltets navn), og prøv igen.")


def clean_settings(data: bytes) -> bytes:
    root = xml(data)
    for el in _all(root, "attachedTemplate", "docVars", "mailMerge", "trackRevisions",
                   "rsids", "documentProtection", "writeProtection"):
        _remove(el)
    return serialise(root)


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
    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
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


# --------------------------------------------------------------------------- styles, lists

_STYLE_REFS = ("pStyle", "rStyle", "tblStyle", "basedOn", "next", "link", "numStyleLink",
               "styleLink")


# Word's built-in style names, from python-docx's default template (see the file's header).
# A style keeps its name only when it is one of these; the document's own latentStyles are
# never taken as the list (a sender can add any name there). Without the file every style is
# renamed (fail closed).
_BUILTIN_STYLES_FILE = Path(__file__).with_name("word_builtin_styles.txt")


def _style_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).split()).casefold()


@functools.cache
def builtin_style_names() -> frozenset[str]:
    """Word's built-in style names, normalised (NFKC, whitespace folded, case folded)."""
    try:
        lines = _BUILTIN_STYLES_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(_style_key(ln) for ln in lines if ln.strip() and not ln.startswith("#"))


def is_builtin_style(name: str | None) -> bool:
    return name is not None and _style_key(name) in builtin_style_names()


def _compact(text: str) -> str:
    return re.sub(r"[\W_]", "", _style_key(text))


# Word's own ids that are not their built-in name run together.
_WORD_IDS = frozenset({("tablenormal", "normaltable"), ("commenttext", "annotationtext"),
                       ("commentreference", "annotationreference"),
                       ("commentsubject", "annotationsubject"), ("macrotext", "macro")})


def _word_id(sid: str, name: str) -> bool:
    """Is ``sid`` the id Word gives the built-in style ``name``?"""
    return _compact(sid) == _compact(name) or (_compact(sid), _compact(name)) in _WORD_IDS


def _style_name(st: etree._Element) -> str | None:
    el = st.find(w("name"))
    return None if el is None else el.get(w("val"))


def user_style_ids(*styles_xml: bytes | None) -> dict[str, str]:
    """Neutral ids (``GlTypografi N``) for every style that is not one of Word's built-in ones
    by its ``w:name``: a user's style, custom-flagged or not, can have any id and name. A
    built-in style keeps its id only when it is the id Word gives it (``Heading1`` for
    ``heading 1``); otherwise the id is replaced and the name kept. A style renamed in one
    styles part is renamed in all."""
    kept: set[str] = set()
    renamed: list[str] = []
    for data in styles_xml:
        if not data:
            continue
        for st in xml(data).iter(w("style")):
            sid = st.get(w("styleId"))
            if not sid:
                continue
            name = _style_name(st)
            if name is not None and is_builtin_style(name) and _word_id(sid, name):
                kept.add(sid)
            elif sid not in renamed:
                renamed.append(sid)
    # a kept id always contains letters of a built-in name, never "GlTypografi<n>": no clash
    return {sid: f"GlTypografi{n}" for n, sid in enumerate(renamed, 1)}


def rename_styles(root: etree._Element, ids: dict[str, str]) -> None:
    """References to renamed styles follow them."""
    if not ids:
        return
    for el in root.iter(*[w(t) for t in _STYLE_REFS]):
        val = el.get(w("val"))
        if val in ids:
            el.set(w("val"), ids[val])


def clean_styles(data: bytes, ids: dict[str, str]) -> bytes:
    """Every style that is not one of Word's built-in ones renamed (id and name,
    ``Typografi N``), references following; latent style entries that do not name a built-in
    style and aliases removed."""
    root = xml(data)
    ids = dict(ids)
    for sid in user_style_ids(data):  # fail closed: a style the caller's ids missed
        if sid not in ids:
            ids[sid] = f"GlTypografi{len(ids) + 1}"
    for st in root.iter(w("style")):
        sid = st.get(w("styleId"))
        name = st.find(w("name"))
        if sid in ids:
            st.set(w("styleId"), ids[sid])
        if name is not None and not is_builtin_style(name.get(w("val"))):
            neutral = ids[sid].replace("GlTypografi", "Typografi ") if sid in ids else "Typografi"
            name.set(w("val"), neutral)
    for el in _all(root, "lsdException"):
        if not is_builtin_style(el.get(w("name"))):
            _remove(el)
    for el in _all(root, "aliases"):
        _remove(el)
    rename_styles(root, ids)
    return serialise(root)


_LVL_PLACEHOLDER = re.compile(r"%[1-9]")


def clean_numbering(data: bytes, ids: dict[str, str]) -> bytes:
    """List level texts keep their numbers and punctuation, not words (``Bilag %1`` -> `` %1``);
    list names removed."""
    root = xml(data)
    for lvl in _all(root, "lvlText"):
        val = lvl.get(w("val"), "")
        pieces = _LVL_PLACEHOLDER.split(val)
        holders = _LVL_PLACEHOLDER.findall(val)
        kept = [re.sub(r"\s+", " ", re.sub(r"[^\W_]", "", p)) for p in pieces]
        out = kept[0] + "".join(h + k for h, k in zip(holders, kept[1:], strict=True))
        lvl.set(w("val"), out)
    for el in _all(root, "name"):
        _remove(el)
    rename_styles(root, ids)
    return serialise(root)


def clean_theme(data: bytes) -> bytes:
    """A theme's own names (theme, colour, font and format schemes) made neutral."""
    root = xml(data)
    for el in root.iter():
        if isinstance(el.tag, str) and el.get("name") is not None and \
                etree.QName(el).localname in ("theme", "clrScheme", "fontScheme", "fmtScheme"):
            el.set("name", "Office")
    return serialise(root)


# --------------------------------------------------------------------------- pictures

def clean_image(data: bytes, ctype: str, path: Path, part: str) -> bytes:
    """Any picture without its metadata; a format that cannot be cleaned is refused."""
    kind = ctype.lower()
    if kind in ("image/x-emf", "application/x-emf", "image/emf") or data[40:44] == b" EMF":
        return clean_emf(data, path, part)
    if kind in ("image/x-wmf", "application/x-wmf", "image/wmf") or \
            data[:4] == b"\xd7\xcd\xc6\x9a":
        return clean_wmf(data, path, part)
    return strip_image_metadata(data, path, part)


def _picture_text(path: Path, part: str) -> DocumentError:
    return DocumentError(
        f"Billedet {part} i {path} er en vektortegning med tekst i, som ikke kan redigeres "
        "sikkert. Erstat billedet med et almindeligt billede (PNG), eller fjern det, og prøv "
        "igen.")


def _emf_record(data: bytes, pos: int) -> tuple[int, int]:
    """(type, size in bytes) of the EMF record at ``pos``; size 0 when it is malformed."""
    import struct

    if pos + 8 > len(data):
        return 0, 0
    rtype, size = struct.unpack_from("<II", data, pos)
    return rtype, size if size >= 8 and size % 4 == 0 else 0


def _wmf_record(data: bytes, pos: int) -> tuple[int, int]:
    """(function, size in bytes) of the WMF record at ``pos``; size 0 when malformed."""
    import struct

    if pos + 6 > len(data):
        return 0, 0
    size_words, func = struct.unpack_from("<IH", data, pos)
    return func, 2 * size_words if size_words >= 3 else 0


def _metafile_records(data: bytes, pos: int, read: Callable[[bytes, int], tuple[int, int]],
                      bad: DocumentError, *, text: frozenset[int], comment: int, eof: int,
                      path: Path, part: str) -> list[bytes]:
    """The records of a metafile from ``pos`` up to its end-of-file record: comment records
    left out, text records refused, anything after the end dropped."""
    records: list[bytes] = []
    while pos < len(data):
        kind, size = read(data, pos)
        if size == 0 or pos + size > len(data):
            raise bad
        rec = data[pos:pos + size]
        pos += size
        if kind in text:
            raise _picture_text(path, part)
        if kind == comment:
            continue
        records.append(rec)
        if kind == eof:
            break
    return records


_EMF_TEXT = frozenset({83, 84, 96, 97, 108})  # EXTTEXTOUTA/W, POLYTEXTOUTA/W, SMALLTEXTOUT
_EMF_COMMENT = 70


def clean_emf(data: bytes, path: Path, part: str) -> bytes:
    """An EMF picture without its description and comment records; text records refused."""
    import struct

    bad = DocumentError(f"Billedet {part} i {path} er et ødelagt EMF-billede.")
    if len(data) < 88 or struct.unpack_from("<I", data, 0)[0] != 1:
        raise bad
    records = _metafile_records(data, 0, _emf_record, bad, text=_EMF_TEXT,
                                comment=_EMF_COMMENT, eof=14, path=path, part=part)
    if len(records[0]) < 88:
        raise bad
    header = bytearray(records[0])
    n_desc, off_desc = struct.unpack_from("<II", header, 64)
    if n_desc and off_desc + 2 * n_desc <= len(header):
        header[off_desc:off_desc + 2 * n_desc] = b"\x00" * (2 * n_desc)
    records[0] = bytes(header)
    body = b"".join(records)
    header = bytearray(body[:len(records[0])])
    struct.pack_into("<II", header, 48, len(body), len(records))  # nBytes, nRecords
    return bytes(header) + body[len(records[0]):]


_WMF_TEXT = frozenset({0x0521, 0x0A32})  # TEXTOUT, EXTTEXTOUT
_WMF_ESCAPE = 0x0626


def clean_wmf(data: bytes, path: Path, part: str) -> bytes:
    """A WMF picture without escape (comment) records; text records refused."""
    import struct

    bad = DocumentError(f"Billedet {part} i {path} er et ødelagt WMF-billede.")
    start = 22 if data[:4] == b"\xd7\xcd\xc6\x9a" else 0
    if len(data) < start + 18:
        raise bad
    head_words = struct.unpack_from("<H", data, start + 2)[0]
    pos = start + 2 * head_words
    records = _metafile_records(data, pos, _wmf_record, bad, text=_WMF_TEXT,
                                comment=_WMF_ESCAPE, eof=0, path=path, part=part)
    out = [data[:pos], *records]
    max_record = max((len(r) // 2 for r in records), default=0)
    body = b"".join(out)
    header = bytearray(body)
    # METAHEADER: mtSize (words) at 6, mtMaxRecord (words) at 12
    struct.pack_into("<I", header, start + 6, len(body[start:]) // 2)
    struct.pack_into("<I", header, start + 12, max_record)
    return bytes(header)


# --------------------------------------------------------------------------- the package

_KEPT = frozenset({"main", "text", "styles", "numbering", "settings", "keep", "image", "svg"})
# Kept parts of Word markup: scrubbed and checked (:func:`scrub_markup`) whatever they are.
_MARKUP = frozenset({"main", "text", "styles", "numbering", "settings", "keep"})


def clean_package(out: dict[str, bytes], package: Package, path: Path,
                  style_ids: dict[str, str]) -> dict[str, bytes]:
    """The output package: ``out`` holds the redacted text parts; every other reached part
    is cleaned or dropped by its kind, relationships and content types follow, and
    references to removed relationships are removed from their parts."""
    result: dict[str, bytes] = {}
    for part, kind in package.kinds.items():
        if kind not in _KEPT:
            continue
        data = out.get(part, package.parts[part])
        if part not in out:
            if kind == "keep" and package.types.get(part, "").endswith("theme+xml"):
                data = clean_theme(data)
            elif kind == "settings":
                data = clean_settings(data)
            elif kind == "styles":
                data = clean_styles(data, style_ids)
            elif kind == "numbering":
                data = clean_numbering(data, style_ids)
            elif kind == "image":
                data = clean_image(data, package.types.get(part, ""), path, part)
            elif kind == "svg":
                data = clean_svg(data, path, part)
        if kind in _MARKUP and (package.types.get(part, "").endswith("xml")
                                or part.lower().endswith(".xml")):
            root = parse_part(data, path, part)
            scrub_markup(root, TEXT_HOLDERS if kind in ("main", "text") else frozenset())
            check_attribute_values(root, path, part)
            data = serialise(root)
        result[part] = data
    _relationships(result, package, path)
    _content_types(result, package, path)
    _rename_parts(result, package, path)
    _ensure_props(result)
    return result


def _relationships(result: dict[str, bytes], package: Package, path: Path) -> None:
    by_lower = {n.lower(): n for n in result}
    for source in ["", *list(result)]:
        rels = relationships(package.parts, source, path)
        if not rels:
            continue
        name = rels_name(source) if source else ROOT_RELS
        root = parse_part(package.parts[name], path, name)
        removed: set[str] = set()
        for rel in list(root):
            if rel.tag != REL:
                root.remove(rel)  # comments, processing instructions
                continue
            target = None if rel.get("TargetMode") == "External" else by_lower.get(
                resolve(source, rel.get("Target", "")).lower())
            if target is None:
                removed.add(rel.get("Id", ""))
                root.remove(rel)
        result[name] = serialise(root)
        if removed and source:
            _drop_references(result, source, removed)


def _drop_references(result: dict[str, bytes], part: str, ids: set[str]) -> None:
    """Attributes in ``part`` that name removed relationships (``r:embed``, ``r:link``,
    ``r:id``) are removed; a part that is not XML has none."""
    data = result[part]
    if not any(i.encode() in data for i in ids):
        return
    try:
        root = xml(data)
    except (etree.XMLSyntaxError, ValueError):
        return
    for el in root.iter():
        for attr in [a for a in el.attrib if a.startswith(f"{{{REL_NS}}}")]:
            if el.get(attr) in ids:
                del el.attrib[attr]
    result[part] = serialise(root)


def _content_types(result: dict[str, bytes], package: Package, path: Path) -> None:
    root = parse_part(package.parts[CONTENT_TYPES], path, CONTENT_TYPES)
    kept = {n.lower() for n in result}
    for el in list(root):
        ctype = el.get("ContentType", "")
        if "macroEnabled" in ctype or "vbaProject" in ctype or "vbaData" in ctype:
            root.remove(el)  # a .docx never declares macro content
        elif el.tag == f"{{{CT_NS}}}Override":
            if el.get("PartName", "").lstrip("/").lower() not in kept:
                root.remove(el)
        elif el.tag != f"{{{CT_NS}}}Default":
            root.remove(el)
    result[CONTENT_TYPES] = serialise(root)


# --------------------------------------------------------------------------- part names

# Names Word itself gives parts; any other name (``word/Vibeke_030592-2817.xml``) is the
# sender's and would go out in the package's directory, so the part gets a name of this kind.
_WORD_NAME = re.compile(
    r"word/(?:document|styles|stylesWithEffects|settings|webSettings|fontTable|numbering|"
    r"footnotes|endnotes)\.xml|word/(?:header|footer)\d{1,4}\.xml|word/theme/theme\d{1,4}\.xml|"
    r"word/media/image\d{1,5}\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|webp)")
_STEM_OF_TYPE = (("document.main", "document"), ("template.main", "document"),
                 ("header", "header"), ("footer", "footer"), ("footnotes", "footnotes"),
                 ("endnotes", "endnotes"), ("stylesWithEffects", "stylesWithEffects"),
                 ("styles", "styles"), ("numbering", "numbering"), ("webSettings",
                 "webSettings"), ("settings", "settings"), ("fontTable", "fontTable"),
                 ("theme", "theme/theme"))
_SINGULAR = frozenset({"document", "styles", "stylesWithEffects", "numbering", "settings",
                       "webSettings", "fontTable", "footnotes", "endnotes"})


def _neutral_name(part: str, ctype: str, main: bool, taken: set[str]) -> str:
    ext = posixpath.splitext(part)[1].lstrip(".").lower()
    ext = ext if re.fullmatch(r"[a-z0-9]{1,5}", ext) else "bin"
    if main:
        stem = "document"
    elif ctype.startswith("image/") or ctype in ("application/x-emf", "application/x-wmf"):
        stem = "media/image"
    else:
        stem = next((s for key, s in _STEM_OF_TYPE if key in ctype), "del")
    singular = stem in _SINGULAR
    for n in range(0 if singular else 1, 100_000):
        name = f"word/{stem}{n or ''}.{ext}"
        if name.lower() not in taken:
            return name
    raise DocumentError("For mange dele i pakken.")  # unreachable within the part limit


def _source_of(rels_part: str) -> str:
    """The part whose relationships ``rels_part`` holds ("" for the package)."""
    if rels_part == ROOT_RELS:
        return ""
    folder, base = posixpath.split(rels_part)
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])


def _rename_parts(result: dict[str, bytes], package: Package, path: Path) -> None:
    """Every kept part under a name Word would give it: relationship targets, relationship
    parts and content-type overrides follow."""
    content = [p for p in result if p != CONTENT_TYPES and not p.endswith(".rels")]
    keep = {p for p in content if _WORD_NAME.fullmatch(p) and
            (p == package.main) == (p == "word/document.xml")}
    taken = {p.lower() for p in keep}
    names = {p: p for p in keep}
    for part in sorted(set(content) - keep):
        names[part] = _neutral_name(part, package.types.get(part, ""), part == package.main,
                                    taken)
        taken.add(names[part].lower())
    if all(old == new for old, new in names.items()):
        return
    by_lower = {p.lower(): p for p in content}
    for rels_part in [p for p in list(result) if p.endswith(".rels")]:
        source = _source_of(rels_part)
        if source and source not in names:
            del result[rels_part]  # relationships of a part that is not kept
            continue
        new_source = names.get(source, "")
        root = parse_part(result.pop(rels_part), path, rels_part)
        for rel in root:
            old = by_lower.get(resolve(source, rel.get("Target", "")).lower())
            if old is not None:
                base = posixpath.dirname(new_source)
                rel.set("Target", posixpath.relpath(names[old], base) if new_source
                        else names[old])
        result[rels_name(new_source) if new_source else ROOT_RELS] = serialise(root)
    types = parse_part(result[CONTENT_TYPES], path, CONTENT_TYPES)
    for el in list(types):
        if el.tag == f"{{{CT_NS}}}Override":
            types.remove(el)
    for old, new in sorted(names.items(), key=lambda kv: kv[1]):
        ctype = package.types.get(old, "")
        if ctype:
            etree.SubElement(types, f"{{{CT_NS}}}Override", PartName="/" + new,
                             ContentType=ctype)
    result[CONTENT_TYPES] = serialise(types)
    moved = {new: result.pop(old) for old, new in names.items() if old != new}
    result.update(moved)
