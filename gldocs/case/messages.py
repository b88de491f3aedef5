"""Danish messages for pydantic validation errors in a case file."""

from __future__ import annotations

import difflib
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from gldocs.case.model import Case
from gldocs.errors import Inconsistency

Loc = tuple[str | int, ...]


def problems_from_error(err: ErrorDetails) -> list[tuple[Loc, str]]:
    """One pydantic error -> [(full location, Danish message)] (several for cross-field)."""
    loc: Loc = tuple(err["loc"])
    ctx = err.get("ctx") or {}
    cause = ctx.get("error")
    if isinstance(cause, Inconsistency):
        return [((*loc, *rel), msg) for rel, msg in cause.problems]
    return [(loc, translate(err))]


def translate(err: ErrorDetails) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    loc: Loc = tuple(err["loc"])
    if kind.startswith("gldocs_"):
        return err["msg"]
    if kind == "missing":
        return "mangler; feltet skal udfyldes"
    if kind == "extra_forbidden":
        return _unknown_field(loc)
    if value is None and kind.endswith("_type"):
        return "er tom; feltet skal udfyldes"
    if kind in ("enum", "literal_error"):
        allowed = _allowed_values(ctx)
        hint = _suggest(str(value), allowed)
        listed = ", ".join(allowed)
        return f"'{value}' er ikke en gyldig værdi{hint}; tilladte værdier: {listed}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"'{value}' skal være et helt tal"
    if kind == "greater_than_equal":
        return f"skal være mindst {ctx.get('ge')}"
    if kind in ("string_too_short",):
        return "må ikke være tom"
    if kind == "string_type":
        return "skal være tekst (sæt anførselstegn om værdien, hvis den ligner et tal)"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "skal være en gruppe af felter (indrykkede linjer med 'felt: værdi')"
    if kind == "list_type":
        return "skal være en liste (linjer, der begynder med '- ')"
    if kind == "too_short":
        n = ctx.get("min_length", 1)
        return "listen må ikke være tom" if n == 1 else f"listen skal have mindst {n} elementer"
    if kind in ("bool_type", "bool_parsing"):
        return f"'{value}' skal være ja eller nej"
    if kind == "value_error" and ctx.get("error") is not None:
        return str(ctx["error"])
    return f"ugyldig værdi '{value}'"


def _allowed_values(ctx: dict[str, Any]) -> list[str]:
    expected = str(ctx.get("expected", ""))
    parts = expected.replace(" or ", ", ").split(", ")
    return [p.strip().strip("'") for p in parts if p.strip()]


def _suggest(word: str, options: list[str]) -> str:
    match = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" (mente du '{match[0]}'?)" if match else ""


def _unknown_field(loc: Loc) -> str:
    name = str(loc[-1]) if loc else ""
    model = _model_at(loc[:-1])
    allowed = list(model.model_fields) if model else []
    return f"ukendt felt '{name}'{_suggest(name, allowed)}"


def unwrap(tp: Any) -> Any:
    """Strip Annotated and Optional from a type."""
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(tp) if a is not type(None)]
            tp = args[0]
        else:
            return tp


def _model_at(loc: Loc) -> type[BaseModel] | None:
    """The model class found at ``loc`` inside a :class:`Case`, if any."""
    current: Any = Case
    for step in loc:
        current = unwrap(current)
        if isinstance(step, int):
            if get_origin(current) is not list:
                return None
            current = get_args(current)[0]
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(step)
            if field is None:
                return None
            current = field.annotation
        else:
            return None
    current = unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None
