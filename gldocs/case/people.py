"""Who is who in a case, from its structured fields (for case-aware redaction).

- the client (kept towards the municipality: K1),
- professionals acting in office (kept: K3): handleplansansvarlig, stedfortræder, the
  municipality's contact person and the contacts under Samarbejdspartnere,
- private persons (removed: R1): everyone under ``personer``.
"""

from __future__ import annotations

from dataclasses import dataclass

from gldocs.case.model import Case, Person
from gldocs.case.types import Relation


@dataclass(frozen=True)
class Fagperson:
    """A professional named in the case's structured fields."""

    navn: str
    rolle: str  # title or role, e.g. "Socialrådgiver", "Kontaktperson i handlekommunen"
    organisation: str
    telefon: str | None = None
    email: str | None = None
    felt: str = ""  # the field path the person comes from
    adresse: str | None = None  # the office address, when the case gives one


@dataclass(frozen=True)
class Klient:
    navn: str
    cpr: str
    telefon: str | None
    email: str | None
    adresse: str | None


@dataclass(frozen=True)
class CasePeople:
    klient: Klient
    fagpersoner: tuple[Fagperson, ...]
    private: tuple[Person, ...]

    def private_with(self, relation: Relation) -> list[Person]:
        return [p for p in self.private if p.relation is relation]


KRIMINALFORSORGEN = "Kriminalforsorgen"


def case_people(case: Case) -> CasePeople:
    """The client, the professionals and the private persons known from ``case``."""
    st = case.stamoplysninger
    klient = Klient(st.navn, st.cpr, st.telefon, st.email, st.adresse)
    staff: list[Fagperson] = [
        Fagperson(m.navn, m.titel, KRIMINALFORSORGEN, m.telefon, m.email,
                  f"stamoplysninger.{name}")
        for name, m in (("handleplansansvarlig", st.handleplansansvarlig),
                        ("stedfortraeder", st.stedfortraeder))
    ]
    if st.handlekommune is not None:
        hk = st.handlekommune
        staff.append(Fagperson(hk.kontaktperson, "Kontaktperson i handlekommunen", hk.navn,
                               hk.telefon, hk.sikker_post,
                               "stamoplysninger.handlekommune.kontaktperson", hk.adresse))
    staff += [
        Fagperson(k.navn, k.rolle, k.organisation, k.telefon, k.email,
                  f"samarbejdspartnere.kontakter[{i}]", k.adresse)
        for i, k in enumerate(case.samarbejdspartnere.kontakter)
    ]
    return CasePeople(klient, tuple(staff), tuple(case.personer))
