"""``gldocs init`` and ``gldocs validate``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from gldocs.atomic import write_text_atomic
from gldocs.case.loader import load_case, load_case_text
from gldocs.errors import CaseFileError, InputError
from gldocs.outputs import check_outputs
from gldocs.sprog import os_fejl

STARTER_FILE = Path(__file__).with_name("starter.yaml")


def starter_text(today: dt.date | None = None) -> str:
    """The commented starter case, dated ``today``. It validates as it is."""
    today = today or dt.date.today()
    text = STARTER_FILE.read_text(encoding="utf-8")
    return text.replace("__IDAG__", today.isoformat()).replace("__AAR__", str(today.year))


@click.command("init")
@click.argument("path", metavar="FIL", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--overwrite", "--force", "overwrite", is_flag=True,
              help="Erstat FIL, hvis den findes (også --force).")
def init_cmd(path: Path, overwrite: bool) -> None:
    """Skriv en kommenteret skabelon til en ny sagsfil i FIL (fx min-sag.yaml).

    En fil, der findes i forvejen, erstattes kun med --overwrite."""
    check_outputs([("FIL", path)], [], overwrite)
    text = starter_text()
    # never hand out a starter that does not validate (apart from its example texts)
    load_case_text(text, str(STARTER_FILE), allow_placeholders=True)
    try:
        write_text_atomic(path, text)
    except OSError as exc:
        raise InputError(f"Kan ikke skrive {path}: {os_fejl(exc)}.") from None
    click.echo(f"Skrev en ny sagsfil: {path}")
    click.echo(f"Udfyld den, og kontrollér den med: gldocs validate {path}")


@click.command("validate")
@click.argument("files", nargs=-1, required=True, metavar="SAG...",
                type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def validate_cmd(ctx: click.Context, files: tuple[Path, ...]) -> None:
    """Kontrollér en eller flere sagsfiler (SAG: en .yaml-fil)."""
    failed = 0
    for file in files:
        try:
            load_case(file)
        except CaseFileError as err:
            failed += 1
            click.echo(f"Fejl: {err.message}", err=True)
        else:
            click.echo(f"OK: {file} er en gyldig sagsfil.")
    if failed:
        if len(files) > 1:
            click.echo(f"{failed} af {len(files)} sagsfiler er ikke gyldige.", err=True)
        ctx.exit(CaseFileError.exit_code)
