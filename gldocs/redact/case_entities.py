"""Case-aware entities: who is who in one document.

A first pass over all text units finds the people the document mentions and sorts them:
- the client (from the Stamoplysninger or the options): kept, with first name alone, genitive
  and ALL CAPS forms;
- professional contacts acting in office (K3): kept;
- private persons (R1): removed everywhere, in every form (full name, first name alone,
  surname alone, genitive -s, ALL CAPS), with a role marker inferred from context.
It also collects the client's own numbers and addresses (K1) from the Stamoplysninger.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any

from gldocs.document.sections import (
    heading_section,
    heading_words,
    is_contact_line,
    is_stam_subheading,
)
from gldocs.document.units import TextUnit
from gldocs.redact.client_fields import ClientField, client_field_lines, client_letter_lines
from gldocs.redact.context import sentences
from gldocs.redact.default_words import default_words
from gldocs.redact.detectors.names import FAMILY_FIRST_REASON, NameCandidate
from gldocs.redact.detectors.ner import NerEntity, persons
from gldocs.redact.detectors.patterns import PatternMatch, digits_only
from gldocs.redact.gazetteer import Gazetteer
from gldocs.redact.genitive import (
    GENITIVE,
    NAME_GENITIVE,
    genitive_bases,
    has_genitive,
    has_genitive_s,
    in_genitive,
)
from gldocs.redact.genitive import strip_genitive_mark as strip_genitive
from gldocs.redact.internal_notes import numbered_capital_heading
from gldocs.redact.known_people import KnownPeople, address_key, email_key, phone_key
from gldocs.redact.language import (
    ForeignSpans,
    ForeignWords,
    document_language,
)
from gldocs.redact.model import Owner, Ownership
from gldocs.redact.ner_scope import ReadMarks, entity_shapes
from gldocs.redact.person_words import NAME_WORD as _NAME_WORD
from gldocs.redact.person_words import PersonPatterns, is_closing, person_patterns, unquote
from gldocs.redact.prefilter import required_gate, with_first_char_gate
from gldocs.redact.professionals import ContactClassifier, Verdict
from gldocs.redact.wordlists import WordLists
from gldocs.text.alternation import whole_word

_GENITIVE = GENITIVE + "?"
_QUOTES = "\"“”„«»'‘’"


@dataclass
class Person:
    name: str
    kind: str  # "client", "professional", "private"
    role: str = ""
    score: float = 0.0
    detectors: set[str] = field(default_factory=set)
    reasons: list[str] = field(default_factory=list)
    # a professional whose office the document shows (a title, an organisation, a contact
    # line, an authority's address), not only a signature: positive evidence for the
    # identifiers at the name (issue 8 section 1)
    office: bool = True

    @property
    def tokens(self) -> list[str]:
        """The words of the name, a nickname without its quotes (Zbigniew "Zibi" Mazur)."""
        return [t.strip(_QUOTES) for t in self.name.split() if t.strip(_QUOTES)]


@dataclass
class Mention:
    start: int
    end: int
    text: str
    person: Person


@dataclass
class CaseEntities:
    client: Person | None
    client_cpr_digits: str | None
    client_phones: set[str]
    client_emails: set[str]
    client_addresses: list[str]
    persons: list[Person]
    protected_tokens: set[str]  # tokens of the client's and professionals' names
    # numbers, e-mails, addresses and CPR numbers the case data gives to a known person,
    # keyed "PHONE:<8 digits>", "EMAIL:<address>", "ADDRESS:<street>", "CPR:<10 digits>"
    known_contacts: dict[str, Person] = field(default_factory=dict)
    # addresses as the case data writes them: found literally even where the address
    # pattern sees only part of them ("Hyldespjældet 74, st. th., 2620 Albertslund")
    known_addresses: list[str] = field(default_factory=list)
    # the client's own usernames, profiles and accounts, shown by a labelled field
    # (normalised value -> the evidence, for --explain)
    client_online: dict[str, str] = field(default_factory=dict)
    # initials a document defines for a private person ("Lone Lauridsen, mor (LL)")
    initials: list[tuple[str, Person]] = field(default_factory=list)
    # a private person's register entries as written ("ANDERSEN, Mille"): the entry names
    # that person, even where the surname is the client's too
    register_entries: list[tuple[str, Person]] = field(default_factory=list)

    def known_address_matches(self, text: str) -> list[PatternMatch]:
        out = []
        for a in self.known_addresses:
            for variant in _address_variants(a):
                for m in _literal(variant).finditer(text):
                    out.append(PatternMatch(m.start(), m.end(), m.group(0), "ADDRESS", 1.0,
                                            address_key(a)))
        return out

    def _is_clients(self, pm: PatternMatch) -> bool:
        if pm.entity == "PHONE":
            return phone_key(pm.text) in self.client_phones
        if pm.entity == "EMAIL":
            return email_key(pm.text) in self.client_emails
        if pm.entity == "CPR":
            return digits_only(pm.text) == self.client_cpr_digits
        if pm.entity == "ADDRESS":
            key = address_key(pm.text)
            return bool(key) and any(a and (key == a or key.startswith(a) or a.startswith(key))
                                     for a in self.client_addresses)
        return False

    def known_owner(self, pm: PatternMatch) -> Ownership | None:
        """Whose ``pm`` is by the case data (a professional or a private person), if known."""
        if not self.known_contacts:
            return None
        if self._is_clients(pm):
            return None  # the client's own data stays the client's (a mother at the same address)
        if pm.entity == "ADDRESS":
            key = address_key(pm.text)
            hits = [p for k, p in self.known_contacts.items() if k.startswith("ADDRESS:")
                    and key and (k[8:] == key or k[8:].startswith(key) or key.startswith(k[8:]))]
            person = hits[0] if hits else None
        else:
            value = {"PHONE": phone_key, "CPR": digits_only}.get(pm.entity, email_key)(pm.text)
            person = self.known_contacts.get(f"{pm.entity}:{value}")
        if person is None:
            return None
        if person.kind == "professional":
            return Ownership(Owner.PROFESSIONAL, 1.0,
                             f"tilhører fagpersonen {person.name} (sagsdata)")
        return Ownership(Owner.PRIVATE, 1.0, f"tilhører privatpersonen {person.name} (sagsdata)",
                         person.role)

    def private(self) -> list[Person]:
        return [p for p in self.persons if p.kind == "private"]

    def professionals(self) -> list[Person]:
        return [p for p in self.persons if p.kind == "professional"]

    def person_named(self, token: str) -> Person | None:
        for p in self.persons:
            if token in p.tokens:
                return p
        return None


def _canonical(name: str) -> str:
    """One spelling per person: genitive dropped, a name in ALL CAPS in Title case
    ("STEN HOLMGAARD" -> "Sten Holmgaard", so "Sten" alone is found later)."""
    words = [strip_genitive(w) for w in name.split()]
    letters = [c for w in words for c in w if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters):
        words = [_title(w) for w in words]
    return " ".join(words)


def _title(word: str) -> str:
    """Title case keeping particles and hyphenated parts ("MØLLER-DAHL" -> "Møller-Dahl")."""
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


@lru_cache(maxsize=4096)
def name_pattern(form: str, lower: bool = False) -> re.Pattern[str]:
    """A name form in Title case or ALL CAPS (and in lower case when ``lower``: a private
    person's name in a quoted text message, "du ser aldrig nanna igen"), as a whole word,
    genitive allowed, with a family compound ("Vinther-familien") taken along."""
    words = form.split()
    variants = {" ".join(words), " ".join(w.upper() for w in words)}
    if form.islower():
        # a name found in lower case in a message ("sig til ploy …") is the same person
        # where the writer's prose opens a sentence with it ("Ploy er ekskæresten …")
        variants.add(" ".join(w[:1].upper() + w[1:] for w in words))
    if lower:
        variants.add(" ".join(w.lower() for w in words))
    alts = [r"\s+".join(re.escape(w) for w in variant.split()) for variant in variants]
    body = "|".join(sorted(alts, key=len, reverse=True))
    # "_" counts as a boundary: names in file names (Brev_fra_Hanne.pdf) are found too
    return re.compile(rf"(?<![^\W_]|[@.\-#])(?:{body})(?:-famili\w*)?{_NAME_GENITIVE}"
                      rf"(?![^\W_]|[@\-])")


# (the genitive after a name form, capitals and the spoken "-es" included: genitive.NAME_GENITIVE)
_NAME_GENITIVE = NAME_GENITIVE + "?"


@dataclass(frozen=True)
class _UnitFacts:
    """What :meth:`EntityFinder._kept` checks a candidate against, worked out once per unit."""

    text: str
    strict: bool
    key_end: int  # end of a "Nøgle:" label
    pattern_spans: list[tuple[int, int]]  # addresses, e-mails, numbers
    address_starts: list[int]
    client: frozenset[str]  # the client's name tokens, lower case
    # sentences in another language (there a name needs evidence: issue 8 section 4)
    foreign: ForeignSpans = field(default_factory=ForeignSpans)
    # phone numbers and e-mail addresses: (start, end, normalised value)
    contacts: tuple[tuple[int, int, str], ...] = ()


def plain_client_name(client_name: str | None,
                      pats: PersonPatterns | None = None) -> str | None:
    """The client's name with a bracketed nickname written as a quoted word of the name
    ('Kanokwan Srisuk Jensen "Kwan"'): the nickname is the client's name too (K1).
    ``pats``: the policy's person patterns (default: the bundled kommune policy's)."""
    if not client_name:
        return client_name
    m = (pats or person_patterns()).bracket_nickname.search(client_name)
    if m is None:
        return client_name
    return f'{client_name[:m.start()].strip()} "{m.group("n")}"'


def client_name_tokens(client_name: str | None) -> set[str]:
    """The words of the client's name, genitive marks and a nickname's quotes removed
    (what the checks compare)."""
    return {strip_genitive(t.strip(_QUOTES)) for t in (plain_client_name(client_name) or
                                                        "").split() if t.strip(_QUOTES)}


class EntityFinder:
    """Runs the discovery pass and finds mentions of known people in text."""

    def __init__(self, classifier: ContactClassifier, given: frozenset[str],
                 surnames: frozenset[str], ambiguous: frozenset[str],
                 stop_words: frozenset[str], is_term: Callable[[str], bool]) -> None:
        self.classifier = classifier
        self.given = given
        self.surnames = surnames
        self.ambiguous = ambiguous
        self.places = frozenset(p.lower() for p in classifier.places)
        self.stop_words = stop_words
        self.org_words = frozenset(classifier.org_words)
        self.is_term = is_term
        # whether a sentence tells of the offence (a term of a category under the rule of
        # the co-offender's role): set by the engine; without it every sentence may
        self.tells_offence: Callable[[str], bool] = lambda _sentence: True
        # roles a weak cue may give only in such a sentence ("sammen med" -> medgerningsmand)
        self.offence_roles: frozenset[str] = frozenset()
        # roles whose sentences tell the offence (victim, co-offender): set by the engine
        self.narrative_roles: frozenset[str] = frozenset()
        self.gazetteer: Gazetteer | None = None  # places, organisations, ordinary words
        # the given names most borne in the population: a lower-case word where a name
        # stands is a name by them too (set by the engine; _lower_case_given_names)
        self.population_given: frozenset[str] = frozenset()
        # ordinary words of other languages ("Name", "Role", "Programme", "Telefon")
        self.foreign: ForeignWords = ForeignWords({}, {})
        # the words around names (particles, titles, nickname cues, closings) and of
        # addresses and contact data: the policy's word lists (use_words; until then the
        # bundled kommune policy's)
        self._person: PersonPatterns | None = None
        self._address_words: WordLists | None = None
        self._identifier_words: WordLists | None = None
        self._sentence_words: WordLists | None = None  # abbreviations, amount units
        # family names written first ("Nguyen Thi Lan"): the policy's name lists
        # the policy's NER score thresholds: in the known parts and in unknown (strict) parts
        self.min_ner = 0.0
        self.min_ner_strict = 0.0
        # form -> _lower_case_ok(form), for the gazetteer and word lists in use (mentions
        # asks it for every form in every unit: a quarter of a 100k-word document's time)
        self._lower_ok: dict[tuple[str, int, int], bool] = {}
        # what mentions() derives from the forms list of one document (_form_tables)
        self._tables: _FormTables | None = None
        # the words the document writes in lower case ("hydrographic"): an ordinary word of
        # this document, never part of a run that counts as a name for being uncommon
        self.lower_words: frozenset[str] = frozenset()
        self._capital_words: frozenset[str] = frozenset()
        self._read_texts: list[str] | None = None  # the texts lower_words is of
        self.institution_names: frozenset[str] = frozenset()
        # the words the document writes right before a dose: medicines' names
        self.drug_names: frozenset[str] = frozenset()
        # per text: its organisation runs, and which candidates in it are no person (the
        # NER scope asks about every shape an entity could have, discovery again about the
        # entities the model found: the same question)
        self._org_spans: dict[str, list[tuple[int, int]]] = {}
        # per text: its runs of capitalised words, each weighed as an organisation only
        # when a candidate lies in it (_in_org_run: most runs never are)
        self._org_runs: dict[str, list[list[Any]]] = {}
        # per text: the names a private role follows (_roles_after_names)
        self._role_names: dict[str, list[tuple[int, int, str]]] = {}
        # (id of the role cues, the pattern of a bare role word and the word after it)
        self._bare_role: tuple[int, re.Pattern[str]] | None = None
        self._role_word_set: tuple[tuple[int, int], frozenset[str]] | None = None
        # unions of the name lists, built once (not per candidate): see _names
        self._unions: dict[str, tuple[tuple[int, ...], frozenset[str]]] = {}
        self._no_person: dict[tuple[str, int, int, str, bool, bool, bool], bool] = {}
        self._word_kinds: dict[str, int] = {}  # see _word_kind (the lists never change)
        self._foreign_memo: dict[tuple[str, str, int, int], ForeignSpans] = {}  # _foreign_spans
        self._place_word_memo: dict[tuple[str, int], bool] = {}  # see _after_place_word
        # the given names the document writes (hyphenated too), for _pet_form
        self._doc_given: tuple[object, frozenset[str]] = (None, frozenset())

    def read_document(self, texts: Iterable[str]) -> None:
        """Note the words ``texts`` (the whole document) write in lower case in running text
        (not in an e-mail address, a web address, a file name or a user name). The NER
        scope and discovery read the same document: the second time costs nothing."""
        texts = list(texts)
        if texts == self._read_texts:
            return
        self._read_texts = texts
        self.lower_words = frozenset(
            w for t in texts for w in _LOWER_WORD.findall(t))
        # capitalised words standing alone ("Flori"): a private person's name cut short
        self._capital_words = frozenset(
            w for t in texts for w in _CAPITAL_WORD.findall(t))
        # names an organisation word stands before somewhere in the document
        # ("forsorgshjemmet Kærholm"): the institution's name wherever it stands
        gz = self.gazetteer
        self.institution_names = gz.institution_names(texts) if gz is not None \
            else frozenset()
        # "Androcur (cyproteronacetat) 50 mg": a medicine wherever the document names it
        # ("fortsat Androcur og Sertralin"), never a person
        drug = self.person.drug_before_dose
        self.drug_names = frozenset(m.group(1) for t in texts for m in drug.finditer(t))

    def use_words(self, person_words: WordLists, address_words: WordLists,
                  identifier_words: WordLists, sentence_words: WordLists) -> None:
        """Read names, addresses, contact data and sentences with the policy bundle's word
        lists."""
        self._person = person_patterns(person_words)
        self._address_words = address_words
        self._identifier_words = identifier_words
        self._sentence_words = sentence_words

    def _platform(self, word: str) -> bool:
        """A social medium or chat service by its name (the identifier words'
        ``platforms``), also in the genitive ("Facebooks")."""
        words = self._identifier_words
        return words is not None and in_genitive(word.lower(), words.set("platforms"))

    @property
    def person(self) -> PersonPatterns:
        """The patterns of the policy's person words (:mod:`gldocs.redact.person_words`)."""
        if self._person is None:
            self._person = person_patterns()
        return self._person

    def clear_cache(self) -> None:
        """Forget the per-form answers (benchmarks; results never depend on them)."""
        self._lower_ok.clear()
        self._tables = None
        self._read_texts = None
        self._org_spans.clear()
        self._org_runs.clear()
        self._role_names.clear()
        self._no_person.clear()
        self._foreign_memo.clear()
        self._place_word_memo.clear()
        if self.gazetteer is not None:
            self.gazetteer.clear_memo()

    # -- pass 1 -------------------------------------------------------------------------
    def discover(self, units: Sequence[TextUnit], client_name: str | None,
                 client_cpr: str | None, ner: Sequence[Sequence[NerEntity]] | None,
                 strict_sections: set[str], known: KnownPeople | None = None, *,
                 names: Sequence[Sequence[NameCandidate]],
                 patterns: Sequence[Sequence[PatternMatch]],
                 gazetteer: Sequence[Sequence[NameCandidate]] | None = None) -> CaseEntities:
        """Who is who in ``units``. Per unit: ``ner`` the pipeline's entities, ``names``
        the name-rule candidates, ``patterns`` the pattern matches, ``gazetteer`` the
        names the policy's name lists give (family name first; the recognizers'
        results). ``known``: people from the case data (they win over anything the text
        says)."""
        client_name = plain_client_name(client_name, self.person)
        nicknames = self._client_nicknames(units) if client_name else []
        if client_name and nicknames:
            # "Kaldenavn: Kwan" in the client's own fields: the client's name too (K1); a
            # quoted word of the name is one of its tokens (Zbigniew "Zibi" Mazur)
            client_name = " ".join([client_name, *(f'"{n}"' for n in nicknames)])
        client = Person(client_name, "client", score=1.0, detectors={"case"}) \
            if client_name else None
        self.read_document(u.text for u in units)
        client_tokens = client_name_tokens(client_name) | set(nicknames)
        if known is None:
            phones, emails, addresses = self._client_contacts(units, client_name)
        else:
            phones = {phone_key(t) for t in known.client_phones}
            emails = {email_key(t) for t in known.client_emails}
            addresses = [address_key(t) for t in known.client_addresses]
        votes: dict[str, list[tuple[Verdict, NameCandidate, str]]] = {}
        entries: dict[str, set[str]] = {}  # name -> register entries "ANDERSEN, Mille" as written
        # the document's language: a short line ("Name", "High") of an English document is
        # English, of a Danish one Danish
        doc_lang = document_language((u.text for u in units), self.foreign.vocabulary,
                                     self.foreign.function_words) \
            if self.foreign.common else "da"
        writer_role: str | None = None  # set by "Jeg er Kenneths mor", used by the next signature
        # the local parts of the private mail addresses the document holds (a name in one
        # writes privately)
        private_locals = [pm.normalized.split("@")[0].lower() for ps in patterns for pm in ps
                          if pm.entity == "EMAIL"
                          and self.classifier.email_is_private(pm.normalized)]
        contact_block = private_block = False
        previous = ""
        headers = _table_headers([u.text for u in units])
        # every unit's candidates first, then their verdicts in document order (the
        # candidates read nothing the verdicts decide; one step over all the units keeps
        # its tables in the processor's caches); a line that is a part's heading ("A.
        # PERSONLIGE OPLYSNINGER") names nobody, nor does a form's numbered heading in
        # capitals ("G. MØDER", "7. ØVRIGE OPLYSNINGER")
        candidates = [
            [] if not unit.text.strip() or heading_section(unit.text) is not None
            or numbered_capital_heading(unit.text) else
            self._candidates(unit, ner[i] if ner else [], client_tokens, names[i],
                             patterns[i], strict=unit.section in strict_sections,
                             lang=doc_lang, gazetteer=gazetteer[i] if gazetteer else ())
            for i, unit in enumerate(units)]
        for i, unit in enumerate(units):
            text = unit.text
            if not text.strip():
                contact_block = private_block = False
                continue
            signature = is_closing(previous, self.person) or self._next_is_title(units, i)
            previous = text
            if len(text) < 60:
                heading = heading_words(text)
                if heading in self.classifier.contact_headings:
                    contact_block = True
                elif heading in self.classifier.private_headings:
                    # "REFERENCER": the persons below speak for the client privately
                    private_block, contact_block = True, False
            writer_role = self._writer_role(text) or writer_role
            cands = candidates[i]
            for cand, detector in cands:
                written = text[cand.start:cand.end]
                if written != cand.text and cand.reason == _REGISTER_REASON:
                    entries.setdefault(_canonical(cand.text), set()).add(written)
                verdict = self.classifier.classify_mention(
                    text, cand.start, cand.end, unit.section, contact_block,
                    _column_of(headers.get(i), text, cand.start))
                if not verdict.kind and self._record_shows_office(units, i, cand.start):
                    # "Kontakter[1].Navn: Rasmus Eg" with "Kontakter[1].Organisation:
                    # Rusmiddelcenter Ringsted" in the same record of a system export
                    verdict = Verdict("professional", strong=False,
                                      cue="postens felter viser en myndighed")
                if private_block and verdict.kind != "private":
                    # a reference in a CV, with a job title or none: a private person
                    verdict = Verdict("private", "", strong=True, cue="reference")
                if verdict.kind == "private" and not verdict.strong \
                        and verdict.role in self.offence_roles \
                        and not self._offence_sentence(text, cand.start):
                    # "Han var sammen med Kragh-familien hele sommeren": company, no offence;
                    # a private person without a role (a co-offender only where the
                    # sentence tells of the offence)
                    verdict = Verdict("private", "", strong=False, cue=verdict.cue)
                if (not verdict.kind or (verdict.kind == "professional"
                                         and self._courtesy(verdict.cue))) \
                        and self._writes_privately(cand.text, private_locals):
                    # "Hilsen Rose Hedegaard" where the document holds
                    # rose.hedegaard@outlook.dk: the person writes privately (a greeting or
                    # a closing shows no office)
                    verdict = Verdict("private", writer_role or "", strong=True,
                                      cue="privat e-mailadresse i navnet")
                if not verdict.kind and signature and len(text.split()) <= 5:
                    verdict = Verdict("private", writer_role, strong=True,
                                      cue="afsenderen skriver som pårørende") \
                        if writer_role is not None else \
                        Verdict("professional", strong=False,
                                cue=_SIGNED_IN_OFFICE if self._office_in_block(units, i)
                                or self._authority_sender(units, cand.text) else _SIGNED)
                votes.setdefault(_canonical(cand.text), []).append((verdict, cand, detector))
            if signature and cands:
                writer_role = None  # one message's signature; the next message is another's
        persons_: list[Person] = []
        for name, vs in votes.items():
            persons_.append(self._decide(name, vs))
        persons_ = self._merge(persons_)
        seeded: dict[str, Person] = {}
        if known is not None:
            persons_, seeded = _seed_known(persons_, known)
        protected = set(client_tokens)
        for p in persons_:
            if p.kind == "professional":
                protected.update(p.tokens)
        # the initials a document defines for a professional ("Tilsynsførende: Maria Holm
        # (MAH), …"): later "Deltagere: kl., Ole Bak og MAH" is that professional, nobody new
        protected.update(c for c, _ in _defined_initials(
            units, persons_, self.person.initials_cues, kind="professional"))
        # a private person whose every token is protected is nobody new (e.g. "Kasper Lund")
        persons_ = [p for p in persons_ if p.kind != "private"
                    or not set(p.tokens) <= protected]
        cpr_digits = digits_only(client_cpr) if client_cpr else None
        known_addresses = [a for k in (known.people if known else ()) for a in k.addresses]
        known_addresses += list(known.client_addresses) if known else []
        return CaseEntities(client, cpr_digits, phones, emails, addresses, persons_, protected,
                            seeded, known_addresses,
                            self._client_online(units, patterns, client_tokens),
                            _defined_initials(units, persons_,
                                              self.person.initials_cues),
                            [(w, p) for p in persons_ if p.kind == "private"
                             for w in sorted(entries.get(p.name, ()))])

    def _record_shows_office(self, units: Sequence[TextUnit], i: int, start: int) -> bool:
        """The name at ``units[i].text[start:]`` opens the value of a record's field in a
        system export of "Post.Felt: Værdi" lines ("Kontakter[1].Navn: Rasmus Eg"), and the
        other fields of the same record (the lines around it with the same "Kontakter[1]."
        before the field's name) show an office (an organisation, a title, an authority's
        e-mail) and name no private role ("Relationer[0].Rolle: Mor" is a relative's)."""
        m = _RECORD_FIELD.match(units[i].text)
        if m is None or units[i].text[m.end():start].strip():
            return False
        record = m.group("record")
        office = False
        for j in (*range(i - 1, max(-1, i - _RECORD_LINES), -1),
                  *range(i + 1, min(len(units), i + _RECORD_LINES))):
            other = _RECORD_FIELD.match(units[j].text)
            if other is None or other.group("record") != record:
                continue
            value = units[j].text[other.end():]
            words = re.findall(r"[\wæøåÆØÅ\-]+", f"{other.group('field')} {value}".lower())
            if any(w in self.classifier.role_cues and w not in self.classifier.weak_cues
                   for w in words) or any(w in self.classifier.private_line_cues
                                          for w in words):
                return False
            office = office or self.classifier.shows_office(value)
        return office

    def _client_nicknames(self, units: Sequence[TextUnit]) -> list[str]:
        """The client's other names from a field of the client's own in Stamoplysninger
        ("Kaldenavn: Kwan", "Kaldes: Bimse"): outside the staff block, a key with no role or
        title in it, a value of one or two capitalised words."""
        out: list[str] = []
        staff_block = False
        for u in units:
            if u.section != "stamoplysninger":
                staff_block = False
                continue
            staff_block = staff_block or is_stam_subheading(u.text)
            key = self.classifier.header_key(u.text)
            if staff_block or key is None or " ".join(key.split()) not in \
                    self.person.client_nickname_keys or self.classifier.line_is_private(u.text):
                continue
            value = u.text.split(":", 1)[1].strip().strip("\"“”'‘’»«").strip()
            words = value.split()
            if 1 <= len(words) <= 2 and all(_NICK_WORD.fullmatch(w) for w in words):
                out.extend(w for w in words if w not in out)
        return out

    def _client_online(self, units: Sequence[TextUnit],
                       patterns: Sequence[Sequence[PatternMatch]],
                       client_tokens: set[str]) -> dict[str, str]:
        """The client's own online and financial identifiers, shown by a labelled field:
        the client's line in Stamoplysninger ("Instagram: @malte_97", outside the staff
        block and lines naming someone else) or a label naming the client as owner
        ("Klientens Snapchat: malte.aa97", "Maltes TikTok-profil er @x"). Every other
        mention of the same value is the client's too; nothing else is (fail closed).
        A licence plate counts the same way ("Firmabil: varevogn, reg.nr. AB 12 345")."""
        from gldocs.redact.detectors.online import ONLINE_ENTITIES

        own_field_entities = ONLINE_ENTITIES | {"PLATE"}

        out: dict[str, str] = {}
        owner: re.Pattern[str] | None = None  # compiled when a unit holds an identifier
        apposition: re.Pattern[str] | None = None
        staff_block = False
        for u, found in zip(units, patterns, strict=True):
            if u.section == "stamoplysninger":
                staff_block = staff_block or is_stam_subheading(u.text)
            else:
                staff_block = False
            for pm in found:
                if pm.entity not in own_field_entities:
                    continue
                if owner is None or apposition is None:
                    owner = client_label(client_tokens, self.person.words)
                    apposition = client_account_apposition(client_tokens, self.person.words)
                why = self._client_online_evidence(u, pm, owner, staff_block) or \
                    self._client_account_apposition(u.text, pm, apposition)
                if why:
                    out.setdefault(pm.normalized, why)
        return out

    def _client_online_evidence(self, unit: TextUnit, pm: PatternMatch,
                                owner: re.Pattern[str], staff_block: bool) -> str:
        """Why ``pm`` is shown to be the client's ("" when it is not)."""
        from gldocs.redact.detectors.online import is_online_label

        text = unit.text
        # (a remark in brackets is no other owner unless it names a role: "TikTok-profil
        # (egen):", "Konto (NemKonto):"; "Snapchat (kæresten):" is hers)
        key = self.classifier.header_key(text) or self._key_with_remark(text) or ""
        if unit.section == "stamoplysninger" and key and not staff_block and \
                pm.start > text.find(":") and not self.classifier.line_is_private(text) and \
                not any(w in self.classifier.role_cues or self.classifier.is_title(w)
                        for w in re.findall(r"[\wæøå\-]+", key)) and \
                not self.classifier.role_in(text[text.find(":") + 1:pm.start]):
            return f"klientens eget felt '{key}' i Stamoplysninger"
        for m in owner.finditer(text, max(0, pm.start - 80), pm.start):
            if m.end() == pm.start and is_online_label(m.group("label"),
                                                       self._identifier_words):
                return f"feltet '{m.group(0).strip(' :=')}' nævner klienten som ejer"
        return ""

    def _client_account_apposition(self, text: str, pm: PatternMatch,
                                   apposition: re.Pattern[str]) -> str:
        """Why ``pm`` is the client's by an account or profile the client's genitive names
        with the value in apposition ("Jespers egen NemKonto i Danske Bank, reg. …",
        "Klientens lønkonto (reg. …)"): no role word and no other person's genitive between
        ("" when not)."""
        if pm.entity not in ("BANK_ACCOUNT", "ONLINE_ID"):
            return ""
        m = apposition.search(text, max(0, pm.start - 100), pm.start)
        if m is None or self.classifier.role_in(m.group("rest")) or \
                _GENITIVE_NAME.search(m.group("rest")):
            return ""
        from gldocs.redact.detectors.online import is_account_label, is_online_label

        label = m.group("label")
        words = self._identifier_words
        if not (is_account_label(label, words) or is_online_label(label, words)):
            return ""
        return f"'{m.group(0).strip(' ,(')}' nævner klienten som ejer"

    def _client_contacts(self, units: Sequence[TextUnit], client_name: str | None = None
                         ) -> tuple[set[str], set[str], list[str]]:
        from gldocs.redact.detectors import find_addresses, find_emails, find_phones

        phones: set[str] = set()
        emails: set[str] = set()
        addresses: list[str] = []
        staff_block = False  # the staff table and the municipality block are not the client's
        for u in units:
            if u.section != "stamoplysninger":
                staff_block = False
                continue
            staff_block = staff_block or is_stam_subheading(u.text)
            if staff_block:
                continue
            key = self.classifier.header_key(u.text) or self._key_with_remark(u.text)
            if key is None:
                continue  # "Telefon (moren): …": the remark names another owner
            if any(t in key for t in self.person.words["staff_key_parts"]):
                continue
            if not self._client_contact_line(u.text, key):
                continue  # "Nærmeste pårørende: …, tlf. …", "Forsvarer: …": someone else's
            phones.update(digits_only(m.text)[-8:]
                          for m in find_phones(u.text, self._identifier_words,
                                               self.foreign.function_words))
            emails.update(m.normalized
                          for m in find_emails(u.text, self._identifier_words))
            addresses.extend(_addr_key(m.text)
                             for m in find_addresses(u.text, words=self._address_words))
            if "adresse" in key:
                value = u.text.split(":", 1)[1].strip() if ":" in u.text else ""
                if value:
                    addresses.append(_addr_key(value))
        addresses += self._labelled_client_addresses(units)
        for block_field in self._client_block_fields(units, client_name):
            text = units[block_field.index].text
            phones.update(digits_only(m.text)[-8:]
                          for m in find_phones(text, self._identifier_words,
                                               self.foreign.function_words))
            emails.update(m.normalized for m in find_emails(text, self._identifier_words))
            addresses.extend(_addr_key(m.text)
                             for m in find_addresses(text, words=self._address_words))
            if "adresse" in block_field.key:
                addresses.append(_addr_key(block_field.value))
        for idx, start in self._client_letter_values(units, client_name):
            text = units[idx].text
            phones.update(digits_only(m.text)[-8:]
                          for m in find_phones(text, self._identifier_words,
                                               self.foreign.function_words)
                          if self._first_person_value(text, start, m.start))
            emails.update(m.normalized for m in find_emails(text, self._identifier_words)
                          if self._first_person_value(text, start, m.start))
            addresses.extend(_addr_key(m.text)
                             for m in find_addresses(text, words=self._address_words)
                             if self._first_person_value(text, start, m.start))
        return phones, emails, addresses

    def _client_letter_values(self, units: Sequence[TextUnit], client_name: str | None
                              ) -> list[tuple[int, int]]:
        """Where a letter the client signs gives the client's own number, e-mail or
        address in the first person ("Mit eget nummer efter løsladelsen bliver det gamle,
        …", "Min nye adresse er …"): (unit index, end of the label), the label opening a
        sentence (not a quote: "Hun skrev: "mit nummer er …"" is hers)."""
        if not client_name:
            return []
        tokens = frozenset(t.lower() for t in client_name_tokens(client_name))
        closing_words = self.person.words.set("letter_closing_words")
        mail_keys = (self.classifier.ownership_words
                     or default_words("ownership_words")).set("mail_header_keys")

        def closing(line: str) -> bool:
            words = re.findall(r"[^\W\d_]+", unquote(line).lower())
            return is_closing(line, self.person) or (
                0 < len(words) <= 8 and any(w in closing_words for w in words[:3]))

        def boundary(i: int) -> bool:
            u = units[i]
            key = self.classifier.header_key(u.text)
            return u.section == "stamoplysninger" or heading_section(u.text) is not None \
                or (key is not None and key in mail_keys)

        lines = [u.text for u in units]
        label = _first_person_label(self.classifier.ownership_words
                                    or default_words("ownership_words"))
        return [(i, m.end()) for i in client_letter_lines(lines, tokens, closing, boundary)
                for m in label.finditer(lines[i])]

    def _first_person_value(self, text: str, label_end: int, start: int) -> bool:
        """The value at ``start`` follows the first-person label ending at ``label_end`` in
        its sentence, within 80 characters, with no private person's role word between."""
        between = text[label_end:start]
        return 0 <= len(between) <= 80 and not re.search(r"[.!?][ \t]+[A-ZÆØÅ]", between) \
            and self.classifier.role_in(between) is None

    def _client_block_fields(self, units: Sequence[TextUnit], client_name: str | None
                             ) -> list[ClientField]:
        """The contact fields of the client's own blocks outside Stamoplysninger (a
        numbered list or a JSON record that opens with the client's name:
        :func:`client_field_lines`), with no private person's role word in the value
        ("Adresse: hos moren, …" stays out: fail closed)."""
        if not client_name:
            return []
        cls = self.classifier

        def names_other(key: str, line: str) -> bool:
            return cls.line_is_private(line) or any(
                w in cls.role_cues or cls.is_title(w) for w in re.findall(r"[\wæøå\-]+", key))

        def relation(text: str) -> bool:
            return cls.role_in(text) is not None

        return [f for f in client_field_lines([u.text for u in units], client_name,
                                               names_other, relation)
                if units[f.index].section != "stamoplysninger"
                and self._client_contact_line(f"{f.key}: {f.value}", f.key)
                and not cls.role_in(f.value)]

    def _key_with_remark(self, line: str) -> str | None:
        """The key of a field with a remark in brackets ("Adresse (hos moren):", "Tlf.
        (kl.):", "Mobil (efter løsladelse):"), lower case, without the remark; "" when the
        line has no such key; None when the remark names a private person's role without
        saying where ("Telefon (moren):": perhaps hers). A remark of place or time ("hos
        moren", "c/o", "efter løsladelse") says where the client is reached, not whose."""
        m = _KEY_WITH_REMARK.match(line)
        if m is None:
            return ""
        remark = m.group(2).lower()
        words = re.findall(r"[\wæøå/\-]+", remark)
        if words and words[0] not in self.person.place_time_prepositions and any(
                w in self.classifier.role_cues and w not in self.classifier.weak_cues
                for w in words):
            return None
        return " ".join(m.group(1).lower().split())

    def _labelled_client_addresses(self, units: Sequence[TextUnit]) -> list[str]:
        """Addresses right after a label that names the client's own address by what it is
        to the client ("Folkeregisteradresse (moderen): Stormgade 8, …" in the
        Stamoplysninger, "… prøveløslades 22.02.2027. Løsladelsesadresse: Nørreport 19, 1.
        sal, 6200 Aabenraa" in a minute): the label opens a line or a sentence, so no
        possessive names another owner ("Moderens folkeregisteradresse:" is hers); a remark
        in brackets says whose home it is, not whose address. Outside the staff block."""
        from gldocs.redact.detectors import find_addresses

        out: list[str] = []
        label = self.person.client_address_label
        staff_block = False
        for u in units:
            if u.section == "stamoplysninger":
                staff_block = staff_block or is_stam_subheading(u.text)
            else:
                staff_block = False
            if staff_block or ":" not in u.text:
                continue
            ends = {m.end() for m in label.finditer(u.text)}
            if ends:
                out += [_addr_key(a.text) for a in find_addresses(u.text, words=self._address_words)
                        if a.start in ends]
        return out

    def _writer_role(self, text: str) -> str | None:
        """"Jeg er Kenneths mor": the writer presents themself as a private person (a
        relative writing to the prison); their signature is then no professional's."""
        for m in _WRITER_ROLE.finditer(text):
            phrase = self.person.role_idiom.sub(" ", m.group(1))
            for word in phrase.lower().split()[::-1]:
                cue = self.classifier.role_cues.get(word)
                if cue and word not in self.classifier.weak_cues:
                    return cue[0]
        return None

    def _client_contact_line(self, line: str, key: str) -> bool:
        """A Stamoplysninger line with the client's own contact data: a contact key
        (``Telefon:``, ``Adresse:``, ``E-mail:``) or a contact line without a colon
        (``Tlf. 6170 3348``); never a key naming another person (a role or a title)."""
        if not key:
            return is_contact_line(line)
        words = set(re.findall(r"[\wæøå\-]+", key))
        if self.classifier.line_is_private(line) or any(
                w in self.classifier.role_cues or self.classifier.is_title(w) for w in words):
            return False
        return self.person.client_contact_key.match(key) is not None

    def _office_in_block(self, units: Sequence[TextUnit], i: int) -> bool:
        """Whether the signature block from ``units[i]`` (the name line) to the next blank
        line shows an office (:meth:`ContactClassifier.shows_office`)."""
        for u in units[i:i + 6]:
            if not u.text.strip():
                break
            if self.classifier.shows_office(unquote(u.text)):
                return True
        return False

    def _authority_sender(self, units: Sequence[TextUnit], name: str) -> bool:
        """Whether the document's mail header names ``name`` as the sender from an
        authority ("Fra: Lone Bach <lone.bach@aarhus.dk>", "From: Lone Bach, Jobcenter
        Aarhus"), or an authority's e-mail address holds a word of the name in its local
        part: then a name signed without a title is still signed in office."""
        words = [w.lower() for w in re.findall(r"[^\W\d_]{3,}", name)]
        if not words:
            return False
        for u in units:
            text = u.text
            if "@" in text:
                for m in _EMAIL.finditer(text):
                    local = m.group(1).lower()
                    if any(w in local for w in words) and self.classifier.email_is_org(
                            m.group(0)):
                        return True
            header = self.person.sender_header.match(unquote(text))
            if header and any(w in header.group(1).lower() for w in words) and \
                    self.classifier.shows_office(header.group(1)):
                return True
        return False

    def _next_is_title(self, units: Sequence[TextUnit], i: int) -> bool:
        """A short name line followed by a line that starts with a title (a signature)."""
        if i + 1 >= len(units):
            return False
        nxt = unquote(units[i + 1].text).strip()
        words = re.split(r"[\s,]+", nxt, maxsplit=2)[:2] if nxt else []
        # "Socialrådgiver, …", "Probation Officer": a title of one or two words (not a
        # greeting: "hej det er …" under a chat's speaker line is the message)
        return any(self.classifier.is_title(" ".join(words[:n])) and not self._courtesy(
            " ".join(words[:n]).lower()) for n in (1, 2) if len(words) >= n)

    def _candidates(self, unit: TextUnit, ner: Sequence[NerEntity],
                    client_tokens: set[str], names: Sequence[NameCandidate],
                    patterns: Sequence[PatternMatch], strict: bool = False,
                    lang: str = "da", gazetteer: Sequence[NameCandidate] = ()
                    ) -> list[tuple[NameCandidate, str]]:
        text = unit.text
        out: list[tuple[NameCandidate, str]] = [(c, "names") for c in names]
        sentence_starts = {sp.start for sp in sentences(text, self._sentence_words)}
        out.extend((c, "ner") for c in self._ner_candidates(text, ner, sentence_starts, strict))
        # nicknames and first names right before a CPR number or an age
        lowered_client = {t.lower() for t in client_tokens}
        nickname, contact_entry = self.person.nickname, self.person.contact_entry
        for rx, why in ((nickname, "kaldenavn"), (_NICKNAME_OF, "kaldenavn"),
                        (contact_entry, "kaldenavn"), (_NICKNAME_IN_BRACKETS, "kaldenavn"),
                        (self.person.name_before_id, "navn før CPR/alder"),
                        (_CONTACT_OR_OBJECT_NAME, "kaldenavn"),
                        (self.person.name_before_nickname, "navn før kaldenavn"),
                        (self.person.maiden_name, "efternavn før ægteskab"),
                        (self.person.nickname_before_cue, "kaldenavn"),
                        (self.person.nickname_noun, "kaldenavn"),
                        (self.person.nickname_noun_apposition, "kaldenavn")):
            for m in rx.finditer(text):
                if rx is self.person.nickname_noun and m.group("who") is None \
                        and " ".join(m.group("cue").lower().split()) in \
                        self.person.bare_nickname_cues:
                    continue  # "han kalder hunden": a call, no nickname
                # (_CONTACT_OR_OBJECT_NAME names its forms' groups "q" and "h")
                key = next(k for k in ("n", "q", "h")
                           if k in rx.groupindex and m.group(k) is not None)
                n = m.group(key)
                # a list of quoted nicknames ("øgenavne: "Sorten", "Store Per" og …") names
                # others, never the client's one nickname
                more = self._more_nicknames(text, m.end(), lowered_client) \
                    if rx is nickname and text[m.end() - 1:m.end()] in _QUOTES else []
                cued = (rx in (nickname, self.person.nickname_noun) and not more
                        and not self.person.names_another.match(m.group(0))) \
                    or rx is _NICKNAME_IN_BRACKETS
                # (a family word as a nickname, "en person, han kun kender som Lillebror",
                # is that person's name: capitalised after the cue, not a role)
                nick_role = rx in (nickname, self.person.nickname_before_cue) \
                    and self._is_role_word(n.lower()) \
                    and not text[m.start(key) - 1:m.start(key)].isalpha()
                if (n.lower() in self.stop_words and not nick_role) or \
                        n.lower() in lowered_client or (
                        cued and _clients_nickname(text, m.start(), lowered_client,
                                                   self._is_role_word)):
                    # ("som Kristoffer kalder Tusse": the client names another, who goes)
                    continue  # the client's own nickname, or a label
                out.append((NameCandidate(m.start(key), m.end(key), n, 0.85, why), "names"))
                out.extend(more)
        out.extend((c, "names") for c in self._short_forms_in_brackets(text, lowered_client))
        out.extend((c, "names") for c in self._quoted_person_subjects(text, lowered_client))
        out.extend((c, "names") for c in self._lower_case_senders(text, lowered_client))
        out.extend((c, "names") for c in self._header_names(text))
        out.extend((c, "names") for c in self._tagged_names(text, lowered_client))
        out.extend((c, "names") for c in self._lower_case_after_role(text, lowered_client))
        lower_names = self._lower_case_given_names(text, lowered_client)
        in_messages = [*self._vocatives(text, lowered_client),
                       *self._person_objects(text, lowered_client),
                       *self._signed_off(text, lowered_client)]
        out.extend((c, "names") for c in lower_names)
        out.extend((c, "names") for c in self._coordinated_lower(
            text, [*lower_names, *in_messages], lowered_client))
        out.extend((c, "names") for c in in_messages)
        out.extend((c, "names") for c in self._register_entries(text))
        out.extend((c, "names") for c in self._named_by_verb(text, lowered_client))
        # family name first ("Tran Van Hung", "Nguyen Thi Lan"): the gazetteer-name
        # recognizer's (gldocs.redact.recognizers.names.GazetteerNameRecognizer)
        out.extend((c, "names") for c in gazetteer)
        # a role right after a name: "Lykke, hans halvsøster", "Bo (nabo)"
        known = [(c.start, c.end) for c, _ in out]
        for a, b, name in self._roles_after_names(text):
            if not any(x < b and a < y for x, y in known):
                out.append((NameCandidate(a, b, name, 0.75, "rolle efter navnet"), "names"))
        facts = self._unit_facts(text, strict, client_tokens, patterns, lang)
        # a form of address ("Mr Thornbury", "Frau Vogel") in any language, and in a foreign
        # sentence a given name of another culture ("Siobhan Kearney"): the Danish name
        # rules do not know them
        known = [(c.start, c.end) for c, _ in out]
        out.extend((c, "names") for c in self._foreign_names(text, facts)
                   if not any(a < c.end and c.start < b for a, b in known))
        if strict:  # fail closed: any run of capitalised words may be a name
            known = [(c.start, c.end) for c, _ in out]
            for run in capitalised_runs(text, self.stop_words, self.classifier.is_title):
                if any(in_genitive(w.lower(), lowered_client) for w in run.text.split()):
                    continue  # "Ifølge Tharshika", "Hente Stefans ting": the client's name
                trimmed = _without_lead_word(run, self.person.not_name_leads)
                if trimmed is not None and not any(a < trimmed.end and trimmed.start < b
                                                   for a, b in known):
                    out.append((trimmed, "names"))
        result = []
        for c, det in out:
            kept = self._kept(c, facts)
            if kept is not None:
                result.append((kept, det))
        return result

    def ner_reads(self, text: str, strict: bool, client_tokens: set[str]
                  ) -> list[tuple[int, int]]:
        """The parts of ``text`` NER must read, as ``(start, end)`` spans: those where an
        entity of the pipeline could change what :meth:`_candidates` gives (none: NER need
        not read ``text``).

        Every shape an entity could have (:func:`~gldocs.redact.ner_scope.entity_shapes`)
        goes through the same checks as if the pipeline had found it, as a person and as an
        organisation. A shape counts when the checks keep it, or when it passes the first
        ones and overlaps a name the rules would otherwise add (a role after a name, a run
        of capitalised words in a strict part), since an NER candidate hides those. A
        shape that counts is read as the span of the shape, its candidate and what the
        candidate became (or the name it hides); a run too long to list, with its whole
        sentences (:class:`~gldocs.redact.ner_scope.ReadMarks`). The address and number
        spans are not known yet: the checks run without them (they can only drop more).
        ``client_tokens`` as :func:`client_name_tokens` makes them."""
        if text == text.lower():
            return []  # no capital letter
        marks = ReadMarks(text, self._sentence_words)
        shapes, unlisted = entity_shapes(text, marks.starts, self.person.ner_inner_words)
        if not shapes and not unlisted:
            return []
        for a, b in unlisted:
            marks.mark_sentences(a, b)
        sentence_starts = marks.starts
        facts: _UnitFacts | None = None
        hidden: list[NameCandidate] | None = None
        checked: dict[int, bool] = {}

        def hidden_kept(k: int, h: NameCandidate, facts: _UnitFacts) -> bool:
            ok = checked.get(k)
            if ok is None:
                ok = checked[k] = self._kept(h, facts) is not None
            return ok

        # a candidate's verdict: the span to read with every shape that gives it, or None
        verdicts: dict[tuple[int, int, str], tuple[int, int] | None] = {}
        empty = self._cleans_to_nothing
        for a, b in shapes:
            if marks.marked(a, b) or empty(text[a:b]):
                continue  # read whole already, or no candidate
            for c in self._shape_candidates(text, a, b, sentence_starts, strict):
                key = (c.start, c.end, c.text)
                if key in verdicts:
                    span = verdicts[key]
                else:
                    span = None
                    if facts is None:
                        facts = self._unit_facts(text, strict, client_tokens, ())
                    kept = self._kept(c, facts)
                    if kept is not None:
                        span = (min(c.start, kept.start), max(c.end, kept.end))
                    else:
                        if hidden is None:
                            hidden = self._rule_names(text, strict)
                        # (each checked only when a candidate overlaps it: most never are)
                        over = [(h.start, h.end) for k, h in enumerate(hidden)
                                if h.start < c.end and c.start < h.end
                                and hidden_kept(k, h, facts)]
                        if over:
                            span = (min(c.start, *(x for x, _ in over)),
                                    max(c.end, *(y for _, y in over)))
                    verdicts[key] = span
                if span is not None:
                    marks.mark_words(min(a, span[0]), max(b, span[1]))
        return marks.groups()

    def _cleans_to_nothing(self, shape: str) -> bool:
        """Whether ``shape`` is one word that the cleaning of an entity
        (:meth:`_clean_ner`) leaves nothing of: an organisation word, a stop word, a
        lower-case word or a title. Most shapes are one such word (a sentence's first
        word, "Kommunen", "Sagsbehandler"); the NER scope skips them before working out
        their candidates (there are none)."""
        return len(shape.split(maxsplit=1)) == 1 and self._word_kind(shape) != 0

    def _rule_names(self, text: str, strict: bool) -> list[NameCandidate]:
        """The names :meth:`_candidates` adds unless another candidate overlaps them (a
        role after a name; in a strict part, a run of capitalised words): an NER candidate
        there would hide those its checks keep (:meth:`_kept`, asked by the NER scope only
        of those a candidate overlaps)."""
        out = [NameCandidate(a, b, name, 0.75, "") for a, b, name in self._roles_after_names(text)]
        if strict:
            out += capitalised_runs(text, self.stop_words, self.classifier.is_title)
        return out

    def _roles_after_names(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, name)`` of the names a private role follows in ``text`` ("Lykke,
        hans halvsøster", "Bo (nabo)"): no stop word, and the cue after it is a private
        person's. Remembered per text: the NER scope and discovery ask it of the same
        units."""
        hit = self._role_names.get(text)
        if hit is None:
            hit = [(m.start(), m.end(), m.group(0))
                   for m in self.person.role_after_name.finditer(text)
                   if m.group(0).lower() not in self.stop_words
                   and self.classifier.cue_after(text, m.end()).kind == "private"]
            if len(self._role_names) > 100_000:
                self._role_names.clear()
            self._role_names[text] = hit
        return hit

    def _ner_candidates(self, text: str, ner: Sequence[NerEntity], sentence_starts: set[int],
                        strict: bool) -> list[NameCandidate]:
        """The name candidates the pipeline's entities give in ``text`` (before the checks
        of :meth:`_kept`, which every candidate passes through)."""
        out = []
        for e in persons(ner):
            c = self._person_candidate(text, self._clean_ner(text, e), sentence_starts, strict)
            if c is not None:
                out.append(c)
        # The model sometimes calls a person an organisation ("Bjarke Munk" ORG): an ORG
        # span that starts with a known given name and has no organisation word is a name.
        for e in ner:
            if e.label == "ORG":
                c = self._org_candidate(e.text, partial(self._clean_ner, text, e))
                if c is not None:
                    out.append(c)
        return out

    def _shape_candidates(self, text: str, a: int, b: int, sentence_starts: set[int],
                          strict: bool) -> list[NameCandidate]:
        """:meth:`_ner_candidates` of the entity shape ``[a, b)`` found as a person and as
        an organisation (the NER scope asks it of every shape): the same candidates, the
        shape cleaned once for both."""
        shape = text[a:b]
        cleaned = self._clean_ner(text, NerEntity(a, b, shape, "PER"))
        out = []
        c = self._person_candidate(text, cleaned, sentence_starts, strict)
        if c is not None:
            out.append(c)
        c = self._org_candidate(shape, lambda: cleaned)
        if c is not None:
            out.append(c)
        return out

    def _person_candidate(self, text: str, c: NameCandidate | None, sentence_starts: set[int],
                          strict: bool) -> NameCandidate | None:
        """The candidate a cleaned PER entity ``c`` gives (None: none)."""
        if c is None or _CODE_LIKE.search(c.text):
            return None  # file names and codes are not names
        single = " " not in c.text
        if single and self._platform(c.text):
            return None  # a social medium by its name: "Hun er på Facebook hver dag"
        if single and c.start in sentence_starts and not (
                in_genitive(c.text, self.given)) and not strict:
            return None  # a capitalised first word of a sentence ("Indtil", "Hans")
        if single and c.text in self.ambiguous and c.start in sentence_starts:
            return None
        if c.score < (self.min_ner_strict if strict else self.min_ner):
            return None
        return c

    def _org_candidate(self, entity_text: str, cleaned: Callable[[], NameCandidate | None]
                       ) -> NameCandidate | None:
        """The name an ORG entity with the text ``entity_text`` gives: one that starts with a
        known given name ("Bjarke Munk"); ``cleaned``: the entity cleaned as a person."""
        # (after a title, which is no part of it: "Gadesygeplejerske Lone Abildgaard")
        words = entity_text.split()
        lead = 0
        while lead < len(words) - 1 and self.classifier.is_title(words[lead].strip(",.")):
            lead += 1
        first = words[lead].strip(",.")
        if first in self.given and first not in self.ambiguous:
            c = cleaned()
            if c is not None and c.text.split()[0] == first:
                return NameCandidate(c.start, c.end, c.text, 0.7, "NER (ORG) med fornavn")
        return None

    def _unit_facts(self, text: str, strict: bool, client_tokens: set[str],
                    patterns: Sequence[PatternMatch], lang: str = "da") -> _UnitFacts:
        return _UnitFacts(
            text=text, strict=strict, key_end=_key_end(text),
            pattern_spans=[(m.start, m.end) for m in patterns],
            address_starts=[m.start for m in patterns if m.entity == "ADDRESS"],
            client=frozenset(t.lower() for t in client_tokens),
            foreign=self._foreign_spans(text, lang),
            contacts=tuple((m.start, m.end, m.normalized) for m in patterns
                           if m.entity in ("PHONE", "EMAIL")))

    def _foreign_spans(self, text: str, lang: str) -> ForeignSpans:
        """The foreign sentences of ``text`` in a document of language ``lang``
        (:meth:`ForeignSpans.of`), remembered per text: the NER scope and discovery ask
        for the same units."""
        if not self.foreign.common:
            return ForeignSpans()
        key = (text, lang, id(self.foreign), id(self._sentence_words))
        hit = self._foreign_memo.get(key)
        if hit is None:
            hit = ForeignSpans.of(text, lang, self._sentence_words,
                                  self.foreign.function_words)
            if len(self._foreign_memo) > 100_000:
                self._foreign_memo.clear()
            self._foreign_memo[key] = hit
        return hit

    def _names(self, surnames: bool = True) -> frozenset[str]:
        """The given names (Danish and of other cultures) and, with ``surnames``, the
        surnames: one set, built on first use and again when a list is replaced."""
        parts = (self.given, self.foreign.given_names, *((self.surnames,) if surnames else ()))
        key = "all" if surnames else "given"
        ids = tuple(map(id, parts))
        hit = self._unions.get(key)
        if hit is None or hit[0] != ids:
            hit = self._unions[key] = (ids, frozenset().union(*parts))
        return hit[1]

    def _org_spans_of(self, text: str) -> list[tuple[int, int]]:
        """The gazetteer's organisation runs in ``text`` (remembered per text)."""
        spans = self._org_spans.get(text)
        if spans is None:
            spans = self.gazetteer.org_spans(text) if self.gazetteer is not None else []
            if len(self._org_spans) > 100_000:
                self._org_spans.clear()
            self._org_spans[text] = spans
        return spans

    def _kept(self, c: NameCandidate, facts: _UnitFacts) -> NameCandidate | None:
        """``c`` as a name candidate of its unit (extended over particles, acronyms at its
        ends trimmed), or None when it is no name: a label, part of an address or number,
        the client's own name, a place, an organisation or an ordinary word (the cheap
        checks first; each alone can drop it)."""
        text = facts.text
        cand = _trim_acronyms(extend_name(text, c, self.person))
        if cand is not None and self.gazetteer is not None:
            trimmed = _trim_compounds(text, cand, self.gazetteer.is_common)
            if trimmed is not cand and trimmed is not None and trimmed.text in self.ambiguous:
                return None  # "Hans Telegram-navn": the pronoun, no name
            cand = trimmed
        if cand is None:
            return None
        cand = self._after_client_genitive(cand, facts.client)
        if cand is None:
            return None
        if cand.end <= facts.key_end and not self._person_as_key(text, cand):
            return None  # the label of a "Nøgle: værdi" line is no name
        if any(a < cand.end and cand.start < b for a, b in facts.pattern_spans
               if not (cand.reason == _TAG_REASON and a == cand.start - 1)):
            return None  # inside an address, e-mail or number: not a name on its own
            # (the handle of a tag by name, "@Sofie Brandt", opens the name)
        if any(self.person.street_gap.fullmatch(text, cand.end, a) for a in facts.address_starts
               if a > cand.end):
            return None  # the first words of a street name ("Janus la Cours Gade 12")
        words = cand.text.split()
        if any(len(w.strip("'’")) < 2 for w in words[::max(1, len(words) - 1)]):
            return None  # the first and last word (particles between may be short)
        if len(words) == 1 and cand.text.endswith(".") and len(cand.text) > 2:
            # one word with its full stop is an abbreviation the tokenizer knows ("Kl." for
            # klienten in a telephone note, "Beh.", "Tlf."), no name: a name's full stop
            # ends its sentence and is no part of it (an initial is one letter)
            return None
        lowered = facts.client
        # every word the client's (a genitive of one counts): the first other word ends it
        if all((t := strip_genitive(w).lower()) in lowered
               or any(b in lowered for b in genitive_bases(t)) for w in words):
            return None
        if len(words) > 1:
            toks = [strip_genitive(w).lower() for w in words]
            toks = [next((b for b in genitive_bases(t) if b in lowered), t) for t in toks]
            if self._ordinary_before_client(words, toks, lowered):
                return None  # "Køre Stefan til mødet", "Hente Stefans ting": no one else
        lang = facts.foreign.at(cand.start) if facts.foreign else "da"
        if lang != "da":
            trimmed = _without_function_words(cand, self.foreign.function_words.of(lang))
            if trimmed is not None:
                trimmed = self._from_given_name(trimmed, lang)
            if trimmed is None or not self.foreign_evidence(text, trimmed, lang,
                                                            facts.contacts):
                return None  # "The", "Name", "High", "Heading Paragraph": no evidence
            cand = trimmed
        # a nickname after "kaldet" is a person's by the cue, even an ordinary word
        if self.gazetteer is not None and cand.reason not in ("kaldenavn", _VOCATIVE_REASON) \
                and self._no_person_in(text, cand, facts):
            return None
        if cand.reason != _HEADER_REASON and self.is_term(cand.text):
            return None  # (a sender's name is a name: "Line Stær", whatever "stær" means)
        return cand

    def _person_as_key(self, text: str, cand: NameCandidate) -> bool:
        """A person named as the key of a "Nøgle: værdi" line ("- Vennen Kim Lauge: 35.000
        kr.", "Hanne Thygesen: jeg kommer i morgen", a creditor or a speaker): a name of two
        words or more opening with a known given name that is no ordinary word (the
        policy's ambiguous names: "Bo", "Sol"), or a name
        right after a private role word ("Vennen Kim Lauge"). A label ("Kontaktperson:",
        "Ny adresse:") has neither."""
        words = cand.text.split()
        if self.classifier.cue_before(text, cand.start).kind == "private":
            return True
        return len(words) >= 2 and words[0] in self.given and words[0] not in self.ambiguous

    def _ordinary_before_client(self, words: list[str], toks: list[str],
                                lowered: frozenset[str]) -> bool:
        """Whether a run of capitalised words is the client's name with ordinary Danish
        words beside it and no given name among them: a verb opening a table cell or a
        line before the client's name ("Hente Stefans ting", "Køre Stefan til mødet")."""
        gz = self.gazetteer
        if gz is None or not any(t in lowered for t in toks):
            return False
        given = self._names(surnames=False)
        return all(t in lowered or (gz.is_common(t) and not in_genitive(w, given))
                   for w, t in zip(words, toks, strict=True))

    def _foreign_names(self, text: str, facts: _UnitFacts) -> list[NameCandidate]:
        """Names after a form of address (anywhere); in a foreign sentence, runs that open
        with a given name of another culture (not an ordinary word there) and runs of two
        or three capitalised words right before a phone number or e-mail address
        ("Contact: Ruairi Okonkwo-Blake, +44 20 7946 0958")."""
        out = [NameCandidate(m.start("n"), m.end("n"), m.group("n"), 0.85,
                             "tiltaleform før navnet")
               for m in self.person.addressed.finditer(text)
               if m.group("n").split()[0].lower() not in self.stop_words]
        # a form field that asks for a name: "First Name: Bob", "Nachname: Vogel"
        out += [NameCandidate(m.start("n"), m.end("n"), m.group("n"), 0.85, "navnefelt")
                for m in self.person.name_field.finditer(text)]
        foreign = facts.foreign
        if not foreign:
            return out
        for a, _b, _v in facts.contacts:
            m = self.person.run_before_contact.search(text, max(0, a - 60), a)
            if m and foreign.at(m.start()) != "da" and not any(
                    w.lower() in self.stop_words for w in m.group("n").split()):
                out.append(NameCandidate(m.start("n"), m.end("n"), m.group("n"), 0.7,
                                         "navn før telefon/e-mail"))
        out += self._predicated_foreign_names(text, foreign)
        if not self.foreign.given_names:
            return out
        names = self.foreign.given_names
        for m in _CAP_WORD_RX.finditer(text):
            first = strip_genitive(m.group(0))
            lang = foreign.at(m.start())
            if lang == "da" or first not in names or self.foreign.is_ordinary(first, lang):
                continue
            # the given name and up to two capitalised words after it; the run stops before
            # an ordinary word of the language ("Siobhan Kearney Said")
            end = m.end()
            for _ in range(2):
                nxt = _NEXT_CAP_WORD.match(text, end)
                if nxt is None or self.foreign.is_common(nxt.group(1), lang) or \
                        nxt.group(1).lower() in self.stop_words:
                    break
                end = nxt.end()
            out.append(NameCandidate(m.start(), end, text[m.start():end], 0.8,
                                     "fornavn (udenlandsk navneliste)"))
        return out

    def _predicated_foreign_names(self, text: str, foreign: ForeignSpans
                                  ) -> list[NameCandidate]:
        """In a sentence of another language, one capitalised word inside the sentence
        that does what only a person does ("with Poppy starting school here", "Holly said
        she would call"): a name, though an ordinary word of that language; not a word
        after an article or a determiner ("the Council said"), a place or an
        organisation's word. Removed and flagged (the evidence is the verb alone)."""
        out = []
        gz = self.gazetteer
        for m in self.person.predicated_word.finditer(text):
            n = m.group("n")
            before = text[max(0, m.start() - 20):m.start()].split()
            if foreign.at(m.start()) == "da" or n.lower() in self.stop_words or (
                    before and before[-1].lower() in self.person.foreign_determiners) \
                    or (gz is not None and (gz.is_place(n) or gz.is_foreign_place(n)
                                            or gz.is_org_word(n))):
                continue
            out.append(NameCandidate(m.start("n"), m.end("n"), n, _PREDICATE_SCORE,
                                     _PREDICATE_REASON))
        return out

    def _from_given_name(self, c: NameCandidate, lang: str) -> NameCandidate:
        """A run in a foreign sentence that holds a given name after other words starts at
        the given name: "Toponymy Model Michelle Poirier" -> "Michelle Poirier" (the words
        before it are a heading, not the person's; a name with a form of address before it
        keeps its own evidence)."""
        words = list(re.finditer(r"\S+", c.text))
        if len(words) < 2 or c.reason in _CUED_REASONS:
            return c
        given = self._names(surnames=False)
        for i, w in enumerate(words):
            word = strip_genitive(w.group(0)).strip(",.")
            if word in self.surnames and i == 0:
                return c
            if word in given and not self.foreign.is_ordinary(word, lang):
                if i == 0:
                    return c
                a = w.start()
                return NameCandidate(c.start + a, c.end, c.text[a:], c.score, c.reason)
        return c

    def foreign_evidence(self, text: str, c: NameCandidate, lang: str,
                         contacts: Sequence[tuple[int, int, str]] = ()) -> str:
        """Why the candidate ``c`` in a sentence written in ``lang`` (not Danish) is a
        person ("" when nothing shows it): capitalisation and the Danish NER model's guess
        are no evidence in another language (issue 8 section 4). Evidence: a cue the name
        rules found it by (a nickname cue, a register entry, a family name written first),
        a given name or surname of the policy's name lists (Danish and of many cultures)
        that is no ordinary word of ``lang``, a title or form of address right before it
        (Mr, Mrs, Ms, Dr, Herr, Frau), a role or professional title next to it, or a phone
        number or e-mail address right after it or holding its name."""
        if c.reason in _CUED_REASONS:
            return c.reason
        words = [strip_genitive(w).strip(_QUOTES + ",.()") for w in c.text.split()]
        if all(w.lower() in self.stop_words for w in words):
            return ""  # "Lebensgefährte", "Probation Officer": a role or title, no name
        names = self._names()
        for w in words:
            if len(w) > 1 and (in_genitive(w, names) or _title(w) in names) \
                    and not self.foreign.is_ordinary(w, lang):
                return f"navneliste: {w}"
        if self.person.honorific.search(text[max(0, c.start - 12):c.start]):
            return "tiltaleform før navnet"
        if self.person.id_after.match(text, c.end):
            return "CPR-nummer, fødselsdato eller alder efter navnet"
        before = self.classifier.cue_before(text, c.start)
        if before.kind:
            return f"rolle/titel: {before.cue}"
        after = self.classifier.cue_after(text, c.end)
        if after.kind and after.cue not in self.classifier.weak_cues:
            # ("Herr" after it belongs to the next name)
            return f"rolle/titel: {after.cue}"
        lowered = [w.lower() for w in words if len(w) > 2]
        for a, _b, value in contacts:
            if c.end <= a <= c.end + 50 and "\n" not in text[c.end:a] and \
                    not re.search(r"[.!?]\s", text[c.end:a]):
                return "telefon/e-mail lige efter navnet"
            local = value.split("@", 1)[0] if "@" in value else ""
            if local and any(w in local for w in lowered):
                return "navnet står i en e-mailadresse"
        if self._uncommon_run(words, lang) and not _HOUSE_NUMBER_AFTER.match(text, c.end) \
                and not _HOUSE_NUMBER_BEFORE.search(text[max(0, c.start - 12):c.start]):
            # (next to a house number it is a street: "158 Fu Xing", "Plaza Sotomayor 50")
            return "2-3 sjældne ord med stort (intet almindeligt ord, sted eller organisation)"
        return ""

    def _uncommon_run(self, words: Sequence[str], lang: str) -> bool:
        """Two or three capitalised words none of which is an ordinary word anywhere we know
        ("Tadhg Mulcahy", "Ekwueme Nnamdi"): no function word or vocabulary word of ``lang``
        (its 8,000 most used), no word of the policy's ordinary-word lists (any language,
        Danish included), no organisation or place word, no role, no word in capitals, no
        word the document itself writes in lower case ("Hydrographic Obstacle"). A
        heading or a company is made of ordinary words ("Page Header", "High Street Bank");
        a run of words no list knows is most likely a name, so it goes (fail closed: issue
        8 section 4 only keeps a capitalised *common* word). One word alone never counts."""
        if not 2 <= len(words) <= 3:
            return False
        gz = self.gazetteer
        for word in words:
            parts = [p for p in re.split(r"[-'’]", word) if p]
            if not parts or not word[:1].isupper() or (word.isupper() and len(word) > 1):
                return False
            for part in parts:
                low = part.lower()
                if len(part) < 2 or not part.isalpha() or low in self.lower_words \
                        or self.foreign.is_ordinary(part, lang) \
                        or self.foreign.is_common_anywhere(part) or low in self.stop_words \
                        or low in self.org_words or low in self.places or (gz is not None and (
                            gz.is_common(low) or gz.is_place(part) or gz.is_org_word(part))):
                    return False
        return True

    def _after_client_genitive(self, c: NameCandidate,
                               client: Collection[str]) -> NameCandidate | None:
        """"Maltes TikTok", "Maltes Gitte Holm": a run that opens with the client's name in
        the genitive names what the client has; the words after it are a name only when
        they are two or more or a known name (else the candidate goes). ``client``: the
        client's name tokens in lower case (those of three letters or more count)."""
        if len(c.text.split(maxsplit=1)) < 2:
            return c  # (one word: nothing after a genitive)
        words = list(_NON_SPACE.finditer(c.text))
        first = words[0].group(0) if words else ""
        stem = strip_genitive(first).lower()
        if len(words) < 2 or not _ENDS_IN_GENITIVE.search(first) or \
                not in_genitive(stem, {t for t in client if len(t) > 2}):
            return c
        rest = words[1:]
        if len(rest) == 1 and rest[0].group(0) not in self.given and \
                rest[0].group(0) not in self.surnames:
            return None
        a = rest[0].start()
        return NameCandidate(c.start + a, c.end, c.text[a:], c.score, c.reason)

    def _named_by_verb(self, text: str, client: set[str]) -> list[NameCandidate]:
        """The names a naming verb gives ("Børnene hedder Dijon, Malte og Ilse", "hans
        datter hed Vera"): each capitalised word of the list, when the list has two or more
        or a person stands in the three words before the verb (a private role word or a
        naming subject: "de", "pigen"). Not the client's words, not a stop word."""
        out: list[NameCandidate] = []
        for m in self.person.named_list.finditer(text):
            names = list(_NAMED_WORD.finditer(m.group("list")))
            before = [w.lower() for w in _NAMING_WORD.findall(text[max(0, m.start() - 50):
                                                                   m.start()])][-3:]
            # (a pronoun and its relative: "til en der hedder Kasim")
            if len(names) < 2 and not any(w in self.person.naming_subjects
                                          or self._is_role_word(w) for w in before) \
                    and " ".join(before[-2:]) not in self.person.naming_subjects:
                continue
            base = m.start("list")
            out.extend(NameCandidate(base + n.start(), base + n.end(), n.group(0), 0.8,
                                     "navn efter 'hedder'")
                       for n in names if n.group(0).lower() not in client
                       and n.group(0).lower() not in self.stop_words)
        return out

    def _register_entries(self, text: str) -> list[NameCandidate]:
        """Register entries "HOLM-ESKILDSEN, Vibeke" as one name in the usual order
        ("Vibeke Holm-Eskildsen"), so every later form of either part is found; the span is
        the entry as written. Capitals before a comma that are a stop word, a place or an
        ordinary word ("NB, Husk") are no surname."""
        gz = self.gazetteer
        out = []
        for m in _REGISTER.finditer(text):
            sur, given = m.group("sur"), m.group("given")
            first = given.split()[0]
            parts = re.split(r"[-'’ ]", sur)
            if any(w.lower() in self.stop_words or w.lower() in self.person.not_surnames
                   for w in (*parts, first)):
                continue
            if len(sur) < 3 and first not in self.given:
                continue  # "NB, Husk …": a short abbreviation needs a known given name
            if m.start() > 0 and text[m.start() - 1] in " \t" and len(sur) < 4 and \
                    text[:m.start()].strip():
                continue  # inside a sentence only a longer surname ("til HOLM, Vibeke")
            if gz is not None and (gz.all_places(_title(sur)) or gz.is_place(first) or (
                    gz.is_common(sur.lower()) and _title(sur) not in self.surnames)
                    or (gz.is_common(first.lower()) and first not in self.given)):
                continue
            name = f"{given} {' '.join(_title(w) for w in sur.split())}"
            out.append(NameCandidate(m.start("sur"), m.end("given"), name, 0.85,
                                     _REGISTER_REASON))
        return out

    def _no_person_in(self, text: str, c: NameCandidate, facts: _UnitFacts) -> bool:
        """:meth:`_not_a_person` remembered per text and candidate (its organisation runs
        are the text's own, :meth:`_in_org_run`, weighed when a check needs them)."""
        key = (text, c.start, c.end, c.text, facts.strict, c.text in self.institution_names,
               c.text in self.drug_names)
        hit = self._no_person.get(key)
        if hit is None:
            hit = self._not_a_person(text, c, None, facts.strict)
            if len(self._no_person) > 100_000:
                self._no_person.clear()
            self._no_person[key] = hit
        return hit

    def _in_org_run(self, text: str, c: NameCandidate, inside: bool) -> bool:
        """Whether ``c`` overlaps an organisation run of ``text`` (``inside``: lies
        within one), as :meth:`_org_spans_of` would answer it: the text's runs of
        capitalised words are found once, and a run is weighed (:meth:`Gazetteer.is_org_run`)
        the first time a candidate lies in it, not every run of the text up front."""
        runs = self._org_runs.get(text)
        if runs is None:
            gz = self.gazetteer
            runs = [[a, b, run, None] for a, b, run in gz.capitalised_runs(text)] \
                if gz is not None else []
            if len(self._org_runs) > 100_000:
                self._org_runs.clear()
            self._org_runs[text] = runs
        start, end = c.start, c.end
        for r in runs:
            a, b = r[0], r[1]
            if (a <= start and end <= b) if inside else (a < end and start < b):
                if r[3] is None:
                    assert self.gazetteer is not None
                    r[3] = self.gazetteer.is_org_run(text, a, r[2])
                if r[3]:
                    return True
        return False

    def _not_a_person(self, text: str, c: NameCandidate,
                      org_spans: Sequence[tuple[int, int]] | None = None,
                      strict: bool = False) -> bool:
        """A place, an organisation or an ordinary word, with no private role cue before it
        (a title before a place does not make it a person: "sagsbehandler i Holbæk").
        ``org_spans``: the organisation runs of ``text`` (None: :meth:`_in_org_run`, the
        same answers as :meth:`_org_spans_of`)."""
        gz = self.gazetteer
        assert gz is not None
        if self._foreign_place(text, c) or self._named_institution(text, c) or \
                self._medicine(c):
            return True
        cue = self.classifier.cue_before(text, c.start)
        if cue.kind == "private" or self.person.family_before.search(
                text[max(0, c.start - 12):c.start]):
            if self._in_org_run(text, c, True) if org_spans is None else \
                    any(a <= c.start and c.end <= b for a, b in org_spans):
                # "chauffør hos Nordland Logistik GmbH": a role word before a firm's name
                # makes no person of it (the firm's own word says what it is)
                return True
            # "Warsame-familien i Aarhus", "hans bror på Fanø": a known place after a
            # preposition of place is where they are, not who
            prep = _PLACE_PREPOSITION_BEFORE.search(text[max(0, c.start - 6):c.start])
            if prep is None:
                return False
            # (not the preposition of a cue: "fraskilt fra Thavanesan Kirubakaran")
            return gz.all_places(c.text) or (
                prep.group(1).lower() in ("i", "fra")
                and not (cue.cue or "").endswith(f" {prep.group(1).lower()}")
                and self._small_town(text, c))
        if self._in_org_run(text, c, False) if org_spans is None else \
                any(a < c.end and c.start < b for a, b in org_spans):
            return True
        if gz.all_places(c.text):
            return True
        # "Statsfængslet i Nørre Snede", "Jobcentret på Fanø": where an authority is, a place
        before = _PLAIN_WORD.findall(text[max(0, c.start - 40):c.start])
        if len(before) >= 2 and before[-1].lower() in ("i", "på") and (
                before[-2].lower() in self.org_words
                or before[-2].lower().endswith(self.classifier.located_authority_endings)):
            return True
        words = [strip_genitive(w) for w in c.text.split()]
        given, surnames = self.given, self.surnames
        if any(x in given or x in surnames
               for w in words for x in (*genitive_bases(w), w.title())):
            return False
        if len(words) == 1 and _CAMEL_CASE.fullmatch(words[0]):
            # "NemKonto", "MobilePay", "GCash": a capital inside a word after three small
            # letters is a product's or a firm's name (a person's is "McNeil", "DeLuca")
            return True
        # "Name Role Phone", "Thinking Skills Programme": ordinary words of another language,
        # with no name among them and no role cue before them, are no person in any part
        if all(self.foreign.is_common_anywhere(w) for w in words):
            return True
        # "Genbrugspladsen Næstved", "Svømmehallen i Ringsted": ordinary words and a town,
        # no name among them, is a place in every part (a person's name never ends in a
        # town unless a known given name or surname stands in it, checked above)
        if len(words) > 1 and any(gz.is_place(w) for w in words) and all(
                gz.is_place(w) or gz.is_common(w) for w in words) and any(
                not gz.is_place(w) for w in words):
            return True
        # "Vold", "Løsladelsesmøde", "Grundlæggende CNC-fræsning": ordinary words only; in an
        # unknown part (strict) only a single word is let go (fail closed: "Ford Transit")
        if strict and len(words) > 1:
            return False
        return all(gz.is_common(w) for w in words)

    def _medicine(self, c: NameCandidate) -> bool:
        """A word the document writes right before a dose ("Androcur (cyproteronacetat)
        50 mg", :attr:`PersonPatterns.drug_before_dose`): a medicine's name wherever it
        stands, unless it is a known given name or surname (fail closed)."""
        word = strip_genitive(c.text)
        if word not in self.drug_names and c.text not in self.drug_names:
            return False
        return word not in self.given and word not in self.surnames

    def _small_town(self, text: str, c: NameCandidate) -> bool:
        """A word no list knows right after "i"/"fra" after a role word ("hos sin mor i
        Tinglev", "en ven fra Gørlev"): a town too small for the place list, not the
        relative's name (no name follows "i" there). Not when a word of it is a known given
        name or surname (fail closed), nor a genitive before a noun ("hos sin ven i Alis
        lejlighed")."""
        words = [strip_genitive(w) for w in c.text.split()]
        if any(x in self.given or x in self.surnames or x in self.foreign.given_names
               for w in words for x in (w, w.title())):
            return False
        if has_genitive(c.text) and re.match(r"[ \t]+[a-zæøå]", text[c.end:]):
            return False
        return all(w[:1].isupper() for w in c.text.split())

    def _named_institution(self, text: str, c: NameCandidate) -> bool:
        """The name of the institution a lower-case organisation word names just before it
        here or elsewhere in the document ("forsorgshjemmet Kærholm", "plejehjemmet
        Solbakken"): a place, not a person (the rule: :meth:`Gazetteer.named_institution`)."""
        gz = self.gazetteer
        return gz is not None and gz.named_institution(text, c.start, c.text,
                                                       self.institution_names)

    def _foreign_place(self, text: str, c: NameCandidate) -> bool:
        """A place abroad right after a preposition of place ("i Gdańsk", "til Nova
        Scotia", "from Mogadishu"), or of two words or more anywhere ("British Columbia"),
        with no word a known given name or surname: a place,
        not a person (where it locates a private person's home, the place rule removes it:
        :mod:`.private_places`)."""
        gz = self.gazetteer
        if gz is None or not gz.foreign_places or not gz.is_foreign_place(c.text):
            return False
        pats = self.person
        # (a place of two words or more, written in full, is a place wherever it stands:
        # "discussion with Nova Scotia and British Columbia"; its words are checked below)
        if len(c.text.split()) < 2 and \
                not pats.place_preposition.search(text, max(0, c.start - 8), c.start) and not (
                re.search(r",[ \t]*$", text[max(0, c.start - 3):c.start])
                and re.match(r"[ \t]*[),;.]", text[c.end:c.end + 2])):
            # (", Lahore)", ", Gdańsk.": a place abroad after a comma, closing the phrase)
            # "i Mogadishu, Hargeisa og Kismayo": coordinated with a place abroad
            m = pats.after_places.search(text, max(0, c.start - 80), c.start)
            if m is None or not any(gz.is_foreign_place(p.strip()) for p in
                                    pats.place_list_split.split(m.group("places"))):
                return False
        names = self._names()
        return not any(w in names or strip_genitive(w) in names for w in c.text.split())

    def _word_kind(self, word: str) -> int:
        """What :meth:`_clean_ner` asks of one word of an entity, remembered per word (the
        NER scope asks it of every word of every shape an entity could have): an
        organisation word (:data:`_ORG_WORD`), no name's first word (a stop word, a
        lower-case word or a title: :data:`_NO_FIRST`), no name's last word
        (:data:`_NO_LAST`)."""
        kind = self._word_kinds.get(word)
        if kind is None:
            low = word.lower()
            stop = low in self.stop_words or not word[:1].isupper()
            kind = (_ORG_WORD if low.strip(",.") in self.org_words else 0) \
                | (_NO_FIRST if stop or self.classifier.is_title(word) else 0) \
                | (_NO_LAST if stop else 0)
            if len(self._word_kinds) < 100_000:
                self._word_kinds[word] = kind
        return kind

    def _clean_ner(self, text: str, e: NerEntity) -> NameCandidate | None:
        words = e.text.split()
        kinds = [self._word_kind(w) for w in words]
        if any(k & _ORG_WORD for k in kinds):
            return None  # "Lejerbo Kolding", "Næstved Boxing Club": an organisation
        # (a title opens no name, also a compound one: "Familiebehandler Omar Haddou")
        lo, hi = 0, len(words)
        while lo < hi and kinds[lo] & _NO_FIRST:
            lo += 1
        while lo < hi and kinds[hi - 1] & _NO_LAST:
            hi -= 1
        words = words[lo:hi]
        if not words:
            return None
        sub = " ".join(words)
        start = text.find(sub, e.start)
        if start < 0:
            return None
        if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
            return None  # acronym
        if self._after_place_word(text, start):
            return None
        return NameCandidate(start, start + len(sub), sub, e.score, "NER")

    def _after_place_word(self, text: str, start: int) -> bool:
        """Whether the word before ``start`` is a capitalised stop word that is no role
        word, with no comma or bracket after it: "Jobcenter Randers", "Statsfængslet
        Nyborg" are part of a name of a place (a role word is none: "Kæreste: Sabrina
        Holt", "Mor Helle Lindholm"); a comma or a bracket ends the place's name
        ("Boligsocialt Team (Bent Lauritzen)", "Team, Bent Lauritzen": the person after
        it). Remembered per text and position: the NER scope asks it of every shape that
        cleans to a candidate starting there."""
        key = (text, start)
        hit = self._place_word_memo.get(key)
        if hit is None:
            prev = _WORD_BEFORE.search(text, max(0, start - 30), start)
            hit = bool(prev and prev[1].lower() in self.stop_words and prev[1][:1].isupper()
                       and prev[1].lower() not in self.classifier.role_cues
                       and "," not in prev[2] and "(" not in prev[2])
            if len(self._place_word_memo) > 100_000:
                self._place_word_memo.clear()
            self._place_word_memo[key] = hit
        return hit

    def _lower_case_after_role(self, text: str, client: set[str]) -> list[NameCandidate]:
        """A name written in lower case right after a possessive and a family or friendship
        word, as chats and text messages write it ("hans fætter ronaldo ringede", "min bror
        kim"): a word that is no ordinary Danish word, no stop word and not the client's
        (a victim's or co-offender's cue is no such word: "job som chauffør via …")."""
        gz = self.gazetteer
        if gz is None or gz.common_word is None:
            return []  # without the word list every lower-case word would look like a name
        if self._role_words().isdisjoint(_LETTER_RUN.findall(text.lower())):
            # (the role both patterns find is a whole run of letters, and a match whose
            # role is no role word gives nothing: a text without one gives nothing)
            return []
        out = []
        matches = list(self.person.lower_after_role.finditer(text))
        if _CHATTY.search(text):
            # a message writes the role without a possessive: "husk at ringe til tante
            # grethe", "farmor inge siger hej"
            matches += [m for m in self._bare_role_rx().finditer(text)
                        if not any(x.start() <= m.start() < x.end() for x in matches)]
        for m in matches:
            role, word = m.group(1).lower(), m.group(2)
            # a given name that is also an ordinary word is a name here, right after the
            # role ("min bror kim", "min kæreste sol er gravid": no noun follows a role so)
            named = word.capitalize() in self.ambiguous and not _DIGIT_AFTER.match(
                text, m.end() + len(word))
            if not self._is_role_word(role) or self.classifier.role_cues[role][0] in \
                    self.narrative_roles or word in self.stop_words or word in client \
                    or (gz.is_common(word) and not named) or gz.is_place(word) \
                    or (self.is_term(word) and not named) \
                    or self.foreign.is_common_anywhere(word) \
                    or any(word in ws
                           for ws in self.foreign.function_words.by_language.values()):
                # ("his mother was ill", "hans far eller hans mor")
                continue
            out.append(NameCandidate(m.end(), m.end() + len(word), word, 0.7,
                                     "lille navn efter rolle"))
        return out

    def _quoted_person_subjects(self, text: str, client: set[str]) -> list[NameCandidate]:
        """A quoted name that a sentence says is a person ("\"Tykke\" er en person i
        Brejning", "»Bassen« var hans gamle kammerat"): a nickname, though an ordinary word,
        and never the client's."""
        if not any(q in text for q in _QUOTES):
            return []
        out = []
        for m in self.person.quoted_person.finditer(text):
            noun, n = m.group("noun").lower(), m.group("n")
            if n.lower() in client or n.lower() in self.stop_words or not (
                    noun in self.person.person_nouns or self._is_role_word(noun)):
                continue
            out.append(NameCandidate(m.start("n"), m.end("n"), n, 0.85, "kaldenavn"))
        # ... or that does what a person does, or sends a message ("\"Tyren\" har skrevet
        # til ham", "en sms fra »Myren«"): a nickname, though an ordinary or a role word
        for rx in (self.person.quoted_actor, self.person.quoted_sender,
                   self.person.quoted_identified):
            for m in rx.finditer(text):
                n = m.group("n")
                if n.lower() in client or (n.lower() in self.stop_words
                                           and not self._is_role_word(n.lower())):
                    continue
                out.append(NameCandidate(m.start("n"), m.end("n"), n, 0.85, "kaldenavn"))
        # ... or a party of a quoted message's header ("Danny til \"Bamse\", 14.07.2023:")
        for m in self.person.message_header.finditer(text):
            for q in _QUOTED_WORD.finditer(text, m.start("head"), m.end("head")):
                n = q.group("n")
                if n.lower() in client or (n.lower() in self.stop_words
                                           and not self._is_role_word(n.lower())):
                    continue
                out.append(NameCandidate(q.start("n"), q.end("n"), n, 0.85, "kaldenavn"))
        return out

    def _short_forms_in_brackets(self, text: str, client: set[str]) -> list[NameCandidate]:
        """A short form of a given name in brackets right after it ("Daniel (Dan)",
        "Katharina (Kat)"): the bracketed word begins the name before it, and that name is
        a given name of the lists, so both are one person's (never the client's: his own
        short form is his name, K1). An abbreviation of an ordinary word ("Department
        (Dep)") has no given name before it."""
        out = []
        given = self._names(surnames=False)
        for m in _SHORT_FORM_IN_BRACKETS.finditer(text):
            full, short = m.group("full"), m.group("n")
            if full.lower() in client or short.lower() in client or full not in given or \
                    not full.lower().startswith(short.lower()) or len(short) >= len(full) \
                    or short.lower() in self.stop_words:
                continue
            out.append(NameCandidate(m.start("n"), m.end("n"), short, 0.85,
                                     "kortform af navnet før"))
        return out

    def _lower_case_given_names(self, text: str, client: set[str]) -> list[NameCandidate]:
        """A known given name written in lower case where people write names so: a text
        written all in lower case (a note typed on a phone: "siger kærsten dennis er flyttet
        ud", "lukas er hos farmor"; a line of six words or more with no capital letter that
        opens a word), a message of a time-stamped chat line ("[10:16] Hanne: … ud med
        tobias") or a quotation: a name of the given-name lists or of the names most borne
        in the population (``population_given``: "vi ses ved jackie"), when the word is no
        ordinary Danish word, no stop word, no role word, no place, not the client's and
        never written with its capital in the document."""
        gz = self.gazetteer
        if gz is None or gz.common_word is None:
            return []
        if not _OPENS_CAPITAL.search(text) and len(text.split()) >= 6:
            spans = [(0, len(text))]
        else:
            spans = _message_spans(text)
        out = []
        for m in (w for a, b in spans for w in _LOWER_WORD_3.finditer(text, a, b)):
            word = m.group(0)
            # (a name the document also writes with its capital is read by the name rules,
            # in every form: "ring til ulla" of "Ulla Bjerre Madsen, handleplansansvarlig")
            cap = word.capitalize()
            if (cap not in self.given and cap not in self.population_given) or word in client \
                    or cap in self._capital_words \
                    or word in self.stop_words or word.capitalize() in self.ambiguous \
                    or self._is_role_word(word) or gz.is_common(word) \
                    or gz.is_place(word.capitalize()) or self.is_term(word) \
                    or self.foreign.is_common_anywhere(word):
                continue
            out.append(NameCandidate(m.start(), m.end(), word, 0.75, "kaldenavn"))
        return out

    def _coordinated_lower(self, text: str, names: Sequence[NameCandidate],
                           client: set[str]) -> list[NameCandidate]:
        """A given name that is also an ordinary word ("storm", "sol"), in lower case and
        joined by "og"/"eller" to a name found in lower case (:meth:`_lower_case_given_names`):
        "storm og tobias har skrevet til mig", "tobias og storm": two persons."""
        out: list[NameCandidate] = []
        for c in names:
            for m in (_LOWER_BEFORE_AND.search(text, max(0, c.start - 24), c.start),
                      _LOWER_AFTER_AND.match(text, c.end)):
                if m is None:
                    continue
                word = m.group("n")
                # (a given name that is also a word, or a word no language we know: "musse
                # og liban er her", "liban og musse")
                if (word.capitalize() not in self.ambiguous
                        and not self._unknown_word(word, client)) or word in client \
                        or word in self.stop_words or any(
                            x.start == m.start("n") for x in (*names, *out)):
                    continue
                out.append(NameCandidate(m.start("n"), m.end("n"), word, 0.85,
                                         "sideordnet med navn"))
        return out

    def _person_objects(self, text: str, client: set[str]) -> list[NameCandidate]:
        """An unknown word in lower case after a verb whose object is a person, inside a
        message of a time-stamped chat line or a quotation ("sig til dolle at jeg ikke vil",
        "hils mikka"), or one that opens a clause there before its finite verb ("tomek
        henter dig", "at zuzia ikke skal se ham"): a name or nickname no list knows, when it
        is no ordinary word of any language we know, no stop, role or chat word, no place and
        not the client's.
        Flagged for review (the shape alone tells it)."""
        gz = self.gazetteer
        if gz is None or gz.common_word is None:
            return []
        spans = _message_spans(text)
        out: list[NameCandidate] = []
        matches = [(m, rx is self.person.person_subject) for a, b in spans
                   for rx in (self.person.person_object, self.person.person_subject)
                   for m in rx.finditer(text, a, b)]
        prose: str | None = None  # the text outside the messages (made when needed)
        for m, subject in matches:
            word = m.group("n")
            if subject:
                # a word the writer uses in lower case in his own prose is an ordinary word
                # ("har ikke brugt …", then '"ikke vil tilbage"'): no name
                if prose is None:
                    prose = _blanked(text, spans)
                if re.search(rf"(?<![\w\-]){re.escape(word)}(?![\w\-])", prose) \
                        or (_SUBJECT_AFTER_VERB.match(text, m.end()) and not (
                            m.group("v") in self.person.person_speech_verbs
                            and word.capitalize() in self.given)):
                    # (a subject right after the verb: the word before it is a fronted
                    # adverb, "bagefter skal vi ses"; after a verb of saying, before a given
                    # name, it opens the reported clause: "lærke siger hun henter os")
                    continue
            if not self._unknown_word(word, client) and not (
                    subject and m.group("v") in self.person.person_speech_verbs
                    and word.capitalize() in self.ambiguous and word not in client
                    and word not in self.stop_words):
                # (a given name that is also a word is a person's before a verb only a
                # person does: "lærke siger hun henter os", "storm skrev i går")
                continue
            out.append(NameCandidate(m.start("n"), m.end("n"), word, 0.6,
                                     _VOCATIVE_REASON))
        return out

    def _signed_off(self, text: str, client: set[str]) -> list[NameCandidate]:
        """The sender's name or nickname that signs a quoted or chat message off after a
        slash or a dash, as its last word ("… hvis det er /sabbi"", "… ses i morgen - tulle"):
        a person, when the word is a given name or a word no language we know, no stop, role
        or chat word and not the client's. Flagged for review (the shape alone tells it)."""
        if "/" not in text and "-" not in text and "–" not in text:
            return []
        spans = _message_spans(text)
        out: list[NameCandidate] = []
        for a, b in spans:
            m = _SIGN_OFF.search(text[a:b])
            if m is None:
                continue
            word = m.group("n")
            low = word.lower()
            if low in client or not (self._unknown_word(low, client) or (
                    word.capitalize() in self.given and low not in self.stop_words
                    and not self._is_role_word(low) and low not in self.person.chat_words)):
                continue
            out.append(NameCandidate(a + m.start("n"), a + m.end("n"), word, 0.7,
                                     _VOCATIVE_REASON))
        return out

    def _unknown_word(self, word: str, client: set[str]) -> bool:
        """Whether the lower-case ``word`` of a message may be a name no list knows: no
        ordinary word of any language we know, no stop, role or chat word, no place, no term
        and not the client's."""
        gz = self.gazetteer
        return not (gz is None or gz.common_word is None or word in client
                    or word in self.stop_words or self._is_role_word(word)
                    or word in self.person.chat_words or gz.is_common(word)
                    or gz.is_place(word.capitalize()) or self.is_term(word)
                    or self.foreign.is_common_anywhere(word)
                    or any(self.foreign.is_ordinary(word, lang)
                           for lang in self.foreign.vocabulary))

    def _vocatives(self, text: str, client: set[str]) -> list[NameCandidate]:
        """The person a quoted message speaks to, in lower case as the first word of the
        message before a pronoun or a comma ("malle jeg ved godt du ikke vil høre fra mig",
        "sosse, ring til mig"): a name (a pet name no list knows), when the word is no
        ordinary word of any language we know, no stop word, no role word, no place and
        not the client's. Flagged for review (the shape alone tells it)."""
        gz = self.gazetteer
        if gz is None or gz.common_word is None or not any(q in text for q in "\"“„«»"):
            return []
        out = []
        for q in _QUOTED.finditer(text):
            m = _VOCATIVE.match(text, q.start())
            if m is None:
                continue
            word = m.group("n")
            if word in client or word in self.stop_words or self._is_role_word(word) \
                    or word in self.person.chat_words \
                    or gz.is_place(word.capitalize()) or self.is_term(word) \
                    or self.foreign.is_common_anywhere(word) \
                    or any(self.foreign.is_ordinary(word, lang)
                           for lang in self.foreign.vocabulary) \
                    or word.capitalize() in self._capital_words \
                    or any(word in ws for ws in self.foreign.function_words.by_language.values()):
                continue
            if gz.is_common(word) and not self._pet_form(word):
                continue  # ("godt du kom": a word; "malle" of Maria-Louise: a pet name)
            out.append(NameCandidate(m.start("n"), m.end("n"), word, 0.6, _VOCATIVE_REASON))
        return out

    def _pet_form(self, word: str) -> bool:
        """Whether ``word`` may be a pet form of a given name the document writes: its
        first three letters are those of a known given name there ("sus…" of "Susanne"), or
        it opens with the first two letters of a hyphenated name and the first letter of its
        second part follows ("malle" of "Maria-Louise")."""
        texts = self._read_texts or []
        if self._doc_given[0] is not texts:
            self._doc_given = (texts, frozenset(
                w for t in texts for w in _DOC_NAME_WORD.findall(t)
                if any(p in self.given for p in w.split("-"))))
        for cap in self._doc_given[1]:
            parts = cap.split("-")
            if not any(p in self.given for p in parts):
                continue
            low = [p.lower() for p in parts]
            if low[0][:3] == word[:3] or (len(low) > 1 and word.startswith(low[0][:2])
                                           and low[1][:1] in word[2:4]):
                return True
        return False

    def _role_words(self) -> frozenset[str]:
        """The private role words of one word (:meth:`_is_role_word`): every role
        :meth:`_lower_case_after_role` keeps a name after is one of them, in lower case
        (built once per classifier)."""
        cues = self.classifier.role_cues
        key = (id(cues), id(self.classifier.weak_cues))
        if self._role_word_set is None or self._role_word_set[0] != key:
            self._role_word_set = (key, frozenset(
                c for c in cues if self._is_role_word(c) and " " not in c and c.isalpha()))
        return self._role_word_set[1]

    def _bare_role_rx(self) -> re.Pattern[str]:
        """A private role word (one word, not a weak cue) and the lower-case word after it,
        for :meth:`_lower_case_after_role` in chat lines (built once per classifier)."""
        cues = self.classifier.role_cues
        key = id(cues)
        if self._bare_role is None or self._bare_role[0] != key:
            words = sorted((c for c in cues if " " not in c and c.isalpha() and c.islower()
                            and c not in self.classifier.weak_cues), key=len, reverse=True)
            self._bare_role = (key, required_gate(re.compile(
                rf"(?<![\w\-])({'|'.join(map(re.escape, words)) or '(?!)'})[ \t]+"
                r"(?=([a-zæøå][a-zæøåé]{2,15})(?![\w@.\-]))")))
        return self._bare_role[1]

    def _lower_case_senders(self, text: str, client: set[str]) -> list[NameCandidate]:
        """The quoted sender or receiver of a message in lower case, as a phone shows a
        contact ("Fra: "mati 🇨🇱"", "Til: 'jonse'"): a person, when the label is one word
        that is no ordinary word, no role word, no stop word and not the client's."""
        gz = self.gazetteer
        if gz is None or gz.common_word is None or not any(q in text for q in "\"“'«»"):
            return []
        out = []
        for m in self.person.lower_sender.finditer(text):
            word = m.group("n")
            low = word.lower()
            if low in self.stop_words or low in client or self._is_role_word(low) \
                    or gz.is_common(low) or gz.is_place(word) or self.is_term(word) \
                    or self.foreign.is_common_anywhere(low) \
                    or any(low in ws
                           for ws in self.foreign.function_words.by_language.values()):
                continue
            out.append(NameCandidate(m.start("n"), m.end("n"), word, 0.85, "kaldenavn"))
        return out

    def _more_nicknames(self, text: str, pos: int, client: set[str]
                        ) -> list[tuple[NameCandidate, str]]:
        """The quoted nicknames that continue a list after the first ("øgenavne:
        "Tjekkeren", "Lange Lars" og "Pingo"")."""
        out = []
        while (m := self.person.nickname_more.match(text, pos)) is not None:
            n = m.group("n")
            if n.lower() not in client:
                out.append((NameCandidate(m.start("n"), m.end("n"), n, 0.85, "kaldenavn"),
                            "names"))
            pos = m.end()
        return out

    def _header_names(self, text: str) -> list[NameCandidate]:
        """The display name in a mail header's address line ("Fra: Line Stær
        <linestaer88@…>", "> Til: Line Stær") or in the line above a quoted message ("…
        skrev Sol Stær <sol@live.dk>:"): a person when it opens with a known given name
        (also one that is an ordinary word, "Line"), whatever the words after it."""
        if ":" not in text:
            return []
        m = _HEADER_NAME.match(text)
        if m is None or m.group("k").lower() not in self._mail_header_keys:
            m = self.person.attribution.search(text) if "@" in text else None
            if m is None:
                return []
        n = m.group("n")
        if n.split()[0] not in self.given:
            return []
        return [NameCandidate(m.start("n"), m.end("n"), n, 0.85, _HEADER_REASON)]

    def _tagged_names(self, text: str, lowered_client: set[str]) -> list[NameCandidate]:
        """A person tagged by the full name in a post ("tak til min skat @Sofie Brandt",
        "@Jonas Egholm Vinter"): the name after "@", capitalised words that open with a
        known given name or end with a surname, is the person's (the tag is their handle,
        the name their name: every other form of it goes too)."""
        if "@" not in text:
            return []
        out = []
        endings = tuple(self.person.words["strong_surname_endings"])
        for m in _TAGGED_NAME.finditer(text):
            n = m.group("n")
            words = n.split()
            last = words[-1].split("-")[-1]
            if not (words[0] in self.given or last in self.surnames
                    or last.lower().endswith(endings)) \
                    or any(w.lower() in lowered_client or w.lower() in self.org_words
                           or w.lower() in self.places for w in words):
                continue
            out.append(NameCandidate(m.start("n"), m.end("n"), n, 0.85, _TAG_REASON))
        return out

    @property
    def _mail_header_keys(self) -> frozenset[str]:
        words = self.classifier.ownership_words or default_words("ownership_words")
        return words.set("mail_header_keys")

    def _is_role_word(self, word: str) -> bool:
        """A private role word (mor, bror, kæresten), not a weak cue."""
        cues = self.classifier.role_cues
        return word in cues and word not in self.classifier.weak_cues

    def _offence_sentence(self, text: str, at: int) -> bool:
        """Whether the sentence of ``text`` around ``at`` tells of the offence."""
        for sp in sentences(text, self._sentence_words):
            if sp.start <= at < sp.end:
                return self.tells_offence(text[sp.start:sp.end])
        return self.tells_offence(text)

    def _decide(self, name: str, votes: list[tuple[Verdict, NameCandidate, str]]) -> Person:
        strong_private = [v for v, _, _ in votes if v.kind == "private" and v.strong]
        pro = [v for v, _, _ in votes if v.kind == "professional"]
        score = max(c.score for _, c, _ in votes)
        if len({d for _, _, d in votes}) > 1:
            score = min(0.99, score + 0.1)  # NER and the name rules agree
        detectors = {d for _, _, d in votes}
        reasons = sorted({c.reason for _, c, _ in votes})
        if pro and not strong_private and all(v.cue == _SIGNED and not v.strong
                                              for v in pro):
            # a name signed under a closing, and nothing else in the document shows an
            # office (no title, organisation or authority address in the block, no mail
            # from an authority in that name): a relative or a friend may have written.
            # Fail closed: removed and flagged for the caseworker
            return Person(name, "private", score=_UNCLEAR_SIGNER, detectors=detectors,
                          reasons=["underskrift uden titel eller myndighed: ejer uklar, "
                                   "fjernet, gennemse", *reasons])
        if pro and not strong_private:
            # the best evidence of the office: a strong cue, else any but a bare signature
            best = next((v for v in pro if v.strong and not self._courtesy(v.cue)), None) \
                or next((v for v in pro if v.strong), None) or \
                next((v for v in pro if v.cue != _SIGNED), pro[0])
            # (a greeting or a closing alone, "Hej Line", "Hilsen Line", shows no office:
            # the name stays, but a number after it is not shown to be theirs)
            return Person(name, "professional", score=score, detectors=detectors,
                          reasons=[f"titel/rolle: {best.cue}", *reasons],
                          office=best.cue != _SIGNED and not self._courtesy(best.cue))
        roles = [v.role for v, _, _ in votes if v.kind == "private" and v.role]
        role = _best_role(roles, self.classifier)
        why = f"rolle: {strong_private[0].cue}" if strong_private else "privatperson (ingen titel)"
        if strong_private:
            score = max(score, 0.9)
        return Person(name, "private", role=role, score=score, detectors=detectors,
                      reasons=[why, *reasons])

    def _writes_privately(self, name: str, private_locals: Sequence[str]) -> bool:
        """Every word of a name of two words or more stands in one private mail address's
        local part ("Rose Hedegaard", rose.hedegaard@outlook.dk)."""
        words = [w for w in name.split() if len(w) > 2]
        if len(words) < 2 or not private_locals:
            return False
        forms = [folded_forms(strip_genitive(w)) for w in words]
        return any(all(any(f in local for f in fs) for fs in forms)
                   for local in private_locals)

    def _courtesy(self, cue: str | None) -> bool:
        """A greeting or a letter's closing ("hej", "kære", "hilsen", "mvh"): no title."""
        if not cue:
            return False
        words = self.classifier.ownership_words or default_words("ownership_words")
        return cue in self.person.closing_keys or cue in words.set("greetings")

    def _merge(self, people: list[Person]) -> list[Person]:
        """Fold single-word mentions into the full name they belong to ("Nanna")."""
        multi = [p for p in people if len(p.tokens) > 1]
        # "Anders Thorups note": the genitive of a full name is that person
        names = {tuple(p.tokens) for p in multi}
        multi = [p for p in multi if not (
            has_genitive_s(p.tokens[-1]) and (*p.tokens[:-1], p.tokens[-1][:-1]) in names)]
        # "Else Rugs datter" and no other mention of the full name: the person is "Else Rug"
        # when "Rug" is a known surname (so "Else Rug," elsewhere is found whole)
        for p in multi:
            last = p.tokens[-1]
            if has_genitive_s(last) and last not in self.surnames and last[:-1] in self.surnames:
                p.name = " ".join((*p.tokens[:-1], last[:-1]))
        out = list(multi)
        for p in people:
            if len(p.tokens) > 1:
                continue
            owners = [m for m in multi if p.name in m.tokens]
            if not owners and has_genitive_s(p.name):  # "Siris": genitive of a known name
                owners = [m for m in multi if genitive_bases(p.name)[-1] in m.tokens]
            if owners:
                owner = owners[0]
                if p.kind == "private" and owner.kind == "private" and not owner.role:
                    owner.role = p.role
                if owner.kind == "professional" and p.kind == "private" and p.role:
                    # a single word that is also a private person's name: keep both views
                    out.append(p)
                continue
            out.append(p)
        # a private single-word person that is a professional's token stays private only
        # if it had a strong private cue (role); otherwise it is the professional.
        return out

    # -- pass 2 -------------------------------------------------------------------------
    def mentions(self, text: str, ents: CaseEntities,
                 blocked: Sequence[tuple[int, int]] = (),
                 forms: Sequence[tuple[str, Person]] | None = None) -> list[Mention]:
        """Every mention of a known person in ``text`` (longest first, no overlaps), outside
        the ``blocked`` spans (addresses, e-mails and numbers found by the patterns).
        ``forms``: :meth:`mention_forms` of ``ents``, when the caller has them already."""
        if forms is None:
            forms = self.mention_forms(ents)
        taken: list[tuple[int, int]] = list(blocked)
        out: list[Mention] = []
        tables = self._form_tables(forms)
        for form, person, lower in tables.present(text):
            # a name found in lower case that is also an ordinary word ("storm", "sol"): not
            # where the word is used as a word ("en storm", "at bo")
            as_word = form.islower() and form.capitalize() in self.ambiguous
            for m in name_pattern(form, lower).finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                if as_word and self._used_as_word(text, m.start()):
                    continue
                taken.append((m.start(), m.end()))
                out.append(Mention(m.start(), m.end(), m.group(0), person))
        # a hashtag that holds a private person's name ("#nannakrogh", "#FrejasMor")
        if "#" in text:
            for m in _HASHTAG.finditer(text):
                tag = m.group(0).lower()
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                for form, person in forms:
                    if person.kind == Owner.PRIVATE and len(form) > 3 and \
                            form.replace(" ", "").lower() in tag:
                        taken.append((m.start(), m.end()))
                        out.append(Mention(m.start(), m.end(), m.group(0), person))
                        break
        if "_" in text or "." in text:
            out.extend(_joined_token_mentions(text, tables.joined_words(), taken))
        out.extend(self.quoted_lower_mentions(text, forms, taken))
        out = [m for m in out if not any(a <= m.start < b for a, b in blocked)]
        return sorted(out, key=lambda m: m.start)

    def _form_tables(self, forms: Sequence[tuple[str, Person]]) -> _FormTables:
        """What :meth:`mentions` derives from ``forms``, worked out once per forms list
        (the engine passes the same list for every unit of a document)."""
        cached = self._tables
        if cached is not None and cached.forms is forms and cached.size == len(forms):
            return cached
        prepared = []
        by_key: dict[tuple[str, bool], list[int]] = {}  # many forms share their first word
        for k, (form, person) in enumerate(forms):
            lower = person.kind == Owner.PRIVATE and self._lower_case_ok(form)
            prepared.append((form, person, lower))
            by_key.setdefault((form.split()[0], lower), []).append(k)
        keys = [(first, first.upper(), lower, first.lower(), tuple(ks))
                for (first, lower), ks in by_key.items()]
        self._tables = _FormTables(forms, len(forms), prepared, keys)
        return self._tables

    def _lower_case_ok(self, form: str) -> bool:
        """A private name may be searched in lower case when no word of it is an ordinary
        Danish word, a stop word or too short ("bo", "sten", "lykke" stay capitalised only)."""
        key = (form, id(self.gazetteer), id(self.foreign))
        hit = self._lower_ok.get(key)
        if hit is None:
            if len(self._lower_ok) > 100_000:
                self._lower_ok.clear()
            hit = self._lower_ok[key] = self._lower_case_ok_uncached(form)
        return hit

    def _lower_case_ok_uncached(self, form: str) -> bool:
        gz = self.gazetteer
        for w in form.split():
            low = w.lower()
            if len(w) < 3 or low in self.stop_words or w in self.ambiguous or (
                    gz is not None and (gz.is_common(low) or gz.is_place(w))) or \
                    self.foreign.is_common_anywhere(low):
                return False
        return True

    def _particle_variants(self, token: str) -> list[str]:
        """"al-Qudsi" is also written "Qudsi" and, in file names and handles, "alQudsi"."""
        m = self.person.particle_variant.fullmatch(token)
        if not m or m.group(2).lower() in self.stop_words:
            return []
        gz = self.gazetteer
        if gz is not None and (gz.is_common(m.group(2).lower()) or gz.is_place(m.group(2))):
            return [m.group(1) + m.group(2)]
        return [m.group(2), m.group(1) + m.group(2), m.group(1).title() + m.group(2)]

    def quoted_lower_mentions(self, text: str, forms: Sequence[tuple[str, Person]],
                              taken: Sequence[tuple[int, int]]) -> list[Mention]:
        """A private person's first name that is also an ordinary word ("Bo", "Storm"), in
        lower case inside a quoted message ("du ser aldrig bo igen"): people write names in
        lower case in text messages. Only for a person surely private (a role or a name cue)
        and never where the word is used as a word: after "at", a modal verb or an article
        ("kan bo hos hende", "en storm")."""
        spans = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
        if ":" in text:
            spans.extend(_chat_messages(text, self._form_tables(forms)))
        if not spans:
            return []
        out: list[Mention] = []
        used = list(taken)
        for form, person in forms:
            if person.kind != Owner.PRIVATE or person.score < 0.8 or " " in form \
                    or len(form) < 2 or self._lower_case_ok(form):
                continue  # other forms are found in lower case by mentions() already
            # (a dash after a space is a sign-off, "… til fredag. -bulder"; a hyphen inside a
            # word joins a compound)
            rx = re.compile(rf"(?<![^\W_]|[@.#])(?<![^\W_]-){re.escape(form.lower())}"
                            rf"(?![^\W_]|[@\-])")
            for a, b in spans:
                for m in rx.finditer(text, a, b):
                    if self._used_as_word(text, m.start(), a):
                        continue
                    if any(x < m.end() and m.start() < y for x, y in used):
                        continue
                    used.append((m.start(), m.end()))
                    out.append(Mention(m.start(), m.end(), m.group(0), person))
        out.extend(self._pet_names(text, forms, spans, used))
        return out

    def _pet_names(self, text: str, forms: Sequence[tuple[str, Person]],
                   spans: Sequence[tuple[int, int]], used: list[tuple[int, int]]
                   ) -> list[Mention]:
        """A pet name made of a private person's given name and an ending, in lower case in
        a message ("tak rikkemus" of Rikke, "hej jonnebassen"): that person, when the word is
        no ordinary word and no other given name."""
        gz = self.gazetteer
        if gz is None or gz.common_word is None:
            return []
        out: list[Mention] = []
        names = self._names()
        for form, person in forms:
            if person.kind != Owner.PRIVATE or person.score < 0.8 or " " in form \
                    or len(form) < 4 or form not in self.given:
                continue
            rx = re.compile(rf"(?<![^\W_]|[@.#\-]){re.escape(form.lower())}[a-zæøå]{{2,6}}"
                            r"(?![^\W_]|[@\-])")
            for a, b in spans:
                for m in rx.finditer(text, a, b):
                    word = m.group(0)
                    if gz.is_common(word) or word.capitalize() in names \
                            or word in self.stop_words or any(
                                x < m.end() and m.start() < y for x, y in used):
                        continue
                    used.append((m.start(), m.end()))
                    out.append(Mention(m.start(), m.end(), word, person))
        return out

    def _used_as_word(self, text: str, at: int, begin: int = 0) -> bool:
        """Whether the word at ``at`` follows an article, "at" or a modal verb in its own
        sentence ("en storm", "kan bo hos hende"): the ordinary word, no name (the words
        before it from ``begin``; "husk det. -torden" signs)."""
        near = re.split(r"[.!?]\s|\s[-–—]", text[max(begin, at - 20):at])
        before = re.findall(r"[\wæøå]+", near[-1])
        return bool(before) and before[-1].lower() in self.person.word_use_before

    def _name_parts(self, token: str, ents: CaseEntities) -> list[str]:
        """The parts of a hyphenated name word ("Nanna-Sofie" -> "Nanna", "Sofie"): each
        names the person alone (signed "/nanna" in a message)."""
        if "-" not in token:
            return []
        gz = self.gazetteer
        return [part for part in token.split("-")
                if len(part) > 2 and part[:1].isupper() and part not in ents.protected_tokens
                and part.lower() not in self.stop_words
                and not (gz is not None and (gz.is_place(part) or (
                    part not in self.given and gz.is_common(part))))]

    def _short_forms(self, p: Person, ents: CaseEntities,
                     client_tokens: set[str]) -> list[str]:
        """Capitalised words of the document that cut a private person's first name short
        ("Flori" for Florentina, signing a message; "Magda" for Magdalena): the name's
        first four letters or more, then at most two others, at least two letters fewer
        than the name; no ordinary word and no word of the client's or a professional's
        name."""
        first = p.tokens[0] if p.tokens else ""
        if len(p.tokens) < 2 or len(first) < 6 or not self._capital_words:
            return []
        gz = self.gazetteer
        return [w for w in self._capital_words
                if 4 <= len(w) <= len(first) - 2 and _shares_start(w, first)
                and w not in ents.protected_tokens and w not in client_tokens
                and w.lower() not in self.stop_words and w.lower() not in self.lower_words
                and not (gz is not None and gz.is_common(w))]

    def _addressed_surname(self, p: Person) -> list[str]:
        """A private person's surname that is also a stop word (a role: "Munk", "Præst"),
        after a form of address ("Fru Munk", "hr. Præst"): that person, though the word
        alone is no form of the name."""
        tokens = p.tokens
        if len(tokens) < 2 or tokens[-1].lower() not in self.stop_words:
            return []
        sur = tokens[-1]
        return [f"{t}{dot} {sur}" for title in self.person.address_titles
                for t in (title, title.lower()) for dot in ("", ".")]

    def mention_forms(self, ents: CaseEntities) -> list[tuple[str, Person]]:
        """The written forms (full names, name words) :meth:`mentions` looks for, longest
        first, with the person each form means."""
        forms: list[tuple[str, Person]] = [*ents.initials, *ents.register_entries]
        people = list(ents.persons)
        private_tokens = {t for p in people if p.kind == "private" and p.score >= 0.9
                          for t in p.tokens}
        client_tokens = set(ents.client.tokens) if ents.client is not None else set()
        if ents.client is not None:
            people.append(ents.client)
        for p in people:
            forms.append((p.name, p))
            if p.kind == "private":
                for tok in p.tokens:
                    # a word a professional's name shares is still this person's when they
                    # are surely a private person (case data, a role); the client's never
                    shared = tok in ents.protected_tokens and (
                        p.score < 0.9 or tok in client_tokens)
                    place = self.gazetteer is not None and self.gazetteer.is_place(tok)
                    if len(tok) > 1 and not shared and not place \
                            and tok.lower() not in self.stop_words:
                        forms.append((tok, p))  # a town alone never means a person
                        forms.extend((v, p) for v in self._particle_variants(tok))
                        forms.extend((part, p) for part in self._name_parts(tok, ents))
                forms.extend((w, p) for w in self._short_forms(p, ents, client_tokens))
                forms.extend((w, p) for w in self._addressed_surname(p))
                # the first name with the genitive of a family ("Ellens")
            elif p.kind == "client":
                forms.extend((tok, p) for tok in p.tokens if len(tok) > 2)
            else:  # a word a private person's name shares stays theirs (fail closed)
                forms.extend((tok, p) for tok in p.tokens
                             if len(tok) > 2 and tok not in private_tokens)
        forms.sort(key=lambda f: len(f[0]), reverse=True)
        return forms


# a quoted message: between quote marks, or a whole line that opens with one
_QUOTED = required_gate(re.compile(r"[\"“„«»][^\"“”„«»\n]{1,600}[\"”»«]|^[ \t]*[\"“„«»].*$",
                                   re.MULTILINE))
_VOCATIVE_REASON = "tiltale i besked"
# a message's last word after a slash or a dash, its sender's signature ("… /sabbi"",
# "… ses - tulle 🙂")
_SIGN_OFF = re.compile(r"(?:^|[ \t])[/\-–—][ \t]?(?P<n>[^\W\d_][^\W\d_\-]{1,15})"
                       r"[ \t]*[!.]*[ \t]*[^\w\s\"“”„«»]{0,6}[ \t]*[\"”»«]?[ \t]*$")


# a subject pronoun right after a clause's finite verb (verb-second after a fronted adverb)
_SUBJECT_AFTER_VERB = re.compile(r"[ \t]+(?:jeg|du|han|hun|vi|i|de|den|det|man|der)(?![\w\-])",
                                 re.IGNORECASE)


def _message_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds messages: the message part of each time-stamped chat line, then
    each quotation."""
    spans = [(m.start("msg"), m.end("msg")) for m in _STAMPED_CHAT_LINE.finditer(text)]
    if any(q in text for q in "\"“„«»"):
        spans += [m.span() for m in _QUOTED.finditer(text)]
    return spans


def _blanked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` replaced by spaces (offsets kept)."""
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)
# the first word of a quoted message in lower case, spoken to: a pronoun or a comma after it
# ("\"malle jeg ved godt …", "\"sosse, ring til mig\"")
_VOCATIVE = re.compile(
    r"[\"“„«»](?P<n>[a-zæøå][a-zæøå]{2,14})(?:,|[ \t]+(?=(?:jeg|du|vi|i|det|der|hvor|hvorfor|"
    r"hvis|kan|vil|skal|har|er|tak|undskyld|ring|husk|kom)\b))")
# a quoted capitalised word ("\"Bamse\"")
_QUOTED_WORD = re.compile(r"[\"“„«»](?P<n>[A-ZÆØÅ][\wæøå\-]{1,20})[\"”“»«]")
# a lower-case word joined by "og"/"eller" right before or after a name in lower case
_LOWER_BEFORE_AND = re.compile(r"(?<![\w@.\-])(?P<n>[a-zæøå]{2,15})[ \t]+(?:og|eller)[ \t]+$")
_LOWER_AFTER_AND = re.compile(r"[ \t]+(?:og|eller)[ \t]+(?P<n>[a-zæøå]{2,15})(?![\w@\-])")
# a number right after a word ("maj 2026": the month, no name)
_DIGIT_AFTER = re.compile(r"[ \t]*\d")
_LETTER_RUN = re.compile(r"[^\W\d_]+")  # a run of letters (_lower_case_after_role's gate)
# a line of a chat transcript: "[23.14] mati 🇨🇱: bro jeg hørte om ravn", "Cristóbal: ok"
_CHAT_LINE = re.compile(
    r"^[ \t]*(?:\[[^\]\n]{1,24}\][ \t]*|\d{1,2}[.:]\d{2}[ \t]+)?"
    r"(?P<label>[^\s:\[\]][^:\n]{0,38}?)[ \t]*:[ \t]+(?P<msg>\S[^\n]*)$", re.MULTILINE)


# a user name as a speaker's label: letters with digits or an underscore ("ulven_77")
_HANDLE = re.compile(r"(?=.*[^\W\d_])(?=.*[\d_])[\w.\-]+")


def _chat_messages(text: str, tables: _FormTables) -> list[tuple[int, int]]:
    """The messages of chat lines in ``text`` whose speaker is a known person (the client
    or a private person, by a form of the name: :meth:`_FormTables.speakers`) or a user
    name: what they write is a quoted message, in the lower case of text messages."""
    out = []
    known: set[str] | None = None
    for m in _CHAT_LINE.finditer(text):
        words = re.findall(r"\w[\w.\-]*", m.group("label").lower())
        if not words or len(words) > 4:
            continue
        if known is None:
            known = tables.speakers()
        if any(w in known or _HANDLE.fullmatch(w) for w in words):
            out.append((m.start("msg"), m.end("msg")))
    return out
# the cues of a name signed under a closing: with a title, an organisation or an
# authority's address in the block, or alone (no evidence of an office)
_SIGNED_IN_OFFICE = "underskrift"
_SIGNED = "underskrift uden titel"
# the score of a signer with no evidence of an office: below review_below (flagged)
_UNCLEAR_SIGNER = 0.45
# an e-mail address, its local part in group 1
_EMAIL = re.compile(r"([\w.+'\-]+)@[\w.\-]+\.[^\W\d_]{2,}")
# an NER entity holding a digit, an underscore or a full stop inside a word: a file name or
# a code, no name
_CODE_LIKE = re.compile(r"[_\d]|\.\w")
# the word before an NER entity and what stands between them (EntityFinder._clean_ner)
_WORD_BEFORE = re.compile(r"([\wæøåÆØÅ]+)([^\wæøåÆØÅ]*)$")
# patterns the name checks run on every candidate (compiled once, not looked up per call)
_NON_SPACE = re.compile(r"\S+")
_ENDS_IN_GENITIVE = re.compile(GENITIVE + "$")
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(i|på|fra|til)\s+$", re.IGNORECASE)
_PLAIN_WORD = re.compile(r"[\wæøåÆØÅ]+")
_KEY_LABEL = re.compile(r"\s*[-•*]?\s*([\wæøåÆØÅ .\-/()]{1,30}?)\s*:\s")  # _key_end
# what EntityFinder._word_kind tells of a word of an NER entity (bits)
_ORG_WORD, _NO_FIRST, _NO_LAST = 1, 2, 4
# (a mail header naming the sender: PersonPatterns.sender_header)


def extend_name(text: str, c: NameCandidate, pats: PersonPatterns | None = None
                ) -> NameCandidate:
    """``c`` extended over name particles and a quoted nickname that follow it, and over a
    middle initial and the surname after it ("Sara" of "Sara H. Olsen")."""
    m = (pats or person_patterns()).name_tail.match(text, c.end) or \
        _MIDDLE_INITIAL.match(text, c.end) or (
            _INITIAL_SURNAME.match(text, c.end) if re.search(r"\s[A-ZÆØÅ]$", c.text) else None)
    if not m:
        return c
    return NameCandidate(c.start, m.end(), text[c.start:m.end()], c.score, c.reason)


# ... the rest of one when the candidate ends with the initial ("Sara H" of "Sara H. Olsen")
_INITIAL_SURNAME = re.compile(
    r"\.[ \t]*[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?(?![\w\-])")
# one or two middle initials and a capitalised surname after them (" H. Olsen", " K.L. Bak")
_MIDDLE_INITIAL = re.compile(
    r"(?:[ \t]+[A-ZÆØÅ]\.){1,2}[ \t]*[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?(?![\w\-])")


_NON_SPACE = re.compile(r"\S+")


def _trim_acronyms(c: NameCandidate) -> NameCandidate | None:
    """Short ALL-CAPS words at the ends of a mixed-case name are acronyms ("Mikkels LS"),
    but not a family name written first in capitals ("TRAN Thi Thu Trang": the family-first
    list read it)."""
    if c.reason == FAMILY_FIRST_REASON or len(c.text.split(maxsplit=1)) < 2:
        return c  # (one word: nothing at its ends to trim)
    words = [(m.start(), m.end(), m.group(0)) for m in _NON_SPACE.finditer(c.text)]
    if all(w.isupper() for _, _, w in words):
        return c
    while words and words[-1][2].isupper() and len(words[-1][2]) <= 4:
        words.pop()
    while words and words[0][2].isupper() and len(words[0][2]) <= 4:
        words.pop(0)
    if not words:
        return None
    a, b = words[0][0], words[-1][1]
    if (a, b) == (0, len(c.text)):
        return c
    return NameCandidate(c.start + a, c.start + b, c.text[a:b], c.score, c.reason)


# a compound of a proper noun and an ordinary word in lower case ("Telegram-navn",
# "Facebook-profilen", "SMS-beskeder"): a thing, never a name's word
_PROPER_COMPOUND = re.compile(r"^[A-ZÆØÅ][\wæøåÆØÅ]*-(?P<tail>[a-zæøå]{3,})$")
_COMPOUND_TAIL = re.compile(r"-[a-zæøå]{3,}\b")


def _trim_compounds(text: str, c: NameCandidate, common: Callable[[str], bool]
                    ) -> NameCandidate | None:
    """``c`` (a candidate in ``text``) without the compounds at its end whose last part is
    an ordinary word ("Hans Telegram-navn" -> "Hans"), or None when nothing is left."""
    if "-" not in c.text and text[c.end:c.end + 1] != "-":
        return c  # (no hyphen in it or right after it: no compound)
    words = [(m.start(), m.end(), m.group(0)) for m in _NON_SPACE.finditer(c.text)]
    # (a candidate that ends inside the compound: "Hans Telegram" of "Hans Telegram-navn")
    if words and (tail := _COMPOUND_TAIL.match(text, c.end)):
        a, b, w = words[-1]
        words[-1] = (a, b, w + tail.group(0))
    cut = len(words)
    while cut and (m := _PROPER_COMPOUND.match(words[cut - 1][2].rstrip(".,;:"))) \
            and common(m.group("tail")):
        cut -= 1
    if cut == len(words):
        return c
    if not cut:
        return None
    b = words[cut - 1][1]
    return NameCandidate(c.start, c.start + b, c.text[:b], c.score, c.reason)


def _seed_known(found: list[Person], known: KnownPeople
                ) -> tuple[list[Person], dict[str, Person]]:
    """The people of the case data added to those found in the text; a found name that is
    (part of) a known person's name takes the known person's side. Returns the persons and
    the index of the known people's numbers, e-mails, addresses and CPR numbers."""
    seeded: list[Person] = []
    contacts: dict[str, Person] = {}
    for k in known.people:
        name = _canonical(k.name)
        why = (f"sagsdata: {k.field}" + (f" ({k.role})" if k.kind == "professional" and k.role
                                         else ""))
        person = Person(name, k.kind, role=k.role if k.kind == "private" else "", score=1.0,
                        detectors={"case"}, reasons=[why])
        seeded.append(person)
        for t in k.phones:
            contacts.setdefault(f"PHONE:{phone_key(t)}", person)
        for t in k.emails:
            contacts.setdefault(f"EMAIL:{email_key(t)}", person)
        for t in k.addresses:
            contacts.setdefault(f"ADDRESS:{address_key(t)}", person)
        for t in k.cprs:
            contacts.setdefault(f"CPR:{digits_only(t)}", person)
    known_tokens = [{t.lower() for t in p.tokens} for p in seeded]
    rest = [p for p in found
            if not any({t.lower() for t in p.tokens} <= toks for toks in known_tokens)]
    return seeded + rest, contacts


# a word in lower case in running text: not in an e-mail or web address, a file name, a user
# name or a code ("tadhg.mulcahy@", "www.mulcahy.ie", "mulcahy_t", "mulcahy.pdf")
_LOWER_WORD = re.compile(r"(?<![\w@./\\:-])[a-zà-öø-ÿ]{2,}(?![\w@/\\-]|[.:]\w)")
_LOWER_WORD = with_first_char_gate(_LOWER_WORD)
def _shares_start(short: str, name: str) -> bool:
    """``short`` opens like ``name`` (four letters or more) and adds at most two letters of
    its own ("Flori" of Florentina)."""
    k = 0
    while k < len(short) and short[k] == name[k]:
        k += 1
    return k >= 4 and len(short) - k <= 2


# a capitalised word, hyphenated parts joined ("Maria-Louise")
_DOC_NAME_WORD = re.compile(
    r"(?<![\w@./\\:-])[A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)*(?![\w@/\\-])")
_CAPITAL_WORD = re.compile(r"(?<![\w@./\\:-])[A-ZÆØÅ][a-zæøå]{3,}(?![\w@/\\-])")

# a house number right after or right before a run of words on the same line
_HOUSE_NUMBER_AFTER = re.compile(r"[ \t]+\d{1,5}[a-zA-Z]?\b(?![.,:/-]?\d)")
_HOUSE_NUMBER_BEFORE = re.compile(r"(?:^|[\s,])\d{1,5}[a-zA-Z]?[ \t]+$")

# one word of another language that does what only a person does ("Poppy starting school")
_PREDICATE_REASON = "ord, der gør, hvad kun en person gør"
_PREDICATE_SCORE = 0.45  # below review_below: removed and flagged (the verb is the evidence)
# name-rule candidates found by a cue that holds in any language (no further evidence needed)
_CUED_REASONS = frozenset(("kaldenavn", "registerform EFTERNAVN, Fornavn",
                           FAMILY_FIRST_REASON, _PREDICATE_REASON,
                           "tiltaleform før navnet", "navnefelt", "kortform af navnet før"))
# (the form fields for a name, a CPR number or age in brackets after a name, forms of
# address and titles: PersonPatterns, from the policy's person words)
# (two or three capitalised words before a contact: PersonPatterns.run_before_contact)
# a capitalised word, and the next one after a space or tab
_CAP_WORD_RX = re.compile(r"(?<![\w@.\-])[A-ZÀ-ÖØ-ÞĀ-ſ][\wÀ-ſ'’\-]+(?![\w@\-])")
_NEXT_CAP_WORD = re.compile(r"[ \t]+([A-ZÀ-ÖØ-ÞĀ-ſ][\wÀ-ſ'’\-]+)(?![\w@\-])")
# a capitalised name (one to three words) followed by a comma or bracket
_HASHTAG = re.compile(r"(?<![\w#])#[^\W_][\w]{2,60}")
_HASHTAG = with_first_char_gate(_HASHTAG)
# a file name or a handle: words joined by "_", "-" or "." with an extension or an
# underscore ("samvær-Gül-Aydoğan.pdf", "budget_serkan_og_gul_2027.xlsx")
_JOINED_TOKEN = required_gate(re.compile(
    r"(?<![\w@])[^\W_][\w\-.]*?(?:_[\w\-.]*|\.[A-Za-z0-9]{2,5})(?![\w@])"))
_JOINED_PART = re.compile(r"[^\W\d_]+")
_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ß": "ss", "ł": "l",
                                "đ": "d", "ı": "i", "ð": "d", "þ": "th"})


_MANY_KEYS = 64  # first words of forms beyond which present() looks them up by three letters
_ALNUM_RUN = re.compile(r"[^\W_]+")  # a maximal run of letters and digits


@dataclass
class _FormTables:
    """What :meth:`EntityFinder.mentions` derives from one forms list."""

    forms: Sequence[tuple[str, Person]]
    size: int  # len(forms) when the tables were made
    # per form: the form, its person, whether it may be found in lower case
    prepared: list[tuple[str, Person, bool]]
    # per first word of a form and lower-case flag: the first word as written, in capitals
    # and in lower case, and the forms (indices) that open with it
    keys: list[tuple[str, str, bool, str, tuple[int, ...]]]
    _joined: dict[str, Person] | None = field(default=None, repr=False)
    _speakers: set[str] | None = field(default=None, repr=False)
    # the keys by the first three letters of each of their strings (many keys: a long
    # document's), and the keys with a string too short or not all letters and digits
    _by_trigram: tuple[dict[str, list[int]], dict[str, list[int]], list[int]] | None = field(
        default=None, repr=False)

    def present(self, text: str) -> list[tuple[str, Person, bool]]:
        """The prepared forms whose first word ``text`` holds (as written, in capitals, or
        in lower case where allowed), in the forms' order: a cheap test before a form's
        regular expression, made once per first word. With many first words (a long
        document names many people) only those whose first three letters occur in the
        text's words are tested (:meth:`_maybe_present`)."""
        lowered = text.lower()
        keys = self.keys
        order = range(len(keys)) if len(keys) < _MANY_KEYS else self._maybe_present(
            text, lowered)
        hits = sorted(k for j in order
                      for first, upper, lower, first_lower, ks in (keys[j],)
                      if first in text or upper in text or (lower and first_lower in lowered)
                      for k in ks)
        return [self.prepared[k] for k in hits]

    def _maybe_present(self, text: str, lowered: str) -> list[int]:
        """The keys one of whose strings may occur in ``text`` (``lowered``: its lower
        case): a string of letters and digits occurs in a text only inside one of its
        words (the maximal runs of letters and digits), so its first three letters are
        three letters of a word there; the keys with a shorter string, or one with another
        character, are always tested. A superset of the keys :meth:`present` keeps."""
        if self._by_trigram is None:
            in_text: dict[str, list[int]] = {}
            in_lowered: dict[str, list[int]] = {}
            always: list[int] = []
            for j, (first, upper, lower, first_lower, _ks) in enumerate(self.keys):
                probes = [(first, in_text), (upper, in_text)]
                if lower:
                    probes.append((first_lower, in_lowered))
                if any(len(x) < 3 or not x.isalnum() for x, _ in probes):
                    always.append(j)
                    continue
                for x, index in probes:
                    index.setdefault(x[:3], []).append(j)
            self._by_trigram = (in_text, in_lowered, always)
        in_text, in_lowered, always = self._by_trigram
        found = set(always)
        for source, index in ((text, in_text), (lowered, in_lowered)):
            if not index:
                continue
            for word in _ALNUM_RUN.findall(source):
                for i in range(len(word) - 2):
                    hit = index.get(word[i:i + 3])
                    if hit is not None:
                        found.update(hit)
        return sorted(found)

    def speakers(self) -> set[str]:
        """The one-word forms of the client and the private persons, in lower case: the
        known speakers of a chat line (:func:`_chat_messages`)."""
        if self._speakers is None:
            self._speakers = {f.lower() for f, person in self.forms
                              if person.kind in (Owner.PRIVATE, Owner.CLIENT) and " " not in f}
        return self._speakers

    def joined_words(self) -> dict[str, Person]:
        """Every folded spelling (:func:`folded_forms`) of a private person's name word, or
        of a full name written as one word ("nannakrogh"), with its person: what
        :func:`_joined_token_mentions` looks up (the first form to give a spelling wins)."""
        if self._joined is None:
            words: dict[str, Person] = {}
            for form, person in self.forms:
                if person.kind == Owner.PRIVATE and len(form) >= 3:
                    for f in _folded(strip_genitive(form).replace(" ", "")):
                        words.setdefault(f, person)
            self._joined = words
        return self._joined


def folded_forms(word: str) -> set[str]:
    """A name word as people write it in file names, handles and addresses: lower case,
    without accents ("Gül" -> "gul", "Aydoğan" -> "aydogan") and with æ/ø/å spelt out
    ("Søren" -> "soeren", "soren")."""
    low = word.lower()
    out = {low, low.translate(_TRANSLITERATE)}
    if re.search(r"[\-'’]", low):  # "Al-Sayed" -> "alsayed", "O'Neill" -> "oneill"
        out |= {re.sub(r"[\-'’]", "", w) for w in out}
    for w in list(out):
        out.add("".join(c for c in unicodedata.normalize("NFKD", w)
                        if not unicodedata.combining(c)))
    out.add("".join(c for c in unicodedata.normalize("NFKD", low.replace("ø", "o")
                                                     .replace("æ", "ae").replace("å", "a"))
                    if not unicodedata.combining(c)))
    return out


@lru_cache(maxsize=8192)
def _folded(word: str) -> tuple[str, ...]:
    """:func:`folded_forms` of ``word``, remembered (in the set's order)."""
    return tuple(folded_forms(word))


def clear_caches() -> None:
    """Forget the per-word foldings (benchmarks; results never depend on them)."""
    _folded.cache_clear()


def _joined_token_mentions(text: str, words: dict[str, Person],
                           taken: list[tuple[int, int]]) -> list[Mention]:
    """A private person's name word inside a file name or a joined handle, in any case and
    spelling (issue 8 § 2: file names are read word by word like text). ``words``:
    :meth:`_FormTables.joined_words`."""
    out: list[Mention] = []
    tokens = list(_JOINED_TOKEN.finditer(text))
    if not tokens:
        return out
    for tok in tokens:
        for part in _JOINED_PART.finditer(text, tok.start(), tok.end()):
            owner = words.get(part.group(0).lower())
            if owner is None:
                owner = next((words[f] for f in _folded(part.group(0)) if f in words),
                             None)
            a, b = part.start(), part.end()
            if owner is None or any(x < b and a < y for x, y in taken):
                continue
            taken.append((a, b))
            out.append(Mention(a, b, part.group(0), owner))
    return out


# a chat line ("[18:02] mor: husk …") or a quoted message in a text
# a word that opens with a capital letter (a text with none is written all in lower case)
_OPENS_CAPITAL = re.compile(r"(?<![\w@./\-])[A-ZÆØÅÄÖÜÉ][\wæøå]")
# a lower-case word of three letters or more, not inside an address, a handle or a number
_LOWER_WORD_3 = re.compile(r"(?<![\w@./\-])[a-zæøåäöüé]{3,}(?![\w@\-]|\.\w)")
# a chat line with a time stamp in square brackets ("[10:16] Hanne Thygesen: …")
_STAMPED_CHAT_LINE = re.compile(
    r"^[ \t]*\[[^\]\n]{0,12}\d{1,2}[:.]\d{2}[^\]\n]{0,8}\][ \t]*"
    r"[^\s:\[\]][^:\n]{0,38}?[ \t]*:[ \t]+(?P<msg>\S[^\n]*)$", re.MULTILINE)
_CHATTY = re.compile(r"^[ \t]*(?:\[[^\]\n]{1,24}\][ \t]*)?[^\s:\[\]][^:\n]{0,30}:[ \t]+\S"
                     r"|[\"“„«»]", re.MULTILINE)
# A nickname (PersonPatterns.nickname: "Abdirahman, kaldet "Dodi"") and a first name alone
# right before a CPR number, a birth date or an age: "Liva (7 år)", "moren, Jeanette (CPR
# 140588-2214)".
# "kalder sin lillebror for »Bassen«": a nickname after a possessive and a noun
# a field's key with a remark in brackets before its colon: "Adresse (hos moren): …"
# a field of a record in a system export: "Kontakter[1].Navn: ", "Sag.Tilsynsførende: "
_RECORD_FIELD = re.compile(
    r"^[ \t]*(?P<record>[^\W\d_][\w\-]*(?:\[\d+\])?(?:\.[^\W\d_][\w\-]*(?:\[\d+\])?)*?)"
    r"\.(?P<field>[^\W\d_][\w\-]*)[ \t]*:[ \t]*")
_RECORD_LINES = 12  # the lines around a field that may belong to its record
_KEY_WITH_REMARK = re.compile(r"\s*[-•*]?\s*([\wæøåÆØÅ .,&\-/]{1,60}?)\s*\(([^()\n]{1,40})\)\s*:")
# one word of a nickname in a field ("Kwan", "Bimse", "Al-Amin")
_NICK_WORD = re.compile(r"[A-ZÆØÅÀ-ÖØ-Þ][\wÀ-ſ'’\-]{1,20}")
_NICKNAME_OF = required_gate(re.compile(
    r"\bkalder\s+(?:sin|sit|sine|hans|hendes)\s+[a-zæøå]+\s+for\s+[\"“”'‘’»«]?"
    r"(?P<n>[A-ZÆØÅ][\w\-]{1,20}(?:[ \t][A-ZÆØÅ][\w\-]{1,20})?)[\"“”'‘’»«]?"))
# ... the same in lower case (PersonPatterns.lower_sender)
# a nickname in quotes in brackets right after a name: "Sofie Lund-Hviid ("Fie")"
_NICKNAME_IN_BRACKETS = required_gate(re.compile(
    r"(?<=[\wæøåÆØÅ])[ \t]*\([ \t]*[\"“„«»'‘](?P<n>[A-ZÆØÅ][\w\-]{1,20}"
    r"(?:[ \t][A-ZÆØÅ][\w\-]{1,20})?)[\"”»«'’][ \t]*\)"))
# a short form of the given name before it, in brackets: "Daniel (Dan)"
_SHORT_FORM_IN_BRACKETS = required_gate(re.compile(
    r"(?<![\w\-])(?P<full>[A-ZÆØÅÀ-ÖØ-Þ][a-zæøåà-öø-ÿ]{2,20})[ \t]*\([ \t]*"
    r"(?P<n>[A-ZÆØÅÀ-ÖØ-Þ][a-zæøåà-öø-ÿ]{1,12})[ \t]*\)"))
_HEADER_REASON = "navn i brevhoved"
# a mail header's address line: its key and a display name of two to four capitalised
# words, the address in angle brackets or nothing after it
_HEADER_NAME = re.compile(
    rf"[ \t]*(?P<k>[A-Za-zÆØÅæøå]{{2,4}})[ \t]*:[ \t]*"
    rf"(?P<n>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}})"
    r"[ \t]*(?:<[^<>\n]*>[ \t]*)?[;,]?[ \t]*$")
# a quoted contact name with its phone number in brackets ("SMS til "Mulle" (30 20 11 84)"),
# and a name right after "ham"/"hende" ("hænge ud med ham Lillemanden fra …"): nicknames
_CONTACT_OR_OBJECT_NAME = required_gate(re.compile(
    r"(?<![\w@.\-])[\"“„«](?P<q>[A-ZÆØÅ][\wæøåéèüöä\-]{1,20})[\"”“»][ \t]*\([ \t]*"
    r"(?:\+\d{2}[ \t]?)?\d{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]*\)"
    r"|(?<![\w@.\-])(?:ham|hende)[ \t]+(?P<h>[A-ZÆØÅ][a-zæøå]{2,20})(?![\w@\-])"))
_REGISTER_REASON = "registerform EFTERNAVN, Fornavn"
# A register entry "SURNAME, Given Names" (police reports, lists of persons in a case): the
# surname in capitals (at the start of a line or a quotation, or inside a sentence), a
# comma, the given names.
_UPPER = "A-ZÆØÅÀ-ÖØ-ÞĀ-Ž"
_GIVEN_WORD = rf"[{_UPPER}][a-zæøåß-öø-ÿā-ž'’\-]+"
_REGISTER = required_gate(re.compile(
    rf"(?:^[ \t]*(?:[-•*][ \t]*)?|(?<=[\"“„«'‘(])|(?<=[ \t]))"
    rf"(?P<sur>[{_UPPER}]{{2,}}(?:[-'’ ][{_UPPER}]{{2,}})*),[ \t]*"
    rf"(?P<given>{_GIVEN_WORD}(?:[ \t]+{_GIVEN_WORD}){{0,2}})", re.MULTILINE))


# a capitalised word of a list of names, and the words before a naming verb
_NAMED_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_NAMING_WORD = re.compile(r"[^\W\d_]+")


def _defined_initials(units: Sequence[TextUnit], people: Sequence[Person],
                      cues: str = "", kind: str = "private") -> list[tuple[str, Person]]:
    """Initials a document defines for a private person right after the name, on the same
    line ("Lone Lauridsen, mor (LL)", a staff-style code "Lone Lauridsen (LOL)"): later
    "LL sagde …" is the same person. A code counts when it opens with the name's first
    letter and its letters are the name's, in order (:func:`_code_of`), or, right after the
    name with nothing between, when it opens with the name's first letter ("Nina Bech (NH)":
    the writer's code for her, whatever its other letters; fail closed). A code the text
    defines in words (``cues``, an alternation: "Nina Bech (herefter NB)", "Nina Bech,
    herefter kaldet »NK«,") counts whatever its letters. ``kind``: the persons whose
    initials are read ("professional": a caseworker's code, "Maria Holm (MAH)")."""
    out: list[tuple[str, Person]] = []
    cue_rx = _cue_pattern(cues) if cues else None
    tail = _initials_after_name(cues)
    holders_all = [u.text for u in units if "(" in u.text or (
        cue_rx is not None and cue_rx.search(u.text))]
    for p in people:
        if p.kind != kind or len(p.tokens) < 2:
            continue
        holders = [t for t in holders_all if p.name in t]
        if not holders:
            continue  # (no pattern compiled for a name no line defines initials for)
        first = p.tokens[0][:1].upper()
        codes: set[str] = set()
        for m in (m for t in holders for m in _after_each(t, p.name, tail)):
            c = m.group("code") or m.group("code2")
            defined = m.group("cue") is not None or m.group("cue2") is not None
            direct = m.group("gap") is not None and not m.group("gap").strip()
            if defined or _code_of(c, p.tokens) or (direct and c[0] == first):
                codes.add(c)
        out.extend((c, p) for c in sorted(codes))
    return out


@lru_cache(maxsize=16)
def _initials_after_name(cues: str) -> re.Pattern[str]:
    """What :func:`_defined_initials` reads right after a person's name: the code in
    brackets (after at most 40 characters of the same line, or a cue), or after a cue
    ("(LL)", ", mor (LL)", "(herefter NB)", ", herefter kaldet »NK«"); compiled once per
    ``cues`` (the name is found by :func:`_after_each`, not compiled into a pattern per
    person and document)."""
    quote = "[\"“”„«»'‘’]?"
    cue = rf"(?i:{cues})[ \t]+{quote}" if cues else "(?!)"
    code = rf"[{_UPPER}]{{2,4}}"
    return re.compile(rf"(?:(?P<gap>[^()\n]{{0,40}})\((?P<cue>{cue})?(?P<code>{code}){quote}\)"
                      rf"|,?[ \t]+(?P<cue2>{cue})(?P<code2>{code}){quote}(?!\w))")


def _after_each(text: str, name: str, tail: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The matches of ``tail`` right after each occurrence of ``name`` in ``text``, as
    ``re.finditer`` finds those of the pattern ``re.escape(name) + tail`` (left to right,
    the search going on after the end of each match)."""
    pos = text.find(name)
    while pos >= 0:
        m = tail.match(text, pos + len(name))
        if m is not None:
            yield m
            pos = text.find(name, m.end())
        else:
            pos = text.find(name, pos + 1)


@lru_cache(maxsize=16)
def _cue_pattern(cues: str) -> re.Pattern[str]:
    """The cues (an alternation) that define initials in words, in any case, compiled once
    (asked of every unit without a bracket)."""
    return re.compile(rf"(?i:{cues})")


def _code_of(code: str, tokens: Sequence[str]) -> bool:
    """Whether ``code`` ("LL", "LOL", "PWR") is made of the name's letters in their order:
    the first name's initial first, the surname's initial among them ("Lone Lauridsen (LA)"
    is no code of hers)."""
    words = [t.upper() for t in tokens if t[:1].isalpha()]
    if len(words) < 2 or code[0] != words[0][0]:
        return False
    head, last = "".join(words[:-1])[1:], words[-1]

    def within(part: str, letters: str) -> bool:
        rest = iter(letters)
        return all(c in rest for c in part)

    return any(code[k] == last[0] and within(code[1:k], head) and within(code[k + 1:], last[1:])
               for k in range(1, len(code)))


_LAST_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD})*(?=[^A-ZÆØÅ]*$)")


def _clients_nickname(text: str, start: int, client: set[str],
                      role_word: Callable[[str], bool] = lambda _w: False) -> bool:
    """Whether the nickname cue at ``start`` follows the client's name: the last name run in
    the 40 characters before is made of the client's words only ("Kristoffer, kaldet …",
    not "Henning Nørby, morbror, kaldet …" when the client is a Nørby too, nor "Rasmus' mor,
    kaldet …": a role word after the client's name in the genitive owns the nickname)."""
    window = text[max(0, start - 40):start]
    m = _LAST_NAME_RUN.search(window)
    if m is None:
        return False
    after = re.match(r"[ \t]+([\wæøå]+)", window[m.end():])
    if after and role_word(after.group(1).lower()):
        return False
    words = [strip_genitive(w).lower() for w in m.group(0).split()]
    return all(in_genitive(w, client) for w in words)


def client_label(client_tokens: set[str], words: WordLists | None = None) -> re.Pattern[str]:
    """A label naming the client as the owner of what follows, ending right before it:
    "Klientens Snapchat: ", "Maltes TikTok-profil er ", "Borgerens brugernavn = ".
    ``words``: the policy's person words (``client_owner_words``, ``own_words``,
    ``label_verbs``; default: the bundled kommune policy's)."""
    words = words if words is not None else default_words("person_words")
    names = sorted((re.escape(t) for t in client_tokens if len(t) > 2), key=len, reverse=True)
    owners = "|".join([words.alternation("client_owner_words"),
                       *(f"{n}{GENITIVE}" for n in names)])
    return re.compile(
        rf"(?<![\w@.\-])(?:{owners})(?![\w])[ \t]+(?:(?:{words.alternation('own_words')})[ \t]+)?"
        rf"(?P<label>[\w\-]+(?:[ \t]+[\w\-]+)?)[ \t]*"
        rf"(?:[:=]|[ \t](?:{words.alternation('label_verbs')}))[ \t]*"
        rf"[\"“”'‘’]?", re.IGNORECASE)


# a capitalised word in the genitive ("Mettes", "Lunds"): another owner named
_GENITIVE_NAME = re.compile(r"(?<![\w\-])[A-ZÆØÅ][\wæøå]+s(?![\w\-])")


@lru_cache(maxsize=64)
def _account_apposition(names: tuple[str, ...], words: WordLists) -> re.Pattern[str]:
    owners = "|".join([words.alternation("client_owner_words"),
                       *(f"{n}{GENITIVE}" for n in names)])
    return re.compile(
        rf"(?<![\w@.\-])(?:{owners})(?![\w])[ \t]+(?:(?:{words.alternation('own_words')})"
        rf"[ \t]+)?(?P<label>[\w\-]+)(?P<rest>(?:[ \t]+[\w\-.]+){{0,4}}?)[ \t]*[,(:][ \t]*$",
        re.IGNORECASE)


def client_account_apposition(client_tokens: set[str], words: WordLists | None = None
                              ) -> re.Pattern[str]:
    """The client as owner of an account or a profile, the value in apposition right after
    it: "Jespers egen NemKonto i Danske Bank, ", "Klientens lønkonto (" (the label is
    checked by the caller; ``rest`` holds the words between it and the value)."""
    words = words if words is not None else default_words("person_words")
    names = tuple(sorted((re.escape(t) for t in client_tokens if len(t) > 2),
                         key=len, reverse=True))
    return _account_apposition(names, words)


def _address_variants(address: str) -> list[str]:
    """The full address, without postnummer and town, and street and number only."""
    full = re.sub(r"\s+", " ", address).strip(" ,.")
    out = [full]
    m = re.match(r"(.*?\d+\s?[A-Za-z]?)\b", full)
    for v in (re.split(r",?\s*\d{4}\b", full)[0].strip(" ,."), m.group(1) if m else ""):
        if v and len(v) >= 6 and v not in out and re.search(r"\d", v):
            out.append(v)
    return out


@lru_cache(maxsize=1024)
def _literal(variant: str) -> re.Pattern[str]:
    words = re.findall(r"[^\s,]+", variant)
    body = r"[\s,]+".join(re.escape(w) for w in words)
    return whole_word(body, re.IGNORECASE)


@lru_cache(maxsize=8)
def _first_person_label(words: WordLists) -> re.Pattern[str]:
    """A sentence that opens with the writer's own possessive and a contact word, up to
    three adjectives between ("Mit eget nummer", "Min nye adresse", "my mobile")."""
    contact = f"{words.alternation('own_contact_words')}|{words.alternation('own_address_words')}"
    adjectives = "|".join(words.alternation(k) for k in ("own_label_adjectives",
                                                         "own_possessives"))
    return re.compile(
        rf"(?:^|(?<=[.!?])[ \t]+)[ \t]*(?:{words.alternation('first_person_possessives')})"
        rf"[ \t]+(?:(?:{adjectives})[ \t]+){{0,3}}(?:{contact})(?![\wæøå])", re.IGNORECASE)


# "Jeg er Kenneths mor", "jeg er hans søster": the writer's own role (the words after "er")
_TAG_REASON = "tagget med navn"
# "@Sofie Brandt": a tag of a post by a person's display name (a given name and one to
# three capitalised words, on the same line)
_TAGGED_NAME = re.compile(
    r"(?<![\w.])@(?P<n>[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?"
    r"(?:[ \t]+[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?){1,3})")
_WRITER_ROLE = required_gate(re.compile(
    r"\b[Jj]eg\s+er\s+((?:[\wæøåÆØÅ'’\-]+\s+){0,2}[\wæøåÆØÅ\-]+)"))


def _key_end(text: str) -> int:
    """End of the label in a ``Nøgle: værdi`` line (0 when the line has no such label)."""
    m = _KEY_LABEL.match(text)
    if m and len(m.group(1).split()) <= 3:
        return m.end(1)
    return 0


# a word with a capital inside after three letters or more ("NemKonto", "MobilePay",
# "WhatsApp"): a product's or a firm's name; a person's has fewer before it ("McNeil",
# "DeLuca", "LaToya"), and Mac/Fitz are left out ("MacLeod", "FitzGerald")
_CAMEL_CASE = re.compile(
    r"(?!Mac|Fitz)(?:[A-ZÆØÅ][a-zæøå]{2,}|[a-zæøå]{3,})[A-ZÆØÅ][a-zæøå]+")
# (a letter right after the capital: "U-turn", "E-boks" are no name words)
_CAP = r"[A-ZÆØÅÀ-ÖØ-ÞĀ-ſ][a-zæøåß-öø-ÿā-ſ'’][a-zæøåß-öø-ÿā-ſ'’\-]*"
# (the words of a name stand one space apart, or at a line break; three spaces or a tab is
# a gap between a layout's columns: "Fortroligt          Side 1 af 3" in a scanned header)
_CAP_RUN = required_gate(re.compile(
    rf"(?<![\w@.\-]){_CAP}(?:(?:[ \xa0]{{1,2}}|[ \xa0]?\r?\n[ \xa0]?){_CAP})"
    rf"{{1,3}}(?![\w@\-])"))


def _without_function_words(c: NameCandidate, fw: frozenset[str]) -> NameCandidate | None:
    """``c`` without the function words ``fw`` (of its language) at its ends ("Ihr
    Lebensgefährte" -> "Lebensgefährte", "The Board" -> "Board"); None when nothing is
    left."""
    words = list(re.finditer(r"\S+", c.text))
    while words and words[0].group(0).lower().strip(",.") in fw:
        words.pop(0)
    while words and words[-1].group(0).lower().strip(",.") in fw:
        words.pop()
    if not words:
        return None
    a, b = words[0].start(), words[-1].end()
    if (a, b) == (0, len(c.text)):
        return c
    return NameCandidate(c.start + a, c.start + b, c.text[a:b], c.score, c.reason)


def _without_lead_word(c: NameCandidate, not_leads: frozenset[str]) -> NameCandidate | None:
    """``c`` without a first word from ``not_leads`` (English or German words that open a
    sentence or greeting: "The Hydro Network", "Hello World"; the policy's person words);
    None when fewer than two words are left (a strict run is two words or more)."""
    words = c.text.split()
    if words[0].lower() not in not_leads:
        return c
    if len(words) < 3:
        return None
    rest = c.text[len(words[0]):].lstrip()
    start = c.end - len(rest)
    return NameCandidate(start, c.end, rest, c.score, c.reason)


# a table row written with bars ("| Jobcenter Horsens | Signe Lerche | 76 29 66 15 |") and
# the rule under a header row ("|------|:---:|")
_PIPE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_RULE_ROW = re.compile(r"^[ \t]*\|?[ \t:|\-+=]*-[ \t:|\-+=]*\|?[ \t]*$")


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


def _table_headers(lines: Sequence[str]) -> dict[int, str]:
    """For each body row of a table written with bars, its header row: the first row of the
    table when a rule row follows it ("| Myndighed | Kontaktperson |" over "|---|---|")."""
    out: dict[int, str] = {}
    header: str | None = None
    for i, line in enumerate(lines):
        if not _PIPE_ROW.match(line):
            header = None
            continue
        if _RULE_ROW.match(line):
            continue
        if header is None:
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            header = line if _RULE_ROW.match(nxt) and "|" in nxt else ""
            continue
        if header:
            out[i] = header
    return out


def _column_of(header: str | None, row: str, start: int) -> tuple[str, str]:
    """The heading of the column that ``row[start]`` stands in, and the header row."""
    if not header:
        return ("", "")
    index = row[:start].strip().lstrip("|").count("|")
    heads = _cells(header)
    return (heads[index], header) if index < len(heads) else ("", header)


def capitalised_runs(text: str, stop_words: frozenset[str],
                     is_title: Callable[[str], bool] = lambda w: False) -> list[NameCandidate]:
    """Runs of two to four capitalised words with no stop word and no title (``is_title``:
    also a compound title such as "Gadesygeplejerske"): possible names (strict)."""
    out = []
    for m in _CAP_RUN.finditer(text):
        words = m.group(0).split()
        if any(w.lower() in stop_words or strip_genitive(w).lower() in stop_words
               or is_title(w) for w in words):
            continue
        out.append(NameCandidate(m.start(), m.end(), m.group(0), 0.55,
                                 "navneform i en ukendt del (streng)"))
    return out


def _best_role(roles: list[str], classifier: ContactClassifier) -> str:
    if not roles:
        return ""
    prio = classifier.role_priority
    return max(roles, key=lambda r: prio.get(r, 0))


def _addr_key(text: str) -> str:
    """Street, number and floor/side of an address, for comparisons."""
    t = re.sub(r"\s+", " ", text.lower()).strip(" ,.")
    t = re.sub(r"^c/o [^,]{1,60},\s*", "", t)  # the host of a c/o address
    t = re.split(r",?\s*\d{4}\b", t)[0]  # drop postnummer and town
    return t.strip(" ,.")
