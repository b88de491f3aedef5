"""Findings and plans: what the redactor found and what it proposes to do."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from gldocs.document.units import TextUnit

Action = Literal["remove", "keep"]
Detector = Literal["section", "pattern", "ner", "lexicon", "case", "caseworker"]


class Owner(StrEnum):
    """Whose a person or a piece of personal data is (equal to "client", … as strings)."""

    CLIENT = "client"
    PROFESSIONAL = "professional"
    PRIVATE = "private"


@dataclass(frozen=True)
class Ownership:
    """The ownership stage's verdict (:mod:`gldocs.redact.ownership`)."""

    owner: Owner
    score: float
    reason: str  # Danish, completes "<Telefonnummer> …"
    role: str = ""  # a private person's role (policy ``roles``), "" when unknown


def finding_id(unit_path: str, text: str) -> str:
    """Stable id of a finding: a fingerprint of where it is and what it says.

    It survives re-runs of an unchanged document, so caseworker decisions can be re-applied.
    """
    digest = hashlib.sha256(f"{unit_path}\x00{text}".encode()).hexdigest()
    return f"f-{digest[:12]}"


@dataclass
class Finding:
    """One span the policy has an opinion about."""

    unit_path: str
    section: str
    start: int  # character offsets into the unit's text
    end: int
    text: str
    rule: str  # policy rule id: R1..R5 (remove) or K1..K7 (keep)
    ground: str  # legal ground, e.g. "rhl. § 9", "rhl. § 10"
    detector: Detector
    entity: str  # what was recognised: PERSON, CPR, PHONE, HEALTH, SECURITY, ...
    score: float
    action: Action
    marker: str  # visible marker put in place of the text, e.g. "[pårørende]"
    explanation: str = ""  # Danish, one line: why
    review: bool = False  # fail-closed removal the caseworker should look at
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = finding_id(self.unit_path, self.text)


def spans_by_unit(findings: Sequence[Finding]) -> dict[str, list[tuple[int, int]]]:
    """The (start, end) of every finding, per unit path: what a rule that grows one finding
    must not grow into."""
    taken: dict[str, list[tuple[int, int]]] = {}
    for f in findings:
        taken.setdefault(f.unit_path, []).append((f.start, f.end))
    return taken


@dataclass
class Plan:
    """The outcome of analysis: the units and every finding, before decisions."""

    units: list[TextUnit]
    findings: list[Finding]
    policy_name: str
    policy_version: str
    areas: list[str]
    client_name: str | None = None
    client_cpr: str | None = None
    no_ner: bool = False  # diagnosis run without NER: never to be disclosed
    source: str = ""  # input file name
    notes: list[str] = field(default_factory=list)
    # the policy's rules (id -> RuleSpec: ground, title, label, colour, weight) and the rule
    # a caseworker's extra removal falls under unless they name one
    rules: dict[str, Any] = field(default_factory=dict)
    extra_rule: str = ""
    # the rules a third party's identity is removed under (Policy.identity_rules)
    identity_rules: frozenset[str] = frozenset()

    def removals(self) -> list[Finding]:
        return [f for f in self.findings if f.action == "remove"]

    def needs_review(self) -> list[Finding]:
        return [f for f in self.findings if f.action == "remove" and f.review]
