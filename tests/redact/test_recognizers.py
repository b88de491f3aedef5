"""Every recognizer on its own, and the registry a policy builds (small fixture policy)."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import analyzer_for

from gldocs.redact.bundle import load_bundle
from gldocs.redact.detections import collect
from gldocs.redact.detectors.ner import NerEntity
from gldocs.redact.engine import Analyzer

MINI = str(Path(__file__).parent / "fixtures" / "mini" / "mini.yaml")


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(load_bundle(MINI))  # no NER pipeline: the ner recognizer is left out


def _by_name(analyzer: Analyzer, name: str):
    return next(r for r in analyzer.recognizers if r.name == name)


def _found(rec, text: str, artifacts=None) -> list[tuple[str, str]]:
    return [(r.entity_type, text[r.start:r.end]) for r in rec.analyze(text, [], artifacts)]


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("CprRecognizer", "CPR-nr. 150488-1234 her", ("CPR", "150488-1234")),
    ("PhoneRecognizer", "ring på tlf. 20 30 40 50.", ("PHONE", "20 30 40 50")),
    ("EmailRecognizer", "skriv til aske.lund@gmail.com", ("EMAIL", "aske.lund@gmail.com")),
    ("AddressRecognizer", "bor på Lindevej 12, 7100 Vejle nu",
     ("ADDRESS", "Lindevej 12, 7100 Vejle")),
    ("PlateRecognizer", "bilen med reg.nr. AB 12 345", ("PLATE", "AB 12 345")),
])
def test_pattern_recognizers(analyzer: Analyzer, name: str, text: str,
                             expected: tuple[str, str]) -> None:
    rec = _by_name(analyzer, name)
    assert rec.supported_language == "da"
    assert _found(rec, text) == [expected]
    (result,) = rec.analyze(text, [], None)
    assert result.recognition_metadata["normalized"]
    assert rec.analyze(text, ["SOMETHING_ELSE"], None) == []


def test_name_rules_find_a_given_name_with_surname(analyzer: Analyzer) -> None:
    rec = _by_name(analyzer, "NameRuleRecognizer")
    text = "Han bor hos Mette Lund i Vejle."
    assert _found(rec, text) == [("NAME_CANDIDATE", "Mette Lund")]
    assert rec.analyze(text, [], None)[0].recognition_metadata["reason"] == "kendt fornavn"


def test_categories_protect_and_deny(analyzer: Analyzer) -> None:
    text = "Han har epilepsi og blev dømt for røveri på Hemmeligvej."
    assert _found(_by_name(analyzer, "CategoryRecognizer"), text) == [
        ("CATEGORY:helbred", "epilepsi")]
    assert _found(_by_name(analyzer, "ProtectRecognizer"), text) == [("PROTECTED:dom", "røveri")]
    assert _found(_by_name(analyzer, "DenyRecognizer"), text) == [("DENY", "Hemmeligvej")]


def test_ner_and_internal_notes_read_the_unit_artifacts() -> None:
    from gldocs.redact.recognizers.base import UnitArtifacts
    from gldocs.redact.recognizers.ner import NerRecognizer
    from gldocs.redact.recognizers.structure import InternalNoteRecognizer

    text = "Jonas kom. [Intern note: ikke til kommunen]"
    art = UnitArtifacts("beskrivelse", ner=[NerEntity(0, 5, "Jonas", "PER")],
                        internal=[(11, len(text))])
    assert _found(NerRecognizer(), text, art) == [("PERSON", "Jonas")]
    assert _found(InternalNoteRecognizer(), text, art) == [("INTERNAL_NOTE", text[11:])]


def test_registry_follows_the_policy(analyzer: Analyzer) -> None:
    from gldocs.redact.recognizers.base import NoContextEnhancer

    names = [r.name for r in analyzer.engine.registry.recognizers]
    after = [r.name for r in analyzer.known_engine.registry.recognizers]
    assert "DanishNerRecognizer" not in names  # --no-ner: the ner recognizer is left out
    assert len(names) + len(after) == len(analyzer.policy.recognizers) - 1
    # the names of the people the case knows: a second pass, after discovery
    assert after == ["CaseNameRecognizer"] and "CaseNameRecognizer" not in names
    assert isinstance(analyzer.known_engine.context_aware_enhancer, NoContextEnhancer)
    assert isinstance(analyzer.engine.context_aware_enhancer, NoContextEnhancer)


def test_engine_keeps_every_lexicon_hit(analyzer: Analyzer) -> None:
    """presidio drops a result inside another of its type with no higher score; a lexicon
    hit inside a longer one is kept (it explains a removal)."""
    from gldocs.redact.recognizers.lexicon import specificity

    assert specificity(0, 5) > specificity(0, 12)
    text = "Diagnosen epilepsi."
    results = analyzer.engine.analyze(text, "da")
    det = collect(text, results)
    assert [m.text for m in det.categories["helbred"]] == ["Diagnosen", "epilepsi"]


@pytest.mark.parametrize(("text", "strict", "expected"), [
    ("han kom for sent i dag", False, False),  # no capital: nothing NER could give
    ("Han kom for sent. Det var koldt.", False, False),  # capitals only at sentence starts
    ("Han kom for sent med Mette.", False, True),  # a capital inside the sentence
    ("Mette kom for sent.", False, True),  # a given name at the start
    ("Han kom for sent.", True, True),  # strict parts: NER reads everything
])
def test_ner_reads_only_what_could_hold_a_name(analyzer: Analyzer, text: str, strict: bool,
                                              expected: bool) -> None:
    assert analyzer._may_name(text, strict) is expected


def test_unit_engine_gives_what_presidios_engine_gives(analyzer: Analyzer) -> None:
    """The engine skips presidio's context pass only where it changes nothing: the same
    results in the same order as a plain AnalyzerEngine with the same recognizers."""
    from presidio_analyzer import AnalyzerEngine

    from gldocs.redact.nlp import build_analyzer
    from gldocs.redact.recognizers.base import NoContextEnhancer, UnitEngine

    engine = analyzer.engine
    assert isinstance(engine, UnitEngine)
    plain = build_analyzer(analyzer.recognizers, nlp_engine=engine.nlp_engine, with_ner=False,
                           context_aware_enhancer=NoContextEnhancer())
    assert type(plain) is AnalyzerEngine
    text = ("Aske Lund (CPR 150488-1234) bor på Lindevej 12, 7100 Vejle, tlf. 20 30 40 50, "
            "aske.lund@gmail.com, og har misbrug af hash.")

    def key(results: list) -> list[tuple]:
        return [(r.entity_type, r.start, r.end, r.score, r.recognition_metadata.get("seq"))
                for r in results]

    ours = key(engine.analyze(text, "da"))
    assert len(ours) >= 4
    assert ours == key(plain.analyze(text, "da"))


def test_unit_engines_own_path_gives_what_presidios_gives(analyzer: Analyzer) -> None:
    """With precomputed artifacts (how the analyzer calls it) the engine takes its own path
    (the registry's plan worked out once): the same results, scores, metadata and order as
    presidio's own ``analyze``, duplicates and contained results removed as presidio does,
    and a recognizer's score threshold applied; a changed registry is seen."""
    from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer

    from gldocs.redact.recognizers.base import UnitArtifacts, UnitEngine

    engine = analyzer.engine
    assert isinstance(engine, UnitEngine)
    texts = ["Aske Lund (CPR 150488-1234) bor på Lindevej 12, 7100 Vejle, tlf. 20 30 40 50, "
             "aske.lund@gmail.com, og har misbrug af hash.",
             "Diagnosen epilepsi. Misbrug af hash og kokain; misbrug af hash igen.",
             "", "Mette Holm", "ring 20 30 40 50 eller 20304050"]

    def key(results: list) -> list[tuple]:
        return [(r.entity_type, r.start, r.end, r.score,
                 sorted((k, str(v)) for k, v in r.recognition_metadata.items()),
                 r.analysis_explanation) for r in results]

    def both(text: str) -> tuple[list[tuple], list[tuple]]:
        art = UnitArtifacts("beskrivelse", [NerEntity(0, 4, "Aske", "PER")], [])
        return (key(engine.analyze(text, "da", nlp_artifacts=art)),
                key(AnalyzerEngine.analyze(engine, text, "da", nlp_artifacts=art)))

    for text in texts:
        ours, theirs = both(text)
        assert ours == theirs, text
    assert engine._plan is not None
    # a recognizer added to the registry: of its results, one is under its threshold and
    # one inside another of its own with a lower score (both go)
    extra = PatternRecognizer(supported_entity="EXTRA_ID", name="ExtraId", patterns=[
        Pattern("eight", r"\b\d{8}\b", 0.3), Pattern("grouped", r"20 30 40 50", 0.9),
        Pattern("inner", r"30 40", 0.6)], supported_language="da")
    extra.score_thresholds = {"default": 0.5}
    engine.registry.recognizers.append(extra)
    try:
        ours, theirs = both(texts[-1])
        assert ours == theirs
        assert [k[:4] for k in ours if k[0] == "EXTRA_ID"] == [("EXTRA_ID", 5, 16, 0.9)]
    finally:
        engine.registry.recognizers.remove(extra)


def test_analyze_units_gives_what_analyze_gives_unit_by_unit(analyzer: Analyzer) -> None:
    """Each recognizer over all of a document's units before the next (the order the
    analyzer runs them in): per unit the same results, scores, metadata and order as
    ``analyze`` on that unit alone, each unit with its own artifacts."""
    from gldocs.redact.recognizers.base import UnitArtifacts

    engine = analyzer.engine
    texts = ["Brumo Vessel (CPR 150488-1234) bor på Lindevej 12, 7100 Vejle, tlf. "
             "20 30 40 50, brumo.vessel@gmail.com, og har misbrug af hash.",
             "Diagnosen epilepsi. Misbrug af hash og kokain; misbrug af hash igen.",
             "Mette Holm", "ring 20 30 40 50 eller 20304050", "Intet at finde her.",
             "Mette Holm"]
    arts = [UnitArtifacts("beskrivelse", [NerEntity(0, 12, "Brumo Vessel", "PER")], []),
            UnitArtifacts("beskrivelse"), UnitArtifacts("stamoplysninger"),
            UnitArtifacts("beskrivelse", [], [(0, 4)]), UnitArtifacts("beskrivelse"),
            UnitArtifacts("beskrivelse", [NerEntity(0, 10, "Mette Holm", "PER")], [])]

    def key(results: list) -> list[tuple]:
        return [(r.entity_type, r.start, r.end, r.score,
                 sorted((k, str(v)) for k, v in r.recognition_metadata.items()),
                 r.analysis_explanation) for r in results]

    batched = engine.analyze_units(texts, arts)
    assert len(batched) == len(texts)
    alone = [engine.analyze(t, "da", nlp_artifacts=a) for t, a in zip(texts, arts, strict=True)]
    assert [key(b) for b in batched] == [key(a) for a in alone]
    assert sum(map(len, batched)) >= 8


@pytest.mark.parametrize(("factory", "text", "expected"), [
    ("birth_date", "Hun er født den 2. maj 1986 i Vejle.", [("BIRTH_DATE", "2. maj 1986")]),
    ("online", "Han skriver på Snapchat: josse97 om aftenen.", [("ONLINE_ID", "josse97")]),
    ("online", "Logget ind fra 192.168.10.24 i går.", [("IP_ADDRESS", "192.168.10.24")]),
    ("online", "Han har ingen profil.", []),
])
def test_birth_date_and_online_recognizers(analyzer: Analyzer, factory: str, text: str,
                                           expected: list[tuple[str, str]]) -> None:
    """The recognizers the fixture policy does not run, built from its bundle's words."""
    from gldocs.redact.recognizers import patterns
    from gldocs.redact.recognizers.base import RecognizerKit

    kit = RecognizerKit(bundle=analyzer.bundle, categories=analyzer.categories,
                        classifier=analyzer.classifier, stop_words=analyzer.stop_words,
                        ner=False)
    rec = getattr(patterns, factory)(kit)
    assert rec.supported_language == "da"
    assert _found(rec, text) == expected
    for result in rec.analyze(text, [], None):
        assert result.recognition_metadata["normalized"]
    assert rec.analyze(text, ["SOMETHING_ELSE"], None) == []


def test_section_recognizer_reports_the_parts_field_rules() -> None:
    """The kommune policy keeps the offence fields of Stamoplysninger (keep_keys, K6) and
    removes the act's own field (remove_keys, R4): the recognizer says which, by the key."""
    from gldocs.redact.recognizers.base import UnitArtifacts

    kommune = analyzer_for(ner=False)
    rec = _by_name(kommune, "SectionRecognizer")
    stam = UnitArtifacts("stamoplysninger")
    text = "Dom: 1 år og 6 måneder for røveri"
    assert [(r.entity_type, text[r.start:r.end], r.recognition_metadata["key"])
            for r in rec.analyze(text, [], stam)] == [
        ("SECTION_KEEP", " 1 år og 6 måneder for røveri", "dom")]
    text = "Gerningsbeskrivelse (fra dommen): slog forurettede ned"
    assert [(r.entity_type, text[r.start:r.end]) for r in rec.analyze(text, [], stam)] == [
        ("SECTION_REMOVE", "slog forurettede ned")]
    # the same lines in a part without field rules: nothing
    assert rec.analyze(text, [], UnitArtifacts("beskrivelse")) == []
    assert rec.analyze("Adresse: Lindevej 12", [], stam) == []


def test_a_part_never_sent_goes_sentence_by_sentence(tmp_path: Path) -> None:
    """``remove_all``: every sentence of the part is removed under the part's rule, found by
    the section recognizer; a policy with section rules that does not run it is refused."""
    from policy_copy import copy_policy, edit_yaml

    from gldocs.document.txt import units_from_text
    from gldocs.errors import PolicyError
    from gldocs.redact.bundle import bundle_for
    from gldocs.redact.engine import AnalysisContext
    from gldocs.redact.policy import load_policy_file

    path = copy_policy(tmp_path)
    edit_yaml(path, lambda d: d["sections"]["vurdering"].update(remove_all="R5"))
    analyzer = Analyzer(bundle_for(load_policy_file(path)))
    text = ("1. Stamoplysninger\nNavn: Kasper Lund\nCPR-nr.: 150488-1234\n\n"
            "4. Vurdering og indsatsområder\nHan skal have bolig. Han vil gerne arbejde.\n")
    plan = analyzer.analyze(units_from_text(text), AnalysisContext(areas=["bolig"],
                                                                  client_name="Kasper Lund"))
    whole = [(f.text, f.rule, f.action) for f in plan.findings if f.entity == "SECTION"]
    assert whole == [("4. Vurdering og indsatsområder", "R5", "remove"),
                     ("Han skal have bolig.", "R5", "remove"),
                     ("Han vil gerne arbejde.", "R5", "remove")]
    edit_yaml(path, lambda d: d["recognizers"].remove("sections"))
    with pytest.raises(PolicyError, match="'sections'"):
        load_policy_file(path)


def test_case_name_recognizer_reports_the_mentions_of_known_people() -> None:
    """After discovery, the case-names recognizer finds every written form of a known
    person's name (the case data's people among them), each result with its person, the
    same mentions the discovery stage's own search gives."""
    from gldocs.document.txt import units_from_text
    from gldocs.redact.engine import AnalysisContext
    from gldocs.redact.known_people import KnownPeople, KnownPerson
    from gldocs.redact.recognizers.base import KnownForms, UnitArtifacts
    from gldocs.redact.recognizers.names import KNOWN_PERSON

    kommune = analyzer_for(ner=False)
    units = units_from_text("1. Stamoplysninger\nNavn: Kasper Lund\n\n2. Beskrivelse\n"
                            "Kasper ringede til Birthe Kjær. Birthe er hans mor.\n")
    known = KnownPeople(people=(KnownPerson("Birthe Kjær", "private", role="paaroerende"),))
    ents = kommune.finder.discover(units, "Kasper Lund", None, None, set(), known,
                                   names=[[] for _ in units], patterns=[[] for _ in units])
    forms = kommune.finder.mention_forms(ents)
    unit = units[-1]
    rec = _by_name_of(kommune.recognizers, "CaseNameRecognizer")
    assert rec.analyze(unit.text, [], UnitArtifacts(unit.section)) == []  # before discovery
    results = rec.analyze(unit.text, [], UnitArtifacts(unit.section,
                                                       known=KnownForms(ents, forms)))
    assert [(r.entity_type, unit.text[r.start:r.end], r.recognition_metadata["person"].kind)
            for r in results] == [(KNOWN_PERSON, "Kasper", "client"),
                                  (KNOWN_PERSON, "Birthe Kjær", "private"),
                                  (KNOWN_PERSON, "Birthe", "private")]
    assert [(m.start, m.end, m.person) for m in kommune.mentions(unit, ents, [], forms)] == \
        [(m.start, m.end, m.person) for m in kommune.finder.mentions(unit.text, ents, [], forms)]
    plan = kommune.analyze(units, AnalysisContext(areas=[], client_name="Kasper Lund",
                                                  known=known))
    assert {f.text for f in plan.findings if f.entity == "PERSON" and f.action == "remove"} \
        == {"Birthe Kjær", "Birthe"}


def _by_name_of(recognizers, name: str):
    return next(r for r in recognizers if r.name == name)


def test_a_policy_without_the_case_names_recognizer_is_refused(tmp_path: Path) -> None:
    from policy_copy import copy_policy, edit_yaml

    from gldocs.errors import PolicyError
    from gldocs.redact.policy import load_policy_file

    path = copy_policy(tmp_path)
    edit_yaml(path, lambda d: d["recognizers"].remove("case_names"))
    with pytest.raises(PolicyError, match="'case_names'"):
        load_policy_file(path)


def test_gazetteer_name_recognizer_reads_the_family_first_lists() -> None:
    """A family name written first with a middle name of its tradition or a known given
    name after it is a name candidate (the policy's family-first lists); a family name with
    an ordinary word after it is not ("Park Huset")."""
    from gldocs.redact.recognizers.base import UnitArtifacts

    kommune = analyzer_for(ner=False)
    rec = _by_name_of(kommune.recognizers, "GazetteerNameRecognizer")
    text = "Han bor hos Nguyen Thi Lan og taler med Tran Mai ved Park Huset."
    found = rec.analyze(text, [], UnitArtifacts("beskrivelse"))
    assert [(r.entity_type, text[r.start:r.end]) for r in found] == [
        ("GAZETTEER_NAME", "Nguyen Thi Lan"), ("GAZETTEER_NAME", "Tran Mai")]
    assert found[0].recognition_metadata["reason"].startswith("efternavn først")
    det = collect(text, kommune.engine.analyze(text, "da", nlp_artifacts=UnitArtifacts(
        "beskrivelse")))
    assert [c.text for c in det.gazetteer_names] == ["Nguyen Thi Lan", "Tran Mai"]
