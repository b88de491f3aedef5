"""Clauses: keep the goal in a sentence that also holds special-category data.

"Yasin er medlem af 3F og ønsker hjælp til at finde en læreplads": the § 10 clause goes,
the goal (K4) stays. Only a clause that states a need, goal or plan (its verb: ønsker,
vil, skal, håber, søger, mangler, har brug for …) or names an intervention in a
koordineringsområde in neutral words ("men han har fået en læreplads", "og mødet med
jobcentret er flyttet til den 12. marts") is kept; every other clause of the
sentence goes with the § 10 term, because it often carries the same topic on ("… lider af
PTSD og er i behandling hos Veterancentret"). Fail closed: where the clause boundaries are
not clear, the whole sentence goes.

    spans = clauses_to_remove(text, sentence, start, end)   # None: the whole sentence

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
from dataclasses import dataclass

from gldocs.redact.context import Span


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Common Danish finite verbs (present and past) that open a coordinated clause. A verb not
# listed gives no boundary: the sentence stays one clause (fail closed).
FINITE_VERBS = _word_set("""
er var har havde vil ville skal skulle kan kunne må måtte bør burde tør turde gider gad
får fik går gik bor boede ønsker ønskede arbejder arbejdede mangler manglede søger søgte
starter startede begynder begyndte fortæller fortalte siger sagde ser kommer kom tager tog
giver gav bliver blev modtager modtog deltager deltog passer passede klarer klarede mener
mente tror troede føler følte oplever oplevede viser viste virker virkede fungerer
fungerede holder holdt står stod lever levede bruger brugte tjener tjente betaler betalte
skylder skyldte savner savnede hjælper hjalp taler talte læser læste vil skriver skrev
håber håbede planlægger planlagde forventer forventede mødes mødtes afventer afventede
venter ventede ringer ringede kontakter kontaktede henvender henvendte ansøger ansøgte
træner trænede spiller spillede træffes kontaktes følges fulgte følger lærer lærte
gennemfører gennemførte afslutter afsluttede fastholder fastholdt motiveres motiveret
udtrykker udtrykte giver fremstår fremstod beskriver beskrev tilbydes tilbød tilbyder
aftaler aftalte aftales henvises henvist visiteres ansættes indgår indgik drømmer drømte
""")
# Subject pronouns that may stand between the conjunction and the verb.
_SUBJECTS = _word_set("han hun de vi jeg du der det man klienten borgeren")
# Adverbs that may stand between the conjunction (or subject) and the verb.
_ADVERBS = _word_set("nu også desuden derfor gerne stadig fortsat ikke aldrig altid endnu "
                     "allerede samtidig dog")
_COORDINATORS = frozenset(("og", "men", "samt", "eller"))
_SUBORDINATORS = frozenset((
    "fordi", "da", "når", "mens", "selvom", "hvis", "idet", "eftersom", "såfremt", "hvor",
    "som", "der", "hvilket", "hvilken", "hvis", "at", "inden", "indtil", "siden", "efter",
    "før", "så", "skønt", "medmindre", "hvorfor", "hvordan", "hvorvidt", "om",
))
# The verbs of a clause that states a need, goal or plan (K4): such a clause is kept.
GOAL_VERBS = _word_set("""
ønsker ønskede vil ville skal skulle håber håbede søger søgte mangler manglede planlægger
planlagde forventer forventede afventer afventede drømmer drømte
""")
# two-word goal predicates: "har brug for", "er motiveret for", "er interesseret i"
GOAL_PHRASES = frozenset((("har", "brug"), ("havde", "brug"), ("er", "motiveret"),
                          ("er", "interesseret"), ("var", "motiveret"), ("er", "indstillet")))
# Words that point back at what was said before ("og det kræver insulin"): such a clause
# is no goal of its own.
_BACK_REFERENCE = frozenset(("det", "dette", "den", "denne", "disse", "dem", "hvilket",
                             "heraf", "deraf", "hertil", "dertil", "herunder", "derunder"))
_GOAL_SUBJECTS = _SUBJECTS - {"der", "det"}
# Subjects that open a clause about the plan itself: a meeting, an authority, a measure
# ("og mødet med jobcentret er flyttet til den 12. marts", "; kommunen bevilger bostøtte").
_PLAN_SUBJECTS = _word_set("""
mødet møderne samtalen samtalerne kommunen jobcentret jobcenteret sagsbehandleren mentoren
kontaktpersonen a-kassen uddannelsen praktikken forløbet kurset opstarten indflytningen
lejligheden boligen bostøtten kriminalforsorgen kif
""")
# Verbs of state or possession: a clause with one of them alone describes (the same topic
# carried on); with a participle of the plan it tells what was arranged.
_STATE_VERBS = _word_set("har havde er var")
_PLAN_PARTICIPLES = _word_set("""
fået startet begyndt kommet blevet tilbudt bevilget visiteret henvist optaget ansat
tilmeldt indskrevet flyttet
""")
# Words naming an intervention in a koordineringsområde (K4) in neutral terms: a clause
# holding one (and no special-category term of its own) states the plan, whatever its verb
# ("men han har fået en læreplads", "og går på VUC om formiddagen"). Words that reveal a
# health condition by themselves (fleksjob, ressourceforløb, jobafklaring) are not here.
_PLAN_WORDS = _word_set("""
job jobbet arbejde arbejdet praktik praktikken praktikplads praktikpladsen læreplads
lærepladsen elevplads elevpladsen uddannelse uddannelsen kursus kurset kurser amu vuc fgu
hf eud erhvervsuddannelse erhvervsuddannelsen løntilskud virksomhedspraktik bolig boligen
lejlighed lejligheden husleje huslejen bostøtte bostøtten boligstøtte boligstøtten
boligydelse gæld gælden afdragsordning kontanthjælp kontanthjælpen dagpenge ydelse ydelsen
budget budgettet mentor mentoren jobcenter jobcentret jobcenteret a-kasse a-kassen
jobkonsulent jobkonsulenten
""")

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


def _opens_clause(words: list[str]) -> bool:
    """Whether the words after a conjunction begin a new clause (a finite verb first, or
    a subject and then a finite verb, adverbs allowed between)."""
    i = 0
    if i < len(words) and words[i] in _SUBJECTS:
        i += 1
    elif words and words[0] in _PLAN_SUBJECTS:
        # "og mødet med jobcentret er flyttet": a plan subject, a few words, a finite verb
        return any(w in FINITE_VERBS for w in words[1:5])
    while i < len(words) and words[i] in _ADVERBS:
        i += 1
    return i < len(words) and words[i] in FINITE_VERBS


def _states_goal(words: list[tuple[str, str]], first: bool) -> bool:
    """Whether a clause's words state a need, goal or plan: its subject (a pronoun, or in
    the sentence's first clause up to three capitalised words: a name), adverbs, then a
    goal verb."""
    i = 0
    if words and words[0][0] in _BACK_REFERENCE:
        return False
    if i < len(words) and words[i][0] in _GOAL_SUBJECTS:
        i += 1
    elif first:
        while i < min(3, len(words)) and words[i][1][:1].isupper():
            i += 1
    verb, nxt = _verb_at(words, i)
    return verb in GOAL_VERBS or (verb, nxt) in GOAL_PHRASES


def _states_plan(words: list[tuple[str, str]]) -> bool:
    """Whether a clause names an intervention in a koordineringsområde (K4): it holds a
    plan word (læreplads, VUC, bostøtte …, also as a part of a compound with a hyphen:
    AMU-kurset), does not point back at what was said before, and is about the plan: its
    subject is a plan subject (a meeting, an authority, a measure), or its verb does
    something; a bare "har"/"er" only with a participle of the plan ("har fået en
    læreplads", not "og har et alter på sit værelse": that is the same topic carried on)."""
    if not words or words[0][0] in _BACK_REFERENCE:
        return False
    if not any(w in _PLAN_WORDS or any(p in _PLAN_WORDS for p in w.split("-"))
               for w, _ in words):
        return False
    if words[0][0] in _PLAN_SUBJECTS:
        return True
    verb, nxt = _verb_at(words, 1 if words[0][0] in _GOAL_SUBJECTS else 0)
    return bool(verb) and (verb not in _STATE_VERBS or nxt in _PLAN_PARTICIPLES)


def _verb_at(words: list[tuple[str, str]], i: int) -> tuple[str, str]:
    """The clause's verb at or after word ``i`` (past adverbs) and the word after it;
    ("", "") when the clause ends first."""
    while i < len(words) and words[i][0] in _ADVERBS:
        i += 1
    if i >= len(words):
        return "", ""
    return words[i][0], words[i + 1][0] if i + 1 < len(words) else ""


def _boundaries(text: str, span: Span) -> list[_Boundary] | None:
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
        if w in _COORDINATORS:
            after = [t[2] for t in tokens[k + 1:k + 5]]
            if after and _opens_clause(after):
                out.append(_Boundary(end, tokens[k + 1][0], "coord"))
            elif after and ("," in gap or after[0] in _SUBJECTS):
                # ", og han beder dagligt": a clause with a verb the list lacks
                return None
            continue
        if "," in gap and w in _SUBORDINATORS:
            out.append(_Boundary(end, a, "sub"))
    return out


def _content_end(text: str, start: int, end: int) -> int:
    """The end of the text in ``text[start:end]`` before its separators and spaces (a
    number between two words is text: "Hus 3, og" ends after the 3)."""
    i = end
    while i > start and (text[i - 1].isspace() or text[i - 1] in ",;"):
        i -= 1
    return i


def _clauses(text: str, sentence: Span) -> list[_Clause]:
    bounds = _boundaries(text, sentence)
    if bounds is None:
        return []  # a boundary the rules cannot place: the sentence is taken whole
    starts = [sentence.start] + [b.start for b in bounds]
    ends = [b.end for b in bounds] + [_sentence_body_end(text, sentence)]
    kinds = ["main"] + ["sub" if b.kind == "sub" else "main" for b in bounds]
    return [_Clause(a, b, k) for a, b, k in zip(starts, ends, kinds, strict=True)]


def clauses_to_remove(text: str, sentence: Span, start: int, end: int) -> list[Span] | None:
    """What of ``sentence`` goes for the term ``text[start:end]``: every clause but those
    that state a need, goal or plan and do not hold the term (with the subordinate clauses
    that hang on them). None when the whole sentence goes: it is one clause, the term
    crosses a boundary, or no goal clause is left."""
    clauses = _clauses(text, sentence)
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
            kept_main = i != hit and (_states_goal(words, i == 0) or _states_plan(words))
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


def predicate_span(text: str, sentence: Span, start: int) -> Span:
    """From ``start`` to the end of its clause, with the subordinate clauses that hang on it
    and the coordinated clauses that share its subject ("… har to domme for tyveri og er i
    tilsyn hos KiF"); to the end of the sentence when the clauses are unclear."""
    clauses = _clauses(text, sentence)
    body_end = _sentence_body_end(text, sentence)
    if not clauses:
        return Span(start, body_end)
    i = next((k for k, c in enumerate(clauses) if c.start <= start < c.end), None)
    if i is None:
        return Span(start, body_end)
    end = clauses[i].end
    for c in clauses[i + 1:]:
        first = _WORD.match(text, c.start)
        if c.kind == "sub" or (first is not None and first.group(0).lower() in FINITE_VERBS):
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
