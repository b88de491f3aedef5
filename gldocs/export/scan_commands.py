"""``gldocs scan``: the leak scan of final bytes on any .pdf/.docx/.txt/.eml.

With ``--policy`` the file is also read as a document and analysed exactly as ``gldocs
redact`` would (through the redaction facade): everything the policy would still remove is
a finding. Exit 0 when every file is clean, 1 when something was found, 2 when a file cannot
be read or checked (or the options are wrong).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from gldocs.document.io import read_document
from gldocs.document.units import part_label
from gldocs.errors import DocumentError, InputError, Leak
from gldocs.export.leakscan import FileScan, scan_file
from gldocs.redact import is_cpr, mask_if_cpr
from gldocs.sprog import os_fejl
from gldocs.text.terminal import terminal_safe

if TYPE_CHECKING:
    from gldocs.redact import Redactor


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




def describe_place(place: str) -> str:
    """``word/footer1.xml`` -> ``word/footer1.xml (sidefod)``; other places as they are."""
    last = place.split(" › ")[-1]
    part, _, rest = last.partition(" (")
    label = part_label(part)
    if label is not None:
        if rest.startswith("attributter"):
            return (f"{place.removesuffix(' (attributter)')} "
                    f"({label} – attributværdi, fx alternativ tekst)")
        if rest:
            return f"{place[:-1]}, {label})"
        return f"{place} ({label})"
    return place


def format_leak(leak: Leak, show_cpr: bool) -> str:
    shown = leak.text if show_cpr or leak.kind != "CPR-nummer" else mask_cpr(leak.text)
    shown = terminal_safe(" ".join(shown.split()))
    term = terminal_safe(leak.extra.get("forbudt", ""))
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
@click.option("--policy", "policy", metavar="NAVN",
              help="Kør også politikkens analyse (fx kommune): alt, politikken stadig ville "
                   "fjerne, er et fund.")
@click.option("--areas", "areas", metavar="OMRÅDER",
              help="Koordineringsområder til --policy, kommasepareret (fx bolig,misbrug), "
                   "eller none.")
@click.option("--client-name", "client_name", metavar="NAVN",
              help="Klientens navn til --policy (ellers fra Stamoplysninger).")
@click.pass_context
def scan_cmd(ctx: click.Context, files: tuple[Path, ...], client_cpr: str | None,
             deny: tuple[str, ...], deny_file: Path | None, show_cpr: bool,
             policy: str | None, areas: str | None, client_name: str | None) -> None:
    """Scan filer (.pdf, .docx, .txt, .eml) for CPR-numre og forbudt tekst.

    Alt i filens bytes læses: metadata, sidehoveder og -fødder, kommentarer, sporede
    ændringer, PDF-strømme, vedhæftninger og filnavne. Med --policy køres samme analyse
    som i 'gldocs redact' på filens tekst, og alt, politikken stadig ville fjerne, er et
    fund. Afslutningskode 0: ingen fund, 1: noget fundet, 2: en fil kunne ikke læses eller
    kontrolleres (fx et billede eller en scannet PDF uden tekst).
    """
    if client_cpr is not None and not is_cpr(client_cpr):
        raise InputError(f"--client-cpr: '{client_cpr}' er ikke et gyldigt CPR-nummer "
                         "(forventet DDMMÅÅ-XXXX).")
    if areas is not None and policy is None:
        raise InputError("--areas bruges kun sammen med --policy (fx --policy kommune).")
    terms = list(deny) + (read_deny_file(deny_file) if deny_file else [])
    redactor = None
    if policy is not None:
        from gldocs.redact import redactor_for

        redactor = redactor_for(policy)
    found = unreadable = encrypted = 0
    for path in files:
        own_cpr = client_cpr
        if redactor is not None and own_cpr is None:
            own_cpr = _document_client_cpr(path)  # the client's own CPR is no finding
        try:
            result = scan_file(path, own_cpr, terms)
        except DocumentError as err:
            unreadable += 1
            click.echo(f"Fejl: {err.message}", err=True)
            continue
        lines = format_file_report(result, show_cpr)
        count = len(result.leaks)
        if redactor is not None:
            try:
                policy_lines = policy_findings(redactor, path, areas, client_name, client_cpr)
            except (DocumentError, InputError) as err:
                unreadable += 1
                click.echo(f"Fejl: {path}: kan ikke kontrolleres med politikken "
                           f"'{policy}': {err.message}", err=True)
                continue
            if policy_lines:
                if not count:
                    lines = [f"{path}: {len(policy_lines)} fund"]
                else:
                    lines[0] = f"{path}: {count + len(policy_lines)} fund"
                lines += policy_lines
            count += len(policy_lines)
        found += count
        encrypted += len(result.unreadable_parts)
        click.echo("\n".join(lines))
    click.echo(_summary(len(files), found, unreadable, encrypted))
    if unreadable:
        ctx.exit(2)
    if found:
        ctx.exit(1)


def policy_findings(redactor: Redactor, path: Path, areas: str | None,
                    client_name: str | None, client_cpr: str | None) -> list[str]:
    """The findings the policy would still remove from ``path``, one report line each.

    The file is read as a document the way ``gldocs redact`` reads it: a file it cannot
    read as text (an image, a scanned PDF, an unknown type) raises, and so does one with no
    text at all (``kan ikke kontrolleres``, never ``ren``)."""
    doc = read_document(Path(path))
    if not any(u.text.strip() for u in doc.units):
        raise DocumentError("filen har ingen tekst, der kan læses (fx en scannet PDF eller "
                            "et billede)")
    plan = redactor.analyze(doc, redactor.areas(doc, areas or "none"),
                            redactor.client(doc, client_name, client_cpr))
    lines = []
    for f in plan.findings:
        if f.action != "remove" or _is_marker(f.text):
            continue
        shown = " ".join(f.text.split())
        if len(shown) > 80:
            shown = shown[:77] + "…"
        lines.append(f"  - [{f.unit_path}] politikken ville fjerne ({f.rule}, "
                     f"{f.entity.lower()}): '{shown}'")
    return lines


def _document_client_cpr(path: Path) -> str | None:
    try:
        cpr = read_document(Path(path)).client_cpr
    except (DocumentError, InputError):
        return None  # reported when the policy analysis reads the file
    return cpr if cpr and is_cpr(cpr) else None


def _is_marker(text: str) -> bool:
    """A marker the redactor wrote ("[pårørende]", "[udeladt: rhl. § 10]") is no finding."""
    t = text.strip()
    return t.startswith("[") and t.endswith("]") and "\n" not in t


def _summary(files: int, found: int, unreadable: int, encrypted: int) -> str:
    parts = [f"{files} {'fil' if files == 1 else 'filer'} scannet",
             f"{found} fund" if found else "ingen fund"]
    if unreadable:
        parts.append(f"{unreadable} {'fil' if unreadable == 1 else 'filer'} kunne ikke læses")
    if encrypted:
        parts.append(f"{encrypted} {'krypteret del' if encrypted == 1 else 'krypterede dele'} "
                     "ikke scannet")
    if found:
        verdict = "MÅ IKKE SENDES"
    elif unreadable:
        verdict = "kan ikke kontrolleres, MÅ IKKE SENDES"
    elif encrypted:
        verdict = "ren i de læsbare dele"
    else:
        verdict = "ren"
    return f"Resultat: {', '.join(parts)}: {verdict}."
