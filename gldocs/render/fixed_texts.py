"""The renderer's own words: every fixed text a rendered document or the export's message
can hold besides the case's data.

    texts = fixed_texts()        # frozenset of literal strings

The export's final leak scan (:mod:`gldocs.export.final_check`) subtracts these and the
analysed case text from the final bytes and runs the policy over what is left, so a text
that is neither (a name put into a template, a metadata field, a header) is found.

The texts are taken from where they are written, not copied into a list that could drift:

- every string literal, and every literal piece of an f-string, in the modules that build
  the documents' words (:func:`renderer_modules`: the rendering packages, the deadline and
  letter texts, the redaction header, the mail body); docstrings are left out, they are
  never rendered;
- every text in the Word templates (``templates/*.docx``): body, headers, footers, styles,
  theme, settings and properties, read the way the leak scan reads a package.

A literal is split at its format placeholders (``{...}``, ``%s``), so each piece is a
fixed text of its own.
"""

from __future__ import annotations

import ast
import importlib
import re
from functools import cache
from pathlib import Path

# Modules whose literals may reach a rendered document, its metadata or the export's mail:
# every module of these packages (a module added there later is included by itself) ...
RENDERER_PACKAGES: tuple[str, ...] = ("gldocs.render", "gldocs.afgang")
# ... and these modules outside them.
RENDERER_MODULES: tuple[str, ...] = (
    "gldocs.case.model",
    "gldocs.case.types",
    "gldocs.dates",
    "gldocs.frister",
    "gldocs.frist_status",
    "gldocs.tjekliste",
    "gldocs.redact.marks",
    "gldocs.document.case_doc",
    "gldocs.document.docx",
    "gldocs.document.docx_clean",
    "gldocs.export.package",
    "gldocs.export.mail",
)


# The command line and this module: their messages go to the terminal, never into a document.
_NOT_RENDERING = frozenset({"commands", "fixed_texts"})


def renderer_modules() -> list[str]:
    """The modules whose literals are fixed texts (see :data:`RENDERER_PACKAGES`)."""
    import pkgutil

    names: list[str] = []
    for package in RENDERER_PACKAGES:
        path = importlib.import_module(package).__path__
        names += [f"{package}.{m.name}" for m in pkgutil.iter_modules(path)
                  if m.name not in _NOT_RENDERING]
    return sorted({*names, *RENDERER_MODULES})


_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%[-+ #0]*\d*(?:\.\d+)?[sdifr]")


def _pieces(literal: str) -> list[str]:
    return [p.strip() for p in _PLACEHOLDER.split(literal) if p.strip()]


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstring nodes of a module, its classes and functions."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                found.add(id(body[0].value))
    return found


def source_literals(source: str) -> set[str]:
    """The string literals of Python ``source`` (f-strings: their literal pieces), split at
    format placeholders; docstrings are left out."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            out.update(_pieces(node.value))
    return out


def module_literals(name: str) -> set[str]:
    """The literals of module ``name``, read from its source file. Without the source (an
    installation of compiled files only) the export cannot know its own words: it stops
    (fail closed) rather than let the final check pass on less."""
    from gldocs.errors import GldocsError

    module = importlib.import_module(name)
    path = Path(module.__file__ or "")
    try:
        if path.suffix != ".py":
            raise OSError(f"ingen kildefil ({path.name})")
        return source_literals(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, SyntaxError) as exc:
        raise GldocsError(f"Skabelonernes faste tekster kan ikke læses fra {name} ({exc}); "
                          "eksportens slutkontrol kan ikke køres. Geninstallér gldocs.") from exc


# What the PDF format writes by itself in the document information (reportlab's /Trapped).
PDF_WORDS = ("/False", "/True")


def template_texts() -> set[str]:
    """Every text the Word templates carry, in every part (Jinja tags split off)."""
    from gldocs.export.leakscan import extract_places
    from gldocs.paths import TEMPLATES_DIR

    out: set[str] = set()
    for path in sorted(TEMPLATES_DIR.glob("*.docx")):
        for place in extract_places(path):
            for line in place.text.splitlines():
                out.update(_pieces(re.sub(r"\{[{%#].*?[}%#]\}", "{}", line)))
    return out


@cache
def fixed_texts() -> frozenset[str]:
    """Every fixed text of the renderer (see the module docstring)."""
    texts: set[str] = set()
    for name in renderer_modules():
        texts |= module_literals(name)
    texts |= template_texts()
    texts |= set(PDF_WORDS)
    return frozenset(texts)
