"""The Danish NLP pipeline gldocs ships, and its presidio wiring (no downloads, ever).

Public API (everything else is private)::

    load_nlp(path: Path | None = None) -> spacy.Language
        The shipped pipeline (tokenizer, tok2vec, ner, lookup lemmatizer) from
        ``gldocs/models/da_ner``; cached per path, so calling it again is free. Entity
        labels: PER, LOC, ORG, MISC. Its matrix products run on numpy's BLAS
        (:func:`use_numpy_blas`); run it inside :func:`one_blas_thread`. Raises
        ``gldocs.errors.ModelError`` (Danish message) when the model is missing or
        broken: redaction fails closed.
    use_numpy_blas(nlp: Language) -> None
        Switch a pipeline's matrix products from thinc's bundled BLIS to numpy's BLAS.
    one_blas_thread() -> context manager
        numpy's BLAS limited to one thread while the block runs.
    model_dir() -> Path
        Where the shipped model lives (``gldocs.paths.MODELS_DIR / "da_ner"``).
    register_components() -> None
        Registers the pipeline's compact lookup lemmatizer factory with spaCy (load_nlp
        does this; needed only to load the model folder with plain ``spacy.load``).
    LABEL_TO_ENTITY: dict[str, str]
        spaCy label -> presidio entity: PER->PERSON, LOC->LOCATION, ORG->ORGANIZATION,
        MISC->MISC.
    DanishNlpEngine(nlp: Language | None = None)
        A presidio ``SpacyNlpEngine`` for language "da" built on ``load_nlp()`` (or the
        pipeline given). ``load()`` never downloads. Lemmas come from the pipeline, so
        presidio's context words and lemma matching work.
    build_nlp_engine(nlp: Language | None = None) -> DanishNlpEngine
        A loaded engine (cached for the default pipeline).
    build_analyzer(recognizers=(), *, nlp_engine=None, with_ner=True,
                   default_score_threshold=0.0, context_aware_enhancer=None) -> AnalyzerEngine
        An ``AnalyzerEngine`` for "da" whose registry holds exactly ``recognizers`` (plus
        the NER recognizer unless ``with_ner=False``): no English defaults, no downloads.

presidio pitfalls handled here (keep them in mind when using presidio directly):

* ``AnalyzerEngine()`` without ``nlp_engine``, or with a registry built by presidio's
  providers, creates an English spaCy engine and downloads ``en_core_web_lg``. Always pass
  ``nlp_engine=`` and ``registry=`` (``build_analyzer`` does).
* ``AnalyzerEngine(registry=r)`` with an *empty* registry silently loads every predefined
  recognizer (and a spaCy NER recognizer) into it, and ``analyze`` raises when no recognizer
  is registered; ``build_analyzer`` adds a never-matching recognizer in that case.
* ``SpacyNlpEngine.load()`` downloads any ``model_name`` that is neither an installed
  package nor an existing path; ``DanishNlpEngine.load()`` never calls it.
* presidio's e-mail recogniser uses tldextract, which fetches the public suffix list at
  first use unless ``TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS`` is empty *when tldextract is
  imported* (importing ``presidio_analyzer`` imports it). This module sets it with
  ``os.environ.setdefault`` at import, so import it before ``presidio_analyzer``.
* spaCy imports every ``spacy_factories`` entry point (presidio registers one) whenever a
  Language is created: a plain ``spacy.load``/``spacy.blank`` imports all of presidio.
  ``load_nlp`` switches that off while loading, so it stays cheap.
* Use ``PhoneRecognizer(supported_regions=("DK",), supported_language="da")``; predefined
  recognisers default to ``supported_language="en"`` and are silently skipped for "da"
  unless created with ``supported_language="da"``.
* presidio's country recognisers are English/US-specific and there is no CPR recogniser.
* spaCy's NER gives no per-entity confidence; every NER result gets the score
  ``NER_SCORE`` (0.85), as presidio does by default.

presidio is imported lazily (only when the engine or analyzer is needed), so
``load_nlp()`` alone does not pay for presidio's import time, and through
:func:`import_presidio`, which leaves out its predefined recognizers.
"""

from __future__ import annotations

import os
import sys
import types

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gldocs import paths
from gldocs.errors import ModelError

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine, EntityRecognizer
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
    from spacy.language import Language

LANGUAGE = "da"
MODEL_NAME = "da_ner"
REQUIRED_PIPES = ("tok2vec", "ner", "lemmatizer")
LABEL_TO_ENTITY = {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION", "MISC": "MISC"}
NER_SCORE = 0.85

__all__ = [
    "LABEL_TO_ENTITY",
    "build_analyzer",
    "build_nlp_engine",
    "import_presidio",
    "load_nlp",
    "model_dir",
    "one_blas_thread",
    "register_components",
    "use_numpy_blas",
]


def model_dir() -> Path:
    """The folder of the shipped Danish pipeline."""
    return paths.MODELS_DIR / MODEL_NAME


def load_nlp(path: Path | None = None) -> Language:
    """Load (once) and return the Danish pipeline; ModelError if it cannot be used."""
    return _load_cached(Path(path or model_dir()).resolve())


@lru_cache(maxsize=4)
def _load_cached(path: Path) -> Language:
    advice = ("Anonymiseringen stopper, fordi navne ellers kunne slippe igennem. "
              "Geninstallér gldocs, eller træn modellen igen med scripts/ner/train.py.")
    if not (path / "config.cfg").is_file() or not (path / "meta.json").is_file():
        raise ModelError(f"Den danske NER-model mangler: {path} findes ikke eller er "
                         f"ufuldstændig (config.cfg/meta.json). {advice}")
    try:
        spacy = import_spacy()
        register_components()
        nlp = _load_without_plugin_factories(spacy, path)
    except Exception as err:  # any failure to load must stop redaction (fail closed)
        raise ModelError(f"Den danske NER-model i {path} kunne ikke indlæses "
                         f"({type(err).__name__}: {err}). {advice}") from err
    missing = [pipe for pipe in REQUIRED_PIPES if pipe not in nlp.pipe_names]
    if nlp.lang != LANGUAGE or missing:
        raise ModelError(f"Modellen i {path} er ikke gldocs' danske NER-model "
                         f"(sprog '{nlp.lang}', mangler {', '.join(missing) or 'intet'}). "
                         f"{advice}")
    unknown = set(getattr(nlp.get_pipe("ner"), "labels", ())) - set(LABEL_TO_ENTITY)
    if unknown:
        raise ModelError(f"Modellen i {path} har ukendte entitetstyper: "
                         f"{', '.join(sorted(unknown))}. {advice}")
    use_numpy_blas(nlp)
    return nlp


# --- matrix products ----------------------------------------------------------------------

def use_numpy_blas(nlp: Language) -> None:
    """Run the pipeline's matrix products on numpy's BLAS instead of thinc's bundled BLIS.

    Most of the model's time is the tok2vec layers' matrix products (tokens x 288 by
    288 x 288). thinc's ``NumpyOps`` sends them to the BLIS it bundles, which on this
    hardware runs them at about a third of the speed of numpy's OpenBLAS (one thread:
    35 against 100 GFLOP/s; the whole model reads a text in 0.6-0.7 of the time). The
    weights and the model are the same; only the library that multiplies differs, and
    the entities are the same (``tests/redact/test_nlp.py`` compares them on every DDT
    sentence of the dev and test splits; the whole DDT corpus and the dev texts, 5,659
    entities, were compared when this was introduced). thinc's own switch for this is
    ``NumpyOps(use_blis=False)``; it is set on every layer of the trainable pipes."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for name in ("tok2vec", "ner"):
        if name in nlp.pipe_names:
            pipe: Any = nlp.get_pipe(name)
            for node in pipe.model.walk():
                node.ops = ops


@lru_cache(maxsize=1)
def _blas_controller() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """numpy's BLAS limited to one thread while the block runs (then as it was).

    OpenBLAS splits a product over every core from a size that the model's products
    reach; on matrices this small the threads cost more than they save (four to eight
    times the CPU time on a busy machine), and ``--jobs`` runs one process per core
    already. A BLAS threadpoolctl does not know is left as it is."""
    with _blas_controller().limit(limits=1, user_api="blas"):
        yield


# --- lemmatizer ---------------------------------------------------------------------------

LEMMA_FACTORY = "gldocs_lookup_lemmatizer"
LEMMA_FILE = "lemmas.tsv.gz"
WORDS_FILE = "words.txt.gz"  # every form and lemma: the ordinary Danish words


class SortedLines:
    """Lines ``key`` or ``key<TAB>value`` of a table sorted by key (the lemma table and the
    word list are written sorted), looked up by binary search in the text itself.

    A one-document run asks about a few thousand words: searching costs it a few
    milliseconds where building the dict or set of half a million entries costs a tenth of
    a second each (a tenth of a cold start). :attr:`searches` counts the lookups, so that
    the owner can build the full table once a long run has asked enough."""

    __slots__ = ("searches", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.searches = 0

    def find(self, key: str) -> str | None:
        """The value of ``key`` ("" on a line without one), None when it is not there."""
        self.searches += 1
        text = self.text
        lo, hi = 0, len(text)  # the lines that start in [lo, hi); lo is a line start
        while lo < hi:
            mid = (lo + hi) // 2
            nl = text.rfind("\n", lo, mid)
            start = nl + 1 if nl >= 0 else lo
            end = text.find("\n", start)
            if end < 0:
                end = len(text)
            tab = text.find("\t", start, end)
            k = text[start:tab if tab >= 0 else end]
            if k == key:
                return text[tab + 1:end] if tab >= 0 else ""
            if k < key:
                lo = end + 1
            else:
                hi = start
        return None


_MAX_SEARCHES = 5_000  # lookups by binary search before the full table is built


class LookupLemmatizer:
    """Lookup lemmatizer with a compact table (spaCy's own loads 4x slower).

    The table maps a word form to its lemma, coded as "characters to strip from the end of
    the form" + "suffix to add" ("sygdommen" -> "3" = "sygdom"; "brødrene" -> "6or" =
    "bror"); forms that are their own lemma are left out. A form not found as written is
    looked up in lower case ("Sygdommen", "SYGDOMMEN" -> "sygdom"); unknown words keep
    their text as lemma. Stored in the model as ``lemmatizer/lemmas.tsv.gz``, sorted by
    form (as is the word list): until :meth:`load` or a few thousand lookups, a form is
    found by binary search in the text (:class:`SortedLines`), not in a dict built of all.
    """

    def __init__(self, name: str = "lemmatizer") -> None:
        self.name = name
        self._table: dict[str, str] = {}
        self._packed: bytes | None = None  # the gzipped table, read on first use
        self._search: SortedLines | None = None  # the table's text, until it is built
        self._words: frozenset[str] | None = None
        self._packed_words: bytes | None = None  # WORDS_FILE, read on first use
        self._word_search: SortedLines | None = None

    @property
    def table(self) -> dict[str, str]:
        """form -> code; parsed from the model file on first use (474k entries: a cold
        start that needs no lemma pays nothing)."""
        if self._packed is not None or self._search is not None:
            text = self._search.text if self._search is not None else self._text()
            fields = text.replace("\n", "\t").split("\t")
            if len(fields) % 2:
                raise ValueError("lemma table is corrupt")
            self._table = dict(zip(fields[::2], fields[1::2], strict=True))
            self._packed = self._search = None
        return self._table

    @table.setter
    def table(self, value: dict[str, str]) -> None:
        self._table, self._packed, self._search = value, None, None
        self._words = self._packed_words = self._word_search = None

    def _text(self) -> str:
        import gzip

        assert self._packed is not None
        text = gzip.decompress(self._packed).decode("utf-8")
        self._packed = None
        return text

    def lookup(self, form: str) -> str | None:
        """The code of ``form`` as written (None when the table has none)."""
        if self._packed is not None:
            self._search = SortedLines(self._text())
        search = self._search
        if search is None or search.searches >= _MAX_SEARCHES:
            return self.table.get(form)
        return search.find(form)

    get = lookup  # (a mapping's lookup: morphology asks the table as it would a dict)

    def load(self) -> None:
        """Build the full table and word set now (a long run: before worker processes
        fork, or before many documents)."""
        self.table  # noqa: B018  (the property builds it)
        self._word_set()

    def load_words(self) -> None:
        """Build the word set now (:meth:`is_word`; the table stays as it is)."""
        self._word_set()

    def _word_set(self) -> frozenset[str]:
        if self._words is None:
            if self._packed_words is not None or self._word_search is not None:
                import gzip

                text = (self._word_search.text if self._word_search is not None else
                        gzip.decompress(self._packed_words or b"").decode("utf-8"))
                self._words = frozenset(text.split("\n"))
                self._packed_words = self._word_search = None
            else:
                self._words = self.words()
        return self._words

    def is_word(self, word: str) -> bool:
        """Whether ``word`` (lower case) is an ordinary Danish word: a form in the table or
        the lemma of one. Read from the model's word list on first use (0.2 s instead of
        parsing the table and deriving its 79k lemmas, 1.5 s), by binary search until
        :meth:`load` or a few thousand lookups."""
        if self._words is None and self._packed_words is not None:
            import gzip

            self._word_search = SortedLines(
                gzip.decompress(self._packed_words).decode("utf-8"))
            self._packed_words = None
        search = self._word_search
        if self._words is not None or search is None or search.searches >= _MAX_SEARCHES:
            return word in self._word_set()
        return search.find(word) is not None

    def words(self) -> frozenset[str]:
        """Every form of the table and every lemma (what :data:`WORDS_FILE` holds)."""
        table = self.table
        lemmas = set(table)
        for form, code in table.items():
            digits = len(code) - len(code.lstrip("0123456789"))
            lemmas.add(form[: len(form) - int(code[:digits] or 0)] + code[digits:])
        return frozenset(lemmas)

    def __call__(self, doc: Any) -> Any:
        for token in doc:
            token.lemma_ = self.lemmatize(token.text)
        return doc

    def lemmatize(self, text: str) -> str:
        code = self.lookup(text)
        if code is None:
            lower = text.lower()
            code = self.lookup(lower) if lower != text else None
            if code is None:
                return text
            text = lower
        digits = len(code) - len(code.lstrip("0123456789"))
        strip = int(code[:digits])
        return text[: len(text) - strip] + code[digits:]

    def set_lemmas(self, lemmas: dict[str, str]) -> None:
        """Fill the table from a plain {form: lemma} mapping (training time)."""
        table = {}
        for form, lemma in lemmas.items():
            if form == lemma or not form or any(c in form + lemma for c in "\t\n"):
                continue
            common = 0
            while common < min(len(form), len(lemma)) and form[common] == lemma[common]:
                common += 1
            if lemma[common:common + 1].isdigit():
                continue  # the code could not tell strip count from suffix; keep the form
            table[form] = f"{len(form) - common}{lemma[common:]}"
        self.table = dict(sorted(table.items()))

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        import gzip

        # sorted by form: looked up by binary search (SortedLines)
        blob = "\n".join(f"{form}\t{code}" for form, code in sorted(self.table.items()))
        return gzip.compress(blob.encode("utf-8"), compresslevel=9, mtime=0)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> LookupLemmatizer:
        if data[:2] != b"\x1f\x8b":  # gzip magic; the content is checked on first use
            raise ValueError("lemma table is corrupt")
        self._packed, self._table, self._search = data, {}, None
        return self

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / LEMMA_FILE).write_bytes(self.to_bytes())
        import gzip

        blob = "\n".join(sorted(self.words())).encode("utf-8")
        (path / WORDS_FILE).write_bytes(gzip.compress(blob, compresslevel=9, mtime=0))

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> LookupLemmatizer:
        self.from_bytes((Path(path) / LEMMA_FILE).read_bytes())
        words = Path(path) / WORDS_FILE
        if words.is_file():
            self._packed_words, self._words, self._word_search = words.read_bytes(), None, None
        return self


def import_spacy() -> Any:
    """``import spacy`` without its command-line package.

    ``spacy/__init__`` imports ``spacy.cli.info`` (and with it typer, wasabi and every CLI
    command: about a third of spaCy's import time) for ``spacy.info`` alone. A stand-in
    ``spacy.cli`` is in place while spaCy is imported and removed right after, so a later
    ``import spacy.cli`` imports the real package; ``spacy.info`` imports it on first use.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    if "spacy.cli" in sys.modules:  # pragma: no cover - spacy.cli without spacy
        import spacy

        return spacy
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []
    info = types.ModuleType("spacy.cli.info")

    def lazy_info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    info.info = lazy_info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        import spacy
    finally:
        for name, stub in (("spacy.cli", cli), ("spacy.cli.info", info)):
            if sys.modules.get(name) is stub:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        delattr(spacy, "cli")
    return spacy


PREDEFINED = "presidio_analyzer.predefined_recognizers"
_NLP_RECOGNIZERS = ("SpacyRecognizer", "StanzaRecognizer", "TransformersRecognizer")


def import_presidio() -> Any:
    """``import presidio_analyzer`` without its predefined recognizers.

    ``presidio_analyzer/__init__`` imports the registry, which imports the package of ~60
    predefined (mostly country-specific) recognizers for three NLP-engine recognizer
    classes alone; compiling their regexes and importing tldextract/requests is about 85 %
    of presidio's import time (0.5-0.9 s of a cold start). gldocs uses none of them. A
    stand-in for that package is in place while presidio is imported: it has the real
    package's path (so its submodules import as usual) and hands out the three NLP
    recognizer classes from their own submodule. It is removed right after, so a later
    ``from presidio_analyzer.predefined_recognizers import …`` imports the real package
    (the classes stay the same objects). If presidio's layout ever differs, presidio is
    imported the ordinary way.
    """
    if "presidio_analyzer" in sys.modules:
        return sys.modules["presidio_analyzer"]
    import importlib
    import importlib.util

    spec = importlib.util.find_spec("presidio_analyzer")  # (does not import it)
    roots = (spec.submodule_search_locations or []) if spec is not None else []
    where = [str(Path(p) / "predefined_recognizers") for p in roots]
    if not where or not Path(where[0], "__init__.py").is_file():  # pragma: no cover
        import presidio_analyzer

        return presidio_analyzer
    stub = types.ModuleType(PREDEFINED)
    stub.__path__ = where

    def nlp_recognizer(name: str) -> Any:
        if name not in _NLP_RECOGNIZERS:
            raise AttributeError(name)
        sub = importlib.import_module(PREDEFINED + ".nlp_engine_recognizers")
        return getattr(sub, name)

    stub.__getattr__ = nlp_recognizer  # type: ignore[method-assign]
    sys.modules[PREDEFINED] = stub
    try:
        import presidio_analyzer
    except Exception:  # pragma: no cover - a presidio that needs more: the ordinary way
        for name in [m for m in sys.modules if m.startswith("presidio_analyzer")]:
            del sys.modules[name]
        import presidio_analyzer
    finally:
        if sys.modules.get(PREDEFINED) is stub:
            del sys.modules[PREDEFINED]
    if getattr(presidio_analyzer, "predefined_recognizers", None) is stub:
        delattr(presidio_analyzer, "predefined_recognizers")
    return presidio_analyzer


def register_components() -> None:
    """Make the pipeline's custom components known to spaCy (idempotent)."""
    from spacy.language import Language

    if not Language.has_factory(LEMMA_FACTORY):
        Language.factory(LEMMA_FACTORY, func=lambda nlp, name: LookupLemmatizer(name))


DEFERRED_TOKENIZER = "gldocs.DeferredTokenizer.v1"


def _deferred_tokenizer() -> Any:
    """A tokenizer factory that builds an empty tokenizer: the model's own (rules, prefix,
    suffix and infix patterns, exceptions) is then read from its ``tokenizer`` folder.

    ``spacy.load`` first builds the language's default tokenizer (compiling its affix
    patterns and adding its ~2,400 exceptions, ~0.1 s) and then replaces every one of its
    settings with the model's (``Tokenizer.from_bytes`` resets them all first), so the
    first build is wasted work.
    """
    from spacy.tokenizer import Tokenizer

    def make(nlp: Any) -> Any:
        return Tokenizer(nlp.vocab)

    return make


def _load_without_plugin_factories(spacy: Any, path: Path) -> Language:
    """spacy.load, but without importing third-party factory entry points, and with the
    tokenizer built once (from the model's files; see :func:`_deferred_tokenizer`).

    spaCy imports every package that registers a ``spacy_factories`` entry point whenever
    a Language is created; presidio registers one, so a plain load imports all of presidio
    (0.5-1.5 s). The shipped pipeline uses only built-in factories and gldocs' lemmatizer.
    """
    if not (path / "tokenizer").is_file():
        raise ValueError("the pipeline has no tokenizer file")
    if DEFERRED_TOKENIZER not in spacy.registry.tokenizers:
        spacy.registry.tokenizers.register(DEFERRED_TOKENIZER, func=_deferred_tokenizer)
    factories = spacy.util.registry._entry_point_factories
    saved = factories.entry_points
    factories.entry_points = False
    try:
        nlp: Language = spacy.load(
            path, config={"nlp": {"tokenizer": {"@tokenizers": DEFERRED_TOKENIZER}}})
        return nlp
    finally:
        factories.entry_points = saved


@lru_cache(maxsize=1)
def _engine_class() -> type:
    """Define DanishNlpEngine on first use, so presidio is imported only when needed."""
    import_presidio()
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

    class DanishNlpEngine(SpacyNlpEngine):
        """presidio NLP engine for Danish on gldocs' own pipeline. Never downloads."""

        engine_name = "spacy"

        def __init__(self, nlp: Language | None = None) -> None:
            config = NerModelConfiguration(
                model_to_presidio_entity_mapping=dict(LABEL_TO_ENTITY),
                default_score=NER_SCORE,
                labels_to_ignore=[],
                low_score_entity_names=[],
            )
            super().__init__(models=[{"lang_code": LANGUAGE, "model_name": str(model_dir())}],
                             ner_model_configuration=config)
            self._pipeline = nlp

        def load(self) -> None:
            pipeline = self._pipeline if self._pipeline is not None else load_nlp()
            self.nlp = {LANGUAGE: pipeline}  # type: ignore[assignment]

    return DanishNlpEngine


def __getattr__(name: str) -> Any:
    if name == "DanishNlpEngine":
        return _engine_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def build_nlp_engine(nlp: Language | None = None) -> Any:
    """A loaded DanishNlpEngine (cached when built on the shipped pipeline)."""
    if nlp is None:
        return _default_engine()
    engine = _engine_class()(nlp)
    engine.load()
    return engine


@lru_cache(maxsize=1)
def _default_engine() -> Any:
    engine = _engine_class()()
    engine.load()
    return engine


def build_analyzer(recognizers: Iterable[EntityRecognizer] = (), *, nlp_engine: Any = None,
                   with_ner: bool = True, default_score_threshold: float = 0.0,
                   context_aware_enhancer: ContextAwareEnhancer | None = None,
                   engine_class: type[AnalyzerEngine] | None = None) -> AnalyzerEngine:
    """An AnalyzerEngine for Danish holding exactly ``recognizers`` (+ NER if ``with_ner``).

    Every recognizer must support language "da". No predefined (English) recognizers are
    added and nothing is downloaded. ``engine_class``: a subclass of ``AnalyzerEngine``
    to build instead (gldocs' own, :class:`~gldocs.redact.recognizers.base.UnitEngine`).
    """
    import_presidio()
    from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer, RecognizerRegistry

    engine = nlp_engine if nlp_engine is not None else build_nlp_engine()
    recs = list(recognizers)
    wrong = [type(r).__name__ for r in recs if r.supported_language != LANGUAGE]
    if wrong:
        raise ValueError(f"recognizers not for language 'da': {', '.join(wrong)}")
    registry = RecognizerRegistry(recognizers=recs, supported_languages=[LANGUAGE])
    if with_ner:
        registry.add_nlp_recognizer(nlp_engine=engine)
    if not registry.recognizers:
        # AnalyzerEngine loads all predefined recognizers into an empty registry, and
        # analyze() refuses to run without any: add one that never matches.
        registry.recognizers = [PatternRecognizer(
            supported_entity="GLDOCS_NOTHING", name="GldocsNothingRecognizer",
            patterns=[Pattern("nothing", r"(?!)", 0.0)], supported_language=LANGUAGE)]
    analyzer = (engine_class or AnalyzerEngine)(registry=registry, nlp_engine=engine,
                              supported_languages=[LANGUAGE],
                              default_score_threshold=default_score_threshold,
                              context_aware_enhancer=context_aware_enhancer)
    return analyzer
