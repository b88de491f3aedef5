"""The analyse-and-redact harness the redaction tests share: one analyzer per policy (with or
without the NER pipeline) for the whole test session, and a :class:`Case` that puts a test's
invented text under a Stamoplysninger head and a section heading, analyses it for the
client and returns the plan or the redacted text.

A test module binds its case once and keeps its short helper names::

    CASE = Case(CLIENT, HEAD, areas=("bolig",), cpr=CPR)
    _plan, _redact = CASE.plan, CASE.redact

The fixtures ``analyzer`` (kommune, no NER) and ``ner_analyzer`` (kommune with NER) in
``conftest.py`` hand out the same shared analyzers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gldocs.document.base import SourceDocument
from gldocs.document.txt import units_from_text
from gldocs.redact.apply import apply
from gldocs.redact.bundle import load_bundle
from gldocs.redact.engine import AnalysisContext, Analyzer
from gldocs.redact.known_people import KnownPeople
from gldocs.redact.model import Plan
from gldocs.redact.nlp import load_nlp


@cache
def analyzer_for(policy: str = "kommune", ner: bool = True) -> Analyzer:
    """One analyzer of ``policy`` (a bundled policy's name), shared by every test of the
    session; ``ner=False`` leaves the NER recognizer out (no spaCy pipeline)."""
    bundle = load_bundle(policy)
    return Analyzer(bundle, load_nlp()) if ner else Analyzer(bundle)


def kommune_analyzer() -> Analyzer:
    """The bundled kommune policy's analyzer with the NER pipeline."""
    return analyzer_for("kommune", ner=True)


def stamdata(client: str, cpr: str | None = None, extra: str = "") -> str:
    """A Stamoplysninger part naming ``client`` (and ``cpr``), then ``extra`` lines (each
    ending in a line feed) and the blank line that ends the part."""
    cpr_line = f"CPR-nr.: {cpr}\n" if cpr else ""
    return f"1. Stamoplysninger\nNavn: {client}\n{cpr_line}{extra}\n"


def analyse(text: str, client: str | None, areas: tuple[str, ...] | list[str], *,
            cpr: str | None = None, known: KnownPeople | None = None,
            analyzer: Analyzer | None = None) -> Plan:
    """The plan for ``text`` (one case text) of ``client`` (and ``cpr``) with ``areas``,
    by ``analyzer`` (default: the kommune analyzer with NER)."""
    return (analyzer or kommune_analyzer()).analyze(
        units_from_text(text),
        AnalysisContext(areas=list(areas), client_name=client, client_cpr=cpr, known=known))


def redacted(plan: Plan) -> str:
    """The whole redacted text of ``plan``, its lines joined by line feeds."""
    return "\n".join(u.text for u in apply(plan))


def redacted_after(plan: Plan, heading: str) -> str:
    """The redacted text of ``plan`` after the line ``heading``."""
    return redacted(plan).split(heading + "\n", 1)[1]


@dataclass(frozen=True)
class Case:
    """An invented case text: ``head`` (Stamoplysninger, ending in the line of the section
    heading the body goes under) then a test's body then ``end``, analysed for ``client``
    (with ``cpr`` as the client's CPR in the analysis, if given) with ``areas``.

    ``ner``/``policy`` choose the shared analyzer; ``cpr`` is only the analysis context:
    the CPR line of the text is part of ``head``."""

    client: str
    head: str
    areas: tuple[str, ...] = ("bolig",)
    cpr: str | None = None
    ner: bool = True
    policy: str = "kommune"
    end: str = "\n"

    @property
    def analyzer(self) -> Analyzer:
        return analyzer_for(self.policy, self.ner)

    @property
    def heading(self) -> str:
        """The last line of ``head``: the body's section heading."""
        return self.head.rstrip("\n").rsplit("\n", 1)[-1]

    def plan(self, body: str, areas: tuple[str, ...] | list[str] | None = None) -> Plan:
        """The plan for ``head + body + end`` (``areas`` overrides the case's)."""
        return analyse(self.head + body + self.end, self.client,
                       self.areas if areas is None else areas, cpr=self.cpr,
                       analyzer=self.analyzer)

    def text(self, body: str, areas: tuple[str, ...] | list[str] | None = None) -> str:
        """The whole redacted text."""
        return redacted(self.plan(body, areas))

    def redact(self, body: str, areas: tuple[str, ...] | list[str] | None = None) -> str:
        """The redacted text after the section heading: what became of ``body``."""
        return redacted_after(self.plan(body, areas), self.heading)


def redact_section(analyzer: Analyzer, client: str, head: str, body: str,
                   areas: tuple[str, ...]) -> str:
    """``head`` (Stamoplysninger and the section heading, ending in a line feed) then
    ``body``, redacted by ``analyzer``; returns what follows the heading line."""
    case = Case(client, head)
    return redacted_after(analyse(head + body + "\n", client, areas, analyzer=analyzer),
                          case.heading)


def plan_case(text: str, client: str, cpr: str, areas: tuple[str, ...]) -> Plan:
    """The kommune policy's plan for ``text`` (one case text) of ``client`` with ``cpr``."""
    return analyse(text, client, areas, cpr=cpr)


def facade_plan(text: str, areas: tuple[str, ...] | list[str], client: str | None = None,
                cpr: str | None = None, ner: bool = True) -> Plan:
    """The plan of the public facade (``gldocs.redact.redactor_for``, as ``gldocs redact``)
    for ``text`` read as a plain-text document, with ``client``/``cpr`` as given on the
    command line (None: the client the document names)."""
    from gldocs.redact.facade import redactor_for

    redactor = redactor_for("kommune", ner=ner)
    doc = SourceDocument(Path("plan.txt"), "txt", units_from_text(text))
    return redactor.analyze(doc, list(areas), redactor.client(doc, client, cpr))


def gone(out: str, secret: str) -> bool:
    """The secret is not in ``out`` outside the markers, and a marker says why."""
    text = re.sub(r"\[[^\]]*\]", " ", out)
    return secret.lower() not in text.lower() and "[udeladt" in out
