"""Round 15 of the keep side (issue 8 § 4 and § 1's positive evidence, K1-K3), each a general
rule with several phrasings on invented text: a professional named once with a title in a
compound, an abbreviation or an unusual form; the private side of each rule stays removed.
All persons, places and numbers invented."""

from __future__ import annotations

import pytest
from harness import plan_case, redacted_after

from gldocs.redact.model import Plan

CLIENT = "Kasper Vindeløv Munch"
CPR = "120893-2217"
HEAD = (f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n"
        "Adresse: Bregnevej 4, 8600 Silkeborg\nTlf.: 21 43 65 87\n\n2. Beskrivelse\n")


def _plan(body: str, areas: tuple[str, ...] = ("uddannelse",)) -> Plan:
    return plan_case(HEAD + body + "\n", CLIENT, CPR, areas)


def _redact(body: str, areas: tuple[str, ...] = ("uddannelse",)) -> str:
    return redacted_after(_plan(body, areas), "2. Beskrivelse")


def _kept_and_gone(body: str, kept: list[str], gone: list[str] = ()) -> None:
    out = _redact(body)
    for text in kept:
        assert text in out, out
    for text in gone:
        assert text not in out, out


# -- 1. a title written as a compound, opening the sentence ---------------------------------
@pytest.mark.parametrize(("body", "kept"), [
    # a compound title at the start of a sentence is no word of the name
    ("Gadesygeplejerske Lone Abildgaard fra Sundhedsteamet (tlf. 23 61 48 90) ser Kasper "
     "hver uge.", ["Lone Abildgaard", "23 61 48 90"]),
    ("Familiebehandler Yusuf Demirci, Familiehuset, Silkeborg Kommune, tlf. 89 70 12 34, "
     "tilbyder Kasper et forløb.", ["Yusuf Demirci", "89 70 12 34"]),
    ("Skolesundhedsplejerske Grete Lodahl har talt med Kasper.", ["Grete Lodahl"]),
    # a title that ends in a compound-only head ("lærer": also a verb)
    ("Kontaktlærer Jonas Bergkvist, tlf. 65 11 22 33, bekræfter, at Kasper kan fortsætte.",
     ["Jonas Bergkvist", "65 11 22 33"]),
    ("Hans faglærer Pernille Aakjær siger, at fremmødet er godt.", ["Pernille Aakjær"]),
    # an interpreter acts in office
    ("Samtalen blev holdt med tegnsprogstolk Mette Brøndum Kierkegaard.",
     ["Mette Brøndum Kierkegaard"]),
    ("Tolk Rahim Sultani oversatte ved mødet.", ["Rahim Sultani"]),
    # an abbreviated title as a compound, after a slash
    ("- UU/studievejl. Sofie Kamp (SK) ringer selv til Kasper i januar.", ["Sofie Kamp"]),
    ("- Ungdomsvejl. Dorte Fugl kontakter skolen.", ["Dorte Fugl"]),
    # ... after any bullet, a semicolon or a table bar: where an item opens
    ("• Misbrugsbeh. Lone Skov følger op i december.", ["Lone Skov"]),
    ("Møde med jobcentret; sagsbeh. Tue Brask deltager.", ["Tue Brask"]),
    # a compound title in its definite form
    ("Familiebehandleren Omar Benali har haft tre samtaler med Kasper.", ["Omar Benali"]),
    ("Overlægen, Jens Wamberg, har skrevet epikrisen.", ["Jens Wamberg"]),
    ("Kontaktlæreren Henrik Sørlie siger, at Kasper møder stabilt.", ["Henrik Sørlie"]),
])
def test_compound_title_shows_the_office(body: str, kept: list[str]) -> None:
    _kept_and_gone(body, kept)


@pytest.mark.parametrize(("body", "gone"), [
    # "lærer" alone is a verb: no office is shown, the private person goes
    ("Hans lillebror lærer Anton Friis at cykle.", ["Anton Friis"]),
    # a definite compound title after a private role is the relative's job, not an office
    ("Hans mor, Lis Overgaard, er familiebehandleren i sagen om hans søster.",
     ["Lis Overgaard"]),
    # an abbreviated treatment after a preposition is no title ("i misbrugsbeh.")
    ("Han er i misbrugsbeh. Nanna Kjeldsen ringede bagefter.", ["Nanna Kjeldsen"]),
    # a word that begins a title ends a sentence: no abbreviated title ("børn." is no
    # "børnesagsbehandler"), the private person after it goes with his number
    ("Broren Ali bor i Oslo med kone og tre børn. Ali Hassan Warsame kan kontaktes på "
     "+47 412 83 906.", ["Ali Hassan Warsame", "+47 412 83 906"]),
    # a role word still wins over a compound title after the name
    ("Kasper bor hos sin mor Lis Overgaard, som er dagplejeleder.", ["Lis Overgaard"]),
])
def test_no_office_without_a_title(body: str, gone: list[str]) -> None:
    _kept_and_gone(body, [], gone)


# -- 2. a table of authorities: the column's heading, the authority's cell ------------------
_NETWORK = """=== E. Netværk (private) ===
| Navn | Relation | Tlf. |
|------|----------|------|
| Birthe Skovmose | mor | 86 11 22 33 |
| Anders Kjærgaard | ven fra skolen | 23 44 55 66 |

"""
_AUTHORITIES = """=== F. Samarbejdspartnere (myndigheder) ===
| Myndighed | Kontaktperson | Tlf. | Mail |
|-----------|---------------|------|------|
| Silkeborg Kommune, Ydelse | Poul Erik Damgaard | 89 70 40 88 | - |
| Jobcenter Silkeborg | Tove Ravnkilde | 89 70 66 15 | tora@silkeborg.dk |
"""


def test_authorities_table_keeps_its_people_and_network_table_goes() -> None:
    out = _redact(_NETWORK + _AUTHORITIES)
    for kept in ("Poul Erik Damgaard", "89 70 40 88", "Tove Ravnkilde", "89 70 66 15",
                 "tora@silkeborg.dk"):
        assert kept in out, out
    for gone in ("Birthe Skovmose", "86 11 22 33", "Anders Kjærgaard", "23 44 55 66"):
        assert gone not in out, out


@pytest.mark.parametrize("table", [
    # the column's heading is a title, the row names no authority
    "| Rolle | Sagsbehandler | Telefon |\n|---|---|---|\n| Ydelse | Poul Erik Damgaard | "
    "89 70 40 88 |\n",
    # no header at all: the cell before names the authority
    "| Borgercenter Voksne | Poul Erik Damgaard | 89 70 40 88 |\n",
    # a column of authorities, the name first in its row
    "| Navn | Instans | Tlf. |\n|---|---|---|\n| Poul Erik Damgaard | CFD Rådgivning | "
    "89 70 40 88 |\n",
])
def test_table_row_shows_the_office(table: str) -> None:
    out = _redact(table)
    assert "Poul Erik Damgaard" in out and "89 70 40 88" in out, out


@pytest.mark.parametrize("table", [
    # a private table: a title in a column heading does not make its people professionals
    "| Pårørende | Kontaktperson | Tlf. |\n|---|---|---|\n| Mor | Birthe Skovmose | "
    "86 11 22 33 |\n",
    # a title column does not outweigh a role further on in the row
    "| Kontaktperson | Tlf. | Relation |\n|---|---|---|\n| Birthe Skovmose | 86 11 22 33 | "
    "mor |\n",
    # a column of authorities does not outweigh the row's own role
    "| Navn | Instans | Relation |\n|---|---|---|\n| Birthe Skovmose | Netto | mor, "
    "86 11 22 33 |\n",
    # the cell before is a relation, not an authority
    "| Moster | Birthe Skovmose | 86 11 22 33 |\n",
    # a shop or a club is no authority
    "| Netto Silkeborg | Birthe Skovmose | 86 11 22 33 |\n",
])
def test_private_table_row_goes(table: str) -> None:
    out = _redact(table)
    assert "Birthe Skovmose" not in out and "86 11 22 33" not in out, out


# -- 3. the client's own data named by a possessive in sentences about the client -----------
@pytest.mark.parametrize(("body", "kept"), [
    ("Kasper har ingen bolig. Hans seneste adresse var Tordenskjoldsgade 12, 2. th., "
     "8600 Silkeborg, som er opsagt.", "Tordenskjoldsgade 12"),
    ("Kasper har ingen bolig. Han ønsker et værelse og er skrevet op. Hans mobil efter "
     "løsladelse bliver 52 18 77 09.", "52 18 77 09"),
    ("Kasper er flyttet. Hans nye telefonnummer er 41 22 33 09.", "41 22 33 09"),
    # the sentence reads as a label
    ("Kasper løslades 01.10.2026. Hans mobil efter løsladelsen: 52 18 66 09.", "52 18 66 09"),
    # the client's genitive as the label's owner
    ("Klientens adresse efter løsladelse bliver Nørretorv 9, 3. tv., 7100 Vejle.",
     "Nørretorv 9"),
    ("Kaspers seneste adresse var Åboulevarden 70, 8000 Aarhus C.", "Åboulevarden 70"),
])
def test_possessive_about_the_client_keeps_his_data(body: str, kept: str) -> None:
    out = _redact(body, ("bolig",))
    assert kept in out, out


@pytest.mark.parametrize(("body", "gone"), [
    # a role word between: the possessive is another's
    ("Kasper har en bror. Hans adresse er Tordenskjoldsgade 12, 8600 Silkeborg.",
     "Tordenskjoldsgade 12"),
    # the possessive does not fit the client's gender (the CPR number: a man)
    ("Kasper har ingen bolig. Hendes mobil er 52 18 77 09.", "52 18 77 09"),
    # another person named in between
    ("Kasper ringede til Lise Bonde. Hans nummer er 52 18 77 09.", "52 18 77 09"),
    # no sentence about the client before the pronoun
    ("Der blev ringet fra en ukendt mand. Hans nummer er 52 18 77 09.", "52 18 77 09"),
])
def test_possessive_of_someone_else_goes(body: str, gone: str) -> None:
    out = _redact(body, ("bolig",))
    assert gone not in out, out


@pytest.mark.parametrize(("line", "section"), [
    ("=== F. Samarbejdspartnere (myndigheder) ===", "samarbejdspartnere"),
    ("=== A. Stamoplysninger ===", "stamoplysninger"),
    ("## 3. Vurdering og indsatsområder", "vurdering"),
    ("--- Beskrivelse ---", "beskrivelse"),
])
def test_heading_drawn_with_marks(line: str, section: str) -> None:
    from gldocs.document.sections import heading_section

    assert heading_section(line) == section


# -- 4. an authority listed as a partner stays, even in a line removed for its content -------
def _redact_partners(lines: str, areas: tuple[str, ...] = ("bolig",)) -> str:
    plan = plan_case(HEAD + "Kasper bor hos sin mor.\n\n5. Samarbejdspartnere\n" + lines + "\n",
                     CLIENT, CPR, areas)
    return redacted_after(plan, "5. Samarbejdspartnere")


@pytest.mark.parametrize(("lines", "kept"), [
    ("Sydsjællands og Lolland-Falsters Politi: politiassistent Bo Wennerberg (tilhold)",
     ["Sydsjællands og Lolland-Falsters Politi", "politiassistent Bo Wennerberg"]),
    ("- Hjemrejsestyrelsen (ved udvisning)", ["Hjemrejsestyrelsen"]),
    ("- Udlændingestyrelsen: sagsbehandler Mie Holst (om udvisningen)",
     ["Udlændingestyrelsen", "Mie Holst"]),
])
def test_partner_authority_stays_in_a_removed_line(lines: str, kept: list[str]) -> None:
    out = _redact_partners(lines)
    for text in kept:
        assert text in out, out
    assert "[udeladt" in out, out  # the line's content still goes


@pytest.mark.parametrize(("body", "gone"), [
    # in running text the authority goes with the sentence (an investigation, a charge)
    ("Midt- og Vestjyllands Politi efterforsker en ny sag om vold mod Kasper.",
     "Midt- og Vestjyllands Politi"),
    ("Hjemrejsestyrelsen er orienteret om udvisningen.", "Hjemrejsestyrelsen"),
])
def test_authority_in_prose_goes_with_its_sentence(body: str, gone: str) -> None:
    out = _redact(body, ("bolig",))
    assert gone not in out, out


def test_private_place_opening_a_partner_line_is_no_authority() -> None:
    out = _redact_partners("- Café Solsikken (hans mors arbejde, han drak der)")
    assert "Café Solsikken" not in out, out


# -- 5. lists of participants, definite titles, an officer acting for an authority ----------
@pytest.mark.parametrize(("body", "kept", "gone"), [
    # the role in the bracket closes its own list item, not the next one's
    ("Deltagere: Kasper (klient), Ida Kjærsgaard (mor), Peter Dalsgaard (KiF), Lise Holt "
     "(sagsbehandler)", ["Peter Dalsgaard", "Lise Holt"], ["Ida Kjærsgaard"]),
    # a title's definite form before the name
    ("Bostøtten, Sanne Iversen, hjælper Kasper med posten.", ["Sanne Iversen"], []),
    ("Pædagogen Jannik Bruun følger Kasper til jobcentret.", ["Jannik Bruun"], []),
    # a priest of the client's congregation is no office here: his name tells the faith
    ("Kasper går i kirke. Præsten, Johannes Ellegaard, har skrevet et brev.", [],
     ["Johannes Ellegaard"]),
    # an authority acting through its officer ("ved", "v.")
    ("Netværksmøde med Familieretshuset ved Camilla Wolff den 3. maj.", ["Camilla Wolff"],
     []),
    ("Han har fået brev fra Udbetaling Danmark v. Ole Bak.", ["Ole Bak"], []),
    # a shop or a private person before "ved" shows no office
    ("Han arbejdede hos Netto ved Birgitte Holmgaard.", [], ["Birgitte Holmgaard"]),
    ("Han bor hos sin kæreste ved Sanne Lindholm.", [], ["Sanne Lindholm"]),
])
def test_participants_and_officers(body: str, kept: list[str], gone: list[str]) -> None:
    _kept_and_gone(body, kept, gone)


# -- 6. a label that names the client as the owner, right before the value -----------------
@pytest.mark.parametrize(("body", "kept"), [
    # a role word in an earlier sentence does not outweigh the label
    ("Kasper skal bo hos sin mor efter løsladelsen. Klientens mobil: 52 18 66 09.",
     "52 18 66 09"),
    ("Klientens adresse: Nørretorv 9, 7100 Vejle.", "Nørretorv 9"),
    ("Kontaktoplysninger på klienten: tlf. 41 55 66 77, kvm.munch@hotmail.com",
     "kvm.munch@hotmail.com"),
    ("Kl. tlf. 30 40 50 60", "30 40 50 60"),
])
def test_client_label_keeps_the_value(body: str, kept: str) -> None:
    out = _redact(body, ("bolig",))
    assert kept in out, out


@pytest.mark.parametrize(("body", "gone"), [
    # the label names another owner
    ("Klientens mors mobil: 52 18 66 09.", "52 18 66 09"),
    ("Kontaktoplysninger på moren: tlf. 41 55 66 77", "41 55 66 77"),
    # the label is no longer the value's ("Kaspers adresse er ukendt, men …")
    ("Kaspers adresse er ukendt, men moren bor på Solvej 3, 7100 Vejle.", "Solvej 3"),
    # an unlabelled value of unclear owner
    ("Ny adresse: Søndergade 4, 1. th., 7100 Vejle (pr. 1/10)", "Søndergade 4"),
])
def test_value_without_the_clients_label_goes(body: str, gone: str) -> None:
    out = _redact(body, ("bolig",))
    assert gone not in out, out


# -- 7. the client's own contact line under his name; an authority's key line ---------------
def test_contact_line_under_the_clients_name_is_his() -> None:
    body = ("BILAG: CV (skrevet af Kasper på skolen, let rettet)\n\nCURRICULUM VITAE\n"
            "KASPER VINDELØV MUNCH\nTordenskjoldsgade 12, 8600 Silkeborg  |  Mobil: 52 18 77 09"
            "\n\nPROFIL\nJeg er praktisk anlagt.")
    out = _redact(body, ("uddannelse",))
    assert "Tordenskjoldsgade 12" in out and "52 18 77 09" in out, out


def test_contact_line_under_someone_elses_name_goes() -> None:
    body = ("Kasper kan bo hos sin mor:\n\nBirthe Skovmose\nTordenskjoldsgade 12, 8600 Silkeborg"
            "  |  Mobil: 52 18 77 09\n")
    out = _redact(body, ("bolig",))
    assert "Tordenskjoldsgade 12" not in out and "52 18 77 09" not in out, out


def test_authority_key_line_keeps_its_number() -> None:
    out = _redact_partners("- Gældsstyrelsen: 70 15 73 04\n- Udbetaling Danmark: 70 12 80 61")
    assert "70 15 73 04" in out, out
