"""Records of private persons in a case system's export, written as "Felt: Værdi" lines with
nested keys::

    Relationer[0].Navn: Vinther
    Relationer[0].Rolle: Søster
    Relationer[0].Tlf: 41 22 63 90

Every value of such a record is the related person's data (R1), whatever it looks like: a
surname the client shares, a first name that is also an ordinary word, a town, a remark.
Only the role's own value stays ("Søster": the kommune may know that a sister exists).

A record whose role (or any value, when no role is given) shows a professional acting in
office (a title, an organisation's word: "Sagsbehandler, Jobcenter Odense") is left to the
other rules (K3). A record without a role field is a private person's too, but flagged for
review (fail closed: the owner is not shown). The keys that open such records
(``relation_record_keys``) and the keys that hold the role (``relation_role_keys``) are
the policy's address words (``policies/lexicons/adresseord.yaml``).

A table that lists people one per row (a netværkskort, :mod:`gldocs.text.tables`) is read
the same way: its header says which column holds the name (``table_name_columns``), the
role (``relation_role_keys``) and the contact data (``table_contact_columns``). A row whose
role is a private person's ("Mor", "Bedste ven fra HF") loses its name and contact cells
with that role's markers; a professional's row (a title or an organisation in its role, or
anywhere in the row when the table has no role column) and the client's own row are left
to the other rules (K3, K1). A row whose owner the table does not show (no role, or a role
that is both private and in office) loses them too, flagged for review (fail closed)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from gldocs.document.units import TextUnit
from gldocs.redact.case_entities import Mention
from gldocs.redact.detectors.patterns import PatternMatch
from gldocs.redact.model import Finding
from gldocs.redact.policy import Policy
from gldocs.redact.rules import FindingFactory
from gldocs.redact.wordlists import WordLists
from gldocs.text.keys import normalise
from gldocs.text.tables import Cell, TableRow, header_keys, table_rows

__all__ = ["RelationRecords"]

# a removal without a shown owner scores below the policy's review threshold (fail closed)
UNCLEAR_OWNER = 0.45
SHOWN_ROLE = 0.85
_WORD = re.compile(r"[^\W\d_][\w\-]*")


@dataclass(frozen=True)
class _Field:
    unit: TextUnit
    key: str  # the field's key, lower case ("navn", "rolle", "tlf")
    start: int  # the value's span in the unit's text
    end: int


@lru_cache(maxsize=4)
def _line_pattern(words: WordLists) -> re.Pattern[str]:
    """A record's field line: the record key, maybe an index ("[0]", ".1", " 2"), a dot,
    the field's key, a colon, the value."""
    keys = words.alternation("relation_record_keys")
    return re.compile(
        rf"^[ \t]*(?P<record>(?i:{keys})(?:[ \t]*\[[ \t]*\d{{1,3}}[ \t]*\]|\.\d{{1,3}}"
        r"|[ \t]\d{1,3})?)\.(?P<key>[^\W\d_][\w \-]{0,30}?)(?:\[\d{1,3}\])?[ \t]*:[ \t]*"
        r"(?P<value>\S[^\n]*?)[ \t]*$", re.MULTILINE)


class RelationRecords:
    """Finds the records of one document and removes their values (built once per policy)."""

    def __init__(self, policy: Policy, address_words: WordLists,
                 in_office: Callable[[str], bool]) -> None:
        """``in_office``: whether a word shows a professional acting in office (a title or
        an organisation's word)."""
        self.policy = policy
        self.words = address_words
        self.role_keys = frozenset(w.lower() for w in address_words["relation_role_keys"])
        self.in_office = in_office
        self.make = FindingFactory(policy).make
        cues: dict[str, tuple[int, str]] = {}
        for name, role in policy.roles.items():
            if role.sentence_rule:
                continue  # (a victim or a co-offender has no record among the relations)
            for cue in role.cues:
                low = cue.lower()
                if low not in cues or cues[low][0] < role.priority:
                    cues[low] = (role.priority, name)
        self._cues = cues

    def _role(self, value: str) -> str:
        """The policy's role for a role field's value ("Søster" -> paaroerende)."""
        low = value.lower()
        best: tuple[int, str] | None = None
        for cue, (priority, name) in self._cues.items():
            if re.search(rf"(?<![\w]){re.escape(cue)}(?![\w])", low) and (
                    best is None or priority > best[0]):
                best = (priority, name)
        return best[1] if best else self.policy.default_role

    def _office(self, text: str) -> bool:
        return any(self.in_office(w) for w in _WORD.findall(text))

    def _cue_role(self, value: str) -> str | None:
        """The private role a table's role cell names first ("Far til sønnen Viggo": the
        father's row, not the son's), or None when it names none."""
        low = value.lower()
        best: tuple[int, int, str] | None = None  # (position, -length, role)
        for cue, (_, name) in self._cues.items():
            m = re.search(rf"(?<![\w]){re.escape(cue)}(?![\w])", low)
            if m is not None and (best is None or (m.start(), -len(cue)) < best[:2]):
                best = (m.start(), -len(cue), name)
        return best[2] if best else None

    def findings(self, units: Sequence[TextUnit], client_name: str | None = None,
                 found: Mapping[str, tuple[Sequence[PatternMatch], Sequence[Mention]]]
                 | None = None) -> list[Finding]:
        """A removal for every value of every private person's record in ``units``, and
        for the name and contact cells of every private person's row of a table of people
        (``client_name``: the client's own row is not read; ``found``: per unit path, the
        identifiers and the people the analysis found in it)."""
        return [*self._record_findings(units),
                *self._table_findings(units, client_name, found or {})]

    def _record_findings(self, units: Sequence[TextUnit]) -> list[Finding]:
        """A removal for every value of every private person's record in ``units``."""
        pattern = _line_pattern(self.words)
        records: dict[str, list[_Field]] = {}
        for unit in units:
            if "." not in unit.text or ":" not in unit.text:
                continue
            for m in pattern.finditer(unit.text):
                record = re.sub(r"[\s\[\].]", "", m.group("record")).lower()
                records.setdefault(record, []).append(
                    _Field(unit, m.group("key").strip().lower(), m.start("value"),
                           m.end("value")))
        out: list[Finding] = []
        for fields in records.values():
            roles = [f for f in fields if f.key in self.role_keys]
            shown = roles or fields
            if any(self._office(f.unit.text[f.start:f.end]) for f in shown):
                continue  # a professional's record (K3): the other rules read it
            role = self._role(" ".join(f.unit.text[f.start:f.end] for f in roles))
            marker = self.policy.role_marker(role)
            rule = self.policy.entities["PERSON"].rule
            score = SHOWN_ROLE if roles else UNCLEAR_OWNER
            why = ("står i en privatpersons post i en udskrift fra et sagssystem"
                   + ("" if roles else " (ingen rolle: ejer uklar, gennemse)"))
            for f in fields:
                if f.key in self.role_keys:
                    continue
                finding = self.make(f.unit, f.start, f.end, rule=rule, detector="case",
                                    entity="PERSON", score=score, action="remove",
                                    marker=marker,
                                    explanation=f"'{f.unit.text[f.start:f.end]}' {why} "
                                                f"({rule}).")
                finding.review = score < self.policy.thresholds.review_below
                out.append(finding)
        return out

    # ------------------------------------------------------------------ tables of people
    def _table_findings(self, units: Sequence[TextUnit], client_name: str | None,
                        found: Mapping[str, tuple[Sequence[PatternMatch], Sequence[Mention]]]
                        ) -> list[Finding]:
        if not any(("|" in u.text or "\t" in u.text or "  " in u.text) for u in units):
            return []
        rows = table_rows([u.text for u in units])
        columns: dict[int, _Columns] = {}
        client = tuple(normalise(w) for w in _WORD.findall(client_name or ""))
        out: list[Finding] = []
        for unit, row in zip(units, rows, strict=True):
            if row is None:
                continue
            if row.kind == "header":
                cols = self._columns(row)
                if cols is not None:
                    columns[row.table] = cols
                continue
            cols = columns.get(row.table)
            if row.kind != "data" or cols is None:
                continue
            patterns, mentions = found.get(unit.path, ((), ()))
            out.extend(self._row_findings(unit, row, cols, client, patterns, mentions))
        return out

    def _columns(self, header: TableRow) -> _Columns | None:
        """Which columns of a table hold names, roles and contact data (None: the table
        lists no people: it has no name column)."""
        name_words = self.words.set("table_name_columns")
        contact_words = self.words.set("table_contact_columns")
        names, roles, contacts = set(), set(), set()
        for k, cell in enumerate(header.cells):
            keys = header_keys(cell.text)
            if keys & name_words:
                names.add(k)
            elif keys & self.role_keys:
                roles.add(k)
            elif keys & contact_words:
                contacts.add(k)
        if not names:
            return None
        return _Columns(frozenset(names), frozenset(roles), frozenset(contacts))

    def _row_findings(self, unit: TextUnit, row: TableRow, cols: _Columns,
                      client: tuple[str, ...], patterns: Sequence[PatternMatch] = (),
                      mentions: Sequence[Mention] = ()) -> list[Finding]:
        cells = row.cells
        # (a name cell: a name's shape or a person found in it; not a marker left by an
        # earlier redaction, "[pårørende] (søster)": a redacted copy read again)
        # (or a number or an e-mail standing for the person: "| 02.11 | +45 20 11 43 97 |")
        names = [c for k, c in enumerate(cells) if k in cols.names and _filled(c) and (
            _has_name(c.text) or any(c.start <= m.start < c.end for m in mentions)
            or any(c.start <= p.start < c.end for p in patterns))]
        if not names:
            return []
        if any(_is_client(c.text, client) for c in names):
            return []  # the client's own row (K1): the other rules read it
        named = [m.person.kind for m in mentions
                 if any(c.start <= m.start and m.end <= c.end for c in names)]
        if named and "private" not in named:
            return []  # the client or a professional the document shows: other rules
        role_text = " ".join(c.text for k, c in enumerate(cells) if k in cols.roles)
        # (without a role column, any cell may show an office: "| Jobcenter Vest | …")
        shown = role_text if cols.roles else " ".join(c.text for c in cells)
        # the role, or else a role beside the name ("Lise (søster)")
        cue = (self._cue_role(role_text) if role_text else None) or self._cue_role(
            " ".join(_BRACKETS.findall(" ".join(c.text for c in names))))
        # (or the name is an organisation's: "| Guldborgsund Kommune | Type: restskat |")
        office = self._office(shown) or self._office(" ".join(c.text for c in names))
        if office and cue is None:
            return []  # a professional's row (K3): the other rules read it
        role = cue or self.policy.default_role
        score = SHOWN_ROLE if cue is not None and not office else UNCLEAR_OWNER
        why = (f"står i rækken for en privatperson ({role_text}) i en tabel over personer"
               if score == SHOWN_ROLE else
               "står i en række i en tabel over personer, hvor ejeren ikke er vist "
               "(ejer uklar, gennemse)")
        out: list[Finding] = []
        targets = [(c.start, c.end, _entity_of(c.text) if not _has_name(c.text)
                    else "PERSON") for c in names] + [
            (c.start, c.end, _entity_of(c.text)) for k, c in enumerate(cells)
            if k in cols.contacts and _filled(c) and not _NO_CONTACT.fullmatch(c.text.strip())]
        # the row's identifiers in its other cells ("Gøre kælderen klar på Ahorngade 9")
        others = [c for k, c in enumerate(cells) if k not in cols.names | cols.contacts
                  | cols.roles]
        targets += [(p.start, p.end, p.entity) for p in patterns
                    if any(c.start <= p.start and p.end <= c.end for c in others)]
        for start, end, entity in targets:
            spec = self.policy.entities.get(entity) or self.policy.entities["PERSON"]
            marker = (self.policy.role_marker(role) if entity == "PERSON"
                      else self.policy.entity_marker(entity, role))
            text = unit.text[start:end]
            finding = self.make(unit, start, end, rule=spec.rule, detector="case",
                                entity=entity, score=score, action="remove", marker=marker,
                                explanation=f"'{text}' {why} ({spec.rule}).")
            finding.review = score < self.policy.thresholds.review_below
            out.append(finding)
        return out


@dataclass(frozen=True)
class _Columns:
    """The columns of a table of people: names, roles, contact data (indices)."""

    names: frozenset[int]
    roles: frozenset[int]
    contacts: frozenset[int]


# a contact cell of plain words in lower case ("ukendt", "ingen kontakt tilladt"): it
# holds no number, address, e-mail or handle (those have a digit, "@", "." or "_")
_NO_CONTACT = re.compile(r"[a-zæøå]+(?:[ \t]+[a-zæøå]+){0,4}")


def _filled(cell: Cell) -> bool:
    """A cell with a letter or a digit in it (not "-", "–", "")."""
    return any(ch.isalnum() for ch in cell.text)


def _is_client(cell: str, client: tuple[str, ...]) -> bool:
    """The cell names the client: words of the client's name only, the first name among
    them ("Sofie Brandt", "Sofie"; not "Brandt" alone, a relative may share it)."""
    words = {normalise(w) for w in _WORD.findall(cell)}
    return len(client) >= 2 and bool(words) and client[0] in words and words <= set(client)


# a word that may be a name: it opens with a capital letter ("alle", "begge", "-" do not)
_NAME_SHAPE = re.compile(r"(?<![\w\-])[^\W\d_]")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _has_name(text: str) -> bool:
    """A word shaped like a name outside brackets ("Lise (søster)"; not "[…] (søster)")."""
    return any(m.group().isupper() for m in _NAME_SHAPE.finditer(_BRACKETED.sub(" ", text)))

_BRACKETS = re.compile(r"\(([^()]{1,40})\)")
_CPR = re.compile(r"\b\d{6}[ -]?\d{4}\b")


def _entity_of(text: str) -> str:
    """What a contact cell holds, by its look: an e-mail, a CPR number, a phone number or
    (letters and digits) an address."""
    if "@" in text:
        return "EMAIL"
    if _CPR.search(text):
        return "CPR"
    digits = sum(ch.isdigit() for ch in text)
    letters = sum(ch.isalpha() for ch in text)
    if digits >= 6 and letters <= 4:
        return "PHONE"
    return "ADDRESS" if digits else "PERSON"


# a name written in a table of people, in the text: its genitive too ("Ifrahs", "Jonas'")
_GENITIVE_TAIL = r"(?:s|['’]s?)?"
_NAME_TOKEN = re.compile(r"[^\W\d_]{3,}(?:-[^\W\d_]{2,})*")


def spread_row_names(units: Sequence[TextUnit], findings: list[Finding],
                     row_findings: Sequence[Finding], protected: Callable[[str], bool],
                     ordinary: Callable[[str], bool]) -> list[Finding]:
    """``findings`` and a removal for every other place the document writes a word of a
    private person's name that a table of people (or a record) shows: "| Ifrah | søster |"
    and later "Ifrahs e-mail er …", a nickname in a quoted message in lower case ("sig til
    ham at zuzia …"). ``protected``: a word of the client's or a professional's name (never
    spread); ``ordinary``: an ordinary word ("Sol", "Storm"), which counts only written
    with its capital letter."""
    from gldocs.redact.spread import spread_removals

    models: dict[str, Finding] = {}
    for f in row_findings:
        if f.entity != "PERSON" or f.action != "remove":
            continue
        # (a nickname in brackets too: "Zuzanna (Zuzia)"; a remark in lower case is none)
        for m in _NAME_TOKEN.finditer(f.text):
            word = m.group()
            if not word[0].isupper() or protected(word):
                continue
            models.setdefault(word.lower(), f)
    if not models:
        return findings
    # (an ordinary word only from a row whose role shows a private person, with its capital
    # and inside a sentence: "Besøg fra Sol" is the name, "Sol" opening a sentence or "sol"
    # may be the word, and "| Kaya Holding ApS | 60.000 kr. |" names no person)
    plain = sorted((w for w in models if ordinary(w)
                    and models[w].score >= SHOWN_ROLE), key=len, reverse=True)
    rare = sorted((w for w in models if not ordinary(w)), key=len, reverse=True)
    if not plain and not rare:
        return findings
    alts = [f"(?i:{'|'.join(map(re.escape, rare))})"] if rare else []
    alts += [r"(?<=[^\W\d_,;:] )(?:" + "|".join(re.escape(w[0].upper() + w[1:])
                                              for w in plain) + ")"] if plain else []
    pattern = re.compile(rf"(?<![\w\-@.])(?:{'|'.join(alts)}){_GENITIVE_TAIL}(?![\w\-@])")

    def model_of(m: re.Match[str]) -> Finding:
        word = m.group(0).lower()
        base = word if word in models else re.sub(r"(?:s|['’]s?)$", "", word)
        return models.get(base) or next(iter(models.values()))

    return spread_removals(units, findings, pattern, model_of, "navn")
