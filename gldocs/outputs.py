"""Never lose or overwrite what the caseworker has: checks on output paths before any work.

    check_outputs([("-o/--output", out), ("--report", report)], inputs=[src, decisions],
                  overwrite=False)

Before anything is read or written:
- every output differs from every other output and from every input, compared by resolved
  path and, for files that exist, by device and inode (a hard link or a path through a
  symlinked folder is the same file);
- an output that exists already is not replaced unless ``--overwrite`` is given (exit 2
  naming it);
- the folder an output goes to must be a folder that can be written (or be creatable below
  one): otherwise exit 2 in Danish, not an internal error.

Only an output checked with ``--overwrite`` (or named in ``may_exist``) may be replaced when
it is finally written (:func:`gldocs.atomic.allow_replace`); every other final write is
exclusive, so a file that appears between this check and the write is never replaced.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import click

from gldocs.atomic import allow_replace
from gldocs.errors import InputError

NEW_NAME = "Vælg et andet navn"
NEW_FOLDER = "Vælg en anden mappe med -o"

overwrite_option = click.option(
    "--overwrite", is_flag=True,
    help="Erstat outputfiler, der findes i forvejen (inputfiler erstattes aldrig).")


def _check_kommune(ctx: click.Context, param: click.Parameter,
                   value: str | None) -> str | None:
    from gldocs.redact import clean_kommune

    try:
        return clean_kommune(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


# the recipient municipality of a redacted copy (``gldocs redact`` and ``gldocs review``)
kommune_option = click.option(
    "--kommune", default=None, metavar="NAVN", callback=_check_kommune,
    help="Modtagerkommunens navn i mærket på hver side og i titlen (fx 'Aarhus Kommune') "
         "for en .docx, .pdf eller .txt. Standard: sagens handlekommune; uden sag står "
         "der blot 'kommunen'.")


def _identity(path: Path) -> tuple[str, tuple[int, int] | None]:
    resolved = str(Path(path).expanduser().resolve())
    try:
        st = os.stat(path)
        return resolved, (st.st_dev, st.st_ino)
    except OSError:
        return resolved, None


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name the same file (resolved path or inode)."""
    ra, ia = _identity(a)
    rb, ib = _identity(b)
    return ra == rb or (ia is not None and ia == ib)


def _writable_folder(out: Path, option: str) -> None:
    folder = Path(out).expanduser().absolute().parent
    probe = folder
    while not probe.exists():
        if probe.parent == probe:
            break
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        raise InputError(f"{option}: {probe} er en fil, ikke en mappe, så {out} kan ikke "
                         "skrives.")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise InputError(f"{option}: der er ikke skriveadgang til mappen {probe}, så {out} "
                         "kan ikke skrives. Vælg en anden mappe.")


def check_outputs(outputs: Sequence[tuple[str, Path | None]], inputs: Iterable[Path | None],
                  overwrite: bool = False, may_exist: Iterable[str] = (),
                  instead: str = NEW_NAME) -> None:
    """Refuse outputs that collide, replace inputs, exist (without ``overwrite``) or cannot be
    written. ``may_exist`` names options whose file is meant to be updated (a decisions file
    the review reads and writes back). ``instead`` tells the caseworker what else to do when
    a file exists: a new name, or (for commands that name their own files) a new folder."""
    given = [(opt, Path(p)) for opt, p in outputs if p is not None]
    sources = [Path(p) for p in inputs if p is not None]
    updatable = set(may_exist)
    for i, (opt, out) in enumerate(given):
        if out.exists() and out.is_dir():
            raise InputError(f"{opt}: {out} er en mappe; angiv et filnavn.")
        for src in sources:
            if same_file(out, src):
                raise InputError(f"{opt} ({out}) er den samme fil som inputfilen {src}; en "
                                 "inputfil overskrives aldrig. Vælg et andet navn.")
        for other_opt, other in given[i + 1:]:
            if same_file(out, other):
                raise InputError(f"{opt} og {other_opt} peger på den samme fil ({out}); "
                                 "vælg forskellige navne.")
        if out.exists() and not overwrite and opt not in updatable:
            raise InputError(f"{opt}: filen {out} findes allerede og erstattes ikke. "
                             f"{instead}, eller tilføj --overwrite for at erstatte den.")
        _writable_folder(out, opt)
    for opt, out in given:  # only now: the final write of any other output stays exclusive
        if overwrite or opt in updatable:
            allow_replace(out)
