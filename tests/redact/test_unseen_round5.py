"""Round 5 of private persons and what must stay (issue 8 §§ 1, 2, 4, 5), each a general
rule with several phrasings: a payment app's label and its number are one finding; the
owner of an identifier named by a role word in the genitive ("hans mors e-mail"); "sammen
med" names a co-offender only in a sentence about the offence; nicknames; family names in
every form; institutions that locate a private person; foreign places are no persons. All
persons, numbers and places invented."""

from __future__ import annotations

import pytest
from harness import plan_case, redacted_after

from gldocs.redact.bundle import load_bundle
from gldocs.redact.model import Plan

CLIENT = "Vilhelm Skousgaard Brix"
CPR = "120497-2215"
HEAD = (f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n"
        "Adresse: Bøgelundvej 4, 8260 Viby J\nTlf.: 22 33 44 55\n\n2. Beskrivelse\n")


def _plan(body: str, areas: tuple[str, ...] = ("bolig",)) -> Plan:
    return plan_case(HEAD + body + "\n", CLIENT, CPR, areas)


def _redact(body: str, areas: tuple[str, ...] = ("bolig",)) -> str:
    return redacted_after(_plan(body, areas), "2. Beskrivelse")


# -- a payment app's label goes with its number ------------------------------------------
@pytest.mark.parametrize(("body", "gone", "marker"), [
    ("Hans bror har betalt gælden via MobilePay 31 22 40 19.", ["MobilePay", "31 22 40 19"],
     "[pårørendes betalingskonto]"),
    ("Søsterens MobilePay-nummer er 27 18 33 90, og hun vil hjælpe.",
     ["MobilePay", "27 18 33 90"], "[pårørendes betalingskonto]"),
    ("Kammeraten modtog pengene på PayPal: mik.lund@gmail.com.", ["PayPal", "mik.lund"],
     "[pårørendes betalingskonto]"),
    ("Han skyldte penge og betalte med Swish til +46 70 123 45 67.", ["Swish", "123 45 67"],
     "betalingskonto]"),
    ("Ukendt nummer skrev: send 2000 på mobilepay til 26 93 15 48 nu.",
     ["mobilepay", "26 93 15 48"], "betalingskonto]"),
])
def test_payment_label_and_number_are_one_finding(body: str, gone: list[str],
                                                  marker: str) -> None:
    out = _redact(body)
    for word in gone:
        assert word not in out, out
    assert marker in out, out


def test_the_clients_own_payment_number_is_kept() -> None:
    out = _redact("Han kan modtage huslejebidraget på MobilePay 22 33 44 55.")
    assert "MobilePay 22 33 44 55" in out


# -- the owner named by a role word in the genitive --------------------------------------
@pytest.mark.parametrize(("body", "marker", "gone"), [
    ("Hans mors e-mail er birte.holm@hotmail.com og tlf. 40 50 60 70.",
     "[pårørendes tlf.]", "40 50 60 70"),
    ("Hans mors e-mail er birte.holm@hotmail.com.", "[pårørendes e-mail]", "birte.holm"),
    ("Datterens telefon er 51 52 53 54.", "[barnets tlf.]", "51 52 53 54"),
    ("Brorens nummer er 61 62 63 64.", "[pårørendes tlf.]", "61 62 63 64"),
])
def test_genitive_role_word_names_the_owner(body: str, marker: str, gone: str) -> None:
    out = _redact(body)
    assert gone not in out and marker in out, out


# -- "sammen med": a co-offender only where the sentence tells of the offence -------------
@pytest.mark.parametrize("body", [
    "Han var sammen med Kragh-familien hele sommeren. Kragh-familien har også hjulpet ham.",
    "Han var i weekenden sammen med Rasmus Bjerre til fodbold.",
])
def test_company_is_no_co_offender(body: str) -> None:
    out = _redact(body)
    assert "[udeladt: ikke nødvendigt]" not in out and "[medgerningsmand]" not in out, out
    assert "sommeren" in out or "fodbold" in out
    assert "Kragh" not in out and "Bjerre" not in out


@pytest.mark.parametrize("body", [
    "Indbruddet i villaen skete sammen med Kenneth Sand.",
    "Mateusz er sigtet for sammen med Oskar Lindqvist at have røvet en dreng for hans jakke.",
])
def test_with_an_offence_the_sentence_goes(body: str) -> None:
    out = _redact(body)
    assert "Sand" not in out and "Lindqvist" not in out, out
    assert "[udeladt: ikke nødvendigt]" in out, out


def test_with_the_caseworker_the_caseworker_stays() -> None:
    out = _redact("Han har været til møde sammen med sin sagsbehandler Tove Riis i jobcentret.")
    assert "Tove Riis" in out


# -- nicknames and family names in every form ---------------------------------------------
@pytest.mark.parametrize(("body", "gone"), [
    ("Hans ven Jens Ravn alias Ravnen har en bil. Ravnen henter ham ved løsladelsen.",
     ["Ravnen", "Ravn"]),
    ("Vennen Mads, aka Maddog, bor i Odense. Maddog arbejder som tømrer.", ["Maddog"]),
    ("Han ser mest sin ven \"Musse\". Musse kom forbi i sidste uge.", ["Musse"]),
    ("Naboen går under navnet Kvik. Kvik har lånt ham en trailer.", ["Kvik"]),
    ("Han bor hos Vestergaards i Hvidovre, indtil han finder en lejlighed.", ["Vestergaard"]),
    ("Sandahls familie har tilbudt at hjælpe.", ["Sandahl"]),
    ("Han har kendt Kraghs forældre siden skolen.", ["Kragh"]),
    ("Han har boet hos familien Brøndum. Familien Brøndum har sagt god for ham.", ["Brøndum"]),
    ("Ægteparret Thorsager har tilbudt ham et værelse.", ["Thorsager"]),
    ("Han kalder sin lillebror for \"Bassen\". Bassen er 14 år.", ["Bassen"]),
    ("Søstrene Birkmose besøger ham hver uge.", ["Birkmose"]),
])
def test_nicknames_and_family_names(body: str, gone: list[str]) -> None:
    out = _redact(body)
    for word in gone:
        assert word not in out, out


@pytest.mark.parametrize("body", [
    "Han har praktik hos Netto og senere hos Bilka.",
    "Han var til samtale hos Jobcentrets virksomhedskonsulent.",
])
def test_firms_and_authorities_after_hos_stay(body: str) -> None:
    assert _redact(body) == body


# -- places that locate a private person --------------------------------------------------
@pytest.mark.parametrize(("body", "gone", "marker"), [
    ("Hans søn Malte går i 3.b på Lindeskolen i Brabrand.", "Lindeskolen",
     "[barnets institution]"),
    ("Datteren går i Børnehuset Mælkebøtten.", "Mælkebøtten", "[barnets institution]"),
    ("Han besøger sin datter, der går i Vuggestuen Solsikken.", "Solsikken",
     "[barnets institution]"),
    ("Hans mor bor på plejehjemmet Solbakken i Tarm.", "Solbakken",
     "[pårørendes opholdssted]"),
    ("Hans kæreste er ansat hos Vognmand Krogh ApS.", "Krogh", "[pårørendes arbejdsplads]"),
    ("Hans ekskone arbejder som sosu-assistent på Plejecenter Lyngbo i Skive.", "Lyngbo",
     "[pårørendes arbejdsplads]"),
    ("Hans lillebror bor på opholdsstedet Kastanjehuset.", "Kastanjehuset",
     "[pårørendes opholdssted]"),
    ("Fætteren er flyttet til Nova Scotia.", "Nova Scotia", "[pårørendes opholdssted]"),
    ("Hans søster bor i Gdańsk.", "Gdańsk", "[pårørendes opholdssted]"),
])
def test_a_place_that_locates_a_private_person(body: str, gone: str, marker: str) -> None:
    out = _redact(body)
    assert gone not in out and marker in out, out


@pytest.mark.parametrize("body", [
    "Han går på Aarhus Tech og bor på Kollegiet Skjoldhøj.",
    "Hans mor bor i Horsens Kommune og har kontakt til Jobcenter Horsens.",
    "Hans bror arbejder i Kriminalforsorgen.",
    "Han har familie i Gdańsk og i Nova Scotia.",
    "Hans mor bor i Vejle.",
])
def test_the_clients_own_places_towns_and_authorities_stay(body: str) -> None:
    assert _redact(body) == body


# -- a place abroad is no person ----------------------------------------------------------
@pytest.mark.parametrize("body", [
    "Han har arbejdet to år i Nova Scotia.",
    "Han var på forretningsrejse til Mogadishu i 2019.",
    "Han flyttede som 20-årig til Nova Scotia.",
    "Han har været i Mogadishu, Baidoa og Kismayo.",
    "Han skal møde en arbejdsgiver fra New Brunswick.",
    "He worked in Nova Scotia for two years before moving to Halifax.",
    "Han har tidligere arbejdet på havnen i Gdańsk.",
])
def test_a_place_abroad_is_no_person(body: str) -> None:
    assert _redact(body) == body


def test_the_clients_family_by_the_clients_surname_goes() -> None:
    # the client's family are relatives: "Skousgaard-familien" is no form of the client
    out = _redact("Skousgaard-familien har hjulpet Vilhelm med penge. Familien Skousgaard "
                  "bor i Viby.")
    assert "Skousgaard-familien" not in out and "Familien Skousgaard" not in out, out
    assert "Vilhelm" in out


def test_a_nickname_after_kalder() -> None:
    out = _redact("Vennen, som Vilhelm kalder Tosse, har vi ikke brug for oplysninger om. "
                  "Tosse ringer tit.")
    assert "Tosse" not in out, out


def test_a_relative_abroad_by_role_and_place() -> None:
    out = _redact("Han sender hver måned penge til sin far i Hanoi via Western Union.")
    assert "Hanoi" not in out and "[pårørendes opholdssted]" in out, out
    assert _redact(
        "Han besøger sin mor i Randers hver uge.") == "Han besøger sin mor i Randers hver uge."


# -- markers name the kind of data and the owner's role ----------------------------------
@pytest.mark.parametrize(("body", "markers", "gone"), [
    ("Hans søn Oliver har mailen oliver.k2011@gmail.com og CPR-nr. 030311-1234.",
     ["[navn på barn]", "[barnets e-mail]", "[barnets CPR-nr.]"], ["oliver.k2011", "030311"]),
    ("Hans kæreste Sara har bilen CF 62 113 og kontoen reg.nr. 1551 kontonr. 3456789012.",
     ["[pårørendes nummerplade]", "[pårørendes konto]"], ["CF 62 113", "3456789012"]),
    ("Hans bror Morten har Snapchat-navnet mortenxx88 og IP-adressen 87.61.203.14.",
     ["[pårørendes brugernavn]", "[pårørendes IP-adresse]"], ["mortenxx88", "87.61.203.14"]),
])
def test_markers_by_role_and_kind(body: str, markers: list[str], gone: list[str]) -> None:
    out = _redact(body)
    for marker in markers:
        assert marker in out, out
    for value in gone:
        assert value not in out, out


def test_every_entity_marker_names_its_kind_and_owner() -> None:
    policy = load_bundle("kommune").policy
    for entity, spec in policy.entities.items():
        if not spec.marker:
            continue
        seen = set()
        for role, role_spec in policy.roles.items():
            marker = policy.entity_marker(entity, role)
            assert role_spec.possessive in marker, (entity, role, marker)
            seen.add(marker)
        assert len(seen) == len(policy.roles), entity  # one marker per owner role


def test_the_clients_workplace_contact_stays_in_the_beskaeftigelse_area() -> None:
    out = _redact("Han har aftalt praktik hos Tømrerfirmaet Bøgh & Søn. Mester Anders Bøgh kan "
                  "kontaktes på 40 11 22 33.", areas=("bolig", "beskæftigelse"))
    assert "Mester Anders Bøgh kan kontaktes på 40 11 22 33" in out, out


# -- a professional named as the predicate of a subject with a title ---------------------
def test_title_in_the_subject_makes_the_predicate_name_a_professional() -> None:
    body = ("Hans sagsbehandler i Aarhus Kommune er Torben Vestergaard. Torben har lovet at "
            "finde en bolig. Vestergaard ringer tirsdag.")
    assert _redact(body) == body


@pytest.mark.parametrize(("body", "gone"), [
    ("Hans mor i Aarhus er Mette Lund.", "Mette Lund"),
    ("Hans søsters kæreste er Jonas Vinge.", "Jonas Vinge"),
    ("Hans nye udlejer på Vestergade er Kirsten Ravn.", "Kirsten Ravn"),
])
def test_role_in_the_subject_makes_the_predicate_name_private(body: str, gone: str) -> None:
    assert gone not in _redact(body)


@pytest.mark.parametrize(("body", "gone", "kept"), [
    ("Hans far arbejder i Hamburg og bor i Flensburg.", "Flensburg", "Hamburg"),
    ("Hans bror arbejder hos Arla i Viby.", "Arla", "Viby"),
])
def test_a_relatives_home_abroad_and_workplace_but_not_a_city_of_work(
        body: str, gone: str, kept: str) -> None:
    out = _redact(body)
    assert gone not in out and kept in out, out


def test_the_clients_own_home_abroad_after_og_stays() -> None:
    body = "Han ringer til sin mor og bor i Flensburg."
    assert _redact(body) == body


# -- a relative's nickname after the client's name in the genitive -----------------------
def test_a_relatives_nickname_after_the_clients_genitive() -> None:
    out = _redact("Vilhelms mor, kaldet \"Mumse\" af hele familien, bor i Viby. Mumse ringer tit "
                  "til ham fra 75 52 11 09.")
    assert "Mumse" not in out and "[pårørendes tlf.]" in out, out


def test_the_clients_own_nickname_stays() -> None:
    body = "Vilhelm, kaldet Ville, møder stabilt op."
    assert _redact(body) == body


@pytest.mark.parametrize(("body", "gone", "marker"), [
    ("Han har betalt 2.000 kr. tilbage til svogeren via MobilePay 30 61 45 82.",
     "30 61 45 82", "[pårørendes betalingskonto]"),
    ("Han ses stadig med brødrene Vrang fra Seest.", "Vrang", "[pårørende]"),
])
def test_definite_role_words_and_family_names_that_are_words(body: str, gone: str,
                                                              marker: str) -> None:
    out = _redact(body)
    assert gone not in out and marker in out, out


def test_a_preposition_opening_the_sentence_stays() -> None:
    out = _redact("Hans kæreste hedder Signe Holt. Hos Holts har man lovet at låne ham en bil.")
    assert out.count("Hos ") == 1 and "Holt" not in out, out


def test_a_quoted_contact_in_a_message_transcript() -> None:
    out = _redact("[02.11 21:14] Fra \"Hooyo\": hvornår kommer du hjem?\n"
                  "[02.11 21:20] Til 'Cabdi W': ring til mig\n"
                  "[02.11 21:25] Fra \"Vilhelm\": ok")
    assert "Hooyo" not in out and "Cabdi" not in out, out
    assert "Vilhelm" in out


# -- classes behind the leaks of a blind set (invented texts) ----------------------------
@pytest.mark.parametrize(("body", "gone"), [
    # an authority word opening the next clause after a semicolon is no employer
    ("Han dyrkede hash i et skur ved Ugerløse sammen med Preben Kvolsgaard; politiet fandt "
     "200 planter.", "Kvolsgaard"),
    # a name before "og" and a name
    ("jeg vil ikke ha noget med Sputte og Lasse Kragelund at gøre. Sputte er her også.",
     "Sputte"),
    # a name in its own script after the name
    ("Han er gift med Wang Meiling (王美玲), og de har en søn.", "王美玲"),
    ("Hans svigerfar, Park Jisoo (박지수), bor hos dem.", "박지수"),
])
def test_blind_set_classes_names(body: str, gone: str) -> None:
    assert gone not in _redact(body)


def test_a_name_in_its_own_script_without_an_owner_is_removed_and_flagged() -> None:
    """Han characters with no name before them: a name until shown otherwise, and the
    caseworker is told so (its explanation says "gennemse", so it must be flagged)."""
    plan = _plan("Ved besøget kom 李小龙 også med.")
    hits = [f for f in plan.findings if "李小龙" in f.text]
    assert hits and all(f.action == "remove" and f.review for f in hits), hits


@pytest.mark.parametrize(("body", "gone"), [
    ("Besøg: mormor Grethe Lund, Plejecenter Engbakken, Ikast (søndag)", "Engbakken"),
    ("Han har to børn med sin ekskone Rikke Dal, Malte (9 år, 3.a på Søndervangskolen) og "
     "Freja (4 år, Børnehuset Troldehøj).", "Søndervangskolen"),
    ("Han har to børn med sin ekskone Rikke Dal, Malte (9 år, 3.a på Søndervangskolen) og "
     "Freja (4 år, Børnehuset Troldehøj).", "Troldehøj"),
    ("Han har datteren Selma på 3 år, som går i Vuggestuen og Børnehaven Kløverly i Vejle.",
     "Kløverly"),
    ("Hans lillebror, Imran Qureshi (+92 321 5566 778, Karachi), sender penge.", "Karachi"),
])
def test_blind_set_classes_places(body: str, gone: str) -> None:
    assert gone not in _redact(body)


def test_a_relatives_record_after_a_semicolon() -> None:
    out = _redact("Hans fætter, Imran Qureshi, sender ham penge hver måned; han har tidligere "
                  "været dømt for menneskesmugling.")
    assert "menneskesmugling" not in out and "sender ham penge" in out, out
    body = "Han låner penge af sin fætter Imran; han har tidligere været dømt for vold."
    assert "dømt for vold" in _redact(body)


def test_a_professional_with_an_authority_after_a_comma_stays() -> None:
    body = "Hans sagsbehandler, Mette Holm, Jobcenter Aarhus, ringer i morgen."
    assert _redact(body) == body


def test_an_institution_named_after_its_kind_is_no_person_anywhere() -> None:
    body = ("Han kan få midlertidigt ophold på forsorgshjemmet Lyngbo fra den 1. marts.\n\n"
            "| Ansvarlig | Opgave | Frist |\n| Jobcenter | Svar om ophold, Lyngbo | 05.02.2027 |")
    out = _redact(body)
    assert out.count("Lyngbo") == 2, out


def test_siblings_school_in_a_relative_clause() -> None:
    out = _redact("Han har to yngre søskende, Eleni (12 år) og Kostas (9 år), som begge går på "
                  "Tåstrupskolen.")
    assert "Tåstrupskolen" not in out, out


def test_a_lower_case_name_after_a_role_word_in_a_chat() -> None:
    out = _redact("[08:20] tove: og hans kusine fernanda ringede fra lissabon. fernanda er sur.")
    assert "fernanda" not in out, out


@pytest.mark.parametrize("body", [
    "Hans fætter ringede i går, og hans bror kommer på besøg.",
    "His mother was ill and his brother said that his friend left.",
    "Seine Mutter ist krank und sein Bruder sagt nichts.",
])
def test_ordinary_words_after_a_role_word_stay(body: str) -> None:
    assert _redact(body) == body


def test_a_word_after_a_victims_cue_is_no_lower_case_name() -> None:
    body = ("Vilhelm søger job som chauffør via Jobcenter Aarhus. Sagsbehandleren oplyste, at "
            "huslejen betales via kommunen.")
    assert _redact(body, areas=("bolig", "beskæftigelse")) == body


def test_a_function_word_after_a_role_word_is_no_lower_case_name() -> None:
    body = "Hverken hans bror eller hans søster har kontakt til ham."
    assert _redact(body) == body
