"""What every gldocs recognizer shares: the per-unit artifacts, the kit, a result helper.

presidio runs each recognizer on one text unit with ``nlp_artifacts`` the engine
precomputed for the whole document (NER over joined units, document structure), so a
recognizer never runs the spaCy pipeline itself.
"""

from __future__ import annotations

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


class UnitArtifacts(NlpArtifacts):
    """NLP artifacts of one text unit, computed once per document by the engine.

    ``ner``: the pipeline's entities in this unit (the pipeline ran over the joined units,
    so it saw the neighbouring lines); ``section``: the unit's part; ``internal``: spans of
    internal notes (document structure spans units, so it is found before)."""

    def __init__(self, section: str, ner: Sequence[NerEntity] = (),
                 internal: Sequence[tuple[int, int]] = ()) -> None:
        super().__init__(entities=[], tokens=None,  # type: ignore[arg-type]
                         tokens_indices=[], lemmas=[], nlp_engine=None, language=LANGUAGE)
        self.section = section
        self.ner = list(ner)
        self.internal = list(internal)


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
    """presidio's ``AnalyzerEngine`` as gldocs runs it, once per text unit: the context
    pass is skipped when it can change nothing (the context enhancer is
    :class:`NoContextEnhancer` and no recognizer has its own ``enhance_using_context``).
    presidio's pass then regroups the results by recognizer, which leaves them as they
    are (each recognizer's results follow one another, in registry order), at a cost of
    a tenth of the engine's own time per unit."""

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


class GldocsRecognizer(EntityRecognizer):
    """A recognizer for Danish with nothing to load; :meth:`result` numbers its results."""

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
