"""The shipped Danish pipeline: loading, fail-closed errors, names in case-file Danish,
and the presidio engine (no network)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from gldocs import paths
from gldocs.errors import ModelError
from gldocs.redact import nlp as nlp_mod


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("network access attempted in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def persons(text: str) -> list[str]:
    return [e.text for e in nlp_mod.load_nlp()(text).ents if e.label_ == "PER"]


def test_model_is_shipped_inside_the_package() -> None:
    folder = nlp_mod.model_dir()
    assert folder == paths.MODELS_DIR / "da_ner"
    assert (folder / "LICENSE.txt").is_file()
    assert "CC BY-SA 4.0" in (folder / "MODEL_CARD.md").read_text(encoding="utf-8")
    for file in folder.rglob("*"):
        assert file.stat().st_size < 25_000_000, file


def test_load_is_cached_and_has_the_small_pipeline() -> None:
    nlp = nlp_mod.load_nlp()
    assert nlp_mod.load_nlp() is nlp
    assert nlp.lang == "da"
    assert nlp.pipe_names == ["tok2vec", "ner", "lemmatizer"]
    assert set(nlp.get_pipe("ner").labels) == set(nlp_mod.LABEL_TO_ENTITY)


def test_deferred_tokenizer_is_the_models_own() -> None:
    """load_nlp builds the tokenizer once, from the model's files: the same tokenizer (rules,
    affixes, exceptions) and the same tokens as a plain spacy.load."""
    spacy = nlp_mod.import_spacy()
    ours = nlp_mod.load_nlp()
    assert ours.config["nlp"]["tokenizer"]["@tokenizers"] == nlp_mod.DEFERRED_TOKENIZER
    factories = spacy.util.registry._entry_point_factories
    saved, factories.entry_points = factories.entry_points, False
    try:
        plain = spacy.load(nlp_mod.model_dir())
    finally:
        factories.entry_points = saved
    # (the vocab is left out: the cached pipeline has seen other tests' texts)
    assert ours.tokenizer.to_bytes(exclude=["vocab"]) == \
        plain.tokenizer.to_bytes(exclude=["vocab"])
    text = "Hr. Ole-Bent Sørensen (f. 12.03.1980) bor på Nørregade 4, st.tv., 8000 Aarhus C."
    assert [t.text for t in ours(text)] == [t.text for t in plain(text)]


def _plain_pipeline() -> object:
    """The shipped model as a plain ``spacy.load`` gives it (thinc's BLIS products)."""
    spacy = nlp_mod.import_spacy()
    nlp_mod.register_components()
    factories = spacy.util.registry._entry_point_factories
    saved, factories.entry_points = factories.entry_points, False
    try:
        return spacy.load(nlp_mod.model_dir())
    finally:
        factories.entry_points = saved


def test_the_models_products_run_on_numpy_blas() -> None:
    from thinc.api import NumpyOps

    nlp = nlp_mod.load_nlp()
    for name in ("tok2vec", "ner"):
        for node in nlp.get_pipe(name).model.walk():
            assert isinstance(node.ops, NumpyOps) and not node.ops.use_blis, (name, node)
    plain = _plain_pipeline()
    assert all(node.ops.use_blis for node in plain.get_pipe("tok2vec").model.walk())


def test_one_blas_thread_limits_and_restores() -> None:
    from threadpoolctl import threadpool_info

    def blas_threads() -> list[int]:
        return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]

    before = blas_threads()
    with nlp_mod.one_blas_thread():
        assert all(n == 1 for n in blas_threads())
    assert blas_threads() == before


DDT = Path(__file__).resolve().parents[3] / "shared" / "data" / "ddt-ner"


@pytest.mark.slow
@pytest.mark.skipif(not DDT.is_dir(), reason="../shared/data/ddt-ner is not beside the repo")
def test_numpy_blas_finds_the_same_entities_as_blis() -> None:
    """The same weights on another matrix library: every entity of every DDT dev and
    test sentence (1,129 sentences, read 40 at a time as running text) is the same."""
    sentences = [line[len("# text = "):].rstrip("\n")
                 for split in ("dev", "test")
                 for line in (DDT / f"da_ddt-ud-{split}.iob2").open(encoding="utf-8")
                 if line.startswith("# text = ")]
    texts = [" ".join(sentences[k:k + 40]) for k in range(0, len(sentences), 40)]
    assert len(sentences) > 1000

    def entities(nlp: object) -> list[list[tuple[int, int, str]]]:
        with nlp_mod.one_blas_thread():
            docs = nlp.pipe(texts, disable=["lemmatizer"])  # type: ignore[attr-defined]
            return [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in docs]

    ours = entities(nlp_mod.load_nlp())
    assert sum(map(len, ours)) > 800
    assert ours == entities(_plain_pipeline())


def test_lemmas_come_from_the_model_itself() -> None:
    doc = nlp_mod.load_nlp()("Hans sygdomme og sygdommen gør, at brødrene drikker.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["sygdomme"] == "sygdom"
    assert lemmas["sygdommen"] == "sygdom"
    assert lemmas["brødrene"] == "bror"
    assert lemmas["drikker"] == "drikke"


def test_lookup_lemmatizer_table_round_trip() -> None:
    lem = nlp_mod.LookupLemmatizer()
    lem.set_lemmas({"sygdommen": "sygdom", "brødrene": "bror", "bror": "bror",
                    "x1": "x12", "gik": "gå"})
    assert "bror" not in lem.table and "x1" not in lem.table
    again = nlp_mod.LookupLemmatizer().from_bytes(lem.to_bytes())
    assert again.table == lem.table
    assert [again.lemmatize(w) for w in ("sygdommen", "SYGDOMMEN", "Brødrene", "gik", "Kaan")] \
        == ["sygdom", "sygdom", "bror", "gå", "Kaan"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Hans bror Kaan Aksoy har tidligere domme for vold.", ["Kaan Aksoy"]),
    ("Ægtefællen Selin kan kontaktes på 21 39 74 68.", ["Selin"]),
    ("Sagsbehandler Morten Kvist, Odense Kommune, deltog i mødet.", ["Morten Kvist"]),
    ("Mødet med Camilla Søgaard Friis blev holdt i går.", ["Camilla Søgaard Friis"]),
    ("Samtale med JONAS MIKKELSEN den 3. marts.", ["JONAS MIKKELSEN"]),
    ("Jonas' mor har ringet til afdelingen.", ["Jonas'"]),
    ("Kims søster bor stadig i Aalborg.", ["Kims"]),
    ("Mødet med Bo Hansen blev aflyst.", ["Bo Hansen"]),
    ("Kontaktperson Lykke Sørensen kommer på torsdag.", ["Lykke Sørensen"]),
    ("Han har to børn, Sol og Vilde, med sin tidligere kæreste.", ["Sol", "Vilde"]),
    ("Abdirahman Warsame-Nielsen er løsladt fra Statsfængslet Nyborg.",
     ["Abdirahman Warsame-Nielsen"]),
    ("Mathilde er motiveret for behandling.", ["Mathilde"]),
    ("Besniks mor har kræft.", ["Besniks"]),
    ("Sten har været stoffri i tre måneder.", ["Sten"]),
    ("Mark og hans kæreste Lærke bor i Vollsmose.", ["Mark", "Lærke"]),
    ("Med venlig hilsen\n\nSusanne Brix\nSagsbehandler, Jobcenter Aarhus", ["Susanne Brix"]),
])
def test_recognises_invented_names_in_case_file_danish(text: str, expected: list[str]) -> None:
    assert persons(text) == expected


@pytest.mark.parametrize("text", [
    "Hans mor og hans far er skilt.",
    "Han ønsker at bo i egen lejlighed efter løsladelsen.",
    "Held og lykke med det nye job.",
    "Han kastede med sten mod politiet.",
    "Lykke er vigtigt for ham.",
    "Han går ofte tur på marken.",
])
def test_name_like_words_used_as_words_are_not_persons(text: str) -> None:
    assert persons(text) == []


def test_missing_model_raises_model_error(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    monkeypatch.setattr(paths, "MODELS_DIR", tmp_path)
    with pytest.raises(ModelError, match="NER-model mangler"):
        nlp_mod.load_nlp()


def test_broken_model_raises_model_error(tmp_path: Path) -> None:
    broken = tmp_path / "da_ner"
    broken.mkdir()
    (broken / "config.cfg").write_text("[nlp]\nlang = \n[components\n", encoding="utf-8")
    (broken / "meta.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelError, match="kunne ikke indlæses"):
        nlp_mod.load_nlp(broken)


def test_a_pipeline_without_ner_is_refused(tmp_path: Path) -> None:
    import spacy

    spacy.blank("da").to_disk(tmp_path / "blank")
    with pytest.raises(ModelError, match="mangler tok2vec, ner, lemmatizer"):
        nlp_mod.load_nlp(tmp_path / "blank")


def test_presidio_engine_finds_persons_without_network(no_network: None) -> None:
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    analyzer = nlp_mod.build_analyzer([EmailRecognizer(supported_language="da")])
    text = "Hans bror Kaan Aksoy skriver fra kaan.a@gmail.com og bor i Vollsmose."
    results = analyzer.analyze(text, language="da")
    found = {(r.entity_type, text[r.start:r.end]) for r in results}
    assert ("PERSON", "Kaan Aksoy") in found
    assert ("EMAIL_ADDRESS", "kaan.a@gmail.com") in found
    assert analyzer.get_supported_entities("da") and "en" not in analyzer.supported_languages


def test_presidio_engine_exposes_danish_lemmas(no_network: None) -> None:
    engine = nlp_mod.build_nlp_engine()
    assert engine is nlp_mod.build_nlp_engine()
    assert engine.get_supported_languages() == ["da"]
    artifacts = engine.process_text("Sygdommen blev behandlet af lægen.", "da")
    assert artifacts.lemmas[0] == "sygdom"


def test_analyzer_without_ner_and_wrong_language_recognizer() -> None:
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    analyzer = nlp_mod.build_analyzer(with_ner=False)
    assert analyzer.analyze("Kaan Aksoy", language="da") == []
    with pytest.raises(ValueError, match="not for language 'da'"):
        nlp_mod.build_analyzer([EmailRecognizer()])


@pytest.mark.slow
def test_loading_the_model_does_not_import_presidio() -> None:
    import subprocess
    import sys

    code = ("import sys; from gldocs.redact.nlp import load_nlp; load_nlp(); "
            "print(sorted(m for m in sys.modules if m.startswith('presidio')))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout
    assert out.strip() == "[]"


@pytest.mark.slow
def test_presidio_is_imported_without_its_predefined_recognizers() -> None:
    """The cold start imports presidio without its ~60 predefined recognizers; importing
    them later still works and gives the same NLP recognizer classes."""
    import subprocess
    import sys

    code = (
        "import sys; from gldocs.redact.nlp import import_presidio; import_presidio(); "
        "from presidio_analyzer import AnalyzerEngine, RecognizerRegistry; "
        "lean = sorted(m for m in sys.modules if m.startswith("
        "'presidio_analyzer.predefined_recognizers.') and 'nlp_engine_recognizers' not in m); "
        "from presidio_analyzer.predefined_recognizers import PhoneRecognizer, SpacyRecognizer; "
        "from presidio_analyzer.recognizer_registry import recognizer_registry as rr; "
        "print(lean, PhoneRecognizer.__name__, SpacyRecognizer is rr.SpacyRecognizer)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout
    assert out.strip() == "[] PhoneRecognizer True"


def test_sorted_lines_find_what_the_table_holds() -> None:
    """Binary search in the sorted text finds every entry, and nothing else."""
    table = {"3d-billede": "1", "advarsler": "2el", "bror": "", "brødrene": "6or",
             "sygdom": "", "sygdommen": "3", "ø": "", "øvrigt": "1"}
    search = nlp_mod.SortedLines("\n".join(f"{k}\t{v}" if v else k
                                           for k, v in sorted(table.items())))
    for key, value in table.items():
        assert search.find(key) == value
    for missing in ("", "3d", "aa", "brø", "sygdomme", "zzz", "øø", "bror\t"):
        assert search.find(missing) is None


def test_lookups_by_search_equal_the_built_table() -> None:
    """The shipped table and word list are sorted (so binary search finds what a dict
    finds), before and after load()."""
    import gzip

    directory = nlp_mod.model_dir() / "lemmatizer"
    for name in (nlp_mod.LEMMA_FILE, nlp_mod.WORDS_FILE):
        keys = [line.split("\t")[0] for line in
                gzip.decompress((directory / name).read_bytes()).decode("utf-8").split("\n")]
        assert keys == sorted(keys) and len(set(keys)) == len(keys), name
    lazy = nlp_mod.LookupLemmatizer().from_disk(directory)
    forms = ["sygdommen", "brødrene", "våbnet", "advarsler", "gldocs", "mette", "holm", "og"]
    before = ([lazy.lookup(f) for f in forms], [lazy.is_word(f) for f in forms])
    assert lazy._search is not None and lazy._word_search is not None  # not built yet
    lazy.load()
    assert lazy._search is None and lazy._words is not None
    assert before == ([lazy.table.get(f) for f in forms], [lazy.is_word(f) for f in forms])
    assert before[0][:2] == ["3", "6or"] and before[1][:2] == [True, True]
