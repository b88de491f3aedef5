"""Places that locate a private person: a child's school or daycare, a relative's nursing
home, workplace or home town abroad, by its proper name (rhl. § 9: R1).

"Hans søn Malte går i 3.b på Lindeskolen", "Datteren går i Børnehuset Mælkebøtten", "hans
mor, der bor på plejehjemmet Solbakken", "Hans far arbejder på Hvidbjerg Maskinfabrik",
"Fætteren er flyttet til Nova Scotia": the subject of the sentence is a private person (a
role word or a private person's name before the verb, or a relative clause right after
one), the verb places them (går i/på, bor, arbejder, er ansat, er flyttet til …), and a
capitalised name follows the preposition. That name goes, with a marker naming the kind of
place. The client's own school, workplace or treatment place ("Han går på Aarhus Tech")
has no private subject and stays; so do Danish towns ("Hans mor bor i Brædstrup": a town
says too little) and public authorities (a kommune, a jobcenter, a prison).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from gldocs.redact.default_words import default_words
from gldocs.redact.prefilter import may_match, required_gate, with_first_char_gate
from gldocs.redact.wordlists import WordLists

# the kind of place a verb names (the policy entity whose marker says so)
_SCHOOL = "INSTITUTION"
_WORK = "WORKPLACE"
_HOME = "RESIDENCE"
_KINDS = (_SCHOOL, _WORK, _HOME)


@dataclass(frozen=True, eq=False)
class PlaceWords:
    """The policy's words of private places (``address_words``), compiled once per bundle
    (:func:`patterns_for`)."""

    kind_of_verb: re.Pattern[str]  # group k<i>: a verb naming the place of kind _KINDS[i]
    # the same asked of a whole unit (prefilter.may_match: whether its words allow one)
    verb_in_unit: re.Pattern[str]
    verb_first: re.Pattern[str]  # a clause that opens with a finite verb
    child_place_hint: re.Pattern[str]  # a word of a school or daycare, anywhere
    # the same asked of a whole unit: first the unit's words must hold one of its words
    # (prefilter.required_gate; the unit's words are read once for every stage)
    child_place_in_unit: re.Pattern[str]
    # a school or daycare word and a copula right before a name ("børnehave er Spiloppen")
    named_place_before: re.Pattern[str]
    school_endings: tuple[str, ...]
    daycare_leads: frozenset[str]
    daycare_only_leads: frozenset[str]  # small children's daycare words only
    adult_schools: tuple[str, ...]
    # a district named right after a home's town: "i Asmara, Gezira-kvarteret", "i Kabul i
    # bydelen Karte Se"
    district_after: re.Pattern[str]
    # a daycare's or school's name in lower case after its word ("børnehaven solsikken")
    lower_place_name: re.Pattern[str]
    not_lower_place_names: frozenset[str]
    # the key of a field in a record of a private person ("Relationer[1].Skole: …",
    # "Pårørende 2 – bemærkning: …"), its last part in group "last"
    relation_key: re.Pattern[str]
    after_verb: re.Pattern[str]  # the place right after a verb (_after_verb)
    after_verb_lax: re.Pattern[str]
    # an owner's genitive, a holiday home's word and its place ("familiens sommerbolig i
    # Hornbæk"): groups "owner" and "name"
    holiday_home: re.Pattern[str]


@lru_cache(maxsize=8)
def patterns_for(words: WordLists) -> PlaceWords:
    """The private-place patterns of the policy's address words."""
    space = r"[ \t]+"
    verbs = (words.alternation("school_verbs", space),
             words.alternation("work_verbs", space) + "|(?:"
             + words.alternation("work_verbs_with_object", space) + r")[ \t]+\w+",
             words.alternation("residence_verbs", space))
    kind_of_verb = re.compile(
        "|".join(f"(?P<k{i}>(?<![\\wæøå])(?:{v})(?![\\wæøå]))" for i, v in enumerate(verbs)),
        re.IGNORECASE)
    child_place_hint = with_first_char_gate(re.compile(
        words.alternation("child_place_words", space) + "|"
        + words.alternation("foreign_school_nouns", space), re.IGNORECASE))
    return PlaceWords(
        kind_of_verb=with_first_char_gate(kind_of_verb),
        verb_in_unit=required_gate(kind_of_verb),
        verb_first=re.compile(
            rf"[ \t]*(?:{words.alternation('clause_opening_verbs', space)})(?![\wæøå])"),
        # (the school words of other languages too: "går på basisschool De Regenboog"; no
        # required-strings gate on a sentence: no other stage reads its words, perf18)
        child_place_hint=child_place_hint,
        child_place_in_unit=required_gate(child_place_hint),
        named_place_before=re.compile(
            rf"(?:{words.alternation('child_place_words', space)})[\wæøå]*[ \t]+"
            rf"(?:{words.alternation('place_name_copulas', space)})[ \t]*:?[ \t]+$",
            re.IGNORECASE),
        school_endings=words["child_place_endings"],
        daycare_leads=words.set("daycare_leads") | words.set("foreign_school_nouns"),
        daycare_only_leads=words.set("daycare_only_leads"),
        adult_schools=words["adult_school_stems"],
        lower_place_name=re.compile(
            rf"(?<![\wæøå])(?:{words.alternation('daycare_leads')})[ \t]+"
            rf"(?P<name>[a-zæøå][a-zæøå\-]+(?:{words.alternation('lower_place_name_endings')}))"
            r"(?![\wæøå])", re.IGNORECASE),
        not_lower_place_names=words.set("not_lower_place_names"),
        relation_key=re.compile(
            rf"^[ \t]*(?i:{words.alternation('relation_record_keys')})(?![\wæøå])"
            r"[^:\n]{0,40}?(?P<last>[\wæøåÆØÅ]+)[ \t]*:[ \t]*", re.MULTILINE),
        after_verb=_after_verb(words.alternation("foreign_school_nouns"))[0],
        after_verb_lax=_after_verb(words.alternation("foreign_school_nouns"))[1],
        # (a unit without a holiday home's word is not searched: prefilter.required_gate)
        holiday_home=required_gate(re.compile(
            r"(?<![\wæøå])(?P<owner>[\wæøåÆØÅ\-]+)[ \t]+"
            rf"(?i:{words.alternation('holiday_home_words', space)})[ \t]+(?:i|på|ved)[ \t]+"
            rf"(?P<name>{_NAME})")),
        district_after=re.compile(
            rf",[ \t]*{_CAP_WORD}(?:-|[ \t]+)(?i:{words.alternation('district_words', space)})"
            r"(?![\wæøå])"
            # ... or its word first: "bor i Kabul i bydelen Karte Se", "…, kvarteret Al Hamra"
            rf"|(?:,[ \t]*|[ \t]+i[ \t]+)(?i:{words.alternation('district_words', space)})"
            rf"[ \t]+{_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{0,2}}"))


# after the verb: a few lower-case words or a class ("i 3.b", "nu", "som pædagog"), then the
# preposition, perhaps a common noun in the definite form ("plejehjemmet", "børnehaven"),
# then the name: one to four capitalised words
# (capitals of Latin Extended-A and Romanian Ș Ț too: "Școala Gimnazială nr. 21")
_CAP = r"[A-ZÆØÅÀ-ÖØ-ÞĀ-ſȘ-ț][\wæøåÆØÅÀ-ÿ'’\-]+"
_CAP_WORD = r"[A-ZÆØÅÀ-ÖØ-ÞĀ-ſȘ-ț][\wæøåÆØÅÀ-ÿ'’]+"
_NAME = (rf"{_CAP}(?:[ \t]+(?:{_CAP}|ApS|A/S|I/S)){{0,3}}"
         r"(?:[ \t]+(?:[Nn]r|[Nn]o)\.?[ \t]*\d{1,4})?")
# a school class: "3.b", "0.A", "1 C", "9." (the letter in either case, alone)
_CLASS = r"\d{1,2}\.?[ \t]?(?:[a-zæøåA-ZÆØÅ](?![\wæøåÆØÅ]))?\.?"
def _after_verb(nouns: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The place after a verb, and its lax form: up to 80 characters of one clause (brackets
    allowed) before it. ``nouns``: the school words of other languages that may stand
    before the name like a Danish noun in the definite form ("går på basisschool De
    Regenboog", "geht in die Grundschule Am Park"). A name in quotes is a home's or a
    boat's own name ("bor på "Havfruen"")."""
    noun = rf"(?P<noun>[ \t]+(?:[a-zæøå]+(?:et|en|n)|(?i:{nouns})))?"
    return (re.compile(
        rf"(?P<mid>(?:[ \t]+(?:[a-zæøå][a-zæøå\-]*|{_CLASS}|"
        rf"\d+\.[ \t]+klasse)){{0,4}}?)"
        rf"[ \t]+(?:i|på|hos|ved|til){noun}[ \t]+(?P<q>[\"“„»])?(?P<name>{_NAME})"
        r"(?(q)[\"”«])"),
        re.compile(
        rf"(?P<mid>[^,;:.!?\n]{{0,80}}?)"
        rf"[ \t]+(?:i|på|hos|ved){noun}[ \t]+(?P<q>[\"“„»])?(?P<name>{_NAME})"
        r"(?(q)[\"”«])"))
# a role word and where the person is: "sin far i Hanoi", "hans søster på Plejecenter Lyngly"
_ROLE_AT = re.compile(
    rf"(?<![\wæøå])(?P<role>[\wæøåÆØÅ\-]+)[ \t]+(?:i|på|in)[ \t]+(?P<name>{_NAME})")
_ROLE_AT = with_first_char_gate(_ROLE_AT)
# what every match of _ROLE_AT holds (the preposition between blanks and the capital that
# opens the name): a text without it is not searched
_ROLE_AT_HINT = re.compile(r"[ \t](?:i|på|in)[ \t]+[A-ZÆØÅÀ-ÖØ-ÞĀ-ſȘ-ț]")
# " og Børnehaven Spiren": an institution's name joined to the one before
_AND_NAME = re.compile(rf"[ \t]+og[ \t]+({_NAME})")
# what stands right after a name: ", Plejecenter Vestergården," or a bracket "(8 år, 2.c på
# Højvangskolen)"
_APPOSITION = re.compile(r",[ \t]*[^,.;:()\n]{3,60}(?=[,.;)\n]|$)|[ \t]*\([^()\n]{3,80}\)")
# a school class as a word of its own: "6.C", "2.c", "9. b" (one letter, either case)
_CLASS_WORD = r"\d{1,2}\.[ \t]?[a-zæøåA-ZÆØÅ](?![\wæøåÆØÅ])"
_CLASS_ALONE = re.compile(rf"(?<![\w.]){_CLASS_WORD}")
_BRACKET = re.compile(r"[ \t]*\([^()\n]{3,80}\)")
_COMMA_CLASS = re.compile(rf",[ \t]*(?P<c>{_CLASS_WORD})(?=[ \t]*(?:[,;)\n]|$))")
# a relative clause on the person just named: "hans mor, der bor på …"
_RELATIVE = re.compile(
    r",?[ \t]+(?:der|som)(?:[ \t]+(?:nu|stadig|også|fortsat|begge|alle|selv))?[ \t]*$")


@dataclass(frozen=True)
class PrivatePlace:
    start: int
    end: int
    kind: str  # INSTITUTION, WORKPLACE, RESIDENCE (policy entities)
    role: str  # the private person's role ("" unknown)


def private_places(text: str, sentence_spans: Sequence[tuple[int, int]],
                   private_mentions: Sequence[tuple[int, int, str]],
                   role_in: Callable[[str], str | None],
                   public: Callable[[str], bool],
                   institution: Callable[[str], bool] = lambda _name: True,
                   abroad: Callable[[str], bool] = lambda _name: False,
                   words: WordLists | None = None,
                   other_pronoun: str | None = None) -> list[PrivatePlace]:
    """The places in ``text`` that locate a private person.

    ``private_mentions``: (start, end, role) of private persons named in ``text``;
    ``role_in``: the private role a role word in a text gives, if any; ``public``: whether a
    name is a Danish town or a public authority (then it stays); ``institution``: whether a
    name is an institution's or a place abroad (a home is located only by such a name, or
    by a common noun before it: "plejehjemmet Solbakken"; a village at home says little);
    ``abroad``: whether a name is a town or country abroad (it locates a home, but not a
    school or a workplace: "arbejder i Hamburg" names no workplace); ``words``: the
    policy's address words (default: the bundled kommune policy's); ``other_pronoun``: the
    subject pronoun that cannot mean the client ("hun" of a man): a subject of its own
    ("Hun bor i Mooca i São Paulo": a home abroad that is not the client's)."""
    pw = patterns_for(words if words is not None else default_words("address_words"))
    out: list[PrivatePlace] = []
    # (what a unit's words rule out is not looked for in its sentences)
    verbs = may_match(pw.verb_in_unit, text)
    role_at = _ROLE_AT_HINT.search(text) is not None
    for s_start, s_end in sentence_spans if verbs or role_at else ():
        sentence = text[s_start:s_end]
        for v in pw.kind_of_verb.finditer(sentence) if verbs else ():
            m = pw.after_verb.match(sentence, v.end())
            if m is None or any(ch in m.group("mid") for ch in ",;:"):
                # a longer stretch before the place ("bor med børnene Alfred (6 år) og Ellen
                # (3 år) på Krisecenter Lysglimt"): only an institution's name counts then
                m = pw.after_verb_lax.match(sentence, v.end())
                if m is None or not institution(m.group("name")):
                    continue
            kind = next(_KINDS[int(k[1:])] for k, val in v.groupdict().items() if val)
            subject = sentence[:v.start()]
            role = _private_subject(subject, s_start, private_mentions, role_in, pw)
            if role is None and other_pronoun and kind == _HOME and \
                    subject.strip().lower() == other_pronoun:
                role = ""  # "Hun bor i Mooca" of a man: someone else's home
            if role is None and _in_relation_record(text, s_start + v.start(), pw):
                role = ""  # "Relationer[3].Bemærkning: Dement, bor på plejehjemmet …"
            if role is None:
                continue
            a, b = s_start + m.start("name"), s_start + m.end("name")
            name = text[a:b]
            if public(name) or any(x < b and a < y for x, y, _ in private_mentions):
                continue
            # (a home by its own name in quotes: a houseboat, a farm, "bor på "Havfruen"")
            if kind == _HOME and not m.group("noun") and not m.group("q") \
                    and not institution(name):
                continue
            if kind != _HOME and abroad(name):
                continue
            more = _AND_NAME.match(text, b)
            if more and institution(more.group(1)):  # "Vuggestuen og Børnehaven Spiren"
                b = more.end()
            if m.group("noun"):  # "plejehjemmet Solbakken": the kind of place goes with it
                a = s_start + m.start("noun") + len(m.group("noun")) - len(
                    m.group("noun").lstrip())
            out.append(PrivatePlace(a, b, kind, role))
        for m in _ROLE_AT.finditer(sentence) if role_at else ():
            role = role_in(m.group("role"))
            a, b = s_start + m.start("name"), s_start + m.end("name")
            name = text[a:b]
            if role is None or not institution(name) or public(name) or any(
                    x < b and a < y for x, y, _ in private_mentions) or any(
                    p.start < b and a < p.end for p in out):
                continue
            out.append(PrivatePlace(a, b, _HOME, role))
    for m in pw.holiday_home.finditer(text):
        role = role_in(m.group("owner"))
        a, b = m.span("name")
        if role is None or any(p.start < b and a < p.end for p in out):
            continue
        out.append(PrivatePlace(a, b, _HOME, role))
    # a district named right after the town of a home goes with it ("bor i Asmara,
    # Gezira-kvarteret")
    out = [replace(p, end=d.end()) if p.kind == _HOME
           and (d := pw.district_after.match(text, p.end)) else p for p in out]
    out.extend(_children_places(text, sentence_spans, private_mentions, role_in, public, out,
                                pw))
    out.extend(_relation_record_places(text, public, out, pw))
    # right after a private person's name: "farmor Inga Sara, Plejecenter Vestergården,
    # Herning", "Ayaan (8 år, 2.c på Højvangskolen)", "Inaya (5 år, Børnehuset Mælkebøtten)"
    for _x, y, role in private_mentions:
        # a child's school class beside the name ("Lucas Juhl, 6.C, Lyngbakkeskolen", "(8
        # år, 2.c på Højvangskolen)"): it narrows the child down to a few pupils (R1)
        bracket = _BRACKET.match(text, y)
        classes = [(y + m.start(), y + m.end()) for m in
                   _CLASS_ALONE.finditer(bracket.group(0) if bracket else "")]
        if (after := _COMMA_CLASS.match(text, y)) is not None:
            classes.append(after.span("c"))
        for a, b in classes:
            if not any(p.start < b and a < p.end for p in out):
                out.append(PrivatePlace(a, b, _SCHOOL, role))
        near = _APPOSITION.match(text, y)
        if near is None:
            continue
        for m in re.finditer(_NAME, near.group(0)):
            a, b = y + m.start(), y + m.end()
            more = _AND_NAME.match(text, b)
            if more and institution(more.group(1)):
                b = more.end()
            name = text[a:b]
            if not institution(name) or public(name) or any(
                    p.start < b and a < p.end for p in out):
                continue
            # a town abroad beside the name is where they live ("Tariq (+92 …, Lahore)")
            out.append(PrivatePlace(a, b, _HOME if abroad(name) else _SCHOOL, role))
    return out


def _children_places(text: str, sentence_spans: Sequence[tuple[int, int]],
                     private_mentions: Sequence[tuple[int, int, str]],
                     role_in: Callable[[str], str | None],
                     public: Callable[[str], bool],
                     found: Sequence[PrivatePlace], pw: PlaceWords) -> list[PrivatePlace]:
    """A school or daycare by its name in a sentence about a private person, whatever the
    verb ("Mussie er glad for Mølholm Skole", "Pipaluk er i Børnehuset Troldebo", "hentes
    i SFO Lærkereden af sin mormor"): it locates a child or a relative (R1). The client's
    own school has no private person in its sentence and stays; so do schools for adults
    (erhvervsskole, produktionsskole, højskole …) and the municipal Ungdomsskolen, a young
    client's own education (K4)."""
    if not pw.child_place_in_unit.search(text):
        return []
    out: list[PrivatePlace] = []
    child = role_in("barn")
    for s_start, s_end in sentence_spans:
        sentence = text[s_start:s_end]
        if not pw.child_place_hint.search(sentence):
            continue
        roles = [r for x, y, r in private_mentions if s_start <= x and y <= s_end]
        word_role = role_in(sentence)
        if word_role is not None:
            roles.append(word_role)
        # no private person in the sentence: only a small children's daycare by name
        # ("Hun er 4 og går i børnehaven Mælkebøtten", the child named the sentence before);
        # the client working there ("arbejder i børnehaven …") keeps it
        daycare_only = not roles
        if daycare_only and (child is None or _work_verb(sentence, pw)):
            continue
        role = (child or "") if daycare_only or child in roles else roles[0]
        for m in re.finditer(_NAME, sentence):
            a, b = s_start + m.start(), s_start + m.end()
            name = m.group(0)
            lead = _LEAD_NOUN.search(sentence, 0, m.start())
            if daycare_only and name.split()[0].lower() not in pw.daycare_only_leads and (
                    lead is None or lead.group(1).lower() not in pw.daycare_only_leads):
                continue
            if lead is not None and lead.group(1).lower() in pw.daycare_leads:
                a = s_start + lead.start(1)  # "vuggestuen Spiren": the kind goes with it
            elif not _children_place_name(name, pw) and \
                    not pw.named_place_before.search(sentence, 0, m.start()):
                continue  # (not "Ifrahs børnehave er Spiloppen" either)
            if public(name) or any(
                    x < b and a < y for x, y, _ in private_mentions) or any(
                    p.start < b and a < p.end for p in (*found, *out)):
                continue
            out.append(PrivatePlace(a, b, _SCHOOL, role))
        # the name in lower case ("går i børnehaven solsikken": a client's own letter)
        for m in () if daycare_only else pw.lower_place_name.finditer(sentence):
            name = m.group("name")
            a, b = s_start + m.start(), s_start + m.end()
            if not name.islower() or len(name) < 4 or name in pw.not_lower_place_names or \
                    any(p.start < b and a < p.end for p in (*found, *out)):
                continue
            out.append(PrivatePlace(a, b, _SCHOOL, role))
    return out


def _work_verb(sentence: str, pw: PlaceWords) -> bool:
    """Whether ``sentence`` has a verb of work ("arbejder", "er ansat")."""
    return any(v.group("k1") for v in pw.kind_of_verb.finditer(sentence))


def _in_relation_record(text: str, at: int, pw: PlaceWords) -> bool:
    """Whether ``at`` stands in the value of a field of a private person's record (the
    line's key names a relation: "Relationer[3].Bemærkning: …")."""
    line_start = text.rfind("\n", 0, at) + 1
    m = pw.relation_key.match(text, line_start)
    return m is not None and m.end() <= at


def _relation_record_places(text: str, public: Callable[[str], bool],
                            found: Sequence[PrivatePlace], pw: PlaceWords
                            ) -> list[PrivatePlace]:
    """The school or daycare field of a private person's record ("Relationer[1].Skole:
    Dagmarskolen, 1.B", "Pårørende 2 – institution: Børnehuset Troldebo"): the name it
    gives is that person's school (R1), whatever the name looks like."""
    out: list[PrivatePlace] = []
    for k in pw.relation_key.finditer(text):
        if not pw.child_place_hint.fullmatch(k.group("last")) and \
                k.group("last").lower() not in ("institution", "dagtilbud", "uddannelse"):
            continue
        m = re.compile(_NAME).match(text, k.end())
        if m is None or public(m.group(0)) or any(
                p.start < m.end() and m.start() < p.end for p in (*found, *out)):
            continue
        out.append(PrivatePlace(m.start(), m.end(), _SCHOOL, ""))
    return out


def _children_place_name(name: str, pw: PlaceWords) -> bool:
    """Whether ``name`` names a school or daycare for children: a compound or a last word
    ending in a school word ("Søndermarksskolen", "Mølholm Skole", "Tåsinge Efterskole"),
    or a daycare word before the name ("Børnehuset Troldebo", "SFO Lærkereden")."""
    words = name.split()
    last, first = words[-1].lower(), words[0].lower()
    if len(words) > 1 and first in pw.daycare_leads:
        return True
    if not last.endswith(pw.school_endings):
        return False
    stem = re.sub(r"(?:skolen|skole|hjemmet|hjem|n)$", "", last)
    return not stem.endswith(pw.adult_schools)


# the lower-case word right before a name ("i vuggestuen Spiren", "på friskolen Ådalen")
_LEAD_NOUN = re.compile(r"(?<![\wæøå])([a-zæøå]+)[ \t]+$")
def _private_subject(subject: str, offset: int,
                     private_mentions: Sequence[tuple[int, int, str]],
                     role_in: Callable[[str], str | None], pw: PlaceWords) -> str | None:
    """The role of the private person who is the subject ("" for a name without a role),
    or None when the subject is not shown to be a private person."""
    rel = _RELATIVE.search(subject)
    if rel:  # "hans mor, der bor på …": the words right before the relative clause
        seg_end = rel.start()
        seg_start = max(0, seg_end - 40)
    else:
        # the clause before the verb: after the last comma or conjunction, or before it
        # when the verb follows the conjunction at once ("Hans far arbejder i Hamborg og
        # bor i Flensburg": the subject is shared)
        segments, pos = [], 0
        for m in _CLAUSE_BREAK.finditer(subject):
            segments.append((pos, m.start()))
            pos = m.end()
        segments.append((pos, len(subject)))
        k = len(segments) - 1
        seg_start, seg_end = segments[k]
        shared = False
        while k > 0 and (not subject[seg_start:seg_end].strip()
                         or _AGE.fullmatch(subject[seg_start:seg_end])
                         or (shared and pw.verb_first.match(subject, seg_start))):
            # shared subject: the first words of the clause before ("Hans far arbejder …",
            # not "Han ringer til sin mor og bor i …"); an age between commas ("datter
            # Nicha, 15 år, går på …") or a clause that opens with its verb ("Oliver, bor
            # hos sin mor og går i …") shares the subject before it too
            shared = shared or not subject[seg_start:seg_end].strip()
            k -= 1
            seg_start, seg_end = segments[k]
        if shared:
            words = list(re.finditer(r"\S+", subject[seg_start:seg_end]))[:3]
            seg_end = seg_start + (words[-1].end() if words else 0)
    head = subject[seg_start:seg_end]
    begin, end = offset + seg_start, offset + seg_end
    named = [r for x, y, r in private_mentions if begin <= x and y <= end]
    if rel and named:  # "en datter, Freja, som går på …": the one named right before
        return named[-1]
    role = role_in(head)
    if role is not None:
        return role
    return named[-1] if named else None


_CLAUSE_BREAK = re.compile(r"[,;]|\bog\b|\bmen\b")
# an age between commas or in brackets ("15 år", "(6 år)")
_AGE = re.compile(r"[ \t]*\(?\d{1,2}[ \t]*(?:år|-årig)\)?[ \t]*")
