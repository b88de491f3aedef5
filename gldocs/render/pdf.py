"""PDF rendering: the document's layout walked over the template context with reportlab."""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, ListFlowable, ListItem, Paragraph

from gldocs.case.model import Case
from gldocs.render import pdf_kit as kit
from gldocs.render.context import build_context
from gldocs.render.layout import (
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
    resolve,
)

_HEADING_STYLE = {1: "h1", 2: "h2", 3: "h3"}
_TABLE_TITLE = {2: "h2_table", 3: "h3_table"}


def render_pdf(case: Case, doc: str, banner: str | None = None, *,
               today: date | None = None, begraenset: bool = False,
               mark: str | None = None) -> bytes:
    """The document ``doc`` of ``case`` as PDF bytes."""
    return pdf_from_context(build_context(case, doc, banner, today, begraenset=begraenset,
                                          mark=mark))


def pdf_from_context(ctx: dict[str, Any]) -> bytes:
    dok = ctx["dok"]
    story = keep_headings_with_tables(_flow(LAYOUTS[dok["art"]], ctx))
    return kit.build_pdf(
        story,
        title=dok["metadata_titel"],
        header_left=dok["fortroligt"],
        header_right=dok["sidehoved"],
        footer_left=dok["sidefod"],
        banner=dok["banner"],
        author=dok["afsender"],
        subject=dok["titel"],
    )


def keep_headings_with_tables(story: list[Flowable]) -> list[Flowable]:
    """No page ends with a stranded heading.

    Headings keep with the next flowable; before a table's title that is a conditional
    page break, which would carry the headings to the page end and break after them.
    The break is moved before the headings, asking for their height on top.
    """
    out: list[Flowable] = []
    for flowable in story:
        if isinstance(flowable, CondPageBreak):
            j = len(out)
            extra = 0.0
            while j and isinstance(out[j - 1], Paragraph) and out[j - 1].getKeepWithNext():
                style = out[j - 1].style
                extra += style.leading + style.spaceBefore + style.spaceAfter
                j -= 1
            if j < len(out):
                out.insert(j, CondPageBreak(flowable.height + extra))
                continue
        out.append(flowable)
    return out


def _flow(blocks: list[Block], scope: dict[str, Any]) -> list[Flowable]:
    out: list[Flowable] = []
    for block in blocks:
        out.extend(_block(block, scope))
    return out


def _block(block: Block, scope: dict[str, Any]) -> list[Flowable]:
    value: Any = resolve(scope, block.path)
    match block:
        case Banner() | Note():
            style = "banner" if isinstance(block, Banner) else "note"
            return [kit.para(value, style)] if value else []
        case Title():
            return [kit.para(value, "title")]
        case Subtitle():
            return [kit.para(value, "subtitle")]
        case Heading(level=level):
            return [kit.para(value, _HEADING_STYLE[level])]
        case Text():
            return [kit.para(value)]
        case Fields():
            return [kit.field(f["label"], f["vaerdi"]) for f in value]
        case Lines():
            return [kit.para(line, "line") for line in value] + [kit.spacer(3)]
        case Bullets():
            items = [ListItem(kit.para(text), leftIndent=12) for text in value]
            return [ListFlowable(items, bulletType="bullet", start="•", leftIndent=12,
                                 bulletFontName=kit.FONT)]
        case Table(widths=widths, title_level=level):
            return _table(value, widths, level)
        case If(blocks=inner):
            return _flow(inner, scope) if value else []
        case ForEach(var=var, blocks=inner):
            return [f for item in value for f in _flow(inner, {**scope, var: item})]
    raise TypeError(f"ukendt layoutblok: {block!r}")


def _table(tbl: dict[str, Any], widths: dict[str, float], title_level: int) -> list[Flowable]:
    keys = list(widths)
    title: list[Flowable] = []
    if title_level:  # a table may split over pages; its title only needs room for a start
        title = [CondPageBreak(30 * mm), kit.para(tbl["titel"], _TABLE_TITLE[title_level])]
    if not tbl["raekker"]:
        return [*title, kit.para(tbl["tom"])] if tbl["tom"] else title
    grid = kit.table([tbl["kolonner"][k] for k in keys],
                     [[row[k] for k in keys] for row in tbl["raekker"]],
                     [widths[k] for k in keys])
    return [*title, grid, kit.spacer(3)]
