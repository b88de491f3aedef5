"""Line numbers in front of every line: a journal printout, an OCR'd page, a pasted export.

    0001  Stamoplysninger
    0002  Navn: …
       14 | Han bor alene …
    [15]  …

Such a number is no part of the text: a heading, a ``Nøgle: værdi`` field or a sentence
behind it reads as it would without it. A number counts as a line number only on
document-wide evidence: the lines that open with one count up by one from line to line
(a count that starts again at 1 or 0 on a new page included) and they are most of the
document's lines. A single line that opens with a number ("2026 blev han …", "3 børn") or a
numbered list is left alone.

:func:`line_number_widths` says how many characters open each line as its number;
:func:`without_line_numbers` cuts them off (for reading the layout) and
:func:`blank_line_numbers` reads them as blanks, one for one, so offsets stay.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# a line number and what parts it from the text: blanks, a bar (also a box-drawing one), a
# colon with a blank after it, or the line's end ("0012" on a line of its own). Not a full
# stop or a bracket after the number ("1." and "2)" open the items of a numbered list), not
# a colon without a blank ("12:30" is a time).
_LINE_NUMBER = re.compile(
    r"[ \t]*(?:(?P<a>\d{1,6})|\[(?P<b>\d{1,6})\])"
    r"(?:[ \t]*[|│┃¦][ \t]?|:(?:[ \t]+|$)|[ \t]+|$)")

# how many lines must count up, and which share of the lines with text they must be
MIN_NUMBERED = 5
MIN_SHARE = 0.8


def line_number_widths(lines: Sequence[str]) -> list[int]:
    """Per line, the length of its line number with what parts it from the text (0 when
    the line has none, or when the document carries no line numbers)."""
    found = [(i, int(m.group("a") or m.group("b")), m.end())
             for i, m in ((i, _LINE_NUMBER.match(line)) for i, line in enumerate(lines))
             if m is not None]
    widths = [0] * len(lines)
    counted = 0
    for k, (i, number, end) in enumerate(found):
        # one more than the number before it, one less than the number after it, or a
        # count that starts (again) on a new page
        if number in (0, 1) or (k > 0 and found[k - 1][1] + 1 == number) or (
                k + 1 < len(found) and found[k + 1][1] == number + 1):
            widths[i] = end
            counted += 1
    with_text = sum(1 for line in lines if line.strip())
    if counted < MIN_NUMBERED or counted < MIN_SHARE * with_text:
        return [0] * len(lines)
    return widths


def without_line_numbers(lines: Sequence[str]) -> list[str]:
    """``lines`` with their line numbers cut off (unchanged when they carry none)."""
    widths = line_number_widths(lines)
    if not any(widths):
        return list(lines)
    return [line[w:] for line, w in zip(lines, widths, strict=True)]


def blank_line_numbers(lines: Sequence[str]) -> list[str]:
    """``lines`` with their line numbers read as blanks (same length, same offsets)."""
    widths = line_number_widths(lines)
    if not any(widths):
        return list(lines)
    return [" " * w + line[w:] for line, w in zip(lines, widths, strict=True)]
