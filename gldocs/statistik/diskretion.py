"""``--offentlig``: suppress every count under 5 and what would reveal it.

Counts from 1 to 4 are suppressed (primary). A count of 0 is shown: it describes no one.
Every additive relation the output contains ("these cells add up to that total": the
parts of a distribution, a measure and its complement, the subgroups of a split and the
quarters of a period) is then checked: where exactly one member of a relation is
suppressed it could be computed from the others, so the smallest non-zero other member is
suppressed as well (secondary suppression), repeated until nothing changes. Shares
(percentages) are suppressed with their count or their denominator.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

GRAENSE = 5

Key = TypeVar("Key", bound=Hashable)
Relation = tuple[Sequence[Key], Key]  # (parts, total): sum(parts) == total


def undertryk(values: Mapping[Key, int], relations: Sequence[Relation[Key]]) -> set[Key]:
    """The keys to suppress."""
    hidden = {k for k, v in values.items() if 0 < v < GRAENSE}
    changed = True
    while changed:
        changed = False
        for parts, total in relations:
            members = [*parts, total]
            if sum(m in hidden for m in members) != 1:
                continue
            candidates = [m for m in parts if m not in hidden and values.get(m, 0) > 0]
            if not candidates:
                candidates = [total] if total not in hidden and values.get(total, 0) else []
            if candidates:
                hidden.add(min(candidates, key=lambda m: values.get(m, 0)))
                changed = True
    return hidden
