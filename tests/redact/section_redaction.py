"""Redact the body of one section of a small invented case text (shared by the tests that
check what a section keeps and removes)."""

from __future__ import annotations

import re
from functools import lru_cache

from gldocs.document.txt import units_from_text
from gldocs.redact.apply import apply
from gldocs.redact.bundle import load_bundle
from gldocs.redact.engine import AnalysisContext, Analyzer
from gldocs.redact.model import Plan
from gldocs.redact.nlp import load_nlp


def redact_section(analyzer: Analyzer, client: str, head: str, body: str,
                   areas: tuple[str, ...]) -> str:
    """``head`` (Stamoplysninger and the section heading, ending in a line feed) then
    ``body``, redacted; returns what follows the heading line."""
    plan = analyzer.analyze(units_from_text(head + body + "\n"),
                            AnalysisContext(areas=list(areas), client_name=client))
    heading = head.rstrip("\n").rsplit("\n", 1)[-1] + "\n"
    return "\n".join(u.text for u in apply(plan)).split(heading, 1)[1]


@lru_cache(maxsize=1)
def kommune_analyzer() -> Analyzer:
    """One analyzer of the bundled kommune policy, shared by the tests of a module."""
    return Analyzer(load_bundle("kommune"), load_nlp())


def plan_case(text: str, client: str, cpr: str, areas: tuple[str, ...]) -> Plan:
    """The kommune policy's plan for ``text`` (one case text) of ``client`` with ``cpr``."""
    return kommune_analyzer().analyze(units_from_text(text),
                                      AnalysisContext(areas=list(areas), client_name=client,
                                                      client_cpr=cpr))


def redacted_after(plan: Plan, heading: str) -> str:
    """The redacted text of ``plan`` after the line ``heading``."""
    return "\n".join(u.text for u in apply(plan)).split(heading + "\n", 1)[1]


def gone(out: str, secret: str) -> bool:
    """The secret is not in ``out`` outside the markers, and a marker says why."""
    text = re.sub(r"\[[^\]]*\]", " ", out)
    return secret.lower() not in text.lower() and "[udeladt" in out
