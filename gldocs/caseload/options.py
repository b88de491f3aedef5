"""Options and output shared by ``gldocs statistik`` and ``gldocs oversigt``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click

from gldocs.atomic import write_bytes_atomic
from gldocs.caseload.index import ScanResult, scan
from gldocs.dates import dato_option
from gldocs.errors import InputError
from gldocs.outputs import check_outputs


def idag_option(value: str | None) -> date:
    return dato_option("idag", value) or date.today()


def caseload_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """DIR... and --idag, --indeks."""
    fn = click.option("--indeks", "index_path", type=click.Path(dir_okay=False, path_type=Path),
                      default=None, envvar="GLDOCS_INDEKS", metavar="FIL",
                      help="Sagsindekset (SQLite). Standard: brugerens cache-mappe.")(fn)
    fn = click.option("--idag", default=None, metavar="ÅÅÅÅ-MM-DD",
                      help="Dagen, der regnes fra (standard: i dag).")(fn)
    return click.argument("dirs", nargs=-1, required=True, metavar="MAPPE...",
                          type=click.Path(path_type=Path))(fn)


def scan_caseload(dirs: tuple[Path, ...], horisont: date, index_path: Path | None,
                  report: bool = True, frister: bool = True) -> ScanResult:
    """Refresh the index; with ``report``, list the broken files on stderr (the output
    itself only says how many)."""
    result = scan(list(dirs), horisont=horisont, index_path=index_path, frister=frister)
    if report:
        for e in result.broken:
            click.echo(f"Udeladt: {e.fejl}", err=True)
    return result


def write_output(path: Path | None, data: bytes, binary: bool = False, option: str = "-o",
                 overwrite: bool = False) -> None:
    """Write to ``path`` atomically (an existing file only with ``overwrite``), or to
    stdout."""
    if path is None:
        if binary:
            raise InputError("Formatet xlsx skal skrives til en fil; angiv -o FIL.xlsx.")
        click.echo(data.decode("utf-8"), nl=False)
        return
    check_outputs([(option, path)], [], overwrite)
    try:
        write_bytes_atomic(path, data)
    except OSError as exc:
        raise InputError(f"Kan ikke skrive {path}: {exc.strerror}.") from None
