"""Item numbers in front of fields: a plan written with legal-style numbered points.

    1. Stamoplysninger
    1.1 Navn: …
    1.2 CPR-nr.: …
    4.2.1 Behov: …

Such a number is no part of the field: ``1.2 CPR-nr.:`` is the ``CPR-nr.:`` field, and the
reader and the redactor must see the key behind the number (a client whose ``Navn:`` is
numbered is still found, and his own numbered ``Telefon:`` is still his).

A number counts as an item number only on evidence in the document: it is dotted or closed
("1.2", "3.", "2)"), it opens a field line (``Nøgle: værdi``) and the document also opens a
line with its parent (``1.`` or ``1`` for ``1.2``), a sibling (``1.1`` or ``1.3``) or a
child (``1.2.1``). A time in front of a note ("14.30 Opkald: …") has no such neighbours and
is left alone, as is a bare number that opens running text ("2 børn bor hjemme: …").

:func:`item_number_widths` says how many characters open each line as its item number;
:func:`blank_item_numbers` reads them as blanks, one for one, so offsets stay.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# an outline number ("1", "1.", "1.2", "4.2.1.", "2)") and the blanks after it
_NUMBER = re.compile(r"[ \t]*(?P<n>\d{1,2}(?:\.\d{1,2}){0,3})(?P<end>\.|\))?[ \t]+")
# what follows the number on a field line: a key of words and a colon with a blank or the
# line's end after it ("CPR-nr.: …", "Adresse før indsættelse: …"), not a time ("12:30")
_FIELD_KEY = re.compile(r"[^\W\d_][^:\n]{0,59}:(?:[ \t]|$)")


def _outline(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def _neighbours(number: tuple[int, ...]) -> list[tuple[int, ...]]:
    """The numbers whose presence shows ``number`` to be one point of an outline."""
    *head, last = number
    out = [(*head, last - 1), (*head, last + 1), (*number, 1)]
    if head:
        out.append(tuple(head))
    return out


def item_number_widths(lines: Sequence[str]) -> list[int]:
    """Per line, the length of the item number (with the blanks after it) that opens a
    field line of an outline-numbered document; 0 for every other line."""
    opened: dict[int, tuple[tuple[int, ...], int, bool]] = {}
    for i, line in enumerate(lines):
        m = _NUMBER.match(line)
        if m is not None:
            # (a field's own number is dotted or closed: "1.2", "3.", "2)", not a bare "2"
            # that counts something: "2 børn bor hjemme: …")
            field = ("." in m.group("n") or m.group("end") is not None) and bool(
                _FIELD_KEY.match(line, m.end()))
            opened[i] = (_outline(m.group("n")), m.end(), field)
    numbers = {number for number, _, _ in opened.values()}
    widths = [0] * len(lines)
    for i, (number, end, field) in opened.items():
        if field and any(n in numbers for n in _neighbours(number)):
            widths[i] = end
    return widths


def blank_item_numbers(lines: Sequence[str]) -> list[str]:
    """``lines`` with their item numbers in front of fields read as blanks (same length)."""
    widths = item_number_widths(lines)
    if not any(widths):
        return list(lines)
    return [" " * w + line[w:] for line, w in zip(lines, widths, strict=True)]


__all__ = ["blank_item_numbers", "item_number_widths"]
