"""``gldocs redact`` and ``gldocs policies``: thin click commands over the redaction library."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from gldocs.atomic import write_text_atomic
from gldocs.errors import GldocsError, InputError, ModelError, PolicyError
from gldocs.outputs import kommune_option, overwrite_option

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
    explain: str | None  # None, "fund" (removals and flagged) or "alle"
    keep_images: bool = False
    width: int = 100  # the terminal's columns, for --explain
    kommune: str | None = None  # --kommune: the recipient of a copy from a DOCX/PDF/TXT
    progress: bool = False  # phase messages on a terminal (one long document)


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
    from gldocs.document.io import read_document, write_document
    from gldocs.redact.explain import explain, unique_ids
    from gldocs.redact.facade import redactor_for
    from gldocs.redact.marks import copy_kommune, redacted_header, unnamed_note
    from gldocs.redact.report import plan_report, summary_line

    say = _Progress(job.progress, job.input.name)
    redactor = redactor_for(job.policy, ner=not job.no_ner)
    say("læser")
    doc = read_document(job.input)
    say(f"analyserer {len(doc.units)} tekststykker", len(doc.units))
    plan = redactor.analyze(doc, redactor.areas(doc, job.areas),
                            redactor.client(doc, job.client_name, job.client_cpr))
    decisions = None
    if job.decisions is not None:
        from gldocs.review.decisions import load_decisions

        decisions = load_decisions(job.decisions)
    applied = redactor.apply(plan, decisions)
    plan = applied.plan
    kommune = copy_kommune(doc, job.kommune)
    header = redacted_header(redactor.bundle.policy, kommune)
    say(f"skriver {job.output.name} ({len(plan.findings)} fund)")
    write_document(doc, applied.edits, job.output, banner=redactor.banner(plan), header=header,
                   keep_images=job.keep_images)
    say("færdig")
    notes = _output_notes(doc.meta)
    unnamed = unnamed_note(redactor.bundle.policy, kommune)
    if unnamed:
        notes.append(unnamed)
    report = unique_ids(plan_report(plan, str(job.output)))
    report["header"] = header
    report["running_lines"] = doc.meta.get("running_lines", [])
    report["output_notes"] = notes
    summary = summary_line(plan, str(job.output))
    if notes:
        summary += "".join(f"\n  Bemærk: {n}" for n in notes)
    return JobResult(
        job.index,
        summary=summary,
        report=report,
        explain=explain(plan, job.explain, job.width) if job.explain else "",
        review=bool(applied.undecided) or plan.no_ner or bool(doc.meta.get("output_notes")),
    )


class _Progress:
    """Phase messages with elapsed time on stderr, only on a terminal and only once the
    document turns out to be long (a short one is done before anyone would look)."""

    LONG = 2000  # text units

    def __init__(self, enabled: bool, name: str) -> None:
        import time

        self.enabled = enabled and sys.stderr.isatty()
        self.name = name
        self.start = time.monotonic()
        self.shown = False

    def __call__(self, phase: str, units: int = 0) -> None:
        import time

        if not self.enabled or (not self.shown and units < self.LONG):
            return
        self.shown = True
        click.echo(f"{self.name}: {phase} … ({time.monotonic() - self.start:.0f} s)",
                   err=True)


def _check_job(job: Job) -> None:
    """The checks that need no model: the input exists, is readable and of a known type,
    its output type fits, and the areas are given (a case file carries its own)."""
    from gldocs.document.io import check_output, document_kind

    src = job.input
    if not src.is_file():
        raise InputError(f"Filen {src} er ikke en almindelig fil (fx en mappe, en enhed eller "
                         "et rør)." if src.exists() else f"Filen {src} findes ikke.")
    kind = document_kind(src)
    try:
        with src.open("rb") as fh:
            fh.read(1)
    except OSError as err:
        raise InputError(f"Filen {src} kan ikke læses ({err.strerror or err}).") from None
    check_output(kind, src, job.output)
    if job.areas is None and kind != "case":
        raise InputError(f"{src.name}: angiv koordineringsområderne med --areas "
                         "(fx --areas bolig,misbrug eller --areas none).")


def _output_notes(meta: dict[str, Any]) -> list[str]:
    """What the caseworker must know about the output: repeated header/footer lines (kept
    and redacted like the body), characters that could not be drawn, images left out."""
    notes = list(meta.get("output_notes", []))
    running = meta.get("running_lines") or []
    if running:
        n = len(running)
        lines = "; ".join(f"'{r['tekst']}' (side {', '.join(map(str, r['sider']))})"
                          for r in running[:5])
        more = f" og {n - 5} flere" if n > 5 else ""
        what = "gentaget linje" if n == 1 else "gentagne linjer"
        notes.append(f"{n} {what} i sidehoved/sidefod, bevaret og redigeret som "
                     f"brødteksten: {lines}{more}.")
    return notes


def _output_for(src: Path, output: Path | None, outdir: Path | None, policy: Any) -> Path:
    """``-o`` as given; otherwise the input's name with the recipient
    (``handleplan_til-kommunen.pdf``), in ``--outdir`` or beside the input."""
    if output is not None:
        return output
    from gldocs.redact.marks import redacted_name

    suffix = ".yaml" if src.suffix.lower() == ".yml" else src.suffix
    return (outdir or src.parent) / redacted_name(src.name, policy, suffix)


def _positive(ctx: click.Context, param: click.Parameter, value: int | None) -> int | None:
    if value is not None and value < 1:
        raise click.BadParameter(f"{value} er for lidt; mindst 1.")
    return value


def _check_client_cpr(value: str | None) -> str | None:
    if value is None:
        return None
    from gldocs.redact.detectors import is_cpr, normalize_cpr

    if not is_cpr(value):
        raise click.BadParameter(f"'{value}' er ikke et gyldigt CPR-nummer.",
                                 param_hint="--client-cpr")
    return normalize_cpr(value)


class _RedactCommand(click.Command):
    """``--explain`` takes an optional value: a bare ``--explain`` before an input file
    means ``--explain=fund`` (it must never swallow the file name)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        out: list[str] = []
        for i, arg in enumerate(args):
            following = args[i + 1] if i + 1 < len(args) else None
            if arg == "--explain" and following not in ("fund", "alle"):
                arg = "--explain=fund"
            out.append(arg)
        return super().parse_args(ctx, out)


@click.command("redact", cls=_RedactCommand)
@click.argument("inputs", nargs=-1, required=True, metavar="FIL...",
                type=click.Path(path_type=Path, dir_okay=False))
@click.option("--policy", "policy_name", default="kommune", show_default=True,
              metavar="POLITIK", help="Politik (navn eller sti til en politikfil).")
@click.option("--areas", default=None, metavar="OMRÅDER",
              help="Koordineringsområder, kommasepareret (fx bolig,misbrug), eller none. "
                   "Påkrævet for .docx, .pdf og .txt; en sagsfil har sine egne.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              metavar="FIL", help="Outputfil (kun ved én inputfil); filtypen vælger formatet.")
@click.option("--outdir", type=click.Path(path_type=Path, file_okay=False),
              metavar="MAPPE", help="Mappe til outputfilerne (inputfilens navn med modtageren, "
                   "fx plan_til-kommunen.pdf). Standard: ved siden af inputfilen.")
@click.option("--report", "report_path", type=click.Path(path_type=Path, dir_okay=False),
              metavar="FIL", help="Skriv en JSON-rapport med alle fund.")
@click.option("--client-name", metavar="NAVN",
              help="Klientens navn (ellers fra Stamoplysninger).")
@click.option("--client-cpr", metavar="CPR",
              help="Klientens CPR-nummer (ellers fra Stamoplysninger).")
@click.option("--explain", type=click.Choice(["fund", "alle"]), is_flag=False,
              flag_value="fund", default=None, metavar="[alle]",
              help="Forklar fundene: de fjernede og dem, der skal gennemses (og et resumé "
                   "af det bevarede); '--explain alle' viser alle fund. Tabellen tilpasses "
                   "terminalens bredde.")
@click.option("--no-ner", is_flag=True,
              help="Kun til fejlsøgning: kør uden NER-model. Output mærkes "
                   "'IKKE TIL VIDEREGIVELSE'.")
@click.option("--decisions", type=click.Path(path_type=Path, dir_okay=False, exists=False),
              metavar="FIL",
              help="Sagsbehandlerens afgørelser (YAML), som genanvendes.")
@click.option("--jobs", type=int, default=None, metavar="ANTAL", callback=_positive,
              help="Antal arbejdsprocesser (standard: antal kerner).")
@click.option("--behold-billeder", "keep_images", is_flag=True,
              help="Behold billederne i en PDF (uden metadata). Standard: hvert billede "
                   "erstattes af '[billede udeladt]', da billeder kan vise underskrifter "
                   "og ansigter.")
@overwrite_option
@kommune_option
def redact_cmd(inputs: tuple[Path, ...], policy_name: str, areas: str | None,
               output: Path | None, outdir: Path | None, report_path: Path | None,
               client_name: str | None, client_cpr: str | None, explain: str | None,
               no_ner: bool,
               decisions: Path | None, jobs: int | None, keep_images: bool,
               overwrite: bool, kommune: str | None) -> None:
    """Fjern det, kommunen ikke må få (rhl. §§ 9-10), fra hver FIL (.yaml, .docx, .pdf, .txt).

    Afslutningskoder: 0 færdig, 1 færdig men fund skal gennemses, 2 forkert input,
    3 intern fejl (fx mangler NER-modellen).
    """
    if output is not None and outdir is not None:
        raise click.UsageError("Brug enten -o/--output eller --outdir, ikke begge.")
    if output is not None and len(inputs) > 1:
        raise click.UsageError("-o/--output kan kun bruges med én inputfil; brug --outdir.")
    client_cpr = _check_client_cpr(client_cpr)
    import shutil

    from gldocs.redact.pattern_cache import recording

    # the set-up's regular expressions (the modules', the policy's, the model's) come from
    # the cache file: a cold start compiles none of them (gldocs.redact.pattern_cache);
    # nothing read from a document is compiled inside these blocks
    with recording():
        from gldocs.redact.bundle import load_bundle

        bundle = load_bundle(policy_name)
    from gldocs.redact.marks import check_kommune_policy
    from gldocs.redact.policy import parse_areas

    check_kommune_policy(bundle.policy, kommune)
    width = shutil.get_terminal_size((100, 24)).columns
    job_list = [Job(i, src, _output_for(src, output, outdir, bundle.policy), policy_name,
                    areas, client_name, client_cpr, no_ner, decisions, explain, keep_images,
                    width, kommune, progress=len(inputs) == 1)
                for i, src in enumerate(inputs)]
    # Everything cheap is checked before the NER model loads (seconds): the files, their
    # types, the outputs, the areas and the policy bundle (bad: exit 2, nothing written).
    for job in job_list:
        _check_job(job)
    from gldocs.outputs import check_outputs

    check_outputs([*((f"Outputfilen for {j.input.name}", j.output) for j in job_list),
                   ("--report", report_path)], [*inputs, decisions], overwrite)
    if areas is not None:
        parse_areas(areas, bundle.policy)
    from gldocs.redact.facade import redactor_for

    with recording():
        redactor = redactor_for(policy_name, ner=not no_ner)  # ModelError (exit 3) here
        if len(job_list) > 1:
            # set up once (with --jobs in the parent: the forked workers share it), the
            # tables frozen out of the garbage collector's way
            redactor.warm()
    workers = min(jobs or os.cpu_count() or 1, len(job_list))
    results = _run(job_list, workers)
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
    import gc
    import multiprocessing as mp

    # everything loaded so far (model, policy bundle, tables) is shared with the forked
    # workers; frozen, the garbage collector does not touch (and so copy) those pages
    gc.collect()
    gc.freeze()
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    results = []
    try:
        with ctx.Pool(min(jobs, len(job_list))) as pool, click.progressbar(
                length=len(job_list), label="Redigerer", file=sys.stderr,
                hidden=not show_bar) as bar:
            for res in pool.imap_unordered(redact_file, job_list):
                results.append(res)
                bar.update(1)
    finally:
        gc.unfreeze()
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
@click.argument("name", metavar="NAVN")
def policies_show(name: str) -> None:
    """Vis politikken NAVN: regler, kategorier, afsnitsregler og roller."""
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
@click.argument("file", metavar="FIL", type=click.Path(path_type=Path, dir_okay=False))
def policies_check(file: Path) -> None:
    """Kontrollér politikfilen FIL (skema, regler, leksika og navnelister)."""
    from gldocs.redact.bundle import bundle_for, unreadable_patterns
    from gldocs.redact.policy import load_policy_file
    from gldocs.redact.wordlists import WORD_FILES

    bundle = bundle_for(load_policy_file(file))
    unreadable = unreadable_patterns(bundle)
    if unreadable:
        raise PolicyError("\n".join([f"Politikfilen {file} er ikke gyldig:", *unreadable]))
    pol = bundle.policy
    words = sum(len(getattr(bundle, key)[name]) for key, (_, lists) in WORD_FILES.items()
                for name in lists)
    click.echo(f"{file}: gyldig politik '{pol.name}' (version {pol.version}), "
               f"{len(pol.rules)} regler, {len(pol.categories)} kategorier, "
               f"{len(bundle.lexicons)} leksika, {len(bundle.given_names)} fornavne, "
               f"{len(bundle.family_first.family)} efternavne, der står først, "
               f"{words} ord i {len(WORD_FILES)} ordlister til genkendere og regler.")


__all__ = ["ModelError", "policies_cmd", "redact_cmd", "redact_file"]
