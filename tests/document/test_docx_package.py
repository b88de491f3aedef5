"""Issue 9 §2: a DOCX is read through its package (relationships, content types), every place
text hides is redacted or cleared, and anything that cannot be made safe is refused (exit 2).

Every input is built here from python-docx output and zip edits; no binary fixtures.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import docfmt_fixtures as fx
import docx
import pytest
from click.testing import CliRunner

from gldocs.cli import main
from gldocs.document.io import read_document, write_document
from gldocs.errors import DocumentError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SECRET = "Vibeke Kronborg"
SECRET_CPR = "030592-2817"

Edit = Callable[[bytes], bytes] | bytes | None


def base_docx(tmp_path: Path, name: str = "kilde.docx", *paragraphs: str) -> Path:
    d = docx.Document()
    for text in paragraphs or ("Navn: Ib Ravn", "Beskrivelse af forløbet."):
        d.add_paragraph(text)
    path = tmp_path / name
    d.save(path)
    return path


def repack(src: Path, dst: Path, changes: dict[str, Edit], *,
           compress: int = zipfile.ZIP_DEFLATED) -> Path:
    """A copy of ``src`` with parts replaced (bytes), edited (a function), removed (None) or
    added (a name not in ``src``)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", compress) as zout:
        for info in zin.infolist():
            change = changes.get(info.filename, ...)
            data = zin.read(info)
            if change is None:
                continue
            if callable(change):
                data = change(data)
            elif isinstance(change, bytes):
                data = change
            zout.writestr(info.filename, data)
        for name, change in changes.items():
            if name not in zin.namelist() and isinstance(change, bytes):
                zout.writestr(name, change)
    return dst


def add_rel(rels_part: str, rid: str, rtype: str, target: str, external: bool = False
            ) -> dict[str, Edit]:
    mode = ' TargetMode="External"' if external else ""
    rel = (f'<Relationship Id="{rid}" Type="{RELS}/{rtype}" Target="{target}"{mode}/>'
           ).encode()
    return {rels_part: lambda b: b.replace(b"</Relationships>", rel + b"</Relationships>")}


def add_type(part: str, ctype: str) -> dict[str, Edit]:
    over = f'<Override PartName="/{part}" ContentType="{ctype}"/>'.encode()
    return {"[Content_Types].xml": lambda b: b.replace(b"</Types>", over + b"</Types>")}


def merge(*changes: dict[str, Edit]) -> dict[str, Edit]:
    """Several changes to the same parts, applied in turn."""
    out: dict[str, Edit] = {}
    for change in changes:
        for name, edit in change.items():
            prev = out.get(name)
            if callable(prev) and callable(edit):
                out[name] = (lambda a, b: lambda data: b(a(data)))(prev, edit)
            else:
                out[name] = edit
    return out


def body_xml(inner: str) -> Callable[[bytes], bytes]:
    """Insert raw WordprocessingML at the start of the body."""
    return lambda b: b.replace(b"<w:body>", b"<w:body>" + inner.encode(), 1)


def redact(src: Path, tmp_path: Path, remove: dict[str, str] | None = None) -> dict[str, bytes]:
    doc = read_document(src)
    out = tmp_path / "ud.docx"
    write_document(doc, fx.edits_for(doc, remove or {}), out)
    assert docx.Document(str(out)) is not None  # Word-compatible enough for python-docx
    with zipfile.ZipFile(out) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def everything(parts: dict[str, bytes]) -> bytes:
    return b"\n".join([*parts.values(), *(n.encode() for n in parts)])


HEADER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
HEADER = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="{W}">'
          f"<w:p><w:r><w:t>Søster: {SECRET}, CPR {SECRET_CPR}</w:t></w:r></w:p></w:hdr>")


# --------------------------------------------------------------------------- parts

def test_header_found_by_relationship_whatever_its_name(tmp_path: Path) -> None:
    src = repack(base_docx(tmp_path), tmp_path / "kopf.docx", merge(
        {"word/kopf/first.xml": HEADER.encode()},
        add_rel("word/_rels/document.xml.rels", "rIdKopf", "header", "kopf/first.xml"),
        add_type("word/kopf/first.xml", HEADER_CT),
    ))
    doc = read_document(src)
    unit = next(u for u in doc.units if u.path.startswith("word/kopf/first.xml"))
    assert SECRET in unit.text
    parts = redact(src, tmp_path, {SECRET: "[pårørende]", SECRET_CPR: "[cpr]"})
    assert "word/kopf/first.xml" not in parts  # the sender's name for it does not go out
    assert b"[p\xc3\xa5r\xc3\xb8rende]" in parts["word/header1.xml"]
    assert SECRET.encode() not in everything(parts)


def test_unreachable_part_is_dropped(tmp_path: Path) -> None:
    src = repack(base_docx(tmp_path), tmp_path / "noter.docx", merge(
        {"word/noter.xml": HEADER.encode(), "media/ekstra.bin": SECRET.encode()},
        add_type("word/noter.xml", HEADER_CT),
    ))
    assert not any("noter" in u.path for u in read_document(src).units)
    parts = redact(src, tmp_path)
    assert "word/noter.xml" not in parts and "media/ekstra.bin" not in parts
    assert SECRET.encode() not in everything(parts)
    assert b"noter.xml" not in parts["[Content_Types].xml"]


def test_unknown_part_type_is_refused(tmp_path: Path) -> None:
    src = repack(base_docx(tmp_path), tmp_path / "ukendt.docx", merge(
        {"word/data.xyz": SECRET.encode()},
        add_rel("word/_rels/document.xml.rels", "rIdX", "data", "data.xyz"),
        add_type("word/data.xyz", "application/x-hemmelig"),
    ))
    with pytest.raises(DocumentError, match=r"ukendt type.*word/data\.xyz"):
        read_document(src)


def test_external_relationships_removed_with_their_references(tmp_path: Path) -> None:
    url = f"https://example.invalid/spor?navn={SECRET.replace(' ', '+')}"
    blip = (f'<w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/'
            f'drawingml/2006/main" xmlns:r="{RELS}" r:link="rIdUrl"/></w:drawing></w:r></w:p>')
    src = repack(base_docx(tmp_path), tmp_path / "link.docx", merge(
        {"word/document.xml": body_xml(blip)},
        add_rel("word/_rels/document.xml.rels", "rIdUrl", "image", url, external=True),
        add_rel("_rels/.rels", "rIdTpl", "attachedTemplate", "file:///C:/Vibeke.dotx",
                external=True),
    ))
    doc = read_document(src)
    assert any("ekstern" in w for w in doc.meta.get("warnings", []))
    parts = redact(src, tmp_path)
    blob = everything(parts)
    assert b"example.invalid" not in blob and b"Vibeke" not in blob
    assert b"rIdUrl" not in parts["word/document.xml"]
    assert b'TargetMode="External"' not in blob


@pytest.mark.parametrize("where", ["word/vbaProject.bin", "vba/x/vbaProject.bin"])
def test_macros_refused_anywhere(tmp_path: Path, where: str) -> None:
    src = repack(base_docx(tmp_path), tmp_path / "makro.docx", {where: b"\xd0\xcf\x11\xe0"})
    with pytest.raises(DocumentError, match="makroer"):
        read_document(src)


def test_macro_enabled_main_type_refused(tmp_path: Path) -> None:
    main_ct = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    src = repack(base_docx(tmp_path), tmp_path / "docm.docx", {
        "[Content_Types].xml": lambda b: b.replace(
            main_ct, b"application/vnd.ms-word.document.macroEnabled.main+xml")})
    with pytest.raises(DocumentError, match="makroer"):
        read_document(src)


@pytest.mark.parametrize("declaration", [
    '<!DOCTYPE w:document [<!ENTITY navn "Vibeke Kronborg">]>',
    '<!DOCTYPE w:document SYSTEM "http://example.invalid/x.dtd">',
])
def test_doctype_and_entities_refused(tmp_path: Path, declaration: str) -> None:
    def add_doctype(b: bytes) -> bytes:
        head, sep, rest = b.partition(b"?>")
        return head + sep + declaration.encode() + rest

    src = repack(base_docx(tmp_path), tmp_path / "dtd.docx", {"word/document.xml": add_doctype})
    with pytest.raises(DocumentError, match="DOCTYPE"):
        read_document(src)


def test_undefined_entity_is_a_broken_part(tmp_path: Path) -> None:
    src = repack(base_docx(tmp_path), tmp_path / "entitet.docx", {
        "word/document.xml": body_xml("<w:p><w:r><w:t>&navn;</w:t></w:r></w:p>")})
    with pytest.raises(DocumentError, match="ødelagt del"):
        read_document(src)


# --------------------------------------------------------------------------- pictures

def _webp_with_exif() -> bytes:
    from PIL import Image

    img = Image.new("RGB", (8, 8), (10, 200, 30))
    exif = img.getexif()
    exif[0x013B] = SECRET
    out = io.BytesIO()
    img.save(out, format="WEBP", exif=exif)
    return out.getvalue()


def _emf(with_text: bool = False) -> bytes:
    """A minimal EMF: header with a description, a comment record, optional text, EOF."""
    desc = f"gldocs\x00{SECRET}\x00\x00".encode("utf-16-le")
    header_size = 108
    header = bytearray(header_size)
    comment_data = SECRET.encode() + b"\x00" * (4 - len(SECRET) % 4)
    comment = struct.pack("<III", 70, 12 + len(comment_data), len(comment_data)) + comment_data
    text = b""
    if with_text:
        words = SECRET.encode("utf-16-le")
        words += b"\x00" * (-len(words) % 4)
        text = struct.pack("<II", 84, 8 + len(words)) + words
    eof = struct.pack("<IIIII", 14, 20, 0, 16, 20)
    body = comment + text + eof
    total = header_size + len(desc) + len(body)
    struct.pack_into("<II", header, 0, 1, header_size + len(desc))
    header[40:44] = b" EMF"
    struct.pack_into("<I", header, 44, 0x10000)
    struct.pack_into("<II", header, 48, total, 4 if with_text else 3)
    struct.pack_into("<II", header, 64, len(desc) // 2, header_size)
    return bytes(header) + desc + body


def _wmf(with_text: bool = False) -> bytes:
    escape_data = SECRET.encode() + b"\x00" * (len(SECRET) % 2)
    escape = struct.pack("<IH", (6 + len(escape_data)) // 2, 0x0626) + escape_data
    text = struct.pack("<IHH", 5, 0x0521, 2) + b"Ib" if with_text else b""
    eof = struct.pack("<IH", 3, 0)
    records = escape + text + eof
    header = struct.pack("<HHHIHIH", 1, 9, 0x300, (18 + len(records)) // 2, 0, 8, 0)
    return header + records


def _with_picture(tmp_path: Path, name: str, data: bytes, ctype: str, target: str) -> Path:
    return repack(base_docx(tmp_path), tmp_path / name, merge(
        {target: data},
        add_rel("word/_rels/document.xml.rels", "rIdPic", "image", "/" + target),
        add_type(target, ctype),
    ))


@pytest.mark.parametrize(("target", "ctype", "data"), [
    ("media/image.jpg", "image/jpeg", fx.jpeg_with_exif(SECRET)),
    ("word/billeder/foto.webp", "image/webp", _webp_with_exif()),
    ("word/media/tegning.emf", "image/x-emf", _emf()),
    ("word/media/tegning.wmf", "image/x-wmf", _wmf()),
])
def test_picture_metadata_stripped_anywhere(tmp_path: Path, target: str, ctype: str,
                                            data: bytes) -> None:
    assert SECRET.encode() in data or SECRET.encode("utf-16-le") in data
    src = _with_picture(tmp_path, "billede.docx", data, ctype, target)
    parts = redact(src, tmp_path)
    kept = "word/media/image1" + target[target.rindex("."):]  # under a name Word gives it
    assert kept in parts and (target == kept or target not in parts)
    assert SECRET.encode() not in parts[kept]
    assert SECRET.encode("utf-16-le") not in parts[kept]


@pytest.mark.parametrize(("target", "ctype", "data"), [
    ("word/media/t.emf", "image/x-emf", _emf(with_text=True)),
    ("word/media/t.wmf", "image/x-wmf", _wmf(with_text=True)),
])
def test_vector_pictures_with_text_refused(tmp_path: Path, target: str, ctype: str,
                                           data: bytes) -> None:
    src = _with_picture(tmp_path, "tekstbillede.docx", data, ctype, target)
    doc = read_document(src)
    with pytest.raises(DocumentError, match="vektortegning med tekst"):
        write_document(doc, {}, tmp_path / "ud.docx")
    assert not (tmp_path / "ud.docx").exists()


@pytest.mark.parametrize("second", [
    "docProps/core1.xml", "package/services/metadata/core-properties/abc123.psmdcp"])
def test_second_core_properties_dropped(tmp_path: Path, second: str) -> None:
    core = (
        '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.'
        'openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/'
        f'dc/elements/1.1/"><dc:creator>{SECRET}</dc:creator><dc:title>Sag om {SECRET}'
        "</dc:title></cp:coreProperties>").encode()
    ctype = "application/vnd.openxmlformats-package.core-properties+xml"
    src = repack(base_docx(tmp_path), tmp_path / "kerne.docx", merge(
        {second: core},
        add_rel("_rels/.rels", "rIdCore2",
                "../package/2006/relationships/metadata/core-properties", "/" + second),
        add_type(second, ctype),
    ))
    parts = redact(src, tmp_path)
    assert second not in parts
    assert SECRET.encode() not in everything(parts)
    assert "docProps/core.xml" in parts


# --------------------------------------------------------------------------- hiding places

HIDING = {
    "sym": '<w:p><w:r><w:t>Søster: </w:t></w:r>'
           + "".join(f'<w:r><w:sym w:font="Arial" w:char="{ord(c):04X}"/></w:r>' for c in "Vibeke")
           + "<w:r><w:t> Kronborg</w:t></w:r></w:p>",
    "alternate": '<w:p><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/'
                 'markup-compatibility/2006"><mc:Choice Requires="wps"><w:r><w:t>Søster '
                 f'{SECRET} (valg)</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>Søster '
                 f"{SECRET}</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>",
    "sdt": f'<w:sdt><w:sdtPr><w:alias w:val="{SECRET}"/><w:tag w:val="{SECRET_CPR}"/>'
           "</w:sdtPr><w:sdtContent><w:p><w:r><w:t>Felt</w:t></w:r></w:p></w:sdtContent>"
           "</w:sdt>",
    "caption": f'<w:tbl><w:tblPr><w:tblCaption w:val="{SECRET}"/><w:tblDescription '
               f'w:val="{SECRET_CPR}"/></w:tblPr><w:tr><w:tc><w:p><w:r><w:t>Celle</w:t>'
               "</w:r></w:p></w:tc></w:tr></w:tbl>",
    "smarttag": '<w:p><w:smartTag w:uri="urn:x" w:element="person"><w:smartTagPr><w:attr '
                f'w:name="navn" w:val="{SECRET}"/></w:smartTagPr><w:r><w:t>Ib</w:t></w:r>'
                "</w:smartTag></w:p>",
    "field_literal": '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>'
                     f" DATE \\@ \"'{SECRET}' d-M-yyyy\" </w:instrText></w:r><w:r><w:fldChar "
                     'w:fldCharType="separate"/></w:r><w:r><w:t>1-1-2027</w:t></w:r><w:r>'
                     '<w:fldChar w:fldCharType="end"/></w:r></w:p>',
    "deltext": f"<w:p><w:r><w:delText>{SECRET}</w:delText></w:r><w:r><w:t>Slut</w:t></w:r>"
               "</w:p>",
    "run_text": f"<w:p><w:r>{SECRET}<w:t>Ok</w:t>{SECRET_CPR}</w:r></w:p>",
    "ruby": '<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>Vibeke</w:t></w:r></w:rt>'
            "<w:rubyBase><w:r><w:t>Kronborg</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>",
    "math": '<w:p><m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'math"><m:r><m:t>{SECRET}</m:t></m:r></m:oMath></w:p>',
    "ffdata": '<w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Vibeke"/>'
              f'<w:helpText w:type="text" w:val="{SECRET}"/><w:textInput><w:default '
              f'w:val="{SECRET_CPR}"/></w:textInput></w:ffData></w:fldChar></w:r><w:r>'
              '<w:instrText> FORMTEXT </w:instrText></w:r><w:r><w:fldChar '
              'w:fldCharType="end"/></w:r></w:p>',
}


@pytest.mark.parametrize("case", sorted(HIDING))
def test_text_in_hiding_places_is_redacted_or_cleared(tmp_path: Path, case: str) -> None:
    src = repack(base_docx(tmp_path), tmp_path / f"{case}.docx",
                 {"word/document.xml": body_xml(HIDING[case])})
    doc = read_document(src)
    remove = {SECRET: "[pårørende]", "Vibeke": "[pårørende]", "Kronborg": "[pårørende]",
              "VibekeKronborg": "[pårørende]", SECRET_CPR: "[cpr]"}
    parts = redact(src, tmp_path, remove)
    body = parts["word/document.xml"]
    for gone in (b"Vibeke", b"Kronborg", SECRET_CPR.encode()):
        assert gone not in body, (case, [u.text for u in doc.units])
        assert gone not in everything(parts)


def test_sym_characters_are_text(tmp_path: Path) -> None:
    src = repack(base_docx(tmp_path), tmp_path / "sym.docx",
                 {"word/document.xml": body_xml(HIDING["sym"])})
    assert read_document(src).units[0].text == f"Søster: {SECRET}"


def test_list_level_text_and_style_names(tmp_path: Path) -> None:
    d = docx.Document()
    style = d.styles.add_style(f"Notat om {SECRET}", 1)
    d.add_paragraph("Punkt", style="List Number")
    d.add_paragraph("Notat", style=style)
    src0 = tmp_path / "lister0.docx"
    d.save(src0)
    src = repack(src0, tmp_path / "lister.docx", {"word/numbering.xml": lambda b: b.replace(
        b'w:lvlText w:val="%1."', f'w:lvlText w:val="{SECRET} %1."'.encode(), 1)})
    with zipfile.ZipFile(src) as zf:
        assert SECRET.encode() in zf.read("word/numbering.xml")
        assert SECRET.encode() in zf.read("word/styles.xml")
    parts = redact(src, tmp_path)
    assert SECRET.encode() not in everything(parts)
    assert b"Vibeke" not in everything(parts)
    assert b'w:val=" %1."' in parts["word/numbering.xml"]
    out = docx.Document(io.BytesIO(_zip(parts)))
    assert out.paragraphs[1].style.name.startswith("Typografi")


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_deleted_field_code_and_math_are_not_refused(tmp_path: Path) -> None:
    deleted = (f'<w:p><w:del w:id="1" w:author="x"><w:r><w:delInstrText> MERGEFIELD {SECRET} '
               "</w:delInstrText></w:r></w:del><w:r><w:t>Tekst</w:t></w:r></w:p>")
    src = repack(base_docx(tmp_path), tmp_path / "slettet.docx",
                 {"word/document.xml": body_xml(deleted + HIDING["math"])})
    doc = read_document(src)
    assert any(SECRET in u.text for u in doc.units)  # Office Math is text
    parts = redact(src, tmp_path, {SECRET: "[x]"})
    assert SECRET.encode() not in everything(parts)


# --------------------------------------------------------------------------- broken packages

def run_redact(path: Path, tmp_path: Path) -> tuple[int, str]:
    res = CliRunner().invoke(main, ["redact", str(path), "--areas", "none", "--no-ner",
                                    "-o", str(tmp_path / "ud" / "x.docx")])
    return res.exit_code, res.output


def test_password_protected_docx_has_its_own_message(tmp_path: Path) -> None:
    ole = tmp_path / "kodeord.docx"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    code, out = run_redact(ole, tmp_path)
    assert code == 2 and "adgangskode" in out and "zip" not in out.lower()


def _comment_in_rels(b: bytes) -> bytes:
    return b.replace(b"<Relationship ", b"<!-- kommentar --><Relationship ", 1)


def _encrypted_flag(src: Path, dst: Path) -> Path:
    data = bytearray(src.read_bytes())
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:  # the central directory's general-purpose flag of every entry
        struct.pack_into("<H", data, pos + 8, struct.unpack_from("<H", data, pos + 8)[0] | 1)
        pos = data.find(b"PK\x01\x02", pos + 4)
    dst.write_bytes(bytes(data))
    return dst


def test_broken_packages_exit_2_never_3(tmp_path: Path) -> None:
    base = base_docx(tmp_path)
    rels_comment = repack(base, tmp_path / "kommentar.docx",
                          {"_rels/.rels": _comment_in_rels,
                           "word/_rels/document.xml.rels": _comment_in_rels})
    doc = read_document(rels_comment)  # comments in .rels are harmless: read and cleaned
    write_document(doc, {}, tmp_path / "kommentar-ud.docx")
    assert b"kommentar" not in everything(redact(rels_comment, tmp_path))

    bzip = repack(base, tmp_path / "bzip.docx", {}, compress=zipfile.ZIP_BZIP2)
    encrypted = _encrypted_flag(base, tmp_path / "krypteret.docx")
    dup = tmp_path / "dobbelt.docx"
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(dup, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info))
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            zout.writestr("word/Document.xml", b"<x/>")
    truncated = tmp_path / "afkortet.docx"
    truncated.write_bytes(base.read_bytes()[:-200])
    for bad, words in [(bzip, "komprimering"), (encrypted, "krypterede"),
                       (dup, "to gange"), (truncated, "gyldigt")]:
        code, out = run_redact(bad, tmp_path)
        assert code == 2, (bad.name, out)
        assert words in out, (bad.name, out)
    assert not (tmp_path / "ud").exists()


def test_output_never_declares_macro_content_and_theme_names_go(tmp_path: Path) -> None:
    default = b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
    src = repack(base_docx(tmp_path), tmp_path / "ct.docx", {
        "[Content_Types].xml": lambda b: b.replace(b"</Types>", default + b"</Types>"),
        "word/theme/theme1.xml": lambda b: b.replace(b'name="Office Theme"',
                                                     f'name="{SECRET}"'.encode(), 1),
    })
    with zipfile.ZipFile(src) as zf:
        assert SECRET.encode() in zf.read("word/theme/theme1.xml")
    parts = redact(src, tmp_path)
    assert b"vbaProject" not in parts["[Content_Types].xml"]
    assert b"macroEnabled" not in parts["[Content_Types].xml"]
    assert SECRET.encode() not in everything(parts)
