"""Round 18 of issue 8, the R1 side, each a general rule with several phrasings on invented
text: a person's identity or travel document number after its label (any country); plates
of lorries and trailers, Polish plate shapes; a surname before marriage after "f."; a name
a person publishes under on a music service; given names of two syllables joined by a
hyphen (Korean, Chinese romanisation) and a family name written first in capitals; initials
and a company form beside a removed surname; addresses abroad told by their postcode
(five digits, Dutch "3032 AJ"), an Irish Eircode, Korean road-name addresses, a house's
number by its label. All persons, streets and numbers invented."""

from __future__ import annotations

import pytest

from gldocs.redact.detectors.address import find_addresses
from gldocs.redact.detectors.online import find_online
from gldocs.redact.detectors.plate import find_plates
from tests.redact.harness import Case, stamdata

CLIENT = "Bjarke Holm Vestergaard"
CPR = "120590-1237"


def _redact(body: str, client: str = CLIENT) -> str:
    head = stamdata(client, CPR) + "2. Personlige oplysninger\n"
    return Case(client, head, areas=("bolig",), cpr=CPR).redact(body)


# -- identity and travel document numbers ---------------------------------------------------
@pytest.mark.parametrize(("text", "number"), [
    ("Hustruen, Lone Dam, har pas nr. K7719034.", "K7719034"),
    ("I brevet står hendes BSN (294107731); kopien ligger i sagen.", "294107731"),
    ("Hun oplyste sit PPS-nr. 6618305TA i telefonen.", "6618305TA"),
    ("Brorens passport number: 553201874 (udløbet).", "553201874"),
    ("Faren har NI number QQ 12 34 56 C fra sin tid i Leeds.", "QQ 12 34 56 C"),
    ("Hans Reisepassnummer ist C01X00T47.", "C01X00T47"),
    ("Opholdskort nr. 44019382 blev fornyet for kæresten.", "44019382"),
])
def test_id_number_after_its_label(text: str, number: str) -> None:
    assert number in {m.text for m in find_online(text) if m.entity == "ID_NUMBER"}


@pytest.mark.parametrize("text", [
    "Han har pas. Nr 5 i rækken er hans.",
    "BSN-kontoret åbner kl. 12.00.",
    "Sagens id-nr. 2026-1184 står i brevet.",
    "Hans pasnummer er ikke kendt.",
])
def test_no_id_number_without_label_and_digits(text: str) -> None:
    assert not [m for m in find_online(text) if m.entity == "ID_NUMBER"]


def test_a_relatives_passport_number_goes_with_a_marker() -> None:
    out = _redact("Hans kone, Anna Berg, har pas nr. C5520318, og hendes BSN er 172004913.")
    assert "C5520318" not in out and "172004913" not in out, out
    assert "id-nummer]" in out, out


# -- plates of lorries and trailers ------------------------------------------------------------
@pytest.mark.parametrize(("text", "plate"), [
    ("Lastbilen, en polsk trækker WSI 58MN2, blev stoppet ved grænsen.", "WSI 58MN2"),
    ("Han kørte med tysk trailer HH-KL 4410 over broen.", "HH-KL 4410"),
    ("Sættevognen PO 7731A stod på rastepladsen.", "PO 7731A"),
    ("Makkeren kørte følgebil (KR 33PL) og slap væk.", "KR 33PL"),
])
def test_plate_after_a_vehicle_word(text: str, plate: str) -> None:
    assert plate in {m.text for m in find_plates(text)}


@pytest.mark.parametrize("text", [
    "Han trækker sig fra sagen 12 gange om året.",
    "Han har en trailer til 2000 kr.",
])
def test_no_plate_without_the_shape(text: str) -> None:
    assert not find_plates(text)


# -- names -----------------------------------------------------------------------------------
def test_surname_before_marriage_after_f() -> None:
    out = _redact("Han var gift med Päivi Laine (f. Koskinen), som nu bor i Finland. "
                  "Datteren Mia (f. 2015) bor hos hende.")
    assert "Koskinen" not in out and "Laine" not in out, out
    assert "(f. 2015)" in out, out


def test_stage_name_on_a_music_service() -> None:
    out = _redact("Hans kæreste, Ida Berg, udgiver musik på Spotify som IDAVIBE.")
    assert "IDAVIBE" not in out, out


@pytest.mark.parametrize("text", [
    "Han bor hos broren Park Seo-jun, som betaler huslejen. Seo-jun læser på DTU.",
    "Sammen med vennen Kim Do-yun sendte han beskederne. Do-yun styrede det fra Seoul.",
    "Moren, Lee Soon-ja, ringer hver søndag. Soon-ja er syg.",
])
def test_hyphenated_syllable_given_names(text: str) -> None:
    out = _redact(text, client="Park Min-ho")
    for part in ("Seo-jun", "Do-yun", "Soon-ja", "-jun", "-yun", "-ja "):
        assert part not in out, out


@pytest.mark.parametrize(("text", "gone"), [
    ("  Ægtefælle: TRAN Thi Bich Ngoc, f. 04.05.1990", "TRAN"),
    ("Brorens kone hedder PHAM Thi Hoa og bor i Ishøj.", "PHAM"),
    ("Svigerfaren NGUYEN Van Long er død.", "NGUYEN"),
])
def test_family_name_first_in_capitals(text: str, gone: str) -> None:
    out = _redact(text, client="Nguyen Van Duc")
    assert gone not in out, out


def test_initials_and_company_form_go_with_the_surname() -> None:
    out = _redact("Han kørte for Vognmandsfirmaet K.B. Mortensen ApS i Tinglev. "
                  "Kurt Bent Mortensen ejer firmaet og er selv dømt for smugling.")
    assert "K.B." not in out and "Mortensen" not in out and "ApS" not in out, out


# -- addresses abroad -------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "address"), [
    ("Moren bor på Pispalan valtatie 14 B 22, 33250 Tampere, med sin mand.",
     "Pispalan valtatie 14 B 22, 33250 Tampere"),
    ("Sønnen bor hos moren på Kruiskade 41-II, 3012 EE Rotterdam.",
     "Kruiskade 41-II, 3012 EE Rotterdam"),
    ("Søsteren bor i Hauptstraße 7, 24937 Flensburg.", "Hauptstraße 7, 24937 Flensburg"),
    ("Hun bor på 14 Griffith Avenue, Marino, Dublin 9, D09 RT62, med børnene.",
     "14 Griffith Avenue, Marino, Dublin 9, D09 RT62"),
    ("Forældrenes adresse: 802-ho, 17 Gwangan-ro, Suyeong-gu, Busan; tlf. følger.",
     "802-ho, 17 Gwangan-ro, Suyeong-gu, Busan"),
    ("Hans mor bor i Accra (Osu, House No. GA-183-4471) og er syg.", "House No. GA-183-4471"),
])
def test_address_abroad(text: str, address: str) -> None:
    assert address in {m.text for m in find_addresses(text)}


@pytest.mark.parametrize("text", [
    "Mødet i uge 12, 45000 Aarhus blev aflyst.",
    "Han fik 5 år, 10000 Dollars i bøde.",
    "Daan bor hos Femke på Kruiskade.",
])
def test_no_address_abroad_without_postcode_and_town(text: str) -> None:
    assert not [m.text for m in find_addresses(text) if "45000" in m.text
                or "10000" in m.text or "Femke" in m.text]


def test_korean_address_of_the_parents_is_not_the_clients() -> None:
    out = _redact("Forældrenes adresse: 1205-ho, 33 Jungang-daero, Dong-gu, Daegu; "
                  "tlf. +82 10-5512-7788.", client="Park Min-ho")
    assert "Jungang-daero" not in out and "1205-ho" not in out, out


# -- a child's school abroad, a relative in prison by the prison's short name ----------------
@pytest.mark.parametrize(("text", "gone"), [
    ("Sønnen Pim (f. 2016) bor hos sin mor og går på basisschool De Zonnebloem.", "Zonnebloem"),
    ("Datteren Lena (9 år) går i Grundschule Am Lindenpark i Kiel.", "Lindenpark"),
])
def test_school_abroad_after_its_word(text: str, gone: str) -> None:
    out = _redact(text)
    assert gone not in out, out


def test_clients_own_school_stays() -> None:
    assert "Aarhus Tech" in _redact("Han går selv på Aarhus Tech efter løsladelsen.")


@pytest.mark.parametrize("text", [
    "Faren, Jens Nyholm, sidder selv i Horserød for vold og ringer sjældent.",
    "Kommunen skal ikke vide, at broren sidder i Vestre.",
    "Hans onkel sad selv i Herstedvester i mange år.",
])
def test_relative_in_prison_by_its_short_name(text: str) -> None:
    out = _redact(text)
    for word in ("Horserød", "Vestre", "Herstedvester"):
        assert word not in out, out


# -- the person a quoted message speaks to, in lower case ------------------------------------
@pytest.mark.parametrize(("text", "gone"), [
    ('Han må ikke kontakte Maria-Louise Dahl. Hun fik en sms: "malle jeg ved godt du er sur".',
     "malle"),
    ('Beskeden lød: "sosse, ring til mig i aften".', "sosse"),
    ('Han skrev til hende: "bubbi du må ikke gå".', "bubbi"),
])
def test_vocative_opening_a_message(text: str, gone: str) -> None:
    out = _redact(text)
    assert f'"{gone}' not in out, out


@pytest.mark.parametrize("text", [
    'Han skrev: "hej jeg kommer i morgen".',
    'Han skrev: "okay du kan bare ringe".',
    'Han skrev: "hva du laver".',
    'Han skrev: "godt du kom".',
    'Han skrev: "nej, det gør jeg ikke".',
    'Han skrev: "ring til mig".',
])
def test_ordinary_first_word_of_a_message_stays(text: str) -> None:
    out = _redact(text)
    assert "[person]" not in out and "[pårørende]" not in out, out


def test_school_abroad_after_an_address_with_commas() -> None:
    out = _redact("Sønnen Pim (f. 2016) bor hos sin mor, Eva Smit, på Kruiskade 41-II, "
                  "3012 EE Rotterdam og går på basisschool De Zonnebloem.")
    assert "Zonnebloem" not in out and "Kruiskade" not in out, out


# -- a record of a private person in a client system's export ---------------------------------
def test_places_in_a_relation_record() -> None:
    out = _redact("Relationer[1].Navn: Oskar Lund\nRelationer[1].Rolle: Søn (6 år)\n"
                  "Relationer[1].Skole: Kildeskovskolen, 0.A\n"
                  "Relationer[2].Navn: Erna Lund\n"
                  "Relationer[2].Bemærkning: bor på plejehjemmet Lærkegården\n"
                  "Uddannelse.Skole: Ringsted Produktionsskole")
    assert "Kildeskovskolen" not in out and "Lærkegården" not in out, out
    assert "Ringsted Produktionsskole" in out, out


def test_a_neighbours_home_by_its_own_name_in_quotes() -> None:
    out = _redact('Båden passes af naboen, Egon Krogh, som bor på "Søstjernen" med sin kone.')
    assert "Søstjernen" not in out, out
    assert '"Albatros"' in _redact('Han bor selv på "Albatros" i havnen.')
