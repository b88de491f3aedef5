"""The starter's example texts (``gldocs init``): a case file still carrying them is not done.

The placeholders are read from ``starter.yaml`` itself, so the check follows the starter
when it changes. Only texts that cannot be a real case's data count: names, CPR number,
addresses, phone numbers, e-mail addresses and the descriptive prompts. Generic values a
real case may share with the starter (job titles, a sentence length, an offence, an
area, the kommune's entrance name, the asks per area) are left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

STARTER_FILE = Path(__file__).with_name("starter.yaml")

# Leaf keys whose starter value is a plausible real value, and top-level parts to skip.
_GENERIC_KEYS = frozenset({
    "reference", "klienttype", "titel", "straflaengde", "kriminalitetens_art", "afdeling",
    "omraade", "hvornaar", "hvordan", "rolle", "hjemmel", "niveau", "type",
    "alene_eller_gruppe", "koordineringsomraade", "kilder",
})
_GENERIC_PARTS = frozenset({"koordineringsomraader"})

Loc = tuple[str | int, ...]


def _leaves(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*loc, str(key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _leaves(item, (*loc, i))
    else:
        yield loc, value


def _last_key(loc: Loc) -> str:
    return next((str(step) for step in reversed(loc) if isinstance(step, str)), "")


@lru_cache(maxsize=1)
def starter_placeholders() -> frozenset[str]:
    """The starter's example texts that must not survive into a real case file."""
    data = yaml.safe_load(STARTER_FILE.read_text(encoding="utf-8"))
    out = set()
    for loc, value in _leaves(data):
        if not isinstance(value, str) or "__" in value:
            continue
        if _last_key(loc) in _GENERIC_KEYS or (loc and loc[0] in _GENERIC_PARTS):
            continue
        text = " ".join(value.split())
        if len(text) >= 8:
            out.add(text)
    return frozenset(out)


def placeholder_problems(data: Any) -> list[tuple[Loc, str]]:
    """(field location, Danish message) for every starter example text left in ``data``
    (the parsed YAML of a case file)."""
    placeholders = starter_placeholders()
    problems = []
    for loc, value in _leaves(data):
        if not isinstance(value, str) or (loc and loc[0] in _GENERIC_PARTS):
            continue
        if _last_key(loc) in _GENERIC_KEYS:
            continue
        text = " ".join(value.split())
        if text in placeholders:
            problems.append((loc, f"'{_short(text)}' er skabelonens eksempeltekst fra "
                                  "'gldocs init'; udfyld feltet med sagens egne oplysninger"))
    return problems


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
