"""``gldocs redact`` and ``gldocs policies``: thin click commands over the redaction library."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from gldocs.atomic import write_text_atomic
from gldocs.errors import GldocsError, InputError, ModelError

EXIT_OK, EXIT_REVIEW, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


@dataclass(frozen=True)
class Job:
    index: int
    input: Path
    output: Path
    policy: str
    areas: str | None
    client_name: str | None
    client_cpr: str | None
    no_ner: bool
    decisions: Path | None
    explain: bool


@dataclass
class JobResult:
    index: int
    summary: str = ""
    report: dict[str, Any] | None = None
    explain: str = ""
    review: bool = False
    error: str = ""
    exit_code: int = 0


def redact_file(job: Job) -> JobResult:
    """Read, analyse, apply decisions, write the output. Never raises (errors in result)."""
    try:
        return _redact_file(job)
    except GldocsError as err:
        named = job.input.name in err.message
        return JobResult(job.index, error=err.message if named else
                         f"{job.input.name}: {err.message}", exit_code=err.exit_code)
    except Exception as exc:  # fail closed: nothing written, exit 3
        return JobResult(job.index, error=f"{job.input.name}: intern fejl "
                         f"({type(exc).__name__}): {exc}", exit_code=EXIT_INTERNAL)


def _redact_file(job: Job) -> JobResult:
    from gldocs.document.io import write_document
    from gldocs.redact.facade import redactor_for
    from gldocs.redact.report import explain_table, plan_report, summary_line

    redactor = redactor_for(job.policy, ner=not job.no_ner)
    doc, plan = redactor.analyze_path(job.input, areas=job.areas, client_name=job.client_name,
                                      client_cpr=job.client_cpr)
    decisions = None
    if job.decisions is not None:
        from gldocs.review.decisions import load_decisions

        decisions = load_decisions(job.decisions)
    applied = redactor.apply(plan, decisions)
    plan = applied.plan
    write_document(doc, applied.edits, job.output, banner=redactor.banner(plan))
    return JobResult(
        job.index,
        summary=summary_line(plan, str(job.output)),
        report=plan_report(plan, str(job.output)),
        explain=explain_table(plan) if job.explain else "",
        review=bool(applied.undecided) or plan.no_ner,
    )


def _output_for(src: Path, output: Path | None, outdir: Path | None) -> Path:
    if output is not None:
        return output
    if outdir is not None:
        return outdir / src.name
    return src.with_name(f"{src.stem}.redigeret{src.suffix}")


def _check_client_cpr(value: str | None) -> str | None:
    if value is None:
        return None
    from gldocs.redact.detectors import is_cpr, normalize_cpr

    if not is_cpr(value):
        raise click.BadParameter(f"'{value}' er ikke et gyldigt CPR-nummer.",
                                 param_hint="--client-cpr")
    return normalize_cpr(value)


@click.command("redact")
@click.argument("inputs", nargs=-1, required=True,
                type=click.Path(path_type=Path, dir_okay=False))
@click.option("--policy", "policy_name", default="kommune", show_default=True, metavar="NAVN",
              help="Politik (navn eller sti til en politikfil).")
@click.option("--areas", default=None, metavar="OMRÅDER",
              help="Koordineringsområder, kommasepareret (fx bolig,misbrug), eller none.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Outputfil (kun ved én inputfil); filtypen vælger formatet.")
@click.option("--outdir", type=click.Path(path_type=Path, file_okay=False),
              help="Mappe til outputfiler (samme filnavn som input).")
@click.option("--report", "report_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Skriv en JSON-rapport med alle fund.")
@click.option("--client-name", metavar="NAVN",
              help="Klientens navn (ellers fra Stamoplysninger).")
@click.option("--client-cpr", metavar="CPR",
              help="Klientens CPR-nummer (ellers fra Stamoplysninger).")
@click.option("--explain", is_flag=True, help="Vis alle fund som en dansk tabel.")
@click.option("--no-ner", is_flag=True,
              help="Kun til fejlsøgning: kør uden NER-model. Output mærkes "
                   "'IKKE TIL VIDEREGIVELSE'.")
@click.option("--decisions", type=click.Path(path_type=Path, dir_okay=False, exists=False),
              help="Sagsbehandlerens afgørelser (YAML), som genanvendes.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, metavar="ANTAL",
              help="Antal arbejdsprocesser (standard: antal kerner).")
def redact_cmd(inputs: tuple[Path, ...], policy_name: str, areas: str | None,
               output: Path | None, outdir: Path | None, report_path: Path | None,
               client_name: str | None, client_cpr: str | None, explain: bool, no_ner: bool,
               decisions: Path | None, jobs: int | None) -> None:
    """Fjern det, kommunen ikke må få (rhl. §§ 9-10), fra INPUT (.yaml, .docx, .pdf, .txt).

    Afslutningskoder: 0 færdig, 1 færdig men fund skal gennemses, 2 forkert input,
    3 intern fejl (fx mangler NER-modellen).
    """
    if output is not None and outdir is not None:
        raise click.UsageError("Brug enten -o/--output eller --outdir, ikke begge.")
    if output is not None and len(inputs) > 1:
        raise click.UsageError("-o/--output kan kun bruges med én inputfil; brug --outdir.")
    client_cpr = _check_client_cpr(client_cpr)
    for src in inputs:
        if not src.is_file():
            raise InputError(f"Filen {src} findes ikke.")
    # Load the policy bundle (and check the areas) up front: a bad policy or a missing
    # resource is exit 2 before any work.
    from gldocs.redact.bundle import load_bundle
    from gldocs.redact.policy import parse_areas

    bundle = load_bundle(policy_name)
    if areas is not None:
        parse_areas(areas, bundle.policy)
    from gldocs.redact.facade import redactor_for

    redactor_for(policy_name, ner=not no_ner)  # ModelError (exit 3) before anything is written
    job_list = [Job(i, src, _output_for(src, output, outdir), policy_name, areas, client_name,
                    client_cpr, no_ner, decisions, explain) for i, src in enumerate(inputs)]
    outs = [j.output.resolve() for j in job_list]
    if len(set(outs)) != len(outs) or any(j.output.resolve() == j.input.resolve()
                                          for j in job_list):
        raise InputError("Outputfilerne må ikke overskrive hinanden eller inputfilerne.")
    results = _run(job_list, jobs or os.cpu_count() or 1)
    reports = []
    errors: list[int] = []
    review = False
    for res in sorted(results, key=lambda r: r.index):
        if res.error:
            click.echo(f"Fejl: {res.error}", err=True)
            errors.append(res.exit_code)
            continue
        click.echo(res.summary, err=True)
        if res.explain:
            click.echo(res.explain)
        if res.report is not None:
            reports.append(res.report)
        review = review or res.review
    if report_path is not None and reports:
        from gldocs.redact.report import report_json

        write_text_atomic(report_path, report_json(reports))
    code = max(errors) if errors else (EXIT_REVIEW if review else EXIT_OK)
    if code:
        click.get_current_context().exit(code)


def _run(job_list: list[Job], jobs: int) -> list[JobResult]:
    show_bar = len(job_list) > 1 and sys.stderr.isatty()
    if jobs <= 1 or len(job_list) <= 1:
        results = []
        with click.progressbar(job_list, label="Redigerer", file=sys.stderr,
                               hidden=not show_bar) as bar:
            for job in bar:
                results.append(redact_file(job))
        return results
    import multiprocessing as mp

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    results = []
    with ctx.Pool(min(jobs, len(job_list))) as pool, click.progressbar(
            length=len(job_list), label="Redigerer", file=sys.stderr,
            hidden=not show_bar) as bar:
        for res in pool.imap_unordered(redact_file, job_list):
            results.append(res)
            bar.update(1)
    return results


# ---------------------------------------------------------------------------------------
@click.group("policies")
def policies_cmd() -> None:
    """Vis og kontrollér politikfiler."""


@policies_cmd.command("list")
def policies_list() -> None:
    """Vis de medfølgende politikker."""
    from gldocs.redact.policy import available_policies, load_policy

    for name in available_policies():
        try:
            pol = load_policy(name)
            click.echo(f"{name:<12} {pol.version:<10} {pol.description}")
        except GldocsError as err:
            click.echo(f"{name:<12} UGYLDIG: {err.message.splitlines()[0]}")


@policies_cmd.command("show")
@click.argument("name")
def policies_show(name: str) -> None:
    """Vis politikken NAME: regler, kategorier, afsnitsregler og roller."""
    from gldocs.redact.policy import load_policy

    pol = load_policy(name)
    click.echo(f"Politik: {pol.name} (version {pol.version}) – {pol.description}")
    click.echo(f"Fil: {pol.source}")
    click.echo("\nRegler:")
    for rid, r in pol.rules.items():
        action = "bevares" if r.action == "keep" else "fjernes"
        marker = f" -> {r.marker}" if r.marker else ""
        click.echo(f"  {rid}  {action:<8} {r.ground:<10} {r.title}{marker}")
    click.echo("\nKategorier:")
    for name_, c in pol.categories.items():
        cond = (f"; bevares ({c.keep_rule}) når {', '.join(c.keep_if_areas)} er område"
                if c.keep_if_areas else "")
        click.echo(f"  {name_:<16} {c.rule} ({c.scope}) leksika: {', '.join(c.lexicons)}{cond}")
    click.echo("\nAfsnitsregler:")
    for sec, s in pol.sections.items():
        cats = "alle" if s.categories == "all" else ", ".join(s.categories)
        extra = f" + {', '.join(s.extra_categories)}" if s.extra_categories else ""
        strict = " (strengeste indstillinger)" if s.strict else ""
        click.echo(f"  {sec:<18} kategorier: {cats}{extra}{strict}")
    click.echo("\nRoller:")
    for role, spec in pol.roles.items():
        click.echo(f"  {role:<16} {spec.marker}")
    click.echo(f"\nTærskler: NER {pol.thresholds.ner}, ukendte dele {pol.thresholds.strict_ner}, "
               f"gennemsyn under {pol.thresholds.review_below}")


@policies_cmd.command("schema")
def policies_schema() -> None:
    """Skriv politikformatets JSON-skema (til editorer og validering)."""
    import json

    from gldocs.redact.policy import Policy

    schema = Policy.model_json_schema()
    schema["properties"].pop("source", None)
    click.echo(json.dumps(schema, ensure_ascii=False, indent=2))


@policies_cmd.command("check")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def policies_check(file: Path) -> None:
    """Kontrollér politikfilen FILE (skema, regler, leksika og navnelister)."""
    from gldocs.redact.bundle import bundle_for
    from gldocs.redact.policy import load_policy_file

    bundle = bundle_for(load_policy_file(file))
    pol = bundle.policy
    click.echo(f"{file}: gyldig politik '{pol.name}' (version {pol.version}), "
               f"{len(pol.rules)} regler, {len(pol.categories)} kategorier, "
               f"{len(bundle.lexicons)} leksika, {len(bundle.given_names)} fornavne.")


__all__ = ["ModelError", "policies_cmd", "redact_cmd", "redact_file"]
