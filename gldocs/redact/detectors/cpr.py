"""Danish CPR numbers (personnummer) in running text.

A CPR number is ``DDMMYY-SSSS``: a birth date and a serial number whose first digit, with the
year, gives the century. Since 2007 not every number satisfies the old modulus-11 check, so a
number with a valid date is a CPR number whether or not the check holds (it only lowers the
score). Accepted spellings: ``120394-1763``, ``1203941763``, ``120394 1763``, ``12 03 94-1763``,
``12 03 94 1763`` and an en dash instead of the hyphen; and the layouts people or an attacker
may use on the normalised text (:mod:`gldocs.text.normalize`): dots or slashes in the date
(``03.05.92-2817``, ``03/05/92 2817``), a second dash (``03-05-92-2817``), a space between
every digit, ten digits split anywhere by spaces or tabs (up to three), dots, slashes, dashes,
underscores, tildes, middle dots or a line break, the date and the serial number each
written one way.

Not CPR: dates (``12.03.2026``), phone numbers (eight digits), amounts (``1.203.941.763``),
case numbers glued to other digits (``2025-120394-1763``), ten digits without a valid date.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from functools import lru_cache

from stdnum.ee import ik as _ee
from stdnum.fi import hetu as _fi
from stdnum.no import fodselsnummer as _no
from stdnum.se import personnummer as _se

from gldocs import cpr as gldocs_cpr
from gldocs.redact.default_words import default_words
from gldocs.redact.detectors.patterns import (
    PatternMatch,
    digits_only,
    has_context_word,
    has_digit,
    has_digits,
)
from gldocs.redact.prefilter import with_first_char_gate
from gldocs.redact.wordlists import WordLists

ENTITY = "CPR"

_DASH = r"[-‐‑–]"  # hyphen, non-breaking/unicode hyphens, en dash
# Not glued to other digits, or through number punctuation to digits, which would make it part
# of something longer (an amount, a case number, a decimal, a phone number with "+").
# Letters may touch it: text pulled out of a PDF often loses the space ("CPR-nr.:120394-1763").
_BEFORE = r"(?<![\d+])(?<!\d[-–./,:])"
_AFTER = r"(?!\d|[-–./,:]\d)"
CPR_RE = re.compile(
    _BEFORE
    + r"(?P<d>\d{2})(?P<s1> ?)(?P<m>\d{2})(?P=s1)(?P<y>\d{2})"
    + r"(?P<sep>\s?" + _DASH + r"\s?| |)"
    + r"(?P<serial>\d{4})"
    + _AFTER
)
CPR_RE = with_first_char_gate(CPR_RE)


@lru_cache(maxsize=8)
def context_for(words: WordLists) -> re.Pattern[str]:
    """A CPR cue right before a number ("CPR-nr.: ", "personnummer", "født"): the policy's
    identifier words (``cpr_cues``), built once per bundle."""
    return re.compile(rf"\b({words.alternation('cpr_cues')})\b\.?[\s:.]*$")



# the CPR rules themselves (birth date on python-stdnum, modulus 11, spelling) live in
# gldocs.cpr, shared with the case model and the disclosure log
birth_date = gldocs_cpr.birth_date
passes_mod11 = gldocs_cpr.passes_mod11
normalize_cpr = gldocs_cpr.normalize


def is_cpr(value: str) -> bool:
    """Whether ``value`` as a whole is a CPR number (any accepted spelling, valid date)."""
    match = CPR_RE.fullmatch(value.strip())
    return match is not None and birth_date(digits_only(value)) is not None


def mask_if_cpr(text: str) -> str:
    """``120394-1763`` -> ``120394-****`` when ``text`` is a CPR number; anything else
    unchanged (reports need not repeat a whole number)."""
    if is_cpr(text):
        return normalize_cpr(text)[:7] + "****"
    return text


def _score(digits: str, delimited: bool, in_context: bool, today: dt.date) -> float | None:
    born = birth_date(digits)
    if born is None:
        return None
    if born > today:
        # A date in the future cannot be a real person, but a dashed number in CPR context is
        # treated as CPR anyway (fail closed); a bare 10-digit run is not.
        if not (delimited or in_context):
            return None
        score = 0.5
    else:
        score = 0.95 if passes_mod11(digits) else 0.8
        if not delimited:
            score -= 0.15
    if in_context:
        score = max(score, 0.99)
    return round(score, 2)


def find_cprs(text: str, today: dt.date | None = None,
              words: WordLists | None = None) -> list[PatternMatch]:
    """Every CPR number in ``text``, sorted by position (matches never overlap).
    ``words``: the policy's identifier words (the CPR cues; default: the bundled kommune
    policy's)."""
    found: list[PatternMatch] = []
    if not has_digits(text, 9):
        return found  # (a CPR number has ten digits, a foreign identity number nine or more)
    today = today or dt.date.today()
    context = context_for(words if words is not None else default_words("identifier_words"))
    for m in CPR_RE.finditer(text):
        digits = digits_only(m.group(0))
        delimited = bool(m.group("sep")) or bool(m.group("s1"))
        in_context = has_context_word(text, m.start(), context)
        score = _score(digits, delimited, in_context, today)
        if score is None:
            continue
        found.append(PatternMatch(m.start(), m.end(), m.group(0), ENTITY, score,
                                  f"{digits[:6]}-{digits[6:]}"))
    found = _split_layouts(text, found, today, context)
    return _non_overlapping(found + _foreign_ids(text, found, words))


# Personal identity numbers of other countries: Swedish YYMMDD-NNNN or YYYYMMDD-NNNN ("+"
# for a person over 100), Finnish DDMMYY-NNNX / DDMMYYANNNX, and eleven digits (Norwegian
# DDMMYY+5, a D-number's day plus 40; Polish PESEL YYMMDD+5; Estonian isikukood and
# Lithuanian asmens kodas GYYMMDD+4, G the century and sex): a birth date in it, and its
# check digits right or a cue in the same sentence before it (``foreign_id_cues``: a
# mistyped number after "personnummer" is still somebody's; "290223-1234" alone is none).
# An Icelandic kennitala (DDMMYY and four digits, a company's day plus 40) counts after its
# label (``kennitala_labels``: "kt. 4410238817"); a Danish CPR number there is read first.
_SWEDISH = re.compile(r"(?<![\d+\-./])(?P<n>(?:19|20)?\d{6}[-+]\d{4})(?![\d\-]|[./,]\d)")
_FINNISH = re.compile(r"(?<![\d+\-./])(?P<n>\d{6}[-+A]\d{3}[0-9A-Y])(?![\w\-])")
_ELEVEN = re.compile(r"(?<![\d+\-./])(?P<n>\d{11})(?![\d\-]|[./,]\d)")
# a Latvian personas kods: DDMMYY-NNNNN (after a cue: the format alone says too little)
_LATVIAN = re.compile(r"(?<![\d+\-./])(?P<n>\d{6}-\d{5})(?![\d\-]|[./,]\d)")
# what every foreign form holds: six digits, then a separator and three more or five more
_FOREIGN_GATE = re.compile(r"\d{6}(?:[-+A]\d{3}|\d{4})")
# an Icelandic kennitala: DDMMYY (a company's day plus 40) and four digits, after its label
_KENNITALA = re.compile(r"(?<![\d+\-./])(?P<n>\d{6}-?\d{4})(?![\d\-]|[./,]\d)")
_SENTENCE_END = re.compile(r"[.!?]\s+[A-ZÆØÅ]|\n")


@lru_cache(maxsize=8)
def _kennitala_label(words: WordLists) -> re.Pattern[str]:
    """A kennitala's label right before a number ("kt. ", "kennitala: ")."""
    return re.compile(rf"(?<![\w])(?:{words.alternation('kennitala_labels')})[ \t]*:?[ \t]*$",
                      re.IGNORECASE)


@lru_cache(maxsize=8)
def _case_label_before(words: WordLists) -> re.Pattern[str]:
    """A case or journal number's label right before a number ("sagsnr. 260412-0033")."""
    labels = words.alternation("case_number_labels", r"[ \t]?")
    return re.compile(rf"(?<![\w])(?:{labels})[ \t]*:?[ \t]*$", re.IGNORECASE)


def _date_ok(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _ymd_ok(digits: str) -> bool:
    """YYMMDD or YYYYMMDD (any century) is a date."""
    if len(digits) == 8:
        return _date_ok(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    return any(_date_ok(c + int(digits[:2]), int(digits[2:4]), int(digits[4:6]))
               for c in (1900, 2000))


def _dmy_ok(digits: str, d_number: bool = False) -> bool:
    """DDMMYY (a D-number's day plus 40 when ``d_number``) is a date."""
    day = int(digits[:2])
    if d_number and day > 40:
        day -= 40
    return any(_date_ok(c + int(digits[4:6]), int(digits[2:4]), day) for c in (1900, 2000))


def _foreign_ids(text: str, danish: list[PatternMatch],
                 words: WordLists | None) -> list[PatternMatch]:
    if not _FOREIGN_GATE.search(text):
        return []
    out: list[PatternMatch] = []
    w = words if words is not None else default_words("identifier_words")
    label = _case_label_before(w)

    def add(m: re.Match[str], score: float) -> None:
        if label.search(text, max(0, m.start() - 30), m.start()):
            return  # a case number ("sagsnr. 260412-0033")
        if not any(d.overlaps(m.start("n"), m.end("n")) for d in (*danish, *out)):
            n = m.group("n")
            out.append(PatternMatch(m.start("n"), m.end("n"), n, ENTITY, score, n))

    cue = w.cue("foreign_id_cues")

    def cued(m: re.Match[str]) -> bool:
        """A cue in the sentence before ``m`` ("personnummer", "fødselsnummer")."""
        before = text[max(0, m.start() - 120):m.start()]
        ends = list(_SENTENCE_END.finditer(before))
        return cue.search(before, ends[-1].end() - 1 if ends else 0) is not None

    for m in _SWEDISH.finditer(text):
        digits = re.sub(r"\D", "", m.group("n"))
        if _ymd_ok(digits[:-4]) and (_se.is_valid(m.group("n")) or cued(m)):
            add(m, 0.8)
    for m in _FINNISH.finditer(text):
        if _dmy_ok(m.group("n")[:6]) and (_fi.is_valid(m.group("n")) or cued(m)):
            add(m, 0.8)
    kt = _kennitala_label(w)
    for m in _KENNITALA.finditer(text):
        if _dmy_ok(re.sub(r"\D", "", m.group("n")), d_number=True) \
                and kt.search(text, max(0, m.start() - 20), m.start()):
            add(m, 0.85)
    for m in _ELEVEN.finditer(text):
        n = m.group("n")
        if (_dmy_ok(n, d_number=True) or _ymd_ok(n[:6])) and (_no.is_valid(n) or cued(m)):
            add(m, 0.8)
        elif n[0] in "123456" and _ymd_ok(n[1:7]) and (_ee.is_valid(n) or cued(m)):
            add(m, 0.8)  # (the Lithuanian code is built as the Estonian one)
    for m in _LATVIAN.finditer(text):
        if _dmy_ok(m.group("n")[:6]) and cued(m):
            add(m, 0.8)
    return out


# Ten digits split by single separators anywhere (the layouts CPR_RE does not cover).
# A separator: a dash, dot, slash, underscore, tilde, middle dot or line break (spaces around
# it), or a run of up to three spaces or tabs (a careless "03  05 92").
_SPLIT_SEP = r"(?:[ \t]{0,2}[-./_~\u00b7\n][ \t]{0,2}|[ \t]{1,3})"
_SPLIT_RUN = re.compile(r"(?<![\d+])\d+(?:" + _SPLIT_SEP + r"\d+)+")
_GROUP = re.compile(r"\d+")
_GLUED_BEFORE = re.compile(r"[\d+][,:]?$")
_GLUED_AFTER = re.compile(r"[,:]?\d")
_THOUSANDS = re.compile(r"\d{1,3}(?:([., ])\d{3})(?:\1\d{3})+")


def _split_layouts(text: str, found: list[PatternMatch], today: dt.date,
                   context: re.Pattern[str]) -> list[PatternMatch]:
    extra: list[PatternMatch] = []
    for run in _SPLIT_RUN.finditer(text):
        groups = list(_GROUP.finditer(text, run.start(), run.end()))
        for a in range(len(groups)):
            total, b = 0, a
            while b < len(groups) and total < 10:
                total += len(groups[b].group())
                b += 1
            if total != 10 or b - a < 2:
                continue
            start, end = groups[a].start(), groups[b - 1].end()
            # not glued through number punctuation to more digits (a case number, an amount)
            if a > 0 and text[groups[a - 1].end():start].strip():
                continue
            if b < len(groups) and text[end:groups[b].start()].strip():
                continue
            if not _plausible_layout(text, groups[a:b]) or \
                    _THOUSANDS.fullmatch(text, start, end) or \
                    any(m.start < end and start < m.end for m in found):
                continue
            if (a == 0 and _GLUED_BEFORE.search(text, max(0, start - 2), start)) or \
                    (b == len(groups) and _GLUED_AFTER.match(text, end)):
                continue
            digits = digits_only(text[start:end])
            in_context = has_context_word(text, start, context)
            score = _score(digits, True, in_context, today)
            if score is None:
                continue
            extra.append(PatternMatch(start, end, text[start:end], ENTITY,
                                      min(score, 0.99 if in_context else 0.8),
                                      f"{digits[:6]}-{digits[6:]}"))
    if not extra:
        return found
    return sorted([*found, *_non_overlapping(extra)], key=lambda m: m.start)


def _plausible_layout(text: str, groups: list[re.Match[str]]) -> bool:
    """A layout a person would write: one separator throughout (single digits only when every
    digit stands alone), or a date with one separator followed by the serial number. Numbers
    in a drawing (``1 0 0 1 100.378``) mix separators and group sizes."""
    seps = [text[x.end():y.start()].strip(" \t") or " " for x, y in itertools.pairwise(groups)]
    sizes = [len(g.group()) for g in groups]
    if any("\n" in sep for sep in seps):  # a number broken once over two lines, nothing else
        return len(groups) == 2 and min(sizes) >= 2 and seps[0] == "\n"
    if len(set(seps)) == 1:
        return seps[0] != " " or all(n == 1 for n in sizes) or min(sizes) >= 2
    if sizes[:3] == [2, 2, 2] and seps[0] == seps[1] and len(set(seps[2:])) == 1 and \
            (sizes[3:] == [4] or len(set(seps[3:])) <= 1):
        return True
    # the date and the serial number each written one way, split between them
    # ("0305<tab>92-2817", "03 05 92/2817")
    cut = next((k for k in range(1, len(sizes)) if sum(sizes[:k]) == 6), None)
    return cut is not None and len(set(seps[:cut - 1])) <= 1 and len(set(seps[cut:])) <= 1


def _non_overlapping(matches: list[PatternMatch]) -> list[PatternMatch]:
    out: list[PatternMatch] = []
    for m in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if not out or m.start >= out[-1].end:
            out.append(m)
    return out


BIRTH_ENTITY = "BIRTH_DATE"


@lru_cache(maxsize=8)
def birth_pattern_for(words: WordLists) -> tuple[re.Pattern[str], dict[str, int]]:
    """The birth-date pattern and month number by name, from the policy's month names
    (``resources.identifier_words``, January first): built once per bundle."""
    months = words["month_names"]  # twelve, checked when the bundle loads
    # "f. 11.12.1988", "født 3/4-1990", "født den 2. maj 1986", "fødselsdato: 11-12-88"
    birth = re.compile(
        r"\b(?:f\.|født(?:\s+den)?|fødselsdato\s*:?|fødselsdag\s*:?|d\.o\.b\.?\s*:?)[ \t]*"
        r"(?P<d>(?P<dd>\d{1,2})[./\-](?P<mm>\d{1,2})[./\-](?P<yy>(?:19|20)?\d{2})"
        r"|(?P<dd2>\d{1,2})\.?[ \t]+(?P<mon>" + words.alternation("month_names") +
        r")[ \t]+(?P<yy2>(?:19|20)\d{2}))"
        r"(?![\d\-])", re.IGNORECASE)
    return birth, {m.lower(): i for i, m in enumerate(months, 1)}


def find_birth_dates(text: str, words: WordLists | None = None) -> list[PatternMatch]:
    """Birth dates written as such ("f. 11.12.1988", "født den 2. maj 1986"): identifying
    data of whoever they belong to. ``normalized`` is ``DDMMYY``, comparable with the first
    six digits of a CPR number (the client's own birth date is the client's). ``words``:
    the policy's identifier words (month names; default: the bundled kommune policy's)."""
    found: list[PatternMatch] = []
    if not has_digit(text):
        return found
    birth, month_number = birth_pattern_for(words if words is not None
                                 else default_words("identifier_words"))
    for m in birth.finditer(text):
        if m.group("dd"):
            day, month, year = int(m.group("dd")), int(m.group("mm")), m.group("yy")
        else:
            day = int(m.group("dd2"))
            month = month_number[m.group("mon").lower()]
            year = m.group("yy2")
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        found.append(PatternMatch(m.start("d"), m.end("d"), m.group("d"), BIRTH_ENTITY, 0.9,
                                  f"{day:02d}{month:02d}{year[-2:]}"))
    if "|" in text:
        found.extend(_birth_date_cells(text, found))
    return found


# a table cell holding six digits alone, as the first half of a CPR number is written
# ("| Lærke Friis Madsen | samlever | 140391 |")
_DATE_CELL = re.compile(r"(?:^|\|)[ \t]*(?P<d>\d{6})[ \t]*(?=\||$)", re.MULTILINE)
# the score of such a cell: below review_below, so the removal is flagged for review
CELL_SCORE = 0.45


def _birth_date_cells(text: str, found: list[PatternMatch]) -> list[PatternMatch]:
    """Six digits alone in a table cell that read as a date DDMMYY: a birth date in a
    household or contact table (the column says "Født"), identifying its person. A date in
    a table is otherwise written with separators ("14.03.2026"); a case number or an amount
    of six digits rarely makes a valid day and month. Flagged for review (shape only)."""
    out = []
    for m in _DATE_CELL.finditer(text):
        digits = m.group("d")
        day, month = int(digits[:2]), int(digits[2:4])
        if not (1 <= day <= 31 and 1 <= month <= 12) or any(
                p.start < m.end("d") and m.start("d") < p.end for p in found):
            continue
        out.append(PatternMatch(m.start("d"), m.end("d"), digits, BIRTH_ENTITY, CELL_SCORE,
                                digits))
    return out
