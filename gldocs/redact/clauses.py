"""Clauses: keep the goal in a sentence that also holds special-category data.

"Yasin er medlem af 3F og ønsker hjælp til at finde en læreplads": the § 10 clause goes,
the goal (K4) stays. Only a clause that states a need, goal or plan (its verb: ønsker,
vil, skal, håber, søger, mangler, har brug for …) or names an intervention in a
koordineringsområde in neutral words ("men han har fået en læreplads", "og mødet med
jobcentret er flyttet til den 12. marts") is kept; every other clause of the
sentence goes with the § 10 term, because it often carries the same topic on ("… lider af
PTSD og er i behandling hos Veterancentret"). Fail closed: where the clause boundaries are
not clear, the whole sentence goes.

    words = load_bundle("kommune").clause_words              # the policy's word lists
    spans = clauses_to_remove(text, sentence, start, end, words)  # None: the whole sentence

The words (verbs, pronouns, conjunctions, goal verbs, plan words) are policy data: the
file ``resources.clause_words`` names (``policies/lexicons/saetningsled.yaml``), loaded
through the policy bundle and checked by ``gldocs policies check``.

Clause boundaries recognised (all else is one clause; a conjunction after a comma or before
a subject pronoun that opens no recognised clause makes the whole sentence unclear):
- ``;`` and a coordinating conjunction (``og``, ``men``, ``samt``, ``eller``), with or
  without a comma, when a new clause follows: a finite verb ("og ønsker hjælp"), a
  subject pronoun and a finite verb ("men han vil gerne"), or a plan subject (a meeting,
  an authority, a measure) and a finite verb within four words ("og mødet med jobcentret
  er flyttet");
- a comma before a subordinating word (``fordi``, ``da``, ``hvis``, ``at``, ``som`` …):
  the subordinate clause hangs on the clause before it and goes with it; a subordinate
  clause holding the term goes alone (with the clauses that hang on it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from gldocs.redact.context import Span
from gldocs.yamlfile import load_yaml

_MAX_ANSWERS = 200_000  # words whose is_plan_word answer a ClauseWords remembers


@dataclass(frozen=True)
class ClauseWords:
    """The Danish words the clause rules use, from the policy's data file
    (``resources.clause_words``, ``policies/lexicons/saetningsled.yaml``): no word list
    lives in this module."""

    finite_verbs: frozenset[str]  # finite verbs that open a coordinated clause
    subjects: frozenset[str]  # subject pronouns between a conjunction and its verb
    adverbs: frozenset[str]  # adverbs between the conjunction (or subject) and the verb
    coordinators: frozenset[str]  # og, men, samt, eller
    subordinators: frozenset[str]  # after a comma: a clause hanging on the one before
    goal_verbs: frozenset[str]  # the verb of a clause stating a need, goal or plan (K4)
    goal_phrases: frozenset[tuple[str, str]]  # "har brug", "er motiveret"
    back_reference: frozenset[str]  # "og det kræver insulin": no goal of its own
    plan_subjects: frozenset[str]  # a meeting, an authority, a measure as the subject
    state_verbs: frozenset[str]  # har, er: a description unless a plan participle follows
    plan_participles: frozenset[str]  # "har fået", "er bevilget"
    plan_words: frozenset[str]  # an intervention in a koordineringsområde, neutral words
    # words between a private person's name and a record term that make someone else the
    # subject ("Han har lånt penge af Lasse og afsoner …": the client's)
    other_subject: frozenset[str]
    # measures that reveal a health condition by themselves: never a plan word's compound
    health_revealing: frozenset[str]
    # a relative clause on a person's name whose pronoun is a record term's subject
    # ("Prakash, som selv afsoner …"): its pronouns, the adverbs between, the conjunctions
    # that open a new main clause instead, and the pronouns that keep one relative after them
    relative_pronouns: frozenset[str]
    relative_adverbs: frozenset[str]
    main_clause_conjunctions: frozenset[str]
    relative_after_conjunction: frozenset[str]
    # the client as the object in a relative's clause ("hans mor hjælper ham med medicinen")
    client_objects: frozenset[str]
    # the client's possessives in a phrase that a subordinating word opens as a preposition
    # ("Hans mor har hjulpet ham efter hans hjerneskade": the client's)
    client_possessives: frozenset[str]
    # words before a relation word that count the persons or are a possessive pronoun of
    # quoted speech ("begge hans forældre", "en af hans brødre", "din bror"): the relation
    # is still the subject
    relation_determiners: frozenset[str]
    # words that name the source of a statement, right before a person's name ("René er
    # ifølge Brian tidligere dømt for vold": René's record, told by Brian)
    source_prepositions: frozenset[str]
    # verbs of a professional telling or assessing ("Hun beskriver en depression, som
    # Patrick har haft"): the pronoun that means the professional tells the client's data
    report_verbs: frozenset[str]
    # the emphasis after a subordinate clause's subject pronoun that points back to the
    # person the clause before names ("Faderen har fortalt, at han selv har krigstraumer")
    self_emphasis: frozenset[str]
    # each subject pronoun with its possessive ("hun hendes"): the possessive of the pronoun
    # that cannot mean the client marks a term as someone else's ("hendes alkoholproblem")
    pronoun_possessives: frozenset[tuple[str, str]]
    # is_plan_word's answers (the lists never change)
    _plan_answers: dict[str, bool] = field(default_factory=dict, init=False, compare=False,
                                           repr=False)

    def is_plan_word(self, word: str) -> bool:
        """A plan word, a hyphenated compound with one (AMU-kurset), or a compound whose
        head is one (smedeuddannelsen, deltidsjob) unless it reveals a health condition
        (fleksjob). Remembered per word (the compound test reads every plan word)."""
        hit = self._plan_answers.get(word)
        if hit is None:
            hit = self._is_plan_word(word)
            if len(self._plan_answers) < _MAX_ANSWERS:
                self._plan_answers[word] = hit
        return hit

    def _is_plan_word(self, word: str) -> bool:
        if word in self.plan_words or any(p in self.plan_words for p in word.split("-")):
            return True
        if word in self.health_revealing:
            return False
        return any(len(word) - len(p) >= 3 and word.endswith(p) for p in self.plan_words)

    @property
    def goal_subjects(self) -> frozenset[str]:
        return self.subjects - {"der", "det"}


_LISTS = ("finite_verbs", "subjects", "adverbs", "coordinators", "subordinators",
          "goal_verbs", "goal_phrases", "back_reference", "plan_subjects", "state_verbs",
          "plan_participles", "plan_words", "other_subject", "health_revealing",
          "relative_pronouns", "relative_adverbs", "main_clause_conjunctions",
          "relative_after_conjunction", "client_objects", "client_possessives",
          "relation_determiners", "source_prepositions", "report_verbs", "self_emphasis",
          "pronoun_possessives")


def parse_clause_words(data: object) -> ClauseWords:
    """The clause words from a parsed data file; ValueError (in Danish) naming the list
    that is missing, empty or not a list of words, or the missing ``sources``."""
    if not isinstance(data, dict):
        raise ValueError("filen er ikke en YAML-ordbog")
    if not data.get("sources"):
        raise ValueError("'sources' mangler: skriv, hvor ordene kommer fra")
    lists: dict[str, frozenset[str]] = {}
    for key in _LISTS:
        words = data.get(key)
        if not isinstance(words, list) or not words or not all(
                isinstance(w, str) and w.strip() for w in words):
            raise ValueError(f"'{key}' skal være en ikke-tom liste af ord")
        lists[key] = frozenset(w.strip().lower() for w in words)
    pairs = [tuple(p.split()) for p in lists.pop("goal_phrases")]
    if any(len(p) != 2 for p in pairs):
        raise ValueError("'goal_phrases' skal være udtryk på to ord ('har brug')")
    owners = [tuple(p.split()) for p in lists.pop("pronoun_possessives")]
    if any(len(p) != 2 for p in owners):
        raise ValueError("'pronoun_possessives' skal være par på to ord ('hun hendes')")
    return ClauseWords(goal_phrases=frozenset((p[0], p[1]) for p in pairs),
                       pronoun_possessives=frozenset((p[0], p[1]) for p in owners), **lists)


def load_clause_words(path: Path) -> ClauseWords:
    """The clause words in ``path`` (YAML); OSError/ValueError when it cannot be used."""
    return parse_clause_words(load_yaml(Path(path).read_text(encoding="utf-8")))


_WORD = re.compile(r"[^\W\d_][\w\-]*")


@dataclass(frozen=True)
class _Boundary:
    end: int  # where the clause before ends (before the comma / conjunction)
    start: int  # where the next clause starts (at its first word, after a conjunction)
    kind: str  # "coord" or "sub"


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int
    kind: str  # "main" (the sentence's first clause or after a conjunction) or "sub"


def _opens_clause(words: list[str], cw: ClauseWords) -> bool:
    """Whether the words after a conjunction begin a new clause (a finite verb first, or
    a subject and then a finite verb, adverbs allowed between)."""
    i = 0
    if i < len(words) and words[i] in cw.subjects:
        i += 1
    elif words and words[0] in cw.plan_subjects:
        # "og mødet med jobcentret er flyttet": a plan subject, a few words, a finite verb
        return any(w in cw.finite_verbs for w in words[1:5])
    while i < len(words) and words[i] in cw.adverbs:
        i += 1
    return i < len(words) and words[i] in cw.finite_verbs


def _states_goal(words: list[tuple[str, str]], first: bool, cw: ClauseWords) -> bool:
    """Whether a clause's words state a need, goal or plan: its subject (a pronoun, or in
    the sentence's first clause up to three capitalised words: a name), adverbs, then a
    goal verb."""
    i = 0
    if words and words[0][0] in cw.back_reference:
        return False
    if i < len(words) and words[i][0] in cw.goal_subjects:
        i += 1
    elif first:
        while i < min(3, len(words)) and words[i][1][:1].isupper():
            i += 1
    verb, nxt = _verb_at(words, i, cw)
    return verb in cw.goal_verbs or (verb, nxt) in cw.goal_phrases


def _states_plan(words: list[tuple[str, str]], cw: ClauseWords) -> bool:
    """Whether a clause names an intervention in a koordineringsområde (K4): it holds a
    plan word (læreplads, VUC, bostøtte …, also in a compound: smedeuddannelsen,
    AMU-kurset), does not point back at what was said before, and is about the plan: its
    subject is a plan subject (a meeting, an authority, a measure), or its verb does
    something; a bare "har"/"er" only with a participle of the plan ("har fået en
    læreplads", not "og har et alter på sit værelse": that is the same topic carried on)."""
    if not words or words[0][0] in cw.back_reference:
        return False
    if not any(cw.is_plan_word(w) for w, _ in words):
        return False
    if words[0][0] in cw.plan_subjects:
        return True
    i = 1 if words[0][0] in cw.goal_subjects else 0
    verb, _next = _verb_at(words, i, cw)
    if not verb or verb not in cw.state_verbs:
        return bool(verb)
    # the participle may follow a short phrase of means or time ("har via Holbæk Kommune
    # fået tilbudt en lejlighed", "har i dag fået en læreplads")
    at = next(k for k in range(i, len(words)) if words[k][0] == verb)
    return any(w in cw.plan_participles for w, _ in words[at + 1:at + 1 + _PARTICIPLE_REACH])


_PARTICIPLE_REACH = 4  # words between "har"/"er" and a plan participle ("har via X Y fået")


def _verb_at(words: list[tuple[str, str]], i: int, cw: ClauseWords) -> tuple[str, str]:
    """The clause's verb at or after word ``i`` (past adverbs) and the word after it;
    ("", "") when the clause ends first."""
    while i < len(words) and words[i][0] in cw.adverbs:
        i += 1
    if i >= len(words):
        return "", ""
    return words[i][0], words[i + 1][0] if i + 1 < len(words) else ""


def _boundaries(text: str, span: Span, cw: ClauseWords) -> list[_Boundary] | None:
    """The clause boundaries of ``span``; None when one cannot be placed."""
    tokens = [(m.start(), m.end(), m.group(0).lower())
              for m in _WORD.finditer(text, span.start, span.end)]
    out: list[_Boundary] = []
    for k, (a, _b, w) in enumerate(tokens):
        if k == 0:
            continue
        gap = text[tokens[k - 1][1]:a]
        # the clause before ends at its last character, numbers included ("i Hus 3, og")
        end = _content_end(text, tokens[k - 1][1], a)
        if ";" in gap:
            out.append(_Boundary(end, a, "coord"))
            continue
        if any(c in gap for c in "()[]:\"“”«»\n"):
            continue  # a bracket, quotation or label: no clean boundary here
        if w in cw.coordinators:
            after = [t[2] for t in tokens[k + 1:k + 5]]
            if after and _opens_clause(after, cw):
                out.append(_Boundary(end, tokens[k + 1][0], "coord"))
            elif after and ("," in gap or after[0] in cw.subjects):
                # ", og han beder dagligt": a clause with a verb the list lacks
                return None
            continue
        if "," in gap and w in cw.subordinators:
            out.append(_Boundary(end, a, "sub"))
    return out


def _content_end(text: str, start: int, end: int) -> int:
    """The end of the text in ``text[start:end]`` before its separators and spaces (a
    number between two words is text: "Hus 3, og" ends after the 3)."""
    i = end
    while i > start and (text[i - 1].isspace() or text[i - 1] in ",;"):
        i -= 1
    return i


def _clauses(text: str, sentence: Span, cw: ClauseWords) -> list[_Clause]:
    bounds = _boundaries(text, sentence, cw)
    if bounds is None:
        return []  # a boundary the rules cannot place: the sentence is taken whole
    starts = [sentence.start] + [b.start for b in bounds]
    ends = [b.end for b in bounds] + [_sentence_body_end(text, sentence)]
    kinds = ["main"] + ["sub" if b.kind == "sub" else "main" for b in bounds]
    return [_Clause(a, b, k) for a, b, k in zip(starts, ends, kinds, strict=True)]


def clauses_to_remove(text: str, sentence: Span, start: int, end: int,
                      cw: ClauseWords) -> list[Span] | None:
    """What of ``sentence`` goes for the term ``text[start:end]``: every clause but those
    that state a need, goal or plan and do not hold the term (with the subordinate clauses
    that hang on them). None when the whole sentence goes: it is one clause, the term
    crosses a boundary, or no goal clause is left."""
    clauses = _clauses(text, sentence, cw)
    if len(clauses) < 2:
        return None
    hit = next((i for i, c in enumerate(clauses) if c.start <= start < c.end), None)
    if hit is None or end > clauses[hit].end:
        return None
    keep = [False] * len(clauses)
    kept_main = False  # the main clause of the current group is kept
    dropped_sub = False  # a subordinate clause of the current group went (and what follows)
    for i, c in enumerate(clauses):
        if c.kind == "main":
            words = [(m.group(0).lower(), m.group(0)) for m in _WORD.finditer(text, c.start, c.end)]
            kept_main = i != hit and (_states_goal(words, i == 0, cw)
                                      or _states_plan(words, cw))
            dropped_sub = False
            keep[i] = kept_main
        else:
            dropped_sub = dropped_sub or i == hit
            keep[i] = kept_main and not dropped_sub
    if not any(keep):
        return None
    spans: list[Span] = []
    for i, c in enumerate(clauses):
        if keep[i]:
            continue
        if spans and not keep[i - 1] and i > 0:
            spans[-1] = Span(spans[-1].start, c.end)
        else:
            spans.append(Span(c.start, c.end))
    return spans


def bracketed_remark(text: str, sentence: Span, start: int, end: int) -> Span | None:
    """The remark in brackets at the end of a field line that holds the term
    ``text[start:end]``, brackets included, when the field's value before it is a date, a
    number or a measure in lower-case words ("Indsat: 22. september 2025 (gravid i 7.
    måned)": the date stays, the remark goes). None otherwise: a bracket after a name or a
    place explains it ("Café Solsikken (hans mors arbejde, han drak der)") and goes with it."""
    opening = text.rfind("(", sentence.start, start)
    if opening < 0 or ")" in text[opening:start] or "\n" in text[opening:start]:
        return None
    closing = text.find(")", end, sentence.end)
    if closing < 0 or "(" in text[end:closing] or "\n" in text[end:closing]:
        return None
    if _WORD.search(text, closing + 1, sentence.end):
        return None
    field = _FIELD_VALUE.fullmatch(text, sentence.start, opening)
    if field is None or not any(c.isdigit() for c in field.group("value")):
        return None
    return Span(opening, closing + 1)


# a field line's label and a value of digits, punctuation and lower-case words only
_FIELD_VALUE = re.compile(
    r"[ \t]*[-•*]?[ \t]*[^\W\d_][\w .\-/]{0,40}:[ \t]*(?P<value>[\d.,:/\- \tæøåa-z]+?)[ \t]*")


def predicate_span(text: str, sentence: Span, start: int, cw: ClauseWords) -> Span:
    """From ``start`` to the end of its clause, with the subordinate clauses that hang on it
    and the coordinated clauses that share its subject ("… har to domme for tyveri og er i
    tilsyn hos KiF"); to the end of the sentence when the clauses are unclear."""
    clauses = _clauses(text, sentence, cw)
    body_end = _sentence_body_end(text, sentence)
    if not clauses:
        return Span(start, body_end)
    i = next((k for k, c in enumerate(clauses) if c.start <= start < c.end), None)
    if i is None:
        return Span(start, body_end)
    end = clauses[i].end
    for c in clauses[i + 1:]:
        first = _WORD.match(text, c.start)
        if c.kind == "sub" or (first is not None and first.group(0).lower() in cw.finite_verbs):
            end = c.end
        else:
            break
    return Span(start, end)


def _sentence_body_end(text: str, sentence: Span) -> int:
    """The end of the sentence without its closing punctuation (the full stop stays)."""
    end = sentence.end
    while end > sentence.start and text[end - 1] in ".!?…":
        end -= 1
    return end
