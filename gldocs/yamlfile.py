"""Reading a YAML file a person wrote, with a Danish error naming the file and the line.

Every YAML file gldocs reads (case, policy, decisions, lexicons) goes through
:class:`NoAliasLoader`: anchors and aliases are refused, because a few hundred bytes of
nested aliases expand to gigabytes ("billion laughs"), and no file of ours needs them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from gldocs.errors import InputError
from gldocs.limits import MB, current, refuse

ALIAS_PROBLEM = "aliases are not allowed"


class NoAliasLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that refuses aliases (``*navn``) and anchors (``&navn``)."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, ALIAS_PROBLEM, event.start_mark)
        return super().compose_node(parent, index)  # type: ignore[no-any-return]


def load_yaml(text: str) -> Any:
    """``yaml.safe_load`` without aliases (raises ``yaml.YAMLError``)."""
    return yaml.load(text, Loader=NoAliasLoader)


def read_yaml(path: Path, label: str, error: type[InputError] = InputError) -> Any:
    """Parse ``path`` with ``yaml.safe_load``.

    ``label`` names the kind of file in messages, e.g. "Politikfilen" or "Afgørelsesfilen".
    A missing or unreadable file and a syntax error raise ``error`` with the file and line.
    """
    path = Path(path)
    lim = current()
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size > lim.yaml_mb * MB:
        raise refuse(f"{label} {path}", "yaml_mb", f"{size // MB} MB", f"{lim.yaml_mb} MB")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise error(f"{label} {path} findes ikke.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "filen er ikke UTF-8-tekst"
        raise error(f"{label} {path} kan ikke læses: {reason}.") from exc
    try:
        return load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (linje {mark.line + 1})" if mark is not None else ""
        if ALIAS_PROBLEM in str(getattr(exc, "problem", "")):
            raise error(f"{label} {path} bruger YAML-aliaser (*navn){where}, som ikke er "
                        "tilladt; skriv teksten ud.") from exc
        raise error(f"{label} {path} er ikke gyldig YAML{where}.") from exc
