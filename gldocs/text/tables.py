"""Tables in plain lines: which lines are the rows of a table, and which cells they hold.

Three layouts are read, each line by line (offsets in the line are kept, so a finding in a
cell lands in the cell and the table's bars and tabs stay where they are):

- a pipe table, as Markdown and most exports write it, with or without the outer bars, with
  or without a rule under the header, alignment colons in the rule, or drawn as a grid::

      | Felt | Oplysning |          Navn | Relation | Tlf.      +------+----------+
      |:-----|----------:|          ---- | -------- | ----      | Navn | Relation |
      | Navn: | Ib Ravn  |          Ib   | Bror     | 40 50 …   +======+==========+

- columns parted by tabs (a table copied out of Word or a spreadsheet);
- columns aligned with runs of two or more spaces (a table printed as plain text), where
  every row's cells start where the first row's columns start.

A lone line is a table row only when nothing else can be meant: a pipe row with both outer
bars. Otherwise a table has at least two rows (or a row and a rule). A blank line ends a
table. The row directly above a table's first rule is its header; a table of three or more
columns without a rule has its first row as header when that row reads like one (short
cells, no digits, no ``@``).

:func:`table_rows` gives each line its :class:`TableRow` (None outside tables);
:func:`field_line` reads a two-cell row as the ``Nøgle: værdi`` line it stands for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

RowKind = Literal["header", "rule", "data"]

# the bars a pipe table is drawn with (ASCII, box drawing, broken bar)
_BARS = "|│┃¦"
_BAR = re.compile(f"[{_BARS}]")
# a rule cell: dashes or equals signs, an alignment colon at either end
_RULE_CELL = re.compile(r"^[ \t]*:?[-=─━]{1,}:?[ \t]*$")
# a grid table's border line ("+------+-----+", "|------+-----|", "├─────┼─────┤"): lines
# and joints only, at least one joint
_JOINTS = "+┼├┤┬┴┌┐└┘╞╡╪╋┣┫"
_GRID_RULE = re.compile(
    rf"^(?=[^{_JOINTS}{_BARS}]*[{_JOINTS}{_BARS}])(?=(?:.*[-=─━═]){{3}})"
    rf"[ \t]*[-=:─━═{_JOINTS}{_BARS} \t]+$")
# two or more spaces (or a tab among spaces) part two aligned columns
_GAP = re.compile(r"[ \t]*\t[ \t]*|  +")
_TAB_GAP = re.compile(r"[ \t]*\t[ \t]*")
# a sentence's end inside a cell ("Han kom. Hun gik"): running text, not an aligned column
_SENTENCE_END = re.compile(r"[.!?][ \t]+\S")
# what a table's first line holds: a bar, a tab, a grid's joint or line, or a gap of two
# spaces between two words
_MAYBE_ROW = re.compile(rf"[{_BARS}\t{_JOINTS}─━═]|\S  +\S")
# the same test in two steps (what :func:`_maybe_row` asks): a character class the regex
# engine scans for quickly, then the gap only in a line holding two spaces
_ROW_CHARACTER = re.compile(rf"[{_BARS}\t{_JOINTS}─━═]")
_WORD_GAP = re.compile(r"\S  +\S")
# how long an aligned column's cell may be (longer: running text with double spaces)
MAX_ALIGNED_CELL = 60
# a header cell: a few words, no digits, no e-mail
_HEADER_CELL = re.compile(r"^[^\d@]{1,40}$")


@dataclass(frozen=True)
class Cell:
    """One cell's text (stripped) and its span in the line."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TableRow:
    """A line of a table: which table of the document (numbered from 0), what the line is
    (a header, a rule or a data row) and its cells (none for a rule)."""

    table: int
    kind: RowKind
    cells: tuple[Cell, ...]
    columns: int = 0  # the most cells a row of the table has


def _cells_between(line: str, cuts: Sequence[tuple[int, int]]) -> list[Cell]:
    """The cells of ``line`` between its separators ``cuts`` (spans), stripped; empty
    cells included (the caller drops outer ones)."""
    out: list[Cell] = []
    pos = 0
    for a, b in [*cuts, (len(line), len(line))]:
        seg = line[pos:a]
        lead = len(seg) - len(seg.lstrip())
        text = seg.strip()
        out.append(Cell(pos + lead, pos + lead + len(text), text))
        pos = b
    return out


def _pipe_cells(line: str) -> tuple[list[Cell], bool, bool] | None:
    """A pipe row's cells and whether it has an outer bar at its start and at its end;
    None when the line holds no bar."""
    cuts = [(m.start(), m.end()) for m in _BAR.finditer(line)]
    if not cuts:
        return None
    cells = _cells_between(line, cuts)
    lead = not cells[0].text
    trail = not cells[-1].text
    if lead:
        cells = cells[1:]
    if trail and cells:
        cells = cells[:-1]
    return cells, lead, trail


def _is_rule(line: str) -> bool:
    """A rule under a header or a grid table's border."""
    if _GRID_RULE.match(line):
        return True
    parsed = _pipe_cells(line)
    if parsed is None:
        return False
    cells = parsed[0]
    return bool(cells) and all(_RULE_CELL.match(c.text or "") for c in cells) and any(
        c.text for c in cells)


def _split_cells(line: str, gap: re.Pattern[str]) -> list[Cell]:
    """The cells of a line parted by ``gap`` (its leading indentation no cell)."""
    body_start = len(line) - len(line.lstrip())
    cuts = [(m.start(), m.end()) for m in gap.finditer(line, body_start)
            if m.end() < len(line.rstrip())]
    return [c for c in _cells_between(line, [(body_start, body_start), *cuts])[1:]
            if c.text]


def _headerish(cells: Sequence[Cell]) -> bool:
    return all(_HEADER_CELL.match(c.text) and len(c.text.split()) <= 4 for c in cells)


def _maybe_row(line: str) -> bool:
    """Whether ``line`` may open a table: ``_MAYBE_ROW.search(line)``, answered faster (an
    alternation is tried at every position; a gap needs two spaces in a row)."""
    return _ROW_CHARACTER.search(line) is not None or (
        "  " in line and _WORD_GAP.search(line) is not None)


def table_rows(lines: Sequence[str]) -> list[TableRow | None]:
    """Per line, the table row it is (None for a line outside every table)."""
    out: list[TableRow | None] = [None] * len(lines)
    table = 0
    i = 0
    while i < len(lines):
        if not _maybe_row(lines[i]):
            i += 1  # (most lines: no bar, tab, joint or gap; the quick way past them)
            continue
        found = (_pipe_table(lines, i, table) or _gap_table(lines, i, table, _TAB_GAP)
                 or _gap_table(lines, i, table, _GAP, aligned=True))
        if found is None:
            i += 1
            continue
        rows, end = found
        columns = max(len(r.cells) for r in rows)
        for k, row in enumerate(rows):
            out[i + k] = replace(row, columns=columns)
        table += 1
        i = end
    return out


def _pipe_table(lines: Sequence[str], i: int, table: int
                ) -> tuple[list[TableRow], int] | None:
    """The pipe table that starts at line ``i``: its rows and the line after it."""
    parsed: list[tuple[list[Cell], bool, bool] | None] = []
    j = i
    while j < len(lines) and lines[j].strip():
        if _is_rule(lines[j]):
            parsed.append(None)
        else:
            cells = _pipe_cells(lines[j])
            if cells is None or len(cells[0]) < 2:
                break
            parsed.append(cells)
        j += 1
    data = [p for p in parsed if p is not None]
    if not data:
        return None
    rules = len(parsed) - len(data)
    single = len(data) == 1 and data[0][1] and data[0][2]  # "| Navn: | Ib Ravn |"
    if not (rules or len(data) >= 2 or single):
        return None
    rows: list[TableRow] = []
    header_done = False
    for k, p in enumerate(parsed):
        if p is None:
            rows.append(TableRow(table, "rule", ()))
            continue
        # the row right above the table's first rule (before any other data row)
        kind: RowKind = "data"
        if not header_done and k + 1 < len(parsed) and parsed[k + 1] is None:
            kind = "header"
        header_done = True
        rows.append(TableRow(table, kind, tuple(p[0])))
    # a table of three or more columns without a rule: a header-like first row
    if not rules and len(data) >= 2 and len(data[0][0]) >= 3 and _headerish(data[0][0]):
        rows[0] = TableRow(table, "header", rows[0].cells)
    return rows, j


def _gap_table(lines: Sequence[str], i: int, table: int, gap: re.Pattern[str],
               aligned: bool = False) -> tuple[list[TableRow], int] | None:
    """The table of columns parted by ``gap`` that starts at line ``i`` (at least two
    rows of two or more cells; ``aligned``: every cell starts where a column of the first
    row starts, and no cell is running text)."""
    rows: list[list[Cell]] = []
    columns: set[int] = set()
    j = i
    while j < len(lines) and lines[j].strip():
        if _BAR.search(lines[j]):
            break
        cells = _split_cells(lines[j], gap)
        if len(cells) < 2:
            break
        if aligned:
            if any(len(c.text) > MAX_ALIGNED_CELL or _SENTENCE_END.search(c.text)
                   for c in cells):
                break
            starts = {c.start for c in cells}
            if rows and not starts <= columns:
                break
            if not rows:
                columns = starts
        rows.append(cells)
        j += 1
    if len(rows) < 2:
        return None
    out = [TableRow(table, "data", tuple(c)) for c in rows]
    if len(rows[0]) >= 3 and _headerish(rows[0]):
        out[0] = TableRow(table, "header", out[0].cells)
    return out, j


def field_line(row: TableRow | None) -> str | None:
    """A data row of a two-column table as the ``Nøgle: værdi`` line it stands for ("| Navn | Ib
    Ravn |" -> "Navn: Ib Ravn"; a key's own colon is kept); None for any other row."""
    if row is None or row.kind != "data" or len(row.cells) != 2 or row.columns != 2:
        return None
    key, value = row.cells[0].text, row.cells[1].text
    if not key:
        return None
    return f"{key} {value}".rstrip() if key.endswith(":") else f"{key}: {value}".rstrip()


__all__ = ["Cell", "TableRow", "field_line", "table_rows"]


def header_keys(text: str) -> set[str]:
    """The forms of a header cell compared with a reader's column words: the whole cell, without
    a remark in brackets, and its first word ("Relation til klienten", "Rolle/relation",
    "Tlf.nr. (privat)", "Navn (kaldenavn)"), lower case, a final full stop left out."""
    whole = re.sub(r"\s+", " ", text.lower().strip(" :*_"))
    bare = re.sub(r"\s*\([^()]*\)", "", whole).strip(" :.")
    first = re.split(r"[\s/,]+", bare, maxsplit=1)[0] if bare else ""
    return {k for w in (whole, bare, first) for k in (w, w.rstrip(".")) if k}
