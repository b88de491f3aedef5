"""Round 18 of the keep side (issue 8 § 1's positive evidence and § 4, K1-K3), each a general
rule with its private side on invented text: a field key in another language's letters keeps
the Stamoplysninger block the client's; a note drawn as a banner ends at the next banner; a
professional's number and e-mail stay inside a sentence removed for a word of a department's
name; the armed forces and a harbour's bailiff act in office; the client's row of a pasted
spreadsheet and the client's record in a system export are the client's; a clause that tells
what was arranged after an adverbial keeps its date. All persons, places and numbers
invented."""

from __future__ import annotations

import pytest
from harness import plan_case, redacted_after

from gldocs.document.sections import label_lines

CLIENT = "Ilkka-Petteri Räsänen"
CPR = "140589-2217"


def _all(text: str, areas: tuple[str, ...] = ("bolig",)) -> str:
    plan = plan_case(text + "\n", CLIENT, CPR, areas)
    return redacted_after(plan, "Stamoplysninger")


def _case(body: str, areas: tuple[str, ...] = ("bolig",)) -> str:
    head = f"Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n\n"
    return _all(head + body, areas)


# -- 1. a key in another language's letters is still a field of the block -------------------
@pytest.mark.parametrize("key", ["Finsk personnummer (henkilötunnus)", "Geburtsname (Mädchenname)",
                                 "Fødested (Île-de-France)"])
def test_a_key_with_foreign_letters_keeps_the_block_the_clients(key: str) -> None:
    text = (f"Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n{key}: 140589-3318\n"
            "Adresse: Kløvertoften 9, 2. th., 7500 Holstebro (lejemålet bevares)\n"
            "Tlf.: 29 41 63 08\n\n2. Beskrivelse\nHans søster Aila Räsänen har tlf. 42 18 90 55.")
    assert label_lines(text.split("\n"))[3:6] == ["stamoplysninger"] * 3
    out = _all(text)
    assert "Kløvertoften 9, 2. th., 7500 Holstebro" in out and "29 41 63 08" in out, out
    assert "Aila" not in out and "42 18 90 55" not in out, out


# -- 2. a banner note ends at the next banner drawn with the same mark ----------------------
def test_banner_note_ends_at_the_next_banner() -> None:
    body = ("---- INTERNT NOTAT (HB, 02.11.2026) ----\n"
            "Ilkka er vidne i en sag mod Tapio Heino og er flyttet til beskyttelsesafdelingen.\n\n"
            "---- UDKAST TIL MAIL ----\n"
            "Til: Holstebro Kommune, sagsbehandler Birthe Vestergaard Dahl <bvd@holstebro.dk>\n"
            "Jeg foreslår et løsladelsesmøde 09.02.2027 kl. 10.00.")
    out = _case(body)
    assert "Tapio" not in out and "beskyttelsesafdelingen" not in out, out
    assert "Birthe Vestergaard Dahl" in out and "bvd@holstebro.dk" in out, out
    assert "09.02.2027" in out, out


def test_banner_note_runs_on_past_a_banner_of_another_mark() -> None:
    body = ("---- INTERNT NOTAT ----\n"
            "Ilkka er vidne i en sag mod Tapio Heino.\n"
            "=== Bemærkninger ===\n"
            "Han er flyttet til beskyttelsesafdelingen efter trusler fra Tapio Heino.")
    out = _case(body)
    assert "Tapio" not in out and "beskyttelsesafdelingen" not in out, out


# -- 3. a professional's number and e-mail stay inside a sentence removed for its words -----
@pytest.mark.parametrize("department", ["Voksen og Handicap", "Handicap og Psykiatri"])
def test_professional_contact_stays_in_a_removed_sentence(department: str) -> None:
    body = ("Aftalt:\n"
            f"Kontakt i kommunen: Holstebro Kommune, {department}, sagsbehandler Gry Lindahl "
            "Bach, tlf. 96 11 52 40, gryba@holstebro.dk")
    out = _case(body, ("bolig", "netværk"))
    assert "Gry Lindahl Bach" in out and "tlf. 96 11 52 40" in out, out
    assert "gryba@holstebro.dk" in out, out


def test_private_number_in_a_removed_sentence_still_goes() -> None:
    body = ("Hans søster Aila Räsänen, tlf. 42 18 90 55, har fået et handicap efter en ulykke.")
    out = _case(body, ("bolig",))
    assert "42 18 90 55" not in out and "Aila" not in out and "handicap" not in out, out


# -- 4. the armed forces act in office; a harbour's bailiff is a title ----------------------
def test_the_armed_forces_officer_and_mail_are_kept() -> None:
    body = ("Ilkka har selv ringet og talte med kaptajn Verner Holmgaard, som forklarede "
            "reglerne for session.\n"
            "Spørgsmål: Forsvarets Rekruttering, Sessionsstedet Viborg, tlf. 72 84 19 30, "
            "session.viborg@mil.dk\n"
            "Hans ven Jannik Ploug, tlf. 51 62 73 84, kører ham derhen.\n\n"
            "5. Samarbejdspartnere\n"
            "- Forsvarets Rekruttering, Sessionsstedet Viborg, kaptajn Verner Holmgaard, "
            "tlf. 72 84 19 30")
    out = _case(body, ("uddannelse",))
    assert out.count("Verner Holmgaard") == 2 and "72 84 19 30" in out, out
    assert "session.viborg@mil.dk" in out, out
    assert "Jannik" not in out and "51 62 73 84" not in out, out


def test_a_captain_or_a_nickname_without_an_authority_is_private() -> None:
    body = ('Han kender dem kun ved øgenavne: "Tjekkeren", "Lange Lars", "Kaptajnen" og '
            '"Pingo". Han ser også Bent Fisker, kaptajn, ved havnen.\n'
            "Netværk: Lystbådehavnen, skipper Otto Brandt, tlf. 40 18 26 35")
    out = _case(body, ("bolig",))
    assert "Lange Lars" not in out and "Bent Fisker" not in out, out
    assert "Otto Brandt" not in out and "40 18 26 35" not in out, out


def test_a_harbour_bailiff_keeps_his_name_everywhere() -> None:
    body = ("Havnekontoret (havnefoged Aksel Rønnow) har oplyst, at der er restance på "
            "pladslejen.\n\n5. Samarbejdspartnere\n"
            "- Havnekontoret, Thyborøn Havn (Lemvig Kommune): havnefoged Aksel Rønnow, "
            "tlf. 72 63 18 40")
    out = _case(body, ("bolig", "økonomi"))
    assert out.count("Aksel Rønnow") == 2 and "72 63 18 40" in out, out


# -- 5. the client's row in a pasted spreadsheet --------------------------------------------
def test_the_clients_row_in_a_spreadsheet_is_the_clients() -> None:
    body = ("5. Samarbejdspartnere\nnavn;rolle;tlf;mail\n"
            f"{CLIENT};klient;60 73 18 29;ilkka.r89@gmail.com\n"
            "Aila Räsänen;søster;42 18 90 55;aila.r@hotmail.com\n"
            f"Mette Brøns;ekskæreste af {CLIENT};29 10 47 56;\n"
            "Gry Bach;sagsbehandler, Holstebro Kommune;96 11 52 40;gryba@holstebro.dk")
    out = _case(body)
    assert "60 73 18 29" in out and "ilkka.r89@gmail.com" in out, out
    assert "42 18 90 55" not in out and "29 10 47 56" not in out, out
    assert "96 11 52 40" in out, out


def test_a_row_with_a_role_word_before_the_number_is_not_the_clients() -> None:
    body = f"5. Samarbejdspartnere\n{CLIENT} | mor: Aila Räsänen | 42 18 90 55"
    out = _case(body)
    assert "42 18 90 55" not in out, out


# -- 6. a clause that tells what was arranged keeps its date --------------------------------
def test_an_arranged_home_after_an_adverbial_keeps_its_date() -> None:
    body = ("Hun har via Holstebro Kommune fået tilbudt en 2-værelses lejlighed med "
            "indflytning 01.05.2027, og det er aftalt, at hun kan skrive under på udgang "
            "med ledsager.")
    out = _case(body, ("bolig",))
    assert "01.05.2027" in out and "lejlighed" in out, out
    assert "udgang" not in out, out


# -- 7. a system export of "Post.Felt: Værdi" lines ----------------------------------------
def test_the_clients_record_in_an_export_is_the_clients() -> None:
    body = ("# Eksport fra klientsystemet\n"
            f"Klient.Navn: {CLIENT}\n"
            "Klient.Adresse.Vej: Kløvertoften 9, 2. th.\n"
            "Klient.Kontakt.Mobil: 0045 60 73 18 29\n"
            "Klient.Mor.Tlf: 42 18 90 55\n"
            "Relationer[0].Navn: Aila Kragelund\n"
            "Relationer[0].Rolle: Søster\n"
            "Relationer[0].Tlf: 31 52 64 07\n"
            "Kontakter[1].Navn: Bjarke Uhd\n"
            "Kontakter[1].Organisation: Misbrugscenter Holstebro\n"
            "Kontakter[1].Tlf: 96 11 73 20\n")
    out = _case(body, ("misbrug",))
    assert "Kløvertoften 9, 2. th." in out and "0045 60 73 18 29" in out, out
    assert "42 18 90 55" not in out, out
    assert "Aila" not in out and "Kragelund" not in out and "31 52 64 07" not in out, out
    assert "Bjarke Uhd" in out and "96 11 73 20" in out, out


# -- 8. an office clerk who typed the record ------------------------------------------------
@pytest.mark.parametrize("line", [
    "Transskriberet af: Lis Kjærgaard, kontorfuldmægtig (originalen ligger i papirsagen)",
    "Renskrevet af: Lis Kjærgaard (originalen ligger i papirsagen)",
    "Notatet er skrevet ind af lægesekretær Lis Kjærgaard.",
])
def test_the_clerk_who_typed_the_record_keeps_her_name(line: str) -> None:
    out = _all(f"Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n{line}\n\n"
               "Hans kæreste Nanna Friis bor i Struer.")
    assert "Lis Kjærgaard" in out and "Nanna" not in out, out
