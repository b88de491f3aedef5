"""``gldocs diff`` and ``gldocs review``: the caseworker reads, decides and approves."""

from __future__ import annotations

import os
import sys
import webbrowser
from pathlib import Path
from typing import Any

import click

from gldocs.atomic import write_text_atomic
from gldocs.outputs import check_outputs, kommune_option, overwrite_option
from gldocs.review import pipeline
from gldocs.review.decisions import DecisionResult, problem_lines
from gldocs.sprog import os_fejl

_input = click.argument("input_path", metavar="FIL",
                        type=click.Path(dir_okay=False, path_type=Path))
_policy = click.option("--policy", default="kommune", show_default=True, metavar="POLITIK",
                       help="Politik (navn eller fil).")
_areas = click.option("--areas", default=None, metavar="OMRÅDER",
                      help="Koordineringsområder, kommasepareret (fx bolig,misbrug), "
                           "eller none. Fra en sagsfil: sagens egne.")
_decisions = click.option("--decisions", "decisions_path", default=None,
                          type=click.Path(dir_okay=False, path_type=Path),
                          metavar="FIL", help="Afgørelsesfil (YAML) med tidligere afgørelser.")


def _check_cpr(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from gldocs.cpr import normalize as normalize_cpr
    from gldocs.redact import is_cpr

    if not is_cpr(value):
        raise click.BadParameter(f"'{value}' er ikke et gyldigt CPR-nummer.")
    return str(normalize_cpr(value))


_client_name = click.option("--client-name", default=None, metavar="NAVN",
                            help="Klientens navn (ellers fra Stamoplysninger).")
_client_cpr = click.option("--client-cpr", default=None, metavar="CPR", callback=_check_cpr,
                           help="Klientens CPR-nummer (ellers fra Stamoplysninger).")
_no_ner = click.option("--no-ner", is_flag=True,
                       help="Kun til fejlsøgning: uden NER-model (må ikke videregives).")


def _request(input_path: Path, policy: str, areas: str | None, client_name: str | None,
             client_cpr: str | None, no_ner: bool) -> pipeline.Request:
    return pipeline.Request(input=input_path, policy=policy, areas=areas,
                            client_name=client_name, client_cpr=client_cpr, no_ner=no_ner)


def report_problems(result: DecisionResult) -> None:
    """Tell the caseworker (on stderr) about stale decisions and header mismatches."""
    for line in problem_lines(result):
        click.echo(line, err=True)


_overwrite = overwrite_option


def use_color(no_color: bool) -> bool:
    return not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()


@click.command("diff")
@_input
@_policy
@_areas
@_decisions
@click.option("--html", "html_path", default=None,
              type=click.Path(dir_okay=False, path_type=Path),
              metavar="FIL", help="Skriv også en HTML-rapport til gennemsyn (selvstændig fil).")
@click.option("--no-color", is_flag=True, help="Ingen farver (også når NO_COLOR er sat).")
@_client_name
@_client_cpr
@_no_ner
@_overwrite
def diff_cmd(input_path: Path, policy: str, areas: str | None, decisions_path: Path | None,
             html_path: Path | None, no_color: bool, client_name: str | None,
             client_cpr: str | None, no_ner: bool, overwrite: bool) -> None:
    """Vis, del for del, hvad der fjernes, på hvilket grundlag og af hvilken detektor."""
    from gldocs.errors import InputError
    from gldocs.review.diff import render_diff
    from gldocs.review.html import render_html
    from gldocs.review.view import build_view

    if decisions_path is not None and not decisions_path.exists():
        raise InputError(f"Afgørelsesfilen {decisions_path} findes ikke.")
    check_outputs([("--html", html_path)], [input_path, decisions_path], overwrite)
    req = _request(input_path, policy, areas, client_name, client_cpr, no_ner)
    prepared = pipeline.prepare(req, decisions_path)
    plan = prepared.result.plan
    view = build_view(plan, prepared.decisions, pipeline.plan_output_edits(plan))
    click.echo(render_diff(view, color=use_color(no_color)), nl=False)
    report_problems(prepared.result)
    if prepared.result.undecided:
        click.echo(f"{len(prepared.result.undecided)} fund afventer sagsbehandlerens "
                   "afgørelse (GENNEMSYN).", err=True)
    if html_path is not None:
        stale = [s.describe() for s in prepared.result.stale]
        write_text_atomic(html_path, render_html(view, stale=stale,
                                                 warnings=prepared.result.warnings))
        click.echo(f"HTML-rapport skrevet: {html_path}", err=True)


@click.command("review")
@_input
@_policy
@_areas
@_decisions
@click.option("-o", "--output", "output_path", default=None,
              type=click.Path(dir_okay=False, path_type=Path),
              metavar="FIL",
              help="Den redigerede fil (standard: FIL med modtageren i navnet, fx "
                   "plan_til-kommunen.pdf, ved siden af).")
@click.option("--no-browser", is_flag=True, help="Åbn ikke browseren; adressen skrives ud.")
@click.option("--port", default=0, show_default=True, type=click.IntRange(0, 65535),
              metavar="PORT",
              help="Port på 127.0.0.1 (0 = en ledig port).")
@click.option("--caseworker", default=None, metavar="NAVN",
              help="Sagsbehandlerens navn i afgørelsesfilen (standard: sagens "
                   "handleplansansvarlige eller dit navn fra 'gldocs indstillinger').")
@_client_name
@_client_cpr
@_no_ner
@_overwrite
@kommune_option
def review_cmd(input_path: Path, policy: str, areas: str | None, decisions_path: Path | None,
               output_path: Path | None, no_browser: bool, port: int, caseworker: str | None,
               client_name: str | None, client_cpr: str | None, no_ner: bool,
               overwrite: bool, kommune: str | None) -> None:
    """Gennemgå fundene i browseren, afgør dem og godkend.

    Siden kører kun på 127.0.0.1 med en engangsnøgle i adressen. »Godkend og gem« skriver
    afgørelsesfilen og den redigerede fil; derefter stopper kommandoen.
    """
    from gldocs.errors import InputError
    from gldocs.redact import check_kommune_policy, copy_kommune, load_policy, unnamed_note
    from gldocs.review.server import ReviewServer, ReviewSession

    pol = load_policy(policy)
    check_kommune_policy(pol, kommune)
    decisions_path = decisions_path or pipeline.default_decisions(input_path)
    output_path = output_path or pipeline.default_output(input_path, policy)
    # the decisions file is the review's own record: read, then written back
    check_outputs([("-o/--output", output_path), ("--decisions", decisions_path)],
                  [input_path], overwrite, may_exist=["--decisions"])
    req = _request(input_path, policy, areas, client_name, client_cpr, no_ner)
    prepared = pipeline.prepare(req, decisions_path)
    report_problems(prepared.result)
    doc = prepared.doc
    kommune = copy_kommune(doc, kommune)  # a case naming another kommune: refused here
    unnamed = unnamed_note(pol, kommune)
    if unnamed:
        click.echo(f"Bemærk: {unnamed}", err=True)

    def write(plan, out):  # type: ignore[no-untyped-def]
        pipeline.write_output(doc, plan, out, kommune)

    session = ReviewSession(prepared.plan, prepared.decisions, decisions_path=decisions_path,
                            output_path=output_path, write_output=write,
                            caseworker=caseworker or _caseworker(doc),
                            edits_for=pipeline.plan_output_edits)
    try:
        server = ReviewServer(session, port=port)
    except OSError as exc:
        raise InputError(f"Gennemsynssiden kan ikke starte på port {port} "
                         f"(--port): {os_fejl(exc)}.") from exc
    click.echo(f"Gennemsynssiden kører på {server.url}")
    click.echo("Siden lukker, når du trykker »Godkend og gem« (Ctrl+C afbryder uden at gemme).")
    if not no_browser:
        try:
            webbrowser.open(server.url)
        except webbrowser.Error:
            click.echo("Browseren kunne ikke åbnes; åbn adressen ovenfor selv.", err=True)
    server.serve()
    if not session.approved.is_set():
        click.echo("Gennemsynet blev afbrudt; intet er gemt.", err=True)
        raise click.exceptions.Exit(1)
    click.echo(f"Godkendt. Skrevet: {output_path} og {decisions_path}")
    _remember_caseworker(session.decisions.caseworker)


def _caseworker(doc: Any) -> str:
    """The name the page suggests: the settings' caseworker (confirmed before), else the
    case's handleplansansvarlig; never the operating system's user name."""
    from gldocs.settings import load_settings

    saved = load_settings().get("sagsbehandler", "")
    if saved:
        return saved
    st = getattr(getattr(doc, "handle", None), "stamoplysninger", None)
    responsible = getattr(st, "handleplansansvarlig", None)
    return str(getattr(responsible, "navn", "") or "")


def _remember_caseworker(name: str) -> None:
    """The first approved name is kept in the settings, so it is confirmed only once."""
    from gldocs.settings import load_settings, save_setting

    if not name.strip() or load_settings().get("sagsbehandler"):
        return
    path = save_setting("sagsbehandler", name)
    click.echo(f"Dit navn (»{name.strip()}«) er gemt i {path}; ret det med "
               "'gldocs indstillinger saet sagsbehandler NAVN'.")
