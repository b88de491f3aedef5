"""The text a human sees: one normal form for every detector and for the leak scan.

    n = normalise("CPR 03\u200b0592\u20112817")
    n.text                  # "CPR 030592-2817"
    n.span(4, 15)           # (4, 16): the same characters in the original, invisibles included

What is folded (and why: an attacker, or a careless copy-paste, can hide a CPR number or a
name from a pattern with characters that nobody sees):

- Unicode NFKC (full-width digits, ligatures, super/subscripts, compatibility forms);
- every decimal digit of any script to its ASCII digit;
- every dash and minus look-alike (U+2010-2015, U+2043, U+2212, U+FE58, U+FE63, U+FF0D, …)
  to ``-``;
- every space-like character (NBSP, narrow NBSP, figure space, ideographic space, other
  ``Zs``, line/paragraph separators, vertical tab, form feed) to a space. A tab and a line
  feed are kept: they are structure (table columns, lines) that the detectors read;
- format and invisible characters removed: every ``Cf`` (LRM/RLM, bidi embeddings and
  isolates, U+2060-2064, ZWSP/ZWJ/ZWNJ, soft hyphen, BOM, tags), U+034F, variation
  selectors, Hangul fillers, NUL and the other C0/C1 controls;
- Cyrillic and Greek letters that look like Latin ones (``а е о р с у х і ј ѕ``, ``Α Β Ε Κ
  Μ Ν Ο Ρ Τ Χ`` …) read as the Latin letter inside a word that also has Latin letters
  (``Vіbeke`` with a Cyrillic ``і``); a word wholly in another script is left alone;
- a character reference of HTML read as the character it stands for (``61&nbsp;47``,
  ``030592&#8209;2817``, ``mette&#64;gmail.com``, ``&shy;``: mail text pasted from its
  source), then folded as above;
- a hyphen at a line end joined with the next line: before a lower-case letter the hyphen
  goes too (``Han-\\nsen`` -> ``Hansen``), before anything else only the line break goes
  (``Ann-\\nKatrine`` -> ``Ann-Katrine``, ``030592-\\n2817`` -> ``030592-2817``).

The result keeps, for every normalised character, the range of original characters it came
from, so a removal found in the normalised text lands on the original characters, and the
invisible characters inside a removed span go with it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from gldocs.document.units import TextUnit
from gldocs.text.item_numbers import blank_item_numbers
from gldocs.text.line_numbers import blank_line_numbers

if TYPE_CHECKING:
    from gldocs.redact import Finding, Plan

DASHES = frozenset(
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2796\u02d7\ufe58\ufe63\uff0d"
    "\u2e3a\u2e3b\u058a\u05be\u1400\u1806\u2e17\u2e1a\u301c\u3030\u30a0"
)
# Not in Cf, but invisible all the same.
_INVISIBLE_EXTRA = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u3164\uffa0\u2800"
    + "".join(chr(c) for c in range(0xFE00, 0xFE10))
)
_KEEP_CONTROLS = frozenset("\t\n")
# Cyrillic and Greek letters a reader takes for Latin ones.
CONFUSABLES = dict(zip(
    "аеорсухіјѕԁһӏԛԝѵАВЕКМНОРСТХІЈЅԚԜѴ" "αοκνρτυχιΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdhlqwvABEKMHOPCTXIJSQWV" "aoKvptuxiABEZHIKMNOPTYX", strict=True))


def _is_invisible(ch: str) -> bool:
    if ch in _INVISIBLE_EXTRA:
        return True
    cat = unicodedata.category(ch)
    if cat == "Cf":
        return True
    if cat == "Cc":
        return ch not in _KEEP_CONTROLS and ch not in "\x0b\x0c\r\x1c\x1d\x1e\x1f\x85"
    return 0xE0100 <= ord(ch) <= 0xE01EF  # variation selectors supplement


def _is_space(ch: str) -> bool:
    if ch in "\x0b\x0c\r\x1c\x1d\x1e\x1f\x85":
        return True
    return unicodedata.category(ch) in ("Zs", "Zl", "Zp") and ch != " "


# Anything outside this set may change under normalisation (a quick test for the fast path).
_PLAIN_RUN = re.compile(r"[\t\n\x20-\x7e\u00a1-\u00ac\u00ae-\u02ff]*")
_LINE_HYPHEN = re.compile(r"-[ ]*\n")
# an HTML character reference: named ("&nbsp;"), decimal ("&#8209;") or hexadecimal
_CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,9});")


def _char_ref(text: str, i: int) -> tuple[str, int] | None:
    """The character an HTML character reference at ``text[i]`` stands for, and the end of
    the reference; None when none stands there (or it names no single character)."""
    m = _CHAR_REF.match(text, i)
    if m is None:
        return None
    ch = html.unescape(m.group(0))
    return (ch, m.end()) if len(ch) == 1 and ch != m.group(0) else None


@dataclass(frozen=True)
class Normalised:
    """A normalised text and where each of its characters came from in ``original``."""

    original: str
    text: str
    # starts[i], ends[i]: the original characters that normalised character i came from;
    # None when the text did not change (identity).
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    @property
    def identity(self) -> bool:
        return self.starts is None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span holding normalised ``text[start:end]`` (all of it, with the
        invisible characters between its first and last character)."""
        if self.starts is None or self.ends is None:
            return start, end
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if start == end:
            pos = self.starts[start] if start < n else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def offset(self, pos: int) -> int:
        """The original offset of normalised position ``pos`` (a boundary)."""
        if self.starts is None:
            return pos
        return self.starts[pos] if pos < len(self.text) else len(self.original)


def _fold_char(ch: str) -> str:
    if ch in DASHES:
        return "-"
    if _is_space(ch):
        return " "
    if _is_invisible(ch):
        return ""
    if ch.isdecimal() and not ch.isascii():
        try:
            return str(unicodedata.decimal(ch))
        except ValueError:
            return ch
    return ch


def _needs_work(text: str) -> bool:
    if "\n" in text and _LINE_HYPHEN.search(text):
        return True
    if "&" in text and _CHAR_REF.search(text):
        return True
    return _PLAIN_RUN.fullmatch(text) is None or not unicodedata.is_normalized("NFKC", text)


def _joins_cluster(ch: str) -> bool:
    """Whether ``ch`` belongs to the cluster before it: a combining mark, an invisible
    character, or a Hangul medial/final jamo (they compose with what precedes them)."""
    return bool(unicodedata.combining(ch)) or _is_invisible(ch) or \
        "\u1160" <= ch <= "\u11ff" or "\ud7b0" <= ch <= "\ud7ff"


def normalise(text: str, _depth: int = 0) -> Normalised:
    """``text`` folded as the module docstring says, with its offset map."""
    if not _needs_work(text):
        return Normalised(text, text)
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ref = _char_ref(text, i) if text[i] == "&" else None
        if ref is not None:
            folded = unicodedata.normalize("NFKC", _fold_char(ref[0]))
            for c in "".join(_fold_char(c) for c in folded):
                chars.append(c)
                starts.append(i)
                ends.append(ref[1])
            i = ref[1]
            continue
        # a cluster: one character and the combining marks after it (NFKC may compose them)
        j = i + 1
        while j < n and _joins_cluster(text[j]):
            j += 1
        cluster = "".join(_fold_char(c) for c in text[i:j])
        if cluster:
            folded = unicodedata.normalize("NFKC", cluster)
            # NFKC may bring back a look-alike (e.g. U+FE58 -> U+2014): fold once more
            folded = "".join(_fold_char(c) for c in folded)
            for c in folded:
                chars.append(c)
                starts.append(i)
                ends.append(j)
        i = j
    _join_line_hyphens(chars, starts, ends)
    _fold_confusables(chars)
    out = "".join(chars)
    if _depth < 2 and not unicodedata.is_normalized("NFKC", out):
        # characters that compose only once what stood between them is gone, or after a
        # look-alike became Latin: another pass, its map composed with this one (bounded:
        # a few scripts compose starters that no pass here groups)
        again = normalise(out, _depth + 1)
        if again.starts is not None and again.ends is not None:
            return Normalised(text, again.text,
                              tuple(starts[k] for k in again.starts),
                              tuple(ends[k - 1] for k in again.ends))
    return Normalised(text, out, tuple(starts), tuple(ends))


def _fold_confusables(chars: list[str]) -> None:
    """Look-alike letters inside a word that also has Latin letters, read as Latin (in
    place; one character for one, so the offsets stay)."""
    i, n = 0, len(chars)
    while i < n:
        if not chars[i].isalpha():
            i += 1
            continue
        j = i
        latin = mixed = False
        while j < n and chars[j].isalpha():
            c = chars[j]
            if c in CONFUSABLES:
                mixed = True
            elif c < "\u0250":
                latin = True
            j += 1
        if latin and mixed:
            for k in range(i, j):
                chars[k] = CONFUSABLES.get(chars[k], chars[k])
        i = j


def _join_line_hyphens(chars: list[str], starts: list[int], ends: list[int]) -> None:
    """``Han-\\nsen`` -> ``Hansen``; ``Ann-\\nKatrine`` -> ``Ann-Katrine`` (in place)."""
    k = 0
    out = 0
    n = len(chars)
    while k < n:
        if chars[k] == "-" and out > 0 and chars[out - 1].isalnum():
            m = k + 1
            while m < n and chars[m] == " ":
                m += 1
            if m < n - 1 and chars[m] == "\n" and chars[m + 1].isalnum():
                keep_hyphen = not chars[m + 1].islower()
                if keep_hyphen:
                    chars[out], starts[out], ends[out] = "-", starts[k], ends[m]
                    out += 1
                else:  # the hyphen and the break belong to the next character now
                    starts[m + 1] = starts[k]
                k = m + 1
                continue
        chars[out], starts[out], ends[out] = chars[k], starts[k], ends[k]
        out += 1
        k += 1
    del chars[out:], starts[out:], ends[out:]


def normalise_text(text: str) -> str:
    """Just the normalised text (for scanning)."""
    return normalise(text).text


# --------------------------------------------------------------------------- units

# A word broken at the end of one unit (line, paragraph) and continued in the next.
_BROKEN_END = re.compile(r"(?<=[^\W_])-[ \t]*$")
_CONTINUED = re.compile(r"[^\W_]{1,40}")
# the white space a continued line may open with (an indented line; a quoted mail line
# whose quote marks a fold has blanked)
_LEAD = re.compile(r"[ \t]*")


@dataclass(frozen=True)
class Join:
    """The start of unit ``i + 1`` borrowed into unit ``i``'s view: the view is unit
    ``i``'s up to ``cut``, then ``sep`` (a space between two words of a name broken over
    the line, or nothing for a word broken by a hyphen), then ``length`` characters of the
    next unit from ``skip`` (after its leading white space)."""

    cut: int
    length: int
    skip: int = 0
    sep: str = ""

    @property
    def base(self) -> int:
        """Where the borrowed characters start in the view."""
        return self.cut + len(self.sep)


# ``(this unit's view, the next unit's view) -> (end of the name, the next unit's first
# name word's span)``: a name broken over two units (a line ends with a given name, the
# next opens with the surname), or None
NameBreak = Callable[[str, str], tuple[int, int, int] | None]


@dataclass
class NormalisedUnits:
    """Units as the detectors see them, and the way back to the originals.

    Within a unit, :func:`normalise` does the work. Across units, a word broken by a hyphen
    at the end of one unit and continued in lower case at the start of the next
    (``Vibeke Kron-`` / ``borg ringer``) is joined in the first unit's view
    (``Vibeke Kronborg``); before anything else the hyphen stays (``030592-`` / ``2817``
    -> ``030592-2817``). A name broken over two units where the caller's ``name_break``
    says so (``… en bekendt, Ole`` / ``Brandt, som …``) is joined with a space. A finding
    over the join is split back into both units.
    """

    originals: list[TextUnit]
    maps: list[Normalised]
    units: list[TextUnit]
    joins: dict[int, Join]  # unit index -> what its view borrows from the next unit

    def restore(self, plan: Plan) -> Plan:
        """``plan`` (analysed on :attr:`units`) with units and offsets on the originals. A
        finding keeps its normalised text: what a human reads there."""
        index = {u.path: i for i, u in enumerate(self.originals)}
        out: list[Finding] = []
        for f in plan.findings:
            i = index.get(f.unit_path)
            if i is None:
                out.append(f)
                continue
            join = self.joins.get(i)
            if join is None or f.end <= join.cut:
                f.start, f.end = self.maps[i].span(f.start, f.end)
                out.append(f)
                continue
            nxt = self.originals[i + 1]
            lo = max(f.start, join.base) - join.base + join.skip
            hi = min(f.end, join.base + join.length) - join.base + join.skip
            if f.start < join.cut:  # the part in this unit, up to its end (the hyphen too)
                f.start = self.maps[i].span(f.start, join.cut)[0]
                f.end = len(self.originals[i].text)
                out.append(f)
            if hi > lo:
                n_start, n_end = self.maps[i + 1].span(lo, hi)
                out.append(replace(f, unit_path=nxt.path, section=nxt.section,
                                   start=n_start, end=n_end, id=""))
        plan.findings = out
        plan.units = list(self.originals)
        return plan


def normalise_units(units: Sequence[TextUnit], fold: Callable[[str], str] | None = None,
                    name_break: NameBreak | None = None) -> NormalisedUnits:
    """Each unit with its text normalised, words broken across units joined.

    ``fold``: a further reading of each normalised text that keeps its length (quote marks
    blanked, OCR look-alikes read), applied before the joins; ``name_break``: where a name
    runs on into the next unit (:data:`NameBreak`)."""
    originals = list(units)
    maps = [normalise(u.text) for u in originals]
    texts = [m.text for m in maps]
    if fold is not None:
        texts = [fold(t) for t in texts]
    # a printout's line numbers in front of every line read as blanks, and so do the item
    # numbers of a plan's numbered points in front of its fields ("1.2 CPR-nr.: …")
    texts = blank_item_numbers(blank_line_numbers(texts))
    joins: dict[int, Join] = {}
    nexts = list(texts)  # each unit's own view, before it borrows from the next one
    for i in range(len(texts) - 1):
        skip = _LEAD.match(nexts[i + 1]).end()  # type: ignore[union-attr]
        end = _BROKEN_END.search(texts[i]) if texts[i].endswith(("-", " ", "\t")) else None
        if end is not None:
            cont = _CONTINUED.match(nexts[i + 1], skip)
            if cont is None:
                continue
            # before a lower-case letter the hyphen was a word break; otherwise it stays
            # ("Ann-" / "Katrine", "030592-" / "2817")
            cut = end.start() if cont.group()[0].islower() else end.start() + 1
            joins[i] = Join(cut, len(cont.group()), skip)
            texts[i] = texts[i][:cut] + cont.group()
            continue
        broken = name_break(texts[i], nexts[i + 1]) if name_break is not None else None
        if broken is not None:
            cut, start, stop = broken
            joins[i] = Join(cut, stop - start, start, " ")
            texts[i] = texts[i][:cut] + " " + nexts[i + 1][start:stop]
    view = [u if t == u.text else TextUnit(u.section, u.path, t)
            for u, t in zip(originals, texts, strict=True)]
    return NormalisedUnits(originals, maps, view, joins)
