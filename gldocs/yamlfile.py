"""Reading a YAML file a person wrote, with a Danish error naming the file and the line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from gldocs.errors import InputError
from gldocs.sprog import os_fejl


def read_yaml(path: Path, label: str, error: type[InputError] = InputError) -> Any:
    """Parse ``path`` with ``yaml.safe_load``.

    ``label`` names the kind of file in messages, e.g. "Politikfilen" or "Afgørelsesfilen".
    A missing or unreadable file and a syntax error raise ``error`` with the file and line.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise error(f"{label} {path} findes ikke.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        reason = os_fejl(exc) if isinstance(exc, OSError) else "filen er ikke UTF-8-tekst"
        raise error(f"{label} {path} kan ikke læses: {reason}.") from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (linje {mark.line + 1})" if mark is not None else ""
        raise error(f"{label} {path} er ikke gyldig YAML{where}.") from exc
