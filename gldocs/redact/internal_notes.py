"""Internal notes: the spans of a document that are for Kriminalforsorgen's own use only.

A note is found by one of the policy's ``internal_notes.headings`` ("intern note",
"må ikke videregives", "slettes før afsendelse" ...) and lasts as follows:

- **bracketed** (``[Intern note: …]``, ``(må ikke videregives: …)``): from the opening
  bracket to its matching closing bracket, across lines if need be; nested brackets are
  counted; text after the closing bracket is ordinary text again. A bracket that is never
  closed runs to the end of the part (fail closed);
- **heading** (a line that is nothing but the phrase, e.g. ``--- Interne noter (slettes før
  afsendelse) ---``): the rest of the part, up to a letter's closing line ("Med venlig
  hilsen"): the closing and the sender's signature after it belong to the letter; a
  heading drawn with the same marks (``---- UDKAST TIL MAIL ----``) opens the next block,
  and so does the next of a part's plain sub-headings after a plain one;
- **unbracketed sentence** (``Intern bemærkning: …``, ``NB: må ikke videregives …``): from
  the sentence holding the phrase to the end of its paragraph (the next blank line, or the
  end of the unit when units are paragraphs, as in DOCX, or are fields of the
  Stamoplysninger). Text
  before that sentence on the same line is ordinary text. As before, a long line (> 160
  characters) only holds a note when the phrase opens a sentence as a label
  (``Intern note: …``), since such phrases also occur in ordinary case prose.

    spans = internal_note_spans(units, policy.internal_notes.headings)
    # spans[i]: the (start, end) character ranges of units[i] that belong to a note
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from gldocs.document.units import TextUnit
from gldocs.redact.context import sentences
from gldocs.redact.person_words import PersonPatterns, is_closing
from gldocs.redact.prefilter import may_match, required_gate
from gldocs.redact.wordlists import WordLists
from gldocs.text.alternation import whole_word

_OPEN = {"[": "]", "(": ")"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_LONG_LINE = 160  # longer lines are prose: a phrase must be a label there
_HEADING_REST_WORDS = 2  # words besides the phrase a heading line may hold ("til sagen")

NoteSpans = list[tuple[int, int]]


def phrase_pattern(headings: Sequence[str]) -> re.Pattern[str] | None:
    """One regex for the note phrases: case-insensitive, any white space between words."""
    alts = sorted({r"[\s\-]+".join(re.escape(w) for w in h.split()) for h in headings
                   if h.strip()}, key=len, reverse=True)
    if not alts:
        return None
    return whole_word("|".join(alts), re.IGNORECASE)


@lru_cache(maxsize=8)
def _phrase_gate(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """:func:`phrase_pattern`'s pattern with the required-words test in front
    (:func:`~gldocs.redact.prefilter.required_gate`; the unit's words are read once for
    every stage)."""
    return required_gate(pattern)


def internal_note_spans(units: Sequence[TextUnit], headings: Sequence[str],
                        person: PersonPatterns | None = None,
                        sentence_words: WordLists | None = None) -> list[NoteSpans]:
    """Per unit, the character ranges that belong to an internal note (see module doc);
    ``person``: the policy's person words (letter closings), ``sentence_words`` its sentence
    words (where a sentence ends); default: the bundled kommune policy's."""
    pattern = phrase_pattern(headings)
    out: list[NoteSpans] = []
    mode: str | None = None  # None | "part" | "paragraph" | "bracket"
    stack: list[str] = []  # open brackets of a bracketed note still running
    section: str | None = None
    siblings = False  # the note is one of a part's plain sub-headings: the next one ends it
    headed: set[str | None] = set()  # the parts that had a plain sub-heading so far
    mark: str | None = None  # the decoration of a note's heading line ("---- … ----")
    form: _FormHeading | None = None  # a form's heading the note opened with ("2. GERNINGEN")
    for i, unit in enumerate(units):
        text = unit.text
        if mode is not None and unit.section != section:
            mode, stack = None, []
        if mode == "part" and siblings and _plain_heading(units, i):
            mode = None  # "Næste skridt" after "Andet (ikke til kommunen)": the next topic
        if mode == "part" and mark is not None and _decoration(text) == mark and (
                pattern is None or not pattern.search(text)):
            # "---- UDKAST TIL MAIL ----" after "---- INTERNT NOTAT ----": a heading drawn
            # the same way opens the next block, which is no note
            mode = None
        if mode == "part" and form is not None and _closes_form_note(form, units, i):
            # "3. SIKKERHED" after "2. GERNINGEN (må ikke videregives)": a form's next
            # numbered or capitalised heading opens the next field, which is no note
            mode = None
        if mode == "paragraph" and not text.strip():
            mode = None
        if mode in ("part", "paragraph") and is_closing(text, person) and \
                _signature_ends_part(units, i):
            mode = None  # "Med venlig hilsen": the letter's closing and signature follow
        if mode in ("part", "paragraph"):
            out.append(_whole(text))
            continue
        spans: NoteSpans = []
        pos = 0
        if mode == "bracket":
            close = _scan_close(text, 0, stack)
            if close is None:
                out.append(_whole(text))
                continue
            spans.append((0, close))
            mode, pos = None, close
        # (a unit without the phrases' words is not searched: prefilter.may_match)
        while pattern is not None and may_match(_phrase_gate(pattern), text):
            m = pattern.search(text, pos)
            if m is None:
                break
            opener = _innermost_open(text, pos, m.start())
            close = None
            if opener is not None:
                stack = [text[opener]]
                close = _scan_close(text, opener + 1, stack)
                if close is None:
                    spans.append((opener, len(text)))
                    mode, section = "bracket", unit.section
                    break
            if _is_heading(text, pattern):  # "Øvrigt (til intern brug)", "[Interne noter]"
                spans = [(0, len(text))]
                mode, section = "part", unit.section
                mark = _decoration(text)
                form = _form_heading(text)
                # a plain sub-heading among plain sub-headings of its part ("Økonomi",
                # "Beskæftigelse", "Andet (ikke til kommunen)", "Næste skridt"): the note is
                # that topic, up to the next one; otherwise the rest of the part (fail closed)
                siblings = unit.section in headed and _plain_heading(units, i)
                break
            if opener is not None and close is not None:
                spans.append((opener, close))
                pos = close
                continue
            start = _sentence_start(text, m.start(), pos, sentence_words)
            if len(text) > _LONG_LINE and not _is_label(text, start, m):
                pos = m.end()
                continue
            spans.append((start, len(text)))
            # a paragraph unit (DOCX, case field) ends here, and so does a field line of
            # the Stamoplysninger (every line there is a field of its own)
            if _line_unit(unit.path) and unit.section != "stamoplysninger":
                mode, section = "paragraph", unit.section
            break
        if mode is None and _plain_heading(units, i):
            headed.add(unit.section)
        out.append(_trimmed(text, spans))
    return out


_HEADING_WORDS = 5


@dataclass(frozen=True)
class _FormHeading:
    """A form's field heading: its numbering ("2." -> kind "digit", number 2; "C)" ->
    "letter", 3; none: kind "") and whether its words are written in capitals."""

    kind: str
    number: int
    caps: bool


# a heading's drawing marks ("## 3. SIKKERHED", "=== SIKKERHED ===", not a list's dash)
_DECORATION_MARKS = re.compile(
    r"^[ \t]*(?:[-=*#~_]{2,}|#+)[ \t]*|[ \t]*(?:[-=*#~_]{2,}|#+)[ \t]*$")
_FORM_NUMBER = re.compile(r"^\s*(?:(\d{1,2})|([A-Za-z]))\s*[.)]\s+(?=\S)")
_FORM_WORDS = 6
_FORM_LENGTH = 70


def _form_heading(text: str) -> _FormHeading | None:
    """``text`` as a form's field heading: a short line (at most six words besides a remark
    in brackets, no sentence's end, no value after a colon) that opens with its numbering
    ("4. UDDANNELSE", "C) Netværk") or is written in capitals ("SIKKERHED", "FELT 7 –
    ØVRIGT"); None for any other line (and a numbered line in lower case)."""
    s = _DECORATION_MARKS.sub("", text).strip()
    if not s or len(s) > _FORM_LENGTH or s.endswith((".", "!", "?", ",", ";")):
        return None
    kind, number = "", 0
    m = _FORM_NUMBER.match(s)
    if m is not None:
        if m.group(1):
            kind, number = "digit", int(m.group(1))
        else:
            kind, number = "letter", ord(m.group(2).lower()) - ord("a") + 1
        s = s[m.end():]
    body = re.sub(r"\([^()]*\)", " ", s).strip().rstrip(":").strip()
    if not body or re.search(r":\s*\S", body) or len(body.split()) > _FORM_WORDS:
        return None
    letters = [c for c in body if c.isalpha()]
    if not letters or not letters[0].isupper():
        return None
    caps = len(letters) >= 3 and all(c.isupper() for c in letters)
    if not kind and not caps:
        return None
    if kind == "letter" and m is not None and not m.group(2).isupper():
        return None  # "a) ..." is a list's item
    return _FormHeading(kind, number, caps)


def numbered_capital_heading(text: str) -> bool:
    """A form's numbered or lettered field heading in capitals ("G. MØDER", "7. ØVRIGE
    OPLYSNINGER (kun til fængslet)", "A. OFFENCE (kort)"): it names nobody, however a model
    reads its words in capitals. Not a table's row or a list of names (a bar, a tab or a
    comma in it)."""
    if "|" in text or "\t" in text or "," in text:
        return False
    head = _form_heading(text)
    return head is not None and bool(head.kind) and head.caps


def _closes_form_note(head: _FormHeading, units: Sequence[TextUnit], i: int) -> bool:
    """Whether ``units[i]`` is the form's next field heading after the note's own heading
    ``head``: numbered the same way with a higher number ("3. SIKKERHED" after "2.
    GERNINGEN (må ikke videregives)") and in capitals when the note's heading is; or, after a
    note heading in capitals without a number, a heading in capitals with a blank line before
    it. A line in lower case under a heading in lower case must also follow a blank line (a
    numbered list inside the note goes on). Anything else keeps the note open (fail
    closed)."""
    text = units[i].text
    got = _form_heading(text)
    if got is None:
        return False
    blank_before = i == 0 or not units[i - 1].text.strip()
    if head.kind:
        if got.kind != head.kind or got.number <= head.number:
            return False
        if head.caps:
            return got.caps
        return blank_before
    return head.caps and got.caps and not got.kind and blank_before
# a heading line drawn with marks on both sides: "---- INTERNT NOTAT ----", "=== Bolig ==="
_DECORATED = re.compile(r"^[ \t]*([-=*#~_])\1{2,}[ \t]*[^\s\-=*#~_].*?([-=*#~_])\2{2,}[ \t]*$")


def _decoration(text: str) -> str | None:
    """The mark a heading line is drawn with on both sides ("-" for "---- UDKAST ----"), or
    None for any other line."""
    m = _DECORATED.match(text)
    return m.group(1) if m and m.group(1) == m.group(2) else None


def _plain_heading(units: Sequence[TextUnit], i: int) -> bool:
    """``units[i]`` is a plain sub-heading of a text's lines: a short line (at most five
    words, a remark in brackets included) that opens with a capital letter, holds no colon
    and ends in no full stop, with a blank line (or the part's start) before it and text
    right after it ("Familie og pengeoverførsler", "Andet (ikke til kommunen)")."""
    unit = units[i]
    text = unit.text.strip()
    if not text or not _line_unit(unit.path) or not text[0].isupper() or ":" in text \
            or text[-1] in ".,;!?" or len(text.split()) > _HEADING_WORDS:
        return False
    if i > 0 and units[i - 1].section == unit.section and units[i - 1].text.strip():
        return False
    return i + 1 < len(units) and bool(units[i + 1].text.strip())


_SIGNATURE_LINES = 8


def _signature_ends_part(units: Sequence[TextUnit], i: int) -> bool:
    """Whether the closing at ``units[i]`` is the letter's own: only a short signature (at
    most eight lines, no blank line with more text after it) follows to the end of the part.
    A closing inside a quoted message, with more of the note after it, ends nothing (fail
    closed)."""
    lines = 0
    blank = False
    for u in units[i + 1:]:
        if u.section != units[i].section:
            break
        if not u.text.strip():
            blank = True
            continue
        if blank:
            return False
        lines += 1
        if lines > _SIGNATURE_LINES:
            return False
    return True


def covers_unit(text: str, spans: NoteSpans) -> bool:
    """Whether the note spans take up all the (non-blank) text of a unit."""
    rest = list(text)
    for a, b in spans:
        rest[a:b] = [" "] * (b - a)
    return bool(spans) and not "".join(rest).strip()


def _line_unit(path: str) -> bool:
    """Units that are lines of a paragraph (.txt ``line7``, PDF ``page2/line14``)."""
    return bool(re.search(r"(?:^|/)line\d+$", path))


def _whole(text: str) -> NoteSpans:
    return _trimmed(text, [(0, len(text))])


def _trimmed(text: str, spans: NoteSpans) -> NoteSpans:
    """Spans without surrounding white space; empty spans dropped."""
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _scan_close(text: str, start: int, stack: list[str]) -> int | None:
    """Walk ``text`` from ``start`` keeping ``stack`` (open brackets) up to date; the offset
    just after the bracket that empties it, or None when the line ends with it still open."""
    for i in range(start, len(text)):
        ch = text[i]
        if ch in _OPEN:
            stack.append(ch)
        elif ch in _CLOSE and _CLOSE[ch] in stack:
            while stack and stack.pop() != _CLOSE[ch]:
                pass
            if not stack:
                return i + 1
    return None


def _innermost_open(text: str, start: int, end: int) -> int | None:
    """The innermost bracket opened in ``text[start:end]`` and not closed before ``end``."""
    opened: list[int] = []
    for i in range(start, end):
        ch = text[i]
        if ch in _OPEN:
            opened.append(i)
        elif ch in _CLOSE:
            for k in range(len(opened) - 1, -1, -1):
                if text[opened[k]] == _CLOSE[ch]:
                    del opened[k:]
                    break
    return opened[-1] if opened else None


def _is_heading(text: str, pattern: re.Pattern[str]) -> bool:
    """A line that is only a note phrase with decoration ("--- Interne noter ---",
    "Intern note (slettes før afsendelse):", "[Interne noter]")."""
    stripped = text.strip()
    if not stripped or len(stripped) > 80 or stripped.endswith("."):
        return False
    if re.search(r":\s*\w", stripped):  # "Intern note: tjek datoen" is a note, not a heading
        return False
    rest = pattern.sub(" ", stripped)
    words = re.findall(r"[^\W\d_]+", rest)
    return len(words) <= _HEADING_REST_WORDS


def _sentence_start(text: str, pos: int, floor: int, words: WordLists | None) -> int:
    start = floor
    for s in sentences(text, words):
        if s.start <= pos and s.start >= floor:
            start = s.start
    return start


def _is_label(text: str, start: int, m: re.Match[str]) -> bool:
    """``Intern note: …`` — the phrase opens its sentence and is followed by a colon."""
    before = text[start:m.start()]
    return not re.search(r"\w{3,}", before) and text[m.end():m.end() + 2].lstrip().startswith(":")
