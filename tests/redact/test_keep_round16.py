"""Round 16 of the keep side (issue 8 § 4 and § 1's positive evidence, K1-K3), each a general
rule with several phrasings on invented text: a professional in a field whose key names the
office (a given name no list knows), a title with the group it serves in brackets, a key
with a remark, a network line that names a professional as an object; sexological treatment
as health care; workplace managers and relatives with a job title; headers, ordinary words and
places that are no names. The private side of each rule stays removed. All persons, places
and numbers invented."""

from __future__ import annotations

import pytest

from tests.redact.section_redaction import plan_case, redacted_after

CLIENT = "Kasper Vindeløv Munch"
CPR = "120893-2217"


def _head(extra: str = "") -> str:
    return (f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n"
            f"Adresse: Bregnevej 4, 8600 Silkeborg\n{extra}\n2. Beskrivelse\n")


def _redact(body: str, areas: tuple[str, ...] = ("bolig",), extra: str = "") -> str:
    return redacted_after(plan_case(_head(extra) + body + "\n", CLIENT, CPR, areas),
                          "2. Beskrivelse")


def _all(text: str, extra: str = "", areas: tuple[str, ...] = ("bolig",)) -> str:
    plan = plan_case(_head(extra) + text + "\n", CLIENT, CPR, areas)
    return redacted_after(plan, "1. Stamoplysninger")


# -- 1. a field whose key names the office: the name after it is a professional's ----------
def test_office_key_keeps_a_name_no_list_knows_in_every_mention() -> None:
    # "Gunvor" and "Lundholm" are in no name list; the key shows the office
    extra = "Handleplansansvarlig: Gunvor Lundholm, socialrådgiver\n"
    body = ("Vurdering fra HPA (skrevet af Gunvor Lundholm)\n"
            "Ansvarlig: kommunens sagsbehandler og Gunvor Lundholm. Frist: 01.03.2026.\n\n"
            "5. Samarbejdspartnere\n"
            "Handleplansansvarlig: Gunvor Lundholm, tlf. 72 55 41 90, gunvor.lundholm@krfo.dk")
    out = _all(body, extra)
    assert out.count("Gunvor Lundholm") == 4, out
    assert "72 55 41 90" in out and "gunvor.lundholm@krfo.dk" in out, out


@pytest.mark.parametrize("line", [
    "Mor: Sigrun Gravesen, tlf. 22 43 10 87",
    "Kontaktperson (søster): Sigrun Gravesen, tlf. 22 43 10 87",
    "Pårørende (mor): Sigrun Gravesen, tlf. 22 43 10 87",
])
def test_private_key_takes_the_name_and_the_number(line: str) -> None:
    out = _redact(line)
    assert "Sigrun" not in out and "Gravesen" not in out and "22 43 10 87" not in out, out


# -- 2. a title with the group it serves in brackets ----------------------------------------
@pytest.mark.parametrize("row", [
    "| Kommunens rådgiver (børn) | Sigrun Kjærsgaard, Børn og Familie, Fredericia Kommune, "
    "tlf. 72 10 55 66 |",
    "| Sagsbehandler (voksne) | Sigrun Kjærsgaard, tlf. 72 10 55 66 |",
    "| Rådgiver (børn og unge) | Sigrun Kjærsgaard | 72 10 55 66 |",
])
def test_title_with_its_service_group_in_brackets(row: str) -> None:
    table = "| Felt | Oplysning |\n|---|---|\n| Civilstand | Ugift |\n" + row
    out = _redact(table)
    assert "Sigrun Kjærsgaard" in out and "72 10 55 66" in out, out


@pytest.mark.parametrize("row", [
    "| Kontaktperson (mor) | Sigrun Kjærsgaard, tlf. 22 10 55 66 |",
    "| Børn | Sigrun Kjærsgaard, f. 2015 |",
    # a unit's name after the name does not hide the role before it
    "| Søster | Sigrun Kjærsgaard, Børn og Familie |",
])
def test_private_row_with_a_bracket_or_a_unit_still_goes(row: str) -> None:
    table = "| Felt | Oplysning |\n|---|---|\n| Civilstand | Ugift |\n" + row
    out = _redact(table)
    assert "Sigrun" not in out and "Kjærsgaard" not in out and "22 10 55 66" not in out, out


# -- 3. an authority's key with a remark in brackets ----------------------------------------
@pytest.mark.parametrize(("line", "kept"), [
    ("Fredericia Kommune, Socialafdelingen (bolig): Torkild Brøndum, tlf. 72 10 48 20",
     ["Torkild Brøndum", "72 10 48 20"]),
    ("- Jobcenter Fredericia (ressourceforløb): Torkild Brøndum, tlf. 72 10 48 21",
     ["Torkild Brøndum", "72 10 48 21"]),
])
def test_authority_key_with_a_remark_keeps_its_officer(line: str, kept: list[str]) -> None:
    plan = plan_case(_head() + "Kasper bor hos sin mor.\n\n5. Samarbejdspartnere\n" + line + "\n",
                     CLIENT, CPR, ("bolig",))
    out = redacted_after(plan, "5. Samarbejdspartnere")
    for text in kept:
        assert text in out, out


# -- 4. a network line that names a professional as an object -------------------------------
def test_network_line_naming_the_childrens_caseworker_keeps_her() -> None:
    body = ("Netværk: fortsat samvær med børnene efter aftale med Sigrun Kjærsgaard.\n\n"
            "5. Samarbejdspartnere\n"
            "- Fredericia Kommune, Børn og Familie: Sigrun Kjærsgaard, tlf. 72 10 55 66")
    out = _redact(body, ("netværk",))
    assert out.count("Sigrun Kjærsgaard") == 2 and "72 10 55 66" in out, out


@pytest.mark.parametrize("body", [
    "Netværk: Han ser ofte sin gamle ven og spiller fodbold med Torkild Brøndum.",
    "Netværk: Torkild Brøndum, tlf. 22 10 48 20",
    "Netværk: fortsat samvær med børnene efter aftale med Torkild Brøndum.",
])
def test_network_line_without_an_office_elsewhere_goes(body: str) -> None:
    out = _redact(body, ("netværk",))
    assert "Torkild" not in out and "Brøndum" not in out and "22 10 48 20" not in out, out


# -- 5. sexological treatment and gender incongruence are health care (K7 under helbred) ----
TREATMENT = [
    "Forventet prøveløsladelse: 18.12.2026, med vilkår om tilsyn og sexologisk behandling.",
    "Han fortsætter behandlingen ambulant på Sexologisk Klinik efter løsladelsen.",
    "Han er udredt med kønsinkongruens på Center for Kønsidentitet og går til samtaler der.",
    "Overgang af den kønsbekræftende behandling til egen læge. Frist: 15.03.2026.",
    "Han er udredt for kønsdysfori hos en sexolog.",
]


@pytest.mark.parametrize("sentence", TREATMENT)
def test_sexological_treatment_kept_when_helbred_is_an_area(sentence: str) -> None:
    out = _redact(sentence, ("helbred", "bolig"))
    for word in ("sexolog", "kønsinkongruens", "Kønsidentitet", "kønsbekræftende",
                 "kønsdysfori", "18.12.2026"):
        if word.lower() in sentence.lower():
            assert word.lower() in out.lower(), out


@pytest.mark.parametrize("sentence", TREATMENT)
def test_sexological_treatment_removed_outside_helbred(sentence: str) -> None:
    out = _redact(sentence, ("bolig", "misbrug")).lower()
    for word in ("sexolog", "kønsinkongruens", "kønsidentitet", "kønsbekræftende",
                 "kønsdysfori"):
        assert word not in out, out
    assert "[udeladt: helbred (rhl. § 10)]" in out


@pytest.mark.parametrize(("sentence", "secret"), [
    ("Hun fortæller åbent, at hun er lesbisk.", "lesbisk"),
    ("Han er biseksuel og har en kæreste.", "biseksuel"),
    ("Hun har kønsidentitet som kvinde.", "kønsidentitet"),
])
def test_orientation_and_identity_go_even_under_helbred(sentence: str, secret: str) -> None:
    assert secret not in _redact(sentence, ("helbred",)).lower()


# -- 6. a workplace manager acts for a private employer (R1), like "chef"; a relative with ---
# -- a job title is the relative -------------------------------------------------------------
@pytest.mark.parametrize(("body", "gone"), [
    ("Driftsleder Peter Bramsen siger, at Kasper møder stabilt.", "Bramsen"),
    ("Lagerchef Niels Holt har givet ham en anbefaling.", "Holt"),
    ("Hans butikschef, Lone Dybdal, ringede til fængslet.", "Dybdal"),
    ("Produktionsleder Ib Kirketerp tilbyder ham arbejde igen.", "Kirketerp"),
    # a relative in apposition to a job title, or with the title as predicate
    ("Hans far, driftsleder Gert Bundgaard, har tilbudt ham arbejde.", "Bundgaard"),
    ("Hans søster er sygeplejerske Mette Ravnsborg og bor i Viborg.", "Ravnsborg"),
    ("Kasper bor hos sin morbror, afdelingsleder Ole Krogsgaard, tlf. 22 33 44 55.",
     "Krogsgaard"),
])
def test_workplace_manager_and_relative_with_a_title_go(body: str, gone: str) -> None:
    out = _redact(body, ("beskæftigelse",))
    assert gone not in out, out
    assert "22 33 44 55" not in out, out


@pytest.mark.parametrize(("body", "kept"), [
    # a title after a role word that is no apposition stays a professional
    ("Mødet med mor og sagsbehandler Lis Brunsgaard gik godt.", "Lis Brunsgaard"),
    ("Kasper, sagsbehandler Lis Brunsgaard og hans mor deltog i mødet.", "Lis Brunsgaard"),
    ("Hans mors sagsbehandler Lis Brunsgaard er orienteret.", "Lis Brunsgaard"),
    # the prison's or a placement's workshop staff keep their titles
    ("Værkmester Klaus Damgaard beskriver ham som stabil.", "Klaus Damgaard"),
])
def test_professional_title_after_other_words_is_kept(body: str, kept: str) -> None:
    assert kept in _redact(body, ("beskæftigelse",))


# -- 7. no name across a layout's gap, no name of ordinary words or of a place in full ------
def test_header_columns_are_no_name() -> None:
    text = ("Notat\nKriminalforsorgen · Handleplan · Fortroligt                Side 1 af 3\n"
            "Kasper har det godt.\n")
    out = redacted_after(plan_case(text, CLIENT, CPR, ("bolig",)), "Notat")
    assert "Fortroligt                Side 1 af 3" in out, out


@pytest.mark.parametrize("line", [
    "CURRICULUM VITAE",
    "First draft for discussion with Nova Scotia and British Columbia.",
])
def test_ordinary_words_and_places_in_full_are_no_person(line: str) -> None:
    assert line in _redact(line)


@pytest.mark.parametrize(("line", "gone"), [
    # a place whose words include a given name stays a name (fail closed)
    ("Han har talt med Santa Maria om sagen.", "Maria"),
    # a private person's home place still goes
    ("Hans søster bor i British Columbia.", "British Columbia"),
])
def test_place_rule_stays_closed(line: str, gone: str) -> None:
    assert gone not in _redact(line)
