"""``gldocs log show`` and ``gldocs log verify``: read and check the disclosure log."""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path

import click

from gldocs.dates import format_dato
from gldocs.errors import LogTamperedError
from gldocs.export.log import (
    Entry,
    check_log,
    client_hash,
    default_log_path,
    head_path,
    read_log,
    written_logs,
)
from gldocs.sprog import antal

DANISH_TIME: tzinfo | None
try:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        DANISH_TIME = ZoneInfo("Europe/Copenhagen")
    except ZoneInfoNotFoundError:  # pragma: no cover - no tz database
        DANISH_TIME = None
except ImportError:  # pragma: no cover
    DANISH_TIME = None


def format_tidspunkt(when: datetime) -> str:
    """'25. november 2026 kl. 14.03' in Danish time (UTC when no time zone data)."""
    if DANISH_TIME is not None:
        local = when.astimezone(DANISH_TIME)
        return f"{format_dato(local.date())} kl. {local:%H.%M}"
    return f"{format_dato(when.date())} kl. {when:%H.%M} (UTC)"


def format_entry(entry: Entry) -> str:
    lines = [f"Videregivelse nr. {entry.seq}: {format_tidspunkt(entry.when)}"]
    lines.append(f"  Sagsbehandler:  {entry.caseworker}")
    lines.append(f"  Modtager:       {entry.recipient}")
    if entry.reference:
        lines.append(f"  Sagsreference:  {entry.reference}")
    lines.append(f"  Klient:         {entry.client[:16]}… (pseudonym af CPR-nummeret)")
    lines.append(f"  Politik:        {entry.policy_name}, version {entry.policy_version}")
    grounds = ", ".join(entry.legal_grounds) or "ikke angivet"
    lines.append(f"  Hjemmel:        {grounds}")
    lines.append("  Dokumenter:")
    lines += [f"    - {d.name} (SHA-256 {d.sha256})" for d in entry.documents]
    if entry.findings_by_rule:
        counts = ", ".join(f"{rule}: {n}" for rule, n in entry.findings_by_rule.items())
        lines.append(f"  Fund pr. regel: {counts}")
    else:
        lines.append("  Fund pr. regel: ingen")
    if entry.restored:
        lines.append("  Videregivet efter sagsbehandlerens begrundelse:")
        lines += [f"    - {r.id} ({r.rule}, {r.ground}): {r.justification}"
                  for r in entry.restored]
    return "\n".join(lines)


log_option = click.option(
    "--log", "log_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
    metavar="STI", help="Logfilen (standard: $GLDOCS_LOG eller i gldocs' hjemmemappe).",
)


@click.group("log")
def log_cmd() -> None:
    """Vis eller kontrollér videregivelsesloggen."""


@log_cmd.command("show")
@log_option
@click.option("--klient", "cpr", metavar="CPR", default=None,
              help="Vis kun videregivelser om klienten med dette CPR-nummer.")
def show_cmd(log_path: Path | None, cpr: str | None) -> None:
    """Vis loggens videregivelser i læsbar form."""
    path = log_path or default_log_path()
    entries, problems = read_log(path)
    if cpr is not None:
        wanted = client_hash(cpr)
        entries = [e for e in entries if e.client == wanted]
    if not entries:
        click.echo(f"Ingen videregivelser i {path}.")
    else:
        click.echo(f"Videregivelseslog: {path} "
                   f"({antal(len(entries), 'videregivelse', 'videregivelser')})\n")
        click.echo("\n\n".join(format_entry(e) for e in entries))
    if problems:
        click.echo(f"\nAdvarsel: loggen er ikke intakt ({len(problems)} problemer); "
                   "kør 'gldocs log verify'.", err=True)
        raise SystemExit(1)  # shown, but a tampered log never reads as fine (like verify)


@log_cmd.command("sti")
@log_option
def path_cmd(log_path: Path | None) -> None:
    """Vis, hvor videregivelsesloggen ligger (og hvordan en anden vælges)."""
    import os

    path = log_path or default_log_path()
    click.echo(str(path))
    if log_path is not None:
        source = "valgt med --log"
    elif os.environ.get("GLDOCS_LOG"):
        source = "valgt med miljøvariablen GLDOCS_LOG"
    else:
        source = "standard; vælg en anden med GLDOCS_LOG=STI eller --log STI"
    state = "findes" if path.exists() else "findes ikke endnu (oprettes ved første eksport)"
    click.echo(f"({source}; filen {state})", err=True)


@log_cmd.command("verify")
@log_option
def verify_cmd(log_path: Path | None) -> None:
    """Kontrollér hash-kæden: slutkode 0 når loggen er intakt, 1 når den er ændret."""
    path = log_path or default_log_path()
    entries = check_log(path)  # raises LogTamperedError (exit 1) naming the lines
    if not entries:
        if not path.exists() and not head_path(path).exists():
            written = written_logs()
            if written:
                where = ", ".join(w for w in written if w != "?") or "ukendt sted"
                raise LogTamperedError(
                    f"Hverken videregivelsesloggen {path} eller dens hovedfil findes, men denne "
                    f"installation har skrevet videregivelser ({where}). Er loggen slettet "
                    "eller flyttet? Find den, og kør 'gldocs log verify --log STI'.")
            click.echo(f"Ingen videregivelseslog i {path} (og ingen hovedfil): denne "
                       "installation har endnu ikke videregivet noget.")
            return
        click.echo(f"Ingen videregivelser i {path}; intet at kontrollere.")
        return
    click.echo(f"Videregivelsesloggen {path} er intakt: {antal(len(entries), 'linje', 'linjer')}, "
               f"hash-kæden og hovedfilen {head_path(path).name} stemmer.")
    click.echo(f"Seneste hash: {entries[-1].hash}")
