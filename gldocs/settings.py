"""The caseworker's own settings (``gldocs indstillinger``), one small YAML file.

It lives beside the disclosure log in gldocs' home folder (``$GLDOCS_HOME`` or
``~/.config/gldocs``): ``indstillinger.yaml`` with, for now, ``sagsbehandler`` (the name the
review page fills in and the decisions file records). The operating system's user name is
never used for it: a log-in name is not a caseworker's name.
"""

from __future__ import annotations

from pathlib import Path

import click

from gldocs.atomic import write_text_atomic
from gldocs.errors import InputError

SETTINGS_FILE = "indstillinger.yaml"
KEYS = {"sagsbehandler": "Dit navn som sagsbehandler (bruges på gennemsynssiden)."}


def settings_path() -> Path:
    from gldocs.export.log import gldocs_home

    return gldocs_home() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> dict[str, str]:
    """The settings; an absent file is no settings. A broken file: InputError naming it."""
    import yaml

    path = path or settings_path()
    if not path.is_file():
        return {}
    try:
        from gldocs.yamlfile import load_yaml  # no aliases (a few bytes can expand to GB)

        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(f"Indstillingsfilen {path} kan ikke læses ({exc}). Ret eller slet "
                         "den.") from exc
    if not isinstance(data, dict):
        raise InputError(f"Indstillingsfilen {path} skal være en liste af nøgle: værdi.")
    return {str(k): str(v) for k, v in data.items() if k in KEYS and v is not None}


def save_setting(key: str, value: str, path: Path | None = None) -> Path:
    import yaml

    if key not in KEYS:
        raise InputError(f"Ukendt indstilling '{key}'. Mulige: {', '.join(KEYS)}.")
    path = path or settings_path()
    settings = load_settings(path)
    settings[key] = value.strip()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_text_atomic(path, yaml.safe_dump(settings, allow_unicode=True, sort_keys=True),
                      replace=True)
    return path


@click.group("indstillinger", invoke_without_command=True)
@click.pass_context
def settings_cmd(ctx: click.Context) -> None:
    """Vis eller ret dine indstillinger (fx dit navn som sagsbehandler)."""
    if ctx.invoked_subcommand is None:
        path = settings_path()
        settings = load_settings(path)
        click.echo(f"Indstillinger: {path}" + ("" if path.is_file() else " (findes ikke endnu)"))
        for key, help_text in KEYS.items():
            click.echo(f"  {key}: {settings.get(key, '(ikke sat)')}  – {help_text}")
        click.echo("Ret med: gldocs indstillinger saet NØGLE VÆRDI")


@settings_cmd.command("saet")
@click.argument("key", metavar="NØGLE")
@click.argument("value", metavar="VÆRDI")
def settings_set(key: str, value: str) -> None:
    """Sæt indstillingen NØGLE til VÆRDI (fx: saet sagsbehandler "Maja Kjær")."""
    if not value.strip():
        raise InputError("Værdien må ikke være tom.")
    path = save_setting(key, value)
    click.echo(f"{key} er sat til »{value.strip()}« i {path}.")
