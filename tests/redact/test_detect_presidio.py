"""The pattern detectors wrapped as presidio recognisers, and the combined finder."""

from __future__ import annotations

import itertools

from gldocs.redact.detectors import find_patterns
from gldocs.redact.detectors.online import ONLINE_ENTITIES
from gldocs.redact.recognizers.patterns import PATTERN_ENTITIES, pattern_recognizers

TEXT = ("Selin Aksoy, CPR 010198-2724, tlf. +4526915843, selin.aksoy97@gmail.com, bor på "
        "Kochsgade 31, 3. tv., 5000 Odense C og kører i en bil med reg.nr. CV 47 219. "
        "Hun er født 01.01.1998.")

EXPECTED = {
    "CPR": "010198-2724",
    "PHONE": "+4526915843",
    "EMAIL": "selin.aksoy97@gmail.com",
    "ADDRESS": "Kochsgade 31, 3. tv., 5000 Odense C",
    "PLATE": "CV 47 219",
    "BIRTH_DATE": "01.01.1998",
}


def test_each_recognizer_finds_its_entity_in_danish() -> None:
    recognizers = pattern_recognizers()
    # one recognizer per entity; online identifiers have their own (test_detect_online.py)
    assert {r.supported_entities[0] for r in recognizers} == PATTERN_ENTITIES - ONLINE_ENTITIES
    for rec in recognizers:
        assert rec.supported_language == "da"
        entity = rec.supported_entities[0]
        results = rec.analyze(TEXT, [entity], None)
        assert [TEXT[r.start:r.end] for r in results] == [EXPECTED[entity]]
        assert results[0].entity_type == entity
        assert 0 < results[0].score <= 1
        assert rec.analyze(TEXT, ["SOMETHING_ELSE"], None) == []


def test_works_inside_a_presidio_registry_without_downloads() -> None:
    from presidio_analyzer import RecognizerRegistry

    registry = RecognizerRegistry(supported_languages=["da"])
    for rec in pattern_recognizers():
        registry.add_recognizer(rec)
    found = registry.get_recognizers(language="da", all_fields=True)
    assert len(found) == len(PATTERN_ENTITIES - ONLINE_ENTITIES)


def test_find_patterns_combines_without_overlap() -> None:
    matches = find_patterns(TEXT)
    assert [(m.entity, m.text) for m in matches] == [
        ("CPR", "010198-2724"),
        ("PHONE", "+4526915843"),
        ("EMAIL", "selin.aksoy97@gmail.com"),
        ("ADDRESS", "Kochsgade 31, 3. tv., 5000 Odense C"),
        ("PLATE", "CV 47 219"),
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(matches))


def test_through_a_danish_analyzer_engine() -> None:
    """End to end in presidio's AnalyzerEngine (blank Danish pipeline: no model, no download)."""
    import spacy

    from gldocs.redact.nlp import build_analyzer, build_nlp_engine

    engine = build_nlp_engine(spacy.blank("da"))
    analyzer = build_analyzer(pattern_recognizers(), nlp_engine=engine, with_ner=False)
    results = analyzer.analyze(TEXT, language="da")
    assert sorted((r.entity_type, TEXT[r.start:r.end]) for r in results) == sorted(
        EXPECTED.items())
