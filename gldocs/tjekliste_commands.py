"""``gldocs tjekliste``: the køreplan checklist of a case as text, JSON, DOCX or PDF."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from gldocs.atomic import output_batch
from gldocs.dates import parse_iso_dato
from gldocs.errors import InputError
from gldocs.outputs import NEW_FOLDER, check_outputs, overwrite_option

FORMATER: tuple[str, ...] = ("txt", "json", "docx", "pdf")


@click.command("tjekliste")
@click.argument("case_file", metavar="SAGSFIL.yaml", type=click.Path(path_type=Path))
@click.option("--idag", metavar="DATO", help="Opgør status pr. denne dato (standard: i dag).")
@click.option("--format", "fmt", default="txt", show_default=True, metavar="FORMAT",
              help="txt, json, docx eller pdf.")
@click.option("-o", "--out", "out_dir", default=Path("out"), show_default=True,
              type=click.Path(path_type=Path), help="Mappe til DOCX og PDF.")
@overwrite_option
def tjekliste_cmd(case_file: Path, idag: str | None, fmt: str, out_dir: Path,
                  overwrite: bool) -> None:
    """Vis køreplanens tjekliste for sagen: trin 1-12 og 9 A med ansvarlig, dato og status.

    Status (opfyldt, ikke opfyldt, ikke relevant) regnes fra sagsfilens 'udfoert' og
    koordineringen. txt og json skrives på skærmen; docx og pdf i mappen -o.
    """
    from gldocs.case import load_case
    from gldocs.tjekliste import lav_tjekliste, tjekliste_tekst

    if fmt not in FORMATER:
        raise InputError(f"Ugyldig værdi '{fmt}' for --format; brug {', '.join(FORMATER)}.")
    try:
        today = parse_iso_dato(idag) if idag is not None else date.today()
    except ValueError as exc:
        raise InputError(f"Ugyldig dato i --idag: {exc}") from None
    case = load_case(case_file)
    if fmt in ("txt", "json"):
        tjek = lav_tjekliste(case, today)
        click.echo(json.dumps(tjek.as_json(), ensure_ascii=False, indent=2) if fmt == "json"
                   else tjekliste_tekst(case, tjek, today), nl=fmt == "json")
        return
    from gldocs.render.docx import docx_from_context
    from gldocs.render.names import TJEKLISTE, output_name
    from gldocs.render.pdf import pdf_from_context
    from gldocs.render.tjekliste import tjekliste_context

    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"Uddatamappen {out_dir} er en fil, ikke en mappe (valgmuligheden -o).")
    path = out_dir / output_name(case, TJEKLISTE, fmt)
    check_outputs([("-o/--out", path)], [case_file], overwrite, instead=NEW_FOLDER)
    ctx = tjekliste_context(case, today)
    data = docx_from_context(ctx) if fmt == "docx" else pdf_from_context(ctx)
    try:
        with output_batch() as batch:
            batch.add(path, data)
    except OSError as exc:
        raise InputError(f"Kan ikke skrive i {out_dir}: {exc.strerror}.") from None
    click.echo(f"Skrev {path} (tjekliste for sag {case.reference}, opgjort "
               f"{today.isoformat()}).")
