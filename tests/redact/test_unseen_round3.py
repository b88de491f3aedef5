"""Round 3 of names and contacts on unseen documents, each a general rule: a nickname after
a relative who shares the client's surname; a role in a relative clause ("Lærke, som er
hans kusine"); an authority abroad (probation service, .gov.uk) keeps its officer's
contacts; a tab is a table's cell boundary. All persons, numbers and places invented."""

from __future__ import annotations

from harness import Case, stamdata

CLIENT = "Emil Vestbjerg Thorup"


_redact = Case(CLIENT, stamdata(CLIENT, "170396-2259") + "2. Beskrivelse\n").redact


def test_nickname_of_a_relative_with_the_clients_surname() -> None:
    out = _redact('Deltagere:\nKarsten Vestbjerg, farbror, kaldet "Trolden"\n'
                  'Trolden har lovet at hjælpe med flytningen.')
    assert "Trolden" not in out and "Karsten" not in out


def test_clients_own_nickname_stays() -> None:
    assert "Kvik" in _redact('Emil, kaldet "Kvik", vil gerne være tømrer.')


def test_role_in_a_relative_clause_makes_a_name_a_person() -> None:
    # a given name that is also an ordinary word: a person by the role in its relative clause
    out = _redact("Lykke, som er hans kusine, bor i nabohuset. Han ser Lykke hver dag.")
    assert "Lykke" not in out


def test_probation_officer_abroad_keeps_contacts() -> None:
    body = ("Transfer summary prepared by Offender Manager Helen Ashby, Bristol Probation "
            "Office, tel. +44 117 496 0183, helen.ashby@justice.gov.uk\n"
            "Helen Ashby\tProbation Officer, HM Prison and Probation Service\t"
            "+44 117 496 0183")
    out = _redact(body)
    assert "Helen Ashby" in out and "+44 117 496 0183" in out
    assert "helen.ashby@justice.gov.uk" in out and "Bristol Probation Office" in out


def test_initials_defined_for_a_relative_are_that_person() -> None:
    out = _redact("Deltagere:\nJytte Mørch, moster (JM)\nMarie Holt, sagsbehandler (MH)\n"
                  "JM fortalte, at Emil kan bo hos hende. MH noterede det.")
    assert "JM" not in out and "Jytte" not in out
    assert "MH noterede" in out  # the professional's initials stay


def test_contact_saved_under_a_role_and_a_name_is_a_person() -> None:
    out = _redact('Telefonen havde kontakten "Onkel Bosse" og tre andre numre.')
    assert "Bosse" not in out
