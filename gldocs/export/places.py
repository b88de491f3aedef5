"""Where text lives in a file, and the text readers shared by every container format.

:class:`Place` (one place in a file and its text) and the helpers that turn raw bytes or
XML into text, used by :mod:`.leakscan` (DOCX/ZIP, e-mail, plain text) and by
:mod:`.leakscan_pdf` alike.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Place:
    """One place in a file and the text found there.

    ``fallback`` marks text read heuristically from raw bytes; its findings are reported only
    when no precise place had the same finding.
    """

    place: str
    text: str
    fallback: bool = False


Recurse = Callable[[bytes, str], list[Place]]


# --------------------------------------------------------------------------- text helpers

def decode_text(data: bytes) -> str:
    """Bytes of a text file as str: BOM-aware UTF-8/UTF-16, else UTF-8, else cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


_PRINTABLE_RUN = re.compile(r"[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]{5,}")
_UTF16_HINT = re.compile(rb"(?:[\x20-\x7e]\x00){4}")


def printable_runs(data: bytes) -> str:
    """Readable runs in binary data (like ``strings``), as UTF-8 and, if hinted, UTF-16LE."""
    runs = _PRINTABLE_RUN.findall(data.decode("utf-8", errors="replace"))
    if _UTF16_HINT.search(data):
        for offset in (0, 1):
            chunk = data[offset:]
            chunk = chunk[: len(chunk) // 2 * 2]
            runs += _PRINTABLE_RUN.findall(chunk.decode("utf-16-le", errors="replace"))
    return "\n".join(r.strip() for r in runs if r.strip())


def looks_textual(data: bytes) -> bool:
    """Whether ``data`` reads as text (UTF-8, or a legacy 8-bit encoding such as cp1252)."""
    if not data:
        return True
    sample = data[:4096]
    if b"\x00" in sample:
        return False
    text = sample.decode("utf-8", errors="replace")
    if text[:-1].count("\ufffd") > len(text) // 50:  # not UTF-8: judge it as 8-bit text
        text = sample.decode("latin-1")
    bad = sum(1 for ch in text
              if ch in "\ufffd\x7f" or (ord(ch) < 32 and ch not in "\r\n\t\f"))
    return bad / len(text) < 0.02


# --------------------------------------------------------------------------- XML (DOCX etc.)

_TAG = re.compile(r"<(/?)((?:[A-Za-z_][\w.\-]*:)?[A-Za-z_][\w.\-]*)[^<>]*>"
                  r"|<!\[CDATA\[(.*?)\]\]>|<!--.*?-->|<\?.*?\?>|<!DOCTYPE[^>]*>", re.DOTALL)
_ATTR = re.compile(r"\s((?:[A-Za-z_][\w.\-]*:)?[A-Za-z_][\w.\-]*)\s*=\s*"
                   r"(?:\"([^\"<]*)\"|'([^'<]*)')")
# In WordprocessingML and DrawingML runs of one word may be split over several elements;
# only these elements separate words. Elsewhere (properties, custom XML) every element does.
_RUN_NAMESPACES = frozenset({"w:", "a:", "w14:", "w15:", "wp:", "m:"})
_WORD_BREAKS = frozenset({"p", "tc", "tr", "tbl", "br", "cr", "tab", "ptab", "txbxContent",
                          "footnote", "endnote", "comment", "sdt", "body", "hdr", "ftr",
                          "docPart", "lvlText"})
_LINE_BREAKS = frozenset({"p", "br", "cr", "tr"})
# HTML inline elements do not separate words either ("<b>So</b>fie").
_HTML_INLINE = frozenset({"a", "abbr", "b", "big", "code", "del", "em", "font", "i", "ins",
                          "mark", "s", "small", "span", "strike", "strong", "sub", "sup",
                          "tt", "u", "wbr"})
# Attribute values that are markup plumbing, not content.
_SKIP_ATTRS = frozenset({"rsidR", "rsidRPr", "rsidRDefault", "rsidP", "rsidDel", "rsidSect",
                         "rsidTr", "paraId", "textId", "Id", "id", "Type", "ContentType",
                         "Extension", "PartName", "TargetMode", "space", "uri", "embed",
                         "noChangeAspect",
                         # Word's internal ids and drawing geometry: numbers, never text
                         # (a ten-digit durableId is no CPR number)
                         "durableId", "styleId", "numId", "abstractNumId", "nsid", "tmpl",
                         "editId", "anchorId", "restartNumberingAfterBreak", "x", "y", "cx",
                         "cy", "distT", "distB", "distL", "distR", "relativeHeight"})
# Drawing offsets are element text in DrawingML ("<wp:posOffset>1234567890</wp:posOffset>").
_GEOMETRY_ELEMENTS = re.compile(
    r"<(wp\d*|a):(posOffset|pctPosHOffset|pctPosVOffset|pctWidth|pctHeight)>[^<]*"
    r"</\1:\2>")
_PLUMBING_VALUE = re.compile(r"[0-9A-Fa-f]{8}|-?\d{1,7}|true|false|on|off|auto|[\W_]*")


@lru_cache(maxsize=4096)
def _separator(qname: str) -> str:
    """What an element contributes to the text: nothing inside a run, else a word break."""
    prefix, _, local = qname.rpartition(":")
    prefix = f"{prefix}:" if prefix else ""
    inline = (prefix in _RUN_NAMESPACES and local not in _WORD_BREAKS) or (
        not prefix and local.lower() in _HTML_INLINE)
    if inline:
        return ""
    return "\n" if local in _LINE_BREAKS else " "


def _tag_replacement(m: re.Match[str]) -> str:
    if m.group(3) is not None:  # CDATA: its content is text
        return m.group(3)
    return _separator(m.group(2)) if m.group(2) else ""


def xml_to_text(xml: str) -> tuple[str, str]:
    """(text content, attribute values) of an XML part; robust to broken markup."""
    if "Offset>" in xml or "pctWidth>" in xml or "pctHeight>" in xml:
        xml = _GEOMETRY_ELEMENTS.sub("", xml)
    joined = html.unescape(_TAG.sub(_tag_replacement, xml))
    joined = re.sub(r"[ \t]*\n[ \t\n]*", "\n", re.sub(r"[ \t]{2,}", " ", joined))
    attrs = []
    for qname, dq, sq in _ATTR.findall(xml):
        value = dq or sq
        local = qname.rpartition(":")[2]
        if qname.startswith("xmlns") or local in _SKIP_ATTRS or _PLUMBING_VALUE.fullmatch(value):
            continue
        attrs.append(html.unescape(value))
    return joined.strip(), "\n".join(attrs)
