"""How a redacted copy names its recipient: header line, title metadata and file name.

A redacted copy must never pass for the original: every page says for whom it was
redacted and on which grounds ("Redigeret til Aarhus Kommune efter rhl. §§ 9-10 ·
6. december 2026"), its title metadata says the same, and its file name carries the
recipient (``handleplan_HP-2026-0142_v2_til-kommunen.pdf``). The recipient comes from the
policy (``recipient``) and, for the kommune policy, from the case's handlekommune.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from gldocs.dates import format_dato

LEGAL_BASIS = "rhl. §§ 9-10"


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
