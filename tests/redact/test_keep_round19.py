"""Round 19 (issue 8 § 1 and § 4, K1-K3 on the keep side): keep only on positive evidence,
and read the evidence the document gives.

- A professional's name in brackets right after an office's name whose name ends like an
  office ("Rusmiddelcentret i Vejle (…)").
- A participant's initials in brackets between the name and the title ("(OHO), mentor").
- A title with a place adverb before the comma of an apposition ("Socialrådgiveren
  herinde, …").
- The client's own plate in a labelled field of the Stamoplysninger; never with a relative's
  role word in the value.
- The client's own contact fields in a block that opens with the client's name outside the
  Stamoplysninger (a numbered list, a JSON record); the block ends at the first field that
  names someone else.
- The client's own number or address given in the first person ("Mit nummer er …") in a
  letter the client signs.

All persons, places and numbers are invented."""

from __future__ import annotations

import re

import pytest
from harness import Case, analyse, redacted

CLIENT = "Jonas Brink Sørensen"
CASE = Case(CLIENT, f"Stamoplysninger\nNavn: {CLIENT}\n\nBeskrivelse\n",
            areas=("misbrug", "beskæftigelse"))


# -- a professional by the evidence around the name -------------------------------------
@pytest.mark.parametrize("line", [
    "Indsats: behandling, ansvarlig Rusmiddelcentret i Holbæk (Ditte Vognsen, tlf. 59 11 22 33).",
    "Han har fået en fast behandler hos Misbrugscentret Vest (Ditte Vognsen).",
    "Næste samtale er i Ungecentret (Ditte Vognsen, 59 11 22 33) på fredag.",
])
def test_a_name_in_brackets_after_an_office_is_the_offices(line: str) -> None:
    out = CASE.redact(line)
    assert "Ditte Vognsen" in out, out
    if "59 11 22 33" in line:
        assert "59 11 22 33" in out, out


def test_a_name_in_brackets_after_a_relative_stays_private() -> None:
    out = CASE.redact("Han bor hos sin moster i Holbæk (Ditte Vognsen, tlf. 59 11 22 33).")
    assert "Ditte" not in out and "59 11 22 33" not in out, out


@pytest.mark.parametrize("line", [
    "Ditte Vognsen (DVO), mentor, Mentorhuset Sydkysten",
    "Ditte Vognsen (D.V.), familiebehandler, Foreningen Ungekraft",
    "Ditte Vognsen (DV), UU-vejleder, Holbæk Kommune",
])
def test_initials_between_the_name_and_the_title(line: str) -> None:
    out = CASE.redact(f"Deltagere:\n{line}\nDVO mødes med Jonas hver uge.")
    assert "Ditte Vognsen" in out, out


@pytest.mark.parametrize("line", [
    "Ditte Vognsen (DVO), mor til JBS",
    "Ditte Vognsen (DVO), hans kæreste",
])
def test_initials_before_a_private_role_stay_private(line: str) -> None:
    out = CASE.redact(f"Deltagere:\n{line}\n")
    assert "Ditte" not in out, out


@pytest.mark.parametrize("line", [
    "Jeg har talt med socialrådgiveren herinde, Ditte Vognsen, om en henvisning.",
    "Kontaktpersonen derude, Ditte Vognsen, hjælper med ansøgningen.",
])
def test_a_title_with_a_place_adverb_before_the_comma(line: str) -> None:
    out = CASE.redact(line)
    assert "Ditte Vognsen" in out, out


def test_a_relative_with_a_place_adverb_before_the_comma_stays_private() -> None:
    out = CASE.redact("Hans bror herinde, Ditte Vognsen, har det svært.")
    assert "Ditte" not in out, out


# -- the client's own plate in the Stamoplysninger --------------------------------------
def _plate_text(field: str, body: str = "") -> str:
    text = (f"Stamoplysninger\nNavn: {CLIENT}\n{field}\n\nBeskæftigelse\n"
            f"{body or 'Han kører til kunder hver dag.'}\n")
    return redacted(analyse(text, CLIENT, ("beskæftigelse",)))


@pytest.mark.parametrize("field", [
    "Firmabil: varevogn, reg.nr. CX 31 772",
    "Køretøj: CX 31 772 (egen bil)",
])
def test_the_clients_plate_in_his_own_field_stays(field: str) -> None:
    out = _plate_text(field, "Jonas kører til kunder i varevognen CX 31 772.")
    assert out.count("CX 31 772") == 2, out


@pytest.mark.parametrize("field", [
    "Bil: lånt af svogeren, reg.nr. CX 31 772",
    "Bil: hans søsters, CX 31 772",
])
def test_a_relatives_plate_in_a_field_goes(field: str) -> None:
    out = _plate_text(field)
    assert "CX 31 772" not in out, out


def test_another_plate_in_the_text_still_goes() -> None:
    out = _plate_text("Firmabil: CX 31 772", "Naboen har en bil med nummeret EF 55 321.")
    assert "CX 31 772" in out and "EF 55 321" not in out, out


# -- the client's own block of fields outside the Stamoplysninger -----------------------
LIST = f"""A. Person og kontakt
1) Navn: {CLIENT}, 27 år
2) Bopæl efter løsladelse: Nørregade 12, 1. th., 8000 Aarhus C
3) Telefon: 29 38 47 56
4) Mail: jbs.kontakt@webpost.dk
5) Pårørende: søster, Line Brink, tlf. 44 55 66 77
6) Mobil: 31 32 33 34
"""

RECORD = f"""{{
  "klient": {{
    "navn": "{CLIENT}",
    "adresse": "Vestergade 77, 2. sal, 8000 Aarhus C",
    "mobil": "53 54 55 56"
  }},
  "kontakter": [
    {{"rolle": "bror", "navn": "Mads Brink", "telefon": "61 62 63 64"}}
  ]
}}
"""


def test_the_clients_numbered_fields_stay_until_someone_else_is_named() -> None:
    out = CASE.redact(LIST)
    assert "Nørregade 12, 1. th., 8000 Aarhus C" in out and "29 38 47 56" in out, out
    assert "jbs.kontakt@webpost.dk" in out, out
    # the relative's line ends the client's block: the fields below it are not shown to
    # be the client's
    assert "44 55 66 77" not in out and "31 32 33 34" not in out, out


def test_the_clients_record_in_a_json_export_stays() -> None:
    out = CASE.redact(RECORD)
    assert "Vestergade 77, 2. sal, 8000 Aarhus C" in out and "53 54 55 56" in out, out
    assert "61 62 63 64" not in out and "Mads" not in out, out


@pytest.mark.parametrize("opening", ["1) Navn: Mads Brink Sørensen, hans bror, 31 år",
                                     "- Navn: Mads Brink, født 1990, bor i Holbæk"])
def test_a_block_that_opens_with_another_name_is_not_the_clients(opening: str) -> None:
    out = CASE.redact(f"{opening}\n2) Telefon: 29 38 47 56, træffes efter kl. 16 på hverdage\n")
    assert "29 38 47 56" not in out, out


def test_a_relatives_role_in_the_value_is_no_evidence() -> None:
    out = CASE.redact(f"1) Navn: {CLIENT}\n2) Telefon: lånt af moren, 29 38 47 56\n")
    assert "29 38 47 56" not in out, out


# -- the prison's own chaplain is a title, not the client's congregation's priest -------
def test_the_prisons_chaplain_is_a_professional() -> None:
    out = CASE.redact("Samarbejdspartnere\n- Statsfængslet Østjylland: fængselspræst Ditte "
                      "Vognsen\n- Jobcenter Holbæk: jobkonsulent Ole Krag\n")
    assert "Ditte Vognsen" in out, out


def test_the_clients_own_priest_stays_private() -> None:
    out = CASE.redact("Han har kontakt med præsten Ditte Vognsen fra sin menighed.")
    assert "Ditte" not in out, out


# -- the client's own number in a letter the client signs -------------------------------
def _letter(body: str, closing: str = "Mange hilsner og tak for hjælpen", name: str = "Jonas",
            head: str = "---\n\nHej Tina\n\n") -> str:
    text = (f"Stamoplysninger\nNavn: {CLIENT}\nSagsbehandler: Tina Holm, Jobcenter Holbæk\n\n"
            f"{head}{body}\n\n{closing}\n{name}\n")
    return redacted(analyse(text, CLIENT, ("beskæftigelse",)))


@pytest.mark.parametrize("sentence", [
    "Mit eget nummer efter løsladelsen bliver det gamle, 61 49 03 27.",
    "Jeg skal ud i marts. Min nye mobil er 61 49 03 27, hvis du vil ringe.",
    "Mit nummer: 61 49 03 27",
])
@pytest.mark.parametrize(("closing", "name"), [
    ("Mange hilsner og tak for hjælpen", "Jonas"),
    ("Kærlig hilsen", "Jonas B."),
    ("Med venlig hilsen", "Jonas Brink Sørensen"),
])
def test_the_clients_own_number_in_his_signed_letter_stays(sentence: str, closing: str,
                                                           name: str) -> None:
    out = _letter(sentence, closing, name)
    assert "61 49 03 27" in out, out


@pytest.mark.parametrize("sentence", [
    'Min mor skrev: "mit nummer er 61 49 03 27".',
    "Min kærestes nummer er 61 49 03 27.",
    "Mit nummer til min søster er 61 49 03 27.",
])
def test_another_persons_number_in_his_letter_goes(sentence: str) -> None:
    out = _letter(sentence)
    assert "61 49 03 27" not in out, out


@pytest.mark.parametrize(("closing", "name"), [
    ("Mange hilsner", "Lis"),  # signed by someone else
    ("Jeg glæder mig til at se dig", "Jonas"),  # no closing: no signature
])
def test_a_first_person_number_in_a_letter_not_signed_by_the_client_goes(
        closing: str, name: str) -> None:
    out = _letter("Mit nummer er 61 49 03 27.", closing, name, head="---\n\n")
    assert "61 49 03 27" not in out, out


def test_a_letter_before_the_clients_is_not_his() -> None:
    """A message above a separator line is another writer's."""
    out = _letter("Jeg skriver tilbage snart.",
                  head="Hej Jonas\nMit nummer er 61 49 03 27.\nKnus Lis\n-----\n\nHej Tina\n\n")
    assert "61 49 03 27" not in out, out


# -- a field of the Stamoplysninger is no heading over the fields below it --------------
def test_a_field_naming_the_judgment_opens_no_narrative_block() -> None:
    text = (f"Stamoplysninger\nNavn: {CLIENT}\n"
            "Særlige vilkår i dommen: opholdsforbud i Holbæk Kommune i 3 år\n"
            "Adresse efter løsladelse: Algade 14, 2. tv., 4300 Holbæk\nTelefon: 29 38 47 56\n")
    out = redacted(analyse(text, CLIENT, ("bolig",)))
    assert "Algade 14, 2. tv., 4300 Holbæk" in out and "29 38 47 56" in out, out


def test_a_heading_line_still_opens_the_narrative_block() -> None:
    from gldocs.redact.layout import _block_opened
    from gldocs.redact.policy import load_policy

    policy = load_policy("kommune")
    block = policy.heading_blocks["gerningsforloeb"]
    specs = [(block, [(h, re.compile(rf"\b{h}\b")) for h in ("om dommen", "dommen")])]
    assert _block_opened("Om dommen", specs)[0] is block
    assert _block_opened("Om dommen: Han slog ham på Algade.", specs) == (block, True)
    assert _block_opened("Særlige vilkår i dommen: opholdsforbud i 3 år", specs)[0] is None
    assert _block_opened("12.11.2026 kl. 10:30 – om dommen", specs)[0] is block


# -- a deadline's date stays in a sentence removed for its content -----------------------
@pytest.mark.parametrize(("sentence", "date"), [
    ("Tilholdet gælder frem til 3. februar 2028.", "3. februar 2028"),
    ("Grundlovsforhøret forlænges til den 16. februar 2026.", "16. februar 2026"),
    ("Opholdsforbuddet udløber 05.09.2029, oplyser politiet.", "05.09.2029"),
])
def test_a_deadline_stays_in_a_removed_sentence(sentence: str, date: str) -> None:
    out = CASE.redact(sentence)
    assert date in out and "[udeladt" in out, out


def test_the_date_of_the_act_still_goes() -> None:
    out = CASE.redact("Om dommen\nHan overfaldt ekspedienten natten til 3. februar 2025 med en "
                      "kniv og fik 4.000 kr. med.")
    assert "3. februar 2025" not in out, out


# -- the person a letter greets owns no number below the greeting -----------------------
@pytest.mark.parametrize("greeting", ["Hej Tina", "Kære Tina Holm"])
def test_a_number_under_a_greeting_is_not_the_greeted_professionals(greeting: str) -> None:
    """A relative writes to the caseworker: "Mit nummer er …" is the writer's (fail closed:
    removed), not the caseworker's because her name stands on the line above."""
    text = (f"Stamoplysninger\nNavn: {CLIENT}\nSagsbehandler: Tina Holm, Jobcenter Holbæk\n\n"
            f"---\n\n{greeting}\n\nMit nummer er 61 49 03 27.\n\nMange hilsner\nLis\n")
    out = redacted(analyse(text, CLIENT, ("beskæftigelse",)))
    assert "61 49 03 27" not in out, out
