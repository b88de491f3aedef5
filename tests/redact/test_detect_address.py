"""Danish street address detector."""

from __future__ import annotations

import pytest

from gldocs.redact.detectors.address import find_addresses


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Adresse: Kochsgade 31, 3. tv., 5000 Odense C", "Kochsgade 31, 3. tv., 5000 Odense C"),
        ("bor på Vestergade 12B, 1. th. med", "Vestergade 12B, 1. th."),
        ("Nørregade 4, st.", "Nørregade 4, st."),
        ("Åboulevard 18, 2200 København N", "Åboulevard 18, 2200 København N"),
        ("hos sin bror på Søndre Allé 7.", "Søndre Allé 7"),
        ("Tagensvej 45A, 4. sal, 2200 København N", "Tagensvej 45A, 4. sal, 2200 København N"),
        ("Tagensvej 45 A, 2200 København N", "Tagensvej 45 A, 2200 København N"),
        ("Hillerødgade 57, st. th., 2200 København N",
         "Hillerødgade 57, st. th., 2200 København N"),
        ("Frederiks Allé 83, 3. th., 8000 Aarhus C.", "Frederiks Allé 83, 3. th., 8000 Aarhus C"),
        ("far, Tjærbyvej 31, 8930 Randers NØ, tlf. 86 53 72 14", "Tjærbyvej 31, 8930 Randers NØ"),
        ("Rughaven 12, 9220 Aalborg Øst", "Rughaven 12, 9220 Aalborg Øst"),
        ("H.C. Andersens Boulevard 27, 1553 København V",
         "H.C. Andersens Boulevard 27, 1553 København V"),
        ("værelse på Perlegade 46, 2. tv., i Sønderborg", "Perlegade 46, 2. tv."),
        ("naboen, Stengade 43, 2. th., med en kniv", "Stengade 43, 2. th."),
        ("Kogtvedvej 7 i Svendborg", "Kogtvedvej 7 i Svendborg"),  # the town after "i" too
        ("Gammel Kongevej 10", "Gammel Kongevej 10"),
        ("Sankt Annæ Plads 10, 1250 København K", "Sankt Annæ Plads 10, 1250 København K"),
        ("Nr. Farimagsgade 3", "Nr. Farimagsgade 3"),
        ("Jernbanegade 14, 2. th., 8900 Randers C (fraflyttet)",
         "Jernbanegade 14, 2. th., 8900 Randers C"),
        ("Solvænget 3, 4000 Roskilde", "Solvænget 3, 4000 Roskilde"),
        ("Skovløkke 5, kl.", "Skovløkke 5, kl."),
        ("Bøgetoften 21, mf.", "Bøgetoften 21, mf."),
        ("Kirkebakken 2", "Kirkebakken 2"),
        ("Engtoften 8, 2. sal tv.", "Engtoften 8, 2. sal tv."),
        ("Postboks 123, 5000 Odense C", "Postboks 123, 5000 Odense C"),
        ("postboks 77", "postboks 77"),
        ("flytter til 5000 Odense C i maj", "5000 Odense C"),
        ("1850 Frederiksberg C", "1850 Frederiksberg C"),
        ("2800 Kgs. Lyngby", "2800 Kgs. Lyngby"),
        ("Vesterbrogade 12-14, 1620 København V", "Vesterbrogade 12-14, 1620 København V"),
        ("Ved Stranden 10, 1061 København K", "Ved Stranden 10, 1061 København K"),
        ("C.F. Richs Vej 5", "C.F. Richs Vej 5"),
        ("Dronning Louises Vej 3", "Dronning Louises Vej 3"),
        ("Vestre Ringvej 12", "Vestre Ringvej 12"),
        ("Gl. Kongevej 10, 1610 København V", "Gl. Kongevej 10, 1610 København V"),
        ("Kongens Nytorv 2", "Kongens Nytorv 2"),
        ("Rådhuspladsen 1", "Rådhuspladsen 1"),
        ("Sdr. Boulevard 40", "Sdr. Boulevard 40"),
        ("Ærøvej 3", "Ærøvej 3"),
        ("bor på Amager Strandvej 12, 2300 København S", "Amager Strandvej 12, 2300 København S"),
        ("Roskilde Landevej 65", "Roskilde Landevej 65"),
        ("Hos Kochsgade 31", "Kochsgade 31"),  # "Hos" is not a genitive street-name word
        ("På Kochsgade 31", "Kochsgade 31"),
        ("Hans Tausens Gade 3", "Hans Tausens Gade 3"),
        ("Ny Østergade 3", "Ny Østergade 3"),
        ("Skovbrynet 5, 1 th", "Skovbrynet 5, 1 th"),
        ("Kløverlien 14", "Kløverlien 14"),
    ],
)
def test_finds_addresses(text: str, found: str) -> None:
    matches = find_addresses(text)
    assert [(m.text, m.entity) for m in matches] == [(found, "ADDRESS")]
    assert text[matches[0].start:matches[0].end] == found


@pytest.mark.parametrize(
    "text",
    [
        "I 2024 Lene boede hos en veninde",
        "Siden 2019 Kasper har",
        "kiosk på Vestergade i Horsens",  # street without a house number
        "Han var der 3 gange",
        "Afdeling 7 har plads til 12",
        "Udbyttet var ca. 4800 kr.",
        "Vurdering 2 af planen",
        "Fase 2 starter",
        "Vej 12",
        "i alt 146.000 kr.",
        "Dom 1 år og 6 måneder",
        "Bilag 3",
        "Mødet 2025 Kommune",
        "kl. 10.00 Jobcenter",
        "1. juni 2026",
        "Han fik 2000 Kroner",
        "Ved mødet 3. marts",
        "Vejen 3",
        "Han fik 14 dage.",
    ],
)
def test_no_false_address(text: str) -> None:
    assert find_addresses(text) == []


def test_year_before_town_is_not_postcode_but_frederiksberg_is() -> None:
    assert find_addresses("i 2025 Horsens") == []
    assert [m.text for m in find_addresses("2000 Frederiksberg")] == ["2000 Frederiksberg"]


def test_scores_and_normalized() -> None:
    [full] = find_addresses("Kochsgade  31, 3. tv.,  5000 Odense C")
    [street] = find_addresses("Kochsgade 31")
    [town] = find_addresses("5000 Odense C")
    assert full.score > street.score > town.score
    assert full.normalized == "Kochsgade 31, 3. tv., 5000 Odense C"


def test_two_addresses_in_one_sentence() -> None:
    text = ("Louise bor på Amagerbrogade 164, 4. tv., 2300 København S, "
            "og hendes mor på Slotsgade 13 i Hillerød.")
    assert [m.text for m in find_addresses(text)] == [
        "Amagerbrogade 164, 4. tv., 2300 København S", "Slotsgade 13 i Hillerød"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Kochsgade 31, store planer", "Kochsgade 31"),
        ("Kochsgade 31, kl. 10.00", "Kochsgade 31"),  # "kl." is the time here, not a floor
        ("Kochsgade 31, 3. tv.\n5000 Odense C\nDanmark", "Kochsgade 31, 3. tv.\n5000 Odense C"),
        ("Kochsgade 31, 2. th, dør 4", "Kochsgade 31, 2. th, dør 4"),
    ],
)
def test_address_boundaries(text: str, found: str) -> None:
    assert [m.text for m in find_addresses(text)] == [found]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("KOCHSGADE 31, 3. TV., 5000 ODENSE C", "KOCHSGADE 31, 3. TV., 5000 ODENSE C"),
        ("Adresse: SØNDRE ALLÉ 7, ST. TH.", "SØNDRE ALLÉ 7, ST. TH."),
        ("TJÆRBYVEJ 37, 8930 RANDERS NØ", "TJÆRBYVEJ 37, 8930 RANDERS NØ"),
    ],
)
def test_all_caps_addresses(text: str, found: str) -> None:
    assert [m.text for m in find_addresses(text)] == [found]


@pytest.mark.parametrize("text", ["AFDELING 7", "DOM 12 MÅNEDER", "BOLIG 2026", "FASE 2"])
def test_all_caps_words_are_not_addresses(text: str) -> None:
    assert find_addresses(text) == []


# -- a town after "i", and a street without number where it locates a home (invented) -----
def test_town_after_i_belongs_to_the_address() -> None:
    from gldocs.redact.detectors.address import find_addresses
    assert [m.text for m in find_addresses("Faren bor på Lærkevænget 7 i Tinglev.")] == \
        ["Lærkevænget 7 i Tinglev"]
    assert [m.text for m in find_addresses("Mødet er på Torvegade 2 i dag.")] == \
        ["Torvegade 2"]


def test_home_street_with_host_and_town() -> None:
    from gldocs.redact.detectors.address import find_addresses
    text = "Han boede hos en veninde, Trine Bach, på Slotsbanken i Gråsten."
    assert [m.text for m in find_addresses(text)] == ["Slotsbanken i Gråsten"]
    assert [m.text for m in find_addresses("Søsteren bor der stadig, på Hybenvej.")] == \
        ["Hybenvej"]
    assert find_addresses("Han bor i Aabenraa og arbejder i Sønderborg.") == []


def test_addresses_abroad() -> None:
    from gldocs.redact.detectors.address import find_addresses
    text = "He lived with a friend at 22 Cobden Street, Salford M6 6WF until 2023."
    assert [m.text for m in find_addresses(text)] == ["22 Cobden Street, Salford M6 6WF"]
    assert [m.text for m in find_addresses("Sie wohnt in der Birkenweg 4, 24103 Kiel.")] == \
        ["Birkenweg 4, 24103 Kiel"]
    assert find_addresses("He spent 3 years in prison and 2 months on probation.") == []


def test_town_after_a_long_gap_is_no_street() -> None:
    from gldocs.redact.detectors.address import find_addresses
    assert find_addresses("Hun bor nu i sin egen lejlighed i Roskilde.") == []


def test_floor_words_are_policy_data() -> None:
    """The floor and side after a house number (st., kl., 2. sal, tv./th./mf.) are the
    policy's address words, read by both the full pattern and the street before a
    postnummer; "kl. 10" stays a time."""
    from gldocs.redact.default_words import default_words
    from gldocs.redact.detectors.address import find_addresses
    from gldocs.redact.wordlists import WordLists

    words = default_words("address_words")

    def spans(text: str, lists: WordLists) -> list[str]:
        return [p.text for p in find_addresses(text, words=lists)]

    assert spans("Hun bor på Lindevej 12, 2. sal tv., 7100 Vejle.", words) == [
        "Lindevej 12, 2. sal tv., 7100 Vejle"]
    assert spans("Hyldespjældet 74, st. th., 2620 Albertslund", words) == [
        "Hyldespjældet 74, st. th., 2620 Albertslund"]
    text = "Hyldespjældet 74, 2. etage, 2620 Albertslund"
    assert spans(text, words) == ["2620 Albertslund"]
    mine = WordLists(words.key, words.path, {
        **words.lists, "floor_words": (*words["floor_words"], "etage")})
    assert spans(text, mine) == [text]
