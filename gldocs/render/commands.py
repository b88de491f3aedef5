"""``gldocs render``: a case file to handleplan and følgeskrivelse, DOCX and PDF.

A plain render is the internal plan: it says that the plan must go through ``redact``
before it is sent, and its følgeskrivelse does not claim that the plan was limited to
what the municipality needs. ``--til-kommune`` first runs the kommune policy on the case
(with the caseworker's recorded decisions, if any) and renders both documents from the
redacted case; only then does the letter say so. Warnings about the letter (dated after
the pkt. 32 deadline, client not informed, proposals that had to become "snarest
muligt") go to stderr; the exit code stays 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import click

from gldocs.atomic import output_batch
from gldocs.case import Case, load_case
from gldocs.dates import dato_option
from gldocs.errors import InputError, RefusedError
from gldocs.outputs import NEW_FOLDER, check_outputs, overwrite_option
from gldocs.render import (
    DOCS,
    FORMATS,
    letter_warnings,
    mail_subject,
    output_name,
    render_document,
)
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
@click.option("--dato", "dato", default=None, metavar="DATO",
              help="Følgeskrivelsens dato (ÅÅÅÅ-MM-DD; standard: i dag).")
@click.option("--til-kommune", "til_kommune", is_flag=True,
              help="Kør kommunens politik på sagen først, og dan dokumenterne ud fra den "
                   "redigerede sag (med sagens afgørelsesfil, hvis den findes).")
@overwrite_option
def render_cmd(case_file: Path, doc: str, fmt: str, out_dir: Path,
               banner: str | None, dato: str | None, til_kommune: bool,
               overwrite: bool) -> None:
    """Dan handleplan og følgeskrivelse (DOCX og PDF) ud fra sagsfilen SAG (.yaml).

    Filnavnene indeholder dokumentets art og sagens reference, aldrig klientens navn eller
    CPR-nummer. Alle filer skrives samlet: går noget galt, skrives intet. En fil, der
    findes i forvejen, erstattes kun med --overwrite.
    """
    today = dato_option("dato", dato) or date.today()
    case = load_case(case_file)
    try:
        plan = plan_render(case, doc, fmt)
    except RefusedError as err:
        raise RefusedError(f"{case_file}: {err.message}") from None
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"Uddatamappen {out_dir} er en fil, ikke en mappe (valgmuligheden -o).")
    inputs = [case_file]
    if til_kommune:
        from gldocs.review.pipeline import default_decisions

        inputs.append(default_decisions(case_file))
    names = [_name(case, d, f, til_kommune) for d, f in plan.jobs]
    check_outputs([("-o/--out", out_dir / name) for name in names], inputs, overwrite,
                  instead=NEW_FOLDER)
    notes: list[str] = []
    source = case
    if til_kommune:
        source, notes = redacted_for_kommune(case_file)
    rendered = [(d, out_dir / _name(case, d, f, til_kommune),
                 render_document(source, d, f, banner, today=today, begraenset=til_kommune,
                                 mark=_mark(case, d, til_kommune)))
                for d, f in plan.jobs]
    try:
        with output_batch() as batch:
            for _, path, data in rendered:
                batch.add(path, data)
    except OSError as exc:
        raise InputError(f"Kan ikke skrive i {out_dir}: {os_fejl(exc)}.") from None
    _summary(case, rendered, plan.skipped, out_dir)
    warnings = list(notes)
    if any(d == "foelgeskrivelse" for d, _, _ in rendered):
        warnings += letter_warnings(case, today)
    if not til_kommune and case.has_koordineringspligt:
        warnings.append("Dokumenterne er interne: handleplanen skal gennem 'gldocs redact "
                        "--policy kommune' (eller 'gldocs export'), før den sendes til "
                        "kommunen.")
    elif not case.has_koordineringspligt:
        warnings.append("Dokumenterne er interne: der koordineres ikke med kommunen i denne "
                        "sag, så handleplanen sendes ikke dertil.")
    for w in warnings:
        click.echo(f"Advarsel: {w}", err=True)


def _name(case: Case, doc: str, fmt: str, til_kommune: bool) -> str:
    """A redacted handleplan carries its recipient: ``…_til-kommunen.pdf``."""
    name = output_name(case, doc, fmt)
    if not (til_kommune and doc == "handleplan"):
        return name
    from gldocs.redact import kommune_copy_name

    return kommune_copy_name(name)


def _mark(case: Case, doc: str, til_kommune: bool) -> str | None:
    """The header line of the redacted handleplan (None: "Intern – ikke til videregivelse")."""
    if not (til_kommune and doc == "handleplan"):
        return None
    from gldocs.redact import kommune_copy_header

    return kommune_copy_header(case)


def redacted_for_kommune(case_file: Path) -> tuple[Case, list[str]]:
    """The case with the kommune policy applied (and the caseworker's recorded decisions),
    and notes for the caseworker. Fails closed: any analysis error stops the render."""
    from gldocs.document.case_doc import redacted_case
    from gldocs.review import pipeline

    decisions = pipeline.default_decisions(case_file)
    req = pipeline.Request(input=case_file, policy="kommune")
    prepared = pipeline.prepare(req, decisions if decisions.is_file() else None)
    result = prepared.result
    notes: list[str] = []
    removed = sum(1 for f in result.plan.findings if f.action == "remove")
    notes.append(f"Kommunens politik er kørt på sagen: {removed} oplysninger er taget ud. "
                 "Gennemgå dem med 'gldocs review', før planen sendes.")
    if result.undecided:
        notes.append(f"{len(result.undecided)} fund afventer din afgørelse; de er taget ud "
                     "indtil videre (gldocs review).")
    return redacted_case(prepared.doc, pipeline.plan_output_edits(result.plan)), notes


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
