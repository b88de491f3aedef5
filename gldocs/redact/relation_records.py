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
the policy's address words (``policies/lexicons/adresseord.yaml``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from gldocs.document.units import TextUnit
from gldocs.redact.model import Finding
from gldocs.redact.policy import Policy
from gldocs.redact.rules import FindingFactory
from gldocs.redact.wordlists import WordLists

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

    def findings(self, units: Sequence[TextUnit]) -> list[Finding]:
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
