"""Invented DOCX and PDF inputs with the traps a redactor must survive (for test_doc_*)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from gldocs.document.base import SourceDocument
from gldocs.document.units import Edit

CLIENT = "Jonas Mikkelsen"
CLIENT_CPR = "120394-1763"
SISTER = "Camilla Mikkelsen"
FRIEND = "Birthe Holm"
PHONE = "22 33 44 55"
FOOTER_CPR = "010198-2724"
HIDDEN = "Pia Bendtsen"
DELETED = "Gorm Lauritsen"
FIELD_NAME = "Vibeke Strand"
ALT_NAME = "Henrik Dall"
CUSTOM_NAME = "Lone Kragh"
MAIL = "camilla.mikkelsen77@example.dk"
STACKED = ("Ulla", "Kjærgaard")  # a name wrapped inside a narrow table cell



def _png() -> bytes:
    """A 1x1 white PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


PNG = _png()


def jpeg_with_exif(artist: str) -> bytes:
    """A small JPEG whose EXIF names its maker (as cameras and phones do)."""
    from PIL import Image

    img = Image.new("RGB", (8, 8), (200, 30, 30))
    exif = img.getexif()
    exif[0x013B] = artist  # Artist
    exif[0x010E] = f"Foto af {artist}"  # ImageDescription
    out = io.BytesIO()
    img.save(out, format="JPEG", exif=exif)
    return out.getvalue()

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _el(xml: str) -> etree._Element:
    return etree.fromstring(f'<root xmlns:w="{W}">{xml}</root>')[0]


def _runs(paragraph, pieces: list[str]) -> None:
    for i, piece in enumerate(pieces):
        run = paragraph.add_run(piece)
        run.bold = i % 2 == 1


def build_docx(path: Path) -> Path:
    """A handleplan .docx full of traps; returns ``path``."""
    d = docx.Document()
    cp = d.core_properties
    cp.author = SISTER
    cp.last_modified_by = SISTER
    cp.comments = f"Kontakt {SISTER}"
    cp.title = f"Handleplan for {CLIENT}"
    cp.subject = f"Samtale med {SISTER}"
    cp.keywords = SISTER
    cp.category = SISTER
    d.sections[0].header.paragraphs[0].text = f"Udarbejdet efter samtale med {SISTER}"
    d.sections[0].footer.paragraphs[0].text = f"Søsterens CPR {FOOTER_CPR}"
    d.add_paragraph("1. Stamoplysninger")
    _runs(d.add_paragraph(), ["Navn: Jon", "as Mik", "kelsen"])
    d.add_paragraph(f"CPR-nr.: {CLIENT_CPR}")
    d.add_paragraph("")
    d.add_paragraph("2. Beskrivelse")
    p = d.add_paragraph()
    _runs(p, ["Jonas bor hos sin søster Cam", "illa Mikkel", "sen, tlf. 22 33", " 44 55, ",
              "og hun støtter ham."])
    first_run = p.runs[0]
    d.add_comment(first_run, text=f"Ring til {SISTER} igen", author="Søren Sørensen",
                  initials="SS")
    # tracked change: a deletion and an insertion
    p = d.add_paragraph("Kontaktperson: ")
    p._p.append(_el(
        f'<w:del w:id="91" w:author="{SISTER}" w:date="2026-01-05T10:00:00Z"><w:r>'
        f'<w:delText>{DELETED}</w:delText></w:r></w:del>'))
    p._p.append(_el(
        f'<w:ins w:id="92" w:author="{SISTER}" w:date="2026-01-05T10:00:00Z"><w:r>'
        '<w:t>ingen</w:t></w:r></w:ins>'))
    # hidden text
    p = d.add_paragraph("Netværk: ")
    hidden = p.add_run(f"skjult note om {HIDDEN}")
    hidden.font.hidden = True
    p.add_run("se nedenfor.")
    # a field whose code names someone, and a mailto hyperlink
    p = d.add_paragraph("Forfatter: ")
    p._p.append(_el('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'))
    p._p.append(_el(f'<w:r><w:instrText xml:space="preserve"> AUTHOR "{FIELD_NAME}" '
                    '</w:instrText></w:r>'))
    p._p.append(_el('<w:r><w:fldChar w:fldCharType="separate"/></w:r>'))
    p._p.append(_el(f'<w:r><w:t>{FIELD_NAME}</w:t></w:r>'))
    p._p.append(_el('<w:r><w:fldChar w:fldCharType="end"/></w:r>'))
    rid = d.part.relate_to(f"mailto:{MAIL}",
                           "http://schemas.openxmlformats.org/officeDocument/2006/"
                           "relationships/hyperlink", is_external=True)
    p = d.add_paragraph("Mail: ")
    link = _el(f'<w:hyperlink xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
               f'relationships" r:id="{rid}"><w:r><w:t>{MAIL}</w:t></w:r></w:hyperlink>')
    p._p.append(link)
    # a table with a name split over runs
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Ven"
    cell_p = table.cell(0, 1).paragraphs[0]
    _runs(cell_p, ["Bir", "the Ho", "lm (nabo)"])
    # a picture with alt text
    d.add_picture(io.BytesIO(PNG))
    d.add_picture(io.BytesIO(jpeg_with_exif(ALT_NAME)))
    for doc_pr in d.element.body.iter(qn("wp:docPr")):
        doc_pr.set("descr", f"Foto af {ALT_NAME}")
        doc_pr.set("title", ALT_NAME)
    d.add_paragraph("3. Årsager til kriminalitet")
    d.add_paragraph("Jonas har tidligere domme for tyveri.")
    d.save(path)
    _add_custom_parts(path)
    return path


def _add_custom_parts(path: Path) -> None:
    """docProps/custom.xml and a customXml item, both naming a third party."""
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    parts["docProps/custom.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        'docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
        f'name="Sagsbehandler"><vt:lpwstr>{CUSTOM_NAME}</vt:lpwstr></property></Properties>'
    ).encode()
    parts["customXml/item1.xml"] = f"<data><kontakt>{CUSTOM_NAME}</kontakt></data>".encode()
    rels = parts["_rels/.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>')
    parts["_rels/.rels"] = rels.encode()
    ct = parts["[Content_Types].xml"].decode()
    ct = ct.replace(
        "</Types>",
        '<Override PartName="/docProps/custom.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>')
    parts["[Content_Types].xml"] = ct.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def edits_for(doc: SourceDocument, remove: Mapping[str, str]) -> dict[str, list[Edit]]:
    """Hand-made edits: every occurrence of each text in ``remove``, in every unit.

    Longer texts win where occurrences overlap ("Selin Aksoy" before "Selin").
    """
    edits: dict[str, list[Edit]] = {}
    for unit in doc.units:
        taken: list[Edit] = []
        for text in sorted(remove, key=len, reverse=True):
            start = unit.text.find(text)
            while start >= 0:
                end = start + len(text)
                if not any(e.start < end and start < e.end for e in taken):
                    taken.append(Edit(start, end, remove[text]))
                start = unit.text.find(text, end)
        if taken:
            edits[unit.path] = taken
    return edits


def all_parts_text(path: Path) -> dict[str, str]:
    """Every part of a zip package, decompressed and decoded (XML entities resolved)."""
    import html

    with zipfile.ZipFile(path) as zf:
        return {i.filename: html.unescape(zf.read(i).decode("utf-8", "replace"))
                for i in zf.infolist()}


# --------------------------------------------------------------------------- PDF

PDF_LINES_PAGE1 = [
    "1. Stamoplysninger",
    f"Navn: {CLIENT}",
    f"CPR-nr.: {CLIENT_CPR}",
    "",
    "2. Beskrivelse",
    "Jonas bor i en lejlighed i Vejle sammen med sin søster Camilla",
    "Mikkelsen, som kan træffes på telefon 22 33 44 55 eller på mail, og",
    f"{MAIL} er adressen. Hun støtter ham i hverdagen.",
    "",
    "Jonas arbejder som lagermedarbejder og har en fast vagtplan på lageret.",
]
PDF_LINES_PAGE2 = [
    "3. Årsager til kriminalitet",
    f"Jonas har tidligere domme for tyveri sammen med vennen {FRIEND}, som han",
    "har mødt gennem fodboldklubben i Vejle, og som han stadig ser jævnligt.",
]


def _vera(canvas) -> None:
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path(rl_config.__file__).resolve().parent / "fonts"
    if "FxVera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("FxVera", str(folder / "Vera.ttf")))
    canvas.setFont("FxVera", 10)


def build_pdf(path: Path) -> Path:
    """A two-page PDF with wrapped names, invisible text, an annotation and named metadata."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setAuthor(SISTER)
    c.setSubject(f"Samtale med {SISTER}")
    c.setTitle(f"Handleplan for {CLIENT}")
    c.setKeywords(CUSTOM_NAME)
    for lines in (PDF_LINES_PAGE1, PDF_LINES_PAGE2):
        _vera(c)
        y = 800
        for line in lines:
            c.drawString(60, y, line)
            y -= 14
        if lines is PDF_LINES_PAGE1:
            c.drawString(60, 600, "Nabo")
            c.drawString(200, 600, STACKED[0])
            c.drawString(200, 588, STACKED[1])  # tighter than the page's line step
            hidden = c.beginText(60, 500)
            hidden.setFont("FxVera", 10)
            hidden.setTextRenderMode(3)  # invisible, but part of the text layer
            hidden.textLine(f"Skjult note: {HIDDEN}")
            c.drawText(hidden)
            c.textAnnotation(f"Ring til {ALT_NAME}", Rect=(300, 700, 400, 720))
        c.showPage()
    c.save()
    return path


def build_scanned_pdf(path: Path, with_text_page: bool = False) -> Path:
    """A PDF whose (last) page is only a picture, as a scanner makes it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path), pagesize=A4, invariant=1)
    if with_text_page:
        _vera(c)
        c.drawString(60, 800, "Navn: Jonas Mikkelsen")
        c.showPage()
    c.drawImage(ImageReader(io.BytesIO(PNG)), 50, 50, width=500, height=700)
    c.showPage()
    c.save()
    return path


def pdf_everything(path: Path) -> tuple[str, str]:
    """(text layer, raw dump of every reachable object and decompressed stream) of a PDF."""
    import pypdf
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

    reader = pypdf.PdfReader(str(path))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    raw: list[str] = []
    seen: set[int] = set()
    todo: list[object] = [reader.trailer]
    while todo:
        obj = todo.pop()
        if isinstance(obj, IndirectObject):
            if obj.idnum in seen:
                continue
            seen.add(obj.idnum)
            obj = obj.get_object()
        if isinstance(obj, StreamObject):
            data = obj.get_data()
            raw += [data.decode("latin-1"), data.decode("utf-8", "replace")]
        if isinstance(obj, DictionaryObject):
            raw.append(repr({k: v for k, v in obj.items() if not isinstance(v, IndirectObject)}))
            todo.extend(obj.values())
        elif isinstance(obj, ArrayObject):
            todo.extend(obj)
        elif obj is not None:
            raw.append(str(obj))
    return text, "\n".join(raw)


def package_problems(path: Path) -> list[str]:
    """Ways a .docx package is broken for Word: dangling relationships, ids or content types."""
    import posixpath

    rel_ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    ct_ns = "http://schemas.openxmlformats.org/package/2006/content-types"
    r_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    problems: list[str] = []
    ct = etree.fromstring(parts["[Content_Types].xml"])
    defaults = {el.get("Extension", "").lower() for el in ct.iter(f"{{{ct_ns}}}Default")}
    overrides = {el.get("PartName", "").lstrip("/") for el in ct.iter(f"{{{ct_ns}}}Override")}
    problems += [f"override without part: {o}" for o in overrides if o not in parts]
    for name, data in parts.items():
        if name == "[Content_Types].xml":
            continue
        if name not in overrides and name.rsplit(".", 1)[-1].lower() not in defaults:
            problems.append(f"no content type: {name}")
        folder, base = posixpath.split(name)
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        ids: set[str] = set()
        if rels_name in parts:
            for rel in etree.fromstring(parts[rels_name]).iter(f"{{{rel_ns}}}Relationship"):
                ids.add(rel.get("Id", ""))
                if rel.get("TargetMode") != "External":
                    target = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
                    if target.lstrip("/") not in parts:
                        problems.append(f"{rels_name}: missing target {target}")
        if name.endswith(".xml") and not name.endswith(".rels"):
            root = etree.fromstring(data)
            for el in root.iter():
                for attr, value in el.attrib.items():
                    if attr.startswith(f"{{{r_ns}}}") and value not in ids:
                        problems.append(f"{name}: dangling {etree.QName(attr).localname}={value}")
    return problems
