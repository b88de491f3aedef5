"""Case data seeds the analysis: staff kept with their numbers, private persons removed."""

from __future__ import annotations

from pathlib import Path

from harness import analyse, analyzer_for, redacted, stamdata

from gldocs.case.people import CasePeople, Fagperson, Klient
from gldocs.case.types import Relation
from gldocs.redact.known_people import known_people

REPO = Path(__file__).resolve().parents[2]
CLIENT = "Kasper Overgaard Winther"


class _Private:
    """A private person as ``gldocs.case.model.Person`` has it (only the fields used)."""

    def __init__(self, navn: str, relation: Relation, telefon: str | None = None) -> None:
        self.navn, self.relation, self.telefon = navn, relation, telefon
        self.email = self.adresse = self.cpr = None


def _people() -> CasePeople:
    klient = Klient(CLIENT, "010190-1234", "20 30 40 50", None, "Lindevej 12, 7100 Vejle")
    staff = (Fagperson("Gitte Sommer Rahbek", "Handleplansansvarlig", "Kriminalforsorgen",
                       "72 55 10 11", "gitte.rahbek@kriminalforsorgen.dk",
                       "stamoplysninger.handleplansansvarlig"),
             Fagperson("Bo Kjeldgaard", "Sagsbehandler", "Vejle Kommune", "76 81 22 33",
                       "bokj@vejle.dk", "samarbejdspartnere.kontakter[0]"))
    private = (_Private("Trine Dalsgaard", Relation.PAAROERENDE, "41 52 63 74"),
               _Private("Ulrik Bækgaard", Relation.FORURETTET))
    return CasePeople(klient, staff, private)  # type: ignore[arg-type]


def _redact(body: str, people: CasePeople | None):
    plan = analyse(stamdata(CLIENT, "010190-1234") + body, CLIENT, ["bolig"],
                   cpr="010190-1234", known=known_people(people),
                   analyzer=analyzer_for(ner=False))
    return plan, redacted(plan)


BODY = ("2. Beskrivelse\nGitte Sommer Rahbek har talt med Bo Kjeldgaard, tlf. 76 81 22 33. "
        "Trine Dalsgaard har ringet fra 41 52 63 74. Trine vil gerne hjælpe. "
        "Ulrik Bækgaard blev slået.\n")


def test_staff_from_case_data_kept_with_their_numbers() -> None:
    plan, out = _redact(BODY, _people())
    assert "Gitte Sommer Rahbek" in out and "Bo Kjeldgaard" in out
    assert "76 81 22 33" in out
    phone = next(f for f in plan.findings if f.text == "76 81 22 33")
    assert phone.rule == "K3" and "Bo Kjeldgaard" in phone.explanation


def test_private_persons_from_case_data_removed_with_relation_marker() -> None:
    plan, out = _redact(BODY, _people())
    assert "Trine" not in out and "41 52 63 74" not in out
    assert "Ulrik" not in out and "Bækgaard" not in out
    assert "[pårørende]" in out
    victim = next(f for f in plan.findings if f.text == "Ulrik Bækgaard")
    assert victim.marker == "[forurettede]" and "sagsdata" in victim.explanation
    phone = next(f for f in plan.findings if f.text == "41 52 63 74")
    assert phone.action == "remove" and phone.marker == "[pårørendes tlf.]"


def test_without_case_data_no_seeding() -> None:
    assert known_people(None) is None


def test_case_file_carries_its_people() -> None:
    from gldocs.document.case_doc import read_case_document

    sample = REPO / "samples" / "afsoner-proeveloesladelse.yaml"
    doc = read_case_document(sample)
    known = known_people(doc.meta["people"])
    assert known is not None
    assert known.professionals() and known.private()
    assert all(p.role in ("paaroerende", "forurettede", "medgerningsmand", "")
               for p in known.private())


def test_first_name_shared_by_staff_and_relative_is_removed() -> None:
    people = _people()
    staff = (Fagperson("Trine Sommer Rahbek", "Handleplansansvarlig", "Kriminalforsorgen",
                       "72 55 10 11", "t.rahbek@kriminalforsorgen.dk",
                       "stamoplysninger.handleplansansvarlig"),)
    people = CasePeople(people.klient, staff, people.private)
    _, out = _redact("2. Beskrivelse\nTrine Dalsgaard ringede. Trine vil gerne hjælpe. "
                     "Trine Sommer Rahbek har talt med hende.\n", people)
    assert "Trine vil" not in out and "Trine Sommer Rahbek" in out


def test_known_address_found_whole_where_the_pattern_sees_part() -> None:
    people = _people()
    private = (_Private("Trine Dalsgaard", Relation.PAAROERENDE),)
    private[0].adresse = "Hyldespjældet 74, st. th., 2620 Albertslund"
    people = CasePeople(people.klient, people.fagpersoner, private)
    _, out = _redact("2. Beskrivelse\nTrine Dalsgaard bor på Hyldespjældet 74, st. th., 2620 "
                     "Albertslund.\n", people)
    assert "Hyldespjældet" not in out and "Albertslund" not in out
