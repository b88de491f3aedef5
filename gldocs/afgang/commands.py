"""``gldocs afgang``: the afgangsbedømmelse, and with --til-kommune the kommune's copy."""

from __future__ import annotations

from pathlib import Path

import click

from gldocs.afgang.dokument import FULD, KOMMUNE, TITLER, mail_subject, output_name, render
from gldocs.atomic import output_batch
from gldocs.case import load_case
from gldocs.errors import InputError, RefusedError
from gldocs.outputs import NEW_FOLDER, check_outputs, overwrite_option

FORMATS = ("docx", "pdf")


@click.command("afgang")
@click.argument("case_file", metavar="SAG", type=click.Path(path_type=Path))
@click.option("--til-kommune", is_flag=True,
              help="Dan kommunens kopi: kun bolig, beskæftigelse og forsørgelse.")
@click.option("--format", "fmt", default="all", show_default=True,
              type=click.Choice([*FORMATS, "all"]), help="docx, pdf eller all.")
@click.option("-o", "--out", "out_dir", default=Path("out"), show_default=True,
              type=click.Path(path_type=Path), help="Mappe, filerne skrives i.")
@click.option("--banner", default=None, metavar="TEKST",
              help='Tekst øverst i dokumentet, fx "UDKAST".')
@overwrite_option
def afgang_cmd(case_file: Path, til_kommune: bool, fmt: str, out_dir: Path,
               banner: str | None, overwrite: bool) -> None:
    """Dan afgangsbedømmelsen for sagsfilen SAG (Mål- og resultatplan 2015).

    Med --til-kommune dannes kommunens kopi: de tre dele (bolig, beskæftigelse og
    forsørgelse), klientens samtykke, kommunens frist for indsigelse og hvem kommunen
    svarer. Kopien afvises uden samtykke, for udvisningsdømte, og når en del står som
    ukendt uden bemærkning. Filnavne og emnelinje indeholder kun sagens reference.
    """
    case = load_case(case_file)
    doc = KOMMUNE if til_kommune else FULD
    fmts = FORMATS if fmt == "all" else (fmt,)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"Uddatamappen {out_dir} er en fil, ikke en mappe (valgmuligheden -o).")
    check_outputs([("-o/--out", out_dir / output_name(case, doc, f)) for f in fmts],
                  [case_file], overwrite, instead=NEW_FOLDER)
    try:
        rendered = [(out_dir / output_name(case, doc, f), render(case, doc, f, banner))
                    for f in fmts]
    except RefusedError as err:
        raise RefusedError(f"{case_file}: {err.message}") from None
    try:
        with output_batch() as batch:
            for path, data in rendered:
                batch.add(path, data)
    except OSError as exc:
        raise InputError(f"Kan ikke skrive i {out_dir}: {exc.strerror}.") from None
    click.echo(f"Skrev {len(rendered)} fil(er) i {out_dir}/ (sag {case.reference}):")
    for path, data in rendered:
        click.echo(f"  {path.name:<50} {TITLER[doc]}, {round(len(data) / 1024)} kB")
    if til_kommune:
        click.echo(f"Emnelinje til sikker post: {mail_subject(case)}")
        click.echo("Send kopien som sikker post til kommunen, og registrér datoen i "
                   "afgang.sendt_til_kommunen.")
