"""Lexicons: term lists kept as data files (``policies/lexicons/<name>.yaml``).

A lexicon file::

    name: helbred
    description: Helbredsoplysninger (rhl. § 10)
    sources:                  # where the lists came from (documentation, not matched)
      - "WHO ICD-10, kapitel F (psykiske lidelser)"
    terms:                    # words or phrases, case-insensitive, inflected forms match
      - epilepsi              # epilepsi, epilepsien
      - sygdom                # sygdom, sygdomme, sygdommen, sygdommens
      - diagnos*              # prefix: diagnosen, diagnosticeret
      - "*medicin"            # compound head: blodfortyndende medicin, sovemedicinen
      - "*ekstrem*"           # anywhere inside a word: højreekstremt
      - psykiatrisk center    # phrase: every word must follow in order
    words:                    # named word lists for the patterns, used there as {name}
      afdeling:               # one word or phrase a line; "word*": the word and longer
        - neurologisk         # words ("\\w*"), "*word": longer words ending in it; the
        - medicinsk           # words of a phrase are separated by any white space
        - børne og unge*      # -> (?:neurologisk|medicinsk|børne\\s+og\\s+unge\\w*)
    parts:                    # named short pattern pieces, used as {name} in the patterns
      dosis: '\\d+\\s?mg'     # (and in later parts): a long pattern told in steps
    patterns:                 # regular expressions, case-insensitive, at most 80 characters
      - '\\b{dosis}\\b'       # each with a comment saying what it catches
    exceptions:               # regular expressions: a match lying inside one does not count
      - '\\b{afdeling}\\w*\\s+afdeling\\w*'

A pattern, exception or part longer than :data:`MAX_PATTERN` characters (as written, before
``{name}`` is expanded) is one a policy author cannot read: ``policies check`` refuses it
(:func:`long_patterns`); put its alternatives in a ``words`` list or its steps in ``parts``.

Matching is lemma-aware through one morphology (:mod:`gldocs.redact.morphology`): a plain
word, and the head of a ``*word`` compound, matches its forms in the shipped lemma table
and the regular Danish inflections the generator there makes (definite/plural/genitive
nouns, adjective -e, verb -ede/-et, doubled final consonant: sygdom -> sygdommene). Words
are compared after splitting at hyphens, so ``Antabus-behandling`` contains ``antabus``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from gldocs.errors import LexiconError
from gldocs.redact.morphology import is_form, stems, table_lemma
from gldocs.redact.prefilter import PatternIndex, safe_lower, text_words, with_first_char_gate
from gldocs.yamlfile import load_yaml

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_MAX_CACHE = 200_000  # words whose first-word terms a lexicon remembers


MAX_PATTERN = 80  # characters of a pattern, exception or part as written in the file

__all__ = [
    "MAX_PATTERN",
    "Lexicon",
    "LexiconError",
    "Term",
    "load_lexicon",
    "load_lexicon_file",
    "load_word_list",
    "long_patterns",
    "parse_term",
]


@dataclass(frozen=True)
class WordPattern:
    word: str
    prefix: bool = False  # "word*"
    suffix: bool = False  # "*word"

    def matches(self, token: str) -> bool:
        w = self.word
        if self.prefix and self.suffix:
            return w in token  # "" (a lone "*") matches any word
        if self.prefix:
            return token.startswith(w)
        if self.suffix:  # the compound's head is a form of the word
            idx = token.find(w)
            while idx != -1:
                if is_form(token[idx:], w):
                    return True
                idx = token.find(w, idx + 1)
            return False
        return is_form(token, w)


@dataclass(frozen=True)
class Term:
    text: str
    words: tuple[WordPattern, ...]
    tag: str = ""  # set when lexicons are combined: which category the term serves


@dataclass(frozen=True)
class LexMatch:
    start: int
    end: int
    term: str
    lexicon: str


@dataclass
class Lexicon:
    name: str
    description: str
    terms: list[Term]
    patterns: list[re.Pattern[str]]
    pattern_tags: list[str] = field(default_factory=list)
    exceptions: list[re.Pattern[str]] = field(default_factory=list)
    exception_tags: list[str] = field(default_factory=list)
    sources: tuple[str, ...] = ()
    written: tuple[str, ...] = ()  # patterns, exceptions and parts as the file writes them
    _index: dict[str, list[Term]] = field(default_factory=dict, repr=False)
    _scan: list[Term] = field(default_factory=list, repr=False)
    _scan_any: re.Pattern[str] | None = field(default=None, repr=False)
    _literal: dict[str, list[Term]] = field(default_factory=dict, repr=False)
    _first: dict[str, tuple[Term, ...]] = field(default_factory=dict, repr=False)
    # (a word, the word after it) -> per term of the word (_first_word_terms), whether the
    # term is a phrase whose second word the word after is (most phrases end there)
    _seconds: dict[tuple[str, str], tuple[bool, ...]] = field(default_factory=dict,
                                                              repr=False)
    _compiled: _Compiled | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for term in self.terms:
            first = term.words[0]
            if first.suffix or len(first.word) < 3:
                self._scan.append(term)
            elif not first.prefix:
                self._literal.setdefault(first.word, []).append(term)
            else:
                self._index.setdefault(first.word[:3], []).append(term)
        # (longest first, ties in a fixed order: the same pattern text in every process,
        # so a cold start finds it compiled: gldocs.redact.pattern_cache)
        words = sorted({t.words[0].word for t in self._scan}, key=lambda w: (-len(w), w))
        # one regex to tell quickly whether a word can start any of the scan terms
        self._scan_any = (re.compile("|".join(re.escape(w) for w in words))
                          if words and all(words) else None)

    def compile(self) -> _Compiled:
        """What matching needs beyond the terms, built once (on first use, or before
        ``--jobs`` workers fork so that they share it): which patterns and exceptions a
        text can match (:class:`~gldocs.redact.prefilter.PatternIndex`, over the distinct
        ones: categories that share a lexicon share its patterns, each run once per text),
        and their tags."""
        if self._compiled is None:
            patterns, pattern_of = _distinct(self.patterns)
            exceptions, exception_of = _distinct(self.exceptions)
            self._compiled = _Compiled(
                PatternIndex(patterns), pattern_of,
                _tags(self.pattern_tags, len(self.patterns), self.name),
                PatternIndex(exceptions), exception_of,
                _tags(self.exception_tags, len(self.exceptions), self.name),
                patterns, exceptions)
        return self._compiled

    def _first_word_terms(self, tok: str) -> tuple[Term, ...]:
        """The terms whose first word ``tok`` is (a form of), in a fixed order: the prefix
        terms under its first three letters, the plain-word terms it can be a form of
        (:meth:`_literal_for`), the wildcard and short terms occurring in it
        (:meth:`_scan_for`). Remembered per word: a text's words are looked up, not
        searched for."""
        hit = self._first.get(tok)
        if hit is None:
            hit = self._terms_of(tok)
            if not hit and tok.isascii():
                # "Disciplinaerafgoerelse_2025.pdf": a file name or an address writes æ, ø
                # and å as ae, oe and aa; the word so written is the word
                danish = danish_letters(tok)
                if danish != tok:
                    hit = self._terms_of(danish)
            if len(self._first) < _MAX_CACHE:
                self._first[tok] = hit
        return hit

    def _terms_of(self, tok: str) -> tuple[Term, ...]:
        candidates = (*self._index.get(tok[:3], ()), *self._literal_for(tok),
                      *self._scan_for(tok))
        return tuple(t for t in candidates if t.words[0].matches(tok))

    def _literal_for(self, tok: str) -> tuple[Term, ...]:
        """Plain-word terms that ``tok`` can be a form of (:mod:`~gldocs.redact.morphology`):
        the words the generator could have made it from and its lemma in the shipped table,
        looked up directly (each candidate is checked by :meth:`WordPattern.matches`)."""
        found: list[Term] = []
        for word in (*stems(tok), table_lemma(tok)):
            if word is not None:
                found.extend(self._literal.get(word, ()))
        return tuple(dict.fromkeys(found))

    def _scan_for(self, tok: str) -> tuple[Term, ...]:
        """The wildcard/short terms whose first word can occur in ``tok``."""
        if self._scan_any is None or self._scan_any.search(tok):
            return tuple(t for t in self._scan if t.words[0].word in tok)
        return ()

    def find(self, text: str, patterns: bool = True) -> list[LexMatch]:
        """Every match in ``text`` (overlapping matches are all returned): the terms' in the
        order of their first words, then the patterns' in the order of the patterns;
        ``patterns=False`` looks at the word terms only."""
        # a lexicon of patterns only (no terms) has no word to look up
        out = self._term_matches(text, _tokens(text)) if self.terms else []
        if patterns and self.patterns:
            out.extend(self._pattern_matches(text))
        if self.exceptions and out:
            out = self._without_exceptions(text, out)
        return out

    def _term_matches(self, text: str, tokens: Sequence[tuple[int, int, str]]
                      ) -> list[LexMatch]:
        """One pass over the words of ``text``: each word's terms by lookup, a phrase's
        second word by a lookup of the pair of words (:meth:`_second_words`), its further
        words checked in the words that follow."""
        out: list[LexMatch] = []
        first, seconds = self._first, self._seconds
        count = len(tokens)
        for i, (start, _end, tok) in enumerate(tokens):
            terms = first.get(tok)
            if terms is None:
                terms = self._first_word_terms(tok)
            second: tuple[bool, ...] | None = None
            for j, term in enumerate(terms):
                words = term.words
                n = len(words)
                if n == 1:
                    out.append(LexMatch(start, _end, term.text, term.tag or self.name))
                    continue
                if i + n > count:
                    continue
                if second is None:
                    after = tokens[i + 1][2]
                    second = seconds.get((tok, after))
                    if second is None:
                        second = self._second_words(tok, terms, after)
                if not second[j] or (n > 2 and not all(
                        words[k].matches(tokens[i + k][2]) for k in range(2, n))):
                    continue
                if _adjacent(text, tokens[i:i + n]):
                    out.append(LexMatch(start, tokens[i + n - 1][1], term.text,
                                        term.tag or self.name))
        return out

    def _second_words(self, tok: str, terms: Sequence[Term], after: str) -> tuple[bool, ...]:
        """Per term of ``terms`` (the terms whose first word ``tok`` is), whether it is a
        phrase whose second word ``after`` is (a form of); remembered per pair of words."""
        hit = tuple(len(t.words) > 1 and t.words[1].matches(after) for t in terms)
        if len(self._seconds) < _MAX_CACHE:
            self._seconds[(tok, after)] = hit
        return hit

    def _pattern_matches(self, text: str) -> list[LexMatch]:
        """The patterns' matches, run only where the text holds the words they require;
        a pattern several categories share runs once (its matches serve each of them, in
        the order of the patterns)."""
        compiled = self.compile()
        ds = compiled.patterns.candidates(text)
        if not ds:
            return []
        members = compiled.pattern_members
        patterns, tags = self.patterns, compiled.pattern_tags
        out: list[LexMatch] = []
        if len(ds) == sum(len(members[d]) for d in ds):  # (no shared pattern among them)
            for d in ds:
                k = members[d][0]
                term, tag = patterns[k].pattern, tags[k]
                out.extend(LexMatch(m.start(), m.end(), term, tag)
                           for m in compiled.run(d).finditer(text) if m.end() > m.start())
            return out
        spans: dict[int, list[tuple[int, int]]] = {}
        for d in ds:
            spans[d] = [m.span() for m in compiled.run(d).finditer(text) if m.end() > m.start()]
        for k in sorted(k for d in ds for k in members[d]):
            term, tag = patterns[k].pattern, tags[k]
            out.extend(LexMatch(a, b, term, tag) for a, b in spans[compiled.pattern_of[k]])
        return out

    def _without_exceptions(self, text: str, matches: list[LexMatch]) -> list[LexMatch]:
        """Drop matches that lie inside an exception of their own lexicon (the word
        ``afdeling`` in ``Neurologisk Afdeling`` is no prison section)."""
        compiled = self.compile()
        covers: dict[str, list[tuple[int, int]]] = {}
        # only the categories that matched need their exceptions
        tags = {m.lexicon for m in matches}
        own = sorted({d for tag in tags for d in compiled.exceptions_of.get(tag, ())})
        for d in compiled.exceptions.candidates(text, own) if own else ():
            spans = [(m.start(), m.end()) for m in compiled.exception_run(d).finditer(text)
                     if m.end() > m.start()]
            for tag in compiled.exception_tags_of[d]:
                covers.setdefault(tag, []).extend(spans)
        if not covers:
            return matches
        return [m for m in matches
                if not any(a <= m.start and m.end <= b for a, b in covers.get(m.lexicon, ()))]


def danish_letters(word: str) -> str:
    """``word`` with the ASCII spellings of the Danish letters as the letters ("ae" -> "æ",
    "oe" -> "ø", "aa" -> "å"): "disciplinaerafgoerelse" -> "disciplinærafgørelse"."""
    return word.replace("aa", "å").replace("ae", "æ").replace("oe", "ø")


GATE_AFTER = 4  # a lexicon pattern's runs before its first-character gate is made


def _distinct(patterns: Sequence[re.Pattern[str]]
              ) -> tuple[list[re.Pattern[str]], tuple[int, ...]]:
    """The distinct patterns of ``patterns`` (the same text and flags: the same matches),
    in the order of their first occurrence, and for each pattern the index of its own."""
    index: dict[tuple[str, int], int] = {}
    distinct: list[re.Pattern[str]] = []
    of = []
    for pattern in patterns:
        key = (pattern.pattern, pattern.flags)
        d = index.get(key)
        if d is None:
            d = index[key] = len(distinct)
            distinct.append(pattern)
        of.append(d)
    return distinct, tuple(of)


@dataclass(frozen=True)
class _Compiled:
    patterns: PatternIndex  # over the distinct patterns
    pattern_of: tuple[int, ...]  # each pattern's distinct pattern
    pattern_tags: tuple[str, ...]  # each pattern's tag
    exceptions: PatternIndex  # over the distinct exceptions
    exception_of: tuple[int, ...]
    exception_tags: tuple[str, ...]
    distinct: list[re.Pattern[str]]
    distinct_exceptions: list[re.Pattern[str]]
    # the distinct patterns and exceptions as run, made on first use: the same matches,
    # with a first-character gate in front (prefilter.with_first_char_gate); reports name
    # the patterns as written
    runs: list[re.Pattern[str] | None] = field(init=False)
    exception_runs: list[re.Pattern[str] | None] = field(init=False)
    uses: list[int] = field(init=False)  # each distinct pattern's runs so far, until gated
    exception_uses: list[int] = field(init=False)
    pattern_members: tuple[tuple[int, ...], ...] = field(init=False)  # distinct -> patterns
    exceptions_of: dict[str, tuple[int, ...]] = field(init=False)  # tag -> its exceptions
    exception_tags_of: tuple[tuple[str, ...], ...] = field(init=False)  # distinct -> tags

    def __post_init__(self) -> None:
        def put(name: str, value: object) -> None:
            object.__setattr__(self, name, value)

        put("runs", [None] * len(self.distinct))
        put("exception_runs", [None] * len(self.distinct_exceptions))
        put("uses", [0] * len(self.distinct))
        put("exception_uses", [0] * len(self.distinct_exceptions))
        members: list[list[int]] = [[] for _ in self.distinct]
        for k, d in enumerate(self.pattern_of):
            members[d].append(k)
        put("pattern_members", tuple(tuple(ks) for ks in members))
        of: dict[str, list[int]] = {}
        tags_of: list[list[str]] = [[] for _ in self.distinct_exceptions]
        for k, tag in enumerate(self.exception_tags):
            d = self.exception_of[k]
            if d not in of.setdefault(tag, []):
                of[tag].append(d)
            if tag not in tags_of[d]:
                tags_of[d].append(tag)
        put("exceptions_of", {t: tuple(ds) for t, ds in of.items()})
        put("exception_tags_of", tuple(tuple(ts) for ts in tags_of))

    def run(self, d: int) -> re.Pattern[str]:
        """The distinct pattern ``d`` as run (:func:`_run`)."""
        return self.runs[d] or _run(self.runs, self.uses, d, self.distinct[d])

    def exception_run(self, d: int) -> re.Pattern[str]:
        return (self.exception_runs[d]
                or _run(self.exception_runs, self.exception_uses, d,
                        self.distinct_exceptions[d]))


def _run(runs: list[re.Pattern[str] | None], uses: list[int], k: int,
         pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` as run: as written for its first :data:`GATE_AFTER` runs, then with its
    first-character gate (:func:`~gldocs.redact.prefilter.with_first_char_gate`: the same
    matches), made once and kept in ``runs[k]``. The gate is a second compilation of the
    pattern (a few milliseconds): worth it for a pattern run on many texts, not for one
    that one small document needs a few times (cold start)."""
    uses[k] += 1
    if uses[k] <= GATE_AFTER:
        return pattern
    run = runs[k] = with_first_char_gate(pattern)
    return run


def _tags(tags: Sequence[str], count: int, default: str) -> tuple[str, ...]:
    """The tag of each of ``count`` patterns (``default`` past the end of ``tags``)."""
    return tuple(tags[k] if k < len(tags) else default for k in range(count))


def clear_caches() -> None:
    """Forget the per-text caches (benchmarks; results never depend on them)."""
    _tokens.cache_clear()
    text_words.cache_clear()


@lru_cache(maxsize=512)
def _tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """The words of ``text``, lower-cased, with their offsets."""
    lowered = safe_lower(text)
    if lowered is None:
        return tuple((m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(text))
    # lower case keeps every offset: the words of the lowered text, each found after the
    # one before (only characters of no word stand between two words, so a word's first
    # occurrence there is the word itself)
    out = []
    end = 0
    find = lowered.find
    for word in _TOKEN.findall(lowered):
        start = find(word, end)
        end = start + len(word)
        out.append((start, end, word))
    return tuple(out)


def _adjacent(text: str, toks: Sequence[tuple[int, int, str]]) -> bool:
    """Phrase words must be separated only by spaces, hyphens or a slash."""
    return all(re.fullmatch(r"[\s\-–/]{1,3}", text[a[1]:b[0]] or "")
               for a, b in itertools.pairwise(toks))


def parse_term(raw: str) -> Term:
    words = []
    for part in _split_words(raw):
        prefix = part.endswith("*")
        suffix = part.startswith("*")
        core = part.strip("*").lower()
        if not core:
            if part == "*":  # any one word: "samtaleforløb hos * psykolog"
                words.append(WordPattern("", prefix=True, suffix=True))
                continue
            raise LexiconError(f"tomt ord i termen '{raw}'")
        words.append(WordPattern(core, prefix=prefix, suffix=suffix))
    if not words:
        raise LexiconError(f"tom term '{raw}'")
    return Term(raw, tuple(words))


def _split_words(raw: str) -> Iterable[str]:
    # "brev- og besøgskontrol" -> brev, og, besøgskontrol ; "KSP-regi" -> ksp, regi
    for chunk in raw.replace("-", " ").replace("/", " ").split():
        # keep wildcards attached to word characters
        parts = [p for p in re.split(r"[^\w*]+", chunk) if p]
        yield from parts


def load_lexicon(directory: Path, name: str) -> Lexicon:
    """The lexicon ``<directory>/<name>.yaml``."""
    return load_lexicon_file(Path(directory) / f"{name}.yaml", name)


@lru_cache(maxsize=128)
def load_lexicon_file(path: Path, name: str) -> Lexicon:
    """The lexicon in ``path``; :class:`LexiconError` when it is missing, broken or empty."""
    if not path.is_file():
        raise LexiconError(f"leksikonet '{name}' findes ikke ({path})")
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LexiconError(f"leksikonfilen {path} er ikke gyldig YAML") from exc
    if not isinstance(data, dict):
        raise LexiconError(f"leksikonfilen {path} skal være en YAML-tabel")
    unknown = set(data) - {"name", "description", "sources", "terms", "words", "parts",
                           "patterns", "exceptions"}
    if unknown:
        raise LexiconError(f"leksikonfilen {path}: ukendt nøgle '{sorted(unknown)[0]}'")
    terms_raw = data.get("terms") or []
    pats_raw = data.get("patterns") or []
    exc_raw = data.get("exceptions") or []
    if not all(isinstance(v, list) for v in (terms_raw, pats_raw, exc_raw)):
        raise LexiconError(
            f"leksikonfilen {path}: 'terms', 'patterns' og 'exceptions' skal være lister")
    terms = []
    for i, raw in enumerate(terms_raw):
        if not isinstance(raw, str):
            raise LexiconError(f"leksikonfilen {path}: terms[{i}] skal være tekst")
        try:
            terms.append(parse_term(raw))
        except LexiconError as err:
            raise LexiconError(f"leksikonfilen {path}: terms[{i}]: {err}") from None
    if not terms_raw and not pats_raw:
        raise LexiconError(f"leksikonfilen {path} er tom (ingen terms eller patterns)")
    named = _named_pieces(path, data.get("words") or {}, data.get("parts") or {})
    patterns = _compile_all(path, "patterns", pats_raw, named)
    exceptions = _compile_all(path, "exceptions", exc_raw, named)
    sources = data.get("sources") or []
    if not isinstance(sources, list) or not all(isinstance(v, str) for v in sources):
        raise LexiconError(f"leksikonfilen {path}: 'sources' skal være en liste af tekster")
    parts = data.get("parts") or {}
    written = (*map(str, pats_raw), *map(str, exc_raw), *map(str, parts.values()))
    return Lexicon(name=str(data.get("name", name)), description=str(data.get("description", "")),
                   terms=terms, patterns=patterns, exceptions=exceptions,
                   sources=tuple(sources), written=written)


_NAME = re.compile(r"\{([^\W\d]\w*)\}")  # {name}; "{0,3}" stays a repetition
_META = frozenset(".^$*+?{}[]\\|()")


def word_regex(entry: str) -> str:
    """The regular expression of one ``words`` entry: its words separated by ``\\s+``, a
    leading or trailing ``*`` as ``\\w*``, every other character as itself."""
    out = []
    for word in entry.split():
        core = word.strip("*")
        if not core:
            raise LexiconError(f"tomt ord i '{entry}'")
        literal = "".join("\\" + c if c in _META else c for c in core)
        out.append(("\\w*" if word.startswith("*") else "") + literal
                   + ("\\w*" if word.endswith("*") else ""))
    if not out:
        raise LexiconError("tomt ord")
    return "\\s+".join(out)


def _named_pieces(path: Path, words: object, parts: object) -> dict[str, str]:
    """``{name}`` -> its regular expression: every ``words`` list as one alternation, every
    ``part`` with the names before it expanded."""
    if not isinstance(words, dict) or not isinstance(parts, dict):
        raise LexiconError(f"leksikonfilen {path}: 'words' og 'parts' skal være tabeller")
    named: dict[str, str] = {}
    for key, entries in words.items():
        if not isinstance(entries, list) or not entries or \
                not all(isinstance(e, str) for e in entries):
            raise LexiconError(f"leksikonfilen {path}: words.{key} skal være en liste af ord")
        try:
            named[str(key)] = "(?:" + "|".join(word_regex(e) for e in entries) + ")"
        except LexiconError as err:
            raise LexiconError(f"leksikonfilen {path}: words.{key}: {err}") from None
    for key, raw in parts.items():
        if str(key) in named:
            raise LexiconError(f"leksikonfilen {path}: navnet '{key}' bruges to gange")
        named[str(key)] = "(?:" + _expand(path, f"parts.{key}", str(raw), named) + ")"
    return named


def _expand(path: Path, where: str, raw: str, named: dict[str, str]) -> str:
    def one(m: re.Match[str]) -> str:
        if m.group(1) not in named:
            raise LexiconError(f"leksikonfilen {path}: {where}: ukendt navn '{{{m.group(1)}}}' "
                               "(skal stå under 'words' eller før under 'parts')")
        return named[m.group(1)]
    return _NAME.sub(one, raw)


def _compile_all(path: Path, key: str, raws: list[object], named: dict[str, str]
                 ) -> list[re.Pattern[str]]:
    out = []
    for i, raw in enumerate(raws):
        try:
            out.append(re.compile(_expand(path, f"{key}[{i}]", str(raw), named), re.IGNORECASE))
        except re.error as exc:
            raise LexiconError(
                f"leksikonfilen {path}: {key}[{i}] er ikke et gyldigt regulært udtryk ({exc})"
            ) from None
    return out


def long_patterns(lexicon: Lexicon, limit: int = MAX_PATTERN) -> list[str]:
    """The patterns, exceptions and parts of ``lexicon`` longer than ``limit`` characters as
    written (a policy author cannot read them; ``policies check`` refuses them)."""
    return [w for w in lexicon.written if len(w) > limit]


def load_word_list(path: Path) -> frozenset[str]:
    """A plain word list (one entry a line, ``#`` comments)."""
    words = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line)
    return frozenset(words)
