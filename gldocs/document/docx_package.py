"""A Word package read through its relationships and content types, never by file names.

    pkg = read_package(data, path)      # checked, bounded, classified
    pkg.main                            # the main document part, found from _rels/.rels
    pkg.kinds["word/kopf/first.xml"]    # "text": a header, whatever it is called

Opening (bounded by :mod:`gldocs.limits`, before anything is inflated): an OLE container is
a password-protected (or pre-2007) document and gets its own message; encrypted entries,
unknown compression methods, duplicate names (also differing only in case) and sizes or
ratios beyond the limits are refused. Every entry is then inflated with a hard cap, so a
directory that lies about sizes cannot bomb either.

Walking: from ``_rels/.rels`` through every part's own ``.rels``. A part no relationship
reaches is dropped; an external relationship (a URL: a linked picture, a hyperlink, a
template) is removed, with the attributes that refer to it. Each reached part is classified
by its content type (``[Content_Types].xml``: overrides, then defaults by extension):
text parts are redacted, properties replaced, pictures cleaned, parts with only layout kept;
comments, custom XML, glossary, printer settings, signatures and the like dropped; macros,
embedded objects, charts and SmartArt refused, as is any type not known here. Any XML part
with a DOCTYPE or entity declaration is refused.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from gldocs.document.docx_xml import CT_NS, PKG_REL_NS, parse_part
from gldocs.errors import DocumentError
from gldocs.limits import MB, current, refuse

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CONTENT_TYPES = "[Content_Types].xml"
ROOT_RELS = "_rels/.rels"
REL = f"{{{PKG_REL_NS}}}Relationship"

_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_OFFICE = "application/vnd.openxmlformats-officedocument."
_PKG = "application/vnd.openxmlformats-package."

# content type -> kind. Kinds: main, text (paragraphs: redacted), styles, numbering, settings
# (cleaned), comments (read, dropped), core/app (replaced), keep (layout only), drop, image,
# svg, unsafe, macro.
TYPE_KINDS: dict[str, str] = {
    _WML + "document.main+xml": "main",
    _WML + "template.main+xml": "main",
    _WML + "header+xml": "text",
    _WML + "footer+xml": "text",
    _WML + "footnotes+xml": "text",
    _WML + "endnotes+xml": "text",
    _WML + "comments+xml": "comments",  # read (findings are reported), never written
    "application/vnd.ms-word.commentsExtended+xml": "drop",
    "application/vnd.ms-word.commentsIds+xml": "drop",
    "application/vnd.ms-word.commentsExtensible+xml": "drop",
    "application/vnd.ms-word.people+xml": "drop",
    _WML + "styles+xml": "styles",
    "application/vnd.ms-word.stylesWithEffects+xml": "styles",
    _WML + "numbering+xml": "numbering",
    _WML + "settings+xml": "settings",
    _WML + "webSettings+xml": "keep",
    _WML + "fontTable+xml": "keep",
    _OFFICE + "theme+xml": "keep",
    _OFFICE + "themeOverride+xml": "keep",
    _WML + "document.glossary+xml": "drop",
    _WML + "printerSettings": "drop",
    _OFFICE + "customXmlProperties+xml": "drop",
    "application/xml": "drop",  # custom XML data items (only reached through customXml rels)
    "text/xml": "drop",
    _OFFICE + "custom-properties+xml": "drop",
    _OFFICE + "extended-properties+xml": "app",
    _PKG + "core-properties+xml": "core",
    _PKG + "digital-signature-origin": "drop",
    _PKG + "digital-signature-xmlsignature+xml": "drop",
    _OFFICE + "obfuscatedFont": "drop",
    "application/x-font-ttf": "drop",
    "application/vnd.ms-word.keyMapCustomizations+xml": "drop",
    "application/vnd.ms-word.attachedToolbars": "macro",
    "application/vnd.ms-office.vbaProject": "macro",
    "application/vnd.ms-word.vbaData+xml": "macro",
    "application/vnd.ms-office.activeX+xml": "unsafe",
    "application/vnd.ms-office.activeX": "unsafe",
    _OFFICE + "oleObject": "unsafe",
    "application/vnd.openxmlformats-officedocument.vmlDrawing": "unsafe",
    _OFFICE + "drawingml.chart+xml": "unsafe",
    _OFFICE + "drawingml.chartshapes+xml": "unsafe",
    _OFFICE + "drawingml.diagramData+xml": "unsafe",
    _OFFICE + "drawingml.diagramLayout+xml": "unsafe",
    _OFFICE + "drawingml.diagramStyle+xml": "unsafe",
    _OFFICE + "drawingml.diagramColors+xml": "unsafe",
    "application/vnd.ms-office.drawingml.diagramDrawing+xml": "unsafe",
    "application/vnd.ms-office.chartstyle+xml": "unsafe",
    "application/vnd.ms-office.chartcolorstyle+xml": "unsafe",
    "image/svg+xml": "svg",
}
MACRO_MAIN = ("application/vnd.ms-word.document.macroEnabled.main+xml",
              "application/vnd.ms-word.template.macroEnabledTemplate.main+xml")
# Relationship types whose target is dropped whatever its content type says.
_DROP_REL = ("/thumbnail", "/customXml", "/customXmlProps", "/people",
             "/commentsExtended", "/commentsIds", "/commentsExtensible", "/glossaryDocument",
             "/printerSettings", "/custom-properties", "/font")


@dataclass
class Package:
    """The reachable parts of a Word package, classified (see the module docstring)."""

    parts: dict[str, bytes]  # every entry of the zip (rels and content types included)
    main: str
    types: dict[str, str] = field(default_factory=dict)  # reached part -> content type
    kinds: dict[str, str] = field(default_factory=dict)  # reached part -> kind
    externals: int = 0  # external relationships found (removed on writing)

    def of_kind(self, *kinds: str) -> list[str]:
        return sorted(p for p, k in self.kinds.items() if k in kinds)

    def styles_part(self) -> str | None:
        return next((p for p, k in self.kinds.items() if k == "styles"
                     and "stylesWithEffects" not in self.types.get(p, "")), None)


# --------------------------------------------------------------------------- the zip

def open_zip(data: bytes, path: Path) -> dict[str, bytes]:
    """The entries of a package, inflated within the limits (see the module docstring)."""
    lim = current()
    name = Path(path).name
    if data.startswith(OLE_MAGIC):
        raise DocumentError(
            f"Filen {path} er beskyttet med adgangskode (eller gemt i det gamle Word-format "
            ".doc). Åbn den i Word, fjern adgangskoden under Filer > Info > Beskyt dokument, "
            "gem den som .docx, og prøv igen.")
    if len(data) > lim.file_mb * MB:
        raise refuse(f"Filen {name}", "file_mb", f"{len(data) // MB} MB", f"{lim.file_mb} MB")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocumentError(f"Filen {path} er ikke et gyldigt Word-dokument (.docx): "
                            f"{exc}.") from exc
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        if len(infos) > lim.parts:
            raise refuse(f"Pakken {name}", "parts", f"{len(infos)} dele", f"{lim.parts}")
        seen: set[str] = set()
        total = 0
        for info in infos:
            key = info.filename.lower()
            if key in seen:
                raise DocumentError(f"Filen {path} er ikke et gyldigt Word-dokument: delen "
                                    f"{info.filename} findes to gange.")
            seen.add(key)
            if info.flag_bits & 0x1:
                raise DocumentError(f"Filen {path} har krypterede dele ({info.filename}) og "
                                    "kan ikke læses. Gem den uden kryptering, og prøv igen.")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise DocumentError(f"Filen {path} bruger en komprimering, Word ikke skriver "
                                    f"({info.filename}, metode {info.compress_type}). Gem den "
                                    "igen fra Word, og prøv igen.")
            _check_sizes(info.file_size, info.compress_size, info.filename, name)
            total += info.file_size
        if total > lim.unpacked_mb * MB:
            raise refuse(f"Pakken {name} udpakket", "unpacked_mb", f"{total // MB} MB",
                         f"{lim.unpacked_mb} MB")
        if total > lim.ratio * max(len(data), 1) and total > MB:
            raise refuse(f"Pakken {name} (udpakket i forhold til pakket)", "ratio",
                         f"{total // max(len(data), 1)}", lim.ratio)
        out: dict[str, bytes] = {}
        inflated = 0
        for info in infos:
            try:
                body = _read_capped(zf, info, min(lim.part_mb * MB,
                                                  lim.unpacked_mb * MB - inflated))
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError,
                    NotImplementedError, ValueError) as exc:
                raise DocumentError(f"Filen {path} er ikke et gyldigt Word-dokument: delen "
                                    f"{info.filename} kan ikke læses ({exc}).") from exc
            if body is None:
                raise refuse(f"Delen {info.filename} i {name}", "part_mb",
                             "mere end den angivne størrelse", f"{lim.part_mb} MB")
            inflated += len(body)
            out[info.filename] = body
        return out


def _check_sizes(size: int, compressed: int, part: str, name: str) -> None:
    lim = current()
    if size > lim.part_mb * MB:
        raise refuse(f"Delen {part} i {name}", "part_mb", f"{size // MB} MB", f"{lim.part_mb} MB")
    if size > MB and size > lim.ratio * max(compressed, 1):
        raise refuse(f"Delen {part} i {name} (udpakket i forhold til pakket)", "ratio",
                     f"{size // max(compressed, 1)}", lim.ratio)


def _read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes | None:
    """The entry inflated, or None when it inflates beyond ``cap`` (a lying directory)."""
    with zf.open(info) as fh:
        body = fh.read(max(cap, 0) + 1)
    return None if len(body) > cap else body


# --------------------------------------------------------------------------- the package

def rels_name(part: str) -> str:
    """The relationships part of ``part`` (``word/document.xml`` -> ``word/_rels/…rels``)."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def resolve(source: str, target: str) -> str:
    """The part name a relationship target of ``source`` (a part, "" for the package)."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
    return joined.lstrip("/")


def relationships(pkg: dict[str, bytes], source: str, path: Path) -> list[etree._Element]:
    """The ``Relationship`` elements of ``source`` (comments and other nodes skipped)."""
    name = ROOT_RELS if source == "" else rels_name(source)
    data = pkg.get(name)
    if data is None:
        return []
    root = parse_part(data, path, name)
    return [el for el in root if el.tag == REL]


def content_types(pkg: dict[str, bytes], path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(overrides by lower-case part name, defaults by lower-case extension)."""
    data = pkg.get(CONTENT_TYPES)
    if data is None or ROOT_RELS not in pkg:
        raise DocumentError(f"Filen {path} er ikke et gyldigt Word-dokument (pakkens "
                            "indholdsfortegnelse mangler).")
    root = parse_part(data, path, CONTENT_TYPES)
    overrides: dict[str, str] = {}
    defaults: dict[str, str] = {}
    for el in root:
        if el.tag == f"{{{CT_NS}}}Override":
            overrides[el.get("PartName", "").lstrip("/").lower()] = el.get("ContentType", "")
        elif el.tag == f"{{{CT_NS}}}Default":
            defaults[el.get("Extension", "").lower()] = el.get("ContentType", "")
    return overrides, defaults


def _type_of(part: str, overrides: dict[str, str], defaults: dict[str, str]) -> str:
    if part.lower() in overrides:
        return overrides[part.lower()]
    ext = posixpath.splitext(part)[1].lstrip(".").lower()
    return defaults.get(ext, "")


_UNSAFE_REL = ("/oleObject", "/package", "/chart", "/diagramData", "/diagramLayout",
               "/diagramQuickStyle", "/diagramColors", "/diagramDrawing", "/control",
               "/activeXControl", "/activeXControlBinary", "/aFChunk", "/subDocument")


def _kind_of(ctype: str, rel_type: str) -> str:
    if ctype in MACRO_MAIN or "macroEnabled" in ctype or "vbaProject" in ctype or \
            rel_type.endswith(("/vbaProject", "/wordVbaData")):
        return "macro"
    if rel_type.endswith(_UNSAFE_REL):
        return "unsafe"
    if rel_type.endswith(_DROP_REL):
        return "drop"
    kind = TYPE_KINDS.get(ctype)
    if kind is not None:
        return kind
    if ctype.startswith("image/") or ctype in ("application/x-emf", "application/x-wmf"):
        return "image"
    if "/package" in rel_type or ctype.startswith(_WML + "document") or \
            ctype.startswith("application/vnd.openxmlformats-officedocument.spreadsheetml") or \
            ctype.startswith("application/vnd.openxmlformats-officedocument.presentationml") or \
            ctype in ("application/pdf", "application/vnd.ms-excel", "application/msword"):
        return "unsafe"
    return "unknown"


def read_package(data: bytes, path: Path) -> Package:
    """Open, check and classify a Word package (see the module docstring)."""
    pkg = open_zip(data, path)
    by_lower = {n.lower(): n for n in pkg}
    overrides, defaults = content_types(pkg, path)
    for name in pkg:  # the package's own XML must parse (and has no DOCTYPE)
        if name.endswith(".rels"):
            parse_part(pkg[name], path, name)
    main = ""
    for rel in relationships(pkg, "", path):
        if rel.get("Type", "").endswith("/officeDocument") and rel.get("TargetMode") != \
                "External":
            main = by_lower.get(resolve("", rel.get("Target", "")).lower(), "")
    if not main or main not in pkg:
        raise DocumentError(f"Filen {path} er ikke et Word-dokument: hoveddelen mangler.")
    out = Package(parts=pkg, main=main)
    queue = [("", "")]
    visited = {""}
    while queue:
        source, _ = queue.pop()
        for rel in relationships(pkg, source, path):
            if rel.get("TargetMode") == "External":
                out.externals += 1
                continue
            rel_type = rel.get("Type", "")
            target = by_lower.get(resolve(source, rel.get("Target", "")).lower())
            if target is None or target in visited:
                continue  # a relationship to nothing (removed on writing) or seen before
            visited.add(target)
            ctype = _type_of(target, overrides, defaults)
            kind = "main" if target == main else _kind_of(ctype, rel_type)
            out.types[target] = ctype
            out.kinds[target] = kind
            if kind not in ("drop",):
                queue.append((target, rel_type))
    if out.types.get(main) in MACRO_MAIN or any(k == "macro" for k in out.kinds.values()) or \
            any(n.lower().endswith("vbaproject.bin") for n in pkg):
        raise DocumentError(
            f"Dokumentet {path} indeholder makroer (VBA), som ikke kan kontrolleres. Gem det "
            "som almindeligt Word-dokument (.docx) uden makroer, og prøv igen.")
    _refuse_kinds(out, path)
    for part, kind in out.kinds.items():  # every XML part that is kept must parse (no DTD)
        if kind in ("styles", "numbering", "settings", "keep", "svg") and (
                out.types.get(part, "").endswith("xml") or part.lower().endswith(".xml")):
            parse_part(pkg[part], path, part)
    return out


def _refuse_kinds(pkg: Package, path: Path) -> None:
    unsafe = pkg.of_kind("unsafe")
    if unsafe:
        raise DocumentError(
            f"Dokumentet {path} indeholder indlejrede objekter, diagrammer eller SmartArt "
            f"({', '.join(unsafe[:3])}), hvis tekst ikke kan redigeres sikkert. Fjern dem "
            "fra dokumentet, eller indsæt dem som almindelig tekst, og prøv igen.")
    unknown = pkg.of_kind("unknown")
    if unknown:
        what = ", ".join(f"{p} ({pkg.types[p] or 'ingen indholdstype'})" for p in unknown[:3])
        raise DocumentError(
            f"Dokumentet {path} har dele af en ukendt type, som ikke kan kontrolleres: {what}. "
            "Gem dokumentet igen fra Word som almindeligt .docx, og prøv igen.")
