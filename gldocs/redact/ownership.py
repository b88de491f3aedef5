"""Ownership: whose is a number, an e-mail address, an address, a plate?

The client's own data is kept (K1), a professional's in office is kept (K3), anybody
else's is removed (R1) with the marker of their role. The evidence about one pattern
match (:class:`Evidence`: the nearest person named before it, a role word between, the
line it stands in, the case data) is gathered once; then the rules of :data:`RULES` are
tried in order and the first that decides wins. Each rule is a row: a name, the entity
types it applies to, and a function ``Evidence -> Ownership | None``.

Changing who owns what means editing the table here (or adding a row), not the engine.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from gldocs.document.units import COORDINATION_SECTIONS
from gldocs.redact.case_entities import CaseEntities, Mention, _addr_key
from gldocs.redact.default_words import default_words
from gldocs.redact.detectors.patterns import PatternMatch, digits_only
from gldocs.redact.genitive import GENITIVE
from gldocs.redact.model import Owner, Ownership
from gldocs.redact.professionals import ContactClassifier
from gldocs.redact.wordlists import WordLists


def client(score: float, reason: str) -> Ownership:
    return Ownership(Owner.CLIENT, score, reason)


def professional(score: float, reason: str) -> Ownership:
    return Ownership(Owner.PROFESSIONAL, score, reason)


def private(score: float, reason: str, role: str = "") -> Ownership:
    return Ownership(Owner.PRIVATE, score, reason, role)


_WORDS = re.compile(r"[\wæøå\-]+")
# where the words before an identifier stop being its sentence: a full stop, semicolon, "!" or
# "?" before a space, but not the full stop of a label's abbreviation ("tlf. 40 50 60 70",
# "mobil nr. …"), nor a label's colon ("PayPal: x@y": the sentence goes on)
_SENTENCE_BREAK = re.compile(
    r"(?<!\btlf)(?<!\btel)(?<!\bnr)(?<!\bmob)(?<!\bca)(?<!\bbl\.a)[.;!?]\s|\n")


@dataclass
class Evidence:
    """What is known around one pattern match in one unit."""

    pm: PatternMatch
    text: str  # the unit's text
    section: str
    ents: CaseEntities
    classifier: ContactClassifier
    mentions: Sequence[Mention]  # people named in the unit
    record_people: Sequence[Mention]  # people named in the same case-file record
    in_signature: bool
    role_between: Callable[[str], str | None]  # a private role word in a text, if any
    # the lines of the same paragraph before this one, nearest last, each with the people
    # named in it (a pronoun's chain goes on up the paragraph: "Paweł ønsker …" / "Han kan
    # kontaktes på sit eget nummer …")
    before: Sequence[tuple[str, Sequence[Mention]]] = ()

    @cached_property
    def nearest(self) -> Mention | None:
        """The person named last before the match (within 160 characters), or the first
        non-client person of the same record."""
        pm = self.pm
        prev = [m for m in self.mentions if m.end <= pm.start and pm.start - m.end < 160]
        if prev:
            return prev[-1]
        return next((m for m in self.record_people if m.person.kind != "client"), None)

    @property
    def private_near(self) -> bool:
        return self.nearest is not None and self.nearest.person.kind == "private"

    @property
    def pro_near(self) -> bool:
        """A professional is named just before, whose office the document shows (a name
        signed under a closing with no title or organisation is no evidence)."""
        n = self.nearest
        pats = patterns_for(self.classifier.ownership_words)
        return n is not None and n.person.kind == "professional" and n.person.office \
            and not pats.other_party.search(self.between) \
            and not (pats.greeting_before.search(self.text, 0, n.start)
                     and not (pats.self_introduction.match(self.text, n.end)
                              and self.classifier.shows_office(self.between)))

    @property
    def role(self) -> str:
        """The role of the private person named just before ("" otherwise)."""
        n = self.nearest
        return (n.person.role if self.private_near and n is not None else "") or ""

    @cached_property
    def between(self) -> str:
        """The text between the nearest name and the match; without a name, the words just
        before the match in its sentence."""
        n, start = self.nearest, self.pm.start
        if n is not None and n.end <= start:
            return self.text[n.end:start]
        return _SENTENCE_BREAK.split(self.text[max(0, start - 80):start])[-1]

    @cached_property
    def cue(self) -> str | None:
        """A private role word (moren, kæresten) between the name and the match."""
        return self.role_between(self.between)

    @cached_property
    def org_word_between(self) -> bool:
        return any(w in self.classifier.org_words for w in _WORDS.findall(self.between.lower()))

    @property
    def digits(self) -> str:
        return digits_only(self.pm.text)


Rule = Callable[[Evidence], Ownership | None]


@dataclass(frozen=True)
class OwnershipRule:
    name: str
    entities: frozenset[str] | None  # None: every entity type
    decide: Rule


# -- the rules --------------------------------------------------------------------------
def _known(ev: Evidence) -> Ownership | None:
    return ev.ents.known_owner(ev.pm)


def _role_word_between(ev: Evidence) -> Ownership | None:
    # "Sagsbehandler Jens Holm har talt med moren på 22 33 44 55": a role word between a
    # professional's name and the number makes it a (nameless) private person's
    if ev.cue is not None and not ev.private_near and not ev.in_signature \
            and not ev.classifier.line_is_contact(ev.text) and not ev.org_word_between:
        return private(max(ev.pm.score, 0.85),
                       "står ved en pårørende eller anden privatperson", ev.cue)
    return None


def _private_line(ev: Evidence) -> Ownership | None:
    """"Kæreste: Sabrina Holt, 31 42 77 09", "Nærmeste pårørende: …": a line whose key
    names a private person's role speaks of that person (the client's own fields are
    decided before this row)."""
    cls = ev.classifier
    colon = ev.text.find(":")
    if colon < 0 or ev.pm.start < colon or not cls.line_is_private(ev.text):
        return None
    if _SENTENCE_END.search(ev.text, 0, colon):
        return None  # "Hans mor har ringet. Kontakt i kommunen: …": no key, two sentences
    key = cls.header_key(ev.text) or ""
    return private(max(ev.pm.score, 0.9), f"står i en linje om en privatperson ('{key}:')",
                   cls.key_role(key) or ev.role)


# a sentence's end inside the text before a line's colon: a word, a full stop, a capital
_SENTENCE_END = re.compile(r"[a-zæøå]{3,}[.!?][ \t]+[A-ZÆØÅ]")


def _client_cpr(ev: Evidence) -> Ownership | None:
    d = ev.ents.client_cpr_digits
    return client(1.0, "er klientens") if d and ev.digits == d else None


def _client_birth_date(ev: Evidence) -> Ownership | None:
    """A birth date that is the first half of the client's CPR number is the client's."""
    d = ev.ents.client_cpr_digits
    return client(1.0, "er klientens fødselsdato (CPR-nr.)") \
        if d and ev.pm.normalized == d[:6] else None


def _client_foreign_number(ev: Evidence) -> Ownership | None:
    """The client's own personal number of another country ("Svensk personnummer:
    860129-2458" in Stamoplysninger): a labelled field there, or a number whose birth date
    is the client's (by the CPR number: DDMMYY, or YYMMDD as Sweden writes it, after the
    century digit as Estonia and Lithuania write it)."""
    from gldocs.cpr import birth_date

    digits = re.sub(r"\D", "", ev.pm.text)
    if len(digits) == 10 and birth_date(digits) is not None:
        return None  # a Danish CPR number: the client's own is the same number
    if ev.section == "stamoplysninger" and ev.classifier.header_key(ev.text):
        return client(0.9, "står i klientens egne Stamoplysninger (udenlandsk personnummer)")
    d = ev.ents.client_cpr_digits
    if not d or len(d) != 10:
        return None
    born = {d[:6], d[4:6] + d[2:4] + d[:2]}  # DDMMYY and YYMMDD
    first = {digits[2:8]} if len(digits) == 12 else {digits[:6], digits[1:7]} \
        if len(digits) == 11 else {digits[:6]}
    return client(0.9, "er klientens udenlandske personnummer (samme fødselsdato)") \
        if first & born else None


def _other_cpr(ev: Evidence) -> Ownership | None:
    return private(ev.pm.score, "tilhører en anden end klienten", ev.role)


def _plate(ev: Evidence) -> Ownership | None:
    return private(ev.pm.score, "er en nummerplade", ev.role)


def _client_phone(ev: Evidence) -> Ownership | None:
    return client(1.0, "er klientens (klientens egne felter)") \
        if ev.digits[-8:] in ev.ents.client_phones else None


def _client_email(ev: Evidence) -> Ownership | None:
    return client(1.0, "er klientens (klientens egne felter)") \
        if ev.pm.normalized in ev.ents.client_emails else None


def _private_near(ev: Evidence) -> Ownership | None:
    if not ev.private_near or ev.nearest is None:
        return None
    return private(max(ev.pm.score, 0.9),
                   f"står ved privatpersonen {ev.nearest.person.name}", ev.role)


def _signature(ev: Evidence) -> Ownership | None:
    if ev.in_signature and not (ev.pm.entity == "EMAIL"
                                and ev.classifier.email_is_private(ev.pm.normalized)):
        return professional(0.85, "står i afsenderens underskrift")
    return None


def _professional_near(ev: Evidence) -> Ownership | None:
    if ev.pro_near and ev.nearest is not None:
        return professional(0.9, f"tilhører fagpersonen {ev.nearest.person.name}")
    return None


def _org_phone(ev: Evidence) -> Ownership | None:
    return professional(0.9, "er et nummer hos Kriminalforsorgen") \
        if ev.classifier.phone_is_org(ev.digits[-8:]) else None


def _contact_line_phone(ev: Evidence) -> Ownership | None:
    cls = ev.classifier
    # (a line of the coordination part counts when it shows an office: "- Støtteperson fra
    # netværket: 31 42 77 09" is no authority's)
    if cls.line_is_contact(ev.text) or (ev.section in COORDINATION_SECTIONS
                                        and not cls.line_is_private(ev.text)
                                        and cls.shows_office(ev.text)):
        return professional(0.8, "står i en kontaktlinje for en myndighed")
    return None


class _Patterns:
    """The ownership patterns built from the policy's ownership words
    (``resources.ownership_words``, ``policies/lexicons/ejerskabsord.yaml``): once per
    bundle (:func:`patterns_for`)."""

    def __init__(self, words: WordLists) -> None:
        # The label and filler between an authority's name and its number: "Jobcenter
        # Horsens, tlf. 12 34 56 78", "KiF Aarhus (direkte: …)", "ringede til jobcentret på …".
        self.label_tail = re.compile(
            rf"(?:[\s,(:–\-]|\b(?:{words.alternation('number_labels')})\b\.?)*$",
            re.IGNORECASE)
        self.subject_gives_number = re.compile(
            rf"\b(?:kan\s+)?(?:{words.alternation('authority_reach_verbs')})\b"
            rf"|\bhar\s+(?:{words.alternation('authority_has_words')})\b"
            rf"|\b(?:{words.alternation('authority_number_words')})\b", re.IGNORECASE)
        self.org_endings = tuple(words["org_endings"])
        # the small words inside an authority's name ("Familie- og Beskæftigelsesforvaltningen")
        self.authority_particles = words.set("authority_name_particles")
        # a possessive that is not the subject's own ("hendes nummer"), or any capitalised
        # word after the start ("Roses telefon")
        self.someone_elses = re.compile(
            rf"\b(?:{words.alternation('other_possessives')})\b|(?<!^)\b[A-ZÆØÅ]")
        self.mail_header_keys = words.set("mail_header_keys")
        # Between a professional's name and an identifier, another party the sentence
        # brings in: "Ole Bæk har talt med en person, som har nummeret …", "… haft besøg af
        # en kvinde, der oplyste …", "… fik det af sin kollega": perhaps that party's
        self.other_party = re.compile(
            rf"\b(?:{words.alternation('other_party_prepositions')})[ \t]+"
            rf"(?:{words.alternation('other_party_determiners')})\b"
            rf"|\b(?:{words.alternation('other_party_indefinites')})[ \t]+"
            rf"(?:{words.alternation('other_party_nouns')})\b", re.IGNORECASE)
        # "Rune har fået et nyt telefonnummer, 53 88 20 17", "Runes nye mail er …": the
        # client, as the subject of the sentence, gives his own number or e-mail
        self.gives_own_number = re.compile(
            rf"^(?:[\w\-]+[ \t]+){{0,9}}?(?:(?:{words.alternation('new_own_words')})[ \t]+)?"
            rf"(?:{words.alternation('own_contact_words')})[ \t]*(?:,|:|er|på|hedder)?[ \t]*$",
            re.IGNORECASE)
        # "Klienten kan kontaktes på …", "Kl. flytter ind på …": the client as the subject by
        # the word the text names the client by ("kl. 10" is the time)
        self.client_designation = "(?i:" + "|".join(
            re.escape(w) + (r"(?![ \t]*\d)" if w.endswith(".") else "")
            for w in sorted(words["client_designations"], key=len, reverse=True)) + ")"
        # where the words before an identifier stop being its sentence, for the client as the
        # subject: a designation's full stop ends none ("Kl. flytter ind på …")
        keep = "".join(rf"(?<!(?i:\b{re.escape(w)}))" for w in words["client_designations"]
                       if w.endswith("."))
        self.subject_break = re.compile(rf"(?<=[.;!?]){keep}\s+|\n")
        # "Dennis kan få et værelse i kommunens skæve boliger på Havnevej 41", "Rune flytter
        # ind på …": the client, as the subject, gets or moves into a home there
        self.designations = frozenset(w.lower() for w in words["client_designations"])
        # a fronted phrase (up to six words) and a finite verb before the subject
        self.fronted = re.compile(
            rf"(?:[\w\-]+,?[ \t]+){{1,6}}?(?:{words.alternation('fronting_verbs')})[ \t]+",
            re.IGNORECASE)
        gets = words.alternation("home_get_verbs", "[ \t]+")
        self.gets_own_home = re.compile(
            rf"^(?:[\w\-]+[ \t]+){{0,4}}?(?:{gets})[ \t]+(?:[\w\-.]+[ \t]+){{0,8}}?"
            r"(?:på|i|til)[ \t]*$", re.IGNORECASE)
        # "Serkan bor … på Løget Høj 3 og kan kontaktes på 28 40 63 15": the client, still
        # the subject, can be reached on the number (a coordinated predicate without a new
        # subject)
        # "Hans seneste adresse var …", "Hendes mobil efter løsladelse bliver …": a
        # possessive's label of the value (the possessive itself is read by the caller)
        label = (r"^(?:(?:{adj})[ \t]+){{0,2}}(?:{words})(?:[ \t]+[\w\-.]+){{0,3}}?"
                 r"(?:[ \t]+(?:{verbs})[ \t]*:?|[ \t]*:)[ \t]*$")
        adj, verbs = words.alternation("own_label_adjectives"), words.alternation(
            "own_value_verbs")
        self.own_number_label = re.compile(label.format(
            adj=adj, words=words.alternation("own_contact_words"), verbs=verbs), re.IGNORECASE)
        self.own_address_label = re.compile(label.format(
            adj=adj, words=words.alternation("own_address_words"), verbs=verbs), re.IGNORECASE)
        self.label_adjectives, self.label_verbs = adj, verbs
        self.contact_label_words = (f"{words.alternation('own_contact_words')}|"
                                    f"{words.alternation('own_address_words')}|"
                                    f"{words.alternation('contact_key_words')}")
        # "Tlf. (egen): …", "Kontakt efter løsladelsen: mobil …", "Contact after release:
        # …": a field's key that marks it as the client's own (the value follows)
        release = words.alternation("release_contact_words", "[ \t]+")
        self.own_field_key = re.compile(
            rf"(?<![\w@.\-])(?:[^\W\d_]+-)?(?:{words.alternation('own_field_keys')})"
            rf"(?:[ \t]+[\w\-.]+)"
            rf"{{0,2}}?[ \t]*(?:\([ \t]*(?:{words.alternation('own_field_marks')})[ \t]*\)"
            rf"|[ \t](?:{release}))[ \t]*:",
            re.IGNORECASE)
        # the client's pronouns by gender ("male" for an odd last CPR digit)
        self.pronouns = {
            "male": frozenset((*words["male_pronouns"], *words["male_possessives"])),
            "female": frozenset((*words["female_pronouns"], *words["female_possessives"]))}
        self.possessives = frozenset((*words["male_possessives"],
                                      *words["female_possessives"]))
        self.pronoun_open = re.compile(
            "(?i:" + "|".join(words.alternation(k) for k in (
                "male_pronouns", "female_pronouns", "male_possessives", "female_possessives"))
            + r")[ \t]+")
        self.key_owner_prepositions = words.alternation("key_owner_prepositions")
        reach = words.alternation("client_reach_verbs", "[ \t]+")
        # "Hej Karen. …": a greeting right before a name, on its line (the message is
        # written to that person)
        self.greeting_before = re.compile(
            rf"(?:^|[\n>])[ \t>]*(?:{words.alternation('greetings')})[ \t,]*$", re.IGNORECASE)
        # the writer's own name and office after the greeting ("Hej, Ahmad fra …")
        intro = words.alternation("self_introduction_words", r"[ \t]+")
        self.self_introduction = re.compile(rf"[ \t]*,?[ \t]*(?:{intro})[ \t]+\S", re.IGNORECASE)
        # "Han viste en sms fra et ukendt nummer": the number came from (or went to)
        # another, or nobody knows whose it is; "fra sit nye nummer" is the client's own
        self.not_own = re.compile(
            rf"\b(?:{words.alternation('not_own_prepositions')})[ \t]+"
            rf"(?!(?:{words.alternation('own_possessives')})\b)"
            rf"|\b(?:{words.alternation('unknown_number_words')})\b", re.IGNORECASE)
        self.can_be_reached = re.compile(
            rf"(?:^|[ \t])(?:og[ \t]+)?(?:kan[ \t]+)?(?:{reach})"
            rf"[ \t]+(?:{words.alternation('reach_prepositions')})[ \t]*"
            rf"(?:{words.alternation('reach_contact_words')})?[ \t]*[:.]?[ \t]*$",
            re.IGNORECASE)


@lru_cache(maxsize=8)
def patterns_for(words: WordLists | None) -> _Patterns:
    return _Patterns(words if words is not None else default_words("ownership_words"))


def _is_org_word(ev: Evidence, word: str) -> bool:
    w = word.lower()
    return w in ev.classifier.org_words or w.endswith(
        patterns_for(ev.classifier.ownership_words).org_endings)


def authority_owns(ev: Evidence) -> str | None:
    """Positive evidence that the identifier is an authority's own, or None.

    Either the authority's name stands right before it, with nothing but a label between
    ("Jobcenter Horsens, tlf. 12 34 56 78"), or the authority is the subject of a sentence
    that gives its number ("Jobcentret kan kontaktes på 12 34 56 78"). An authority word
    elsewhere in the sentence is no evidence: "Han har ringet til fængslet flere gange fra
    31 64 22 08" is the caller's number."""
    start = ev.pm.start
    # the authority's own address may stand between ("Misbrugscenter Viborg, Sct. Mathias
    # Gade 88, 8800 Viborg, tlf. …"): it is left out, and its full stops end no sentence
    before = _drop_addresses(ev.text[max(0, start - 200):start],
                             ev.classifier.address_words)
    sentence = re.split(r"(?<=[.;!?])\s+(?=[A-ZÆØÅ])|\n", before)[-1]
    pats = patterns_for(ev.classifier.ownership_words)
    head = pats.label_tail.sub("", sentence)
    words = _WORDS.findall(head)
    # the authority's name: an organisation word and at most three capitalised words after
    # it, the small words inside an authority's name allowed ("Aalborg Kommune, Familie- og
    # Beskæftigelsesforvaltningen, telefon …")
    particles = pats.authority_particles
    capitalised = 0
    for k in range(len(words) - 1, -1, -1):
        if _is_org_word(ev, words[k]):
            return "myndighedens navn står lige før"
        if words[k].lower() in particles and capitalised:
            continue
        if not words[k][:1].isupper() or capitalised >= 4:
            break
        capitalised += 1
    first = words[:3]
    if any(_is_org_word(ev, w) for w in first) and pats.subject_gives_number.search(head):
        return "myndigheden er sætningens grundled og giver nummeret"
    return None


def _authority_before_phone(ev: Evidence) -> Ownership | None:
    why = authority_owns(ev) if ev.cue is None else None
    return professional(0.75, f"tilhører en myndighed ({why})") if why else None


def _in_stamoplysninger(ev: Evidence) -> Ownership | None:
    return client(0.8, "står i Stamoplysninger") if ev.section == "stamoplysninger" else None


# Fail closed: an identifier nobody is shown to own is removed and flagged for review
# (a score below the policy's review threshold), so exit 1 says "look at this".
UNCLEAR = 0.45


def _unattributed_phone(ev: Evidence) -> Ownership | None:
    return private(UNCLEAR, "kan ikke knyttes til klienten eller en fagperson (ejer uklar: "
                            "fjernet, gennemse)")


def _after_clients_name(ev: Evidence) -> Ownership | None:
    """The address right after the client's name ("Fra: Hamza Al-Sayed <hamza…@gmail.com>",
    "Hamza Al-Sayed, hamza…@gmail.com"): a mail header or contact line names its owner."""
    before = [m for m in ev.mentions if m.end <= ev.pm.start]
    if not before or before[-1].person.kind != "client":
        return None
    gap = ev.text[before[-1].end:ev.pm.start]
    if re.fullmatch(r"[ \t]*(?:[<(\[]|,[ \t]*(?:e-?mail|mail)?[ \t]*:?)?[ \t]*", gap,
                    re.IGNORECASE):
        return client(0.9, "står lige efter klientens navn")
    return None


def _private_mail_domain(ev: Evidence) -> Ownership | None:
    if not ev.classifier.email_is_private(ev.pm.normalized):
        return None
    if ev.section == "stamoplysninger":
        return client(0.8, "står i Stamoplysninger")
    if _local_part_is_clients(ev):
        return client(0.8, "har klientens for- og efternavn i lokaldelen")
    if _clients_first_name_in_local(ev):
        # "kasper.lund.77@gmail.com" for Kasper Vindahl Rønne: perhaps his, not shown
        return private(UNCLEAR, "har klientens fornavn i lokaldelen, men ikke efternavnet "
                                "(ejer uklar: fjernet, gennemse)")
    # no person is named at it: perhaps a private person's whose name the local part holds,
    # else nobody is shown to own it (it may be the client's own: fail closed, for review)
    return _mail_like_private_name(ev) or private(
        UNCLEAR, "er en privat e-mailadresse, som hverken klienten eller en anden er vist at "
                 "eje (ejer uklar: fjernet, gennemse)")


def _local_part_words(ev: Evidence) -> list[str]:
    from gldocs.redact.case_entities import folded_forms

    local = ev.pm.normalized.split("@")[0].lower()
    return [t for t in (ev.ents.client.tokens if ev.ents.client else [])
            if len(t) > 1 and any(f in local for f in folded_forms(t))]


def _local_part_is_clients(ev: Evidence) -> bool:
    """The local part holds the client's first name and another word of the client's
    name, in any spelling ("kasper.roenne@…" for Kasper Vindahl Rønne)."""
    hits = _local_part_words(ev)
    client_ = ev.ents.client
    return client_ is not None and bool(hits) and hits[0] == client_.tokens[0] and (
        len(set(hits)) >= 2 or len(client_.tokens) == 1)


def _clients_first_name_in_local(ev: Evidence) -> bool:
    client_ = ev.ents.client
    return client_ is not None and client_.tokens[0] in _local_part_words(ev)


_LOCAL_PIECE = re.compile(r"[^\W\d_]+")


def local_part_names(local: str, tokens: Sequence[str]) -> bool:
    """Whether an e-mail's local part spells a name of ``tokens`` (lower case) as a whole
    word: a piece between dots, underscores, hyphens and digits is a token
    ("nanna.krogh88"), two tokens run together ("nannakrogh") or an initial and a token
    ("nkrogh"). A token inside a longer word is another name ("poul" in "poulsgaard")."""
    names = {t for t in tokens if len(t) > 2}
    if not names:
        return False
    for piece in _LOCAL_PIECE.findall(local.lower()):
        if piece in names:
            return True
        for t in names:
            if piece.startswith(t) and (piece[len(t):] in tokens or len(piece) == len(t) + 1):
                return True
            if piece.endswith(t) and (piece[:-len(t)] in tokens or len(piece) == len(t) + 1):
                return True
    return False


def _mail_like_private_name(ev: Evidence) -> Ownership | None:
    local = ev.pm.normalized.split("@")[0]
    for p in ev.ents.private():
        tokens = [t.lower() for t in p.tokens if t not in ev.ents.protected_tokens]
        if local_part_names(local, tokens):
            return private(0.9, f"ligner privatpersonen {p.name}", p.role)
    return None


def _authority_mail(ev: Evidence) -> Ownership | None:
    if ev.pro_near or ev.classifier.email_is_org(ev.pm.normalized):
        return professional(0.9, "er en myndigheds e-mailadresse")
    return None


def _authority_line_mail(ev: Evidence) -> Ownership | None:
    # (a mail header's "Fra:"/"Til:" alone is no evidence: a relative writes mail too; an
    # authority's domain there is decided by _authority_mail_in_header)
    if ev.classifier.line_is_contact(ev.text):
        return professional(0.8, "står i en kontaktlinje for en myndighed")
    why = authority_owns(ev)
    return professional(0.8, f"tilhører en myndighed ({why})") if why else None


# (the keys of a mail header's address lines, Danish, English, German: the policy's
# ownership words, mail_header_keys)


def _authority_mail_in_header(ev: Evidence) -> Ownership | None:
    """"Cc: Børn og Familie, Myndighed <bfmyndighed@horsens.dk>": in a mail header an
    address belongs to the name before it, and an authority's mail domain (the policy's
    directory, a municipality's own domain) is positive evidence that it is the
    authority's, whatever words a department's name holds ("Børn og Familie" is no
    relative). Not when a private person is named before it in the same address."""
    cls = ev.classifier
    keys = patterns_for(cls.ownership_words).mail_header_keys
    if (cls.header_key(ev.text) or "") not in keys or \
            not cls.email_is_org(ev.pm.normalized):
        return None
    # the display name: after the line's key or after the address before this one
    line_start = ev.text.rfind("\n", 0, ev.pm.start) + 1
    begin = max(line_start, *(ev.text.rfind(c, line_start, ev.pm.start) + 1 for c in ";>"))
    if any(begin <= m.start < ev.pm.start and m.person.kind == "private"
           for m in ev.mentions):
        return None
    return professional(0.9, "står i et brevhoved med en myndigheds maildomæne")


def _unattributed_mail(ev: Evidence) -> Ownership | None:
    return private(UNCLEAR, "kan ikke knyttes til klienten eller en myndighed (ejer uklar: "
                            "fjernet, gennemse)")


def _client_address(ev: Evidence) -> Ownership | None:
    key = _addr_key(ev.pm.text)
    # (an address that opens with four digits, "1408-ho, 55 Haeundaehaebyeon-ro", has no
    # key before them: an empty key is the prefix of every address, so it proves nothing)
    if key and any(key == a or key.startswith(a) or a.startswith(key)
           for a in ev.ents.client_addresses if a):
        return client(1.0, "er klientens adresse")
    return None


def _authority_address(ev: Evidence) -> Ownership | None:
    if ev.pro_near or ev.classifier.line_is_contact(ev.text):
        return professional(0.8, "er en myndigheds adresse")
    why = authority_owns(ev) if ev.cue is None else None
    # "Kriminalforsorgens Pension Skejby, Paludan-Müllers Vej 116": the authority's name
    # right before it
    return professional(0.8, f"er en myndigheds adresse ({why})") if why else None


def _other_address(ev: Evidence) -> Ownership | None:
    return private(UNCLEAR, "er ikke klientens og kan ikke knyttes til en fagperson (ejer "
                            "uklar: fjernet, gennemse)")


def _client_field(ev: Evidence) -> Ownership | None:
    """The client's own labelled field in Stamoplysninger ("Konto: 1234 5678901234")."""
    return client(0.8, "står i klientens egne Stamoplysninger") \
        if ev.section == "stamoplysninger" and ev.classifier.header_key(ev.text) else None


@lru_cache(maxsize=64)
def _client_label_patterns(pats: _Patterns, names: tuple[str, ...]
                           ) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """For a client named by ``names`` (escaped tokens): a label that ends right before the
    value and names the client as its owner ("Klientens mobil: ", "Kaspers nye adresse er
    ", "Kl. tlf. "), and a line's key that does ("Kontaktoplysninger på klienten:")."""
    owner = "|".join([*names, pats.client_designation])
    label = re.compile(
        rf"(?<![\w@.\-])(?:{owner}){GENITIVE}?[ \t]+(?:(?:{pats.label_adjectives})[ \t]+)"
        rf"{{0,2}}(?:{pats.contact_label_words})(?:[ \t]+[\w\-.]+){{0,3}}?"
        rf"(?:[ \t]*[:=]|[ \t]+(?:{pats.label_verbs}))?[ \t]*$", re.IGNORECASE)
    key = re.compile(
        rf"^[ \t]*[-•*]?[ \t]*(?:{pats.contact_label_words})[\w\-]*[ \t]+"
        rf"(?:{pats.key_owner_prepositions})[ \t]+"
        rf"(?:{owner})[ \t]*:", re.IGNORECASE)
    return label, key


def _client_labelled(ev: Evidence) -> Ownership | None:
    """A label right before the value that names the client as its owner ("Klientens mobil:
    52 18 66 09", "Kaspers nye adresse er …", "Kl. tlf. …"), or the key of its line
    ("Kontaktoplysninger på klienten: tlf. …, mail …"), with nobody else named between:
    direct evidence, stronger than a role word earlier in the text."""
    client_ = ev.ents.client
    names = tuple(sorted((re.escape(t) for t in client_.tokens if len(t) > 2),
                         key=len, reverse=True)) if client_ else ()
    if not names:
        return None
    pats = patterns_for(ev.classifier.ownership_words)
    label, key = _client_label_patterns(pats, names)
    start = ev.pm.start
    m = label.search(ev.text, max(0, start - 100), start)
    if m is not None and not _others_named(ev, m.start(), start):
        return client(0.9, "er klientens (feltet navngiver klienten som ejer)")
    line_start = ev.text.rfind("\n", 0, start) + 1
    k = key.match(ev.text, line_start)
    if k is not None and k.end() <= start and not _others_named(ev, k.end(), start):
        return client(0.9, "er klientens (linjens felt navngiver klienten)")
    return None


def _client_own_field(ev: Evidence) -> Ownership | None:
    """A field whose key marks it as the client's own: "Tlf. (egen): 28 …" in a form filled in
    with the client, "Kontakt efter løsladelsen: mobil …, e-mail …" (only the client is
    released), on the value's line with no other person, role word or key between (a
    private person's number never has such a key: "Morens tlf. (egen)" names the mother)."""
    start = ev.pm.start
    line_start = ev.text.rfind("\n", 0, start) + 1
    pats = patterns_for(ev.classifier.ownership_words)
    keys = list(pats.own_field_key.finditer(ev.text, line_start, start))
    if not keys:
        return None
    last = keys[-1]
    gap = ev.text[last.end():start]
    head = ev.text[line_start:last.end()]
    if len(gap) > 60 or ":" in gap or _others_named(ev, line_start, start) \
            or ev.role_between(head) or ev.role_between(gap):
        return None
    return client(0.9, "er klientens (feltet er klientens eget)")


# the key of a record's field in a system export ("Klient.Kontakt.Mobil: ", "klient_adresse=")
_PATH_KEY = re.compile(r"^[ \t]*([^\W\d_][\w\-]*(?:(?:\[\d+\])?[._/][\w\-]+)+)[ \t]*[:=][ \t]*")
_PATH_SEGMENT = re.compile(r"[^\W\d_][^\W_]*")


def _client_record_field(ev: Evidence) -> Ownership | None:
    """A field of the client's own record in a system export: the key's path opens with the
    word the text names the client by and holds a contact word ("Klient.Adresse.Vej:
    Nørregade 41", "Klient.Kontakt.Mobil: 0045 42 18 75 90", "klient_email="), no role word
    in it ("Klient.Mor.Tlf:" is the mother's), the value right after the key."""
    start = ev.pm.start
    line_start = ev.text.rfind("\n", 0, start) + 1
    m = _PATH_KEY.match(ev.text, line_start)
    if m is None or m.end() > start or ev.text[m.end():start].strip():
        return None
    pats = patterns_for(ev.classifier.ownership_words)
    segments = [w.lower() for w in _PATH_SEGMENT.findall(m.group(1).replace("_", " "))]
    if not segments or segments[0] not in {d.rstrip(".") for d in pats.designations}:
        return None
    contact = re.compile(rf"(?:{pats.contact_label_words})", re.IGNORECASE)
    if not any(contact.fullmatch(w) for w in segments[1:]) or ev.role_between(m.group(1)):
        return None
    return client(0.9, f"står i klientens eget felt '{m.group(1)}'")


_CELL_SEPARATOR = re.compile(r"[;|\t]")
_ROW_OPENING = " \t|-•*"
_MAX_CELL = 60  # a longer stretch between separators is a sentence, not a table's cell


def _client_row(ev: Evidence) -> Ownership | None:
    """A row of a table or a pasted spreadsheet whose first cell is the client's name
    ("Lasse Vindahl Koch;klient;60 24 81 17;…", "| Lasse Koch | klient | 60 24 81 17 |"):
    the row's number, e-mail and address are the client's, when only short cells stand
    between (no other person named, no role word: "Lone Koch;mor;…" is the mother's row,
    "Bettina Vester;ekskæreste af Lasse Koch;…" opens with someone else)."""
    n, start = ev.nearest, ev.pm.start
    if n is None or n.person.kind != "client" or n.end > start:
        return None
    line_start = ev.text.rfind("\n", 0, start) + 1
    if n.start < line_start or ev.text[line_start:n.start].strip(_ROW_OPENING):
        return None
    between = ev.text[n.end:start]
    cells = _CELL_SEPARATOR.split(between)
    if len(cells) < 2 or any(len(c.strip()) > _MAX_CELL for c in cells) \
            or ev.cue is not None or _others_named(ev, n.end, start):
        return None
    return client(0.9, "står i klientens række i en tabel (første celle er klientens navn)")


def _client_gives_it(ev: Evidence) -> Ownership | None:
    """The client opens the sentence that gives the number, e-mail or new home, by name or
    as "han"/"hun" right after a sentence that opens with the client's name, with no other
    person or role word between (positive evidence, like an authority as the subject)."""
    client_ = ev.ents.client
    names = [re.escape(t) for t in client_.tokens if len(t) > 2] if client_ else []
    if not names or ev.cue is not None:
        return None
    start = ev.pm.start
    window = _mask_addresses(ev.text[max(0, start - 400):start],
                             ev.classifier.address_words)
    # (a short word's full stop before a word in lower case ends no sentence: "en 2-vær.
    # lejlighed på …"; the same length, so offsets hold)
    pats = patterns_for(ev.classifier.ownership_words)
    window = _SHORT_ABBREVIATION.sub(
        lambda a: a.group(0) if f"{a.group(1).lower()}." in pats.designations
        else f"{a.group(1)} {a.group(2)}", window)  # (not "Kl. flytter ind": the client)
    parts = pats.subject_break.split(window)
    sentence = _opening(parts[-1])
    by_name = re.compile(rf"(?:{'|'.join(names)}|{pats.client_designation})"
                         rf"{GENITIVE}?[ \t]+")
    m = by_name.match(sentence)
    if m is None and (f := pats.fronted.match(sentence)) is not None:
        # "Gennem sin morbror Kurt har Nicklas fået tilbud om …": the client after the
        # finite verb of a main clause that opens with another phrase
        # (the client's own name, no genitive: "har Nicklas' mor …" is the mother)
        m = re.compile(rf"(?:{'|'.join(names)})[ \t]+").match(sentence, f.end())
    possessive = m is not None and m.group(0).rstrip()[-1:] in ("s", "'", "’")
    if m is None:
        # (the whole sentence may read as a label: "Hans mobil efter løsladelsen: …")
        for opening in (sentence, parts[-1].lstrip()):
            p = pats.pronoun_open.match(opening)
            if p is not None and _pronoun_means_client(ev, pats, parts, by_name, p.group(0)):
                m, sentence = p, opening
                possessive = p.group(0).strip().lower() in pats.possessives
                break
    if m is None or _others_named(ev, start - len(sentence) + m.end(), start):
        return None
    rest = sentence[m.end():]
    label = pats.own_address_label if ev.pm.entity == "ADDRESS" else pats.own_number_label
    if possessive and label.match(rest):
        # "Hans seneste adresse var …", "Klientens adresse efter løsladelse bliver …": the
        # client's own, labelled by a possessive or the client's genitive
        return client(0.85, "er klientens (feltet navngiver klienten som ejer)")
    if pats.someone_elses.search(rest):
        return None  # "opgive hendes nummer", "Roses telefon": another's
    if ev.pm.entity != "ADDRESS" and pats.not_own.search(rest):
        return None  # "viste en sms fra et ukendt nummer": the sender's, not shown to be his
    if ev.pm.entity == "ADDRESS":
        gives = pats.gets_own_home.match(rest) is not None
    else:
        gives = pats.gives_own_number.match(rest) is not None or (
            pats.can_be_reached.search(rest) is not None and len(rest) < 200)
    return client(0.85, "klienten er sætningens grundled og giver den selv") \
        if gives else None


def _pronoun_means_client(ev: Evidence, pats: _Patterns, parts: list[str],
                          by_name: re.Pattern[str], pronoun: str) -> bool:
    """A sentence that opens with ``pronoun`` ("han", "hans", …) is about the client: up to
    three sentences back, each opening with such a pronoun, one opens with the client's
    name; nobody else and no role word is named in between, and the pronoun fits the
    client's gender when the CPR number tells it."""
    gender = _client_gender(ev.ents.client_cpr_digits)
    if gender is not None and pronoun.strip().lower() not in pats.pronouns[gender]:
        return False
    length = len(parts[-1])
    for k in range(2, min(len(parts), 4) + 1):
        before = _opening(parts[-k])
        length += len(parts[-k]) + 1
        if by_name.match(before):
            start = ev.pm.start - length
            return not _others_named(ev, start, ev.pm.start) and \
                ev.role_between(ev.text[max(0, start):ev.pm.start]) is None
        p = pats.pronoun_open.match(before)
        if p is None or (gender is not None and
                         p.group(0).strip().lower() not in pats.pronouns[gender]):
            return False
    if len(parts) >= 4 or not ev.before or _others_named(ev, 0, ev.pm.start) or \
            ev.role_between(ev.text[:ev.pm.start]) is not None:
        return False
    return _chain_in_lines_before(ev, pats, by_name, gender, 4 - len(parts))


# a quoted message's marks at the start of a line ("> ", ">> ")
_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]*)+")


def _chain_in_lines_before(ev: Evidence, pats: _Patterns, by_name: re.Pattern[str],
                           gender: str | None, left: int) -> bool:
    """The pronoun chain of :func:`_pronoun_means_client` on up the paragraph's lines
    before the unit (``ev.before``): at most ``left`` more sentences, each opening with the
    client's pronoun, up to one that opens with the client's name; nobody else named and no
    role word from there on (fail closed: a line that opens otherwise ends the chain)."""
    for k in range(len(ev.before) - 1, -1, -1):
        line, mentions = ev.before[k]
        text = line
        # (a sentence opens with a capital: "den 20. april 2026" goes on)
        cuts = [0, *(b.end() for b in pats.subject_break.finditer(text)
                     if text[b.end():b.end() + 1].isupper())]
        for start in reversed(cuts):
            sentence = text[start:]
            text = text[:start]
            if not sentence.strip():
                continue
            if left <= 0:
                return False
            left -= 1
            opening = _opening(sentence.lstrip())
            if by_name.match(opening):
                later = [m for _, ms in ev.before[k + 1:] for m in ms]
                return not any(x.person.kind != "client" for x in later) and not any(
                    x.person.kind != "client" and x.start >= start for x in mentions) and \
                    ev.role_between(line[start:]) is None and not any(
                        ev.role_between(t) is not None for t, _ in ev.before[k + 1:])
            p = pats.pronoun_open.match(opening)
            if p is None or (gender is not None and
                             p.group(0).strip().lower() not in pats.pronouns[gender]):
                return False
    return False


def _client_gender(cpr_digits: str | None) -> str | None:
    """"male" or "female" by the CPR number's last digit (odd for men); None without one."""
    if not cpr_digits or len(cpr_digits) != 10 or not cpr_digits.isdigit():
        return None
    return "male" if int(cpr_digits[-1]) % 2 else "female"


def _drop_addresses(text: str, words: WordLists | None) -> str:
    """``text`` without the addresses in it (and the comma after each)."""
    from gldocs.redact.detectors.address import find_addresses

    for a in reversed(find_addresses(text, words=words)):
        end = a.end + (1 if text[a.end:a.end + 1] == "," else 0)
        text = text[:a.start] + text[end:]
    return text


def _mask_addresses(text: str, words: WordLists | None) -> str:
    """``text`` with each address in it replaced by as many "x" (offsets unchanged): an
    address is no other person and its "2. th." ends no sentence ("Serkan bor … på Løget
    Høj 3, 2. th., 7100 Vejle og kan kontaktes på …")."""
    from gldocs.redact.detectors.address import find_addresses

    for a in find_addresses(text, words=words):
        text = text[:a.start] + "x" * (a.end - a.start) + text[a.end:]
    return text


# a label at the start of a line or sentence ("Bolig: ")
# (three words at most: "Martin har fået et nyt nummer: …" is a sentence, no label)
_LABEL = re.compile(r"^[\w\-æøåÆØÅ]+(?: [\w\-æøåÆØÅ]+){0,2}:[ \t]+")
# a time or date that opens a note's line ("10.30  ", "kl. 10.30: ", "02.12.2026 ")
_STAMP = re.compile(r"^(?:kl\.[ \t]*)?\d{1,2}[.:/]\d{1,2}(?:[.:/-]\d{2,4})?[ \t]*[:\-–]?[ \t]+",
                    re.IGNORECASE)


_SHORT_ABBREVIATION = re.compile(r"(\b[^\W\d_]{1,4})\.(\s+[a-zæøå])")


def _opening(sentence: str) -> str:
    """``sentence`` without the quoted message's marks ("> "), the label or the time stamp
    that opens it."""
    return _LABEL.sub("", _STAMP.sub("", _QUOTE_MARKS.sub("", sentence, count=1), count=1),
                      count=1)


def _others_named(ev: Evidence, start: int, end: int) -> bool:
    """Whether someone other than the client is named in ``text[start:end]``."""
    return any(start <= x.start < end for x in ev.mentions if x.person.kind != "client")


def _client_online(ev: Evidence) -> Ownership | None:
    """A username, profile or account the client's own labelled field shows to be theirs,
    wherever it stands (:meth:`CaseEntities.client_online`)."""
    why = ev.ents.client_online.get(ev.pm.normalized)
    return client(0.9, f"er klientens ({why})") if why else None


_HANDLE_WORDS = re.compile(r"[^\W\d_]+")
_NAME_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")


def _clients_display_name(ev: Evidence) -> Ownership | None:
    """A profile shown by the client's own name ("profil \"Nicki Hald\"" of Nicki Skovbo
    Hald): the handle's words and the name words right after it are all the client's, two
    at least (a given name alone may be another's)."""
    if ev.pm.entity != "ONLINE_ID" or ev.ents.client is None:
        return None
    own = {t.lower() for t in ev.ents.client.tokens}
    words = [w.lower() for w in _HANDLE_WORDS.findall(ev.pm.text)]
    end = ev.pm.end
    while (m := _NAME_AFTER.match(ev.text, end)) and m.group(1)[0].isupper() \
            and m.group(1).lower() in own:
        words.append(m.group(1).lower())
        end = m.end()
    if len(words) < 2 or not set(words) <= own:
        return None
    return client(0.85, "er klientens (profilen har klientens navn)")


def _authority_company_id(ev: Evidence) -> Ownership | None:
    """An authority's CVR number or reference: in its letterhead or contact line, or a
    professional's (a signature block) right before it."""
    what = "CVR-nummer" if ev.pm.entity == "COMPANY_ID" else "reference"
    if ev.pro_near or ev.classifier.line_is_contact(ev.text):
        return professional(0.8, f"er en myndigheds {what}")
    why = authority_owns(ev) if ev.cue is None else None
    return professional(0.8, f"er en myndigheds {what} ({why})") if why else None


def _unattributed_online(ev: Evidence) -> Ownership | None:
    return private(UNCLEAR, "kan ikke knyttes til klienten (ejer uklar: fjernet, gennemse)")


def _third_party(ev: Evidence) -> Ownership | None:
    return private(ev.pm.score, "tilhører en tredjeperson")


def _only(*entities: str) -> frozenset[str]:
    return frozenset(entities)


PHONE, EMAIL, ADDRESS = _only("PHONE"), _only("EMAIL"), _only("ADDRESS")
ONLINE = _only("ONLINE_ID", "IP_ADDRESS", "IMEI", "BANK_ACCOUNT", "COMPANY_ID", "TRANSFER_REF",
               "VESSEL", "ID_NUMBER")

# Tried in order; the first rule that decides wins.
RULES: tuple[OwnershipRule, ...] = (
    OwnershipRule("the case data names the owner", None, _known),
    # direct evidence (a label naming the client right before the value, or the same value
    # in such a field) outweighs a role word somewhere before it
    OwnershipRule("the client's own labelled field (same value)", ONLINE | _only("PLATE"),
                  _client_online),
    OwnershipRule("a profile by the client's own name", _only("ONLINE_ID"),
                  _clients_display_name),
    OwnershipRule("the client's phone (case data)", PHONE, _client_phone),
    OwnershipRule("the client's e-mail (case data)", EMAIL, _client_email),
    OwnershipRule("the client's address", ADDRESS, _client_address),
    OwnershipRule("an authority's domain in a mail header", EMAIL, _authority_mail_in_header),
    OwnershipRule("a label naming the client right before it", _only("PHONE", "EMAIL", "ADDRESS"),
                  _client_labelled),
    OwnershipRule("a field marked as the client's own", _only("PHONE", "EMAIL") | ONLINE,
                  _client_own_field),
    OwnershipRule("a field of the client's record in a system export",
                  _only("PHONE", "EMAIL", "ADDRESS"), _client_record_field),
    OwnershipRule("a table row that opens with the client's name",
                  _only("PHONE", "EMAIL", "ADDRESS"), _client_row),
    OwnershipRule("a role word between a name and it", None, _role_word_between),
    OwnershipRule("a line about a private person", None, _private_line),
    OwnershipRule("the client, as the subject, gives it", _only("PHONE", "EMAIL", "ADDRESS"),
                  _client_gives_it),
    OwnershipRule("the client's CPR number", _only("CPR"), _client_cpr),
    OwnershipRule("the client's personal number of another country", _only("CPR"),
                  _client_foreign_number),
    OwnershipRule("any other CPR number", _only("CPR"), _other_cpr),
    OwnershipRule("the client's birth date", _only("BIRTH_DATE"), _client_birth_date),
    OwnershipRule("any other birth date", _only("BIRTH_DATE"), _other_cpr),
    OwnershipRule("a licence plate", _only("PLATE"), _plate),
    OwnershipRule("right after a private person", None, _private_near),
    OwnershipRule("in the sender's signature", _only("PHONE", "EMAIL", "ADDRESS"), _signature),
    OwnershipRule("a professional's phone", PHONE, _professional_near),
    OwnershipRule("Kriminalforsorgen's phone prefixes", PHONE, _org_phone),
    OwnershipRule("a phone in a contact line", PHONE, _contact_line_phone),
    OwnershipRule("a phone after an authority", PHONE, _authority_before_phone),
    OwnershipRule("a phone in Stamoplysninger", PHONE, _in_stamoplysninger),
    OwnershipRule("any other phone", PHONE, _unattributed_phone),
    OwnershipRule("right after the client's name", EMAIL, _after_clients_name),
    OwnershipRule("a private mail domain", EMAIL, _private_mail_domain),
    OwnershipRule("an e-mail like a private person's name", EMAIL, _mail_like_private_name),
    OwnershipRule("an authority's e-mail", EMAIL, _authority_mail),
    OwnershipRule("an e-mail in an authority's line", EMAIL, _authority_line_mail),
    OwnershipRule("any other e-mail", EMAIL, _unattributed_mail),
    OwnershipRule("an address in Stamoplysninger", ADDRESS, _in_stamoplysninger),
    OwnershipRule("an authority's address", ADDRESS, _authority_address),
    OwnershipRule("any other address", ADDRESS, _other_address),
    OwnershipRule("the client's own field in Stamoplysninger", ONLINE, _client_field),
    OwnershipRule("an authority's CVR number or reference", _only("COMPANY_ID", "TRANSFER_REF"),
                  _authority_company_id),
    OwnershipRule("any other online or financial identifier", ONLINE, _unattributed_online),
    OwnershipRule("anything else", None, _third_party),
)


def owner_of(ev: Evidence, rules: Sequence[OwnershipRule] = RULES) -> Ownership:
    """The first decision of ``rules`` (the last row always decides)."""
    for rule in rules:
        if rule.entities is None or ev.pm.entity in rule.entities:
            decided = rule.decide(ev)
            if decided is not None:
                return decided
    raise AssertionError("the ownership table has no final rule")
