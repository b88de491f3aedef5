"""Which language a sentence is written in, as far as the redactor needs to know it.

Case files hold passages in other languages: a statement from a foreign probation service, a
German court letter, a quoted English e-mail. Danish rules must not shred them: a Danish
lexicon term that is an ordinary word there ("race", "exit", "patient") is no § 10 hit in an
English sentence, and a capitalised ordinary word ("The", "Name", "High") is no person name
without other evidence. The test is deliberately simple and explainable: count the function
words that only one of the languages uses. A sentence is foreign only when the foreign ones
clearly win; anything unclear counts as Danish (the strict rules then apply: fail closed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from gldocs.redact.context import Span, sentences
from gldocs.redact.default_words import default_words
from gldocs.redact.lexicon import load_word_list
from gldocs.redact.marks import LEGAL_BASIS
from gldocs.yamlfile import read_yaml

if TYPE_CHECKING:
    from gldocs.redact.wordlists import WordLists


LANGUAGES = ("da", "en", "de")  # the languages told apart (a list each in the word file)


class FunctionWords:
    """The function words of one policy (``resources.function_words``,
    ``lexicons/funktionsord.yaml``): per language the words that occur in it only, and the
    name particles that stand inside a name ("van der Berg"). Built once per word file
    (:func:`function_words`); hashes by identity (the per-text counts are cached by it)."""

    def __init__(self, words: WordLists) -> None:
        self.words = words
        self.by_language: Mapping[str, frozenset[str]] = MappingProxyType(
            {lang: words.set(lang) for lang in LANGUAGES})
        lists = self.by_language.values()
        # a word of two lists ("er": Danish "is", German "he") tells neither language
        shared = frozenset(w for a in lists for b in lists if a is not b for w in a & b)
        # the language each telling function word belongs to
        self.language_of = {w: lang for lang, ws in self.by_language.items() for w in ws
                            if w not in shared}
        # a name particle between two capitalised words ("Compania Chilena de Navegacion",
        # "Rafael van der Berg"): part of a name, no Danish or German function word
        self.particles = words.set("name_particles")

    def of(self, lang: str) -> frozenset[str]:
        """The function words of ``lang`` (none for a language without a list)."""
        return self.by_language.get(lang, frozenset())


@lru_cache(maxsize=8)
def function_words(words: WordLists | None = None) -> FunctionWords:
    """The function words of ``words`` (a bundle's ``function_words``), built once; None:
    the bundled kommune policy's (for a function called on its own)."""
    return FunctionWords(words if words is not None else default_words("function_words"))


_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=32_768)
def _counts(text: str, fw: FunctionWords) -> tuple[int, Mapping[str, int]]:
    """The number of words of ``text`` and of function words per language (read-only).
    Remembered per text: the name checks, the document's language, the phone finder and
    the lexicons' false friends ask about the same units and sentences."""
    words = _WORD.findall(text)
    counts = dict.fromkeys(LANGUAGES, 0)
    last = len(words) - 1
    language_of, particles = fw.language_of, fw.particles
    for i, word in enumerate(words):
        low = word.lower()
        lang = language_of.get(low)
        if lang is None:
            continue
        if low in particles and word[0].islower() and 0 < i < last and \
                _name_side(words, i, -1, particles) and _name_side(words, i, 1, particles):
            continue
        counts[lang] += 1
    return len(words), MappingProxyType(counts)


def clear_caches() -> None:
    """Forget the per-text counts (benchmarks; results never depend on them)."""
    _counts.cache_clear()


def _name_side(words: list[str], i: int, step: int, particles: frozenset[str]) -> bool:
    """Whether a capitalised word stands next to the particle at ``i`` (other particles
    between: "van der Berg")."""
    j = i + step
    while 0 <= j < len(words) and words[j] in particles:
        j += step
    return 0 <= j < len(words) and words[j][0].isupper()


def _verdict(n_words: int, counts: Mapping[str, int], least: int = 2) -> str:
    """The foreign language that clearly wins ``counts`` ("" when none does, "da" when
    Danish function words are there and no foreign language wins)."""
    counts = dict(counts)
    danish = counts.pop("da")
    lang, best = max(counts.items(), key=lambda kv: kv[1])
    if n_words >= 3 and best >= least and best > 2 * danish:
        return lang
    return "da" if danish else ""


def sentence_language(text: str, fw: FunctionWords | None = None) -> str:
    """``"en"`` or ``"de"`` when the sentence is clearly in that language, else ``"da"``.

    Clearly: at least two function words of the language, and more than twice as many as
    the Danish ones (a Danish sentence quoting "Thinking Skills Programme" stays Danish).
    ``fw``: the policy's function words (default: the bundled kommune policy's)."""
    return _verdict(*_counts(text, fw or function_words())) or "da"


# the header line gldocs puts on a redacted copy ("Redigeret til kommunen efter rhl. §§
# 9-10 · 6. december 2026"): Danish, but no part of the document's own text (``scan`` reads
# the copy as ``redact`` read the original)
_OWN_MARK = re.compile(rf"^\s*Redigeret til .{{1,100}} efter {re.escape(LEGAL_BASIS)}")


def document_language(texts: Iterable[str],
                      vocabulary: Mapping[str, frozenset[str]] | None = None,
                      fw: FunctionWords | None = None) -> str:
    """The language of a whole document: ``"en"``/``"de"`` when its text is clearly
    written in it (at least eight function words of it, more than three times the Danish
    ones), else ``"da"``. A Danish plan that quotes an English letter stays Danish.

    A document with too few function words to tell (a form, a table, a list of addresses)
    is in a foreign language when at least half of its words of three letters or more (and
    three at least) are in that language's ``vocabulary`` (its most used words; a Danish
    text has about one in eight) and that language's function words are at least twice the
    Danish ones. ``fw``: the policy's function words (default: the bundled kommune
    policy's)."""
    fw = fw or function_words()
    texts = [t for t in texts if not _OWN_MARK.search(t)]
    counts = dict.fromkeys(LANGUAGES, 0)
    for text in texts:
        for lang, k in _counts(text, fw)[1].items():
            counts[lang] += k
    danish = counts.pop("da")
    lang, best = max(counts.items(), key=lambda kv: kv[1])
    if best >= 8 and best > 3 * danish:
        return lang
    if not vocabulary or all(counts.get(other, 0) < 2 * danish for other in vocabulary):
        return "da"  # (no language could win below: no need to read every word)
    words = [w.lower() for t in texts for w in _WORD.findall(t) if len(w) >= 3]
    if not words:
        return "da"
    shares = {lang: sum(w in vocab for w in words) for lang, vocab in vocabulary.items()}
    lang, known = max(shares.items(), key=lambda kv: kv[1])
    if known >= 3 and known >= 0.5 * len(words) and counts.get(lang, 0) >= 2 * danish:
        return lang
    return "da"


# a quotation of three words or more inside a sentence: judged on its own
_QUOTATION = re.compile(r"[\"“„«»][^\"“”„«»\n]*?\w+\W+\w+\W+\w+[^\"“”„«»\n]*[\"”“»«]")


def _segments(text: str, words: WordLists | None = None) -> list[Span]:
    """The sentences of ``text``, a quotation inside one cut out as a segment of its own
    (``Han skrev: "I will never go back." Det tror jeg ikke på.``); ``words``: the policy's
    sentence words (:func:`~gldocs.redact.context.sentences`)."""
    out: list[Span] = []
    for sp in sentences(text, words):
        pos = sp.start
        for m in _QUOTATION.finditer(text, sp.start, sp.end):
            if m.start() > pos:
                out.append(Span(pos, m.start()))
            out.append(Span(m.start(), m.end()))
            pos = m.end()
        if pos < sp.end:
            out.append(Span(pos, sp.end))
    return out


@dataclass(frozen=True)
class ForeignSpans:
    """The parts of one text unit written in another language than Danish, as
    ``(start, end, language)`` of whole sentences.

    A sentence's own function words decide it; a sentence too short to tell ("Name",
    "Kind regards", "High") takes its unit's language when the unit as a whole is clearly
    foreign, else the document's (``default``). Mixed text is handled sentence by
    sentence: a Danish sentence that quotes an English one stays Danish."""

    spans: tuple[tuple[int, int, str], ...] = field(default=())

    @classmethod
    def of(cls, text: str, default: str = "da",
           sentence_words: WordLists | None = None,
           fw: FunctionWords | None = None) -> ForeignSpans:
        """The foreign sentences of ``text``; ``sentence_words``, ``fw``: the policy's
        (where its sentences end, :func:`~gldocs.redact.context.sentences`; its function
        words; default: the bundled kommune policy's)."""
        fw = fw or function_words()
        n_words, whole = _counts(text, fw)
        if not n_words or (default == "da" and not any(
                k for lang, k in whole.items() if lang != "da")):
            return cls()  # no foreign function word: nothing foreign (the usual case)
        sents = _segments(text, sentence_words)
        verdicts = [_verdict(*_counts(text[sp.start:sp.end], fw)) for sp in sents]
        fallback = default
        if "" in verdicts and len(sents) > 1:
            fallback = _verdict(n_words, whole) or default
        out = [(sp.start, sp.end, v or fallback) for sp, v in zip(sents, verdicts, strict=True)]
        return cls(tuple((a, b, lang) for a, b, lang in out if lang != "da"))

    def at(self, pos: int) -> str:
        """The language at character ``pos`` ("da" outside the foreign sentences)."""
        for a, b, lang in self.spans:
            if a <= pos < b:
                return lang
        return "da"

    def __bool__(self) -> bool:
        return bool(self.spans)


@dataclass(frozen=True)
class ForeignWords:
    """Per language: its ordinary words, and the Danish lexicon terms that mean something else
    in it (false friends). Loaded from the policy's lexicon folder."""

    common: dict[str, frozenset[str]]
    false_friends: dict[str, frozenset[str]]
    # given names of many cultures (English, German, Polish, Arabic ...): evidence that a
    # capitalised word in a foreign sentence is a person (as written, e.g. "Siobhan")
    given_names: frozenset[str] = frozenset()
    # per language its most used words (lower case): tells a form's or a table's language
    vocabulary: dict[str, frozenset[str]] = field(default_factory=dict)
    # the function words of each language (the policy's; None: the bundled kommune policy's)
    function: FunctionWords | None = None

    @property
    def function_words(self) -> FunctionWords:
        """The policy's function words (:class:`FunctionWords`)."""
        return self.function or function_words()

    def is_common(self, word: str, lang: str) -> bool:
        low = word.lower()
        return low in self.common.get(lang, frozenset()) or \
            low in self.function_words.of(lang)

    def is_ordinary(self, word: str, lang: str) -> bool:
        """An ordinary word of ``lang``: its word list, function words or vocabulary."""
        return self.is_common(word, lang) or \
            word.lower() in self.vocabulary.get(lang, frozenset())

    def is_common_anywhere(self, word: str) -> bool:
        return any(word.lower() in words for words in self.common.values())

    def is_false_friend(self, word: str, lang: str) -> bool:
        return word.lower() in self.false_friends.get(lang, frozenset())


def load_foreign_words(common: dict[str, Path], false_friends: Path | None,
                       given_names: Path | None = None,
                       vocabulary: dict[str, Path] | None = None) -> ForeignWords:
    """The ordinary-word lists (language -> one word a line), the false friends (a YAML
    mapping language -> words) and the given names of other cultures (one a line). Raises
    OSError/ValueError on an unreadable or empty file: the policy bundle turns that into an
    exit-2 error naming the resource."""
    names: frozenset[str] = frozenset()
    if given_names is not None:
        names = load_word_list(given_names)
        if not names:
            raise ValueError(f"listen over udenlandske fornavne er tom ({given_names})")
    words = {lang: load_word_list(path) for lang, path in common.items()}
    for lang, ws in words.items():
        if not ws:
            raise ValueError(f"listen over almindelige ord ({lang}) er tom ({common[lang]})")
    friends: dict[str, frozenset[str]] = {}
    if false_friends is not None:
        data = read_yaml(false_friends, "Listen over falske venner")  # no aliases
        if not isinstance(data, dict) or not data:
            raise ValueError(f"listen over falske venner er tom eller ugyldig ({false_friends})")
        friends = {str(lang): frozenset(str(w).lower() for w in ws or [])
                   for lang, ws in data.items()}
    vocab = {lang: load_word_list(path) for lang, path in (vocabulary or {}).items()}
    for lang, ws in vocab.items():
        if not ws:
            raise ValueError(f"ordforrådet ({lang}) er tomt ({(vocabulary or {})[lang]})")
    return ForeignWords({k: frozenset(w.lower() for w in v) for k, v in words.items()},
                        friends, frozenset(names),
                        {k: frozenset(w.lower() for w in v) for k, v in vocab.items()})
