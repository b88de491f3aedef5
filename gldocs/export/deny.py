"""What the leak scan must not find: the deny list of one export.

Two sources, both fail closed:

* **third parties of the case** (:func:`case_third_party_terms`): every private person under
  ``personer`` with full name, the parts of the name (≥ 3 letters, unless they are part of the
  client's or a professional's name, or an ordinary Danish word that is also a given name),
  CPR number, phone (the scan matches any grouping and +45), e-mail and address (in full and
  street with number);
* **every removed text** (:func:`removed_terms`): the text of each removal the final plan
  carries out (after the caseworker's decisions).

A term is let through only when the caseworker passed it on: it occurs in a restored text, or
(for short context-dependent removals, e.g. a health word kept in a coordination area) in the
approved redacted text itself. Identity removals (the policy's identity rules, see
:attr:`~gldocs.redact.policy.Policy.identity_rules`) are never let through that way: if a third
party's name is in the approved text, the redactor missed it and the export must stop.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gldocs.case.model import Case
from gldocs.errors import Leak
from gldocs.export import leakscan
from gldocs.export.leakscan import deny_pattern
from gldocs.export.places import Place
from gldocs.redact import Plan

MIN_NAME_PART = 3
MAX_CONTEXT_WORDS = 3  # a removed term this short may stand elsewhere in approved text

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@dataclass(frozen=True)
class DenyTerm:
    text: str
    source: str  # Danish: where the term comes from, e.g. "tredjepart (personer[0].navn)"
    identity: bool  # a third party's identity: never let through by approved text


@dataclass
class DenyList:
    terms: list[DenyTerm] = field(default_factory=list)
    passed_on: list[DenyTerm] = field(default_factory=list)  # restored, or kept in context

    @property
    def texts(self) -> list[str]:
        return [t.text for t in self.terms]

    def name_terms(self) -> list[str]:
        """Identity terms that are names (checked case-aware by :meth:`scan`)."""
        return [t.text for t in self.terms if t.identity and is_name(t.text)]

    def scan(self, places: Sequence[Place], client_cpr: str | None, file: str) -> list[Leak]:
        """Every CPR number but the client's and every denied text in ``places``.

        The leak scan matches denied texts regardless of case. A person's name (an identity
        term written with capitals) counts only where its capitalised words are capitalised
        or in capitals: "Hans" the brother, not "hans" (his); "Vold" (a word wrongly taken
        for a name) not "vold" in the offence. Numbers, addresses and other texts count in
        any case.
        """
        names = set(self.name_terms())
        leaks = leakscan.scan(places, client_cpr, [t for t in self.texts if t not in names],
                              file=file)
        leaks += _scan_names(places, sorted(names), file)
        sources = {t.text: t.source for t in self.terms}
        for lk in leaks:  # say where a denied text comes from: the caseworker must act on it
            source = sources.get(lk.extra.get("forbudt", ""))
            if source:
                lk.kind = f"{lk.kind}, {source}"
        return leaks


def _scan_names(places: Sequence[Place], names: Sequence[str], file: str) -> list[Leak]:
    patterns = [(n, p) for n in names if (p := leakscan.deny_pattern(n)) is not None]
    leaks: list[Leak] = []
    seen_at: set[tuple[str, str, str]] = set()
    seen_precise: set[tuple[str, str]] = set()
    for place in sorted(places, key=lambda p: p.fallback):
        text = leakscan._clean(place.text)
        for name, pattern in patterns:
            for m in pattern.finditer(text):
                found = m.group(0)
                key = (name, found)
                if not same_capitals(name, found) or (place.place, *key) in seen_at:
                    continue
                if place.fallback and key in seen_precise:
                    continue
                seen_at.add((place.place, *key))
                if not place.fallback:
                    seen_precise.add(key)
                leaks.append(Leak(file, place.place, found, leakscan.KIND_DENIED,
                                  {"forbudt": name}))
    return leaks


def is_name(text: str) -> bool:
    """Words of letters only, the first one capitalised (e.g. "Janus la Cours")."""
    words = text.split()
    return bool(words) and all(_WORD.fullmatch(w) for w in words) and words[0][0].isupper()


def same_capitals(term: str, found: str) -> bool:
    """Every capitalised word of ``term`` is capitalised in ``found`` too."""
    return all(not t[0].isupper() or f[0].isupper()
               for t, f in zip(term.split(), found.split(), strict=False))


def ambiguous_names(policy_name: str = "kommune") -> frozenset[str]:
    """Given names that are also ordinary words, casefolded: the list the policy declares
    (``resources.ambiguous_names``), loaded through its bundle, which refuses a policy whose
    list is missing or empty (fail closed)."""
    from gldocs.redact import load_bundle

    return frozenset(w.casefold() for w in load_bundle(policy_name).ambiguous_names)


def name_tokens(name: str | None) -> set[str]:
    """The casefolded words of a name (or of an organisation line)."""
    return {w.casefold() for w in _WORD.findall(name or "")}


def protected_tokens(case: Case) -> set[str]:
    """Words of the names the municipality may see: the client and professionals."""
    st = case.stamoplysninger
    names: list[str | None] = [st.navn, st.handleplansansvarlig.navn, st.stedfortraeder.navn]
    if st.handlekommune is not None:
        names.append(st.handlekommune.kontaktperson)
    sp = case.samarbejdspartnere
    names += [k.navn for k in sp.kontakter]
    names.append(sp.koordinering.med)
    for behov in case.vurdering.behov:
        for indsats in behov.indsatser:
            names += [a.navn for a in indsats.hvem]
    tokens: set[str] = set()
    for name in names:
        tokens |= name_tokens(name)
    return tokens


def _street(address: str) -> str | None:
    """``"Edwin Rahrs Vej 54, 8220 Brabrand"`` -> ``"Edwin Rahrs Vej 54"`` (needs a number)."""
    street = address.split(",", 1)[0].strip()
    return street if re.search(r"\d", street) and street != address.strip() else None


def client_own_texts(case: Case) -> frozenset[str]:
    """The client's own identifiers from the case data (casefolded): address (in full and
    street with number), phone, e-mail and CPR number."""
    st = case.stamoplysninger
    own = {_fold(v) for v in (st.adresse, st.telefon, st.email, st.cpr) if v}
    if st.adresse and (street := _street(st.adresse)):
        own.add(_fold(street))
    return frozenset(own)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def case_third_party_terms(case: Case, ambiguous: frozenset[str] | None = None) -> list[DenyTerm]:
    """Identifiers of the private persons in the case, minus what is the client's own.
    ``ambiguous``: casefolded given names that are also ordinary words (default: the
    kommune policy's list, :func:`ambiguous_names`)."""
    ambiguous = ambiguous_names() if ambiguous is None else ambiguous
    protected = protected_tokens(case)
    own = client_own_texts(case)
    terms: list[DenyTerm] = []
    for i, person in enumerate(case.personer):
        where = f"personer[{i}]"

        def add(text: str | None, what: str, where: str = where) -> None:
            if text and _fold(text) not in own:
                terms.append(DenyTerm(text, f"tredjepart ({where}.{what})", identity=True))

        add(person.navn, "navn")
        for part in _WORD.findall(person.navn):
            folded = part.casefold()
            if len(part) >= MIN_NAME_PART and folded not in protected \
                    and folded not in ambiguous and part != person.navn:
                add(part, "navn")
        add(person.cpr, "cpr")
        add(person.telefon, "telefon")
        add(person.email, "email")
        if person.adresse:
            add(person.adresse, "adresse")
            add(_street(person.adresse), "adresse")
    return _unique(terms)


def identity_rules(plan: Plan) -> frozenset[str]:
    """The policy's identity rules for ``plan`` (from the policy file by name when the plan
    does not carry them; an unknown policy is a PolicyError: fail closed)."""
    if plan.identity_rules:
        return plan.identity_rules
    from gldocs.redact import load_policy

    return load_policy(plan.policy_name).identity_rules


def removed_terms(plan: Plan) -> list[DenyTerm]:
    """The text of every removal in the final plan."""
    doc = f"{Path(plan.source).name}: " if plan.source else ""
    identity = identity_rules(plan)
    return _unique([
        DenyTerm(f.text.strip(), f"fjernet tekst ({f.rule}, {doc}{f.unit_path})",
                 identity=f.rule in identity)
        for f in plan.removals() if f.text.strip()
    ])


def build_deny_list(terms: Iterable[DenyTerm], restored_texts: Sequence[str],
                    approved_texts: Sequence[str],
                    client_own: frozenset[str] = frozenset()) -> DenyList:
    """Drop the terms that were passed on on purpose; keep everything else (fail closed).

    ``restored_texts``: texts of restored findings (the caseworker's word: lets any term
    pass). ``approved_texts``: the redacted text of every unit as approved (lets a short
    context removal pass: a word such as "hash" removed in one part and kept in the misbrug
    area; a removed sentence found again is still a leak). An identity text (an identity
    rule's removal, a person of the case) passes only by a restore: the redactor's own
    "keep" elsewhere is not trusted, since the same phone number removed beside a
    relative's name and kept in a contact line is exactly the leak to catch.

    ``client_own`` (:func:`client_own_texts`): the client's own identifiers from the case
    data. A removed identity text that is one of them (a 16-year-old's home address removed
    where it stands as the mother's) passes when the approved text keeps it: ownership is
    shown by the case data and the redactor kept it as the client's. Where the approved text
    does not keep it (the area that would allow it is not chosen), it stays denied.
    """
    result = DenyList()
    restored = "\n".join(restored_texts)
    approved = "\n".join(approved_texts)
    for term in _unique(list(terms)):
        pattern = deny_pattern(term.text)
        if pattern is None:
            continue
        contextual = (not term.identity and len(term.text.split()) <= MAX_CONTEXT_WORDS) \
            or _fold(term.text) in client_own
        if pattern.search(restored) or (contextual and pattern.search(approved)):
            result.passed_on.append(term)
        else:
            result.terms.append(term)
    return result


def _unique(terms: list[DenyTerm]) -> list[DenyTerm]:
    """First occurrence per text (casefolded); an identity term wins over a plain one."""
    by_text: dict[str, DenyTerm] = {}
    for t in terms:
        key = " ".join(t.text.split()).casefold()
        old = by_text.get(key)
        if old is None or (t.identity and not old.identity):
            by_text[key] = t
    return list(by_text.values())
