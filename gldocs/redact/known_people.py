"""People known from the case data: who is a professional, who a private person, whose number.

A case file names its people in structured fields (:func:`gldocs.case.case_people`): the
client, the staff (handleplansansvarlig, stedfortræder, the municipality's contact person,
the contacts under Samarbejdspartnere: K3, kept) and the private persons under ``personer``
(R1, removed, with the marker of their relation). That is surer than any cue in the text, so
the analysis is seeded with it: these names are decided before the text is read, and their
phone numbers, e-mail addresses, addresses and CPR numbers are explained as theirs wherever
they stand.

    known = known_people(doc.meta.get("people"))     # None for documents without case data
    AnalysisContext(..., known=known)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from gldocs.redact.detectors.patterns import digits_only
from gldocs.text.normalize import normalise_text

# a case's relation (gldocs.case.types.Relation) -> the policy's role for the marker
RELATION_ROLES = {
    "paaroerende": "paaroerende",
    "forurettet": "forurettede",
    "medgerningsmand": "medgerningsmand",
    "anden": "",
}


@dataclass(frozen=True)
class KnownPerson:
    name: str
    kind: str  # "professional" or "private"
    role: str = ""  # private: the policy role ("paaroerende"); professional: the title
    organisation: str = ""
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    cprs: tuple[str, ...] = ()
    field: str = ""  # the case field the person comes from


@dataclass(frozen=True)
class KnownPeople:
    client_phones: tuple[str, ...] = ()
    client_emails: tuple[str, ...] = ()
    client_addresses: tuple[str, ...] = ()
    people: tuple[KnownPerson, ...] = ()

    def professionals(self) -> list[KnownPerson]:
        return [p for p in self.people if p.kind == "professional"]

    def private(self) -> list[KnownPerson]:
        return [p for p in self.people if p.kind == "private"]


def known_people(case_people: Any) -> KnownPeople | None:
    """The known people of a :class:`gldocs.case.people.CasePeople` (None stays None)."""
    if case_people is None:
        return None
    k = case_people.klient
    people: list[KnownPerson] = []
    for f in case_people.fagpersoner:
        if not f.navn:
            continue
        people.append(KnownPerson(
            normalise_text(f.navn), "professional", f.rolle or "", f.organisation or "",
            _given(f.telefon), _given(f.email), _given(getattr(f, "adresse", None)),
            field=f.felt))
    for i, p in enumerate(case_people.private):
        relation = str(getattr(p.relation, "value", p.relation) or "")
        people.append(KnownPerson(
            normalise_text(p.navn), "private", RELATION_ROLES.get(relation, ""), "",
            _given(p.telefon), _given(p.email), _given(p.adresse), _given(p.cpr),
            field=f"personer[{i}]"))
    return KnownPeople(_given(k.telefon), _given(k.email), _given(k.adresse), tuple(people))


def _given(value: Any) -> tuple[str, ...]:
    return (normalise_text(str(value)),) if value else ()


def phone_key(text: str) -> str:
    return digits_only(text)[-8:]


def email_key(text: str) -> str:
    return text.strip().lower()


def address_key(text: str) -> str:
    """Street, number and floor/side of an address, for comparisons."""
    t = re.sub(r"\s+", " ", text.lower()).strip(" ,.")
    t = re.split(r",?\s*\d{4}\b", t)[0]  # drop postnummer and town
    return t.strip(" ,.")
