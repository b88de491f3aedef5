"""The ``gldocs`` command line: a thin click group.

Each command lives in the domain package it belongs to and is imported only when used,
so ``gldocs --help`` and light commands start fast. Commands raise :class:`GldocsError`;
this module turns those into a Danish message on stderr and the error's exit code.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from gldocs import cli_danish
from gldocs.errors import GldocsError

cli_danish.install()

# command name -> "module:attribute" of a click command
COMMANDS: dict[str, str] = {
    "init": "gldocs.case.commands:init_cmd",
    "validate": "gldocs.case.commands:validate_cmd",
    "render": "gldocs.render.commands:render_cmd",
    "frister": "gldocs.frister_commands:frister_cmd",
    "tjekliste": "gldocs.tjekliste_commands:tjekliste_cmd",
    "redact": "gldocs.redact.commands:redact_cmd",
    "policies": "gldocs.redact.commands:policies_cmd",
    "diff": "gldocs.review.commands:diff_cmd",
    "review": "gldocs.review.commands:review_cmd",
    "export": "gldocs.export.commands:export_cmd",
    "scan": "gldocs.export.scan_commands:scan_cmd",
    "log": "gldocs.export.log_commands:log_cmd",
    "afgang": "gldocs.afgang.commands:afgang_cmd",
    "statistik": "gldocs.statistik.commands:statistik_cmd",
    "oversigt": "gldocs.caseload.oversigt:oversigt_cmd",
    "indstillinger": "gldocs.settings:settings_cmd",
}

SHORT_HELP: dict[str, str] = {
    "init": "Skriv en kommenteret skabelon til en ny sagsfil.",
    "validate": "Kontrollér en sagsfil.",
    "render": "Dan handleplan og følgeskrivelse (DOCX og PDF).",
    "frister": "Vis sagens frister med status (opfyldt, overskredet, snart).",
    "tjekliste": "Køreplanens tjekliste for sagen (txt, json, docx, pdf).",
    "redact": "Fjern det, kommunen ikke må få (rhl. §§ 9-10).",
    "policies": "Vis og kontrollér politikfiler.",
    "diff": "Vis, hvad der fjernes, del for del.",
    "review": "Gennemgå fund i browseren og godkend.",
    "export": "Dan en lækagekontrolleret pakke til sikker post.",
    "scan": "Scan filer for CPR-numre og forbudt tekst.",
    "log": "Vis, kontrollér eller find videregivelsesloggen.",
    "afgang": "Dan afgangsbedømmelsen og kommunens kopi.",
    "statistik": "Løsladelsesstatistik og målepunkter for en eller flere mapper.",
    "oversigt": "Overblik over sagerne: næste frist og overskredne frister.",
    "indstillinger": "Vis eller ret dine indstillinger (fx dit navn).",
}


def _danish_metavars(command: click.Command) -> None:
    command.options_metavar = "[TILVALG]"
    if isinstance(command, click.Group):
        command.subcommand_metavar = "KOMMANDO [ARGUMENTER]..."
        for sub in command.commands.values():
            _danish_metavars(sub)


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("gldocs"):
                return None
            raise
        command: click.Command = getattr(module, attr)
        _danish_metavars(command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, SHORT_HELP.get(name, "")) for name in COMMANDS]
        with formatter.section("Kommandoer"):
            formatter.write_dl(rows)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Everything printed passes :class:`~gldocs.text.terminal.SafeStream`: file names,
        document text and log lines cannot send escape sequences to the terminal."""
        from gldocs.text.terminal import SafeStream

        out, err = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
        try:
            return super().main(*args, **kwargs)
        finally:
            sys.stdout, sys.stderr = out, err

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GldocsError as err:
            click.echo(f"Fejl: {err.message}", err=True)
            ctx.exit(err.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("Afbrudt.", err=True)
            ctx.exit(130)
        except OSError as exc:  # a file or folder the system refused: the caseworker can act
            from gldocs.sprog import os_fejl

            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"Fejl: {where}{os_fejl(exc)}.", err=True)
            ctx.exit(2)
        except Exception as exc:  # last line of defence: exit 3
            click.echo(f"Intern fejl ({type(exc).__name__}): {exc}", err=True)
            ctx.exit(3)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    options_metavar="[TILVALG]",
    subcommand_metavar="KOMMANDO [ARGUMENTER]...",
)
@click.version_option(package_name="gldocs", message="gldocs %(version)s")
@click.option("--graense", "limits", multiple=True, metavar="NAVN=TAL",
              help="Hæv eller sænk en ressourcegrænse for denne kørsel (fx afsnit=3000000). "
                   "Navne: fil-mb, udpakket-mb, del-mb, forhold, dele, afsnit, tegn-pr-linje, "
                   "sider, json-dybde, forespoergsel-kb, yaml-mb, sag-kb.")
def main(limits: tuple[str, ...]) -> None:
    """gldocs: handleplaner, frister og videregivelse til kommunen for Kriminalforsorgen."""
    from gldocs.limits import set_overrides

    set_overrides(limits)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
