"""How a redacted copy names its recipient: header line, title metadata and file name.

A redacted copy must never pass for the original: every page says for whom it was
redacted and on which grounds ("Redigeret til Aarhus Kommune efter rhl. §§ 9-10 ·
6. december 2026"), its title metadata says the same, and its file name carries the
recipient (``handleplan_HP-2026-0142_v2_til-kommunen.pdf``). The recipient comes from the
policy (``recipient``) and, for the kommune policy, from the case's handlekommune or, for
a DOCX, PDF or TXT input (no case), from ``--kommune``; without either the copy says
"kommunen" and the caseworker is told so (:func:`unnamed_note`).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from gldocs.dates import format_dato
from gldocs.errors import InputError

LEGAL_BASIS = "rhl. §§ 9-10"
KOMMUNE_MAX = 80  # characters in a municipality's name given with --kommune


def recipient_of(policy: Any, kommune: str | None = None) -> str:
    """Who the copy is for: the named municipality when the policy is for ``kommunen``."""
    recipient = (getattr(policy, "recipient", "") or getattr(policy, "name", "")).strip()
    if kommune and recipient.lower() in ("kommunen", "kommune"):
        return kommune.strip()
    return recipient or "modtageren"


def redacted_header(policy: Any, kommune: str | None = None, day: date | None = None) -> str:
    """The header line of every page of a redacted copy."""
    return (f"Redigeret til {recipient_of(policy, kommune)} efter {LEGAL_BASIS} · "
            f"{format_dato(day or date.today())}")


def recipient_slug(policy: Any) -> str:
    """``til-kommunen``: the recipient for a file name (ASCII, lower case, dashes)."""
    recipient = (getattr(policy, "recipient", "") or getattr(policy, "name", "")).strip()
    folded = recipient.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "modtager"
    return f"til-{slug}"


def redacted_name(name: str | Path, policy: Any, suffix: str | None = None) -> str:
    """``handleplan_HP-2026-0142_v2.pdf`` -> ``handleplan_HP-2026-0142_v2_til-kommunen.pdf``.

    A name that already carries the recipient is left as it is.
    """
    path = Path(name)
    slug = recipient_slug(policy)
    stem = path.stem.removesuffix(".redigeret")
    if stem.lower().endswith(slug):
        return f"{stem}{suffix or path.suffix}"
    return f"{stem}_{slug}{suffix or path.suffix}"


def case_kommune(doc: Any) -> str | None:
    """The handlekommune's name of a case document (None for other inputs)."""
    case = getattr(doc, "handle", None)
    st = getattr(case, "stamoplysninger", None)
    kommune = getattr(st, "handlekommune", None)
    return getattr(kommune, "navn", None) or None


def kommune_copy_header(case: Any) -> str:
    """The header line of a document made for the case's handlekommune (the handleplan's
    and the afgangsbedømmelse's kommune copies), from the ``kommune`` policy."""
    from gldocs.redact.policy import load_policy

    kommune = case.stamoplysninger.handlekommune
    return redacted_header(load_policy("kommune"), kommune.navn if kommune else None)


def kommune_copy_name(name: str) -> str:
    """``…_HP-2026-0142.pdf`` -> ``…_HP-2026-0142_til-kommunen.pdf`` (``kommune`` policy)."""
    from gldocs.redact.policy import load_policy

    return redacted_name(name, load_policy("kommune"))


def clean_kommune(value: str | None) -> str | None:
    """A ``--kommune`` value as it will be printed: spaces collapsed; ValueError (Danish)
    for an empty name, control or invisible characters, or an overlong name."""
    if value is None:
        return None
    if any(unicodedata.category(ch).startswith("C") for ch in value if ch not in " \t"):
        raise ValueError("navnet indeholder kontrol- eller usynlige tegn.")
    name = " ".join(value.split())
    if not name:
        raise ValueError("angiv kommunens navn, fx 'Aarhus Kommune'.")
    if len(name) > KOMMUNE_MAX:
        raise ValueError(f"navnet er for langt ({len(name)} tegn; højst {KOMMUNE_MAX}).")
    return name


def copy_kommune(doc: Any, given: str | None) -> str | None:
    """The municipality a copy is for: the case's handlekommune or ``--kommune``.

    A case that names another handlekommune than ``--kommune`` is refused (InputError):
    the header must never name a municipality the case does not.
    """
    from_case = case_kommune(doc)
    if from_case and given and from_case.casefold() != given.casefold():
        source = getattr(doc, "path", None) or "sagen"
        raise InputError(f"{Path(str(source)).name}: --kommune '{given}' passer ikke med "
                         f"sagens handlekommune '{from_case}'. Udelad --kommune, eller "
                         "ret handlekommunen i sagsfilen.")
    return from_case or given


def check_kommune_policy(policy: Any, kommune: str | None) -> None:
    """``--kommune`` names the recipient only of a copy for the municipality."""
    recipient = recipient_of(policy)
    if kommune and recipient.lower() not in ("kommunen", "kommune"):
        raise InputError(f"--kommune kan kun bruges, når modtageren er kommunen (politikken "
                         f"'{getattr(policy, 'name', '')}' har modtageren '{recipient}').")


def unnamed_note(policy: Any, kommune: str | None) -> str | None:
    """The note for a kommune copy that names no municipality (None when it names one)."""
    if kommune or recipient_of(policy).lower() not in ("kommunen", "kommune"):
        return None
    return ("Ingen kommune angivet: kopien er mærket 'Redigeret til kommunen'. Angiv "
            "--kommune NAVN (fx --kommune 'Aarhus Kommune') for at navngive modtageren.")
