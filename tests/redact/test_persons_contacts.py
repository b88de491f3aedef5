"""Contacts across units: table rows, one verdict per number, Stamoplysninger sub-blocks."""

from __future__ import annotations

from harness import analyzer_for

from gldocs.document.sections import is_contact_line, label_lines
from gldocs.document.units import TextUnit
from gldocs.redact.apply import apply
from gldocs.redact.engine import AnalysisContext

CLIENT = "Kasper Overgaard Winther"


def _redact(lines: list[str]) -> tuple[list[str], list[str]]:
    labels = label_lines(lines)
    units = [TextUnit(lab, f"p{i}", t) for i, (t, lab) in enumerate(zip(lines, labels,
                                                                       strict=True))]
    plan = analyzer_for(ner=False).analyze(
        units, AnalysisContext(areas=["bolig"], client_name=CLIENT, client_cpr="010190-1234"))
    return [u.text for u in apply(plan)], labels


HEAD = ["1. Stamoplysninger", f"Navn: {CLIENT}", "CPR-nr.: 010190-1234"]


def test_staff_table_and_municipality_block_stay_in_stamoplysninger() -> None:
    lines = [*HEAD, "Handleplansansvarlig og stedfortræder", "Rolle", "Navn", "Telefon",
             "Handleplansansvarlig", "Gitte Sommer Rahbek", "Socialrådgiver", "72 55 10 11",
             "Handlekommune og indgang for koordinering", "Handlekommune: Vejle Kommune",
             "Kontaktperson: Bo Kjeldgaard", "Telefon: 76 81 22 33", "2. Beskrivelse",
             "Kasper har en bolig."]
    labels = label_lines(lines)
    assert labels[:13] == ["stamoplysninger"] * 13
    assert labels[-1] == "beskrivelse"


def test_contact_line_without_colon_stays_in_stamoplysninger() -> None:
    assert is_contact_line("Tlf. 6170 3348")
    assert not is_contact_line("Telefonen var slukket hele dagen.")
    labels = label_lines([*HEAD, "Tlf. 6170 3348", "Handlekommune: Slagelse Kommune"])
    assert labels == ["stamoplysninger"] * 5


def test_running_text_after_stamoplysninger_is_unknown() -> None:
    labels = label_lines([*HEAD, "Hej Jeanette, tak for mødet i går. Vi ses torsdag."])
    assert labels[-1] == "unknown"


def test_private_number_in_a_table_row_is_removed_like_in_the_text() -> None:
    lines = [*HEAD, "2. Beskrivelse",
             "Kasper bor hos sin mor, Trine Dalsgaard, tlf. 41 52 63 74.",
             "5. Samarbejdspartnere", "Private personer i sagen", "Navn", "Relation",
             "Trine Dalsgaard", "Pårørende, mor", "tlf. 41 52 63 74"]
    out, _ = _redact(lines)
    assert all("41 52 63 74" not in t for t in out)
    assert all("Trine" not in t for t in out)


def test_professional_number_in_a_table_row_is_kept() -> None:
    lines = [*HEAD, "5. Samarbejdspartnere", "Kontakter", "Navn", "Rolle og organisation",
             "Telefon", "Adresse", "Peter Vestergaard Lund",
             "Virksomhedskonsulent, Jobcenter Vejle",
             "89 40 51 77", "Værkmestergade 25, 7100 Vejle"]
    out, _ = _redact(lines)
    assert "89 40 51 77" in out and "Værkmestergade 25, 7100 Vejle" in out
    assert "Peter Vestergaard Lund" in out


def test_writers_colleague_kept_clients_colleague_removed() -> None:
    lines = [*HEAD, "Min kollega Sara Ibsen fra misbrugsteamet deltager også.",
             "Kasper arbejder på lageret, hvor hans kollega Jesper Nørgaard kører ham hjem. "
             "Jesper kan ringes op på 28 19 37 46."]
    out, _ = _redact(lines)
    text = "\n".join(out)
    assert "Sara Ibsen" in text
    assert "Jesper" not in text and "28 19 37 46" not in text


def test_place_after_a_title_is_no_professional() -> None:
    lines = [*HEAD, "Kontaktperson: Mette Hansen, Jobcenter Holbæk, tlf. 72 36 12 34"]
    labels = label_lines(lines)
    units = [TextUnit(lab, f"p{i}", t) for i, (t, lab) in enumerate(zip(lines, labels,
                                                                       strict=True))]
    plan = analyzer_for(ner=False).analyze(
        units, AnalysisContext(areas=[], client_name=CLIENT, client_cpr="010190-1234"))
    phone = next(f for f in plan.findings if f.text == "72 36 12 34")
    assert phone.action == "keep" and "Mette Hansen" in phone.explanation


def test_pdf_table_with_blank_lines_stays_in_stamoplysninger() -> None:
    lines = [*HEAD, "Handleplansansvarlig og stedfortræder", "Rolle", "", "Navn", "",
             "Gitte Sommer Rahbek", "", "72 55 10 11", "", "2. Beskrivelse"]
    assert label_lines(lines)[:-1] == ["stamoplysninger"] * (len(lines) - 1)


def test_relatives_numbers_in_stamoplysninger_are_no_client_data() -> None:
    lines = [*HEAD, "Telefon: 20 11 22 33",
             "Nærmeste pårørende: Lis Iversen (mor), tlf. 22 22 22 22",
             "Samlever: Maiken Storm, 26 26 26 26",
             "Forsvarer: advokat Mette Juul, tlf. 33 12 12 12"]
    out, _labels = _redact(lines)
    text = "\n".join(out)
    assert "20 11 22 33" in text and "33 12 12 12" in text and "Mette Juul" in text
    assert "22 22 22 22" not in text and "26 26 26 26" not in text
    assert "Maiken" not in text and "Samlever: [pårørende]" in text


def test_field_naming_a_unit_is_no_owner_of_the_next_line() -> None:
    lines = [*HEAD, "Institution: Statsfængslet Horserød, afdeling Skovbo",
             "Mobil (klientens egen): 52 70 34 18"]
    out, labels = _redact(lines)
    assert "52 70 34 18" in "\n".join(out)
    assert labels[-1] == "stamoplysninger"


def test_letter_head_addresses_belong_to_the_authority_or_the_client() -> None:
    lines = ["Vejle Kommune", "Socialafdelingen", "Torvet 1", "7100 Vejle", "",
             CLIENT, "c/o Statsfængslet Østjylland", "Fængselsvej 2", "8700 Horsens", "",
             *HEAD, "", "Hans mor, Lis Iversen", "Algade 3", "7100 Vejle"]
    out, _ = _redact(lines)
    assert out[3] == "7100 Vejle" and out[7] == "Fængselsvej 2" and out[8] == "8700 Horsens"
    assert "Algade 3" not in out


def test_town_alone_is_never_a_persons_name() -> None:
    out, _ = _redact([*HEAD, "Kopi til: advokat Jens Kirk, Vejle Advokaterne",
                      "Hun flytter til Vejle."])
    assert "Hun flytter til Vejle." in out


def test_relative_writing_is_no_professional() -> None:
    lines = ["Fra: Lis Iversen <lis.iversen@gmail.com>", "Til: KiF Vejle <kif.vejle@krfo.dk>",
             "", *HEAD, "", "Jeg er Kaspers mor og vil gerne hjælpe ham med en bolig.", "",
             "Venlig hilsen", "Lis Iversen", "Tlf. 22 22 22 22"]
    out, _ = _redact(lines)
    text = "\n".join(out)
    assert "Lis" not in text and "22 22 22 22" not in text and "gmail" not in text


def test_writers_role_without_private_mail_applies_to_their_signature_only() -> None:
    lines = [*HEAD, "", "Jeg er Kaspers søster og skriver om hans bolig.", "",
             "Hilsen", "Nina Holt", "Tlf. 23 23 23 23", "",
             "Svar:", "Tak for din henvendelse.", "", "Med venlig hilsen", "Ole Sand",
             "Socialrådgiver, Vejle Kommune", "Tlf. 76 81 10 10"]
    out, _ = _redact(lines)
    text = "\n".join(out)
    assert "Nina" not in text and "23 23 23 23" not in text
    assert "Ole Sand" in text and "76 81 10 10" in text


def test_quoted_signature_is_a_signature() -> None:
    lines = [*HEAD, "", "Tak for svaret.", "", "> Venlig hilsen", "> Pia Holm",
             "> Sagsbehandler, Vejle Kommune", "> Tlf. 76 81 31 31"]
    out, _ = _redact(lines)
    assert "> Pia Holm" in out and "> Tlf. 76 81 31 31" in out
