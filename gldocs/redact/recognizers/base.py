"""What every gldocs recognizer shares: the per-unit artifacts, the kit, a result helper.

presidio runs each recognizer on one text unit with ``nlp_artifacts`` the engine
precomputed for the whole document (NER over joined units, document structure), so a
recognizer never runs the spaCy pipeline itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts

from gldocs.redact.bundle import PolicyBundle
from gldocs.redact.detectors.lexicon import CategoryMatcher
from gldocs.redact.detectors.ner import NerEntity
from gldocs.redact.professionals import ContactClassifier

LANGUAGE = "da"
SEQ = "seq"  # recognition_metadata key: the order a recognizer emitted its results in


@dataclass(frozen=True)
class RecognizerKit:
    """What the factories get: the policy bundle and the matchers built from it once."""

    bundle: PolicyBundle
    categories: CategoryMatcher
    classifier: ContactClassifier
    stop_words: frozenset[str]
    ner: bool  # whether the NER pipeline runs (False: --no-ner diagnosis)
    finder: Any = None  # the discovery stage (gldocs.redact.case_entities.EntityFinder)


class UnitArtifacts(NlpArtifacts):
    """NLP artifacts of one text unit, computed once per document by the engine.

    ``ner``: the pipeline's entities in this unit (the pipeline ran over the joined units,
    so it saw the neighbouring lines); ``section``: the unit's part; ``internal``: spans of
    internal notes (document structure spans units, so it is found before); ``known``:
    what the discovery stage found in the whole document (:class:`KnownForms`; only in the
    pass after discovery)."""

    def __init__(self, section: str, ner: Sequence[NerEntity] = (),
                 internal: Sequence[tuple[int, int]] = (),
                 known: KnownForms | None = None) -> None:
        super().__init__(entities=[], tokens=None,  # type: ignore[arg-type]
                         tokens_indices=[], lemmas=[], nlp_engine=None, language=LANGUAGE)
        self.section = section
        self.ner = list(ner)
        self.internal = list(internal)
        self.known = known


@dataclass(frozen=True)
class KnownForms:
    """What the discovery stage knows of a document, for the recognizers that run after it
    (``after_discovery``): the people (client,
    professionals, private persons from the case data and the text), the forms of their
    names, and a unit's spans no name may take (addresses, e-mails)."""

    entities: Any  # gldocs.redact.case_entities.CaseEntities
    forms: Sequence[tuple[str, Any]]  # EntityFinder.mention_forms(entities)
    blocked: Sequence[tuple[int, int]] = ()


class NoContextEnhancer(ContextAwareEnhancer):
    """presidio's lemma context enhancer replaced: context is the ownership stage's job
    (role words, contact lines, signatures), and the enhancer was most of presidio's time."""

    def __init__(self) -> None:
        super().__init__(context_similarity_factor=0.0, min_score_with_context_similarity=0.0,
                         context_prefix_count=0, context_suffix_count=0)

    def enhance_using_context(self, text: str, raw_results: list[RecognizerResult],
                              nlp_artifacts: Any, recognizers: Any,
                              context: Any = None) -> list[RecognizerResult]:
        return raw_results


class UnitEngine(AnalyzerEngine):
    """presidio's ``AnalyzerEngine`` as gldocs runs it, once per text unit (thousands of
    times per document), with what presidio recomputes on every call done once:

    * :meth:`analyze` with precomputed ``nlp_artifacts`` and none of presidio's per-request
      options runs presidio's own steps (each recognizer, the recognizer id in every
      result, the context pass, the score thresholds, ``remove_duplicates``, no decision
      process) over the registry's recognizers, their entities and their score
      thresholds as worked out at the first call for the registry as it is (again when
      its recognizers change); any other call is presidio's own ``analyze``;
    * the context pass is skipped when it can change nothing (the context enhancer is
      :class:`NoContextEnhancer` and no recognizer has its own ``enhance_using_context``).
      presidio's pass then regroups the results by recognizer, which leaves them as they
      are (each recognizer's results follow one another, in registry order).

    ``tests/redact/test_recognizers.py`` checks the results equal presidio's own."""

    _plan: tuple[tuple[int, ...], str, list[EntityRecognizer], list[str],
                 dict[str, dict[str, float]]] | None = None

    def analyze(self, text: str, language: str, entities: list[str] | None = None,
                correlation_id: str | None = None, score_threshold: float | None = None,
                return_decision_process: bool | None = False,
                ad_hoc_recognizers: list[EntityRecognizer] | None = None,
                context: list[str] | None = None, allow_list: list[str] | None = None,
                allow_list_match: str | None = "exact",
                regex_flags: int | None = re.DOTALL | re.MULTILINE | re.IGNORECASE,
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if (entities or ad_hoc_recognizers or allow_list or return_decision_process
                or context or score_threshold is not None or nlp_artifacts is None
                or self.log_decision_process):
            return super().analyze(
                text, language, entities=entities, correlation_id=correlation_id,
                score_threshold=score_threshold,
                return_decision_process=return_decision_process,
                ad_hoc_recognizers=ad_hoc_recognizers, context=context,
                allow_list=allow_list, allow_list_match=allow_list_match,
                regex_flags=regex_flags, nlp_artifacts=nlp_artifacts)
        recognizers, supported, thresholds = self._recognizers_of(language)
        results: list[RecognizerResult] = []
        for recognizer in recognizers:
            if not recognizer.is_loaded:
                recognizer.load()
                recognizer.is_loaded = True
            found = recognizer.analyze(text=text, entities=supported,
                                       nlp_artifacts=nlp_artifacts)
            if found:
                _add_recognizer_id(found, recognizer)
                results.extend(found)
        return self._finish(text, results, nlp_artifacts, recognizers, thresholds, context)

    def analyze_units(self, texts: Sequence[str], artifacts: Sequence[NlpArtifacts],
                      language: str = LANGUAGE, *,
                      skip: Sequence[EntityRecognizer] = (),
                      only: Sequence[EntityRecognizer] | None = None
                      ) -> list[list[RecognizerResult]]:
        """:meth:`analyze` of each of ``texts`` with its ``artifacts`` (the same results, in
        the same order), each recognizer run over every text before the next one starts:
        one recognizer's patterns, tables and caches stay hot in the processor's caches
        over a document's units, where running every recognizer on one unit after another
        evicts them (about a quarter less time in the recognizers; the recognizers are
        pure functions of a text and its artifacts, so the order they run in changes no
        result).

        ``skip``, ``only``: run only some of the registry's recognizers (all but
        ``skip``; only those of ``only``). The steps after them work per entity type, so
        two calls whose recognizers share no entity type give together what one call
        gives (the engine runs the recognizers of the model's entities last)."""
        if self.log_decision_process:
            assert not skip and only is None, "presidio's own analyze runs them all"
            return [self.analyze(t, language, nlp_artifacts=a)
                    for t, a in zip(texts, artifacts, strict=True)]
        recognizers, supported, thresholds = self._recognizers_of(language)
        raw: list[list[RecognizerResult]] = [[] for _ in texts]
        for recognizer in recognizers:
            if (only is not None and recognizer not in only) or recognizer in skip:
                continue
            if not recognizer.is_loaded:
                recognizer.load()
                recognizer.is_loaded = True
            analyze = recognizer.analyze
            for results, text, art in zip(raw, texts, artifacts, strict=True):
                found = analyze(text=text, entities=supported, nlp_artifacts=art)
                if found:
                    _add_recognizer_id(found, recognizer)
                    results.extend(found)
        return [self._finish(text, results, art, recognizers, thresholds)
                for text, results, art in zip(texts, raw, artifacts, strict=True)]

    def _finish(self, text: str, results: list[RecognizerResult],
                nlp_artifacts: NlpArtifacts, recognizers: list[EntityRecognizer],
                thresholds: dict[str, dict[str, float]],
                context: list[str] | None = None) -> list[RecognizerResult]:
        """presidio's steps after the recognizers (the context pass, the score thresholds,
        ``remove_duplicates``) on one text's results, in registry order."""
        if not results:
            return results  # (each step below leaves an empty list empty)
        if not self._plan_skips_context():
            results = self._enhance_using_context(text, results, nlp_artifacts, recognizers,
                                                  context)
        results = [r for r in results if r.score >= self._threshold(r, thresholds)]
        if len(results) > 1:
            results = EntityRecognizer.remove_duplicates(results)
        elif results and results[0].score == 0:  # (what remove_duplicates does with one)
            results = []
        for r in results:
            r.analysis_explanation = None  # type: ignore[assignment]  # (as presidio does)
        return results

    _skips_context: tuple[tuple[int, ...], bool] | None = None

    def _plan_skips_context(self) -> bool:
        """Whether the context pass can change nothing (:meth:`_enhance_using_context`), as
        worked out for the registry as it is (again when its recognizers change)."""
        key = self._plan[0] if self._plan is not None else ()
        if self._skips_context is None or self._skips_context[0] != key:
            plain = EntityRecognizer.enhance_using_context
            recognizers = self._plan[2] if self._plan is not None else []
            self._skips_context = (key, isinstance(self.context_aware_enhancer,
                                                   NoContextEnhancer) and all(
                type(r).enhance_using_context is plain for r in recognizers))
        return self._skips_context[1]

    def _recognizers_of(self, language: str) -> tuple[list[EntityRecognizer], list[str],
                                                        dict[str, dict[str, float]]]:
        """The registry's recognizers for ``language``, the entities they support and their
        score thresholds by recognizer id (as presidio's ``analyze`` works them out)."""
        key = tuple(map(id, self.registry.recognizers))
        if self._plan is None or self._plan[:2] != (key, language):
            recognizers = self.registry.get_recognizers(language=language, all_fields=True)
            self._plan = (key, language, recognizers, self.get_supported_entities(language),
                          {r.id: r.score_thresholds for r in recognizers})
        return self._plan[2], self._plan[3], self._plan[4]

    def _threshold(self, result: RecognizerResult,
                   thresholds: dict[str, dict[str, float]]) -> float:
        """presidio's score threshold for ``result`` (``__get_result_score_threshold``):
        its recognizer's for its entity, else the recognizer's default, else the engine's."""
        rid = (result.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY)
        own = thresholds.get(rid) if rid is not None else None
        if own is not None:
            for key in (result.entity_type, "default"):
                value = own.get(key)
                if value is not None:
                    return value
        return self.default_score_threshold

    def _enhance_using_context(self, text: str, raw_results: list[RecognizerResult],
                               nlp_artifacts: NlpArtifacts,
                               recognizers: list[EntityRecognizer],
                               context: list[str] | None = None) -> list[RecognizerResult]:
        plain = EntityRecognizer.enhance_using_context
        if isinstance(self.context_aware_enhancer, NoContextEnhancer) and all(
                type(r).enhance_using_context is plain for r in recognizers):
            return raw_results
        return super()._enhance_using_context(text, raw_results, nlp_artifacts, recognizers,
                                              context)


def _add_recognizer_id(results: list[RecognizerResult], recognizer: EntityRecognizer) -> None:
    """presidio's ``__add_recognizer_id_if_not_exists``: every result names its recognizer."""
    for result in results:
        if not result.recognition_metadata:
            result.recognition_metadata = {}
        meta = result.recognition_metadata
        if RecognizerResult.RECOGNIZER_IDENTIFIER_KEY not in meta:
            meta[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY] = recognizer.id
        if RecognizerResult.RECOGNIZER_NAME_KEY not in meta:
            meta[RecognizerResult.RECOGNIZER_NAME_KEY] = recognizer.name  # type: ignore[has-type]


class GldocsRecognizer(EntityRecognizer):
    """A recognizer for Danish with nothing to load; :meth:`result` numbers its results.
    ``after_discovery``: it reads the unit's :class:`KnownForms` (the engine's second
    pass, after the discovery stage)."""

    after_discovery = False
    reads_ner = False  # it reads the model's entities (UnitArtifacts.ner): run after the model

    def __init__(self, entities: list[str], name: str) -> None:
        self._name = name
        super().__init__(supported_entities=entities, name=name, supported_language=LANGUAGE)

    def load(self) -> None:
        return None

    def result(self, entity: str, start: int, end: int, score: float, seq: int,
               **metadata: Any) -> RecognizerResult:
        meta: dict[str, Any] = {RecognizerResult.RECOGNIZER_NAME_KEY: self._name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id, SEQ: seq, **metadata}
        return RecognizerResult(entity_type=entity, start=start, end=end, score=score,
                                recognition_metadata=meta)
