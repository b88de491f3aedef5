"""NER reads only the spans where an entity could change the name candidates
(gldocs.redact.ner_scope, EntityFinder.ner_reads), with the words around them
(find_entities' windows), and the results are those of reading everything.
Persons are invented."""

from __future__ import annotations

import re
from typing import Any

import pytest

from gldocs.document.txt import units_from_text
from gldocs.redact import engine as engine_module
from gldocs.redact.case_entities import client_name_tokens
from gldocs.redact.detectors.ner import MARGIN_WORDS, find_entities
from gldocs.redact.engine import AnalysisContext, Analyzer
from gldocs.redact.ner_scope import MAX_WORDS, entity_shapes

CLIENT = "Kasper Hansen"


@pytest.fixture(scope="module")
def analyzer(ner_analyzer: Analyzer) -> Analyzer:
    return ner_analyzer


def _reads(analyzer: Analyzer, text: str, strict: bool = False) -> list[tuple[int, int]]:
    return analyzer.finder.ner_reads(text, strict, client_name_tokens(CLIENT))


def _shape_texts(text: str) -> set[str]:
    return {text[a:b] for a, b in entity_shapes(text)[0]}


# -- the shapes an entity could have --------------------------------------------------------
def test_no_capital_no_shapes() -> None:
    assert entity_shapes("han kom for sent i dag, og det var koldt.") == ([], [])


def test_shapes_cover_parts_particles_and_runs() -> None:
    shapes = _shape_texts("Han mødte Anne-Marie Ludwig van der Berg i går.")
    assert {"Anne-Marie", "Anne", "Marie", "Anne-Marie Ludwig van der Berg",
            "Ludwig van der Berg", "Ludwig"} <= shapes
    assert not any(s.endswith(" i") or s.endswith(".") for s in shapes)


def test_shapes_stop_at_a_label_and_at_a_sentence_end() -> None:
    text = "Navn: Mette Bruun. Hun kom."
    from gldocs.redact.context import sentences

    shapes = {text[a:b] for a, b in entity_shapes(text, {s.start for s in sentences(text)})[0]}
    assert {"Navn", "Mette", "Mette Bruun", "Hun"} <= shapes
    assert "Navn: Mette" not in shapes and "Bruun. Hun" not in shapes


def test_word_answers_are_remembered_per_chunk() -> None:
    from gldocs.redact import ner_scope

    assert ner_scope._starts("iPhone") == () and ner_scope._starts("(Anne-Marie") == (1, 6)
    assert ner_scope._ends("Mads'") == (5, 4) and ner_scope._ends("Bo,", 0) == (2,)
    text = "Mette Holm og Mette Holm-Bruun kom. mette kom ikke; Ib (Mette) kom."
    first = entity_shapes(text)
    ner_scope._starts.cache_clear()
    ner_scope._ends.cache_clear()
    assert entity_shapes(text) == first and entity_shapes(text) == first
    assert {"Mette", "Mette Holm", "Holm-Bruun", "Ib"} <= {text[a:b] for a, b in first[0]}


def test_shapes_go_on_over_initials() -> None:
    text = "Det sagde J. P. Clausen i går."
    from gldocs.redact.context import sentences

    shapes = {text[a:b] for a, b in entity_shapes(text, {s.start for s in sentences(text)})[0]}
    assert "J. P. Clausen" in shapes


def test_non_breaking_space_and_all_caps() -> None:
    assert "Mette\u00a0Bruun" in _shape_texts("Han talte med Mette\u00a0Bruun.")
    assert "METTE BRUUN" in _shape_texts("Han talte med METTE BRUUN.")


def test_a_run_too_long_to_list_is_read_whole() -> None:
    text = " ".join(["Alfa"] * (MAX_WORDS + 3))
    assert entity_shapes(text)[1]


# -- what NER must read ---------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "han kom for sent i dag",  # no capital
    "Han kom for sent. Det var koldt.",  # capitals only on ordinary words at sentence starts
    "i går kom han for sent. det var koldt.",  # lower-case sentence starts
    "Kasper kom for sent, og Kaspers mor var træt.",  # the client's own name
    "Han ringede til Kasper i går.",
    "Han ringede til Kasper, hans bror.",  # the role name the rules would add: the client's
    "4. Vurdering og indsatsområder",  # a heading of ordinary words
    "Han bor i Horsens.",  # a place
    "Han er indskrevet på Jobcenter Horsens.",  # an organisation
    "Han talte med METTE i går.",  # one word in capitals: the checks take it for an acronym
    "Oluwaseun kom for sent.",  # a lone unknown first word: the checks drop it
    "Adresse: Sundvej 44, 8700 Horsens",
])
def test_nothing_to_read(analyzer: Analyzer, text: str) -> None:
    assert _reads(analyzer, text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Han kom for sent med Mette.", "Mette"),  # a name inside a sentence
    ("Mette kom for sent.", "Mette"),  # a known given name at the sentence start
    ("Mette Bruun kom for sent.", "Mette Bruun"),  # a full name at the sentence start
    ("Han talte med Oluwaseun Adebayo i går.", "Oluwaseun Adebayo"),  # a foreign name
    ("Han talte med Mette\u00a0Bruun.", "Mette\u00a0Bruun"),  # a non-breaking space
    ("Han talte med METTE BRUUN i går.", "METTE BRUUN"),  # a name in capitals
    ('Zbigniew "Zibi" Mazur ringede.', "Zbigniew"),
    ("Han mødte Ludwig van der Berg.", "Ludwig van der Berg"),
])
def test_the_name_is_read(analyzer: Analyzer, text: str, name: str) -> None:
    """Every word of the name is read (find_entities adds the words around it)."""
    reads = _reads(analyzer, text)
    offset = text.index(name)
    for word in re.finditer(r"\S+", name):
        start, end = offset + word.start(), offset + word.end()
        assert any(a <= start and end <= b for a, b in reads), word.group(0)


def test_strict_parts_read_a_lone_first_word(analyzer: Analyzer) -> None:
    text = "Oluwaseun kom for sent."
    assert _reads(analyzer, text, strict=False) == []
    assert [text[a:b] for a, b in _reads(analyzer, text, strict=True)] == ["Oluwaseun"]


def test_only_the_spans_of_a_possible_name(analyzer: Analyzer) -> None:
    text = ("Det regnede hele dagen. Han talte med Mette om boligen. Det var koldt. "
            "Han skal i arbejde. Bent Holm ringede senere. Det var godt.")
    assert [text[a:b] for a, b in _reads(analyzer, text)] == ["Mette", "Bent Holm"]
    text = "Han mødte Anne-Marie Ludwig van der Berg i går."
    assert [text[a:b] for a, b in _reads(analyzer, text)] == [
        "Anne-Marie Ludwig van der Berg"]  # overlapping shapes: one span


def test_a_run_too_long_to_list_is_read_with_its_sentence(analyzer: Analyzer) -> None:
    run = " ".join(["Anders", "Bent", "Carl", "Dan", "Erik", "Finn", "Gert", "Hans", "Ib",
                    "Jens"][:MAX_WORDS + 2])
    text = f"Det regnede. Han ringede til {run} i går. Det var koldt."
    sentence = f"Han ringede til {run} i går."
    assert [text[a:b] for a, b in _reads(analyzer, text)] == [sentence]


def test_read_marks_merge_and_cover() -> None:
    from gldocs.redact.ner_scope import ReadMarks

    marks = ReadMarks("Han kom. Det var godt. Mette kom.")
    marks.mark(3, 5)
    marks.mark(10, 12)
    assert marks.groups() == [(3, 5), (10, 12)]
    assert marks.marked(3, 5) and marks.marked(10, 11) and not marks.marked(3, 6)
    marks.mark(5, 10)  # touching both: one span
    assert marks.groups() == [(3, 12)]
    marks.mark_sentences(25, 27)  # the whole sentence "Mette kom."
    assert marks.groups() == [(3, 12), (23, 33)]
    marks.mark(0, 1)
    assert marks.groups() == [(0, 1), (3, 12), (23, 33)]
    words = ReadMarks("Han kom. Kl. 10 (Mette) kom.")
    words.mark_words(9, 11)  # "Kl": the entity may be "Kl."
    words.mark_words(18, 23)  # "Mette" in brackets
    assert [words._text[a:b] for a, b in words.groups()] == ["Kl.", "(Mette)"]


# -- reading windows ------------------------------------------------------------------------
def test_windows_find_what_a_full_read_finds(analyzer: Analyzer) -> None:
    texts = ["Det regnede hele dagen, og vi blev hjemme i stuen hele eftermiddagen.",
             "Han talte med Mette Bruun om boligen i Vejle.",
             "Det var koldt og vådt udenfor, og ingen havde lyst til at gå en tur.",
             "Bagefter ringede Bent Holm fra kommunen."]
    full = find_entities(analyzer.nlp, texts)
    reads = [[], [(0, len(texts[1]))], [], [(17, 26)]]
    narrow = find_entities(analyzer.nlp, texts, reads)
    for i in (1, 3):
        assert [(e.start, e.end, e.label) for e in narrow[i]] == \
            [(e.start, e.end, e.label) for e in full[i]]
    assert any(e.text == "Mette Bruun" for e in narrow[1])
    assert any(e.text == "Bent Holm" for e in narrow[3])


def test_windows_read_margins_not_everything(analyzer: Analyzer,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    nlp = analyzer.nlp

    class Spy:
        pipe_names = nlp.pipe_names

        def pipe(self, texts: Any, **kw: Any) -> Any:
            texts = list(texts)
            seen.extend(texts)
            return nlp.pipe(iter(texts), **kw)

    words = [f"ord{k}" for k in range(40)]
    text = " ".join(words[:20]) + " Mette kom. " + " ".join(words[20:])
    start = text.index("Mette")
    find_entities(Spy(), [text], [[(start, start + len("Mette kom."))]])
    assert len(seen) == 1
    read = seen[0].split()
    assert read[MARGIN_WORDS] == "Mette" and len(read) == 2 * MARGIN_WORDS + 2
    find_entities(Spy(), [text, "Intet her."], [[], []], [True, True])
    assert len(seen) == 1  # nothing to read: no model call


def test_a_unit_outside_the_running_text_is_not_read(analyzer: Analyzer) -> None:
    texts = ["Han talte med Mette Bruun.", "Bent Holm ringede."]
    out = find_entities(analyzer.nlp, texts, None, [True, False])
    assert out[1] == [] and any(e.text == "Mette Bruun" for e in out[0])


# -- the same results as reading everything -------------------------------------------------
DOCUMENT = f"""1. Stamoplysninger
Navn: {CLIENT}
CPR-nr.: 120497-2215
Adresse: Sundvej 44, 8700 Horsens
Handleplansansvarlig: Lotte Kjærgaard, KiF Horsens

2. Beskrivelse
Kasper er 33 år og bor i Horsens. Han har en datter, Ella Skov Pedersen, med sin tidligere \
kæreste Nanna Skov Pedersen. Det var koldt i går.
Hans mor, Grethe Mortensen, ringer ofte. mette fra naboopgangen kommer også forbi.
Oluwaseun Adebayo er hans ven fra skolen. METTE BRUUN er hans moster.
Han talte med Mette\u00a0Bruun i telefonen. Han gik en tur. Det regnede.
Vurdering
Han har ADHD og går til samtaler hos psykolog Jens Winther i Vejle.
Abdirahman, kaldet "Dodi", er hans fætter. Han mødte Ludwig van der Berg på værkstedet.
"""


def test_the_plan_is_that_of_reading_everything(analyzer: Analyzer,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def key(plan: Any) -> list[tuple[Any, ...]]:
        return [(f.unit_path, f.start, f.end, f.text, f.rule, f.action, f.score, f.review,
                 f.explanation) for f in plan.findings]

    units = units_from_text(DOCUMENT)
    ctx = AnalysisContext(areas=["bolig"], client_name=CLIENT)
    context, reads = analyzer.ner_reads(units, analyzer.layout.read(units).internal, CLIENT)
    read = sum(b - a for r in reads for a, b in r)
    assert 0 < read < sum(len(u.text) for u, c in zip(units, context, strict=True) if c)
    narrow = key(analyzer.analyze(units, ctx))
    assert {"Oluwaseun Adebayo", "Grethe Mortensen", "Mette\u00a0Bruun", "METTE BRUUN"} <= \
        {k[3] for k in narrow if k[5] == "remove"}
    real = engine_module.find_entities

    def read_all(nlp: Any, texts: Any, reads: Any = None, context: Any = None) -> Any:
        return real(nlp, texts, None, context)

    monkeypatch.setattr(engine_module, "find_entities", read_all)
    assert key(analyzer.analyze(units_from_text(DOCUMENT), ctx)) == narrow


def test_shapes_of_a_run_list_every_start_with_every_end() -> None:
    """Every capitalised start of a run pairs with every token end of each later capitalised
    word (the ends of a word are worked out once and shared by the starts)."""
    text = "Mødet med Anne-Marie van der Berg Holm gik godt."
    shapes = _shape_texts(text)
    for start in ("Anne-Marie", "Marie", "Berg", "Holm"):
        for end in ("Anne-Marie", "Berg", "Berg Holm", "Holm"):
            whole = text[text.index(start):text.index(end) + len(end)]
            if text.index(end) >= text.index(start):
                assert whole in shapes, whole
    assert "Anne-Marie van der Berg Holm" in shapes
    assert "Marie van der Berg" in shapes
    assert not any(s.endswith(" gik") or s.startswith("van") for s in shapes)


def test_no_person_answers_are_remembered_per_text_and_forgotten(analyzer: Analyzer) -> None:
    """The scope and discovery ask whether a candidate is no person; the answer is kept
    per text and candidate (the same as asking afresh) and forgotten by clear_caches."""
    from gldocs.redact.detectors.names import NameCandidate

    finder = analyzer.finder
    analyzer.clear_caches()
    text = "Hun bor i Vejle og ser Mette Holm fra Jobcenter Vejle."
    facts = finder._unit_facts(text, False, set(), ())
    for word in ("Vejle", "Mette Holm", "Jobcenter Vejle"):
        a = text.index(word)
        c = NameCandidate(a, a + len(word), word, 0.85, "NER")
        fresh = finder._not_a_person(text, c, finder._org_spans_of(text), False)
        assert finder._no_person_in(text, c, facts) is fresh
        assert finder._no_person_in(text, c, facts) is fresh
    assert finder._no_person_in(text, NameCandidate(10, 15, "Vejle", 0.85, "NER"), facts)
    assert not finder._no_person_in(text, NameCandidate(23, 33, "Mette Holm", 0.85, "NER"),
                                    facts)
    assert finder._no_person and finder._org_spans[text] == finder.gazetteer.org_spans(text)
    analyzer.clear_caches()
    assert not finder._no_person and not finder._org_spans


# -- the model after the pattern recognizers -------------------------------------------------
def test_a_shape_inside_an_address_is_not_read_once_the_patterns_are_known(
        analyzer: Analyzer) -> None:
    """Discovery drops a name inside an address, an e-mail or a number: once the pattern
    recognizers have run, the scope does not read it (the address's street word)."""
    from gldocs.redact.detectors.patterns import PatternMatch

    text = "Han er flyttet til Brumsøvænget 12, 4000 Roskilde i går."
    a = text.index("Brumsøvænget")
    address = PatternMatch(a, text.index(" i går"), text[a:text.index(" i går")], "ADDRESS",
                           0.95, "")
    tokens = client_name_tokens(CLIENT)
    without = analyzer.finder.ner_reads(text, False, tokens)
    assert any(x <= a < y for x, y in without)
    assert not any(x <= a < y for x, y in analyzer.finder.ner_reads(text, False, tokens,
                                                                    [address]))


def test_recognizers_before_and_after_the_model_give_what_one_pass_gives(
        analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch) -> None:
    """detect runs the recognizers of the model's entities after the model and the others
    before it; the detections are those of one pass of every recognizer over the model's
    entities (the steps after the recognizers work per entity type), and the plan is the
    same."""
    from gldocs.redact.recognizers.ner import NerRecognizer

    units = units_from_text(DOCUMENT)
    internal = analyzer.layout.read(units).internal
    split = analyzer.detect(units, internal, CLIENT)
    ctx = AnalysisContext(areas=["bolig"], client_name=CLIENT)
    plan = analyzer.analyze(units_from_text(DOCUMENT), ctx)
    monkeypatch.setattr(NerRecognizer, "reads_ner", False)  # one pass, the model first
    one = analyzer.detect(units, internal, CLIENT)
    assert [vars(d) for d in split] == [vars(d) for d in one]
    assert any(d.ner for d in split) and any(d.patterns for d in split)
    again = analyzer.analyze(units_from_text(DOCUMENT), ctx)
    assert [vars(f) for f in again.findings] == [vars(f) for f in plan.findings]
