"""Telling professionals acting in office (K3, keep) from private persons (R1, remove).

Signals, strongest first:
- a private cue right before the name (``mor``, ``kæreste``, ``forurettede``, ``sammen med``)
  or a ``Pårørende:`` line: private, whatever else is said;
- a title right before or after the name (``sagsbehandler``, ``tilsynsførende``,
  ``Kære``), a header key (``Fra:``, ``Ansvarlig:``, ``Mentor:``), an organisation just
  before a bracketed name (``Jobcenter Odense (Rana Haddad)``), a contact line in the
  Samarbejdspartnere part, or an organisational e-mail address in the same line: professional.

Everything here reads the policy's ``professionals`` and ``roles`` sections: no Danish word
lists in code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatch
from itertools import pairwise

from gldocs.document.units import COORDINATION_SECTIONS
from gldocs.redact.context import words_after, words_before
from gldocs.redact.default_words import default_words
from gldocs.redact.genitive import genitive_stem
from gldocs.redact.morphology import DEFINITE_ENDINGS
from gldocs.redact.policy import Policy
from gldocs.redact.wordlists import WordLists, alternation


@dataclass(frozen=True)
class Verdict:
    kind: str  # "professional", "private" or "" (no signal)
    role: str = ""  # private role when known
    strong: bool = False
    cue: str = ""


# (the endings of an authority's or institution's name, "Rødovrekommune", "Misbrugscenter":
# the policy's ownership words, office_endings)


# a full stop and a date right after a word: the word is a weekday written short ("søn.
# 07.12.2025", "søn. d. 7/12"), never a role
_WEEKDAY_DATE = re.compile(r"\.[ \t]*(?:d\.[ \t]*|den[ \t]+)?\d{1,2}[./\-]\d{1,2}")


# a bracket closing the list item before ("(mor), "), with the text after it
_CLOSED_ITEM = re.compile(r"\)[ \t]*,[^()]*$")
# where an item opens right before an abbreviated title: a line's start (after a bullet
# too), a slash, a dash, a comma, a colon, a semicolon, a bracket or a table bar
# ("UU/studievejl.", "- misbrugsbeh.", "| beh.")
_ITEM_OPENING = re.compile(r"(?:\A|\n)[ \t]*(?:[-•*–][ \t]*)?\Z|[/\-–,:;(|][ \t]*\Z")
# a slash between two words ("UU/studievejl."; not "v/ Anne Holm", where "v/" is the title)
_SLASH = re.compile(r"(?<=\w)/(?=\w)")


def _norm(word: str) -> str:
    return word.lower().strip(" ,.:;()[]\"“”„«»'‘’")


# a word in lower case right before a name, after a comma ("…, kaptajn ")
_JOB_WORD_BEFORE = re.compile(r"(?<=,)[ \t]*([a-zæøå]{3,})$")
# an e-mail address in brackets right after a name ("Mette Friis <mefr@aarhus.dk>")
_ADDRESS_AFTER_NAME = re.compile(r"[ \t]*[<(\[][ \t]*([\w.+'\-]+@[\w.\-]+\.[^\W\d_]{2,})")


# "Fra:", "Ansvarlig:", "Mentor:" at the start of a line (header_key), and a key's words
_HEADER_KEY = re.compile(r"\s*[-•*]?\s*([\wæøåÆØÅ .,&\-/]{1,60}?)\s*:")
_KEY_WORD = re.compile(r"[\wæøå\-]+")
# the words right after a name, after a comma, bracket, bar, tab or dash (cue_after)
_AFTER_NAME = re.compile(
    r"(?:\s*[,(|]|[ ]*\t|[ \t]+[–—-][ \t])\s*((?:[\wæøåÆØÅ\-]+\s*){1,4})")


class ContactClassifier:
    def __init__(self, policy: Policy, places: frozenset[str] = frozenset(),
                 authority_domains: frozenset[str] = frozenset(),
                 person_words: WordLists | None = None,
                 ownership_words: WordLists | None = None,
                 address_words: WordLists | None = None) -> None:
        """``places``, ``authority_domains``: the policy bundle's lists (resources);
        ``person_words``, ``ownership_words``, ``address_words``: its word lists (default:
        the bundled kommune policy's)."""
        pro = policy.professionals
        person = person_words or default_words("person_words")
        # words that may stand between a cue and the name: "sin tidligere kæreste, Nanna"
        self.fillers = person.set("role_fillers")
        # a preposition right before an abbreviated title: "i beh.", "under sagsbeh." (the
        # activity, no title)
        self._preposition_before = re.compile(
            rf"(?i)(?<![\wæøå])(?:{person.alternation('place_time_prepositions')})\s+$")
        # "Hr. Mortensen", "att. Mette Skov": an abbreviation whose full stop ends no clause
        self._address_abbreviation = re.compile(
            rf"(?i)\b({person.alternation('address_abbreviations')})\.$")
        # "Sagsbehandler i kommunen er Torben", "Udlejer er Kirsten": cue ... "er" name
        self._cue_copula_before = re.compile(
            r"(?:^|[\s(])([\wæøåÆØÅ\-]+)(?:\s+[^,.;:()]{1,40})?\s+"
            rf"(?:{person.alternation('role_copulas')})\s+$")
        # "socialrådgiveren herinde, Annelise Gram", "hans bror derude, Jens": a cue, an
        # adverb of place and the comma of an apposition
        self._cue_adverb_comma = re.compile(
            rf"([\wæøåÆØÅ\-]+)\s+(?:{person.alternation('place_adverbs')}),\s*$",
            re.IGNORECASE)
        # what a segment ends in where that pattern can match (None: a copula the test cannot
        # read, with a "*" or a space, or none at all: the pattern decides alone)
        copulas = person["role_copulas"]
        self._copula_ends: tuple[str, ...] | None = None if not copulas or any(
            "*" in w or " " in w for w in copulas) else tuple(copulas)
        # "Storm er Kevins lillebror", "Lærke, som er hans kusine": a role predicate
        self._role_predicate = re.compile(
            r"(?:,[ \t]*(?:som|der)[ \t]+(?:nu[ \t]+)?|[ \t]+)"
            rf"(?:{person.alternation('role_copulas')})[ \t]+(?:også[ \t]+)?"
            rf"(?:{person.alternation('role_possessives')}|[A-ZÆØÅ][\wæøå]+s)[ \t]+"
            r"((?:[\wæøåÆØÅ\-]+[ \t]*){1,2})")
        # what the ownership rules read (gldocs.redact.ownership): the policy's words
        self.ownership_words = ownership_words
        own = ownership_words or default_words("ownership_words")
        self._office_endings = tuple(own["office_endings"])
        # public authorities by a word of their name or its ending ("Familieretshuset",
        # "Hjemrejsestyrelsen", "Østjyllands Politi")
        self._public_authorities = own.set("public_authorities")
        # greetings ("hej", "kære"): a title before a name, never after it ("Rikke Bøgh: hej
        # nicki" is her message, not her title)
        self._greetings = own.set("greetings")
        self._public_endings = tuple(own["public_authority_endings"])
        # an authority's name (capitalised words), then "ved"/"v." right before the name
        self._authority_ved = re.compile(
            r"(?P<org>(?:[A-ZÆØÅ][\wæøåÆØÅ\-]*[ \t]+){0,3}[A-ZÆØÅ][\wæøåÆØÅ\-]*)"
            # (where it is, and a comma: "Gældsrådgivningen i Slagelse, ved Ulla Holm")
            r"(?:[ \t]+(?:i|på)[ \t]+[A-ZÆØÅ][\wæøåÆØÅ\-]*(?:[ \t]+[A-ZÆØÅ][\wæøåÆØÅ\-]*)?)?"
            rf",?[ \t]+(?:{own.alternation('acting_for_words')})[ \t]+$")
        # the endings of an authority's name after a colleague's name ("Jobcenter Aarhus")
        self._colleague_endings = tuple(own["colleague_org_endings"])
        # a bracket after a title that names the group the officer serves: "Kommunens
        # rådgiver (børn)" (the field, no role of the person's)
        groups = own.alternation("service_groups", r"[ \t]+")
        self._service_bracket = re.compile(rf"[ \t]*\((?:{groups})\)$", re.IGNORECASE)
        # ... and, capitalised and of several words, the name of a municipal unit after a
        # name ("Maja Brink, Børn og Familie, Holbæk Kommune"): no role of the person's
        units = [g for g in own["service_groups"] if " " in g]
        self._service_unit = re.compile(
            rf"(?:{alternation(tuple(units), r'[ ]+')})(?![\wæøå])", re.IGNORECASE) \
            if units else None
        # the endings of an authority before "i"/"på" and its place ("Statsfængslet i …")
        self.located_authority_endings = tuple(own["located_authority_endings"])
        self.address_words = address_words
        self.places = places
        self.place_keys = {_fold_ascii(p) for p in places}
        # (a title written with its full stop is an abbreviation: "sagsbeh.", "beh."; it
        # stands for the title, and its full stop ends no clause before the name)
        self.titles = {t.lower().rstrip(".") if t.endswith(".") and " " not in t else t.lower()
                       for t in pro.titles if not t.startswith("*")}
        self.title_abbreviations = frozenset(t.lower()[:-1] for t in pro.titles
                                             if t.endswith(".") and " " not in t)
        self.title_suffixes = tuple(t.lower().lstrip("*") for t in pro.titles
                                    if t.startswith("*"))
        # (and their definite forms: "familiebehandleren", "overlægen", "tolken")
        self.title_suffixes += tuple(t + ("n" if t.endswith("e") else "en")
                                     for t in self.title_suffixes)
        self.compound_titles = tuple(t.lower() for t in pro.compound_titles)
        # the stems of abbreviated titles that may end a compound ("studievejl.": vejl.);
        # three letters are too few ("misbrugsbeh." is the treatment, no title)
        self._abbreviation_heads = tuple(a for a in self.title_abbreviations if len(a) >= 4)
        self._one_word_titles = tuple(t for t in self.titles if t.isalpha())
        # an ordinary Danish word (the gazetteer's, set by the analyzer once it has one):
        # such a word before a full stop is no abbreviated title
        self.ordinary: Callable[[str], bool] = lambda _word: False
        self._abbreviation_memo: dict[str, bool] = {}
        # authorities and services only (the policy's org_words): "Jens fra Netto" is no
        # professional; gazetteer.py's organisationer.txt only says what is no person
        self.org_words = {w.lower() for w in pro.org_words}
        self.private_line_cues = {c.lower() for c in pro.private_line_cues}
        self.contact_headings = {c.lower() for c in pro.contact_headings}
        self.authority_columns = {c.lower() for c in pro.authority_columns}
        self.private_headings = {c.lower() for c in pro.private_headings}
        self.org_domains = [d.lower() for d in (*pro.org_email_domains,
                                                *sorted(authority_domains))]
        self.private_domains = {d.lower() for d in pro.private_email_domains}
        self.phone_prefixes = [re.sub(r"\D", "", p) for p in pro.phone_prefixes]
        # role cues: cue (possibly several words) -> (role, priority)
        self.role_cues: dict[str, tuple[str, int]] = {}
        self.weak_cues: set[str] = set()
        for role, spec in policy.roles.items():
            for cue in (*spec.cues, *spec.weak_cues):
                key = cue.lower()
                old = self.role_cues.get(key)
                if old is None or spec.priority > old[1]:
                    self.role_cues[key] = (role, spec.priority)
            self.weak_cues.update(c.lower() for c in spec.weak_cues)
        # role -> its priority (what discovery ranks a person's private roles by)
        self.role_priority: dict[str, int] = {r: p for r, p in self.role_cues.values()}
        self.max_cue_words = max((len(c.split()) for c in self.role_cues), default=1)
        self._single_cues = sorted((c for c in self.role_cues if " " not in c and len(c) >= 4),
                                   key=len, reverse=True)
        self._compound_memo: dict[str, str] = {}
        self._title_memo: dict[str, bool] = {}  # is_title per word (the lists never change)
        self._cue_memo: dict[str, Verdict] = {}  # per text window; see clear_cache

    # -- e-mail and phone ---------------------------------------------------------------
    def email_is_private(self, address: str) -> bool:
        domain = address.rsplit("@", 1)[-1].lower()
        return domain in self.private_domains

    def email_is_org(self, address: str) -> bool:
        domain = address.rsplit("@", 1)[-1].lower()
        if domain in self.private_domains:
            return False
        if any(fnmatch(domain, pat) or domain.endswith("." + pat) for pat in self.org_domains):
            return True
        # a municipality's own domain: kolding.dk, naestved.dk, esbjergkommune.dk, rksk.dk
        labels = domain.split(".")
        if len(labels) >= 2 and labels[-1] == "dk":
            label = re.sub(r"-?kommune$", "", labels[-2])
            return _fold_ascii(label) in self.place_keys
        return False

    def shows_office(self, line: str) -> bool:
        """Whether a line of a signature block shows that its sender writes in office: a
        title ("Jobkonsulent", "boligsocial medarbejder"), an organisation word
        ("Jobcenter Silkeborg", "Horsens Kommune"), an authority's e-mail address or one of
        Kriminalforsorgen's numbers. A name and a private number alone show none."""
        words = [w.lower() for w in re.findall(r"[\wæøåÆØÅ\-]+", line)]
        if any(self.is_title(w) or w in self.org_words or w.endswith(self._office_endings)
               for w in words) or any(self.is_title(f"{a} {b}")
                                      for a, b in pairwise(words)):
            return True
        if "@" in line and any(self.email_is_org(m.group(0)) for m in
                               re.finditer(r"[\w.+'\-]+@[\w.\-]+\.[^\W\d_]{2,}", line)):
            return True
        return any(self.phone_is_org(re.sub(r"\D", "", m.group(0))[-8:])
                   for m in re.finditer(r"(?<!\d)(?:\d[ \-.]?){7}\d(?!\d)", line))

    def phone_is_org(self, digits: str) -> bool:
        local = digits[-8:] if len(digits) >= 8 else digits
        return any(p and local.startswith(p) for p in self.phone_prefixes)

    # -- names --------------------------------------------------------------------------
    def cue_before(self, text: str, start: int) -> Verdict:
        """The nearest role or title cue before ``start`` (fillers may stand between)."""
        # Only look back to the last clause break that is not the comma right before the name.
        seg = text[max(0, start - 80):start]
        hit = self._cue_memo.get(seg)
        if hit is None:
            hit = self._cue_before(seg)
            if len(self._cue_memo) < 100_000:
                self._cue_memo[seg] = hit
        return hit

    def clear_cache(self) -> None:
        """Forget the per-text memo of :meth:`cue_before` (results never depend on it)."""
        self._cue_memo.clear()

    def _cue_before(self, seg: str) -> Verdict:
        """:meth:`cue_before` on the 80 characters before the name."""
        # (a table row written with bars: "Sagsbehandler | Mette Friis | …")
        stripped = seg.rstrip(" ,(\"“”„«»'‘’|\t")
        # "Hr. Mortensen", "att. Mette Skov": the abbreviation's full stop ends no clause
        if stripped.endswith((".", ".\n")):  # (what the patterns ending in "\.$" need)
            stripped = self._address_abbreviation.sub(r"\1", stripped)
        # "Rusmiddelcenter Odense, beh. Tove Kjær", "Socialafd., sagsbeh. Hasse Juul": an
        # abbreviated title's full stop ends no clause; not after a preposition, where the
        # abbreviation is the activity ("er i beh. Anne ringede": behandling)
        # (also after a slash: "UU/studievejl. Camilla Sand")
        abbreviation = _ABBREVIATION_END.search(stripped) \
            if stripped.endswith((".", ".\n")) else None
        if abbreviation and not self._preposition_before.search(stripped, 0,
                                                                abbreviation.start(1)):
            stem = abbreviation.group(1).lower()
            if self.is_title_abbreviation(stem):
                stripped = stripped[:-1]
            elif self.abbreviates_title(stem) and _ITEM_OPENING.search(
                    stripped, 0, abbreviation.start(1)):
                # "UU/studievejl. Camilla Sand", "misbrugsbeh. Ole Lund": a title cut short,
                # only where an item opens (never the last word of a sentence: "… med kone
                # og tre børn. Liban …", where "børn" is no title)
                return Verdict("professional", strong=True, cue=f"{stem}.")
        # ("Kommunens rådgiver (børn) | Maja Brink": the bracket names the field the
        # title serves, read the title before it)
        if stripped.endswith(")") and (service := self._service_bracket.search(stripped)) \
                and (words := re.findall(r"[\wæøåÆØÅ\-]+", stripped[:service.start()])) \
                and self.is_title(_norm(words[-1])):
            return Verdict("professional", strong=True, cue=_norm(words[-1]))
        # "Starter GF1. Kontaktlærer: Henrik Juul", "… | Mor: Tina Vang": a role or a
        # title as a label right before the name, inside a line (a line's own key is read
        # by classify_mention)
        if stripped.endswith(":"):
            label = [_norm(w) for w in stripped[:-1].split()[-self.max_cue_words:]]
            for n in range(len(label), 0, -1):
                if (verdict := self._word_verdict(" ".join(label[-n:]))).kind:
                    return verdict
        # ("Ida Kjær (mor), Peter Dalsgaard (KiF)": the bracket and its comma close the
        # item before, whose role is not this name's)
        closed = _CLOSED_ITEM.search(seg)
        cut = max(stripped.rfind("."), stripped.rfind(";"), stripped.rfind(":"),
                  closed.start() if closed else -1)
        window = stripped[cut + 1:] if cut >= 0 else stripped
        # (a slash joins two titles or an office and a title: "UU/studievejl.", "KiF/beh.")
        raw = [w for w in _SLASH.sub(" ", window).split() if _norm(w)]
        before = [_norm(w) for w in raw]
        skipped = 0
        i = len(before)
        while i > 0:
            for n in range(min(self.max_cue_words, i), 0, -1):
                phrase = " ".join(before[i - n:i])
                if n == 1 and phrase not in self.role_cues and phrase not in self.titles:
                    # ("skolekammerat": a role word as the compound's head; not a title the
                    # policy lists whole, "fængselspræst", whose head alone is a role)
                    phrase = self._compound_cue(phrase)
                if phrase in self.role_cues:
                    role, _prio = self.role_cues[phrase]
                    return Verdict("private", role, strong=phrase not in self.weak_cues,
                                   cue=phrase)
                if self.is_title(phrase):
                    relative = self._relative_before_title(raw, i - n)
                    if relative is not None:
                        return relative
                    return Verdict("professional", strong=True, cue=phrase)
            word = before[i - 1]
            if word in self.fillers or re.fullmatch(r"\d+-?årig\w*", word):
                i -= 1
                skipped += 1
                if skipped > 3:
                    break
                continue
            break
        # "Sagsbehandler i kommunen er Torben", "Udlejer er Kirsten": cue ... "er" name
        # (both patterns below need the segment to end in whitespace after a copula, or in
        # a comma and any whitespace: a cheap test first)
        tail = seg.rstrip()
        m = self._cue_copula_before.search(seg) if len(tail) < len(seg) and (
            self._copula_ends is None or tail.endswith(self._copula_ends)) else None
        if m and (verdict := self._word_verdict(m.group(1).lower())).kind:
            return verdict
        if m:
            # "Hans sagsbehandler i Aarhus Kommune er Torben": the subject's head noun may
            # stand after a possessive; the first role or title word of the subject decides
            words = re.findall(r"[\wæøåÆØÅ\-]+", m.group(0))[:-1]
            for word in words[1:8]:
                if (verdict := self._word_verdict(word.lower())).kind:
                    return verdict
        # "kontaktperson på bostedet, Lasse", "bror i Aarhus, Jens": cue, place, comma, name
        m = _CUE_PLACE_COMMA.search(seg) or self._cue_adverb_comma.search(seg) \
            if tail.endswith(",") else None
        if m and (verdict := self._word_verdict(m.group(1).lower())).kind:
            return verdict
        return Verdict("")

    def _relative_before_title(self, raw: list[str], at: int) -> Verdict | None:
        """A relative's role in apposition to the title that opens at ``raw[at]`` ("Hans
        far, driftsleder Jens Bak", "sin morbror, afdelingsleder Ole Krogh", "Hans søster
        er sygeplejerske Mette Bak"): the person is the relative, whatever their job
        (private, R1), or None."""
        j = at - 1
        if j < 0:
            return None
        if _norm(raw[j]) in _JOB_AS:
            # "Broren arbejder som advokat hos Kalvebod Law": the title is the relative's
            # job, the name after it their employer's (a role word a few words before)
            for word in reversed(raw[max(0, j - 5):j]):
                cue = _norm(word)
                cue = cue if cue in self.role_cues else self._compound_cue(cue)
                if cue in self.role_cues and cue not in self.weak_cues:
                    return Verdict("private", self.role_cues[cue][0], strong=True, cue=cue)
            return None
        if raw[j].endswith(","):
            # an apposition needs the relative's owner before the role and no list before
            # it ("Deltagere: Kasper, hans mor, sagsbehandler Lis Brun"; "med mor,
            # sagsbehandler Lis Brun og Kasper": the caseworker is another item)
            if j == 0 or not _POSSESSIVE.fullmatch(raw[j - 1]) or \
                    any(w.endswith(",") for w in raw[:j - 1]):
                return None
            word = _norm(raw[j])
        elif _norm(raw[j]) in _COPULAS and j > 0 and not raw[j - 1].endswith(","):
            word = _norm(raw[j - 1])
        else:
            return None
        cue = word if word in self.role_cues else self._compound_cue(word)
        if cue not in self.role_cues or cue in self.weak_cues:
            return None
        return Verdict("private", self.role_cues[cue][0], strong=True, cue=cue)

    def _word_verdict(self, word: str) -> Verdict:
        """A role word makes the name private, a title makes it professional."""
        if word in self.role_cues:
            role, _ = self.role_cues[word]
            return Verdict("private", role, strong=word not in self.weak_cues, cue=word)
        if self.is_title(word):
            return Verdict("professional", strong=True, cue=word)
        return Verdict("")

    def _compound_cue(self, word: str) -> str:
        """``skolekammerat`` -> ``kammerat``, ``barndomsveninde`` -> ``veninde``: a role word
        as the head of a compound (the head is at least four letters)."""
        hit = self._compound_memo.get(word)
        if hit is None:
            hit = next((cue for cue in self._single_cues
                        if len(word) > len(cue) + 2 and word.endswith(cue)), word)
            if len(self._compound_memo) < 100_000:
                self._compound_memo[word] = hit
        return hit

    def abbreviates_title(self, stem: str) -> bool:
        """``stem`` (written with a full stop) is a title cut short: the beginning of a
        title ("studievejl" of studievejleder) or a compound whose head is the beginning of
        a title ending ("misbrugsbeh" of *behandler). At least four letters: "afd." is a
        department, never a title."""
        if len(stem) < 4 or not stem.isalpha() or self.ordinary(stem):
            return False  # ("tre børn. Liban …": a word at a sentence's end, no title)
        hit = self._abbreviation_memo.get(stem)
        if hit is None:
            hit = any(len(t) > len(stem) and t.startswith(stem) for t in self._one_word_titles) \
                or any(stem[k:] and len(stem) - k >= 3 and s.startswith(stem[k:])
                       and len(s) > len(stem) - k
                       for s in self.title_suffixes for k in range(1, len(stem) - 2))
            self._abbreviation_memo[stem] = hit
        return hit

    def is_title(self, word: str) -> bool:
        """A title ("sagsbehandler"), a title ending ("familiebehandler") or a compound
        whose head is a title (remembered per word as written: the name rules, the NER
        scope and discovery ask about the same words again and again)."""
        hit = self._title_memo.get(word)
        if hit is None:
            low = word.lower()
            hit = low in self.titles or (" " not in low and (
                low.endswith(self.title_suffixes) or self._compound_title(low)))
            if len(self._title_memo) < 100_000:
                self._title_memo[word] = hit
        return hit

    def _compound_title(self, word: str) -> bool:
        """A compound whose head is a compound-only title ("kontaktlærer") or an abbreviated
        title ("studievejl"), the head at least three letters short of the whole word."""
        return any(word.endswith(h) and len(word) > len(h) + 2
                   for h in (*self.compound_titles, *self._abbreviation_heads))

    def is_title_abbreviation(self, stem: str) -> bool:
        """``stem`` (without its full stop) abbreviates a title: "sagsbeh", "studievejl"."""
        stem = stem.lower()
        return stem in self.title_abbreviations or any(
            stem.endswith(h) and len(stem) > len(h) + 2 for h in self._abbreviation_heads)

    def cue_after(self, text: str, end: int) -> Verdict:
        """A title or role right after the name: ``Morten Ravn, handleplansansvarlig``,
        ``Lykke, hans halvsøster`` (possessives and fillers may stand between)."""
        # ("Oskar Holt (OHO), mentor, …": the person's initials in brackets stand between
        # the name and the title, as in a meeting's list of participants)
        initials = _INITIALS_AFTER_NAME.match(text, end)
        base = end if initials is None else initials.end()
        rest = text[base:base + 60]
        m = _AFTER_NAME.match(rest)
        if m and self._service_unit is not None and rest[m.start(1)].isupper() and \
                self._service_unit.match(rest, m.start(1)) is not None:
            m = None  # "Maja Brink, Børn og Familie, …": a unit's name, no role
        if m:
            words = [w.lower() for w in m.group(1).split()]
            for i, word in enumerate(words):
                pair = " ".join(words[i:i + 2])  # "boligsocial medarbejder"
                for phrase in (pair, word):
                    if self.is_title(phrase):
                        return Verdict("professional", strong=True, cue=phrase)
                    if phrase in self.role_cues and not _WEEKDAY_DATE.match(
                            rest, m.start(1) + len(" ".join(m.group(1).split()[:i + 1]))):
                        # (not "SMS, søn. 07.12.2025": a weekday written short, a date)
                        role, _ = self.role_cues[phrase]
                        return Verdict("private", role, strong=True, cue=phrase)
                if word not in self.fillers:
                    break
        # "Storm er Kevins lillebror", "Sol var hendes veninde": a name that is also an
        # ordinary word stands where a person stands when a family or relationship role
        # follows as its predicate
        # -- and the role ends the predicate: in "Herefter er hans bror flyttet" the
        # brother is the subject and the capitalised word an adverbial
        m = self._role_predicate.match(rest)
        if m is None:
            return Verdict("")
        for w in _ROLE_WORD.finditer(rest, m.start(1), m.end(1)):
            word = _norm(w.group(0))
            owner = (rest[:w.start()].split() or [""])[-1].lower()
            if self.is_title(word) and f"{owner} {word}" not in self.role_cues and (
                    _PREDICATE_END.match(text, base + w.end())
                    or _WHERE_AFTER.match(text, base + w.end())):
                # "Kirsten Mølby er hans mentor fra Café Spiren": a title as the predicate
                # (not "hans kollega": the client's colleague is a private person)
                return Verdict("professional", strong=True, cue=word)
            cue = word if word in self.role_cues else self._compound_cue(word)
            if cue in self.role_cues and cue not in self.weak_cues:
                if not _PREDICATE_END.match(text, base + w.end()):
                    break
                role, _ = self.role_cues[cue]
                return Verdict("private", role, strong=True, cue=cue)
        return Verdict("")

    def list_title_after(self, text: str, end: int) -> Verdict:
        """A title in brackets closing a list of names, in the plural or not: "AB = Anne
        Bisgaard, RN = Rune Nyborg, JH = Julie Hjorth (pensionsmedarbejdere)", "Ida Holm og
        Bo Lind (socialrådgivere)": the title holds for every name of the list. Between the
        name and the bracket stand only names, initials, commas, "=", "/", "og" or "samt"."""
        m = _LIST_THEN_BRACKET.match(text, end)
        if m is None:
            return Verdict("")
        words = [w.lower() for w in _ROLE_WORD.findall(m.group("title"))]
        for i in range(len(words)):
            for phrase in (" ".join(words[i:i + 2]), words[i]):
                if self.is_title(phrase) or self._plural_title(phrase):
                    return Verdict("professional", strong=True, cue=phrase)
            if words[i] not in self.fillers:
                break
        return Verdict("")

    def _plural_title(self, word: str) -> bool:
        """A title in the plural ("pensionsmedarbejdere", "socialrådgivere",
        "fængselsbetjente", "konsulenter")."""
        return " " not in word and len(word) > 5 and any(
            word.endswith(end) and self.is_title(word[:-len(end)]) for end in ("e", "er", "r"))

    def org_after(self, text: str, end: int) -> bool:
        """``Lars Vinding fra Ringkøbing-Skjern Kommune``: the name, then where they work."""
        m = re.match(r"\s*(?:[,(|;\t]|,?\s*(?:fra|i|hos|ved|på))\s*((?:[\wæøåÆØÅ\-]+\s*){1,4})",
                     text[end:end + 60])
        if not m:
            return False
        raw = m.group(1).split()
        ws = [_norm(w) for w in raw]
        if m.group(0).lstrip().startswith(";") and not raw[0][:1].isupper():
            return False  # "…sammen med Palle Uhrskov; politiet fandt …": a new clause
        # The organisation must follow at once ("Lars Vinding, Jobcenter Aarhus", "fra
        # kommunen"), not a clause ("Else Holm, mistede hele sin pension").
        if not (raw[0][:1].isupper() or ws[0] in self.org_words or ws[0] in ("den", "det")):
            return False
        return any(w in self.org_words or any(w.endswith(o) for o in self._colleague_endings)
                   for w in ws)

    def _partner_is_professional(self, text: str, end: int) -> bool:
        """``Jens Hald og Ida Krog fra Jobcenter Odense``: the organisation after the second
        name holds for the first too."""
        m = re.match(r"\s+(?:og|&)\s+((?:[A-ZÆØÅ][\wæøåÆØÅ\-]*[ \t]*){1,3})", text[end:end + 50])
        if not m:
            return False
        partner_end = end + m.start(1) + len(m.group(1).rstrip())
        return self.org_after(text, partner_end) or \
            self.cue_after(text, partner_end).kind == "professional"

    def _private_address_of(self, line: str, start: int, end: int) -> bool:
        """``Fra: Lis Iversen <lis.iversen@gmail.com>``: the name's own address in the line
        is at a private mail provider, so the person writes privately."""
        if "@" not in line:
            return False  # no address at all
        name_words = {_fold(w) for w in re.findall(r"\w+", line[start:end]) if len(w) > 2}
        for m in re.finditer(r"[\w.+\-]+@[\w.\-]+\.\w+", line):
            local = _fold(m.group(0).split("@")[0])
            if self.email_is_private(m.group(0)) and any(w in local for w in name_words):
                return True
        return False

    def _private_remark_after(self, line: str, end: int) -> bool:
        """A remark in brackets right after the name that says the person is met privately
        ("(privat bolig)", "(privatperson)", "(netværk)": a word of the private line
        cues)."""
        m = _REMARK_AFTER_NAME.match(line, end)
        return m is not None and any(
            w.lower() in self.private_line_cues for w in _KEY_WORD.findall(m.group(1)))

    def authority_before_ved(self, text: str, start: int) -> bool:
        """``Familieretshuset ved Camilla Wolff``, ``Jobcenter Vejle v. Ole Bak``: a public
        authority, then "ved" and the name of the officer who acts for it."""
        m = self._authority_ved.search(text, max(0, start - 80), start)
        if m is None:
            return False
        words = [_norm(w) for w in m.group("org").split()]
        return any(w in self.org_words or w in self._public_authorities
                   or w.endswith(self._office_endings) or w.endswith(self._public_endings)
                   for w in words)

    def org_before_bracket(self, text: str, start: int) -> bool:
        """``Jobcenter Odense (Rana Haddad)``, ``Rusmiddelcentret i Vejle (Ole Bak, tlf.
        …)``: an organisation (a word of the policy's or an office's name ending), then the
        name in brackets."""
        seg = text[:start].rstrip()
        if not seg.endswith("("):
            return False
        ws = [_norm(w) for w in words_before(text, len(seg) - 1, 4)]
        return any(w in self.org_words or w.endswith(self._office_endings) for w in ws)

    def org_before_comma(self, text: str, start: int) -> bool:
        """``- Jobcenter Silkeborg, Lene Kofoed, tlf. …``: an organisation's name (a run of
        capitalised words with an organisation word), a comma, then the name; one word in
        lower case may stand before the name, a job no list knows ("Forsvarets Rekruttering,
        Sessionsstedet Slagelse, kaptajn Niels Brix"), never a role word ("…, nabo Ole")."""
        seg = text[:start].rstrip()
        job = _JOB_WORD_BEFORE.search(seg)
        if job is not None and job.group(1) not in self.role_cues:
            seg = seg[:job.start()].rstrip()
        if not seg.endswith(","):
            return False
        run = re.search(r"(?:[A-ZÆØÅ][\wæøåÆØÅ\-]*\.?[ \t]+){0,4}[A-ZÆØÅ][\wæøåÆØÅ\-]*$",
                        seg[:-1].rstrip())
        return run is not None and any(
            w in self.org_words or w.endswith(self._office_endings)
            for w in (_norm(x) for x in run.group(0).split()))

    def org_before_cell(self, text: str, start: int) -> bool:
        """``| Jobcenter Horsens | Signe Lerche | …``: the table cell right before the name's
        (bars or a tab between) names an authority or service."""
        m = _CELL_BEFORE.search(text, max(0, start - 80), start)
        if m is None:
            return False
        words = [_norm(w) for w in m.group(1).split()]
        return any(w in self.org_words or w.endswith(self._office_endings) for w in words)

    def column_verdict(self, column: str, header: str, row: str = "") -> Verdict:
        """The name stands in a table column headed by a title ("Kontaktperson",
        "Sagsbehandler") or in a table with a column of authorities ("Instans",
        "Myndighed"), in a table whose header has no private line cue or role word
        ("Pårørende", "Netværk", "Mor") and a row with no role word ("| Lis Holm | 86 11 22
        33 | mor |"): professional."""
        words = [_norm(w) for w in re.findall(r"[\wæøåÆØÅ\-]+", header)]
        if any(w in self.private_line_cues or w in self.role_cues for w in words):
            return Verdict("")
        # (nor a role word anywhere in the row: "| Lis Holm | 86 11 22 33 | mor |")
        if any((w := _norm(x)) in self.role_cues and w not in self.weak_cues
               for x in re.findall(r"[\wæøåÆØÅ\-]+", row)):
            return Verdict("")
        col = " ".join(_norm(w) for w in column.split())
        if col and (self.is_title(col) or any(self.is_title(w) for w in col.split())):
            return Verdict("professional", strong=True, cue=f"kolonnen '{column.strip()}'")
        # a table with a column of authorities ("| Navn | Instans | Tlf. |"): a person's row
        # names the authority they act for
        if any(w in self.authority_columns for w in words):
            return Verdict("professional", strong=False, cue="tabel over myndigheder")
        return Verdict("")

    def header_key(self, line: str) -> str | None:
        """``Fra:``/``Ansvarlig:``/``Mentor:`` at the start of a line -> the key, lower case."""
        m = _HEADER_KEY.match(line)
        return m.group(1).strip().lower() if m else None

    def line_is_private(self, line: str) -> bool:
        key = self.header_key(line)
        if key is None:
            return False
        words = set(_KEY_WORD.findall(key))
        if words & self.org_words or any(self.is_title(w) for w in words):
            return False  # "Ringkøbing-Skjern Kommune, Børn og Familie:" is an authority
        return any(cue in words or key.startswith(cue) for cue in self.private_line_cues) \
            or self.key_role(key) != ""

    def role_in(self, text: str) -> str | None:
        """The role of a private-person word in ``text`` (moren, kæresten …), if any."""
        if not text:
            return None
        cues, weak = self.role_cues, self.weak_cues
        for word in re.findall(r"[\wæøåÆØÅ]+", text.lower()):
            # the genitive names the owner ("hans mors e-mail", "datterens telefon"), and a
            # definite form the role ("svogeren", "svigerinden")
            stem = genitive_stem(word)
            for w in (word, stem, *(stem[:-len(e)] for e in DEFINITE_ENDINGS
                                    if len(stem) > len(e) + 2 and stem.endswith(e))):
                hit = cues.get(w)
                if hit is not None and w not in weak:
                    return hit[0]
        return None

    def key_role(self, key: str) -> str:
        """The private role a line key names ("Samlever:", "Børn:", "Mor:"), or ""."""
        words = _KEY_WORD.findall(key.lower())
        roles = [self.role_cues[w] for w in words if w in self.role_cues
                 and w not in self.weak_cues]
        return max(roles, key=lambda r: r[1])[0] if roles else ""

    def office_key(self, line: str) -> str | None:
        """The key of a field that names an office: a title or an authority
        ("Handleplansansvarlig:", "Vejle Kommune, Socialafdelingen (bolig):"), lower case and
        without its remark; None when the line opens with no such key, when the key or its
        remark names a private person's role ("Pårørende:", "Kontakt (mor):") or when the
        line is a private person's."""
        m = _KEY_REMARK.match(line)
        key = self.header_key(line)
        remark = ""
        if m is not None and (key is None or len(m.group(0)) <= line.find(":") + 1):
            key, remark = m.group(1).strip().lower(), m.group(2).lower()
        if not key or self.line_is_private(line):
            return None
        words = set(re.findall(r"[\wæøå\-]+", key))
        if any(w in self.private_line_cues or (w in self.role_cues and w not in self.weak_cues)
               for w in (*words, *re.findall(r"[\wæøå\-]+", remark))):
            return None
        if self.is_title(key) or any(self.is_title(w) for w in words) or words & self.org_words:
            return " ".join(key.split())
        return None

    def person_key_before(self, text: str, start: int) -> bool:
        """The name at ``start`` opens the value of a field whose key names a person's
        office or role: "Handleplansansvarlig: Kristine Aaen, socialrådgiver" (a title or an
        authority, :meth:`office_key`), "Mor (fraskilt): Kristine Aaen" (a private role)."""
        colon = text.find(":")
        if colon < 0 or colon >= start or text[colon + 1:start].strip():
            return False
        if self.office_key(text) is not None or self.line_is_private(text):
            return True
        m = _KEY_REMARK.match(text)
        return m is not None and len(m.group(0)) == colon + 1 and any(
            w in self.private_line_cues or (w in self.role_cues and w not in self.weak_cues)
            for w in re.findall(r"[\wæøå\-]+", f"{m.group(1)} {m.group(2)}".lower()))

    def line_is_contact(self, line: str) -> bool:
        """A contact line: a header key naming an organisation or a title."""
        key = self.header_key(line)
        if key is None or self.line_is_private(line):
            return False
        kws = set(_KEY_WORD.findall(key))
        # (a public authority by a word of its name or its ending: "Gældsstyrelsen:")
        if kws & self.org_words or any(w in self._public_authorities
                                       or w.endswith(self._public_endings) for w in kws):
            return True
        if self.key_role(key):
            return False  # "Socialrådgiver Susanne Holm fik det af sin nabo: …" is prose
        return any(self.is_title(k) for k in kws) or self.is_title(key)

    def classify_mention(self, line: str, start: int, end: int, section: str,
                         in_contact_block: bool, column: tuple[str, str] = ("", "")
                         ) -> Verdict:
        """Classify one name mention at ``line[start:end]``; ``column``: the heading of
        the table column the name stands in and the table's header row (when it is in a
        table with a header)."""
        before = self.cue_before(line, start)
        if before.kind == "private" and before.strong:
            return before
        after = self.cue_after(line, end)
        if after.kind == "private" and after.strong:
            return after
        if not after.kind:
            after = self.list_title_after(line, end)
        if self._private_address_of(line, start, end):
            return Verdict("private", "", strong=True, cue="privat e-mailadresse")
        if self._private_remark_after(line, end):
            # "tandlæge Pia Holt (privat bolig), Elmevej 4": a customer at home, whatever
            # her job; the remark beats the title before the name
            return Verdict("private", "", strong=True, cue="privat efter navnet")
        if before.kind == "professional" and before.strong:
            # a title right before the name beats the line's key: "Netværk: … Kommunens
            # rådgiver, Tobias Holm, finder en kontaktperson"
            return before
        m = _ADDRESS_AFTER_NAME.match(line, end)
        if m and self.email_is_org(m.group(1)):
            # "Fra: Mette Friis <mefr@aarhus.dk>": a name with an authority's address
            return Verdict("professional", strong=True, cue="myndigheds-e-mail efter navnet")
        if self.line_is_private(line) and start > line.find(":"):
            role = self.key_role(self.header_key(line) or "") or "paaroerende"
            # (a sentence as the value, the name its object: "Netværk: fortsat samvær med
            # børnene efter aftale med Maja Brink" speaks of the network, not of her: private
            # unless an office is shown elsewhere)
            value = line[line.find(":") + 1:start]
            prose = _prose(value, 4) and \
                re.findall(r"[\wæøåÆØÅ\-]+", value)[-1].lower() in _OBJECT_PREPOSITIONS
            return Verdict("private", role, strong=not prose, cue="pårørende-linje")
        if before.kind == "professional" or after.kind == "professional":
            return before if before.kind else after
        if self.org_before_bracket(line, start):
            return Verdict("professional", strong=True, cue="organisation")
        if self.org_before_comma(line, start):
            return Verdict("professional", strong=False, cue="organisation før navnet")
        if column[0] and (verdict := self.column_verdict(*column, line)).kind:
            return verdict
        if self.authority_before_ved(line, start):
            return Verdict("professional", strong=False, cue="myndighed ved navnet")
        if self.org_before_cell(line, start):
            return Verdict("professional", strong=False, cue="organisation i cellen før navnet")
        if self.org_after(line, end) or self._partner_is_professional(line, end):
            return Verdict("professional", strong=False, cue="organisation efter navnet")
        key = self.header_key(line)
        if key is None and start > line.find(":") >= 0 \
                and not line[line.find(":") + 1:start].strip() \
                and (office := self.office_key(line)):
            # "Vejle Kommune, Socialafdelingen (bolig): Mikael Lindhardt": a key with a
            # remark in brackets that names an authority or a title, the name opening its
            # value (not "Fyns Politi (KSP): set sammen med Sten Hedegaard")
            return Verdict("professional", strong=True, cue=office)
        if key is not None and start > line.find(":") and before.kind == "private" and \
                _prose(line[line.find(":") + 1:start]):
            # "Opr. fra Fyns Politi: kl. er set sammen med Bent Lauesen": the key is the
            # line's source, the name a private person in its sentence (a weak cue before it)
            return before
        if key is not None and start > line.find(":"):
            kws = set(_KEY_WORD.findall(key))
            if self.is_title(key) or any(self.is_title(k) for k in kws) or kws & self.org_words:
                return Verdict("professional", strong=True, cue=key)
            if (section in COORDINATION_SECTIONS or in_contact_block) \
                    and not self.line_is_private(line):
                return Verdict("professional", strong=False, cue="kontaktlinje")
        if before.kind == "private":
            return before  # a weak cue ("sammen med"): private unless a title says otherwise
        # an organisational e-mail in the same line whose local part shares a name word
        name_words = {w.lower() for w in re.findall(r"\w+", line[start:end]) if len(w) > 1}
        for m in re.finditer(r"[\w.+\-]+@[\w.\-]+\.\w+", line):
            local = m.group(0).split("@")[0].lower()
            if self.email_is_org(m.group(0)) and any(_fold(w) in _fold(local)
                                                     for w in name_words):
                return Verdict("professional", strong=False, cue="organisations-e-mail")
        # a title in the rest of the sentence right after a comma list: "Mette Kragh\n..."
        tail = words_after(line, end, 2)
        if tail and self.is_title(tail[0]) and tail[0] not in self._greetings:
            return Verdict("professional", strong=False, cue=tail[0])
        return Verdict("")


_ROLE_WORD = re.compile(r"[\wæøåÆØÅ\-]+")
# the rest of a list of names up to a bracket that closes it: names, initials, commas, "=",
# "/", "og", "samt" between (ContactClassifier.list_title_after)
_LIST_THEN_BRACKET = re.compile(
    r"(?:[ \t]*(?:[,=/&]|og|samt|[A-ZÆØÅ][\wæøåÆØÅ\-]*\.?)(?![\wæøå]))*"
    r"[ \t]*\((?P<title>[^()\n]{3,60})\)")
# a person's initials in brackets right after the name ("(OHO)", "(O.H.)") and the comma after
# a remark in brackets right after a name ("Pia Holt (privat bolig)")
_REMARK_AFTER_NAME = re.compile(r"[ \t]*\(([^()\n]{1,40})\)")
_INITIALS_AFTER_NAME = re.compile(r"[ \t]*\((?:[A-ZÆØÅ]{2,4}|(?:[A-ZÆØÅ]\.[ \t]?){2,3})\)(?=,)")
# the owner of a relative in an apposition: a possessive or a name's genitive ("Hans far,
# driftsleder …", "sin morbror, …", "Kaspers søster, …")
_POSSESSIVE = re.compile(r"(?i:hans|hendes|sin|sit|sine|deres|dennes|klientens)"
                         r"|[A-ZÆØÅ][\wæøå\-]*(?:s|'|’)")
# the copulas between a relative's role and a job title ("Hans søster er sygeplejerske …")
_COPULAS = frozenset({"er", "var", "blev"})
# the word between a job's verb and the job ("arbejder som advokat")
_JOB_AS = frozenset({"som"})
def _prose(value: str, words: int = 3) -> bool:
    """The text of a field's value before a name is a sentence: at least ``words`` words,
    all but one of them in lower case ("kl. er set i Odense sammen med")."""
    found = re.findall(r"[\wæøåÆØÅ\-]+", value)
    return len(found) >= words and sum(w.islower() for w in found) >= words - 1


# the prepositions whose object a name is in a sentence ("efter aftale med Maja Brink")
_OBJECT_PREPOSITIONS = frozenset({"med", "hos", "af", "til", "ved", "fra", "for"})
# a field's key with a remark in brackets before its colon: "Vejle Kommune, Socialafdelingen
# (bolig):", "Sagsbehandler (voksen):"
_KEY_REMARK = re.compile(r"\s*[-•*]?\s*([\wæøåÆØÅ .,&\-/]{1,60}?)\s*\(([^()\n:]{1,40})\)\s*:")
# what ContactClassifier._cue_before reads at the end of the text before a name: an
# abbreviated word's full stop ("beh. Tove Kjær"), a cue, a place and a comma ("bror i
# Aarhus, Jens")
# (after a slash or hyphen too: "UU/studievejl.")
_ABBREVIATION_END = re.compile(r"(?:^|[,(:;/\-]|\s)\s*(?<![\wæøå])([\wæøå]+)\.$")
_CUE_PLACE_COMMA = re.compile(r"([\wæøåÆØÅ\-]+)\s+(?:i|på|hos|fra|ved)\s+[^,.;:()]{1,40},\s*$")
# the cell right before a name's cell in a table row: "| Jobcenter Horsens | " or a tab
_CELL_BEFORE = re.compile(r"(?:^|[|\t])[ \t]*([^|\t\n]{2,60}?)[ \t]*(?:\|[ \t]*|\t[ \t]*)$")
# what may follow the role of a role predicate: the end of the clause
# (or an age or where from: "Storm er Kevins lillebror på 9 år", "… søn fra et tidligere
# forhold")
_PREDICATE_END = re.compile(r"[ \t]*(?:$|[\n.,;:!?()\]–—-]|(?:og|som|der|men)\b|på[ \t]+\d"
                            r"|fra\b|i[ \t]+[A-ZÆØÅ])")
_WHERE_AFTER = re.compile(r"[ \t]+(?:i|på|hos|ved)[ \t]")


def _fold_ascii(text: str) -> str:
    """kolding, næstved -> naestved/nastved, høje-taastrup -> hoejetaastrup: one key."""
    t = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    t = t.replace("oe", "o").replace("ae", "a").replace("aa", "a")
    return re.sub(r"[^a-z]", "", t)


def _fold(text: str) -> str:
    return (text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
            .replace("é", "e"))
