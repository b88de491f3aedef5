"""Fuzz target: the DOCX reader and redacting writer (issue 9 §7). Time-boxed (fuzz_budget).

A small valid package is mutated the way a hostile sender would: text put in the places
Word hides it, XML snippets at structural points, parts renamed, dropped, duplicated or
added with odd content types, relationships pointing anywhere, bytes flipped, parts cut
short. Properties:
- reading either works or raises a DocumentError (never another exception: exit 2, not 3);
- if it works, writing with every occurrence of the secret removed either raises a
  DocumentError or gives a package that reads again and holds the secret in no byte of
  any part.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from fuzz_budget import QUICK_EXAMPLES, Budget, fuzz_settings, slow_examples
from hypothesis import given
from hypothesis import strategies as st

from gldocs.document.docx import docx_from_bytes, redact_docx_bytes
from gldocs.document.units import Edit
from gldocs.errors import DocumentError

SECRET = "Vibeke Kronborg"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _base() -> dict[str, bytes]:
    d = docx.Document()
    d.core_properties.author = "Ib Ravn"
    d.add_paragraph("Navn: Ib Ravn")
    d.add_paragraph("Beskrivelse: han bor i Vejle.")
    d.sections[0].header.paragraphs[0].text = "Sidehoved"
    d.add_table(rows=1, cols=2).cell(0, 1).text = "Celle"
    buf = io.BytesIO()
    d.save(buf)
    with zipfile.ZipFile(buf) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


BASE = _base()
PARTS = sorted(BASE)

# Places the secret may hide that must be redacted or cleared (issue 9 §2).
HIDDEN = [
    f"<w:p><w:r><w:t>{SECRET}</w:t></w:r></w:p>",
    "<w:p>" + "".join(f'<w:r><w:sym w:font="Arial" w:char="{ord(c):04X}"/></w:r>'
                      for c in SECRET) + "</w:p>",
    f'<w:p><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-'
    f'compatibility/2006"><mc:Choice Requires="wps"><w:r><w:t>{SECRET}</w:t></w:r>'
    f"</mc:Choice><mc:Fallback><w:r><w:t>{SECRET}</w:t></w:r></mc:Fallback>"
    "</mc:AlternateContent></w:p>",
    f'<w:sdt><w:sdtPr><w:alias w:val="{SECRET}"/><w:tag w:val="{SECRET}"/></w:sdtPr>'
    "<w:sdtContent><w:p><w:r><w:t>x</w:t></w:r></w:p></w:sdtContent></w:sdt>",
    f'<w:tbl><w:tblPr><w:tblCaption w:val="{SECRET}"/></w:tblPr><w:tr><w:tc><w:p/></w:tc>'
    "</w:tr></w:tbl>",
    f'<w:p><w:smartTag w:uri="u" w:element="e"><w:smartTagPr><w:attr w:name="n" '
    f'w:val="{SECRET}"/></w:smartTagPr><w:r><w:t>y</w:t></w:r></w:smartTag></w:p>',
    f"<w:p><w:r><w:instrText> AUTHOR {SECRET} </w:instrText></w:r></w:p>",
    f"<w:p><w:r><w:delText>{SECRET}</w:delText></w:r></w:p>",
    f"<w:p><w:r>{SECRET}<w:t>z</w:t></w:r></w:p>",
    f"<w:p><w:r><w:t>z</w:t>{SECRET}</w:r></w:p>",
    f'<w:p><m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
    f"<m:r><m:t>{SECRET}</m:t></m:r></m:oMath></w:p>",
    f"<w:p><w:ins w:id='1' w:author='{SECRET}'><w:r><w:t>i</w:t></w:r></w:ins></w:p>",
    f"<w:p><w:del w:id='2' w:author='a'><w:r><w:delText>{SECRET}</w:delText></w:r></w:del>"
    "</w:p>",
    f'<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>{SECRET}</w:t></w:r></w:p>',
    f'<w:p><w:hyperlink r:id="rIdX" xmlns:r="{RELS}" w:tooltip="{SECRET}"><w:r><w:t>l'
    "</w:t></w:r></w:hyperlink></w:p>",
    f'<w:p><w:fldSimple w:instr=" DATE \\@ &quot;\'{SECRET}\' d&quot; "><w:r><w:t>1'
    "</w:t></w:r></w:fldSimple></w:p>",
    f"<w:p><w:r><w:ruby><w:rt><w:r><w:t>{SECRET}</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>b"
    "</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>",
]
# Other hostile snippets: they may be refused, never crash.
HOSTILE = [
    '<!DOCTYPE x [<!ENTITY e "v">]>', "&e;", "<w:p>" * 50, "</w:body>", "<w:altChunk r:id='a'/>",
    '<w:p><w:r><w:sym w:char="ZZZZ"/></w:r></w:p>', '<w:p><w:r><w:sym w:char="D800"/></w:r></w:p>',
    "<w:p><w:r><w:t>\u202e\u200b</w:t></w:r></w:p>", "<?pi x?>", "<!-- kommentar -->",
    '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r></w:p>',
    '<v:textpath xmlns:v="urn:schemas-microsoft-com:vml" string="x"/>',
]
CONTENT_TYPES = ["application/xml", "image/png", "image/x-emf", "text/plain", "", "application/"
                 "vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
                 "application/vnd.ms-office.vbaProject", "application/x-ukendt"]
REL_TYPES = ["header", "footer", "image", "customXml", "oleObject", "hyperlink", "comments",
             "package", "settings", "x-ukendt"]


@st.composite
def mutation(draw: st.DrawFn) -> tuple:
    kind = draw(st.sampled_from(["hide", "hostile", "flip", "cut", "drop", "rename", "add",
                                 "rel", "dup"]))
    if kind == "hide":
        return (kind, draw(st.sampled_from(HIDDEN)), draw(st.sampled_from(["start", "end"])))
    if kind == "hostile":
        return (kind, draw(st.sampled_from(HOSTILE)), draw(st.sampled_from(["start", "end"])))
    if kind in ("flip", "cut"):
        return (kind, draw(st.sampled_from(PARTS)), draw(st.floats(0, 1)),
                draw(st.integers(0, 255)))
    if kind in ("drop", "dup"):
        return (kind, draw(st.sampled_from(PARTS)))
    if kind == "rename":
        return (kind, draw(st.sampled_from(PARTS)),
                draw(st.sampled_from(["word/kopf/first.xml", "Word/Document.xml", "media/x.jpg",
                                      "word/header9.xml", "a/../b.xml"])))
    if kind == "add":
        return (kind, draw(st.sampled_from(["word/noter.xml", "x/vbaProject.bin",
                                            "docProps/core1.xml", "customXml/item9.xml"])),
                draw(st.sampled_from(CONTENT_TYPES)), draw(st.sampled_from([
                    SECRET.encode(), f"<w:hdr xmlns:w='{W}'><w:p><w:r><w:t>{SECRET}</w:t>"
                    "</w:r></w:p></w:hdr>".encode()])))
    return (kind, draw(st.sampled_from(REL_TYPES)),
            draw(st.sampled_from(["noter.xml", "/word/noter.xml", "../../x", "https://x.invalid/"
                                  + SECRET.replace(" ", "%20"), "document.xml", ""])),
            draw(st.booleans()))


def apply(parts: dict[str, bytes], m: tuple, extra: list[tuple[str, bytes]]) -> None:
    kind = m[0]
    body = "word/document.xml"
    if kind in ("hide", "hostile") and body in parts:
        snippet = m[1].encode()
        data = parts[body]
        if m[2] == "start":
            parts[body] = data.replace(b"<w:body>", b"<w:body>" + snippet, 1)
        else:
            parts[body] = data.replace(b"<w:sectPr", snippet + b"<w:sectPr", 1)
    elif kind == "flip" and m[1] in parts and parts[m[1]]:
        data = bytearray(parts[m[1]])
        data[int(m[2] * (len(data) - 1))] = m[3]
        parts[m[1]] = bytes(data)
    elif kind == "cut" and m[1] in parts:
        parts[m[1]] = parts[m[1]][: int(m[2] * len(parts[m[1]]))]
    elif kind == "drop":
        parts.pop(m[1], None)
    elif kind == "dup" and m[1] in parts:
        extra.append((m[1], parts[m[1]]))
    elif kind == "rename" and m[1] in parts:
        parts[m[2]] = parts.pop(m[1])
        for name in [n for n in parts if n.endswith(".rels") or n == "[Content_Types].xml"]:
            old = m[1].rsplit("/", 1)[-1].encode()
            parts[name] = parts[name].replace(old, m[2].rsplit("/", 1)[-1].encode())
    elif kind == "add":
        parts[m[1]] = m[3]
        ct = parts.get("[Content_Types].xml", b"")
        parts["[Content_Types].xml"] = ct.replace(
            b"</Types>", f'<Override PartName="/{m[1]}" ContentType="{m[2]}"/></Types>'.encode())
    elif kind == "rel":
        rels = "word/_rels/document.xml.rels"
        mode = ' TargetMode="External"' if m[3] else ""
        rel = (f'<Relationship Id="rIdF{len(parts)}" Type="{RELS}/{m[1]}" Target="{m[2]}"'
               f"{mode}/>").encode()
        if rels in parts:
            parts[rels] = parts[rels].replace(b"</Relationships>", rel + b"</Relationships>")


def package(parts: dict[str, bytes], extra: list[tuple[str, bytes]]) -> bytes:
    import warnings

    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in [*parts.items(), *extra]:
                zf.writestr(name, data)
    return buf.getvalue()


def secret_edits(doc) -> dict[str, list[Edit]]:  # type: ignore[no-untyped-def]
    edits: dict[str, list[Edit]] = {}
    for unit in doc.units:
        spans = []
        for needle in (SECRET, *SECRET.split()):
            start = unit.text.find(needle)
            while start >= 0:
                end = start + len(needle)
                if not any(s < end and start < e for s, e in spans):
                    spans.append((start, end))
                start = unit.text.find(needle, end)
        if spans:
            edits[unit.path] = [Edit(s, e, "[x]") for s, e in sorted(spans)]
    return edits


def check(mutations: list[tuple]) -> None:
    parts = dict(BASE)
    extra: list[tuple[str, bytes]] = []
    for m in mutations:
        apply(parts, m, extra)
    data = package(parts, extra)
    try:
        doc = docx_from_bytes(data, Path("fuzz.docx"))
    except DocumentError:
        return
    try:
        out = redact_docx_bytes(doc, secret_edits(doc))
    except DocumentError:
        return
    again = docx_from_bytes(out, Path("ud.docx"))  # the output reads again
    assert not any(SECRET in u.text for u in again.units)
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        for info in zf.infolist():
            blob = zf.read(info)
            for word in (SECRET, *SECRET.split()):
                assert word.encode() not in blob, (info.filename, mutations)
                assert word.encode("utf-16-le") not in blob, (info.filename, mutations)
            assert word.encode() not in info.filename.encode()


MUTATIONS = st.lists(mutation(), min_size=1, max_size=5)


@fuzz_settings(QUICK_EXAMPLES)
@given(MUTATIONS)
def test_fuzz_docx_quick(mutations: list[tuple]) -> None:
    check(mutations)


_BUDGET = Budget()


@pytest.mark.slow
@fuzz_settings(slow_examples())
@given(MUTATIONS)
def test_fuzz_docx(mutations: list[tuple]) -> None:
    if _BUDGET():
        check(mutations)
