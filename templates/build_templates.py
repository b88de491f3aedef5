"""Build the Word templates in this folder from the shared document layouts.

    .venv/bin/python templates/build_templates.py

Writes ``handleplan.docx`` and ``foelgeskrivelse.docx``: real Word documents with named
styles (Titel, Overskrift 1-3, Felt, Celle, Banner, Bemærkning), a "Fortroligt" header,
page numbers in the footer (PAGE and NUMPAGES fields) and docxtpl/Jinja tags that point
into the template context (``gldocs/render/context.py``). The structure comes from
``gldocs/render/layout.py``, the same layout the PDF renderer walks, so both formats
agree. Re-run after changing a layout; the output is committed. A caseworker may restyle
the templates in Word (fonts, colours, spacing) as long as the tags stay in place.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gldocs.render.layout import (  # noqa: E402
    CONTENT_WIDTH_CM,
    LAYOUTS,
    Banner,
    Block,
    Bullets,
    Fields,
    ForEach,
    Heading,
    If,
    Lines,
    Note,
    Subtitle,
    Table,
    Text,
    Title,
)

FONT = "Calibri"
ACCENT = RGBColor(0x1F, 0x38, 0x64)
RED = RGBColor(0xB0, 0x00, 0x20)
GREY = RGBColor(0x40, 0x40, 0x40)
HEADER_FILL = "D9E2F3"
BORDER = "8EAADB"

HEADING_STYLES = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3"}


# --------------------------------------------------------------------------- styles


def _set_language(doc: DocxDocument, lang: str = "da-DK") -> None:
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    el = rpr.find(qn("w:lang"))
    if el is None:
        el = OxmlElement("w:lang")
        rpr.append(el)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        el.set(qn(attr), lang)


def _border(ppr_owner: object, color: str, size: int = 8, fill: str | None = None) -> None:
    """Put a box border (and optional shading) on a paragraph style."""
    ppr = ppr_owner.element.get_or_add_pPr()  # type: ignore[attr-defined]
    bdr = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), "single")
        b.set(qn("w:sz"), str(size))
        b.set(qn("w:space"), "4")
        b.set(qn("w:color"), color)
        bdr.append(b)
    ppr.append(bdr)
    if fill:
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        ppr.append(shd)


def _paragraph_style(doc: DocxDocument, name: str, *, size: float | None = None,
                     bold: bool = False, italic: bool = False, color: RGBColor | None = None,
                     before: float = 0, after: float = 4, keep_next: bool = False):
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(
        name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.quick_style = True
    font = style.font
    font.name = FONT
    if size:
        font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    if color is not None:
        font.color.rgb = color
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.keep_with_next = keep_next
    return style


def _styles(doc: DocxDocument) -> None:
    _set_language(doc)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.1
    _paragraph_style(doc, "Title", size=22, bold=True, color=ACCENT, before=10, after=4)
    _paragraph_style(doc, "Subtitle", size=10.5, italic=False, color=GREY, after=12)
    _paragraph_style(doc, "Heading 1", size=14, bold=True, color=ACCENT, before=16, after=6,
                     keep_next=True)
    _paragraph_style(doc, "Heading 2", size=11.5, bold=True, color=ACCENT, before=10,
                     after=4, keep_next=True)
    _paragraph_style(doc, "Heading 3", size=10, bold=True, italic=True, color=ACCENT,
                     before=6, after=2, keep_next=True)
    _paragraph_style(doc, "Felt", after=2)
    _paragraph_style(doc, "Linje", after=0)
    _paragraph_style(doc, "Celle", size=8.5, after=0)
    _paragraph_style(doc, "Celleoverskrift", size=8.5, bold=True, after=0)
    banner = _paragraph_style(doc, "Banner", size=14, bold=True, color=RED, after=12)
    banner.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _border(banner, "B00020", size=12)
    note = _paragraph_style(doc, "Bemærkning", bold=True, before=8, after=10)
    _border(note, "1F3864", fill="F2F5FB")
    _paragraph_style(doc, "Sidehoved", size=8, color=GREY, after=0)


# --------------------------------------------------------------------------- page frame


def _field(paragraph: Paragraph, instr: str, placeholder: str) -> None:
    """Append a simple Word field (PAGE, NUMPAGES) to ``paragraph``."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {instr} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def _page_frame(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)
    right = Cm(CONTENT_WIDTH_CM)

    header = section.header
    head = header.paragraphs[0]
    head.style = doc.styles["Sidehoved"]
    head.paragraph_format.tab_stops.add_tab_stop(right, WD_TAB_ALIGNMENT.RIGHT)
    r = head.add_run("{{ dok.fortroligt }}")
    r.bold = True
    r.font.size = Pt(9)
    r.font.color.rgb = RED
    head.add_run("\t{{ dok.sidehoved }}")
    # the banner, when there is one, on its own centred line on every page
    header.add_paragraph("{%p if dok.banner %}", style=doc.styles["Sidehoved"])
    line = header.add_paragraph(style=doc.styles["Sidehoved"])
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    b = line.add_run("{{ dok.banner }}")
    b.bold = True
    b.font.size = Pt(9)
    b.font.color.rgb = RED
    header.add_paragraph("{%p endif %}", style=doc.styles["Sidehoved"])

    foot = section.footer.paragraphs[0]
    foot.style = doc.styles["Sidehoved"]
    foot.paragraph_format.tab_stops.add_tab_stop(right, WD_TAB_ALIGNMENT.RIGHT)
    foot.add_run("{{ dok.sidefod }}\tSide ")
    _field(foot, "PAGE", "1")
    foot.add_run(" af ")
    _field(foot, "NUMPAGES", "1")


# --------------------------------------------------------------------------- blocks


def _para(doc: DocxDocument, text: str, style: str = "Normal") -> Paragraph:
    return doc.add_paragraph(text, style=doc.styles[style])


def _tag(doc: DocxDocument, tag: str) -> None:
    """A paragraph holding only a docxtpl paragraph tag ({%p ... %}); removed on render."""
    _para(doc, f"{{%p {tag} %}}")


def _shade(cell_element: object, fill: str) -> None:
    tcpr = cell_element.get_or_add_tcPr()  # type: ignore[attr-defined]
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _repeat_header(table: DocxTable) -> None:
    trpr = table.rows[0]._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _table(doc: DocxDocument, block: Table) -> None:
    path, keys = block.path, list(block.widths)
    if block.title_level:
        _para(doc, f"{{{{ {path}.titel }}}}", HEADING_STYLES[block.title_level])
    _tag(doc, f"if {path}.raekker")
    table = doc.add_table(rows=4, cols=len(keys))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    total = sum(block.widths.values())
    rows = (
        [f"{{{{ {path}.kolonner.{k} }}}}" for k in keys],
        [f"{{%tr for r in {path}.raekker %}}", *[""] * (len(keys) - 1)],
        [f"{{{{ r.{k} }}}}" for k in keys],
        ["{%tr endfor %}", *[""] * (len(keys) - 1)],
    )
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            cell = table.cell(r, c)
            cell.width = Cm(CONTENT_WIDTH_CM * block.widths[keys[c]] / total)
            p = cell.paragraphs[0]
            p.style = doc.styles["Celleoverskrift" if r == 0 else "Celle"]
            p.add_run(text)
            if r == 0:
                _shade(cell._tc, HEADER_FILL)
    for col, width in zip(table._tbl.tblGrid.gridCol_lst, keys, strict=True):
        col.w = Cm(CONTENT_WIDTH_CM * block.widths[width] / total)
    _repeat_header(table)
    _tag(doc, f"elif {path}.tom")
    _para(doc, f"{{{{ {path}.tom }}}}")
    _tag(doc, "endif")


def _block(doc: DocxDocument, block: Block) -> None:
    match block:
        case Banner(path=path):
            _tag(doc, f"if {path}")
            _para(doc, f"{{{{ {path} }}}}", "Banner")
            _tag(doc, "endif")
        case Note(path=path):
            _tag(doc, f"if {path}")
            _para(doc, f"{{{{ {path} }}}}", "Bemærkning")
            _tag(doc, "endif")
        case Title(path=path):
            _para(doc, f"{{{{ {path} }}}}", "Title")
        case Subtitle(path=path):
            _para(doc, f"{{{{ {path} }}}}", "Subtitle")
        case Heading(path=path, level=level):
            _para(doc, f"{{{{ {path} }}}}", HEADING_STYLES[level])
        case Text(path=path):
            _para(doc, f"{{{{ {path} }}}}")
        case Fields(path=path):
            _tag(doc, f"for f in {path}")
            p = _para(doc, "", "Felt")
            p.add_run("{{ f.label }}").bold = True
            p.add_run(" {{ f.vaerdi }}")
            _tag(doc, "endfor")
        case Lines(path=path):
            _tag(doc, f"for line in {path}")
            _para(doc, "{{ line }}", "Linje")
            _tag(doc, "endfor")
            _para(doc, "", "Linje")
        case Bullets(path=path):
            _tag(doc, f"for item in {path}")
            _para(doc, "{{ item }}", "List Bullet")
            _tag(doc, "endfor")
        case Table():
            _table(doc, block)
        case If(path=path, blocks=inner):
            _tag(doc, f"if {path}")
            for b in inner:
                _block(doc, b)
            _tag(doc, "endif")
        case ForEach(path=path, var=var, blocks=inner):
            _tag(doc, f"for {var} in {path}")
            for b in inner:
                _block(doc, b)
            _tag(doc, "endfor")
        case _:
            raise TypeError(f"unknown layout block: {block!r}")


def _drop_leftovers(doc: DocxDocument) -> None:
    """Remove what python-docx's default template carries along: a thumbnail picture and
    an empty bibliography part. A template should hold nothing it does not need."""
    for rels in (doc.part.package.rels, doc.part.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.endswith(("/metadata/thumbnail", "/customXml")):
                del rels[rid]


def build(doc_name: str) -> DocxDocument:
    doc = Document()
    _styles(doc)
    _page_frame(doc)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):  # the default empty paragraph
        body.remove(p)
    for block in LAYOUTS[doc_name]:
        _block(doc, block)
    _drop_leftovers(doc)
    props = doc.core_properties
    for attr in ("author", "comments", "keywords", "subject", "title", "category",
                 "last_modified_by", "identifier", "content_status"):
        setattr(props, attr, "")
    props.revision = 1
    return doc


def main(out_dir: Path = HERE) -> list[Path]:
    written = []
    for name in LAYOUTS:
        path = out_dir / f"{name}.docx"
        build(name).save(str(path))
        written.append(path)
    return written


if __name__ == "__main__":
    for p in main():
        print(f"Skrev {p}")
