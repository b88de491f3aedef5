"""Lexicon detector: the policy's categories (rhl. § 10 categories, security terms, offence
details, prison-internal matters) matched in text through their lexicon files.

All categories' lexicons are merged into one index, so a text is scanned once for every
category; the matches are then sorted by category.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from gldocs.redact.context import sentences
from gldocs.redact.language import sentence_language
from gldocs.redact.lexicon import Lexicon, Term

if TYPE_CHECKING:
    from gldocs.redact.bundle import PolicyBundle



@dataclass(frozen=True)
class CategoryMatch:
    category: str
    start: int
    end: int
    text: str
    term: str


class CategoryMatcher:
    def __init__(self, bundle: PolicyBundle) -> None:
        policy = bundle.policy
        terms: list[Term] = []
        patterns = []
        tags = []
        exceptions = []
        exception_tags = []
        for name, cat in policy.categories.items():
            for lex_name in cat.lexicons:
                lex = bundle.lexicons[lex_name]
                terms.extend(dataclasses.replace(t, tag=name) for t in lex.terms)
                patterns.extend(lex.patterns)
                tags.extend([name] * len(lex.patterns))
                exceptions.extend(lex.exceptions)
                exception_tags.extend([name] * len(lex.exceptions))
        self.combined = Lexicon("*", "", terms, patterns, tags, exceptions, exception_tags)
        self.combined.compile()  # once per policy, before --jobs workers fork
        self.places = bundle.places
        # a street's name (Sygehusvej): its endings are the policy's address words
        self._street = re.compile(
            r"[A-ZÆØÅ][\wæøå\-]*(?:"
            + bundle.address_words.alternation("category_street_suffixes") + r")s?")
        self._term_texts = frozenset(t.text for t in terms)
        self.foreign = bundle.foreign
        self._sentence_words = bundle.sentence_words  # where a sentence ends
        # a false friend in any language: only a match of one needs the sentence's language
        self._false_friends = frozenset().union(*bundle.foreign.false_friends.values())
        self._cached = lru_cache(maxsize=1024)(self._all)
        self._terms_memo: dict[str, bool] = {}  # is_term per short text

    def _proper_noun(self, word: str) -> bool:
        """A town or a street name: "Tarm", "Tarmvej", "Hjertevej" hold no health data."""
        return word in self.places or bool(self._street.fullmatch(word))

    def _language_at(self, text: str) -> list[tuple[int, int, str]]:
        """Sentence spans of ``text`` written in another language than Danish."""
        return [(sp.start, sp.end, lang) for sp in sentences(text, self._sentence_words)
                if (lang := sentence_language(text[sp.start:sp.end],
                                              self.foreign.function_words)) != "da"]

    def _all(self, text: str) -> dict[str, list[CategoryMatch]]:
        out: dict[str, list[CategoryMatch]] = defaultdict(list)
        foreign: list[tuple[int, int, str]] | None = None  # read when a false friend matched
        for m in self.combined.find(text):
            matched = text[m.start:m.end]
            if m.term in self._term_texts and " " not in matched and matched[:1].isupper() \
                    and self._proper_noun(matched):
                continue  # a lexicon word inside a town or street name
            if " " not in matched.strip() and matched.lower() in self._false_friends:
                if foreign is None:
                    foreign = self._language_at(text)
                lang = next((la for a, b, la in foreign if a <= m.start < b), "da")
                if lang != "da" and self.foreign.is_false_friend(matched, lang):
                    continue  # "race", "exit", "patient" in an English sentence
            out[m.lexicon].append(CategoryMatch(m.lexicon, m.start, m.end, matched, m.term))
        return {k: sorted(v, key=lambda m: (m.start, m.end)) for k, v in out.items()}

    def clear_cache(self) -> None:
        self._cached.cache_clear()
        self._terms_memo.clear()

    def all(self, text: str) -> dict[str, list[CategoryMatch]]:
        """Every category's matches in ``text`` (per category sorted by position)."""
        return self._cached(text)

    def find(self, category: str, text: str) -> list[CategoryMatch]:
        return self._cached(text).get(category, [])

    def is_term(self, text: str) -> bool:
        """Whether ``text`` holds a word term of any category (then it is no person name).
        Short texts (name candidates): the word terms decide, the regular expressions are
        for sentences."""
        if len(text) > 60:
            return bool(self._cached(text))
        hit = self._terms_memo.get(text)
        if hit is None:  # (the same candidates are asked about from several stages)
            hit = any(m.term in self._term_texts and not (
                " " not in text[m.start:m.end] and text[m.start:m.end][:1].isupper()
                and self._proper_noun(text[m.start:m.end]))
                for m in self.combined.find(text, patterns=False))
            if len(self._terms_memo) > 100_000:
                self._terms_memo.clear()
            self._terms_memo[text] = hit
        return hit
