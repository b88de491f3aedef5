"""Redact the body of one section of a small invented case text (shared by the tests that
check what a section keeps and removes)."""

from __future__ import annotations

from gldocs.document.txt import units_from_text
from gldocs.redact.apply import apply
from gldocs.redact.engine import AnalysisContext, Analyzer


def redact_section(analyzer: Analyzer, client: str, head: str, body: str,
                   areas: tuple[str, ...]) -> str:
    """``head`` (Stamoplysninger and the section heading, ending in a line feed) then
    ``body``, redacted; returns what follows the heading line."""
    plan = analyzer.analyze(units_from_text(head + body + "\n"),
                            AnalysisContext(areas=list(areas), client_name=client))
    heading = head.rstrip("\n").rsplit("\n", 1)[-1] + "\n"
    return "\n".join(u.text for u in apply(plan)).split(heading, 1)[1]
