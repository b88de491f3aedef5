"""The one way into redaction for ``redact``, ``review``, ``diff``, ``scan`` and ``export``.

    redactor = redactor_for("kommune")                  # once per process and policy
    doc, plan = redactor.analyze_path(path, areas="bolig,misbrug")
    # or, step by step:
    areas = redactor.areas(doc, "bolig")                # None: the case file's own areas
    plan = redactor.analyze(doc, areas, redactor.client(doc))
    applied = redactor.apply(plan, decisions)           # .plan .edits .undecided

Errors: :class:`~gldocs.errors.PolicyError` for a bad policy or a missing resource,
:class:`~gldocs.errors.ModelError` when the NER model cannot load (fail closed),
:class:`~gldocs.errors.InputError` for missing areas or client name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from gldocs.errors import InputError
from gldocs.redact.bundle import PolicyBundle, load_bundle
from gldocs.redact.genitive import has_genitive_s
from gldocs.redact.model import Finding, Plan

if TYPE_CHECKING:
    from gldocs.document.base import SourceDocument
    from gldocs.document.units import Edit, TextUnit
    from gldocs.redact.known_people import KnownPeople
    from gldocs.review.decisions import DecisionResult, Decisions


@dataclass(frozen=True)
class Client:
    """Who the document is about: kept (K1) wherever named."""

    name: str
    cpr: str | None = None
    known: KnownPeople | None = None  # the people of the case data (case files only)


@dataclass(frozen=True)
class Applied:
    """A plan with the caseworker's decisions applied, and the edits that carry it out."""

    plan: Plan
    edits: Mapping[str, Sequence[Edit]]
    undecided: list[Finding]  # removals still waiting for the caseworker
    decisions: DecisionResult | None = None  # None when no decisions were given


class Redactor:
    """A policy bundle with its analyzer (and NER pipeline), built once."""

    def __init__(self, bundle: PolicyBundle, *, ner: bool = True) -> None:
        from gldocs.redact.engine import Analyzer

        nlp = None
        if ner:
            from gldocs.redact.nlp import load_nlp

            nlp = load_nlp()  # ModelError when the model cannot load: fail closed
        self.bundle = bundle
        self._analyzer = Analyzer(bundle, nlp)
        from gldocs.redact.language import sentence_language
        from gldocs.redact.reading import name_breaks

        given = bundle.given_names
        analyzer = self._analyzer
        foreign = bundle.foreign
        # (a surname is no given name, no genitive of one, no word the policy knows is no
        # name, and no ordinary word of Danish or of the other languages it reads)
        self._name_break = name_breaks(
            lambda w: w in given,
            lambda w: w in given or (has_genitive_s(w) and w[:-1] in given) or analyzer.not_name(w)
            or analyzer.ordinary(w) or foreign.is_common_anywhere(w.lower()),
            lambda line: sentence_language(line, foreign.function_words) == "da")

    @property
    def policy_name(self) -> str:
        return self.bundle.policy.name

    @property
    def ner(self) -> bool:
        return self._analyzer.nlp is not None

    def areas(self, document: SourceDocument, option: str | None) -> list[str]:
        """The koordineringsområder: ``option`` (``bolig,misbrug`` or ``none``), else the
        case file's own; InputError when neither is given."""
        from gldocs.redact.policy import parse_areas

        policy = self.bundle.policy
        if option is not None:
            return parse_areas(option, policy)
        if "areas" in document.meta:
            return parse_areas(",".join(document.meta["areas"]) or "none", policy)
        raise InputError(f"{document.path.name}: angiv koordineringsområderne med --areas "
                         "(fx --areas bolig,misbrug eller --areas none).")

    def client(self, document: SourceDocument, name: str | None = None,
               cpr: str | None = None) -> Client:
        """The client: ``name``/``cpr`` if given, else from the document's Stamoplysninger."""
        from gldocs.redact.known_people import known_people

        client_name = name or document.client_name
        if not client_name:
            raise InputError(f"{document.path.name}: klientens navn blev ikke fundet i "
                             "Stamoplysninger (Navn:). Angiv det med --client-name.")
        return Client(client_name, cpr or document.client_cpr,
                      known_people(document.meta.get("people")))

    def analyze(self, document: SourceDocument, areas: Sequence[str], client: Client) -> Plan:
        """The plan: every finding in ``document`` under the policy, before decisions.

        The detectors see the text a human sees (:mod:`gldocs.text.normalize`: look-alikes
        folded, invisible characters gone, words broken at a line end joined); the plan's
        offsets are on the original texts, so edits land on the original characters."""
        from gldocs.redact.engine import AnalysisContext
        from gldocs.redact.reading import OcrSpans, flag_ocr, fold
        from gldocs.text.normalize import normalise_text, normalise_units

        # (quoted mail lines read like unquoted ones, OCR look-alikes read as meant, a name
        # broken over two lines joined: gldocs.redact.reading)
        view = normalise_units(document.units, fold, self._name_break)
        view.units = mask_markers(view.units, self.bundle.policy.markers())
        ocr = OcrSpans.of([u.path for u in view.originals], [m.text for m in view.maps])
        ctx = AnalysisContext(areas=list(areas), client_name=normalise_text(client.name),
                              client_cpr=client.cpr and normalise_text(client.cpr),
                              source=document.path.name, known=client.known)
        plan = self._analyzer.analyze(view.units, ctx)
        flag_ocr(plan.findings, ocr)
        return view.restore(plan)

    def analyze_path(self, path: Path, *, areas: str | None = None,
                     client_name: str | None = None, client_cpr: str | None = None
                     ) -> tuple[SourceDocument, Plan]:
        """Read ``path``, find its areas and client, and analyse it."""
        from gldocs.document.io import read_document

        doc = read_document(Path(path))
        return doc, self.analyze(doc, self.areas(doc, areas),
                                 self.client(doc, client_name, client_cpr))

    def apply(self, plan: Plan, decisions: Decisions | None = None) -> Applied:
        """The edits that carry out ``plan`` after the caseworker's ``decisions``."""
        from gldocs.redact.apply import plan_edits

        if decisions is None:
            return Applied(plan, plan_edits(plan), plan.needs_review())
        from gldocs.review.decisions import apply_decisions

        result = apply_decisions(plan, decisions)
        return Applied(result.plan, plan_edits(result.plan), list(result.undecided), result)

    def banner(self, plan: Plan) -> str | None:
        """The banner an output of a --no-ner run carries (None for a real run)."""
        return self.bundle.policy.no_ner_banner if plan.no_ner else None

    def warm(self) -> None:
        """Build lazily loaded tables now (before forking workers that share them, or
        before analysing several documents) and freeze them out of the garbage collector's
        generations (:meth:`Analyzer.warm <gldocs.redact.engine.Analyzer.warm>`)."""
        self._analyzer.warm()

    def clear_caches(self) -> None:
        """Forget per-text caches (benchmarks; results never depend on them)."""
        self._analyzer.clear_caches()


def mask_markers(units: Sequence[TextUnit], markers: frozenset[str]) -> list[TextUnit]:
    """The units with every marker the policy writes blanked inside its brackets (same
    length, so offsets stand): a redacted text read again ("… uddannelse. [udeladt:
    seksualitet (rhl. § 10)]") must not be found to speak of what the marker names. Only
    the policy's exact markers are blanked, never other bracketed text."""
    from dataclasses import replace

    if not markers:
        return list(units)
    pattern = _markers_pattern(markers)

    def blank(m: re.Match[str]) -> str:
        return "[" + "_" * (len(m.group(0)) - 2) + "]"

    return [replace(u, text=pattern.sub(blank, u.text)) if "[" in u.text else u for u in units]


@lru_cache(maxsize=16)
def _markers_pattern(markers: frozenset[str]) -> re.Pattern[str]:
    """The policy's markers as one pattern, longest first (built once per policy)."""
    return re.compile("|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True)))


_REDACTORS: dict[tuple[str, bool], Redactor] = {}


def redactor_for(policy: str, *, ner: bool = True) -> Redactor:
    """The process's one redactor for ``policy`` (a name or a path) and NER setting."""
    key = (policy, ner)
    if key not in _REDACTORS:
        _REDACTORS[key] = Redactor(load_bundle(policy), ner=ner)
    return _REDACTORS[key]


def redactors() -> list[Redactor]:
    """The redactors this process has built."""
    return list(_REDACTORS.values())
