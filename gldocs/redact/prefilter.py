"""Required words of a regular expression: a cheap, exact "can it match at all?" test.

Python's ``re`` tries a case-insensitive pattern that starts with ``\\b`` at every position
of a text, so the lexicon patterns (long alternations of words) cost a scan each even where
none of their words occurs. :func:`required_sets` reads a pattern's syntax tree and returns
sets of strings such that every match contains one string of each set (``\\bfor\\s+sent\\b``
-> ``({"for"}, {"sent"})``). :class:`PatternIndex` answers, for a text, which of a list of
patterns can match: it finds the strings present in the text in one pass over its words
(each word's substrings looked up once and remembered) and runs no pattern one of whose
required sets is absent. The test is a substring test on the lower-cased text, exact only
for texts and strings made of :data:`SAFE` characters (there ``re``'s case-insensitive
matching is exactly "the same lower case"; a test checks every pair). A character without
case ("–", "’", "“": ``re`` matches it only to itself, ignoring case or not) is read as
itself, in a text and in a string. A text's other characters outside SAFE are read as
:func:`text_words` folds them: as the SAFE character ``re`` matches them to ignoring case
(the Kelvin sign as "k", the long s as "s"), or as a space when they match none ("ğ");
the index runs every pattern on a text holding a character that matches (ignoring case) a
cased character outside SAFE that the patterns write (the strings with one are left out of
the sets), a digit outside SAFE, or a character that matches SAFE characters of two lower
cases. A pattern it cannot read always runs. A "no" is therefore always right: the pattern
cannot match; a "yes" only means it must be run.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

C: Any
sre_parse: Any
try:  # the parser of the standard library's ``re`` (a private module, stable in 3.11)
    C = importlib.import_module("re._constants")
    sre_parse = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another Python: no prefilter, same results
    C = sre_parse = None
# whether ``re`` treats a character as cased (one without case matches only itself): its
# engine's own test, None where it is missing (then every character outside SAFE is cased)
_ISCASED: Any = getattr(importlib.import_module("_sre"), "unicode_iscased", None)

# Latin-1 without the micro sign (µ is case-equivalent to Greek mu in ``re``): for these
# characters ``re.IGNORECASE`` equivalence is exactly equality of ``str.lower()`` (checked
# in tests/redact/test_prefilter.py), and ``str.lower()`` keeps them one character long.
SAFE = frozenset(chr(i) for i in range(256)) - {"\u00b5"}
_MAX_SET = 256  # strings in one alternative set; beyond it the set is not used
_MAX_CACHE = 200_000  # words whose patterns an index remembers
_FEW = 8  # an index of this many patterns checks each one (no pass over the words)
_SEARCHED = 12  # a required set of at most this many strings is searched for in a text
_DIGITS = tuple("0123456789")  # what ``\\d`` matches among the SAFE characters (a test checks)
_WORD = re.compile(r"[^\W_]+")  # the words of a (lower-cased) text

Strings = frozenset[str]


def required_sets(pattern: str, flags: int = re.IGNORECASE) -> tuple[Strings, ...]:
    """Sets of lower-cased strings such that every match of ``pattern`` contains (ignoring
    case) one string of each set, the most selective set first; ``()`` when none is known
    (then the pattern must always be run)."""
    tree = _parse(pattern, flags)
    if tree is None:
        return ()
    try:
        exact, sets = _seq(list(tree))
    except NotImplementedError:  # a construct the analysis does not read
        return ()
    if _usable(exact):
        sets.append(exact)  # type: ignore[arg-type]  # _usable: not None
    safe = [s for s in map(_for_safe_text, dict.fromkeys(sets)) if s]
    return tuple(sorted(dict.fromkeys(safe), key=_selectivity, reverse=True))


@lru_cache(maxsize=2048)
def _parse(pattern: str, flags: int) -> Any:
    """``re``'s syntax tree of ``pattern`` (None when it cannot be read), parsed once for
    the required sets and the characters outside SAFE of an index (read-only; forgotten
    when the index is built)."""
    if sre_parse is None:
        return None
    try:
        return sre_parse.parse(pattern, flags)
    except (re.error, RecursionError):
        return None


def _for_safe_text(strings: Strings) -> Strings | None:
    """``strings`` as a requirement on SAFE texts: a string with a character that matches
    no SAFE character (``µ``: only Greek mu) cannot occur there and is left out; a string
    with another character outside SAFE (the Kelvin sign matches ``k``) makes the set
    unusable (None)."""
    kept = []
    for x in strings:
        if any(_matches_no_safe(c) for c in x):
            continue
        if not all(c in SAFE or caseless(c) for c in x):
            return None
        kept.append(x)
    return frozenset(kept) if kept else None


def caseless(char: str) -> bool:
    """A character outside SAFE that ``re`` treats as without case: it matches only itself
    and is its own lower case (a test checks every character)."""
    return _ISCASED is not None and char not in SAFE and not _ISCASED(ord(char))


@lru_cache(maxsize=4096)
def _matches_no_safe(char: str) -> bool:
    """Whether ``char`` is outside SAFE, has case and matches (ignoring case) no SAFE
    character."""
    if char in SAFE or caseless(char):
        return False
    pattern = re.compile(re.escape(char), re.IGNORECASE)
    return not any(pattern.fullmatch(c) for c in SAFE)


def required_literals(pattern: str, flags: int = re.IGNORECASE) -> Strings | None:
    """The most selective of :func:`required_sets` (None when there is none)."""
    sets = required_sets(pattern, flags)
    return sets[0] if sets else None


def _selectivity(strings: Strings) -> tuple[int, int]:
    """Longer shortest string first, then fewer strings."""
    return min(map(len, strings)), -len(strings)


def _usable(strings: Strings | None) -> bool:
    """A requirement: at least one string, none empty."""
    return bool(strings) and all(strings)  # type: ignore[arg-type]  # bool(None) is False


def _best(sets: list[Strings]) -> Strings | None:
    usable = [s for s in sets if _usable(s)]
    return max(usable, key=_selectivity) if usable else None


def _cross(cur: Strings, nxt: Iterable[str]) -> Strings | None:
    out = frozenset(x + y for x in cur for y in nxt)
    return out if len(out) <= _MAX_SET else None


def _char_set(items: list[Any]) -> Strings | None:
    """The lower-cased characters a class of plain characters (and ``\\d``) matches."""
    chars: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            chars.append(chr(av).lower())
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            chars.extend(_DIGITS)
        else:  # a range, a negation, another category: not read
            return None
    return frozenset(chars) if chars and len(set(chars)) <= len(_DIGITS) else None


def _seq(items: list[Any]) -> tuple[Strings | None, list[Strings]]:
    """For a sequence: (its exact string set if it can only match those strings, else None;
    the requirement sets found inside it, every one of which a match satisfies)."""
    cur: Strings = frozenset({""})  # exact strings of the run so far
    whole = True  # the whole sequence is one exact run
    sets: list[Strings] = []

    def flush() -> None:
        nonlocal cur
        if cur != frozenset({""}) and _usable(cur):
            sets.append(cur)
        cur = frozenset({""})

    op: Any
    av: Any
    for op, av in items:
        exact: Strings | None = None
        inner: list[Strings] = []
        if op is C.AT or op in (C.ASSERT, C.ASSERT_NOT):
            continue  # consumes nothing: the strings around it stay adjacent
        if op is C.LITERAL:
            exact = frozenset({chr(av).lower()})
        elif op is C.IN:
            exact = _char_set(list(av))
        elif op is C.SUBPATTERN:
            _group, _add, _del, sub = av
            exact, inner = _seq(list(sub))
        elif op is C.BRANCH:
            exact, inner = _branch(av[1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            lo, hi, sub = av
            e, found = _seq(list(sub))
            if lo == hi == 1:
                exact, inner = e, found
            elif lo >= 1:  # at least one repetition: its requirements hold
                inner = [*found, e] if _usable(e) else found  # type: ignore[list-item]
        elif op in (C.ANY, C.NOT_LITERAL, C.CATEGORY):
            pass  # one character of a kind: ends the run, requires nothing
        elif op is getattr(C, "ATOMIC_GROUP", None):
            e, found = _seq(list(av))
            inner = [*found, e] if _usable(e) else found  # type: ignore[list-item]
        else:
            raise NotImplementedError(str(op))  # group references, conditionals, ...
        sets.extend(inner)
        if exact is not None:
            crossed = _cross(cur, exact)
            if crossed is not None:
                cur = crossed
                continue
        whole = False
        flush()
        if _usable(exact):
            sets.append(exact)  # type: ignore[arg-type]  # _usable: not None
    if whole:
        return cur, sets
    flush()
    return None, sets


def _branch(alternatives: list[Any]) -> tuple[Strings | None, list[Strings]]:
    """An alternation: the union of its alternatives' exact sets, or else one requirement,
    the union of each alternative's most selective one (none when one has none)."""
    results = [_seq(list(a)) for a in alternatives]
    if all(e is not None for e, _ in results):
        union = frozenset().union(*(e for e, _ in results if e is not None))
        if len(union) <= _MAX_SET:
            return union, []
    parts = [_best([*found, e] if e is not None else found) for e, found in results]
    if not all(parts):
        return None, []
    union = frozenset().union(*(p for p in parts if p))
    return None, ([union] if len(union) <= _MAX_SET else [])


class _Requirement:
    """One required set, split: its strings of word characters (found among a text's
    words) and its other strings (looked for in the lower-cased text)."""

    __slots__ = ("other", "strings", "words")

    def __init__(self, strings: Strings) -> None:
        self.strings = tuple(sorted(strings))
        self.words = frozenset(x for x in strings if _WORD.fullmatch(x))
        self.other = tuple(x for x in self.strings if x not in self.words)

    def met_in(self, lowered: str) -> bool:
        """Whether a text meets the set, by substring search alone (for a set of a few
        strings): a string of word characters occurs in a text's words exactly when it
        occurs in the text, since the words are the maximal runs of word characters."""
        for x in self.strings:  # noqa: SIM110  (a loop, no generator: called per pattern)
            if x in lowered:
                return True
        return False


class PatternIndex:
    """Which of a list of patterns can match a text: those all of whose required sets
    (:func:`required_sets`) the text meets. The strings of word characters present in a
    text are found in one pass over its words (a word's are looked up once and
    remembered); a pattern is a candidate when its first set is met, and runs when all are.
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.size = len(patterns)
        self._always: list[int] = []  # patterns with no known requirement
        self._by_word: dict[str, list[int]] = {}  # a first set's word string -> patterns
        self._by_text: list[tuple[int, tuple[str, ...]]] = []  # a first set's other strings
        self._required: dict[int, tuple[_Requirement, ...]] = {}
        universe: set[str] = set()
        outside: set[str] = set()
        for k, pat in enumerate(patterns):
            sets, own = _analysis(pat)
            if not sets:
                self._always.append(k)
                continue
            reqs = tuple(_Requirement(s) for s in sets)
            self._required[k] = reqs
            for x in reqs[0].words:
                self._by_word.setdefault(x, []).append(k)
            if reqs[0].other:
                self._by_text.append((k, reqs[0].other))
            universe.update(*(r.words for r in reqs))
            outside.update(own)
        _save_analyses()
        # the first sets' other strings, each with the patterns it admits
        by_string: dict[str, list[int]] = {}
        for k, other in self._by_text:
            for x in other:
                by_string.setdefault(x, []).append(k)
        self._text_strings = tuple((x, tuple(ks)) for x, ks in by_string.items())
        # the patterns with more than one required set (the others: the first decides)
        self._multi = frozenset(k for k, reqs in self._required.items() if len(reqs) > 1)
        self._universe = frozenset(universe)
        self._lengths = sorted({len(x) for x in universe})
        self._hits: dict[str, tuple[frozenset[str], frozenset[int], int]] = {}
        # the patterns' own cased characters outside SAFE (strings holding one are left
        # out of the sets: a text with a character matching one is not filtered)
        self._outside = frozenset(outside)
        _parse.cache_clear()  # (the trees served this index only)
        self._blocks: dict[str, bool] = {}
        # each pattern's sets, smallest first, as a pattern checked alone reads them
        self._by_size = {k: _smallest_first(reqs) for k, reqs in self._required.items()}
        # the further sets of the patterns with several (the first is met where they are
        # candidates), smallest first
        self._rest_by_size = {k: _smallest_first(self._required[k][1:]) for k in self._multi}
        # the required sets numbered: bit r of a word's mask (_word_hits) says that the word
        # holds a word string of set r, so a text's mask (its words' masks or-ed) tells at
        # once which sets its words meet; a set they do not meet may still be met by one of
        # its other strings (_rest_met). Per pattern the bits of all its sets and of the
        # further ones (the first is met where it is a candidate).
        numbers: dict[tuple[str, ...], int] = {}
        self._string_bits: dict[str, int] = {}
        self._set_other: list[tuple[str, ...]] = []
        self._set_strings: list[tuple[str, ...]] = []
        self._need: dict[int, int] = {}
        self._rest_need: dict[int, int] = {}
        for k, reqs in sorted(self._required.items()):
            need = first = 0
            for req in reqs:
                r = numbers.get(req.strings)
                if r is None:
                    r = numbers[req.strings] = len(numbers)
                    self._set_other.append(req.other)
                    self._set_strings.append(req.strings)
                    for x in req.words:
                        self._string_bits[x] = self._string_bits.get(x, 0) | (1 << r)
                need |= 1 << r
                first = first or 1 << r
            self._need[k] = need
            if k in self._multi:
                self._rest_need[k] = need & ~first
        # the sets of word strings alone: one the text's words do not meet is not met
        self._words_only = sum(1 << r for r, other in enumerate(self._set_other) if not other)
        # each pattern's sets, smallest first, with their numbers (_meets)
        self._by_size_bits = {k: tuple((req, numbers[req.strings]) for req in reqs)
                              for k, reqs in self._by_size.items()}

    def candidates(self, text: str, among: Iterable[int] | None = None) -> list[int]:
        """The indices (ascending) of the patterns (``among`` them, when given) that may
        match ``text``: a pattern left out certainly has no match there. A few patterns
        are checked one by one (a substring search each), many through the text's words."""
        lowered, words, outside = text_words(text)
        if outside and self._blocked(outside):
            lowered = None
        hits = self._hits
        if among is not None and self.size > _FEW and lowered is not None:
            # (some of many patterns: each checked against the text's mask)
            mask = 0
            for word in words:
                mask |= (hits.get(word) or self._word_hits(word))[2]
            need = self._need
            return sorted(k for k in among
                          if k not in need or self._rest_met(need[k] & ~mask, lowered))
        if among is not None or self.size <= _FEW:
            ks = range(self.size) if among is None else among
            if lowered is None:
                return sorted(ks)
            out = []
            word_sets: list[int] = []  # the sets the words meet, worked out when needed
            for k in ks:
                reqs = self._required.get(k)
                if reqs is not None and not self._meets(self._by_size_bits[k], lowered, words,
                                                        word_sets):
                    continue
                out.append(k)
            return sorted(out)
        if lowered is None:
            return list(range(self.size))
        found = set(self._always)
        mask = 0  # the further sets the text's words meet (bits as in _rest_need)
        for word in words:
            hit = hits.get(word) or self._word_hits(word)
            if hit[1]:
                found.update(hit[1])
            mask |= hit[2]
        for x, ks in self._text_strings:
            if x in lowered:
                found.update(ks)
        multi = self._multi
        if not found or found.isdisjoint(multi):
            return sorted(found)  # the first set alone decided (it is met)
        rest_need, words_only = self._rest_need, self._words_only
        met: dict[int, bool] = {0: True}  # missing sets -> met (patterns share their sets)
        out = []
        for k in found:
            if k in multi:
                missing = rest_need[k] & ~mask
                if missing & words_only:
                    continue  # (a set of words alone that the words do not meet)
                ok = met.get(missing)
                if ok is None:
                    ok = met[missing] = self._rest_met(missing, lowered)
                if not ok:
                    continue
            out.append(k)
        out.sort()
        return out

    def _rest_met(self, missing: int, lowered: str) -> bool:
        """Whether the further sets whose bits are ``missing`` (not met by the text's words)
        are met by one of their other strings in the lower-cased text (as :meth:`_meets`
        reads a set: a string of word characters occurs in a text exactly when it occurs in
        one of its words)."""
        if missing & self._words_only:
            return False  # a set of word strings alone, not met by the words
        while missing:
            low = missing & -missing
            if not any(x in lowered for x in self._set_other[low.bit_length() - 1]):
                return False
            missing ^= low
        return True

    def _meets(self, reqs: Sequence[tuple[_Requirement, int]], lowered: str,
               words: Iterable[str], mask: list[int]) -> bool:
        """Whether a text meets every set of ``reqs`` (smallest first, each with its number):
        a small set by searching the lower-cased text for its few strings, a larger one by
        the mask of the sets the text's words meet (worked out on first need, kept in
        ``mask``) or one of its other strings in the lower-cased text."""
        for req, r in reqs:
            if len(req.strings) <= _SEARCHED:
                if not req.met_in(lowered):
                    return False
                continue
            if not mask:
                hits, bits = self._hits, 0
                for word in words:
                    bits |= (hits.get(word) or self._word_hits(word))[2]
                mask.append(bits)
            if not mask[0] >> r & 1 and not any(x in lowered for x in req.other):
                return False
        return True

    def _blocked(self, outside: frozenset[str]) -> bool:
        """Whether a text with the characters ``outside`` SAFE must not be filtered: one of
        them matches (ignoring case) a character outside SAFE of the patterns."""
        for c in outside:
            hit = self._blocks.get(c)
            if hit is None:
                hit = self._blocks[c] = any(
                    re.fullmatch(re.escape(own), c, re.IGNORECASE) for own in self._outside)
            if hit:
                return True
        return False

    def _word_hits(self, word: str) -> tuple[frozenset[str], frozenset[int], int]:
        """The required strings inside ``word``, the patterns whose first set holds one of
        them, and the mask of the further sets that hold one (``_rest_need``'s bits)
        (remembered per word)."""
        hit = self._hits.get(word)
        if hit is None:
            universe = self._universe
            strings: set[str] = set()
            for n in self._lengths:
                if n > len(word):
                    break
                strings.update(x for i in range(len(word) - n + 1)
                               if (x := word[i:i + n]) in universe)
            by_word = self._by_word
            bits = self._string_bits
            mask = 0
            for x in strings:
                mask |= bits.get(x, 0)
            hit = (frozenset(strings),
                   frozenset(k for x in strings for k in by_word.get(x, ())), mask)
            if len(self._hits) < _MAX_CACHE:
                self._hits[word] = hit
        return hit


# -- the analyses, remembered between runs ---------------------------------------------------
# Reading a pattern's syntax tree for its required sets is most of the time an index takes to
# build (a tenth of a second for the bundled policy's lexicons, at every start of the
# program). The results are kept in the user's cache folder
# (``$XDG_CACHE_HOME/gldocs`` or ``~/.cache/gldocs``, as the case index), per pattern text
# and flags, in a file named for this module's source and the Python version (a change to
# either starts a new file). The file is as trusted as the installed program (same user);
# one that cannot be read or holds anything of the wrong shape is ignored (the analyses
# are made again), and one that cannot be written is not written.
_ANALYSES: dict[str, Any] | None = None  # the cache file's entries, read on first use
_UNSAVED: list[bool] = [False]  # entries made since the file was read
_USED: set[str] = set()  # the entries this process asked for
_MAX_ANALYSES = 20_000  # entries a cache file keeps (beyond: it starts again)


def _analyses_path() -> Path | None:
    try:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        tag = hashlib.sha256(Path(__file__).read_bytes() + sys.version.encode()).hexdigest()
    except (OSError, RuntimeError):  # no home folder, an unreadable source
        return None
    return Path(base) / "gldocs" / f"prefilter-{tag[:16]}.json"


def _analyses() -> dict[str, Any]:
    global _ANALYSES
    if _ANALYSES is None:
        _ANALYSES = {}
        path = _analyses_path()
        try:
            data = json.loads(path.read_bytes()) if path is not None else None
        except (OSError, ValueError):
            data = None
        if isinstance(data, dict):
            _ANALYSES = data
    return _ANALYSES


def _analysis(pattern: re.Pattern[str]) -> tuple[tuple[Strings, ...], frozenset[str]]:
    """:func:`required_sets` of ``pattern`` and, when it has some, its own cased
    characters outside SAFE (:func:`_chars_outside_safe`): from the cache file when there
    (in the shape written), else worked out and added to it."""
    cache = _analyses()
    key = f"{pattern.flags}:{pattern.pattern}"
    _USED.add(key)
    hit = cache.get(key)
    if hit is not None and _well_formed(hit):
        return tuple(frozenset(x) for x in hit[0]), frozenset(hit[1])
    sets = required_sets(pattern.pattern, pattern.flags)
    own = _chars_outside_safe(pattern) if sets else frozenset()
    cache[key] = [[sorted(x) for x in sets], sorted(own)]
    _UNSAVED[0] = True
    return sets, own


def _well_formed(hit: Any) -> bool:
    """An entry as :func:`_analysis` writes it: ``[[[str, ...], ...], [str, ...]]``, every
    required set non-empty."""
    return (isinstance(hit, list) and len(hit) == 2 and isinstance(hit[0], list)
            and isinstance(hit[1], list)
            and all(isinstance(x, list) and x and all(isinstance(y, str) for y in x)
                    for x in hit[0])
            and all(isinstance(c, str) and len(c) == 1 for c in hit[1]))


def _save_analyses() -> None:
    """Write the cache file when entries were added (atomically; never an error)."""
    if not _UNSAVED[0] or _ANALYSES is None:
        return
    _UNSAVED[0] = False
    path = _analyses_path()
    if path is None:
        return
    from gldocs.atomic import write_bytes_atomic

    entries = _ANALYSES if len(_ANALYSES) <= _MAX_ANALYSES else {
        k: v for k, v in _ANALYSES.items() if k in _USED}
    try:
        write_bytes_atomic(path, json.dumps(entries, ensure_ascii=False).encode("utf-8"),
                           replace=True)
    except Exception:  # (a cache that cannot be written only makes the next start slower)
        return


def _smallest_first(reqs: Sequence[_Requirement]) -> tuple[_Requirement, ...]:
    return tuple(sorted(reqs, key=lambda r: len(r.strings)))


_UNSAFE = re.compile("[^\x00-\xb4\xb6-\xff]")  # a character outside SAFE


@lru_cache(maxsize=256)
def text_words(text: str) -> tuple[str | None, frozenset[str], frozenset[str]]:
    """``text`` lower-cased as the prefilter reads it, its words, and its cased characters
    outside SAFE. A character without case is read as itself, a cased one as the SAFE
    character it matches ignoring case (:func:`safe_equivalent`), or as a space when it
    matches none; the lower-cased text is None (no prefilter) when one matches SAFE
    characters of two lower cases or is a digit. Remembered for the last texts: every
    lexicon and exception list asks for the same text."""
    lowered = safe_lower(text)
    if lowered is not None:
        return lowered, frozenset(_WORD.findall(lowered)), frozenset()
    outside = frozenset(_UNSAFE.findall(text))
    table: dict[int, str] = {}
    for c in outside:
        same = safe_equivalent(c)
        if same is None:
            return None, frozenset(), outside
        if same != c:
            table[ord(c)] = same or " "
    lowered = text.translate(table).lower()
    cased = frozenset(c for c in outside if ord(c) in table)
    return lowered, frozenset(_WORD.findall(lowered)), cased


@lru_cache(maxsize=4096)
def safe_equivalent(char: str) -> str | None:
    """What the prefilter reads ``char`` (outside SAFE) as: itself when it has no case
    ("–"), else the lower-cased SAFE character it matches ignoring case ("K", the Kelvin
    sign: "k"), "" when it matches none ("ğ"); None when it matches SAFE characters of two
    lower cases or is a digit (``\\d`` matches it: the digit sets hold SAFE digits only)."""
    if re.fullmatch(r"\d", char):
        return None
    if caseless(char):
        return char
    same = {s.lower() for s in SAFE if re.fullmatch(re.escape(s), char, re.IGNORECASE)}
    if len(same) > 1:
        return None
    return same.pop() if same else ""


def _chars_outside_safe(pattern: re.Pattern[str]) -> frozenset[str]:
    """The cased characters outside SAFE that ``pattern`` writes as a literal (alone or in
    a class): the only ones a string left out of a required set can hold
    (:func:`_char_set`, :func:`_for_safe_text`)."""
    tree = _parse(pattern.pattern, pattern.flags)
    if tree is None:
        return frozenset()
    out: set[str] = set()

    def walk(items: Any) -> None:  # a sequence of (op, value) nodes
        for op, av in items:
            if op is C.LITERAL:
                out.add(chr(av))
            elif op is C.IN:
                walk(av)  # a class: its (op, value) members
            else:
                visit(av)

    def visit(value: Any) -> None:  # a node's value: sub-patterns, maybe inside tuples
        if isinstance(value, sre_parse.SubPattern):
            walk(value)
        elif isinstance(value, (list, tuple)):
            for v in value:
                visit(v)

    walk(tree)
    return frozenset(c for c in out if c not in SAFE and not caseless(c))


def safe_lower(text: str) -> str | None:
    """``text.lower()`` if every character is in :data:`SAFE` (else None: no prefilter)."""
    if text.isascii() or _UNSAFE.search(text) is None:
        return text.lower()
    return None


# -- first characters ---------------------------------------------------------------------
_CLASS_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W", "CATEGORY_SPACE": r"\s", "CATEGORY_NOT_SPACE": r"\S",
}
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def with_first_char_gate(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a lookahead for the characters a match can start with in front
    (``(?=[…])``): the same matches, found faster. Python's ``re`` tries a pattern that
    opens with a word boundary, a lookbehind or an alternation at every position of a text;
    a character class it checks first rules most positions out at once. The class is read
    from the pattern's syntax tree (what each alternative can begin with, past
    zero-width assertions and optional parts); a pattern it cannot read, one that can match
    the empty string, or one with global inline flags or in verbose mode is returned as
    it is. Its ``pattern`` attribute is the gated text: keep the original for reports."""
    if C is None or pattern.flags & re.VERBOSE or _GLOBAL_FLAGS.match(pattern.pattern):
        return pattern
    tree = _parse(pattern.pattern, pattern.flags)
    if tree is None:
        return pattern
    try:
        first = _first_chars(list(tree), bool(pattern.flags & re.IGNORECASE))
    except NotImplementedError:
        return pattern
    if first is None or first[1] or not first[0]:
        return pattern
    items = "".join(dict.fromkeys(first[0]))
    return re.compile(f"(?=[{items}])(?:{pattern.pattern})", pattern.flags)


def _first_chars(items: list[Any], ignorecase: bool) -> tuple[list[str], bool] | None:
    """The class items (regular expression text) that the first character of a match of
    the sequence ``items`` can be, and whether the sequence can match the empty string."""
    out: list[str] = []
    op: Any
    av: Any
    for op, av in items:
        if op is C.AT or op in (C.ASSERT, C.ASSERT_NOT):
            continue  # zero-width: the next item gives the first character
        if op is C.LITERAL:
            out.append(re.escape(chr(av)))
            return out, False
        if op is C.IN:
            out.extend(_class_items(av))
            return out, False
        if op is C.SUBPATTERN:
            _group, add, delete, sub = av
            if add & ~re.IGNORECASE or delete & ~re.IGNORECASE or (
                    add & re.IGNORECASE and not ignorecase):
                raise NotImplementedError("inline flags")  # a case the gate would miss
            inner = _first_chars(list(sub), ignorecase)
        elif op is C.BRANCH:
            inner = ([], False)
            for alternative in av[1]:
                found = _first_chars(list(alternative), ignorecase)
                if found is None:
                    return None
                inner = (inner[0] + found[0], inner[1] or found[1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            lo, _hi, sub = av
            found = _first_chars(list(sub), ignorecase)
            if found is None:
                return None
            inner = (found[0], found[1] or lo == 0)
        elif op is getattr(C, "ATOMIC_GROUP", None):
            inner = _first_chars(list(av), ignorecase)
        else:
            raise NotImplementedError(str(op))  # any character, a negation, a reference
        if inner is None:
            return None
        out.extend(inner[0])
        if not inner[1]:
            return out, False
    return out, True


def _class_items(members: list[Any]) -> list[str]:
    """A character class's members as class text (a negated class is not read)."""
    out = []
    for op, av in members:
        if op is C.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is C.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is C.CATEGORY and str(av) in _CLASS_CATEGORIES:
            out.append(_CLASS_CATEGORIES[str(av)])
        else:
            raise NotImplementedError(str(op))  # a negated class, another category
    return out


# -- required strings in front of one pattern ---------------------------------------------------
class GatedPattern:
    """A compiled pattern with the required-strings test in front: :meth:`search`,
    :meth:`finditer` and :meth:`findall` look at a text only when it holds a string of each
    of the pattern's required sets (:func:`required_sets`, tested as
    :class:`PatternIndex` tests them: a "no" is always right), and otherwise give what the
    pattern gives on a text where it cannot match (None, no match). Worth it for a pattern
    that ``re`` tries at every position of a text (one opening with a lookbehind, a word
    boundary or a long alternation of words) and that most texts cannot match: the test
    reads the text's words once (:func:`text_words`, shared by every pattern and lexicon
    that asks about the same text), the pattern would scan every character. ``pos`` and
    ``endpos`` are passed on; the test reads the whole text (a match inside a part of it
    is inside it). Build one with :func:`required_gate`."""

    __slots__ = ("_index", "_large", "_last", "_sets", "_small", "flags", "groupindex",
                 "groups", "pattern", "regex")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.pattern = regex.pattern
        self.flags = regex.flags
        self.groups = regex.groups
        self.groupindex = regex.groupindex
        self._index = PatternIndex([regex])
        self._sets = self._index._by_size.get(0)  # None: no required string
        # its sets of a few strings (searched for in the text) and the bits of the others
        # (met where the text's words' masks have them, or by one of their other strings)
        self._small = tuple(r for r in self._sets or () if len(r.strings) <= _SEARCHED)
        self._large = sum(1 << r for r, strings in enumerate(self._index._set_strings)
                          if len(strings) > _SEARCHED)
        self._last: tuple[str, bool] = ("", True)  # the last text asked about, the answer

    def possible(self, text: str) -> bool:
        """Whether ``text`` may hold a match (False: it certainly holds none): as
        ``PatternIndex.candidates`` answers for the one pattern; the last text's answer
        is remembered (the name rules ask about one text several times)."""
        last = self._last
        if text is last[0]:
            return last[1]
        sets = self._sets
        if sets is None:
            return True
        lowered, words, outside = text_words(text)
        index = self._index
        if lowered is None or (outside and index._blocked(outside)):
            answer = True
        else:
            answer = True
            for r in self._small:  # (a loop, no generator: asked about most units)
                if not r.met_in(lowered):
                    answer = False
                    break
            if answer and self._large:
                hits, mask = index._hits, 0
                for word in words:
                    mask |= (hits.get(word) or index._word_hits(word))[2]
                answer = index._rest_met(self._large & ~mask, lowered)
        self._last = (text, answer)
        return answer

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize
               ) -> re.Match[str] | None:
        return self.regex.search(text, pos, endpos) if self.possible(text) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize
                 ) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, pos, endpos) if self.possible(text) else iter(())

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.regex.findall(text, pos, endpos) if self.possible(text) else []

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize
              ) -> re.Match[str] | None:
        """(No test: a match at one position is cheap.)"""
        return self.regex.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize
                  ) -> re.Match[str] | None:
        return self.regex.fullmatch(text, pos, endpos)

    def __repr__(self) -> str:
        return f"GatedPattern({self.regex!r})"


def required_gate(regex: re.Pattern[str]) -> re.Pattern[str]:
    """``regex`` with the required-strings test in front (:class:`GatedPattern`): the same
    results from ``search``, ``finditer``, ``findall``, ``match`` and ``fullmatch``; the
    pattern itself when it has no required string (every text would pass the test). Typed
    as a pattern: it is used as one."""
    gated = GatedPattern(regex)
    if not gated._index._required:
        return regex
    return gated  # type: ignore[return-value]  # the methods of re.Pattern used on it


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` (made by :func:`required_gate`, or a plain pattern) may match in
    ``text`` or in any part of it: False only when ``text`` lacks a string of one of the
    pattern's required sets (then no part of it has one either). Nothing is searched."""
    possible = getattr(pattern, "possible", None)
    return possible is None or bool(possible(text))
