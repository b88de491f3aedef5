"""``gldocs scan``: the leak scan of final bytes on any .pdf/.docx/.txt/.eml.

Exit 0 when every file is clean, 1 when something was found, 2 when a file cannot be read
(or the options are wrong).
"""

from __future__ import annotations

import re
from pathlib import Path

import click

from gldocs.errors import DocumentError, InputError, Leak
from gldocs.export.leakscan import FileScan, scan_file
from gldocs.redact.detectors.cpr import is_cpr, mask_if_cpr
from gldocs.sprog import os_fejl


def read_deny_file(path: Path) -> list[str]:
    """Denied texts from a file: one per line; blank lines and lines starting with # skipped."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"Filen med forbudte tekster ({path}) kan ikke læses: "
                         f"{os_fejl(exc)}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"Filen med forbudte tekster ({path}) er ikke UTF-8-tekst "
                         f"(byte {exc.start}).") from exc
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


mask_cpr = mask_if_cpr  # the report need not repeat a whole CPR number


# What the parts of a Word package are, for the caseworker reading the report.
_PART_NAMES = (
    (re.compile(r"word/document\d*\.xml$"), "brødtekst"),
    (re.compile(r"word/header\d*\.xml$"), "sidehoved"),
    (re.compile(r"word/footer\d*\.xml$"), "sidefod"),
    (re.compile(r"word/comments[\w]*\.xml$"), "kommentarer"),
    (re.compile(r"word/footnotes\.xml$"), "fodnoter"),
    (re.compile(r"word/endnotes\.xml$"), "slutnoter"),
    (re.compile(r"word/glossary/"), "byggeblokke"),
    (re.compile(r"docProps/core\.xml$"), "dokumentegenskaber"),
    (re.compile(r"docProps/app\.xml$"), "programegenskaber"),
    (re.compile(r"docProps/custom\.xml$"), "brugerdefinerede egenskaber"),
    (re.compile(r"customXml/"), "indlejrede XML-data"),
    (re.compile(r"_rels/.*\.rels$"), "relationer og links"),
    (re.compile(r"word/embeddings/"), "indlejret objekt"),
    (re.compile(r"word/media/"), "billede"),
)


def describe_place(place: str) -> str:
    """``word/footer1.xml`` -> ``word/footer1.xml (sidefod)``; other places as they are."""
    last = place.split(" › ")[-1]
    part, _, rest = last.partition(" (")
    for pattern, label in _PART_NAMES:
        if not pattern.search(part):
            continue
        if rest.startswith("attributter"):
            return (f"{place.removesuffix(' (attributter)')} "
                    f"({label} – attributværdi, fx alternativ tekst)")
        if rest:
            return f"{place[:-1]}, {label})"
        return f"{place} ({label})"
    return place


def format_leak(leak: Leak, show_cpr: bool) -> str:
    shown = leak.text if show_cpr or leak.kind != "CPR-nummer" else mask_cpr(leak.text)
    shown = " ".join(shown.split())
    term = leak.extra.get("forbudt", "")
    why = f" (forbudt: '{term}')" if term and term.casefold() != shown.casefold() else ""
    return f"  - [{describe_place(leak.place)}] {leak.kind}: '{shown}'{why}"


def format_file_report(result: FileScan, show_cpr: bool) -> list[str]:
    lines: list[str] = []
    count = len(result.leaks)
    if count:
        lines.append(f"{result.path}: {count} fund")
        lines += [format_leak(leak, show_cpr) for leak in result.leaks]
    else:
        lines.append(f"{result.path}: ingen fund")
    for part in result.unreadable_parts:
        lines.append(f"  ! [{part}] er krypteret og kunne ikke scannes; "
                     "scan filen, før den krypteres.")
    return lines


@click.command("scan")
@click.argument("files", nargs=-1, required=True, metavar="FIL...",
                type=click.Path(path_type=Path))
@click.option("--client-cpr", "client_cpr", metavar="CPR",
              help="Klientens eget CPR-nummer (rapporteres ikke).")
@click.option("--deny", "deny", multiple=True, metavar="TEKST",
              help="Tekst, der ikke må forekomme (kan gentages).")
@click.option("--deny-file", "deny_file", type=click.Path(path_type=Path), metavar="FIL",
              help="Fil med forbudte tekster, én pr. linje (# indleder en kommentar).")
@click.option("--show-cpr", is_flag=True, help="Vis fundne CPR-numre fuldt ud i rapporten.")
@click.pass_context
def scan_cmd(ctx: click.Context, files: tuple[Path, ...], client_cpr: str | None,
             deny: tuple[str, ...], deny_file: Path | None, show_cpr: bool) -> None:
    """Scan filer (.pdf, .docx, .txt, .eml) for CPR-numre og forbudt tekst.

    Alt i filens bytes læses: metadata, sidehoveder og -fødder, kommentarer, sporede
    ændringer, PDF-strømme, vedhæftninger og filnavne. Afslutningskode 0: ingen fund,
    1: noget fundet, 2: en fil kunne ikke læses.
    """
    if client_cpr is not None and not is_cpr(client_cpr):
        raise InputError(f"--client-cpr: '{client_cpr}' er ikke et gyldigt CPR-nummer "
                         "(forventet DDMMÅÅ-XXXX).")
    terms = list(deny) + (read_deny_file(deny_file) if deny_file else [])
    found = unreadable = encrypted = 0
    for path in files:
        try:
            result = scan_file(path, client_cpr, terms)
        except DocumentError as err:
            unreadable += 1
            click.echo(f"Fejl: {err.message}", err=True)
            continue
        found += len(result.leaks)
        encrypted += len(result.unreadable_parts)
        click.echo("\n".join(format_file_report(result, show_cpr)))
    click.echo(_summary(len(files), found, unreadable, encrypted))
    if unreadable:
        ctx.exit(2)
    if found:
        ctx.exit(1)


def _summary(files: int, found: int, unreadable: int, encrypted: int) -> str:
    parts = [f"{files} {'fil' if files == 1 else 'filer'} scannet",
             f"{found} fund" if found else "ingen fund"]
    if unreadable:
        parts.append(f"{unreadable} {'fil' if unreadable == 1 else 'filer'} kunne ikke læses")
    if encrypted:
        parts.append(f"{encrypted} {'krypteret del' if encrypted == 1 else 'krypterede dele'} "
                     "ikke scannet")
    if found or unreadable:
        verdict = "MÅ IKKE SENDES"
    elif encrypted:
        verdict = "ren i de læsbare dele"
    else:
        verdict = "ren"
    return f"Resultat: {', '.join(parts)}: {verdict}."
