"""WordprocessingML plumbing shared by the .docx reader, writer and cleaner."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from gldocs.errors import DoctypeError, DocumentError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
WP14_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_FALSE = frozenset({"0", "false", "off"})


def w(tag: str) -> str:
    """The qualified name of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{tag}"


P, R, T = w("p"), w("r"), w("t")


def is_on(el: etree._Element | None) -> bool:
    """A toggle property (``<w:vanish/>``, ``<w:vanish w:val="1"/>``) that is switched on."""
    return el is not None and el.get(w("val"), "true").lower() not in _FALSE


def hidden_styles(styles_xml: bytes | None) -> frozenset[str]:
    """Style ids whose run properties hide the text (following ``basedOn``)."""
    if not styles_xml:
        return frozenset()
    root = xml(styles_xml)
    own: dict[str, bool | None] = {}
    based: dict[str, str] = {}
    for st in root.iter(w("style")):
        sid = st.get(w("styleId"))
        if not sid:
            continue
        vanish = st.find(f"{w('rPr')}/{w('vanish')}")
        own[sid] = None if vanish is None else is_on(vanish)
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


def is_hidden_run(run: etree._Element, hidden: frozenset[str]) -> bool:
    """Is the run hidden, directly (``w:vanish``) or by its run or paragraph style?"""
    rpr = run.find(w("rPr"))
    if rpr is not None:
        vanish = rpr.find(w("vanish"))
        if vanish is not None:
            return is_on(vanish)
        rstyle = rpr.find(w("rStyle"))
        if rstyle is not None and rstyle.get(w("val")) in hidden:
            return True
    para = next((a for a in run.iterancestors(P)), None)
    if para is not None:
        pstyle = para.find(f"{w('pPr')}/{w('pStyle')}")
        if pstyle is not None and pstyle.get(w("val")) in hidden:
            return True
    return False


def xml(data: bytes) -> etree._Element:
    """Parse package XML without resolving entities or touching the network; a DOCTYPE or an
    entity declaration is refused (:class:`DoctypeError`)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True,
                             load_dtd=False)
    root = etree.fromstring(data, parser)
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise DoctypeError("XML-delen har en DOCTYPE- eller entitetserklæring.")
    return root


def parse_part(data: bytes, path: Path, part: str) -> etree._Element:
    """Parse one part; a broken part is a DocumentError naming the file and the part."""
    try:
        return xml(data)
    except DoctypeError as exc:
        raise DocumentError(
            f"Dokumentet {path} har en DOCTYPE- eller entitetserklæring i {part}, som Word "
            "aldrig skriver, og som kan skjule tekst. Dokumentet afvises; gem det igen fra "
            "Word, og prøv igen.") from exc
    except etree.XMLSyntaxError as exc:
        raise DocumentError(f"Filen {path} har en ødelagt del ({part}): {exc}.") from exc


def serialise(root: etree._Element) -> bytes:
    """A part's bytes as Word writes them (UTF-8, standalone declaration)."""
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                 standalone=True)
    return data
