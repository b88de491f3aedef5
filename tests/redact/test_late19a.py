"""Late round 19 (issue 8 § 1: an identifier is kept only on positive evidence): a record of
``Nøgle: værdi`` lines whose name line names the client only through a relation (a genitive
and a role word: "<klienten>s bror", "<klienten>'s kæreste", "<klienten> (søster)"; a role
word and til/af: "Bror til <klienten>") is the relative's record, in plain lines, a numbered
list, a JSON record and a "Pårørende:" block: its number, address and e-mail go (R1). The
client's own record keeps his. All persons, places and numbers invented."""

from __future__ import annotations

import pytest
from harness import plan_case, redacted, redacted_after

from gldocs.document.sections import label_lines
from gldocs.redact.client_fields import client_field_lines

CLIENT = "Ulrik Brandhøj Falk"
CPR = "140389-2217"
SECRETS = ("61 62 73 84", "Kløvervej 12", "kaj.h@postkasse.dk")


def _layouts(name: str) -> list[str]:
    plain = (f"Navn: {name}\nTelefon: 61 62 73 84\nAdresse: Kløvervej 12, 4600 Køge\n"
             "E-mail: kaj.h@postkasse.dk")
    return [
        plain,
        (f"1) Navn: {name}\n2) Telefon: 61 62 73 84\n3) Adresse: Kløvervej 12, 4600 Køge\n"
         "4) E-mail: kaj.h@postkasse.dk"),
        ('{\n  "navn": "' + name + '",\n  "telefon": "61 62 73 84",\n'
         '  "adresse": "Kløvervej 12, 4600 Køge",\n  "email": "kaj.h@postkasse.dk"\n}'),
        f"Pårørende:\n{plain}",
    ]


def _redact(block: str) -> str:
    text = (f"Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\nMobil: 29 41 73 58\n\n"
            f"2. Netværk\nUlrik har kontakt med familien.\n\n{block}\n\n3. Bolig\n"
            "Han bor alene.\n")
    return redacted_after(plan_case(text, CLIENT, CPR, ("netværk",)), "2. Netværk")


RELATIONS = [f"{CLIENT}s bror", f"{CLIENT}'s kæreste", f"{CLIENT}’s mor",
             f"{CLIENT} (søster)", f"Bror til {CLIENT}", f"Mor af {CLIENT}"]


@pytest.mark.parametrize("layout", range(4))
@pytest.mark.parametrize("name", RELATIONS)
def test_a_record_named_through_the_client_is_the_relatives(name: str, layout: int) -> None:
    out = _redact(_layouts(name)[layout])
    assert not [s for s in SECRETS if s in out], out


@pytest.mark.parametrize("layout", range(4))
def test_the_clients_own_record_keeps_his_number(layout: int) -> None:
    out = _redact(_layouts(CLIENT)[layout].replace("Pårørende:\n", "Klientens kontakt:\n"))
    assert "61 62 73 84" in out and "kaj.h@postkasse.dk" in out, out


@pytest.mark.parametrize(("value", "opens"), [
    (CLIENT, True), (f"{CLIENT}, 41 år", True),
    (f"{CLIENT}'s kæreste", False), (f"{CLIENT}’s", False), (f"{CLIENT} (bror)", False),
    (f"{CLIENT}, hans mor", False), (f"Bror til {CLIENT}", False),
])
def test_only_the_clients_own_name_line_opens_his_block(value: str, opens: bool) -> None:
    lines = [f"Navn: {value}", "Telefon: 61 62 73 84"]
    got = client_field_lines(lines, CLIENT, lambda key, line: False,
                             lambda text: any(w in text.lower() for w in ("bror", "mor")))
    assert bool(got) is opens, got


# -- a relative's or another person's record right under the client's in Stamoplysninger ---
@pytest.mark.parametrize("name", [*RELATIONS, "Kaj Hviid"])
def test_a_second_persons_record_in_stamoplysninger_is_not_the_clients(name: str) -> None:
    text = (f"Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\nMobil: 29 41 73 58\n"
            f"Navn: {name}\nTelefon: 61 62 73 84\nAdresse: Kløvervej 12, 4600 Køge\n\n"
            "2. Netværk\nHan bor alene.\n")
    assert label_lines(text.split("\n"))[4:7] == ["unknown"] * 3
    out = redacted(plan_case(text, CLIENT, CPR, ("netværk",)))
    assert "29 41 73 58" in out, out
    assert "61 62 73 84" not in out and "Kløvervej 12" not in out, out


@pytest.mark.parametrize("again", [f"Klientens navn: {CLIENT}", f"Fulde navn: {CLIENT}, 41 år"])
def test_the_clients_name_given_twice_keeps_the_block(again: str) -> None:
    lines = ["Stamoplysninger", f"Navn: {CLIENT}", f"CPR-nr.: {CPR}", again,
             "Telefon: 61 62 73 84"]
    assert label_lines(lines)[1:] == ["stamoplysninger"] * 4


def test_a_document_opening_with_two_records_gives_the_client_only_the_first() -> None:
    lines = ["Telefonnotat", f"Navn: {CLIENT}", f"CPR-nr.: {CPR}", "Mobil: 29 41 73 58",
             f"Navn: Bror til {CLIENT}", "Telefon: 61 62 73 84"]
    assert label_lines(lines)[1:] == ["stamoplysninger"] * 3 + ["unknown"] * 2
