"""Round 19 (issue 8, qual19a): a printout with a line number in front of every line reads
like the same text without them (the client's Stamoplysninger found, the client's fields
kept, a relative removed) and a printout that names no client is still refused. All
persons, places and numbers invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from gldocs.document.base import SourceDocument
from gldocs.document.sections import find_client
from gldocs.document.txt import units_from_text
from gldocs.errors import InputError
from gldocs.redact.apply import apply
from gldocs.redact.facade import redactor_for

CLIENT = "Ulrik Hedegaard Lund"
CPR = "030388-1457"
PRINTOUT = f"""Stamoplysninger
Navn: {CLIENT}
CPR-nr.: {CPR}
Adresse: Kirkestien 4, 1. th., 8800 Viborg
Telefon: 31 47 28 60

=== JOURNALUDSKRIFT - udskrevet 02.02.2026 ===
Side 1 af 1

05.01.2026  Samtale.
Ulrik bor alene. Hans søster Birgitte Mølgaard har tlf. 42 19 77 03.
Hun kan hjælpe ham med at flytte.
"""


def _numbered(text: str, number) -> str:  # type: ignore[no-untyped-def]
    lines = text.rstrip("\n").split("\n")
    return "\n".join((number(i) + line).rstrip() for i, line in enumerate(lines, start=1))


def _redact(text: str) -> str:
    redactor = redactor_for("kommune", ner=False)
    units = units_from_text(text)
    name, cpr = find_client([u.text for u in units])
    doc = SourceDocument(Path("udskrift.txt"), "txt", units, client_name=name,
                         client_cpr=cpr)
    plan = redactor.analyze(doc, ["bolig"], redactor.client(doc))
    return "\n".join(u.text for u in apply(plan))


@pytest.mark.parametrize("number", [
    lambda n: f"{n:04d}  ", lambda n: f"{n:>3} | ", lambda n: f"{n}\t", lambda n: f"[{n}] "])
def test_a_numbered_printout_reads_like_the_plain_text(number) -> None:  # type: ignore[no-untyped-def]
    text = _numbered(PRINTOUT, number)
    assert find_client(text.split("\n")) == (CLIENT, CPR)
    out = _redact(text)
    plain = _redact(PRINTOUT)
    assert [line.strip() for line in out.split("\n")] == [
        (number(i) + line).rstrip().strip() for i, line in enumerate(plain.split("\n"), 1)]
    assert "Kirkestien 4" in out and "31 47 28 60" in out, out
    assert "Birgitte" not in out and "42 19 77 03" not in out, out


def test_a_numbered_printout_without_the_clients_fields_is_still_refused() -> None:
    text = _numbered(PRINTOUT.replace(f"Navn: {CLIENT}\n", "").replace(
        f"CPR-nr.: {CPR}\n", ""), lambda n: f"{n:04d}  ")
    units = units_from_text(text)
    assert find_client([u.text for u in units]) == (None, None)
    redactor = redactor_for("kommune", ner=False)
    with pytest.raises(InputError):
        redactor.client(SourceDocument(Path("udskrift.txt"), "txt", units))


# -- R1 classes (issue 8 § 2), each in several phrasings --------------------------------
HEAD = (f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n"
        "Adresse: Kirkestien 4, 1. th., 8800 Viborg\nTlf.: 31 47 28 60\n\n2. Beskrivelse\n")


def _body(body: str, areas: tuple[str, ...] = ("bolig",)) -> str:
    from harness import plan_case, redacted_after

    return redacted_after(plan_case(HEAD + body + "\n", CLIENT, CPR, areas), "2. Beskrivelse")


@pytest.mark.parametrize(("body", "codes"), [
    ("Deltagere: Ulrik (klient), Hjørdis Bramsen (HJB), Ulriks moster.\n"
     "HJB fortalte, at Ulrik har det godt. HJB kan ringes op om aftenen.", ["HJB"]),
    ("Til stede var søsteren Ingeborg Kaas (IKA) og fætteren Morten Rye (MORY).\n"
     "IKA og MORY vil hjælpe med flytningen.", ["IKA", "MORY"]),
    ("Naboen Vagn Thestrup (VT) har klaget. VT bor i opgangen.", ["VT"]),
])
def test_a_private_persons_initials_code_goes_everywhere(body: str, codes: list[str]) -> None:
    out = _body(body)
    for code in codes:
        assert code not in out, out


def test_a_code_of_other_letters_than_the_name_is_no_alias() -> None:
    """"(PDF)" after a relative's name is no code of hers: the letters are not her name's."""
    out = _body("Hans moster Hjørdis Bramsen (PDF) har sendt et brev. Se PDF-filen.")
    assert "Hjørdis" not in out and "PDF-filen" in out, out


@pytest.mark.parametrize(("body", "gone"), [
    ("Klagen er bekræftet af en anden beboer, Ole Brink, lejlighed 22, 1. th.",
     "lejlighed 22, 1. th."),
    ("Genboen i lejl. 7, st. tv. har set ham i opgangen.", "lejl. 7, st. tv."),
    ("Han har boet hos en ven i lejlighed 3, 2. sal, siden marts.", "lejlighed 3, 2. sal"),
])
def test_a_flat_number_with_floor_and_side_is_an_address(body: str, gone: str) -> None:
    out = _body(body)
    assert gone not in out, out


@pytest.mark.parametrize(("body", "number"), [
    ("Hans kone (asmens kodas 48905160457) bor i Kaunas.", "48905160457"),
    ("Datterens isikukood er 61204150226, oplyser han.", "61204150226"),
    ("Svigerfaren har personas kods 161175-19997.", "161175-19997"),
])
def test_a_baltic_personal_code_of_another_goes(body: str, number: str) -> None:
    out = _body(body)
    assert number not in out, out


def test_the_clients_own_baltic_code_stays() -> None:
    from harness import plan_case, redacted

    head = (f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n"
            "Litauisk personnummer (asmens kodas): 38803030458\n\n2. Beskrivelse\n")
    out = redacted(plan_case(head + "Han bor alene.\n", CLIENT, CPR, ("bolig",)))
    assert "38803030458" in out, out


@pytest.mark.parametrize(("body", "gone"), [
    ("Han var dæksmand på kutteren Terne, HM 212. Hans ven fra Terne har tilbudt ham hyre.",
     ["Terne", "HM 212"]),
    ("Han sejlede på båden SØSTJERNEN (RI 44). Han vil tilbage til SØSTJERNEN til foråret.",
     ["SØSTJERNEN", "RI 44"]),
    ("Han har været på kutteren HG 308 i fire år. HG 308 ligger i Hirtshals.", ["HG 308"]),
])
def test_a_removed_vessel_goes_in_every_mention(body: str, gone: list[str]) -> None:
    out = _body(body, ("beskæftigelse",))
    for text in gone:
        assert text not in out, out


@pytest.mark.parametrize(("body", "gone"), [
    ("Han er kok på Trattoria da Luciano, som ejes af hans onkel Luciano Ferrante.",
     "Trattoria da"),
    ("Arbejdsgiver: Vittorio Bassano, Osteria di Vittorio, tlf. 26 11 48 93.",
     "Osteria di"),
])
def test_a_business_named_with_a_private_persons_name_goes(body: str, gone: str) -> None:
    out = _body(body, ("beskæftigelse",))
    assert gone not in out, out


def test_a_danish_word_and_da_before_a_name_stay() -> None:
    out = _body("Dengang da Mette Lykke var barn, boede de i Viborg.")
    assert "Dengang da" in out and "Mette" not in out, out


@pytest.mark.parametrize(("body", "gone"), [
    ('"Sorte" er en person i Hadsund, som han kender fra byen. Sorte ringer tit til ham.',
     "Sorte"),
    ("»Bassen« var hans gamle kammerat fra skolen.", "Bassen"),
    ('"Lange" er en fyr, han kender fra Aalborg.', "Lange"),
])
def test_a_quoted_word_said_to_be_a_person_is_a_nickname(body: str, gone: str) -> None:
    out = _body(body)
    assert gone not in out, out


def test_a_quoted_word_said_to_be_a_thing_stays() -> None:
    out = _body('"Trappen" er et projekt for unge, som han gerne vil med i.')
    assert '"Trappen"' in out, out


@pytest.mark.parametrize("body", [
    'En ven fra spilleforummet, der skriver under navnet "lykkehjulet77", lånte ham penge.',
    "Han kender manden fra et debatforum, hvor han skriver som kasinokongen_dk.",
])
def test_a_handle_on_a_forum_goes(body: str) -> None:
    out = _body(body, ("økonomi",))
    assert "lykkehjulet77" not in out and "kasinokongen_dk" not in out, out


@pytest.mark.parametrize(("body", "gone"), [
    ("Hun skriver på engelsk: \"I can't move out on my own, not with Ruby starting school "
     "in August, and the flat is too small for the three of us.\"", "Ruby"),
    ("The mail says: \"It has been hard for all of us, and Holly cried every night after "
     "he was arrested in March.\"", "Holly"),
    ("Mailen lyder: \"We are staying in Leeds now and Daisy goes to school near my "
     "mother's house, which is a long way from the station.\"", "Daisy"),
])
def test_an_ordinary_english_word_doing_what_a_person_does_is_a_name(body: str,
                                                                     gone: str) -> None:
    out = _body(body)
    assert gone not in out, out


@pytest.mark.parametrize(("body", "kept"), [
    ("The mail says: \"The Council said that the flat will be ready in May, and the "
     "landlord told us the same thing.\"", "The Council said"),
    ("The mail says: \"We moved to Leeds in March. Leeds said no to the first "
     "application, so we are waiting for the next one.\"", "Leeds said"),
])
def test_an_organisation_or_a_place_doing_it_stays(body: str, kept: str) -> None:
    out = _body(body)
    assert kept in out, out
