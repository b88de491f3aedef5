"""Rendering: case -> handleplan and følgeskrivelse as DOCX (docxtpl) and PDF (reportlab).

Public API::

    build_context(case, doc, banner=None) -> dict    # the one context both formats use
    render_docx(case, doc, banner=None) -> bytes
    render_pdf(case, doc, banner=None) -> bytes
    render_document(case, doc, fmt, banner=None, mark=None) -> bytes
    output_name(case, doc, fmt) -> str               # e.g. handleplan_HP-2026-0142_v2.pdf
    mail_subject(case) -> str                        # reference only, never name or CPR
    refusal_reason(case) -> str | None               # why no følgeskrivelse may be made
    letter_warnings(case, today) -> list[str]        # what the caseworker must be told

``doc`` is "handleplan" or "foelgeskrivelse" (:data:`DOCS`); ``fmt`` is "docx" or "pdf"
(:data:`FORMATS`). A følgeskrivelse for an udvisningsdømt or a varetægtsarrestant raises
:class:`~gldocs.errors.RefusedError`. ``banner`` (e.g. "IKKE TIL VIDEREGIVELSE") is
printed prominently at the top of both formats. ``mark`` is the header line of a redacted
copy ("Redigeret til Aarhus Kommune efter rhl. §§ 9-10 · 6. december 2026"), repeated in
the title metadata; without it every page says "Intern – ikke til videregivelse".
"""

from __future__ import annotations

from datetime import date

from gldocs.case.model import Case
from gldocs.render.context import build_context
from gldocs.render.foelgeskrivelse import letter_warnings, refusal_reason
from gldocs.render.names import DOCS, FORMATS, mail_subject, output_name

__all__ = [
    "DOCS",
    "FORMATS",
    "build_context",
    "letter_warnings",
    "mail_subject",
    "output_name",
    "refusal_reason",
    "render_document",
    "render_docx",
    "render_pdf",
]


def render_docx(case: Case, doc: str, banner: str | None = None, *,
                today: date | None = None, begraenset: bool = False,
                mark: str | None = None) -> bytes:
    from gldocs.render.docx import render_docx as _render

    return _render(case, doc, banner, today=today, begraenset=begraenset, mark=mark)


def render_pdf(case: Case, doc: str, banner: str | None = None, *,
               today: date | None = None, begraenset: bool = False,
               mark: str | None = None) -> bytes:
    from gldocs.render.pdf import render_pdf as _render

    return _render(case, doc, banner, today=today, begraenset=begraenset, mark=mark)


def render_document(case: Case, doc: str, fmt: str, banner: str | None = None, *,
                    today: date | None = None, begraenset: bool = False,
                    mark: str | None = None) -> bytes:
    """``doc`` of ``case`` in ``fmt`` ("docx" or "pdf") as bytes.

    ``today`` dates a følgeskrivelse (default: today); ``begraenset``: it goes with the
    plan as redacted for the municipality; ``mark``: the header line of a redacted copy."""
    if fmt == "docx":
        return render_docx(case, doc, banner, today=today, begraenset=begraenset, mark=mark)
    if fmt == "pdf":
        return render_pdf(case, doc, banner, today=today, begraenset=begraenset, mark=mark)
    raise ValueError(f"ukendt format: {fmt!r}; brug et af {', '.join(FORMATS)}")
