"""Reading a YAML file a person wrote, with a Danish error naming the file and the line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (linje {mark.line + 1})" if mark is not None else ""
        raise error(f"{label} {path} er ikke gyldig YAML{where}.") from exc


def read_yaml_nodes(path: Path, label: str, error: type[InputError] = InputError
                    ) -> tuple[yaml.Node | None, Any]:
    """Like :func:`read_yaml`, and the document's node tree too (for :func:`line_of`)."""
    data = read_yaml(path, label, error)
    text = Path(path).read_text(encoding="utf-8")
    return yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), data


def line_of(root: yaml.Node | None, loc: Sequence[int | str]) -> int | None:
    """1-based line of the YAML node at ``loc``; for a missing field, its parent's line."""
    node = root
    line: int | None = None
    for step in loc:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if str(key.value) == str(step):
                    node, line = value, key.start_mark.line + 1
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if not 0 <= step < len(node.value):
                return line
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def format_loc(loc: Sequence[int | str]) -> str:
    """``("categories", "helbred", "lexicons", 0)`` -> ``categories.helbred.lexicons[0]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(roden)"


_PYDANTIC_DA = {
    "extra_forbidden": "ukendt nøgle (ikke tilladt i formatet)",
    "missing": "påkrævet nøgle mangler",
    "literal_error": "ugyldig værdi",
    "string_type": "skal være tekst",
    "string_too_short": "må ikke være tom",
    "list_type": "skal være en liste",
    "dict_type": "skal være en tabel (nøgle: værdi)",
    "model_type": "skal være en tabel (nøgle: værdi)",
    "model_attributes_type": "skal være en tabel (nøgle: værdi)",
    "float_parsing": "skal være et tal",
    "greater_than_equal": "er for lille",
    "less_than_equal": "er for stor",
    "bool_parsing": "skal være true eller false",
    "int_parsing": "skal være et heltal",
    "string_pattern_mismatch": "har ikke den rigtige form",
}


def danish_error(err: Mapping[str, Any]) -> str:
    """One pydantic validation error in Danish."""
    kind = err.get("type", "")
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"ugyldig værdi {err.get('input')!r} (tilladt: {expected})"
    if kind == "value_error":
        return str(err.get("ctx", {}).get("error", err.get("msg", "")))
    return _PYDANTIC_DA.get(kind, str(err.get("msg", "ugyldig værdi")))


def validation_lines(errors: Sequence[Mapping[str, Any]], root: yaml.Node | None
                     ) -> list[str]:
    """``  - linje 12, nøgle 'a.b[0]': <Danish>`` for each pydantic error, by line."""
    out = []
    for err in errors:
        loc = tuple(err["loc"])
        line = line_of(root, loc)
        where = f"linje {line}, " if line else ""
        out.append((line or 0, f"  - {where}nøgle '{format_loc(loc)}': {danish_error(err)}"))
    return [text for _, text in sorted(out, key=lambda x: x[0])]
