"""From an input file to a reviewed plan, and from an approved plan to the output file.

The one place where the review commands meet the redaction engine (:mod:`gldocs.redact`)
and the document readers/writers (:mod:`gldocs.document.io`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gldocs.document.base import SourceDocument
from gldocs.document.units import Edit
from gldocs.errors import InputError
from gldocs.redact.model import Plan
from gldocs.review.decisions import DecisionResult, Decisions, apply_decisions, load_decisions

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


_ANALYZERS: dict[tuple[str, bool], Any] = {}


def analyzer_for(policy: str, no_ner: bool) -> Any:
    """One :class:`gldocs.redact.engine.Analyzer` per policy and process (NER loads once)."""
    key = (policy, no_ner)
    if key not in _ANALYZERS:
        from gldocs.redact.engine import Analyzer
        from gldocs.redact.policy import load_policy

        nlp = None
        if not no_ner:
            from gldocs.redact.nlp import load_nlp

            nlp = load_nlp()  # ModelError when the model cannot load: fail closed
        _ANALYZERS[key] = Analyzer(load_policy(policy), nlp)
    return _ANALYZERS[key]


def analyze_input(req: Request) -> tuple[SourceDocument, Plan]:
    """Read the input and analyse it exactly as ``gldocs redact`` does."""
    from gldocs.document.io import read_document
    from gldocs.redact.engine import AnalysisContext
    from gldocs.redact.known_people import known_people
    from gldocs.redact.policy import parse_areas

    analyzer = analyzer_for(req.policy, req.no_ner)
    doc = read_document(req.input)
    name = Path(req.input).name
    if req.areas is not None:
        areas = parse_areas(req.areas, analyzer.policy)
    elif "areas" in doc.meta:
        areas = parse_areas(",".join(doc.meta["areas"]) or "none", analyzer.policy)
    else:
        raise InputError(f"{name}: angiv koordineringsområderne med --areas "
                         "(fx --areas bolig,misbrug eller --areas none).")
    client_name = req.client_name or doc.client_name
    if not client_name:
        raise InputError(f"{name}: klientens navn blev ikke fundet i Stamoplysninger "
                         "(Navn:). Angiv det med --client-name.")
    ctx = AnalysisContext(areas=areas, client_name=client_name,
                          client_cpr=req.client_cpr or doc.client_cpr, source=name,
                          known=known_people(doc.meta.get("people")))
    return doc, analyzer.analyze(doc.units, ctx)


def prepare(req: Request, decisions_path: Path | None) -> Prepared:
    """Analyse the input and apply the decisions file, if there is one.

    A ``decisions_path`` that does not exist yet is fine (the review page will create it);
    a file that exists but is broken is an :class:`~gldocs.errors.InputError`.
    """
    decisions = None
    if decisions_path is not None and Path(decisions_path).exists():
        decisions = load_decisions(decisions_path)
    doc, plan = analyze_input(req)
    result = apply_decisions(plan, decisions or Decisions())
    return Prepared(doc, plan, decisions, result)


def plan_output_edits(plan: Plan) -> Mapping[str, Sequence[Edit]]:
    """Per-unit edits for the decided plan, exactly as ``gldocs redact`` makes them."""
    from gldocs.redact.apply import plan_edits

    return plan_edits(plan)


def write_output(doc: SourceDocument, plan: Plan, out: Path) -> None:
    """Write the redacted document (atomically; the format follows ``out``'s suffix)."""
    from gldocs.document.io import write_document

    banner = None
    if plan.no_ner:
        custom = [a.policy.no_ner_banner for a in _ANALYZERS.values()
                  if a.policy.name == plan.policy_name]
        banner = (custom[0] if custom else "") or NO_NER_BANNER
    from gldocs.redact.marks import case_kommune, redacted_header

    policy = next((a.policy for a in _ANALYZERS.values() if a.policy.name == plan.policy_name),
                  None)
    if policy is None:
        from gldocs.errors import GldocsError
        from gldocs.redact.policy import load_policy

        try:
            policy = load_policy(plan.policy_name)
        except GldocsError:  # a policy file given by path: the header names no recipient
            policy = None
    write_document(doc, plan_output_edits(plan), Path(out), banner=banner,
                   header=redacted_header(policy, case_kommune(doc)))


def default_output(input: Path, policy: str = "kommune") -> Path:
    """``handleplan.docx`` -> ``handleplan_til-kommunen.docx`` beside the input."""
    from gldocs.redact.marks import redacted_name
    from gldocs.redact.policy import load_policy

    input = Path(input)
    suffix = input.suffix if input.suffix.lower() != ".yml" else ".yaml"
    return input.with_name(redacted_name(input.name, load_policy(policy), suffix))


def default_decisions(input: Path) -> Path:
    """``handleplan.docx`` -> ``handleplan.afgoerelser.yaml`` beside the input."""
    input = Path(input)
    return input.with_name(f"{input.stem}.afgoerelser.yaml")
