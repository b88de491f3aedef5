"""``gldocs statistik``: release statistics over folders of case files."""

from __future__ import annotations

from pathlib import Path

import click

from gldocs.caseload.options import caseload_options, idag_option, scan_caseload, write_output
from gldocs.errors import InputError
from gldocs.outputs import check_outputs, overwrite_option
from gldocs.statistik.beregning import beregn, offentliggoer
from gldocs.statistik.formater import FORMATER, render
from gldocs.statistik.periode import parse_periode


@click.command("statistik")
@caseload_options
@click.option("--periode", required=True, metavar="PERIODE",
              help="Fx 2026-Q4, 2026 eller 2026-10-01:2026-12-31.")
@click.option("--enhed", default=None, metavar="INSTITUTION",
              help="Kun løsladelser fra denne institution eller KiF-afdeling.")
@click.option("--format", "fmt", default="txt", show_default=True,
              type=click.Choice(FORMATER), help="Uddataformat.")
@click.option("--diagram", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar="FIL.png|.svg", help="Tegn fordelingen og kvartalsudviklingen.")
@click.option("--offentlig", is_flag=True,
              help="Undertryk tal under 5 og deres komplement (til offentliggørelse).")
@click.option("--detaljer", is_flag=True,
              help="List sagernes referencer (aldrig navne eller CPR-numre).")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path),
              default=None, metavar="FIL", help="Skriv til FIL i stedet for skærmen.")
@overwrite_option
def statistik_cmd(dirs: tuple[Path, ...], idag: str | None, index_path: Path | None,
                  periode: str, enhed: str | None, fmt: str, diagram: Path | None,
                  offentlig: bool, detaljer: bool, output: Path | None,
                  overwrite: bool) -> None:
    """Løsladelsesstatistik: afgangsbedømmelser (Mål- og resultatplan 2015) og målepunkter.

    Tæller alle sagsfiler under MAPPE... med løsladelse i perioden. Statistikken indeholder
    aldrig navne, CPR-numre eller referencer; --detaljer lister kun referencer. Sagsfiler,
    der ikke kan læses, nævnes på stderr og tælles ikke med (antallet står i uddata).
    """
    p = parse_periode(periode)
    today = idag_option(idag)
    if offentlig and detaljer:
        raise InputError("--detaljer kan ikke bruges med --offentlig: en offentlig tabel må "
                         "ikke pege på enkeltsager.")
    if diagram is not None:
        from gldocs.statistik.diagrammer import FORMATER as DIAGRAM
        from gldocs.statistik.diagrammer import suffix_of

        if suffix_of(diagram) not in DIAGRAM:
            raise InputError(f"Diagrammet {diagram} skal hedde .png eller .svg.")
    # before the scan: the index is the only file the scan writes, and it is never an output
    from gldocs.caseload.index import default_index_path

    check_outputs([("-o/--output", output), ("--diagram", diagram)],
                  [index_path or default_index_path()], overwrite)
    # the målepunkter are judged against the release, not a horizon: no deadlines needed
    result = scan_caseload(dirs, horisont=today, index_path=index_path, frister=False)
    stat = beregn([e.record for e in result.ok if e.record is not None], p, today, enhed,
                  [(e.fil, e.fejl or "") for e in result.broken], detaljer)
    if offentlig:
        offentliggoer(stat)
    data = render(stat, fmt)
    chart = None
    if diagram is not None:
        from gldocs.statistik.diagrammer import suffix_of, tegn

        chart = tegn(stat, suffix_of(diagram))
    write_output(output, data, binary=fmt == "xlsx", option="-o/--output", overwrite=overwrite)
    if chart is not None and diagram is not None:
        write_output(diagram, chart, binary=True, option="--diagram", overwrite=overwrite)
        click.echo(f"Diagrammet er skrevet til {diagram}.", err=True)
    if output is not None:
        click.echo(f"Statistikken er skrevet til {output}.", err=True)
