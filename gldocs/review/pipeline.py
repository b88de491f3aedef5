"""From an input file to a reviewed plan, and from an approved plan to the output file.

The one place where the review commands meet the redaction engine (:mod:`gldocs.redact`)
and the document readers/writers (:mod:`gldocs.document.io`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from gldocs.document.base import SourceDocument
from gldocs.document.units import Edit
from gldocs.redact import Plan
from gldocs.review.decisions import DecisionResult, Decisions, load_decisions

NO_NER_BANNER = "IKKE TIL VIDEREGIVELSE"


@dataclass
class Request:
    """What the caseworker asked for on the command line."""

    input: Path
    policy: str = "kommune"
    areas: str | None = None  # "bolig,misbrug", "none", or None for the case file's own
    client_name: str | None = None
    client_cpr: str | None = None
    no_ner: bool = False


@dataclass
class Prepared:
    doc: SourceDocument
    plan: Plan  # as analysed, before any decision
    decisions: Decisions | None
    result: DecisionResult  # decisions applied (an empty set when there is no file)


def analyze_input(req: Request) -> tuple[SourceDocument, Plan]:
    """Read the input and analyse it exactly as ``gldocs redact`` does."""
    from gldocs.document.io import read_document

    doc = read_document(Path(req.input))
    return doc, analyze_document(doc, req)


def analyze_document(doc: SourceDocument, req: Request) -> Plan:
    """Analyse a document already read (or made, like a redacted case) exactly as ``gldocs
    redact`` does: the same redactor, policy, areas and client as ``req``."""
    from gldocs.redact import redactor_for

    redactor = redactor_for(req.policy, ner=not req.no_ner)
    return redactor.analyze(doc, redactor.areas(doc, req.areas),
                            redactor.client(doc, req.client_name, req.client_cpr))


def prepare(req: Request, decisions_path: Path | None) -> Prepared:
    """Analyse the input and apply the decisions file, if there is one.

    A ``decisions_path`` that does not exist yet is fine (the review page will create it);
    a file that exists but is broken is an :class:`~gldocs.errors.InputError`.
    """
    decisions = None
    if decisions_path is not None and Path(decisions_path).exists():
        decisions = load_decisions(decisions_path)
    from gldocs.redact import redactor_for

    doc, plan = analyze_input(req)
    applied = redactor_for(req.policy, ner=not req.no_ner).apply(plan, decisions or Decisions())
    assert applied.decisions is not None
    return Prepared(doc, plan, decisions, applied.decisions)


def plan_output_edits(plan: Plan) -> Mapping[str, Sequence[Edit]]:
    """Per-unit edits for the decided plan, exactly as ``gldocs redact`` makes them."""
    from gldocs.redact import plan_edits

    return plan_edits(plan)


def write_output(doc: SourceDocument, plan: Plan, out: Path, kommune: str | None = None) -> None:
    """Write the redacted document (atomically; the format follows ``out``'s suffix).

    ``kommune`` names the recipient of a copy from a DOCX, PDF or TXT (``--kommune``); a
    case names its own handlekommune.
    """
    from gldocs.document.io import write_document
    from gldocs.redact import copy_kommune, redacted_header, redactors

    banner = None
    if plan.no_ner:
        custom = [r.bundle.policy.no_ner_banner for r in redactors()
                  if r.policy_name == plan.policy_name]
        banner = (custom[0] if custom else "") or NO_NER_BANNER
    policy = next((r.bundle.policy for r in redactors() if r.policy_name == plan.policy_name),
                  None)
    if policy is None:
        from gldocs.errors import GldocsError
        from gldocs.redact import load_policy

        try:
            policy = load_policy(plan.policy_name)
        except GldocsError:  # a policy file given by path: the header names no recipient
            policy = None
    write_document(doc, plan_output_edits(plan), Path(out), banner=banner,
                   header=redacted_header(policy, copy_kommune(doc, kommune)))


def default_output(input: Path, policy: str = "kommune") -> Path:
    """``handleplan.docx`` -> ``handleplan_til-kommunen.docx`` beside the input."""
    from gldocs.redact import load_policy, redacted_name

    input = Path(input)
    suffix = input.suffix if input.suffix.lower() != ".yml" else ".yaml"
    return input.with_name(redacted_name(input.name, load_policy(policy), suffix))


def default_decisions(input: Path) -> Path:
    """``handleplan.docx`` -> ``handleplan.afgoerelser.yaml`` beside the input."""
    input = Path(input)
    return input.with_name(f"{input.stem}.afgoerelser.yaml")
