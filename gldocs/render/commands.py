"""``gldocs render``: a case file to handleplan and følgeskrivelse, DOCX and PDF."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click

from gldocs.atomic import output_batch
from gldocs.case import Case, load_case
from gldocs.errors import InputError, RefusedError
from gldocs.render import DOCS, FORMATS, mail_subject, output_name, render_document
from gldocs.sprog import os_fejl

ALL = "all"
DOC_LABELS = {"handleplan": "Handleplan", "foelgeskrivelse": "Følgeskrivelse"}


@dataclass(frozen=True)
class RenderPlan:
    """What one call renders, and what it leaves out (with the Danish reason)."""

    jobs: list[tuple[str, str]]  # (doc, fmt)
    skipped: list[str]


def _choice(value: str, allowed: tuple[str, ...], option: str) -> tuple[str, ...]:
    if value == ALL:
        return allowed
    if value not in allowed:
        raise InputError(f"Ugyldig værdi '{value}' for {option}; brug "
                         f"{', '.join(allowed)} eller {ALL}.")
    return (value,)


def plan_render(case: Case, doc: str, fmt: str) -> RenderPlan:
    """The (doc, fmt) pairs to render. With ``--doc all`` a følgeskrivelse the rules do not
    allow is left out with a note; asked for by name, it is refused."""
    from gldocs.render import refusal_reason

    docs = _choice(doc, DOCS, "--doc")
    fmts = _choice(fmt, FORMATS, "--format")
    skipped: list[str] = []
    chosen: list[str] = []
    for d in docs:
        reason = refusal_reason(case) if d == "foelgeskrivelse" else None
        if reason is None:
            chosen.append(d)
        elif doc == ALL:
            skipped.append(f"Følgeskrivelsen er ikke dannet. {reason}")
        else:
            raise RefusedError(reason)
    return RenderPlan([(d, f) for d in chosen for f in fmts], skipped)


@click.command("render")
@click.argument("case_file", metavar="SAG", type=click.Path(path_type=Path))
@click.option("--doc", "doc", default=ALL, show_default=True, metavar="DOKUMENT",
              help="handleplan, foelgeskrivelse eller all.")
@click.option("--format", "fmt", default=ALL, show_default=True, metavar="FORMAT",
              help="docx, pdf eller all.")
@click.option("-o", "--out", "out_dir", default=Path("out"), show_default=True,
              type=click.Path(path_type=Path), metavar="MAPPE", help="Mappe, filerne skrives i.")
@click.option("--banner", default=None, metavar="TEKST",
              help='Tekst øverst i dokumenterne, fx "IKKE TIL VIDEREGIVELSE".')
def render_cmd(case_file: Path, doc: str, fmt: str, out_dir: Path,
               banner: str | None) -> None:
    """Dan handleplan og følgeskrivelse (DOCX og PDF) ud fra sagsfilen SAG (.yaml).

    Filnavnene indeholder dokumentets art og sagens reference, aldrig klientens navn eller
    CPR-nummer. Alle filer skrives samlet: går noget galt, skrives intet.
    """
    case = load_case(case_file)
    try:
        plan = plan_render(case, doc, fmt)
    except RefusedError as err:
        raise RefusedError(f"{case_file}: {err.message}") from None
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"Uddatamappen {out_dir} er en fil, ikke en mappe (valgmuligheden -o).")
    rendered = [(d, out_dir / output_name(case, d, f), render_document(case, d, f, banner))
                for d, f in plan.jobs]
    try:
        with output_batch() as batch:
            for _, path, data in rendered:
                batch.add(path, data)
    except OSError as exc:
        raise InputError(f"Kan ikke skrive i {out_dir}: {os_fejl(exc)}.") from None
    _summary(case, rendered, plan.skipped, out_dir)


def _summary(case: Case, rendered: list[tuple[str, Path, bytes]], skipped: list[str],
             out_dir: Path) -> None:
    files = "fil" if len(rendered) == 1 else "filer"
    click.echo(f"Skrev {len(rendered)} {files} i {out_dir}/ (sag {case.reference}):")
    for doc, path, data in rendered:
        click.echo(f"  {path.name:<46} {DOC_LABELS[doc]}, {round(len(data) / 1024)} kB")
    if any(doc == "foelgeskrivelse" for doc, _, _ in rendered):
        click.echo(f"Emnelinje til sikker post: {mail_subject(case)}")
    for note in skipped:
        click.echo(f"Bemærk: {note}")
