"""DOCX rendering: the Word templates in ``templates/`` filled by docxtpl.

Jinja runs with autoescaping (``&``, ``<``, ``>`` in case text stay text and never break
the XML) and ``StrictUndefined`` (a template field missing from the context is an error,
never an empty string). Core properties are set deliberately after rendering: the title
names the document and its reference, the author is the institution, nothing else.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate

from gldocs.case.model import Case
from gldocs.errors import GldocsError
from gldocs.paths import TEMPLATES_DIR
from gldocs.render.context import build_context
from gldocs.sprog import os_fejl

_CLEARED_PROPS = ("comments", "keywords", "subject", "category", "last_modified_by",
                  "identifier", "content_status", "version")


def template_path(doc: str) -> Path:
    return TEMPLATES_DIR / f"{doc}.docx"


@cache
def _template_bytes(doc: str) -> bytes:
    path = template_path(doc)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise GldocsError(f"Skabelonen {path} kan ikke læses: {os_fejl(exc)}") from exc


def load_template(doc: str) -> DocxTemplate:
    """A fresh docxtpl template for ``doc`` (rendering changes it in place)."""
    return DocxTemplate(io.BytesIO(_template_bytes(doc)))


def jinja_env() -> jinja2.Environment:
    """Strict, autoescaping Jinja environment for the Word templates."""
    return _CompilingOnceEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)


class _CompilingOnceEnvironment(jinja2.Environment):
    """Compiles each template source once: docxtpl hands the same part XML (body, header,
    footer, core properties) to ``from_string`` on every render, and compiling it costs
    more than rendering."""

    _MAX = 64

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source: Any, globals: Any = None,
                    template_class: Any = None) -> jinja2.Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            if len(self._compiled) >= self._MAX:
                self._compiled.clear()
            compiled = self._compiled[source] = super().from_string(source)
        return compiled


_render_env = cache(jinja_env)


def render_docx(case: Case, doc: str, banner: str | None = None, *,
                today: date | None = None, begraenset: bool = False,
                mark: str | None = None) -> bytes:
    """The document ``doc`` of ``case`` as DOCX bytes."""
    return docx_from_context(build_context(case, doc, banner, today, begraenset=begraenset,
                                           mark=mark))


def docx_from_context(ctx: dict[str, Any]) -> bytes:
    dok = ctx["dok"]
    tpl = load_template(dok["art"])
    try:
        tpl.render(ctx, _render_env(), autoescape=True)
    except jinja2.TemplateError as exc:
        raise GldocsError(
            f"Skabelonen {template_path(dok['art']).name} kunne ikke udfyldes: {exc}"
        ) from exc
    _set_properties(tpl, title=dok["metadata_titel"], author=dok["afsender"])
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


def _set_properties(tpl: DocxTemplate, *, title: str, author: str) -> None:
    props = tpl.docx.core_properties
    props.title = title
    props.author = author
    props.language = "da-DK"
    for attr in _CLEARED_PROPS:
        setattr(props, attr, "")
    props.revision = 1
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now


# --------------------------------------------------------------------------- template checks


def template_source(tpl: DocxTemplate) -> str:
    """The Jinja source docxtpl renders: body, headers and footers, tags patched."""
    tpl.init_docx()
    parts = [tpl.patch_xml(tpl.get_xml())]
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        parts += [tpl.patch_xml(tpl.get_part_xml(part))
                  for _, part in tpl.get_headers_footers(uri)]
    return "\n".join(parts)


def template_fields(tpl: DocxTemplate) -> set[str]:
    """Every context path a template reads, e.g. ``stam.felter[].label``.

    Loop variables are resolved to the list they run over (``f`` in
    ``{% for f in stam.felter %}`` reads ``stam.felter[]``), so the paths can be compared
    with :func:`gldocs.render.context.context_fields`.
    """
    tree = jinja_env().parse(template_source(tpl))
    found: set[str] = set()
    _visit(tree, {}, found)
    return found


def _path(node: jinja2.nodes.Node, scope: dict[str, str]) -> str | None:
    if isinstance(node, jinja2.nodes.Name):
        return scope.get(node.name, node.name)
    if isinstance(node, jinja2.nodes.Getattr):
        base = _path(node.node, scope)
        return f"{base}.{node.attr}" if base else None
    return None


def _visit(node: jinja2.nodes.Node, scope: dict[str, str], found: set[str]) -> None:
    if isinstance(node, jinja2.nodes.For):
        source = _path(node.iter, scope)
        if source:
            found.add(source)
        _visit(node.iter, scope, found)
        if isinstance(node.target, jinja2.nodes.Name) and source:
            inner = {**scope, node.target.name: f"{source}[]"}
        else:
            inner = scope
        for child in node.body:
            _visit(child, inner, found)
        for child in node.else_:
            _visit(child, scope, found)
        return
    if isinstance(node, jinja2.nodes.Getattr | jinja2.nodes.Name):
        path = _path(node, scope)
        if path and not (isinstance(node, jinja2.nodes.Name) and node.ctx != "load"):
            found.add(path)
        if path:
            return
    for child in node.iter_child_nodes():
        _visit(child, scope, found)
