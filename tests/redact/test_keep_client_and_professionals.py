"""Issue 8 section 4 (keep side K1-K3), with section 1's rule that an identifier is kept only
on positive evidence: the evidence documents give that the redactor must read.

- The client's own fields where a document keeps them without a "Stamoplysninger" heading:
  an opening block with the client's name and CPR fields (telephone notes, minutes), a
  form's lettered part of personal data ("B. PERSONLIGE OPLYSNINGER") after a header with
  the name; a field key with a remark in brackets ("Tlf. (kl.):").
- Labels that name the client's own address by what it is to the client
  ("Folkeregisteradresse (faderen):", "Løsladelsesadresse:" opening a sentence), never
  with a possessive naming another owner.
- "Kl." (klienten in a telephone note) is an abbreviation, no person.
- Professionals: an abbreviated title before the name ("beh. Gitte Holm", not after a
  preposition, where it is the activity: "i beh."), a contact part lettered like a form's
  ("G. KONTAKTER"), a probation office's department ("KiF Sjælland, afd. Syd:") is no prison
  wing.
- A form's field describing the act ("Gerningsbeskrivelse (fra dommen): …") among the
  client's own fields still loses the act's details (R4).

Every person, number and address is invented; none is taken from an annotated set.
"""

from __future__ import annotations

import pytest
from harness import analyse, redacted

from gldocs.document.sections import find_client, label_lines
from gldocs.document.txt import units_from_text
from gldocs.redact.detectors.address import find_addresses
from gldocs.redact.model import Plan


def _plan(text: str, areas: tuple[str, ...] = ("bolig", "misbrug")) -> Plan:
    """The plan for ``text`` with the client the document itself names (as ``redact``)."""
    name, cpr = find_client([u.text for u in units_from_text(text)])
    assert name, "the client must be found in the document"
    return analyse(text, name, areas, cpr=cpr)


def _out(text: str, areas: tuple[str, ...] = ("bolig", "misbrug")) -> str:
    return redacted(_plan(text, areas))


# -- the client's own fields without a Stamoplysninger heading -------------------------------
NOTE = (
    "Navn: Rasmus Toft Hvidberg\n"
    "CPR-nr.: 120586-2317\n"
    "Tlf. (kl.): 26 48 13 90\n"
    "Adr.: Ulvsvej 12, 2. tv., 5220 Odense SØ\n"
    "Mail: rasth86@gmail.com\n"
    "Journal: telefonnotater 03.03.2027, tilsynsførende Nanna Brink (NB), KiF Fyn\n"
    "\n"
    "09.10  Tlf. fra kl. Han har fået en rykker fra boligselskabet. NB\n"
    "09.40  Tlf. fra kl.'s søster Dorthe Hvidberg, 61 27 50 08. Hun er bekymret. NB\n"
    "10.02  Tlf. til Misbrugscenter Vejle. Kl. mødte til samtale 01.03. NB\n"
    "11.00  Kl. starter dagbehandling 07.04.2027. NB\n"
)


def test_an_opening_block_with_the_clients_name_and_cpr_is_the_clients_stamoplysninger(
) -> None:
    lines = NOTE.split("\n")
    labels = label_lines(lines)
    assert labels[:6] == ["stamoplysninger"] * 6
    assert labels[7:] == ["unknown"] * (len(lines) - 7)
    # without a CPR field it is no client's block (an opening "Navn:" of anybody)
    assert label_lines(["Navn: Rasmus Toft Hvidberg", "Tlf.: 26 48 13 90"]) == \
        ["unknown", "unknown"]


def test_the_clients_own_contact_fields_in_an_opening_block_stay() -> None:
    out = _out(NOTE)
    for kept in ("26 48 13 90", "Ulvsvej 12, 2. tv., 5220 Odense SØ", "rasth86@gmail.com",
                 "Nanna Brink"):
        assert kept in out, (kept, out)
    # a relative's number below them still goes
    assert "61 27 50 08" not in out and "Dorthe" not in out, out


def test_kl_for_klienten_is_no_person() -> None:
    plan = _plan(NOTE)
    assert not [f for f in plan.findings if f.text.lower().startswith("kl")
                and f.action == "remove"], [f.text for f in plan.findings]
    out = _out(NOTE)
    assert "Tlf. fra kl. Han har" in out and "Kl. mødte til samtale" in out, out
    # the client's own treatment in an area stays with its date (K7, K2)
    assert "Kl. starter dagbehandling 07.04.2027" in out, out


FORM = (
    "SKEMA: AFKLARING AF BESKÆFTIGELSE\n"
    "Navn: Thanh Binh Vo\n"
    "CPR-nr.: 030792-1459\n"
    "Udfyldt af: Ole Friis, beskæftigelsesvejleder, Statsfængslet Østjylland\n"
    "Bilag til handleplanen\n"
    "\n"
    "B. PERSONLIGE OPLYSNINGER\n"
    "Adresse før indsættelse: Lupinvej 7, 4000 Roskilde\n"
    "Mobil (efter løsladelse): 42 18 66 03\n"
    "E-mail: binh.vo92@gmail.com\n"
    "Ægtefælle: Mai Nguyen, tlf. 51 44 20 87\n"
    "Gerningsbeskrivelse (fra dommen): plantage med 800 planter i et lejet sommerhus; "
    "strømmen blev stjålet fra naboen.\n"
    "\n"
    "G. KONTAKTER\n"
    "ZBC Roskilde, studievejledning: Karen Bøgh, tlf. 55 71 02 19\n"
)


def test_a_forms_personal_part_after_a_header_with_the_name() -> None:
    lines = FORM.split("\n")
    assert find_client(lines) == ("Thanh Binh Vo", "030792-1459")
    plan = _plan(FORM, ("beskæftigelse",))
    out = redacted(plan)
    for kept in ("Lupinvej 7, 4000 Roskilde", "42 18 66 03", "binh.vo92@gmail.com"):
        assert kept in out, (kept, out)
    assert "51 44 20 87" not in out and "Mai Nguyen" not in out, out
    # the part's heading is nobody
    assert "B. PERSONLIGE OPLYSNINGER" in out, out
    assert not [f for f in plan.findings if "PERSONLIGE" in f.text]


def test_the_acts_description_among_the_clients_fields_goes() -> None:
    out = _out(FORM, ("beskæftigelse",))
    assert "plantage med 800 planter" not in out and "sommerhus" not in out, out


def test_a_contact_part_lettered_like_a_forms_keeps_its_professionals() -> None:
    out = _out(FORM, ("beskæftigelse",))
    assert "Karen Bøgh" in out and "55 71 02 19" in out, out


# -- labels that name the client's own address ------------------------------------------------
PLAN = (
    "1. Stamoplysninger\n"
    "Navn: Mikkel Aagaard Bech\n"
    "CPR-nr.: 211108-2243\n"
    "Folkeregisteradresse (faderen): Kastanievej 31, 1. th., 7100 Vejle\n"
    "\n"
    "2. Beskrivelse\n"
    "Mikkel prøveløslades 14.05.2027. Løsladelsesadresse: Søndertorv 4, 2. sal, "
    "6100 Haderslev (egen lejlighed). Medgerningsmandens løsladelsesadresse: "
    "Søndertorv 9, 6100 Haderslev.\n"
    "Faderen, Bo Bech, bor på Kastanievej 31, 1. th., 7100 Vejle.\n"
)


def test_the_clients_registered_address_with_a_remark_of_whose_home_stays() -> None:
    out = _out(PLAN)
    assert "Kastanievej 31, 1. th., 7100 Vejle" in out, out


def test_a_release_address_label_opening_a_sentence_is_the_clients() -> None:
    out = _out(PLAN)
    assert "Søndertorv 4, 2. sal, 6100 Haderslev" in out, out
    # with a possessive it names another owner
    assert "Søndertorv 9" not in out, out


def test_a_street_without_suffix_on_a_named_floor_before_the_postnummer_is_one_address(
) -> None:
    found = [a.text for a in find_addresses("Adresse: Østerport 12, 3. sal, 7400 Herning.")]
    assert found == ["Østerport 12, 3. sal, 7400 Herning"]


# -- professionals ---------------------------------------------------------------------------
CALLS = (
    "Navn: Rasmus Toft Hvidberg\n"
    "CPR-nr.: 120586-2317\n"
    "\n"
    "10.05  Tlf. til Misbrugscenter Vejle, beh. Gitte Holmgren, 76 41 22 35. Kl. mødte. NB\n"
    "10.30  Kl. er stadig i beh. Lise Torp ringede fra 22 81 40 57 om ham. NB\n"
)


def test_an_abbreviated_title_before_the_name_shows_the_professional() -> None:
    out = _out(CALLS)
    assert "Gitte Holmgren" in out and "76 41 22 35" in out, out


def test_an_abbreviation_after_a_preposition_is_the_activity_not_a_title() -> None:
    out = _out(CALLS)
    assert "Lise Torp" not in out and "22 81 40 57" not in out, out


@pytest.mark.parametrize("line", [
    "KiF Sjælland, afd. Syd: tilsynsførende Per Kolding, tlf. 72 55 30 41, "
    "per.kolding@krfo.dk",
    "Kriminalforsorgen i Frihed Nordjylland, afdeling B: tilsynsførende Per Kolding, "
    "tlf. 72 55 30 41, per.kolding@krfo.dk",
])
def test_a_probation_offices_department_is_no_prison_wing(line: str) -> None:
    text = ("1. Stamoplysninger\nNavn: Mikkel Aagaard Bech\nCPR-nr.: 211108-2243\n\n"
            f"5. Samarbejdspartnere\n{line}\n")
    out = _out(text)
    assert "per.kolding@krfo.dk" in out and "72 55 30 41" in out, out




@pytest.mark.parametrize("sentence", [
    "Mikkel sidder på afd. Syd i Statsfængslet Østjylland.",
    "Kommunen ved, at han er på afdeling B i fængslet.",
    "KiF har fået oplyst, at han er flyttet til afd. Nord.",
])
def test_a_prison_wing_still_goes(sentence: str) -> None:
    text = ("1. Stamoplysninger\nNavn: Mikkel Aagaard Bech\nCPR-nr.: 211108-2243\n\n"
            f"2. Beskrivelse\n{sentence}\n")
    out = _out(text)
    assert "afd. Syd" not in out and "afdeling B" not in out and "afd. Nord" not in out, out


def test_the_clients_name_in_a_header_above_the_forms_personal_part() -> None:
    lines = ["Skema: afklaring", "Navn: Thanh Binh Vo", "Dato: 01.02.2027", "",
             "B. PERSONLIGE OPLYSNINGER", "CPR-nr.: 030792-1459", "Adresse: Lupinvej 7"]
    assert find_client(lines) == ("Thanh Binh Vo", "030792-1459")
    # a name field below a Stamoplysninger without one names somebody else: no client
    lines = ["1. Stamoplysninger", "CPR-nr.: 010180-1234", "", "2. Beskrivelse",
             "Navn: Ole Hansen"]
    assert find_client(lines) == (None, "010180-1234")


REMARKS = (
    "1. Stamoplysninger\n"
    "Navn: Mikkel Aagaard Bech\n"
    "CPR-nr.: 211108-2243\n"
    "Adresse (hos moren): Lærkevej 2, 8600 Silkeborg\n"
    "Mobil (efter løsladelse): 28 16 40 73\n"
    "Telefon (moren): 22 57 31 94\n"
    "\n"
    "2. Beskrivelse\n"
    "Mikkel kan kontaktes på 28 16 40 73 efter løsladelsen.\n"
)


def test_a_remark_of_place_or_time_after_the_clients_key_keeps_the_field_his() -> None:
    out = _out(REMARKS)
    assert "Lærkevej 2, 8600 Silkeborg" in out and out.count("28 16 40 73") == 2, out


def test_a_remark_naming_a_relative_makes_the_field_hers() -> None:
    assert "22 57 31 94" not in _out(REMARKS)


# -- the client as the subject, by the word the note names the client by ----------------------
SUBJECT_HEAD = "Navn: Mikkel Aagaard Bech\nCPR-nr.: 211108-2243\n\n"


@pytest.mark.parametrize(("line", "value"), [
    ("10.00  Klienten har fået et nyt telefonnummer, 53 88 20 17. NB", "53 88 20 17"),
    ("10.10  Kl. flytter ind på Rosenvej 4, 5000 Odense C fra 1. marts. NB",
     "Rosenvej 4, 5000 Odense C"),
    ("10.20  Klienten kan kontaktes på 28 16 40 73. NB", "28 16 40 73"),
    ("kl. 10.30: Mikkel kan kontaktes på 28 16 40 74.", "28 16 40 74"),
    ("02.03.2027 Klientens nye mail er mikkel.b@gmail.com.", "mikkel.b@gmail.com"),
])
def test_the_client_as_the_subject_after_a_time_stamp_gives_his_own(line: str,
                                                                     value: str) -> None:
    out = _out(SUBJECT_HEAD + line + "\n")
    assert value in out, out


@pytest.mark.parametrize(("line", "value"), [
    ("10.00  Klienten har givet os sin mors nummer, 22 33 44 51. NB", "22 33 44 51"),
    ("Kl. 10.15 ringede en mand fra 22 33 44 52. NB", "22 33 44 52"),
    ("10.20  Klienten og hans bror kan kontaktes på 22 33 44 53. NB", "22 33 44 53"),
    ("10.40  Klienten siger, at Lise Holt kan kontaktes på 22 33 44 55. NB", "22 33 44 55"),
    ("10.50  Kl. oplyser at naboen kan kontaktes på 22 33 44 56. NB", "22 33 44 56"),
    ("11.00  Klientens kæreste flytter ind på Rosenvej 8, 5000 Odense C. NB", "Rosenvej 8"),
    ("11.10  Klienten har fået et nyt nummer af sin kammerat, 22 33 44 57.", "22 33 44 57"),
])
def test_another_owner_in_the_clients_sentence_still_takes_it(line: str, value: str) -> None:
    out = _out(SUBJECT_HEAD + line + "\n")
    assert value not in out, out


def test_the_clients_block_after_a_letterhead_and_a_mail_header() -> None:
    lines = ["Kriminalforsorgen", "KiF Fyn, afd. Odense", "", "Til: Odense Kommune",
             "Vedr.: koordinering af handleplan", "", "Navn: Rasmus Toft Hvidberg",
             "CPR-nr.: 120586-2317", "Mobil: 26 48 13 90", "", "Rasmus er løsladt."]
    labels = label_lines(lines)
    assert labels[6:9] == ["stamoplysninger"] * 3
    assert labels[3] == labels[4] == labels[10] == "unknown"
    # running text before it: the document has begun, the fields are no opening block
    prose = ["Vi har i dag talt med klienten om hans bolig og hans økonomi, og han har fortalt"
             " os om sin søster.", "Navn: Dorthe Hvidberg", "CPR-nr.: 010190-1234"]
    assert label_lines(prose) == ["unknown"] * 3
