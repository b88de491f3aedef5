"""Section labelling of plain lines: which handleplan part does each line belong to?

A handleplan export has five parts (handleplansvejledningen pkt. 23-28), each opened by a
heading such as ``1. Stamoplysninger`` or ``Årsager til kriminalitet:``. Everything we cannot
place with confidence is ``unknown`` and is analysed at the strictest settings (fail closed).

Rules:
- A heading is a short line that, after removing numbering (``2.``, ``2)``, ``Del 2:``,
  ``Afsnit 2 -``) and trailing punctuation, matches one of the known part titles.
- The Stamoplysninger part is a block of ``Nøgle: værdi`` lines (a remark in brackets on
  the field above included); it ends at the first blank line after its content or at the
  first line that is not of that shape. What follows is
  ``unknown`` until the next known heading (e-mails, journal notes and letters often carry
  only a Stamoplysninger block).
- Other headings (``Bolig``, ``4. Misbrug``) do not change the current part.
- A table is read by its layout (:mod:`gldocs.text.tables`): a two-column table of labels
  and values ("| Navn: | … |", tab or aligned columns) is its ``Nøgle: værdi`` lines, its
  header and rule keep the block open; the client's record laid out in columns (one row
  under a header with a name and a CPR column) is its fields.

Also here: :func:`find_client`, which reads the client's ``Navn:`` and ``CPR-nr.:`` from the
Stamoplysninger block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from gldocs.cpr import birth_date
from gldocs.cpr import normalize as normalize_cpr
from gldocs.document.units import SECTIONS, UNKNOWN
from gldocs.ordlister import SECTION_LISTS, word_alternation, word_set, words
from gldocs.text.item_numbers import blank_item_numbers
from gldocs.text.keys import normalise as normalise  # (re-exported: callers import it here)
from gldocs.text.line_numbers import without_line_numbers
from gldocs.text.tables import TableRow, field_line, header_keys, table_rows

# Normalised titles (lower case, æøå folded to ae/oe/aa, single spaces) per part: package
# data (gldocs/ordlister.yaml, one list per part)
_TITLES: dict[str, tuple[str, ...]] = {part: words(key) for part, key in SECTION_LISTS.items()}
_TITLE_TO_SECTION = {t: s for s, titles in _TITLES.items() for t in titles}

# (a form's parts are lettered further than E: "G. KONTAKTER", with the letter's full stop;
# a legal-style plan numbers its parts in levels: "1.1 Stamoplysninger", "2.3.1 …", a
# level of one digit, so that a time of day is no numbering: "12.30 Vurdering")
_NUMBERING = re.compile(
    rf"^\s*(?:(?:{word_alternation('nummereringsord')})\s*)?"
    r"(?:\d{1,2}(?:\.\d(?!\d)){0,3}|[ivx]{1,4}|[a-e]|[a-z](?=[.)]))"
    r"\s*[.):\-–]?\s+",
    re.IGNORECASE,
)
# (a key's letters are any language's: "Finsk personnummer (henkilötunnus):", "Geburtsort:")
_KEY_VALUE = re.compile(r"^\s*[-•*]?\s*(?:[^\W_]|[/()., \-]){1,60}:\s*(\S.*)?$")

# a heading's tail that only says when the part applies ("… ved løsladelsen"), normalised
_TIME_TAIL = re.compile(
    r"\s+(?:" + "|".join(map(re.escape, words("afsnit_tidshaler"))) + r")$")

# sub-headings of the Stamoplysninger part in rendered handleplans (normalised)
_STAM_SUBHEADINGS = word_set("stamoplysninger_underoverskrifter")
# private persons' roles: a line naming one never continues the client's block
_PRIVATE_ROLES = word_set("private_roller")
_CONTACT_LINE = re.compile(
    rf"^\s*[-•*]?\s*(?:{word_alternation('kontaktetiketter')})\.?"
    r"(?:\s*\([^)]{1,30}\))?\s*:?\s+[+\d\w]",
    re.IGNORECASE)

# (package data: gldocs/ordlister.yaml)
_NAME_KEYS = words("navnenoegler")
_CPR_KEYS = words("cpr_noegler")
_CPR_KEYS_SQUEEZED = frozenset(k.replace(" ", "") for k in _CPR_KEYS)
# the field's value up to its first word: ten digits in any layout a person or an attacker
# writes ("0211 85-3397", "08.11.93-2517", "0506 91 – 3459", "0 3 0 5 9 2 2 8 1 7")
_CPR_VALUE = re.compile(r"^[\s(]*(\d[\d\s./_~\u00b7\u2010-\u2015\u2212\ufe58\ufe63\uff0d-]*\d)")


def heading_words(line: str) -> str:
    """A heading line's words without its numbering, marks and final colon, normalised
    (:func:`normalise`): "G. KONTAKTER:" -> "kontakter"."""
    return normalise(_heading_body(line.strip()))


# the marks a heading is drawn with ("=== F. Samarbejdspartnere ===", "## 2. Beskrivelse")
_HEADING_MARKS = re.compile(r"^[#*=\-\s]+|[#*=\-\s]+$")


def _heading_body(line: str) -> str:
    """A heading line without its marks, its numbering and its final colon."""
    body = _NUMBERING.sub("", _HEADING_MARKS.sub("", line), count=1)
    body = body.strip().rstrip(":.").strip()
    return _HEADING_MARKS.sub("", body)


@lru_cache(maxsize=8192)
def heading_section(line: str) -> str | None:
    """The part a heading line opens, or None when the line is no known part heading."""
    stripped = line.strip()
    if not stripped or len(stripped) > 70:
        return None
    body = _heading_body(stripped)
    if len(body.split()) > 6:
        return None
    key = normalise(body)
    if key in _TITLE_TO_SECTION:
        return _TITLE_TO_SECTION[key]
    # "4. Vurdering og indsatsområder (LS/RNR)": drop a parenthetical tail.
    key2 = normalise(re.sub(r"\s*\(.*\)\s*$", "", body))
    if key2 in _TITLE_TO_SECTION:
        return _TITLE_TO_SECTION[key2]
    # "Vurdering og indsatser ved løsladelsen": a tail that only says when
    m = _TIME_TAIL.search(key2)
    return _TITLE_TO_SECTION.get(key2[:m.start()]) if m else None


def is_key_value(line: str) -> bool:
    """True for ``Nøgle: værdi`` lines as found in Stamoplysninger."""
    return bool(_KEY_VALUE.match(line))


def is_contact_line(line: str) -> bool:
    """``Tlf. 6170 3348``, ``Mobil 20 30 40 50``, ``E-mail x@y.dk``: contact data without a
    colon, as Stamoplysninger blocks often have them."""
    return bool(_CONTACT_LINE.match(line))


# A field line a redactor replaced whole by its marker ("[udeladt: sikkerhed]"): still a
# field of the Stamoplysninger, so that a redacted copy is read in the same parts as its
# original (``gldocs scan`` on the copy sees the client's fields below it as the client's).
_REMOVED_FIELD = re.compile(r"^[ \t]*\[[^\[\]\n]{1,80}\][ \t]*$")


# A remark in brackets on the field above ("(efternavn først; kaldes ofte …)"): still part of
# the block, so that the client's own fields below it stay the client's.
_REMARK = re.compile(r"^[ \t]*\([^()\n]{1,200}\)[ \t]*$")


def is_stam_subheading(line: str) -> bool:
    """``Handleplansansvarlig og stedfortræder``, ``Handlekommune og indgang for
    koordinering``: a block of staff or municipality data inside Stamoplysninger."""
    return normalise(line).rstrip(":. ") in _STAM_SUBHEADINGS


def _short_cell(line: str) -> bool:
    """A table cell or a short label, not a sentence of running text."""
    s = line.strip()
    return 0 < len(s) <= 60 and not re.search(r"[.!?]\s+\S", s) and not (
        s.endswith((".", "!", "?")) and len(s.split()) > 4)


def _is_field(line: str) -> bool:
    return is_key_value(line) or is_contact_line(line) or bool(_REMARK.match(line))


def _opening_client_block(lines: Sequence[str]) -> range:
    """The lines of a document's opening block of ``Nøgle: værdi`` fields when it holds the
    client's ``Navn:`` and ``CPR-nr.:``: a telephone note, minutes, a form or a letter that
    starts with the client's fields and no ``Stamoplysninger`` heading (after a title, a
    letterhead or a mail header of short lines, within the first lines). That block is the
    client's Stamoplysninger (K1: the contact fields in it are the client's own); empty
    when the document opens otherwise (a part's heading or running text comes first)."""
    i = seen = 0
    while i < len(lines) and seen < _OPENING_LINES:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if heading_section(line) is not None:
            return range(0)
        if not _is_field(line):
            if len(line.strip()) > 80:
                return range(0)  # running text: the document has begun
            i, seen = i + 1, seen + 1
            continue
        j, name, cpr, first = i, False, False, ""
        while j < len(lines) and lines[j].strip() and heading_section(lines[j]) is None \
                and _is_field(lines[j]):
            kv = _key_and_value(lines[j])
            if kv is not None and kv[1]:
                if first and _other_name_field(lines[j], first):
                    break  # another person's record: it is not the client's
                first = first or _name_value(lines[j])
                name = name or kv[0] in _NAME_KEYS
                cpr = cpr or _is_cpr_key(kv[0])
            j += 1
        if name and cpr:
            return range(i, j)
        i, seen = j, seen + (j - i)
    return range(0)


def _title_between_fields(lines: Sequence[str], i: int) -> bool:
    """A short line that is no sentence (a plan's title and date: "Handleplan – tilsyn
    (prøveløsladt), version 3, dato 10.11.2026") standing directly between two field lines
    of a Stamoplysninger block, without a blank line: the block goes on below it, so that
    the client's own ``Adresse:``/``Tlf.:`` fields after it stay the client's (K1)."""
    s = lines[i].strip()
    if not s or len(s) > 90 or re.search(r"[.!?]\s+\S", s) or s.endswith((".", "!", "?")):
        return False
    # fail closed: only a dated or numbered title ("version 3, dato …") and never a line
    # that names a private person's role ("Mor", "Kæreste, født 1990"): fields below such
    # a line are that person's, not the client's
    if not any(c.isdigit() for c in s) or any(
            w in _PRIVATE_ROLES for w in re.findall(r"[^\W\d_]+", s.lower())):
        return False
    if i == 0 or not _is_field(lines[i - 1]) or i + 1 >= len(lines):
        return False
    nxt = lines[i + 1]
    return bool(nxt.strip()) and heading_section(nxt) is None and (
        is_key_value(nxt) or is_contact_line(nxt))


# how many non-blank lines a document may open with before the client's block
_OPENING_LINES = 12


def label_lines(lines: Sequence[str]) -> list[str]:
    """Return the section label of every line (the heading line itself included).

    Inside Stamoplysninger, a sub-heading such as ``Handleplansansvarlig og stedfortræder`` or
    ``Handlekommune og indgang for koordinering`` opens a table or block that still belongs to
    the part (also after a blank line): its short cells and ``Nøgle: værdi`` lines stay there,
    blank lines between them included, up to running text or the next part. A document that
    opens with the client's name and CPR fields and no heading has that block as its
    Stamoplysninger (:func:`_opening_client_block`). A printout's line numbers in front of
    every line are read past (:mod:`gldocs.text.line_numbers`), and so are the item numbers
    of a plan's numbered points in front of its fields (:mod:`gldocs.text.item_numbers`); a
    table of labels and values is read as its ``Nøgle: værdi`` lines (:func:`table_view`).
    """
    return _label_views(*table_view(blank_item_numbers(without_line_numbers(lines))))


def table_view(lines: Sequence[str], rows: Sequence[TableRow | None] | None = None
               ) -> tuple[list[str], list[bool]]:
    """``lines`` as the layout reader reads them: each row of a two-column table of labels
    and values ("| Navn: | Ib Ravn |", "Navn<tab>Ib Ravn", aligned columns) as the
    ``Nøgle: værdi`` line it stands for; and per line whether it is a table's header or
    rule, which keeps a block of fields open (:mod:`gldocs.text.tables`). A two-column
    table whose header names a name column ("| Navn | Telefon |") lists people, one per
    row: its rows are no fields of the client's. ``rows``: the lines' table rows, when
    the caller has them."""
    if rows is None:
        rows = table_rows(lines)
    people = {r.table for r in rows if r is not None and r.kind == "header" and r.cells
              and any(normalise(k) in _NAME_KEYS for k in header_keys(r.cells[0].text))}
    records = _column_records(lines, rows)
    views: list[str] = []
    neutral: list[bool] = []
    for i, (line, row) in enumerate(zip(lines, rows, strict=True)):
        field = field_line(row) if row is not None and row.table not in people else None
        if i in records:
            field = records[i][0]  # the client's record in columns: a field of the part
        views.append(field if field is not None else line)
        neutral.append(row is not None and row.kind in ("header", "rule"))
    return views, neutral


def _column_records(lines: Sequence[str], rows: Sequence[TableRow | None] | None = None
                    ) -> dict[int, list[str]]:
    """The client's record laid out in columns: a table of three or more columns whose
    header names a name column and a CPR column and that has one row ("| Navn | CPR-nr. |
    Adresse |" over "| Ib Ravn | 010190-1234 | … |"). Per such row, its ``Nøgle: værdi``
    fields, the name field first. A table of several rows lists several people: none is
    read as the client's (fail closed)."""
    if rows is None:
        rows = table_rows(lines)
    data: dict[int, int] = {}
    for r in rows:
        if r is not None and r.kind == "data":
            data[r.table] = data.get(r.table, 0) + 1
    out: dict[int, list[str]] = {}
    header: TableRow | None = None
    for i, row in enumerate(rows):
        if row is None:
            continue
        if row.kind == "header":
            header = row
            continue
        if row.kind != "data" or header is None or header.table != row.table \
                or data[row.table] != 1 or len(header.cells) < 3:
            continue
        keys = [normalise(c.text).rstrip(":. ") for c in header.cells]
        if not any(k in _NAME_KEYS for k in keys) or not any(_is_cpr_key(k) for k in keys):
            continue
        fields = [f"{h.text.rstrip(':').strip()}: {c.text}"
                  for k, h, c in zip(keys, header.cells, row.cells, strict=False) if c.text]
        fields.sort(key=lambda f: normalise(f.partition(":")[0]).rstrip(". ") not in _NAME_KEYS)
        out[i] = fields
    return out


def _label_views(lines: Sequence[str], neutral: Sequence[bool]) -> list[str]:
    """:func:`label_lines` of lines read by :func:`table_view` (``neutral``: a table's
    header or rule, which keeps the current part and its block)."""
    opening = _opening_client_block(lines)
    labels: list[str] = []
    current = UNKNOWN
    last_part = UNKNOWN
    stam_has_content = False
    table = False
    stam_name = ""  # the first name field's value in the part's current block
    for i, line in enumerate(lines):
        sec = heading_section(line)
        if sec is not None:
            current = last_part = sec
            stam_has_content = table = False
            stam_name = ""
            labels.append(sec)
            continue
        if last_part == "stamoplysninger" and current in ("stamoplysninger", UNKNOWN) and \
                is_stam_subheading(line):
            current, table, stam_has_content = "stamoplysninger", True, False
            stam_name = ""
            labels.append(current)
            continue
        if i in opening:
            labels.append("stamoplysninger")
            continue
        if neutral[i]:
            labels.append(current)  # a table's header or rule: the block goes on
            continue
        if current == "stamoplysninger" and not table and _other_name_field(line, stam_name):
            current = UNKNOWN  # another person's record follows the client's: never his
        if current == "stamoplysninger" and not stam_name and _name_value(line):
            stam_name = _name_value(line)
        if current == "stamoplysninger":
            if not line.strip():
                if stam_has_content and not table:  # PDF tables have blank lines in them
                    current = UNKNOWN
            elif is_key_value(line) or is_contact_line(line) or (table and _short_cell(line)) \
                    or _REMOVED_FIELD.match(line) or (stam_has_content and _REMARK.match(line)):
                stam_has_content = True
            elif stam_has_content and _title_between_fields(lines, i):
                pass  # "Handleplan – tilsyn, version 3, dato …" between the client's fields
            else:
                current = UNKNOWN
                table = False
        labels.append(current)
    assert all(lab in SECTIONS or lab == UNKNOWN for lab in labels)
    return labels


def _name_value(line: str) -> str:
    """The value of a ``Navn:`` field, folded ("" for any other line)."""
    kv = _key_and_value(line)
    return normalise(kv[1]).rstrip(" .,;") if kv is not None and kv[0] in _NAME_KEYS else ""


def _other_name_field(line: str, first: str) -> bool:
    """A second ``Navn:`` field in one block of Stamoplysninger (no sub-heading between)
    that does not repeat the first one's name ("Navn: Bror til …", "Navn: <klienten>s
    mor", "Navn: <the mother>"): another person's record opens there, and its fields are
    not the client's (fail closed: issue 8 § 1)."""
    value = _name_value(line)
    if not first or not value:
        return False
    return not (value == first or value.startswith(first + ","))


def _is_cpr_key(key: str) -> bool:
    return key.replace(" ", "") in _CPR_KEYS_SQUEEZED


def _key_and_value(line: str) -> tuple[str, str] | None:
    if ":" not in line:
        return None
    key, _, value = line.partition(":")
    return normalise(key.strip(" -•*\t")), value.strip()


def find_client(lines: Sequence[str]) -> tuple[str | None, str | None]:
    """The client's name and CPR number from the Stamoplysninger block (None when absent).

    Looks in lines labelled ``stamoplysninger``, then in the head above the first of them
    (at most 25 lines; the first 25 when there is no such part). The CPR number is returned
    as found, normalised to ``DDMMÅÅ-NNNN``. A printout's line numbers and the item numbers
    in front of numbered fields ("1.1 Navn: …") are read past, and a table of labels and
    values is read as its fields (:func:`table_view`).
    """
    raw = blank_item_numbers(without_line_numbers(lines))
    rows = table_rows(raw)
    lines, neutral = table_view(raw, rows)
    labels = _label_views(lines, neutral)
    # the Stamoplysninger lines first; then the header above them (a form whose part of the
    # client's own fields, "A. PERSONLIGE OPLYSNINGER", comes after a header with the name),
    # or the first 25 lines when there is no such part
    first = labels.index("stamoplysninger") if "stamoplysninger" in labels else len(lines)
    # (a record table's one row, "| Navn | CPR-nr. | Adresse |", read field by field)
    records = _column_records(raw, rows)
    order = [i for i, lab in enumerate(labels) if lab == "stamoplysninger"]
    order += list(range(min(25, first)))
    candidates = [f for i in order for f in records.get(i, [lines[i]])]
    name: str | None = None
    cpr: str | None = None
    for line in candidates:
        kv = _key_and_value(line)
        if kv is None:
            continue
        key, value = kv
        if not value:
            continue
        if name is None and key in _NAME_KEYS:
            name = re.sub(r"\s+", " ", value).strip().rstrip(".,;")
        elif cpr is None and _is_cpr_key(key):
            m = _CPR_VALUE.match(value)
            if m and birth_date(m.group(1)) is not None:
                cpr = normalize_cpr(m.group(1))
    return name, cpr
