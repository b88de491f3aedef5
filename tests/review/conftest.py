"""Shared fixtures for the review tests: a small invented plan (no real persons)."""

from __future__ import annotations

import pytest

from gldocs.document.units import TextUnit
from gldocs.redact.model import Finding, Plan


def make_finding(unit: TextUnit, text: str, rule: str, marker: str, *, entity: str = "PERSON",
                 detector: str = "ner", score: float = 0.9, review: bool = False,
                 ground: str | None = None, action: str = "remove") -> Finding:
    start = unit.text.index(text)
    return Finding(
        unit_path=unit.path, section=unit.section, start=start, end=start + len(text),
        text=text, rule=rule, ground=ground or ("rhl. § 10" if rule == "R2" else "rhl. § 9"),
        detector=detector, entity=entity, score=score, action=action, marker=marker,  # type: ignore[arg-type]
        explanation="Opfundet testfund", review=review,
    )


def build_plan() -> Plan:
    units = [
        TextUnit("stamoplysninger", "stamoplysninger.navn", "Navn: Mads Østergaard Vinther"),
        TextUnit("beskrivelse", "beskrivelse.netvaerk",
                 "Han bor hos sin søster Karen Lykke Holm på Gørtlervej 17 i Randers."),
        TextUnit("beskrivelse", "beskrivelse.helbred",
                 "Han har diagnosen paranoid skizofreni og får Zyprexa hver dag."),
        TextUnit("vurdering", "vurdering.sikkerhed",
                 "Han er <script>alert('x')</script> tilknyttet en rockergruppe & andet."),
    ]
    findings = [
        make_finding(units[0], "Mads Østergaard Vinther", "K1", "", action="keep",
                     detector="case", score=1.0),
        make_finding(units[1], "Karen Lykke Holm", "R1", "[pårørende]", score=0.93),
        make_finding(units[1], "Gørtlervej 17 i Randers", "R1", "[pårørende]",
                     entity="ADDRESS", detector="pattern", score=0.61, review=True),
        make_finding(units[2], "paranoid skizofreni", "R2", "[udeladt: rhl. § 10]",
                     entity="HEALTH", detector="lexicon", score=0.88),
        make_finding(units[2], "Zyprexa", "R2", "[udeladt: rhl. § 10]", entity="HEALTH",
                     detector="lexicon", score=0.55, review=True),
        make_finding(units[3], "<script>alert('x')</script> tilknyttet en rockergruppe",
                     "R3", "[udeladt: sikkerhed]", entity="SECURITY", detector="lexicon",
                     score=0.8),
    ]
    return Plan(units=units, findings=findings, policy_name="kommune", policy_version="1",
                areas=["bolig", "beskæftigelse"], client_name="Mads Østergaard Vinther",
                source="handleplan.txt")


@pytest.fixture
def plan() -> Plan:
    return build_plan()
