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
from typing import Any

import yaml

from gldocs.errors import LexiconError
from gldocs.redact.morphology import is_form, stems, table_lemma
from gldocs.redact.prefilter import Prefilter, required_literals, safe_lower
from gldocs.yamlfile import load_yaml

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


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
    _scan_cache: dict[str, tuple[Term, ...]] = field(default_factory=dict, repr=False)
    _literal: dict[str, list[Term]] = field(default_factory=dict, repr=False)
    _literal_cache: dict[str, tuple[Term, ...]] = field(default_factory=dict, repr=False)
    _pattern_groups: dict[str, re.Pattern[str]] | None = field(default=None, repr=False)
    _prefilters: dict[str, Prefilter] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for term in self.terms:
            first = term.words[0]
            if first.suffix or len(first.word) < 3:
                self._scan.append(term)
            elif not first.prefix:
                self._literal.setdefault(first.word, []).append(term)
            else:
                self._index.setdefault(first.word[:3], []).append(term)
        words = sorted({t.words[0].word for t in self._scan}, key=len, reverse=True)
        # one regex to tell quickly whether a word can start any of the scan terms
        self._scan_any = (re.compile("|".join(re.escape(w) for w in words))
                          if words and all(words) else None)

    def _live_tags(self, text: str) -> set[str]:
        """Tags with at least one pattern match in ``text``: one combined search per tag
        first, so most texts skip most patterns (same results, much faster)."""
        if self._pattern_groups is None:
            groups: dict[str, list[str]] = {}
            for k, pat in enumerate(self.patterns):
                tag = self.pattern_tags[k] if k < len(self.pattern_tags) else self.name
                if re.search(r"\\[1-9]|\(\?P=", pat.pattern):  # back-references: no merging
                    groups.setdefault(tag, []).append("")
                try:
                    factored = _factor_alternations(pat.pattern)
                except ValueError:
                    factored = pat.pattern
                groups.setdefault(tag, []).append(f"(?:{factored})")
            compiled: dict[str, re.Pattern[str]] = {}
            for t, ps in groups.items():
                try:
                    compiled[t] = re.compile("|".join(ps), re.IGNORECASE)
                except re.error:  # e.g. inline flags: then this tag is always searched
                    compiled[t] = re.compile("")
                # the words a match must contain, read from the very pattern searched
                self._prefilters[t] = Prefilter(required_literals(compiled[t].pattern,
                                                                  compiled[t].flags))
            self._pattern_groups = compiled
        # the regular expression only where the text holds a word it requires (exact: a
        # tag whose required words are all missing cannot match; see .prefilter)
        lowered = safe_lower(text)
        pre = self._prefilters
        return {t for t, rx in self._pattern_groups.items()
                if pre[t].may_match(text, lowered) and rx.search(text)}

    def _literal_for(self, tok: str) -> tuple[Term, ...]:
        """Plain-word terms that ``tok`` can be a form of (:mod:`~gldocs.redact.morphology`):
        the words the generator could have made it from and its lemma in the shipped table,
        looked up directly (each candidate is checked by :meth:`WordPattern.matches`)."""
        hit = self._literal_cache.get(tok)
        if hit is None:
            found: list[Term] = []
            for word in (*stems(tok), table_lemma(tok)):
                if word is not None:
                    found.extend(self._literal.get(word, ()))
            hit = tuple(dict.fromkeys(found))
            if len(self._literal_cache) < 200_000:
                self._literal_cache[tok] = hit
        return hit

    def _scan_for(self, tok: str) -> tuple[Term, ...]:
        """The wildcard/short terms whose first word can occur in ``tok`` (cached per word)."""
        hit = self._scan_cache.get(tok)
        if hit is None:
            if self._scan_any is None or self._scan_any.search(tok):
                hit = tuple(t for t in self._scan if t.words[0].word in tok)
            else:
                hit = ()
            if len(self._scan_cache) < 200_000:
                self._scan_cache[tok] = hit
        return hit

    def find(self, text: str, patterns: bool = True) -> list[LexMatch]:
        """Every match in ``text`` (overlapping matches are all returned); ``patterns=False``
        looks at the word terms only."""
        # a lexicon of patterns only (no terms) has no word to look up
        tokens = _tokens(text) if self.terms else ()
        out: list[LexMatch] = []
        for i, (start, _end, tok) in enumerate(tokens):
            candidates = (*self._index.get(tok[:3], ()), *self._literal_for(tok))
            scan = self._scan_for(tok)
            for term in (*candidates, *scan):
                n = len(term.words)
                if i + n > len(tokens):
                    continue
                if not term.words[0].matches(tok):
                    continue
                if n == 1 or all(term.words[k].matches(tokens[i + k][2]) for k in range(1, n)):
                    if n > 1 and not _adjacent(text, tokens[i:i + n]):
                        continue
                    out.append(LexMatch(start, tokens[i + n - 1][1], term.text,
                                        term.tag or self.name))
        live = self._live_tags(text) if patterns else set()
        for k, pat in enumerate(self.patterns if patterns else ()):
            tag = self.pattern_tags[k] if k < len(self.pattern_tags) else self.name
            if tag not in live:
                continue
            for m in pat.finditer(text):
                if m.end() > m.start():
                    out.append(LexMatch(m.start(), m.end(), pat.pattern, tag))
        if self.exceptions and out:
            out = self._without_exceptions(text, out)
        return out

    def _without_exceptions(self, text: str, matches: list[LexMatch]) -> list[LexMatch]:
        """Drop matches that lie inside an exception of their own lexicon (the word
        ``afdeling`` in ``Neurologisk Afdeling`` is no prison section)."""
        covers: dict[str, list[tuple[int, int]]] = {}
        tags = {m.lexicon for m in matches}
        for k, pat in enumerate(self.exceptions):
            tag = self.exception_tags[k] if k < len(self.exception_tags) else self.name
            if tag not in tags:
                continue  # only the categories that matched need their exceptions
            covers.setdefault(tag, []).extend(
                (m.start(), m.end()) for m in pat.finditer(text) if m.end() > m.start())
        return [m for m in matches
                if not any(a <= m.start and m.end <= b for a, b in covers.get(m.lexicon, ()))]


_PLAIN_WORD = re.compile(r"[^\W\d_]+")


def _factor_alternations(pattern: str) -> str:
    """``pattern`` with the plain-word alternatives of every non-capturing group written as
    a letter trie ("(?:afghansk|albansk|algerisk)" -> "(?:a(?:fghansk|l(?:bansk|gerisk)))"):
    the group can match exactly the same strings (the alternatives' order only decides
    which match is found first), but Python's regex engine then tries a few letters at each
    word instead of every alternative. Used for the yes/no pre-search in
    :meth:`Lexicon._live_tags` only; the matches themselves come from the patterns as
    written."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif ch == "[":
            end = _class_end(pattern, i)
            out.append(pattern[i:end])
            i = end
        elif pattern.startswith("(?:", i):
            end = _group_end(pattern, i)
            alts = [_factor_alternations(a) for a in _top_alternatives(pattern[i + 3:end])]
            words = [a for a in alts if _PLAIN_WORD.fullmatch(a)]
            if len(words) >= 2:
                alts = [_trie(words), *(a for a in alts if not _PLAIN_WORD.fullmatch(a))]
            out.append(f"(?:{'|'.join(alts)})")
            i = end + 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _class_end(pattern: str, i: int) -> int:
    """Index just after the character class that opens at ``pattern[i]``."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def _group_end(pattern: str, i: int) -> int:
    """Index of the ``)`` closing the group that opens at ``pattern[i]``."""
    depth = 0
    j = i
    while j < len(pattern):
        ch = pattern[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            j = _class_end(pattern, j)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    raise ValueError("unbalanced group")


def _top_alternatives(body: str) -> list[str]:
    """``body`` split at its top-level ``|``."""
    parts: list[str] = []
    depth = 0
    start = 0
    j = 0
    while j < len(body):
        ch = body[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            j = _class_end(body, j)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(body[start:j])
            start = j + 1
        j += 1
    parts.append(body[start:])
    return parts


def _trie(words: list[str]) -> str:
    """A regular expression for exactly ``words`` (letters only), factored by prefix."""
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(tree)


def _trie_regex(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [ch + _trie_regex(child) for ch, child in node.items() if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if ends:
        return f"(?:{body})?"
    return body


@lru_cache(maxsize=512)
def _tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(text))


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
