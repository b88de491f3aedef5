"""JSON from outside (log lines, review requests) parsed within bounds.

``json.loads`` recurses once per nesting level, so ``[[[[…]]]]`` a hundred thousand deep is a
``RecursionError`` (an internal error) rather than a bad input; digits beyond Python's
limit are a ``ValueError``. :func:`loads_bounded` checks the nesting first (linear, without
recursion) and turns every way a text can fail into :class:`BadJSON`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from gldocs.errors import BadJSON
from gldocs.limits import current

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def nesting(text: str) -> int:
    """The deepest nesting of arrays and objects in ``text`` (strings skipped)."""
    depth = deepest = 0
    for m in _BRACKET.finditer(_STRING.sub('""', text)):
        if m.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def loads_bounded(text: str | bytes, max_depth: int | None = None) -> Any:
    """``json.loads`` that raises only :class:`BadJSON` (deep nesting, huge numbers, bad
    bytes, bad syntax) and never recurses past ``max_depth`` (default: the limit)."""
    limit = max_depth if max_depth is not None else current().json_depth
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        if nesting(text) > limit:
            raise BadJSON(f"nested deeper than {limit}")
        data = json.loads(text)
        if "\\u" in text:  # a lone surrogate ("\\ud800") is no text: it cannot be printed,
            json.dumps(data, ensure_ascii=False).encode("utf-8")  # logged or sent back
        return data
    except BadJSON:
        raise
    except (ValueError, RecursionError, OverflowError, TypeError) as exc:  # Unicode too
        raise BadJSON(str(exc)[:200]) from exc
