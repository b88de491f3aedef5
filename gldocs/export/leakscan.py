"""Leak scan of the final bytes: find CPR numbers and denied text wherever they hide.

The scan reads files the way an attacker would, not the way Word or a PDF viewer shows them:
every XML part of a DOCX (document, headers, footers, comments, footnotes, tracked changes,
properties, attribute values such as alt text), every PDF object and decompressed stream
(page text, metadata, XMP, annotations, bookmarks, embedded files, orphaned objects), every
header and MIME part of an .eml with its attachments, and the file names.

    places = extract_places(path_or_bytes, name)      # where text lives, and the text
    leaks = scan(places, client_cpr, deny, file=name)  # what must not be there
    scan_files(paths, client_cpr, deny)                # both, per file

A finding only in a fallback place (raw bytes read heuristically) is reported when the same
text was not already found in a precise place, so the report stays readable.
"""

from __future__ import annotations

import email
import email.policy
import io
import itertools
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path

from gldocs.cpr import birth_date
from gldocs.cpr import digits_of as digits_only
from gldocs.cpr import normalize as normalize_cpr
from gldocs.errors import DocumentError, InputError, Leak
from gldocs.export.places import (
    Place,
    Recurse,
    decode_text,
    looks_textual,
    printable_runs,
    xml_to_text,
)
from gldocs.redact import GENITIVE, find_cprs, is_cpr
from gldocs.sprog import os_fejl
from gldocs.text.normalize import normalise_text

ENCRYPTED_PLACE = "krypteret del"
FILENAME_PLACE = "filnavn"
KIND_CPR = "CPR-nummer"
KIND_DENIED = "forbudt tekst"


@dataclass
class FileScan:
    """The outcome of scanning one file."""

    path: Path
    places: list[Place]
    leaks: list[Leak]

    @property
    def unreadable_parts(self) -> list[str]:
        return [p.place for p in self.places if p.place.endswith(ENCRYPTED_PLACE)]


def _looks_like_xml(data: bytes) -> bool:
    head = data[:200].lstrip(b"\xef\xbb\xbf \r\n\t")
    return head.startswith(b"<")


def zip_places(data: bytes, recurse: Recurse) -> list[Place]:
    """Every part of a ZIP package (DOCX, XLSX, ODT, …): XML stripped, embedded files opened."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as exc:
        raise DocumentError(f"pakken kan ikke åbnes som ZIP/DOCX ({exc})") from exc
    places = [Place("pakkens delnavne", "\n".join(archive.namelist()))]
    if archive.comment:
        places.append(Place("ZIP-kommentar", decode_text(archive.comment)))
    with archive:
        _check_zip_bounds(archive, len(data))
        for info in archive.infolist():
            if info.is_dir():
                continue
            try:
                part = archive.read(info)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
                raise DocumentError(f"delen {info.filename} kan ikke læses ({exc})") from exc
            places.extend(_zip_part_places(info.filename, part, recurse))
    return places


def _check_zip_bounds(archive: zipfile.ZipFile, size: int) -> None:
    """The limits of :mod:`gldocs.limits`, checked from the directory before inflating."""
    from gldocs.limits import MB, current, refuse

    lim = current()
    infos = archive.infolist()
    if len(infos) > lim.parts:
        raise refuse("Pakken", "parts", f"{len(infos)} dele", lim.parts)
    total = sum(i.file_size for i in infos)
    for i in infos:
        if i.file_size > lim.part_mb * MB or (
                i.file_size > MB and i.file_size > lim.ratio * max(i.compress_size, 1)):
            raise refuse(f"Delen {i.filename}", "part_mb", f"{i.file_size // MB} MB udpakket",
                         f"{lim.part_mb} MB og forhold {lim.ratio}")
    if total > lim.unpacked_mb * MB or (total > MB and total > lim.ratio * max(size, 1)):
        raise refuse("Pakken udpakket", "unpacked_mb", f"{total // MB} MB",
                     f"{lim.unpacked_mb} MB og forhold {lim.ratio}")


_RASTER_IMAGE = re.compile(rb"\x89PNG\r\n\x1a\n|\xff\xd8\xff|GIF8[79]a|BM.{4}\x00\x00\x00\x00|"
                           rb"II\*\x00|MM\x00\*|RIFF.{4}WEBP", re.DOTALL)


def _zip_part_places(name: str, part: bytes, recurse: Recurse) -> list[Place]:
    utf16 = part.startswith((b"\xff\xfe", b"\xfe\xff"))
    if utf16 or (_looks_like_xml(part) and looks_textual(part)):
        decoded = decode_text(part)
        if not decoded.lstrip().startswith("<"):
            return [Place(name, decoded)]
        text, attrs = xml_to_text(decoded)
        places = [Place(name, text)]
        if attrs:
            places.append(Place(f"{name} (attributter)", attrs))
        return places
    if _RASTER_IMAGE.match(part):
        return []  # pixels are not text (a picture of text is beyond a leak scan)
    kind = sniff(part, name)
    if kind in {"pdf", "zip", "eml"}:
        return [Place(f"{name} › {p.place}", p.text, p.fallback) for p in recurse(part, name)]
    if looks_textual(part):
        return [Place(name, decode_text(part))]
    runs = printable_runs(part)
    return [Place(f"{name} (binær)", runs, fallback=True)] if runs else []


# --------------------------------------------------------------------------- e-mail

_ENCRYPTED_TYPES = frozenset({"application/pkcs7-mime", "application/x-pkcs7-mime"})
_SIGNATURE_TYPES = frozenset({"application/pkcs7-signature", "application/x-pkcs7-signature"})


def eml_places(data: bytes, recurse: Recurse) -> list[Place]:
    """Headers, every MIME part (decoded), attachment names and attachments' contents."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    places: list[Place] = []
    _message_places(msg, "", places, recurse)
    return places


def _header_text(msg: Message, key: str, raw: object) -> str:
    try:
        return str(raw)
    except Exception:  # a malformed header: fall back to the raw bytes
        return str(msg.get(key, ""))


def _message_places(msg: Message, prefix: str, places: list[Place], recurse: Recurse) -> None:
    for key, value in msg.items():
        places.append(Place(f"{prefix}e-mail-hoved {key}", _header_text(msg, key, value)))
    for index, part in enumerate(msg.walk()):
        where = f"{prefix}MIME-del {index} ({part.get_content_type()})"
        if index > 0:
            for key, value in part.items():
                places.append(Place(f"{where} hoved {key}", _header_text(part, key, value)))
        ctype = part.get_content_type()
        if part.is_multipart():
            continue
        filename = part.get_filename()
        if filename:
            places.append(Place(f"{where} vedhæftningens filnavn", filename))
        if ctype in _ENCRYPTED_TYPES and "signed-data" not in str(part.get("Content-Type", "")):
            places.append(Place(f"{where} {ENCRYPTED_PLACE}", ""))
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        label = f"{where} vedhæftning '{filename}'" if filename else where
        places.extend(_mime_leaf_places(part, ctype, payload, label, filename, recurse))


def _mime_leaf_places(part: Message, ctype: str, payload: bytes, label: str,
                      filename: str | None, recurse: Recurse) -> list[Place]:
    if ctype in _SIGNATURE_TYPES or ctype in _ENCRYPTED_TYPES:  # DER: readable runs only
        return [Place(f"{label} (signatur)", printable_runs(payload), fallback=True)]
    kind = sniff(payload, filename or "")
    if ctype.startswith("text/") and kind == "txt":
        charset = part.get_content_charset() or "utf-8"
        try:
            text = payload.decode(charset, errors="replace")
        except LookupError:
            text = decode_text(payload)
        places = [Place(label, text)]
        if ctype == "text/html":
            stripped, attrs = xml_to_text(text)
            places.append(Place(f"{label} (uden HTML-koder)", f"{stripped}\n{attrs}"))
        return places
    return [Place(f"{label} › {p.place}", p.text, p.fallback)
            for p in recurse(payload, filename or f"del.{kind}")]


# --------------------------------------------------------------------------- dispatch

def sniff(data: bytes, name: str) -> str:
    """The format of ``data``: "pdf", "zip" (DOCX and other packages), "eml", "txt" or "bin"."""
    head = data[:1024]
    suffix = Path(name).suffix.lower()
    # A PDF header may follow some junk, but then the name must say PDF.
    if head.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in head):
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return "txt"
    if suffix == ".eml" or (looks_textual(head) and _looks_like_mail(head)):
        return "eml"
    if looks_textual(data):
        return "txt"
    return "bin"


_MAIL_HEADER = re.compile(rb"^(?:From|To|Subject|MIME-Version|Content-Type|Received|Date):",
                          re.IGNORECASE | re.MULTILINE)


def _looks_like_mail(head: bytes) -> bool:
    return len(_MAIL_HEADER.findall(head)) >= 2 and head[:1].isalpha()


def _content_places(data: bytes, name: str) -> list[Place]:
    kind = sniff(data, name)
    if kind == "pdf":
        from gldocs.export.leakscan_pdf import pdf_places  # pypdf only for a PDF

        return pdf_places(data, _content_places)
    if kind == "zip":
        return zip_places(data, _content_places)
    if kind == "eml":
        return eml_places(data, _content_places)
    if kind == "txt":
        return [Place("tekst", decode_text(data))]
    runs = printable_runs(data)
    return [Place("binært indhold", runs, fallback=True)] if runs else []


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "filen findes ikke"
    if isinstance(exc, IsADirectoryError):
        return "det er en mappe, ikke en fil"
    if isinstance(exc, PermissionError):
        return "ingen adgang til filen"
    return f"{os_fejl(exc)}"


def extract_places(source: Path | str | bytes, name: str | None = None) -> list[Place]:
    """Every place in a file where text can be read, starting with the file name itself.

    ``source`` is a path or the file's bytes (then give ``name``). Raises
    :class:`DocumentError` when the file cannot be read or is not what it claims to be.
    """
    if isinstance(source, bytes):
        data = source
        name = name or "ukendt fil"
    else:
        path = Path(source)
        name = name or path.name
        data = _read_bounded(path)
    try:
        places = _content_places(data, name)
    except DocumentError as exc:
        raise DocumentError(f"Filen {name} kan ikke scannes: {exc.message}") from exc
    except Exception as exc:  # a parser choked: fail closed, never report a file as clean
        raise DocumentError(
            f"Filen {name} kan ikke scannes ({type(exc).__name__}: {exc})") from exc
    return [Place(FILENAME_PLACE, Path(name).name), *places]


def _read_bounded(path: Path) -> bytes:
    """A regular file's bytes, within the ``fil-mb`` limit (checked before reading, and again
    while reading: a file that grows); a device, pipe or folder is refused."""
    import stat

    from gldocs.limits import MB, current, refuse

    cap = current().file_mb * MB
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(f"Filen {path} er ikke en almindelig fil (fx en mappe, en "
                                "enhed eller et rør) og kan ikke scannes.")
        if info.st_size > cap:
            raise refuse(f"Filen {path.name}", "file_mb", f"{info.st_size // MB} MB",
                         f"{current().file_mb} MB")
        with path.open("rb") as fh:
            data = fh.read(cap + 1)
    except OSError as exc:
        raise DocumentError(f"Filen {path} kan ikke læses: {_os_reason(exc)}.") from exc
    if len(data) > cap:
        raise refuse(f"Filen {path.name}", "file_mb", f"over {current().file_mb} MB",
                     f"{current().file_mb} MB")
    return data


# --------------------------------------------------------------------------- scanning

_SEPARATORS = r"[\s.\-–‐‑/()]?"


def _clean(text: str) -> str:
    """The text a human sees: the same normalisation as the redactor's
    (:mod:`gldocs.text.normalize`)."""
    return normalise_text(text)


def _number_pattern(term: str) -> str:
    """Digits of a CPR or phone number with any separators; phones also with +45/0045."""
    digits = digits_only(term)
    body = _SEPARATORS.join(digits)
    if is_cpr(term) or len(digits) == 10:
        dd, mm, yy, serial = digits[:2], digits[2:4], digits[4:6], digits[6:]
        return rf"(?<!\d){dd}\s?{mm}\s?{yy}\s?[\-–‐‑]?\s?{serial}(?!\d)"
    prefix = r"(?:(?:\+|00)\s?45[\s\-]?|\(\s?(?:\+|00)45\s?\)\s?)?" if len(digits) == 8 else ""
    return rf"(?<![\d+]){prefix}{body}(?!\d)"


_TOKEN = re.compile(r"[^\W_]+")


def _token_gap(left: str, right: str) -> str:
    """What may stand between two tokens of a denied text: between two words some spacing or
    punctuation; next to a number also nothing ("CV 47 219" = "CV47219", "3. tv" = "3.tv")."""
    if left.isalpha() and right.isalpha():
        return r"[\W_]{1,6}"
    return r"[\W_]{0,6}"


def deny_pattern(term: str) -> re.Pattern[str] | None:
    """A regex for one denied text: case-insensitive, genitive s allowed, and tolerant of
    spacing and punctuation between its words ("Kochsgade 31, 3. tv." = "KOCHSGADE 31 3.TV").

    CPR numbers also match without dash or with spaces; phone numbers in any grouping.
    """
    term = _clean(term).strip()
    if not term:
        return None
    if re.fullmatch(r"[\d\s.\-–‐‑/()+]+", term) and len(digits_only(term)) >= 6:
        return re.compile(_number_pattern(term))
    tokens = _TOKEN.findall(term)
    if not tokens:  # punctuation only: literally
        return re.compile(re.escape(term))
    body = re.escape(tokens[0])
    for left, right in itertools.pairwise(tokens):
        body += _token_gap(left, right) + re.escape(right)
    return re.compile(r"(?<![^\W_])" + body + GENITIVE + r"?(?![^\W_])", re.IGNORECASE)


# A dashed CPR glued to other digits ("2026120394-1763" where text extraction dropped a
# space between table cells): the redaction detector leaves it alone, the leak scan may not.
_GLUED_CPR = re.compile(r"(\d{6})\s?[-–‐‑]\s?(\d{4})(?!\d)")


def cpr_numbers(text: str) -> list[tuple[str, str]]:
    """(as written, DDMMYY-SSSS) of every CPR number, including dashed ones glued to digits."""
    found = [(m.text, m.normalized) for m in find_cprs(text)]
    seen = {normalized for _t, normalized in found}
    for m in _GLUED_CPR.finditer(text):
        digits = m.group(1) + m.group(2)
        normalized = f"{digits[:6]}-{digits[6:]}"
        if normalized not in seen and birth_date(digits) is not None:
            seen.add(normalized)
            found.append((m.group(0), normalized))
    return found


def _client_digits(client_cpr: str | None) -> str | None:
    if not client_cpr:
        return None
    digits = digits_only(client_cpr)
    if len(digits) != 10:
        raise InputError(f"Klientens CPR-nummer '{client_cpr}' er ikke et CPR-nummer "
                         "(forventet DDMMÅÅ-XXXX).")
    return digits


@dataclass
class _Collector:
    file: str
    leaks: list[Leak] = field(default_factory=list)
    seen_precise: set[tuple[str, str]] = field(default_factory=set)
    seen_at: set[tuple[str, str, str, str]] = field(default_factory=set)

    def add(self, place: Place, kind: str, found: str, what: str, extra: dict[str, str]) -> None:
        """Record a finding unless it repeats one: ``what`` is the CPR number or denied term.

        One line per place and spelling; a fallback place only adds what no precise place had.
        """
        if place.fallback and (kind, what) in self.seen_precise:
            return
        spelling = " ".join(found.split()).casefold()
        if (place.place, kind, what, spelling) in self.seen_at:
            return
        self.seen_at.add((place.place, kind, what, spelling))
        if not place.fallback:
            self.seen_precise.add((kind, what))
        self.leaks.append(Leak(self.file, place.place, found, kind, extra))


def scan(places: Iterable[Place], client_cpr: str | None = None,
         deny: Sequence[str] = (), file: str = "") -> list[Leak]:
    """Every CPR number other than the client's and every denied text, with its place.

    Precise places are scanned before fallback places, so raw-byte duplicates of a finding
    are left out.
    """
    client = _client_digits(client_cpr)
    patterns = [(term, p) for term in deny if (p := deny_pattern(term)) is not None]
    ordered = sorted(places, key=lambda p: p.fallback)
    out = _Collector(file)
    for place in ordered:
        text = _clean(place.text)
        if not text:
            continue
        for found, normalized in cpr_numbers(text):
            if digits_only(normalized) != client:
                out.add(place, KIND_CPR, found, normalized, {"cpr": normalized})
        for term, pattern in patterns:
            what = normalize_cpr(term) if is_cpr(term) else " ".join(term.split()).casefold()
            for m in pattern.finditer(text):
                out.add(place, KIND_DENIED, m.group(0), what, {"forbudt": term})
    return out.leaks


def scan_file(path: Path | str, client_cpr: str | None = None,
              deny: Sequence[str] = ()) -> FileScan:
    """Extract and scan one file. Raises :class:`DocumentError` if it cannot be read."""
    path = Path(path)
    places = extract_places(path)
    return FileScan(path, places, scan(places, client_cpr, deny, file=str(path)))


def scan_bytes(data: bytes, name: str, client_cpr: str | None = None,
               deny: Sequence[str] = ()) -> list[Leak]:
    """Scan a file's final bytes before they are written (export uses this)."""
    return scan(extract_places(data, name), client_cpr, deny, file=name)


def scan_files(paths: Iterable[Path | str], client_cpr: str | None = None,
               deny: Sequence[str] = ()) -> dict[Path, list[Leak]]:
    """Scan several files; an unreadable file raises :class:`DocumentError` naming it."""
    return {Path(p): scan_file(p, client_cpr, deny).leaks for p in paths}
