"""``gldocs export``: the leak-checked package for secure mail, with a disclosure-log entry."""

from __future__ import annotations

from pathlib import Path

import click

from gldocs.export.package import ExportOptions, ExportResult, export_package

_file = click.Path(dir_okay=False, path_type=Path)


@click.command("export")
@click.argument("inputs", nargs=-1, required=True, metavar="SAG_ELLER_DOKUMENT...",
                type=_file)
@click.option("--to", "policy", default="kommune", show_default=True, metavar="MODTAGER",
              help="Modtager og dermed redigeringspolitik.")
@click.option("--areas", default=None, metavar="OMRÅDER",
              help="Koordineringsområder, kommasepareret (fx bolig,misbrug), eller none. "
                   "Fra en sagsfil: sagens egne.")
@click.option("--decisions", "decisions", multiple=True, type=_file, metavar="FIL",
              help="Afgørelsesfil (YAML); kan gentages, én pr. dokument. Standard: "
                   "<inddata>.afgoerelser.yaml, hvis den findes.")
@click.option("--cert", type=_file, metavar="KOMMUNE.pem",
              help="Kommunens certifikat: beskeden krypteres (S/MIME, AES-256).")
@click.option("--sign-cert", type=_file, metavar="MIG.pem", help="Dit certifikat til signering.")
@click.option("--sign-key", type=_file, metavar="MIG.key", help="Din private nøgle (PEM).")
@click.option("--docx", is_flag=True, help="Vedlæg også DOCX-udgaverne.")
@click.option("--caseworker", default=None, metavar="NAVN",
              help="Sagsbehandleren i loggen (standard: sagens handleplansansvarlige).")
@click.option("--recipient", default=None, metavar="E-MAIL",
              help="Kommunens sikre postadresse (standard: sagens handlekommune).")
@click.option("--sender", default=None, metavar="E-MAIL",
              help="Afsenderadresse (standard: den handleplansansvarliges e-mail).")
@click.option("--client-cpr", default=None, metavar="CPR",
              help="Klientens CPR-nummer, når et dokument ikke selv angiver det.")
@click.option("--client-name", default=None, metavar="NAVN", help="Klientens navn.")
@click.option("--log", "log_path", type=_file, default=None, metavar="FIL",
              help="Videregivelsesloggen (standard: installationens log).")
@click.option("--afgang", is_flag=True,
              help="Vedlæg afgangsbedømmelsens kopi til kommunen (bolig, beskæftigelse, "
                   "forsørgelse; kræver klientens samtykke).")
@click.option("-o", "--output", "outdir", required=True, metavar="MAPPE",
              type=click.Path(file_okay=False, path_type=Path), help="Mappe til pakken.")
@click.option("--proev", "dry_run", is_flag=True,
              help="Prøvekørsel: pakken dannes og kontrolleres som ellers, men skrives i "
                   "MAPPE/PRØVE og føres ikke i videregivelsesloggen. Må ikke sendes.")
def export_cmd(inputs: tuple[Path, ...], policy: str, areas: str | None,
               decisions: tuple[Path, ...], cert: Path | None, sign_cert: Path | None,
               sign_key: Path | None, docx: bool, caseworker: str | None,
               recipient: str | None, sender: str | None, client_cpr: str | None,
               client_name: str | None, log_path: Path | None, outdir: Path,
               afgang: bool, dry_run: bool) -> None:
    """Dan en lækagekontrolleret pakke til sikker post til kommunen.

    Sagsfilen (eller dokumentet) redigeres med NER-modellen og dine afgørelser. Eksporten
    stopper, hvis fund afventer din afgørelse, hvis inddata er mærket »IKKE TIL
    VIDEREGIVELSE«, eller hvis lækagescanningen finder fjernet tekst, tredjeparters
    oplysninger eller andre CPR-numre end klientens. Intet skrives, før alt er kontrolleret;
    derefter føres videregivelsen i loggen.
    """
    result = export_package(ExportOptions(
        inputs=list(inputs), outdir=outdir, policy=policy, areas=areas,
        decisions=list(decisions), cert=cert, sign_cert=sign_cert, sign_key=sign_key,
        docx=docx, caseworker=caseworker, log_path=log_path, recipient=recipient,
        sender=sender, client_cpr=client_cpr, client_name=client_name, afgang=afgang,
        dry_run=dry_run,
    ))
    for line in result.reports:
        click.echo(line, err=True)
    click.echo(summary(result))


def summary(result: ExportResult) -> str:
    """The Danish summary printed after a successful export."""
    lines = []
    if result.dry_run:
        lines.append("PRØVE: pakken er kun en prøve. Den må ikke sendes, og intet er ført i "
                     "videregivelsesloggen.")
    lines.append(f"Pakken til {result.recipient} er dannet i {result.outdir}; alle filer er "
                 "dannet og redigeret af denne kørsel:")
    lines += [f"  - {p.name}" for p in result.attachments]
    lines.append(f"  - {result.eml.name} (e-mail, emne: »{result.subject}«)")
    for d in result.decisions_used:
        lines.append(f"Afgørelser brugt fra {d}.")
    lines += result.notes
    lines.append(f"Lækagescanning: ingen fund ({result.deny_terms} forbudte tekster og alle "
                 "CPR-numre undtagen klientens kontrolleret i alle filer, metadata og filnavne"
                 + (f"; {result.passed_on_terms} fjernede tekster står også, hvor de må stå "
                    "(beholdt af politikken eller gendannet af dig), og er ikke forbudt"
                    if result.passed_on_terms else "") + ").")
    if result.encrypted:
        if result.signed:
            lines.append("E-mailen er signeret og krypteret (S/MIME) til kommunen og dig selv; "
                         "send den, som den er.")
        else:
            lines.append("E-mailen er krypteret (S/MIME) til kommunen, men ikke signeret "
                         "(--sign-cert/--sign-key); send den, som den er.")
    else:
        signed = "signeret, men " if result.signed else ""
        lines.append(f"OBS: E-mailen er {signed}IKKE krypteret. Den må kun sendes gennem "
                     "det sikre postsystem (sikker post), aldrig som almindelig e-mail.")
    if result.entry is None:
        lines.append(f"Intet er ført i videregivelsesloggen ({result.log_path}).")
        return "\n".join(lines)
    lines.append(f"Videregivelsen er ført i loggen {result.log_path} "
                 f"(post nr. {result.entry.seq}).")
    if result.log_created:
        lines.append(f"Videregivelsesloggen er oprettet her: {result.log_path}. Vis stien med "
                     "'gldocs log sti'; vælg en anden log med GLDOCS_LOG=STI eller --log STI.")
    return "\n".join(lines)
