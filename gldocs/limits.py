"""Every resource limit gldocs enforces, in one place.

Hostile or simply huge inputs must never hang or eat the machine: each limit is checked
before the work it bounds (a zip bomb is refused from its directory, before anything is
inflated) and a breach is a Danish :class:`~gldocs.errors.InputError` (exit 2) that names the
file, the limit and how to raise it.

Override for one run with the global option, which also reaches worker processes::

    gldocs --graense afsnit=2000000 --graense udpakket-mb=2000 redact …

or with the environment variable ``GLDOCS_GRAENSER="afsnit=2000000,udpakket-mb=2000"``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

from gldocs.errors import DocumentError, InputError

ENV = "GLDOCS_GRAENSER"
MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The limits and their defaults (Danish option names in ``metadata``)."""

    file_mb: int = 200  # an input file on disk (compressed size of a package)
    unpacked_mb: int = 1000  # a package's parts, inflated, together
    part_mb: int = 400  # one part, inflated
    ratio: int = 500  # inflated per compressed byte, per part and in total (deflate: ~1030)
    parts: int = 5000  # parts in a package
    paragraphs: int = 2_000_000  # text units (paragraphs, lines) in one document
    line_chars: int = 200_000  # characters in one paragraph or line
    pages: int = 5000  # pages in a PDF
    json_depth: int = 20  # nesting of JSON in the log and in review requests
    request_kb: int = 4096  # a review request body
    yaml_mb: int = 20  # a YAML file (policy, lexicon, decisions, settings)
    case_kb: int = 2000  # a case file (a few pages of text)


# Danish option name -> field name
NAMES: dict[str, str] = {
    "fil-mb": "file_mb",
    "udpakket-mb": "unpacked_mb",
    "del-mb": "part_mb",
    "forhold": "ratio",
    "dele": "parts",
    "afsnit": "paragraphs",
    "tegn-pr-linje": "line_chars",
    "sider": "pages",
    "json-dybde": "json_depth",
    "forespoergsel-kb": "request_kb",
    "yaml-mb": "yaml_mb",
    "sag-kb": "case_kb",
}
OPTION_OF = {v: k for k, v in NAMES.items()}


def parse_overrides(text: str, base: Limits | None = None) -> Limits:
    """``"afsnit=2000000,udpakket-mb=2000"`` applied to ``base`` (the defaults)."""
    changes: dict[str, int] = {}
    for item in (x.strip() for x in text.replace(";", ",").split(",")):
        if not item:
            continue
        name, sep, value = item.partition("=")
        field = NAMES.get(name.strip().lower())
        if not sep or field is None:
            known = ", ".join(NAMES)
            raise InputError(f"Ukendt grænse '{item}'. Brug NAVN=TAL med et af navnene: {known}.")
        try:
            number = int(value.strip().replace("_", ""))
        except ValueError:
            number = 0
        if number <= 0:
            raise InputError(f"Grænsen '{name.strip()}' skal være et positivt heltal, ikke "
                             f"'{value.strip()}'.")
        changes[field] = number
    return replace(base or Limits(), **changes)


def current() -> Limits:
    """The limits in force: the defaults with the overrides from ``GLDOCS_GRAENSER``."""
    text = os.environ.get(ENV, "")
    return parse_overrides(text) if text else Limits()


def set_overrides(items: tuple[str, ...] | list[str]) -> None:
    """Apply ``--graense`` options for this process and its workers (validated first)."""
    if not items:
        return
    merged = ",".join([os.environ.get(ENV, ""), *items]).strip(",")
    parse_overrides(merged)
    os.environ[ENV] = merged


def refuse(what: str, limit: str, value: int | str, allowed: int | str) -> DocumentError:
    """The Danish refusal for a breached limit (``limit`` is the field name); exit 2."""
    option = OPTION_OF.get(limit, limit)
    return DocumentError(
        f"{what} er for stor til at blive behandlet sikkert: {value} (grænsen er {allowed}). "
        f"Er filen ægte og nødvendig, kan grænsen hæves med "
        f"'gldocs --graense {option}=TAL …'."
    )


def describe() -> list[tuple[str, int]]:
    """(option name, value in force) of every limit, for help texts and the docs."""
    lim = current()
    return [(OPTION_OF[f.name], getattr(lim, f.name)) for f in fields(lim)]
