"""Every place text can hide in a PDF, for the leak scan.

Read with pypdf: the text of each page, the document information (/Info), XMP metadata,
every string in every object (annotations, bookmarks, form fields, file specifications…),
every stream decompressed (content streams, XObjects, embedded files, which are opened as
files in their own right). Then the raw bytes once more, for objects that the cross-reference
table no longer points to (an incremental save keeps the old text in the file).
"""

from __future__ import annotations

import hashlib
import io
import re
import zlib
from collections.abc import Iterator, Mapping
from typing import Any

from pypdf import PdfReader, filters
from pypdf.errors import PdfReadError
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

from gldocs.errors import DocumentError
from gldocs.export.places import (
    Place,
    Recurse,
    decode_text,
    looks_textual,
    printable_runs,
    xml_to_text,
)

_BINARY_SUBTYPES = frozenset({"/Image", "/Type1C", "/CIDFontType0C", "/OpenType"})


# --------------------------------------------------------------------------- content streams

_PDF_TOKEN = re.compile(
    rb"\((?:\\.|[^\\()]|\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\))*\)"  # literal string
    rb"|(?<!<)<([0-9A-Fa-f\s]*)>(?!>)"  # hex string
    rb"|\[|\]"  # TJ array
    rb"|(?<![\w/])(?:BT|ET)(?!\w)"  # text object
    rb"|(?<![\w/])(?:Tj|TJ|'|\")(?!\w)",  # show-text operators
    re.DOTALL,
)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f",
            b"(": b"(", b")": b")", b"\\": b"\\"}
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|\r\n|[\r\n]|.)", re.DOTALL)


def _unescape_literal(raw: bytes) -> bytes:
    def repl(m: re.Match[bytes]) -> bytes:
        code = m.group(1)
        if code[:1].isdigit():
            return bytes([int(code, 8) & 0xFF])
        if code in (b"\r\n", b"\r", b"\n"):
            return b""
        return _ESCAPES.get(code, code)

    return _ESCAPE.sub(repl, raw)


def decode_pdf_bytes(data: bytes) -> str:
    """A PDF string's bytes as text: UTF-16 with BOM or zero-padded, else Latin-1."""
    if data.startswith((b"\xfe\xff", b"\xff\xfe")):
        return data.decode("utf-16", errors="replace")
    if len(data) >= 4 and len(data) % 2 == 0 and data[0::2].count(0) > len(data) // 4:
        return data.decode("utf-16-be", errors="replace")
    return data.decode("latin-1")


def _string_token(m: re.Match[bytes]) -> str:
    token = m.group(0)
    if token.startswith(b"("):
        return decode_pdf_bytes(_unescape_literal(token[1:-1]))
    hexdigits = re.sub(rb"\s", b"", m.group(1) or b"")
    if len(hexdigits) % 2:
        hexdigits += b"0"
    return decode_pdf_bytes(bytes.fromhex(hexdigits.decode()))


def content_strings(data: bytes) -> str:
    """The strings shown by a content stream, one line per text object (BT…ET).

    A word split for kerning (``[(Jen)-20(s)]TJ``) comes out whole. Separate show operators
    inside one text object are given twice: joined tight (glyph-by-glyph generators) and
    with spaces (word-by-word generators). Strings outside text objects (dictionaries) each
    get their own line. Fonts with custom encodings come out as nonsense here; the page text
    from pypdf covers those.
    """
    lines: list[str] = []
    shows: list[str] = []  # one entry per show operator in the current text object
    pending: list[str] = []  # strings since the last show operator
    in_text = in_array = False

    def flush() -> None:
        pieces = [*shows, "".join(pending)] if pending else shows
        pieces = [p for p in pieces if p]
        if pieces:
            tight, spaced = "".join(pieces), " ".join(pieces)
            lines.append(tight if tight == spaced else f"{tight}\n{spaced}")
        shows.clear()
        pending.clear()

    for m in _PDF_TOKEN.finditer(data):
        token = m.group(0)
        if token == b"BT":
            flush()
            in_text = True
        elif token == b"ET":
            flush()
            in_text = False
        elif token == b"[":
            in_array = True
        elif token == b"]":
            in_array = False
        elif token in (b"Tj", b"TJ", b"'", b'"'):
            if pending:
                shows.append("".join(pending))
                pending.clear()
        elif in_text or in_array:
            pending.append(_string_token(m))
        else:
            lines.append(_string_token(m))
    flush()
    return "\n".join(lines)


def stream_text(data: bytes) -> str:
    """Readable text of a decoded stream: its strings, then the stream itself if textual."""
    if looks_textual(data):
        raw = data.decode("latin-1")
        if re.fullmatch(r"[0-9A-Fa-f\s>]*", raw[:4096]):  # hex-encoded binary (e.g. fonts)
            return ""
        if _CONTENT_OPERATOR.search(raw):  # a content stream: its numbers are operands
            raw = _OPERAND.sub(" ", raw)
        return f"{content_strings(data)}\n{raw}"
    return printable_runs(data)


# A page content stream draws with operators; their numeric operands (coordinates, colours,
# ".0902 .173 .318 RG") are geometry, never text, and read as digits they make CPR numbers
# that are not there. Strings (shown text) are read by content_strings before this.
_CONTENT_OPERATOR = re.compile(r"(?<!\S)(?:BT|ET|Tf|Td|TD|Tm|Tj|TJ|cm|re|rg|RG|m|l|h|f\*?|S|"
                               r"q|Q|Do)(?!\S)")
_OPERAND = re.compile(r"(?<!\S)[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?!\S)")


# --------------------------------------------------------------------------- objects

def _strings(obj: PdfObject, path: str) -> Iterator[tuple[str, str]]:
    """(key path, text) of every string directly in ``obj`` (references are not followed)."""
    if isinstance(obj, TextStringObject):
        yield path, str(obj)
    elif isinstance(obj, ByteStringObject):
        yield path, decode_pdf_bytes(bytes(obj))
    elif isinstance(obj, DictionaryObject):
        for key, value in obj.items():
            yield from _strings(value, f"{path}{key}")
    elif isinstance(obj, ArrayObject):
        for i, value in enumerate(obj):
            yield from _strings(value, f"{path}[{i}]")


def _ref_id(value: PdfObject | None) -> int | None:
    return value.idnum if isinstance(value, IndirectObject) else None


def _object_ids(reader: PdfReader) -> list[int]:
    ids: set[int] = set()
    for table in reader.xref.values():
        ids.update(table)
    ids.update(reader.xref_objStm)
    return sorted(i for i in ids if i > 0)


class _Labels:
    """Human-readable names for object numbers: page contents, annotations, metadata."""

    def __init__(self, reader: PdfReader) -> None:
        self.names: dict[int, str] = {}
        info = _ref_id(reader.trailer.raw_get("/Info") if "/Info" in reader.trailer else None)
        self.info = info  # its strings are reported as "PDF-metadata /Key"
        if info:
            self.names[info] = "PDF-metadata (/Info)"
        root = reader.trailer["/Root"]
        if isinstance(root, DictionaryObject) and "/Metadata" in root:
            meta = _ref_id(root.raw_get("/Metadata"))
            if meta:
                self.names[meta] = "XMP-metadata"
        for number, page in enumerate(reader.pages, start=1):
            contents = page.raw_get("/Contents") if "/Contents" in page else None
            refs = contents if isinstance(contents, ArrayObject) else [contents]
            for ref in refs:
                if (rid := _ref_id(ref)) is not None:
                    self.names[rid] = f"side {number}, indholdsstrøm"
            annots = page.get("/Annots")
            if isinstance(annots, ArrayObject):
                for ref in annots:
                    if (rid := _ref_id(ref)) is not None:
                        self.names[rid] = f"side {number}, kommentar/annotation"
            self._xobjects(page, number)

    def _xobjects(self, page: DictionaryObject, number: int) -> None:
        try:
            resources = page.get("/Resources")
            if not isinstance(resources, DictionaryObject):
                return
            xobjects = resources.get("/XObject")
        except (PdfReadError, KeyError, AttributeError):
            return
        if isinstance(xobjects, DictionaryObject):
            for name, ref in xobjects.items():
                if (rid := _ref_id(ref)) is not None:
                    self.names.setdefault(rid, f"side {number}, XObject {name}")

    def label(self, idnum: int, obj: PdfObject) -> str:
        if idnum in self.names:
            return f"{self.names[idnum]} (objekt {idnum})"
        kind = ""
        if isinstance(obj, DictionaryObject):
            typ = obj.get("/Type")
            if "/Title" in obj and ("/Parent" in obj or "/First" in obj):
                kind = "bogmærke"
            elif typ == "/Filespec" or "/EF" in obj:
                kind = "vedhæftet fil"
            elif typ == "/EmbeddedFile":
                kind = "vedhæftet fils indhold"
            elif typ == "/Annot" or ("/Subtype" in obj and "/Rect" in obj):
                kind = "kommentar/annotation"
            elif isinstance(typ, NameObject):
                kind = str(typ)
        return f"PDF-objekt {idnum}" + (f" ({kind})" if kind else "")


def _embedded_files(reader: PdfReader, recurse: Recurse) -> tuple[list[Place], set[int]]:
    """Files attached to the PDF, opened and scanned as files of their own."""
    places: list[Place] = []
    handled: set[int] = set()
    for idnum in _object_ids(reader):
        spec = reader.get_object(idnum)
        if not isinstance(spec, DictionaryObject) or "/EF" not in spec:
            continue
        name = str(spec.get("/UF") or spec.get("/F") or f"vedhæftning-{idnum}")
        ef = spec["/EF"]
        if not isinstance(ef, DictionaryObject):
            continue
        for key in ef:
            stream_ref = ef.raw_get(key)
            stream = ef[key]
            if not isinstance(stream, StreamObject):
                continue
            if (rid := _ref_id(stream_ref)) is not None:
                handled.add(rid)
            label = f"vedhæftet fil '{name}' (objekt {idnum})"
            places.append(Place(f"{label} filnavn", name))
            places += [Place(f"{label} › {p.place}", p.text, p.fallback)
                       for p in recurse(stream.get_data(), name)]
    return places, handled


def _object_places(reader: PdfReader, recurse: Recurse) -> tuple[list[Place], set[bytes]]:
    labels = _Labels(reader)
    places, handled = _embedded_files(reader, recurse)
    seen_streams: set[bytes] = set()
    for key, value in _strings(reader.trailer, ""):
        places.append(Place(f"PDF-trailer {key}", value))
    for idnum in _object_ids(reader):
        try:
            obj = reader.get_object(idnum)
        except (PdfReadError, ValueError, KeyError) as exc:
            places.append(Place(f"PDF-objekt {idnum} (ulæseligt: {exc})", "", fallback=True))
            continue
        if obj is None:
            continue
        label = labels.label(idnum, obj)
        if idnum != labels.info:
            for key, value in _strings(obj, ""):
                places.append(Place(f"{label} {key}".rstrip(), value))
        if isinstance(obj, StreamObject) and idnum not in handled:
            data = obj.get_data()
            seen_streams.add(hashlib.sha256(data).digest())
            binary = obj.get("/Subtype") in _BINARY_SUBTYPES or "/Length1" in obj
            text = printable_runs(data) if binary else stream_text(data)
            is_xml = obj.get("/Subtype") == "/XML" or label.startswith("XMP-metadata")
            if is_xml:  # XMP: text and attribute values with entities resolved
                content, attrs = xml_to_text(decode_text(data))
                places.append(Place(label, f"{content}\n{attrs}".strip()))
            if text:
                # Page text from pypdf is the precise place; streams are the backstop.
                places.append(Place(f"{label}, strøm", text, fallback=True))
    return places, seen_streams


def _reading_order_places(data: bytes) -> list[Place]:
    """The page text in reading order (by position) and read across table rows: a number
    or a name drawn back to front, or split over cells, is whole here."""
    from gldocs.document.pdf_layout import read_layout, reading_order_text

    texts = reading_order_text(read_layout(data))  # unreadable: DocumentError, fail closed
    return [Place(f"side {n} (tekst i læserækkefølge)", text)
            for n, text in enumerate(texts, start=1)]


def _page_places(reader: PdfReader) -> list[Place]:
    places = []
    for number, page in enumerate(reader.pages, start=1):
        try:
            text = page.extract_text() or ""
        except Exception as exc:  # pypdf can choke on odd fonts; the streams still get read
            places.append(Place(f"side {number} (tekst kunne ikke udtrækkes: {exc})", "",
                                fallback=True))
            continue
        places.append(Place(f"side {number} (tekst)", text))
    return places


def _metadata_places(reader: PdfReader) -> list[Place]:
    meta: Mapping[str, Any] = reader.metadata or {}
    return [Place(f"PDF-metadata {key}", str(value)) for key, value in meta.items()]


# --------------------------------------------------------------------------- raw bytes

_RAW_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\n?endstream", re.DOTALL)
_RAW_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_FILTERS = {
    b"ASCII85Decode": filters.ASCII85Decode.decode, b"A85": filters.ASCII85Decode.decode,
    b"ASCIIHexDecode": filters.ASCIIHexDecode.decode, b"AHx": filters.ASCIIHexDecode.decode,
    b"RunLengthDecode": filters.RunLengthDecode.decode, b"RL": filters.RunLengthDecode.decode,
    b"LZWDecode": filters.LZWDecode.decode, b"LZW": filters.LZWDecode.decode,
}


def _inflate(data: bytes) -> bytes:
    return zlib.decompressobj().decompress(data)  # tolerant of trailing garbage


def _raw_decode(header: bytes, body: bytes) -> bytes:
    """Undo a raw stream's filters as named in the dictionary just before it."""
    dict_start = header.rfind(b"obj")
    m = _RAW_FILTER.search(header[dict_start if dict_start >= 0 else max(0, len(header) - 2000):])
    names = re.findall(rb"/([A-Za-z0-9]+)", m.group(1)) if m else []
    data = body
    try:
        for name in names:
            if name in (b"FlateDecode", b"Fl"):
                data = _inflate(data)
            elif name in _FILTERS:
                data = _FILTERS[name](data)
            else:  # images and the like: nothing to read
                return b""
        if not names and body[:1] == b"x":  # zlib header without a /Filter we could read
            data = _inflate(body)
    except Exception:  # damaged stream: read what is there
        return body
    return data


def _raw_places(data: bytes, seen_streams: set[bytes]) -> list[Place]:
    """Streams and strings read straight from the bytes (orphaned objects, broken xref)."""
    places = []
    outside: list[bytes] = []
    pos = 0
    for m in _RAW_STREAM.finditer(data):
        outside.append(data[pos:m.start()])
        pos = m.end()
        decoded = _raw_decode(data[max(0, m.start() - 2000):m.start()], m.group(1))
        if hashlib.sha256(decoded).digest() in seen_streams:
            continue
        text = stream_text(decoded)
        if text:
            places.append(Place(f"rå PDF-strøm ved byte {m.start()}", text, fallback=True))
    outside.append(data[pos:])
    rest = b"".join(outside)
    places.append(Place("PDF-råbytes uden for strømme",
                        f"{content_strings(rest)}\n{rest.decode('latin-1')}", fallback=True))
    return places


def pdf_places(data: bytes, recurse: Recurse) -> list[Place]:
    """Every place in a PDF where text can be read. Encrypted PDFs cannot be scanned."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError("PDF-filen er krypteret og kan ikke scannes")
        places = _page_places(reader) + _reading_order_places(data) + _metadata_places(reader)
        object_places, seen_streams = _object_places(reader, recurse)
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise DocumentError(f"PDF-filen kan ikke læses ({exc})") from exc
    return places + object_places + _raw_places(data, seen_streams)
