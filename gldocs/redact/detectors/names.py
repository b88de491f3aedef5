"""Person-name candidates without a statistical model: capitalised word runs that start with a
known given name, follow a role or title cue, are coordinated with another name
(``Oliver og Agnieszka``) or follow ``familien``.

This complements the NER model (it catches names the model misses and confirms the ones it
finds); it never decides alone what is kept: the engine classifies every candidate.
Names that are also ordinary words (Bo, Sten, Lykke, Hans …) count only with a surname or a
cue, never alone at the start of a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass

from gldocs.redact.context import Span
from gldocs.redact.genitive import genitive_stem as _strip_genitive
from gldocs.redact.genitive import has_genitive_s
from gldocs.redact.person_words import PersonPatterns, person_patterns

# (a given name of two syllables joined by a hyphen, the second in lower case, as Korean and
# Chinese names are romanised: "Ji-woo", "Min-jun", "Soon-ja"; a short first part, a short
# second: no Danish compound "Ex-kæresten")
_SYLLABLE_PAIR = r"[A-ZÀ-Þ][a-zà-ÿ]{1,4}-[a-zà-ÿ]{2,5}(?![\w\-])"
_CAP_WORD = (rf"(?:{_SYLLABLE_PAIR}|"
             r"[A-ZÆØÅÀ-ÖØ-ÞĀ-ſ][\wÀ-ſ'’]*(?:-[A-ZÆØÅÀ-ÞĀ-ſ][\wÀ-ſ'’]*)?)")
_RUN = re.compile(rf"(?<![\w@.]){_CAP_WORD}(?:[ \t]+{_CAP_WORD})*")
# ("Tilde (8 år)": an age right after a name, PersonPatterns.age_after)
# coordination: "Oliver og Agnieszka", "Ella, Nanna og Ida"
_COORDINATED = re.compile(rf"\b(?:og|eller|samt)\s+({_CAP_WORD})")
_COORDINATED_BEFORE = re.compile(rf"(?<![\w@.\-])({_CAP_WORD})[ \t]+(?:og|eller|samt)[ \t]+"
                                 rf"({_CAP_WORD})")
# (the sure surname endings, the verbs only a person does and the verbs of staying with
# someone: PersonPatterns, from the policy's person words)
# ("Sandahls familie": a name in the genitive before a family word, PersonPatterns)
# "hos Vestergaards", "hjemme hos Kraghs": at a family's home, the family by its name (and
# in "hos Vestergaards bror" the name is a private person's too)
_AT_FAMILY_BEFORE = re.compile(r"\bhos[ \t]+$", re.IGNORECASE)
# ... but not at a firm or a shop ("job hos Matas": PersonPatterns.at_work_before)


@dataclass(frozen=True)
class NameCandidate:
    start: int
    end: int
    text: str
    score: float
    reason: str


def is_name_word(word: str, given: frozenset[str]) -> bool:
    return word in given or _strip_genitive(word) in given


def find_name_candidates(
    text: str,
    sentence_spans: list[Span],
    given_names: frozenset[str],
    surnames: frozenset[str],
    ambiguous: frozenset[str],
    stop_words: frozenset[str],
    cue_at: Callable[[str, int], bool],  # a role/title cue right before (text, start)
    org_words: frozenset[str] = frozenset(),
    person: PersonPatterns | None = None,
) -> list[NameCandidate]:
    """Candidate person names in one unit of text; ``person``: the patterns of the policy's
    person words (default: the bundled kommune policy's)."""
    pats = person or person_patterns()
    if _CELL_BREAK.search(text):
        cue_at = _within_cell(cue_at)
    starts = {s.start for s in sentence_spans}
    line_start = len(text) - len(text.lstrip())
    starts.add(line_start)
    out: list[NameCandidate] = []
    for m in _RUN.finditer(text):
        words = m.group(0).split()
        offs = []
        pos = m.start()
        for w in words:
            i = text.index(w, pos)
            offs.append((i, i + len(w), w))
            pos = i + len(w)
        if org_words and any(w.lower() in org_words for w in words):
            continue  # a run with an organisation word names an organisation
        # cut the run at stop words (places, months, form labels …)
        # a name that is also a stop word (the month "Maj") is a name right after a role or
        # title cue ("kæresten Maj Sol")
        def name_here(o: tuple[int, int, str]) -> bool:
            return o[2] in ambiguous and cue_at(text, o[0])

        # a known surname that is also a stop word (a role: "Munk", "Præst") right after a
        # known given name goes on with the name ("Grete Munk", not "Grete" and a monk)
        def surname_here(seg: list[tuple[int, int, str]], o: tuple[int, int, str]) -> bool:
            return o[2] in surnames and is_name_word(seg[-1][2], given_names)

        for seg in _segments(offs, stop_words, name_here, surname_here):
            if len(seg) >= 2 and is_name_word(seg[1][2], given_names) and \
                    cue_at(text, seg[1][0]):
                # "Lagerchef Niels Holt", "Familiebehandler Yusuf Demirci": a role or title
                # word opens the run (a compound no stop word list holds), a known given
                # name follows (not "Vognmand Krogh ApS": a firm's name)
                seg = seg[1:]
            cand = _judge(text, seg, starts, given_names, surnames, ambiguous, cue_at, pats)
            if cand is not None:
                out.append(cand)
    # coordination: "Oliver og Agnieszka", "Ella, Nanna og Ida"
    found = list(out)
    for m in _COORDINATED.finditer(text):
        s, e = m.start(1), m.end(1)
        if any(c.start <= s < c.end for c in found):
            continue
        prev = text[:m.start()].rstrip()
        if any(prev.endswith(c.text) for c in found) and m.group(1).lower() not in stop_words:
            out.append(NameCandidate(s, e, m.group(1), 0.7, "sideordnet med navn"))
    # ... and before one: "noget med Tobbe og Mikkel Skytte" (not at a sentence start)
    for m in _COORDINATED_BEFORE.finditer(text):
        s, e = m.start(1), m.end(1)
        word = m.group(1)
        if s in starts or word.lower() in stop_words or _strip_genitive(word.lower()) in \
                stop_words or any(c.start <= s < c.end for c in out):
            continue
        if any(c.start == m.end() - len(m.group(2)) for c in found):
            out.append(NameCandidate(s, e, word, 0.7, "sideordnet med navn"))
    return sorted(out, key=lambda c: c.start)


# a table row's cell break (gldocs.text.tables): a bar or a tab
_CELL_BREAK = re.compile(r"[|│┃¦\t]")
_CELL_BEFORE = re.compile(r"[|│┃¦\t][ \t]*$")


def _within_cell(cue_at: Callable[[str, int], bool]) -> Callable[[str, int], bool]:
    """``cue_at`` that does not reach into the cell before: a role in one cell ("| Lise
    (søster) |") is no cue for the first word of the next ("| Klargøring af …")."""
    def cue(text: str, start: int) -> bool:
        return not _CELL_BEFORE.search(text[max(0, start - 12):start]) and cue_at(text, start)
    return cue


def _segments(offs: list[tuple[int, int, str]], stop: frozenset[str],
              name_here: Callable[[tuple[int, int, str]], bool] = lambda o: False,
              surname_here: Callable[[list[tuple[int, int, str]], tuple[int, int, str]], bool]
              = lambda seg, o: False) -> Iterator[list[tuple[int, int, str]]]:
    seg: list[tuple[int, int, str]] = []
    for o in offs:
        w = o[2].lower()
        if any(ch.isdigit() for ch in w) or (
                (w in stop or _strip_genitive(w) in stop) and not (not seg and name_here(o))
                and not (seg and surname_here(seg, o))):
            # (a code with a digit is no part of a name: "GF2 Smed" names a course)
            if seg:
                yield seg
            seg = []
        else:
            seg.append(o)
    if seg:
        yield seg


def _judge(text: str, seg: list[tuple[int, int, str]], starts: set[int],
           given: frozenset[str], surnames: frozenset[str], ambiguous: frozenset[str],
           cue_at: Callable[[str, int], bool], pats: PersonPatterns) -> NameCandidate | None:
    first = seg[0][2]
    start, end = seg[0][0], seg[-1][1]
    span_text = text[start:end]
    if all(w.isupper() and len(w) > 1 for _, _, w in seg) and len(seg) == 1:
        # a single ALL-CAPS word is an acronym, not a name (ALL-CAPS names come via known names)
        return None
    at_sentence_start = start in starts
    first_given = is_name_word(first, given) or is_name_word(first.title(), given)
    ambiguous_first = first in ambiguous or _strip_genitive(first) in ambiguous
    multi = len(seg) >= 2
    last_surname = multi and (seg[-1][2] in surnames or _strip_genitive(seg[-1][2]) in surnames
                              or pats.surname_ending.search(seg[-1][2]) is not None)
    if pats.family_before.search(text[max(0, start - 12):start]):
        return NameCandidate(start, end, span_text, 0.85, "familien + efternavn")
    if len(seg) == 1 and pats.family_after_hyphen.match(text[end:end + 10]):
        # "Hansen-familien": a surname before "-familien" is a family's name
        return NameCandidate(start, end, span_text, 0.85, "efternavn + -familien")
    if len(seg) == 1 and has_genitive_s(first, 4) and (
            pats.family_after.match(text, end) or (_AT_FAMILY_BEFORE.search(
                text, max(0, start - 8), start) and not pats.at_work_before.search(
                text, max(0, start - 50), start))):
        # "Sandahls familie", "hos Vestergaards": a family by its name in the genitive
        return NameCandidate(start, end, span_text, 0.8, "familienavn i ejefald")
    if pats.age_after.match(text, end) and len(seg) <= 3:
        return NameCandidate(start, end, span_text, 0.8, "alder efter navnet")
    if first_given and not ambiguous_first:
        if at_sentence_start and not multi and not cue_at(text, start):
            return NameCandidate(start, end, span_text, 0.6, "kendt fornavn")
        return NameCandidate(start, end, span_text, 0.8, "kendt fornavn")
    cue = cue_at(text, start)  # (looked up only where the verdict depends on it)
    if first_given and ambiguous_first and ((multi and last_surname) or cue):
        return NameCandidate(start, end, span_text, 0.7, "fornavn med efternavn eller rolle")
    if cue and not at_sentence_start:
        return NameCandidate(start, end, span_text, 0.7, "rolle eller titel foran")
    if multi and len(seg) <= 3 and not at_sentence_start and (
            pats.person_verb_after.match(text, end) or pats.person_place_before.search(
                text, max(0, start - 60), start)):
        # "… hvor Kwabena Owusu ringede", "hos Dmytro Shevchuk": two or three capitalised
        # words where a person stands, whether or not a list knows them
        return NameCandidate(start, end, span_text, 0.6, "navneform, hvor en person står")
    if cue and at_sentence_start and multi:
        return NameCandidate(start, end, span_text, 0.6, "rolle eller titel foran")
    if multi and last_surname and not at_sentence_start:
        return NameCandidate(start, end, span_text, 0.6, "efternavn")
    return None


FAMILY_FIRST_REASON = "efternavn først (vietnamesisk/kinesisk/koreansk)"


def family_first_pattern(family: Iterable[str]) -> re.Pattern[str]:
    """A family name written first ("Nguyen", "Wang", "Park", "TRAN") and one to three capitalised
    words after it (Vietnamese letters included). The names come from the policy bundle
    (``resources.family_first_names``)."""
    # (also in capitals, as a passport or a register writes the family name: "TRAN Thi Thu
    # Trang", "PHAM Thi Lan")
    # (longest first, ties in a fixed order: the same pattern text in every process)
    names = "|".join(re.escape(n) for n in sorted({*family, *(f.upper() for f in family)},
                                                  key=lambda n: (-len(n), n)))
    upper = "A-ZÀ-ÝĐƠƯẠ-Ỹ"
    # (a given name of two syllables joined by a hyphen: "Park Ji-woo", "Kim Min-jun")
    return re.compile(rf"(?<![\w@.\-])(?:{names})(?:[ \t]+[{upper}][a-zà-ỹđ]+"
                      rf"(?:-[a-zà-ỹđ]{{2,5}})?){{1,3}}(?![\w@\-])")


def family_first_names(text: str, pattern: re.Pattern[str], middle: Collection[str],
                       given: Collection[str]) -> list[NameCandidate]:
    """Family name first ("Tran Van Hung", "Nguyen Thi Lan"): the run after a Vietnamese,
    Chinese or Korean family name (``pattern``: :func:`family_first_pattern`), when a
    middle name of that naming tradition or a known given name follows (so "Mai" or "Lam"
    alone never starts a name)."""
    out = []
    for m in pattern.finditer(text):
        words = m.group(0).split()
        if len(words) >= 3 or any(w in middle or w in given for w in words[1:]):
            out.append(NameCandidate(m.start(), m.end(), m.group(0), 0.8, FAMILY_FIRST_REASON))
    return out
