"""The round-16 classes of R2-R5 and K4/K7, each in several invented phrasings: peoples
before an origin word, protests and opposition, torture trauma, gambling disorder (its own
category, kept under helbred or misbrug), a medicine's name before a dose (no person), a
relative's health after a preposition-like subordinator, a sexual offence in plain words,
the scene of an act in a list of fines or after a journal's lead, the client's firms of the
past, the pay grade inside; and what stays: a church as a landmark, an employer with a
firm's suffix after a role word, a claim from an authority, a course code before a trade,
the municipality's Visitationen. Every sentence and person is invented; none is taken from
an annotated set."""

from __future__ import annotations

import pytest
from harness import gone as _gone
from harness import kommune_analyzer, redact_section

CLIENT = "Severin Halkjær Dueholm"
STAMDATA = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 230391-2817\n\n"
DESCRIPTION = STAMDATA + "2. Beskrivelse\n"
CAUSES = STAMDATA + "3. Årsager til kriminalitet\n"


def _out(sentence: str, areas: tuple[str, ...] = ("bolig",), head: str = DESCRIPTION) -> str:
    return redact_section(kommune_analyzer(), CLIENT, head, sentence, areas).strip()


# ---- R2 ---------------------------------------------------------------------------------
ORIGIN_AND_POLITICS = [
    # a people before an origin word, whatever the people
    ("Han har hazara-baggrund og kom til Danmark som barn.", "hazara"),
    ("Hans mor er af tuareg-oprindelse.", "tuareg"),
    ("Familien har bakhtiari baggrund.", "bakhtiari"),
    ("Han er vokset op i en yoruba-familie i Lagos.", "yoruba"),
    ("Han oplyser, at han er hazara.", "hazara"),
    ("Han tilhører qashqai-folket.", "qashqai"),
    # protests and opposition
    ("Han deltog i protesterne mod styret i 2022.", "protesterne"),
    ("Han var med i demonstrationerne i hovedstaden.", "demonstrationerne"),
    ("Han har deltaget i opstanden i sin hjemby.", "opstanden"),
    ("Han er regimekritiker og skriver om det på nettet.", "regimekritiker"),
    ("Hans bror var dissident og blev fængslet.", "dissident"),
]

HEALTH = [
    ("Han har flashbacks fra krigen og sover dårligt.", "flashbacks"),
    ("Han er torturoverlever og går til samtaler.", "torturoverlever"),
    ("Han har været udsat for tortur i fængslet i sit hjemland.", "tortur"),
    ("Han sover meget uroligt om natten.", "uroligt"),
    ("Han får Androcur (cyproteronacetat) 50 mg dagligt.", "Androcur"),
    ("Han har et spilleproblem og spiller online casino om natten.", "spilleproblem"),
    ("Han er afhængig af spil.", "afhængig af spil"),
    ("Han har ludomani og får Naltrexon.", "ludomani"),
]


@pytest.mark.parametrize(("sentence", "secret"), ORIGIN_AND_POLITICS)
def test_origin_and_political_activity(sentence: str,
                                       secret: str) -> None:
    out = _out(sentence, ("bolig", "netværk"))
    assert _gone(out, secret) and "(rhl. § 10)]" in out, out


@pytest.mark.parametrize(("sentence", "secret"), HEALTH)
def test_health_outside_the_areas(sentence: str, secret: str) -> None:
    out = _out(sentence, ("bolig", "beskæftigelse"))
    assert _gone(out, secret) and "(rhl. § 10)]" in out, out


@pytest.mark.parametrize("areas", [("helbred",), ("misbrug",)])
def test_gambling_disorder_stays_under_helbred_or_misbrug(
        areas: tuple[str, ...]) -> None:
    sentence = ("Han har ludomani (F63.0) og er tilbudt Naltrexon mod spilletrangen.")
    assert _out(sentence, areas) == sentence


def test_gender_incongruence_treatment_is_health_the_identity_is_not() -> None:
    treatment = ("Hun er udredt med kønsinkongruens og får kønsbekræftende behandling på "
                 "Center for Kønsidentitet.")
    assert _out(treatment, ("helbred",)) == treatment
    assert _gone(_out(treatment, ("bolig",)), "kønsinkongruens")
    out = _out("Hun er transkvinde og lesbisk.", ("helbred",))
    assert _gone(out, "transkvinde") and "lesbisk" not in out, out


def test_substance_use_is_not_kept_by_gambling_treatment() -> None:
    out = _out("Han har ludomani. Han drikker 12 øl om dagen.", ("helbred",))
    assert "ludomani" in out and _gone(out, "12 øl"), out


@pytest.mark.parametrize("sentence", [
    "Han får Androcur (cyproteronacetat) 50 mg dagligt.",
    "Han tager Xalvoprin 20 mg om morgenen og fortsætter med Xalvoprin efter løsladelsen.",
])
def test_a_medicine_before_a_dose_is_no_person(sentence: str) -> None:
    assert _out(sentence, ("helbred",)) == sentence


@pytest.mark.parametrize("sentence", [
    "Han ser sin ven Torben Ask; Torben er selv førtidspensioneret efter en hjerneskade.",
    "Hans mor døde sidste år efter et langt forløb med kræft.",
])
def test_a_relatives_health_after_a_preposition_goes_in_the_area(
        sentence: str) -> None:
    out = _out(sentence, ("helbred",))
    assert "hjerneskade" not in out and "kræft" not in out, out


@pytest.mark.parametrize("sentence", [
    "Han fik angst efter at hans bror døde.",
    "Hans mor har hjulpet ham meget efter hans hjerneskade.",
])
def test_the_clients_own_health_after_a_subordinator_stays(sentence: str) -> None:
    assert _out(sentence, ("helbred",)) == sentence


# ---- R2/R3 in other words and languages -----------------------------------------------
MORE = [
    ("Han har fået Zelvanox af fængselslægen mod uro.", "Zelvanox", ("bolig",)),
    ("Han mistede to fingre ved en ulykke på værftet.", "fingre", ("bolig",)),
    ("Han er registreret i ROFUS.", "ROFUS", ("bolig", "beskæftigelse")),
    ("Han var medlem af Byggnads, da han arbejdede i Malmø.", "Byggnads", ("beskæftigelse",)),
    ("Han er medlem af Kommunal.", "Kommunal", ("beskæftigelse",)),
    ("Hans mor er aktiv i Pingstkyrkan i Göteborg.", "Pingstkyrkan", ("netværk",)),
    ("Han bærer kirpan og turban.", "kirpan", ("bolig",)),
    ("Han tilhører jat-kasten.", "kasten", ("bolig",)),
    ("Han skylder klubben 20.000 kr. efter udmeldelsen.", "klubben", ("økonomi",)),
    ("Han skulle aflevere sin vest ved udmeldelsen.", "vest", ("bolig",)),
    ("Beskeden lød: du ved hvad der sker med stikkere.", "stikkere", ("bolig",)),
]


@pytest.mark.parametrize(("sentence", "secret", "areas"), MORE)
def test_more_special_categories_and_security(sentence: str,
                                               secret: str, areas: tuple[str, ...]) -> None:
    assert _gone(_out(sentence, areas), secret)


def test_a_file_name_in_ascii_spelling() -> None:
    out = _out("Bilag 6 - Disciplinaerafgoerelse_2026-01-03.pdf", ("bolig",))
    assert "Disciplin" not in out, out


def test_a_case_number_ends_no_sentence() -> None:
    out = _out("Sagen er anmeldt til politiet, j.nr. 4100-70011-00222-26, og han "
                         "er afhørt som vidne.", ("bolig",))
    assert "4100" not in out, out


# ---- R4 / R5 ----------------------------------------------------------------------------
ACT = [
    ("Han lokkede drengen med hjem under påskud af at vise ham en hundehvalp.", "påskud"),
    ("Han berørte hende på brysterne ved flere lejligheder.", "brysterne"),
    ("Han rørte ved drengen under tøjet.", "under tøjet"),
    ("Overgrebene skete ved mindst tre lejligheder i 2024.", "tre lejligheder"),
    ("Han blottede sig for to piger i en park.", "blottede"),
    ("Han var indtil 2021 direktør og eneanpartshaver i Frisk Fragt ApS.", "Frisk Fragt"),
    ("Han ejede via Dueholm Invest ApS halvdelen af et vognmandsfirma.", "Dueholm Invest"),
    ("Selskabet havde CVR 12 34 56 78 og tre ansatte.", "12 34 56 78"),
]


@pytest.mark.parametrize(("sentence", "secret"), ACT)
def test_the_act_in_plain_words(sentence: str, secret: str) -> None:
    out = _out(sentence, ("bolig", "beskæftigelse", "økonomi"))
    assert _gone(out, secret), out


def test_the_scene_in_a_list_of_fines() -> None:
    out = _out("Bøder:\n1) 4.000 kr. – kørsel i frakendelsestiden, Skovgade, "
                         "Brande, 12.4.2025.", ("økonomi",))
    assert "Skovgade" not in out and "Brande" not in out, out


def test_the_scene_after_a_journal_lead() -> None:
    out = _out("Han fortæller om overtrædelsen. Den 2. maj var han til fest på "
                         "Algade Torv. Han slog en gæst med en flaske.", ("bolig",))
    assert "Algade" not in out and "flaske" not in out, out


def test_the_scene_of_the_act_named_by_a_definite_square() -> None:
    out = _out("Han blev standset af en kontrollør på Stationspladsen.",
               ("bolig",), head=CAUSES)
    assert "Stationspladsen" not in out, out


def test_the_victim_named_after_the_act() -> None:
    out = _out("Dommen angår drabet på Jens Otto Brink i dennes hus i Ørum.",
               ("bolig",))
    assert "Ørum" not in out and "Brink" not in out, out


@pytest.mark.parametrize(("sentence", "secret"), [
    ("Han blev kørt til scanning ledsaget af to betjente.", "betjente"),
    ("Klagen afvises.", "afvises"),
    ("Han er tilmeldt rengøringsholdet i påskeugen.", "rengøringsholdet"),
    ("Han var først placeret på fællesafdelingen i arresthuset.", "fællesafdelingen"),
])
def test_internal_matters(sentence: str, secret: str) -> None:
    assert _gone(_out(sentence, ("bolig", "beskæftigelse")), secret)


def test_the_clients_own_injury_is_health_a_victims_is_the_act() -> None:
    own = "Severin blev ramt af en kran og fik hjernerystelse og en skade i venstre knæ."
    assert _out(own, ("helbred",)) == own
    out = _out("Severin slog en vagt, og vagten fik en flænge og hjernerystelse.",
               ("helbred",))
    assert "flænge" not in out and "hjernerystelse" not in out, out


def test_a_relatives_illness_in_a_coordinated_phrase_goes() -> None:
    out = _out("Hans mor har kræft og en hjerteklapfejl.", ("helbred",))
    assert "hjerteklapfejl" not in out, out


def test_the_pay_grade_inside_goes_the_income_stays() -> None:
    out = _out("Arbejdsdusør: lønklasse 2, plus tillæg for rengøring.\n"
                         "Han sparer op af sin arbejdsdusør til et depositum.",
               ("beskæftigelse",))
    assert "lønklasse" not in out and "sparer op af sin arbejdsdusør" in out, out


# ---- what stays ---------------------------------------------------------------------------
KEEP = [
    ("Han bor tæt på kirken og ønsker at blive boende.", ("bolig",)),
    ("Lejligheden ligger over for moskeen i Mjølnerparken.", ("bolig",)),
    ("Han har fået fast arbejde som chauffør hos Sydkyst Transport GmbH fra 1. marts.",
     ("beskæftigelse",)),
    ("Han har et krav fra Skattestyrelsen på 2,3 mio. kr. og ønsker en afdragsordning.",
     ("økonomi",)),
    ("Han søger optagelse på GF2 Tømrer på Syddansk Erhvervsskole i august.",
     ("uddannelse",)),
    ("Herning Kommune, Visitationen, visiterer ham til et botilbud efter § 107.",
     ("bolig",)),
    ("Han ejer selv et firma, Dueholm Tømrer ApS, og vil fortsætte det efter løsladelsen.",
     ("beskæftigelse",)),
    ("Han har protesteret mod afgørelsen om boligstøtte.", ("bolig",)),
    ("Han har bedt om hjælp til en bankkonto med NemKonto.", ("økonomi",)),
    ("Et budget, hvor overførsler til familien indgår med højst 900 kr. om måneden.",
     ("økonomi",)),
    ("Han har ca. 2,1 mio. kr. i gæld til Skattestyrelsen og ønsker gældssanering.",
     ("økonomi",)),
    ("Han har brugt kokain dagligt det sidste år før anholdelsen.", ("misbrug",)),
]


def test_a_product_name_in_an_unknown_part_is_no_person() -> None:
    head = STAMDATA + "Notat fra kontaktpersonen\n"
    body = "Han skal fortsætte i U-turn Randers og bruger MobilePay til husleje."
    out = redact_section(kommune_analyzer(), CLIENT, head, body, ("misbrug", "økonomi")).strip()
    assert out == body, out


def test_a_car_named_like_a_people_tells_no_origin() -> None:
    out = _out("Han kører en Nissan Qashqai til arbejdet.", ("beskæftigelse",))
    assert "etnisk" not in out, out


def test_a_private_nickname_in_camel_case_is_still_a_person() -> None:
    out = _out("Han bor hos sin ven BigMike i Vejle.", ("bolig",))
    assert "BigMike" not in out, out


@pytest.mark.parametrize(("sentence", "areas"), KEEP)
def test_what_stays_stays(sentence: str, areas: tuple[str, ...]) -> None:
    assert _out(sentence, areas) == sentence
