"""Field-level access to the text of a case, for the redactor.

Paths look like ``beskrivelse.bolig`` or ``vurdering.behov[0].indsatser[1].hvordan``.
:func:`iter_text_fields` lists every text value with its path and handleplan section;
:func:`with_text_fields` returns a copy of the case with some of them replaced.

The replacement copy is *not* validated again: a redaction marker such as ``[pårørende]``
in a CPR or phone field is exactly what the redactor wants to put there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from enum import Enum
from typing import Any

from pydantic import BaseModel

from gldocs.case.model import Case
from gldocs.document.units import CASE_SECTIONS, SECTIONS

# Top-level keys that are not one of the five parts nor a case-only part (CASE_SECTIONS),
# and the part they are printed in.
_SECTION_OF_KEY: dict[str, str] = {
    "klient_deltaget_bemaerkning": "samarbejdspartnere",
    "klient_informeret_bemaerkning": "samarbejdspartnere",
}
# Identifiers, not text: never offered for redaction. The done entries (``udfoert``) are
# the caseworker's own bookkeeping and appear in no document that leaves the unit.
_SKIPPED_KEYS = frozenset({"reference", "udfoert"})

_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def section_of(path: str) -> str:
    """The section label a case field path belongs to: a handleplan part
    (:data:`SECTIONS`) or a case-only part (:data:`CASE_SECTIONS`)."""
    top = path.split(".", 1)[0].split("[", 1)[0]
    if top in SECTIONS or top in CASE_SECTIONS:
        return top
    if top in _SECTION_OF_KEY:
        return _SECTION_OF_KEY[top]
    raise KeyError(path)


def format_path(loc: tuple[str | int, ...]) -> str:
    """('vurdering', 'behov', 0, 'hvordan') -> 'vurdering.behov[0].hvordan'."""
    out = ""
    for step in loc:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else step
    return out


def parse_path(path: str) -> tuple[str | int, ...]:
    """'vurdering.behov[0].hvordan' -> ('vurdering', 'behov', 0, 'hvordan')."""
    steps: list[str | int] = []
    pos = 0
    while pos < len(path):
        if path[pos] == "." and steps:
            pos += 1
        m = _STEP.match(path, pos)
        if not m:
            raise KeyError(path)
        steps.append(m[1] if m[1] is not None else int(m[2]))
        pos = m.end()
    if not steps:
        raise KeyError(path)
    return tuple(steps)


def _walk(value: Any, loc: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, (*loc, i))
    elif isinstance(value, str) and not isinstance(value, Enum):
        yield loc, value


def iter_text_fields(case: Case) -> Iterator[tuple[str, str, str]]:
    """Every text value of the case as (path, section, text), in file order.

    Includes names, phones, addresses and CPR numbers (the redactor decides what stays);
    skips dates, numbers, yes/no, enum values and the case reference.
    """
    for name in type(case).model_fields:
        if name in _SKIPPED_KEYS:
            continue
        for loc, text in _walk(getattr(case, name), (name,)):
            path = format_path(loc)
            yield path, section_of(path), text


def get_text_field(case: Case, path: str) -> str:
    """The text at ``path`` (KeyError when there is no text field there)."""
    target: Any = case
    for step in parse_path(path):
        target = _step_into(target, step, path)
    if not isinstance(target, str) or isinstance(target, Enum):
        raise KeyError(path)
    return target


def _step_into(target: Any, step: str | int, path: str) -> Any:
    if isinstance(step, int):
        if not isinstance(target, list) or not 0 <= step < len(target):
            raise KeyError(path)
        return target[step]
    if not isinstance(target, BaseModel) or step not in type(target).model_fields:
        raise KeyError(path)
    return getattr(target, step)


def with_text_fields(case: Case, replacements: Mapping[str, str]) -> Case:
    """A deep copy of ``case`` with the text at each path replaced.

    Raises KeyError for a path that is not a text field of the case (the redactor must
    never believe it removed something it did not).
    """
    copy = case.model_copy(deep=True)
    for path, text in replacements.items():
        get_text_field(copy, path)  # must exist and be text now
        steps = parse_path(path)
        parent: Any = copy
        for step in steps[:-1]:
            parent = _step_into(parent, step, path)
        last = steps[-1]
        if isinstance(last, int):
            parent[last] = text
        else:
            # models do not validate on assignment: markers may replace CPR numbers
            setattr(parent, last, text)
    return copy
