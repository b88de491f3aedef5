"""Whose special-category data a term is: the client's, or a third person's.

K7 keeps § 10 data inside a chosen koordineringsområde because the municipality needs the
*client's* health or substance use for the coordination. A relative's or a friend's is never
its business, whatever the areas: "Hans mor har kræft", "Sønnen er født med en hjertefejl",
"Han passer sin syge mor, som har sclerose", "Kæresten ryger hash dagligt".

The test is deliberately small and explainable. It looks at the subject of the clause that
holds the term:

- a relation word (a role cue of the policy: mor, kæresten, sønnen, ...) first in the clause,
  alone or after a genitive ("hans mor", "klientens bror", "hans syge mor", "hans mors"),
  also after words that count or a possessive pronoun of quoted speech ("begge hans
  forældre", "en af hans brødre", "din bror");
- the same after the finite verb in inverted order ("Siden 2020 har hans mor haft kræft");
- a private person's name first in the clause;
- a relative pronoun right after a relation word or a private name ("sin mor, som har");
- the subject pronoun of the other gender than the client's CPR number says ("hvor hun bor
  pga. demens" of a man);
- a clause without a subject of its own ("og har ADHD", or after an apposition: "hans mor,
  Ellen, har bipolar lidelse") has the subject of the clause it is joined to.

A subject pronoun or anything else leaves the term the client's (as before): the test only
ever turns a keep into a removal, so it fails closed.

    who = third_person_subject(text, sentence, term_start, relations, clause_words, names)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gldocs.redact.clauses import ClauseWords
from gldocs.redact.context import Span
from gldocs.redact.genitive import has_genitive_s, in_genitive

__all__ = ["third_person_subject"]

# a word; an initial's genitive ("J.s mor", "H.'s bror") is one word, a genitive
_WORD = re.compile(r"[^\W\d_]\.[’']?s(?!\w)|[^\W\d_][\w\-]*")
_CLAUSE_MARK = re.compile(r"[,;:()]")


def _segments(text: str, sentence: Span, end: int, cw: ClauseWords
              ) -> list[list[tuple[int, int, str]]]:
    """The words of ``text[sentence.start:end]`` in clauses: a new clause at a comma,
    semicolon, colon or bracket, and at a coordinating or subordinating word (which opens
    it)."""
    segments: list[list[tuple[int, int, str]]] = [[]]
    prev_end = sentence.start
    for m in _WORD.finditer(text, sentence.start, end):
        word = m.group().lower()
        mark = _CLAUSE_MARK.search(text, prev_end, m.start()) is not None
        if segments[-1] and (mark or word in cw.coordinators or word in cw.subordinators):
            segments.append([])
        segments[-1].append((m.start(), m.end(), word))
        prev_end = m.end()
    if segments[-1] and _CLAUSE_MARK.search(text, prev_end, end):
        segments.append([])  # the term opens a clause of its own
    return segments


def _relation(word: str, relations: frozenset[str]) -> bool:
    return in_genitive(word, relations)


def _genitive_relation(words: Sequence[tuple[int, int, str]], i: int,
                       relations: frozenset[str], cw: ClauseWords) -> str | None:
    """The relation word at ``i`` ("moren") or after a genitive there ("hans mor",
    "klientens bror"), one adjective allowed ("hans syge mor")."""
    if i >= len(words):
        return None
    word = words[i][2]
    if _relation(word, relations):
        return word
    if not has_genitive_s(word) or word in cw.subjects:
        return None
    for j in (i + 1, i + 2):
        if j < len(words) and words[j][2] not in cw.finite_verbs and _relation(
                words[j][2], relations):
            return words[j][2]
    return None


def _owner_before(words: Sequence[tuple[int, int, str]], relations: frozenset[str],
                  cw: ClauseWords, other: str | None) -> str | None:
    """The owner written right before the term, one adjective allowed between: a relation
    word's genitive ("moderens alkoholproblem", "hans mors depression") or the possessive of
    the pronoun that cannot mean the client ("hendes alkoholproblem" in a man's plan)."""
    other_owner = {p for pronoun, p in cw.pronoun_possessives if pronoun == other}
    for _a, _b, word in reversed(words[-2:]):
        if word in other_owner:
            return word
        if has_genitive_s(word) and word not in cw.subjects and word not in \
                cw.client_possessives and in_genitive(word, relations) and word not in relations:
            return word
    return None


def _subject(segments: list[list[tuple[int, int, str]]], k: int, relations: frozenset[str],
             cw: ClauseWords, names: Sequence[tuple[int, int, str]],
             other: str | None = None) -> str | None:
    words = segments[k]
    if not words:
        # the term opens its clause after a comma, with no subject of its own ("Birthe
        # Holt  Mor  Støtter ham, drikker selv dagligt"): the clause before it has it
        return _subject(segments, k - 1, relations, cw, names, other) \
            if k > 0 and k == len(segments) - 1 else None
    i = 0
    opener = words[0][2]
    if opener in cw.relative_pronouns and k > 0 and segments[k - 1]:
        # a relative clause on the word just before it: "sin syge mor, som har sclerose"
        last_start, last_end, last = segments[k - 1][-1]
        if _relation(last, relations):
            return last
        for a, b, name in names:
            if a <= last_start and last_end <= b:
                return name
        return None
    if opener in cw.coordinators and k > 0 and len(segments[k - 1]) == 1 and (
            segments[k - 1][0][2] in cw.subjects):
        return None  # "Han og hans bror har begge astma": the client is a subject too
    if opener in cw.subordinators and k > 0 and not any(
            w in cw.finite_verbs or w in cw.subjects or w in cw.client_possessives
            for _a, _b, w in words[1:]):
        # a subordinating word used as a preposition opens no clause: "Rune er
        # førtidspensioneret efter en hjerneskade" is still Rune's (not "… efter hans
        # hjerneskade": the client's)
        return _subject(segments, k - 1, relations, cw, names, other)
    if opener in cw.coordinators and k > 0 and not any(
            w in cw.finite_verbs or w in cw.subjects for _a, _b, w in words[1:]):
        # a coordinated phrase with no verb of its own shares the clause before it: "Hans mor
        # har kræft og en hjerteklapfejl", "Lasse fik hjernerystelse og en skade i skulderen"
        return _subject(segments, k - 1, relations, cw, names, other)
    if opener in cw.coordinators or opener in cw.subordinators:
        i = 1
    if i >= len(words):
        return None
    first = words[i][2]
    for a, _b, name in names:
        if a == words[i][0]:
            return name
    if first in cw.subjects:
        if first != other and k > 0 and opener in cw.subordinators and i + 2 < len(words) \
                and words[i + 1][2] in cw.self_emphasis and words[i + 2][2] in cw.state_verbs:
            # "Faderen har fortalt, at han selv har krigstraumer": the person told of before
            return _subject(segments, k - 1, relations, cw, names, other)
        return first if first == other else None
    counted = i  # "Begge hans forældre", "Din bror": past the counting and possessive words
    while counted < len(words) - 1 and words[counted][2] in cw.relation_determiners:
        counted += 1
    found = _genitive_relation(words, counted, relations, cw)
    if found is not None:
        return found
    if (first in cw.finite_verbs or first in cw.adverbs) and k > 0 and (
            opener in cw.coordinators or i == 0):
        # "og har ADHD", "Knud-Eriks mor, Ellen, har bipolar lidelse": no subject of its
        # own, the clause (or apposition) before it has it
        return _subject(segments, k - 1, relations, cw, names, other)
    if i == 0 and k > 0 and not any(w in cw.finite_verbs for _a, _b, w in words):
        # an apposition without a verb ("…, Ellen Lykkegaard, har …"): the noun before it
        return _subject(segments, k - 1, relations, cw, names, other)
    # inverted order: "Siden 2020 har hans mor haft kræft" (not "... har han haft")
    for j in range(i, min(i + 4, len(words) - 1)):
        if words[j][2] in cw.finite_verbs:
            if words[j + 1][2] in cw.subjects:
                return words[j + 1][2] if words[j + 1][2] == other else None
            return _genitive_relation(words, j + 1, relations, cw)
    return None


def third_person_subject(text: str, sentence: Span, pos: int, relations: frozenset[str],
                         cw: ClauseWords, names: Sequence[tuple[int, int, str]] = (),
                         other_pronoun: str | None = None) -> str | None:
    """The relation word or private person's name that is the subject of the clause holding
    the term at ``pos`` (None: the client's, or no clear other subject). ``relations``: the
    policy's role words, lower case; ``names``: the private persons' mentions (start, end,
    text); ``other_pronoun``: the subject pronoun that cannot mean the client ("hun" when
    the client's CPR number says a man), a subject of its own."""
    segments = _segments(text, sentence, pos, cw)
    who = _owner_before(segments[-1], relations, cw, other_pronoun) or _subject(
        segments, len(segments) - 1, relations, cw, names, other_pronoun)
    if who is not None and any(w in cw.client_objects for _a, _b, w in segments[-1]):
        return None  # "hans mor hjælper ham med medicinen": the client's medicine
    return who
