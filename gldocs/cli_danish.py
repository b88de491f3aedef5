"""Danish for click's own words (help, usage errors), so every line a caseworker reads is Danish.

Click looks its messages up through ``gettext`` at call time; we swap in a lookup table.
Unknown strings fall back to English rather than failing.
"""

from __future__ import annotations

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types

DANISH: dict[str, str] = {
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "Aborted!": "Afbrudt!",
    "Argument {name!r} takes {nargs} values.": "Argumentet {name!r} kræver {nargs} værdier.",
    "Choose from:\n\t{choices}": "Vælg mellem:\n\t{choices}",
    "Commands": "Kommandoer",
    "Confirm the action without prompting.": "Bekræft uden at spørge.",
    "Could not open file {filename!r}: {message}": "Filen {filename!r} kan ikke åbnes: {message}",
    "Do you want to continue?": "Vil du fortsætte?",
    "Error: {message}": "Fejl: {message}",
    "Invalid value for {param_hint}: {message}": "Ugyldig værdi for {param_hint}: {message}",
    "Invalid value: {message}": "Ugyldig værdi: {message}",
    "Missing argument": "Mangler argument",
    "Missing command.": "Mangler kommando.",
    "Missing option": "Mangler tilvalg",
    "Missing parameter": "Mangler parameter",
    "Missing parameter: {param_name}": "Mangler parameter: {param_name}",
    "No such command {name!r}.": "Kommandoen {name!r} findes ikke.",
    "No such option {name!r}.": "Tilvalget {name!r} findes ikke.",
    "No such option: {name}": "Tilvalget findes ikke: {name}",
    "Option {name!r} does not take a value.": "Tilvalget {name!r} tager ingen værdi.",
    "Options": "Tilvalg",
    "Positional arguments": "Argumenter",
    "Show the version and exit.": "Vis versionen og afslut.",
    "Show this message and exit.": "Vis denne hjælp og afslut.",
    "Try '{command} {option}' for help.": "Skriv '{command} {option}' for at få hjælp.",
    "Usage:": "Brug:",
    "default: {default}": "standard: {default}",
    "required": "påkrævet",
    "directory": "mappe",
    "file": "fil",
    "path": "sti",
    "unknown error": "ukendt fejl",
    "{name} {filename!r} does not exist.": "{name} {filename!r} findes ikke.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} er en mappe.",
    "{name} {filename!r} is a file.": "{name} {filename!r} er en fil.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} kan ikke læses.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} kan ikke skrives.",
    "{value!r} is not a valid {number_type}.": "{value!r} er ikke et gyldigt {number_type}.",
    "{value} is not in the range {range}.": "{value} ligger ikke i intervallet {range}.",
    "integer": "heltal",
    "float": "decimaltal",
    "File": "Filen",
    "Directory": "Mappen",
    "Path": "Stien",
}

DANISH_PLURAL: dict[str, tuple[str, str]] = {
    "Got unexpected extra argument ({args})": (
        "Uventet ekstra argument ({args})", "Uventede ekstra argumenter ({args})"),
    "Did you mean {possibility}?": (
        "Mente du {possibility}?", "(Mente du en af: {possibilities}?)"),
    "Option {name!r} requires an argument.": (
        "Tilvalget {name!r} kræver en værdi.", "Tilvalget {name!r} kræver {nargs} værdier."),
    "{value!r} is not {choice}.": ("{value!r} er ikke {choice}.",
                                   "{value!r} er ikke en af {choices}."),
    "{value!r} does not match the format {format}.": (
        "{value!r} passer ikke til formatet {format}.",
        "{value!r} passer ikke til formaterne {formats}."),
    "Takes {nargs} values but 1 was given.": (
        "Kræver {nargs} værdier, men fik 1.", "Kræver {nargs} værdier, men fik {len}."),
}


def _gettext(message: str) -> str:
    return DANISH.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    pair = DANISH_PLURAL.get(singular)
    if pair is None:
        return singular if n == 1 else plural
    return pair[0] if n == 1 else pair[1]


def install() -> None:
    """Make click speak Danish (idempotent)."""
    for module in (click.core, click.decorators, click.exceptions, click.formatting,
                   click.parser, click.termui, click.types):
        if hasattr(module, "_"):
            module._ = _gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]
