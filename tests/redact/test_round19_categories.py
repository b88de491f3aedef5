"""Round 19 of issue 8 on the R2-R5 / K4-K7 side, each a general rule with several phrasings
on invented text: the act's pay or loot in any currency and told in a journal's paragraph
about the judgment (R4); a false address in a benefit fraud (R4); a rocker club's grades and
colours, an attack alarm from the police and menacing words in a quoted message (R3); a
ceremony held inside the prison (R5); a field of the act in a JSON export (R4); a ban from a
whole municipality as part of the sentence (K6); and a part's heading with a tail that only
says when ("Vurdering og indsatser ved løsladelsen"). All persons, places and numbers
invented."""

from __future__ import annotations

import pytest
from harness import Case, analyse, gone, redacted

from gldocs.document.sections import heading_section

CLIENT = "Torben Lykke Ravnsholt"
CPR = "140387-2113"  # a man (odd last digit)
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n\n2. Beskrivelse\n"

CASE = Case(CLIENT, HEAD, areas=("bolig",), cpr=CPR)
_redact = CASE.redact


def _file(body: str, areas: tuple[str, ...] = ("bolig",)) -> str:
    """``body`` after the client's own block, redacted as a whole file."""
    head = f"Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n"
    return redacted(analyse(head + body, CLIENT, list(areas), cpr=CPR))


# -- R4: the act's pay or loot in another currency, and in a paragraph about the judgment --
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Torben fik ifølge egen forklaring 1.500 euro for turen.", "1.500 euro"),
    ("Han skulle have 800 pund for kørslen.", "800 pund"),
    ("Han blev lovet 3.000 dollars for leverancen.", "3.000 dollars"),
])
def test_the_pay_for_the_act_in_any_currency_is_removed(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence), secret)


@pytest.mark.parametrize(("paragraph", "secret"), [
    # a journal's paragraph opened by announcing the judgment, with an adverb in the lead
    ("Torben fortæller også om dommen. Han mødte op i kiosken med en kniv. "
     "Indehaveren betalte 42.000 kr.", "42.000"),
    ("Torben fortalte selv om forløbet. Han gik ind ad bagdøren og tog 7.300 kr. "
     "fra pengeskabet.", "7.300"),
    ("Han har fortalt om dommen. Kunden udleverede 2.450 kr. fra sin pung.", "2.450"),
    ("Vi talte om forholdet. Han afpressede ham og fik 12.000 euro.", "12.000"),
    # ... or by the heading as its own short sentence
    ("Om dommen. Jeg ved godt, det var dumt. Vi gik ind i butikken med en softgun. "
     "Vi fik 6.300 kr og jeg brugte det hele.", "6.300"),
])
def test_the_loot_in_a_paragraph_about_the_judgment_is_removed(paragraph: str,
                                                                secret: str) -> None:
    assert gone(_redact(paragraph), secret)


def test_an_apology_letter_to_the_victim_is_removed() -> None:
    out = _redact("Om dommen. Jeg har skrevet et undskyldnings brev til hende.")
    assert gone(out, "brev"), out


def test_an_amount_of_benefits_is_no_loot() -> None:
    sentence = "Han fik 5.000 kr. i kontanthjælp i marts."
    assert sentence in _redact(sentence, ("økonomi",))


# -- R4: a false address in a benefit fraud ------------------------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Han brugte en vens adresse i Holbæk og en postkasse med navnet \"K. Brandt\".",
     "postkasse"),
    ("Han lånte sin fætters adresse, så det så ud, som om han boede alene.", "fætters adresse"),
    ("Han havde en postkasse med sin kusines navn på Nørregade.", "postkasse"),
    ("Han oplyste en proformaadresse til kommunen.", "proformaadresse"),
])
def test_a_false_address_in_a_benefit_fraud_is_removed(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence, ("økonomi",)), secret)


# -- R3: a rocker club's grades and colours, the police's attack alarm, menacing words -----
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Hans gamle ven er stadig full patch i klubben.", "full patch"),
    ("Han blev fullpatch-medlem i 2019.", "fullpatch"),
    ("Han bærer ikke længere sin vest.", "vest"),
    ("Han gik med vesten til festen i weekenden.", "vesten"),
    ("Han har fået en overfaldsalarm af politiet.", "overfaldsalarm"),
    ("Politiet har udleveret en trusselsalarm til hende.", "trusselsalarm"),
])
def test_rocker_grades_colours_and_an_attack_alarm_are_removed(sentence: str,
                                                                secret: str) -> None:
    assert gone(_redact(sentence), secret)


@pytest.mark.parametrize(("message", "secret"), [
    ('"du er færdig torben. vi ses"', "færdig"),
    ('Beskeden lød: "Du er en død mand."', "død mand"),
    ('"kim og jeg ved hvor din mor bor"', "hvor din mor bor"),
    ("Han skrev, at de ved godt hvor hans søster bor.", "søster bor"),
    ('Sms: "vi slår dig ihjel hvis du snakker"', "ihjel"),
    ('"jeg kommer efter dig når du er ude"', "kommer efter dig"),
    ('Beskeden: "Du skal dø, din rotte."', "dø"),
    ('"du får tæsk næste gang"', "tæsk"),
])
def test_menacing_words_in_a_message_are_removed(message: str, secret: str) -> None:
    assert gone(_redact(message), secret)


@pytest.mark.parametrize("sentence", [
    "Vi finder dig en bolig inden løsladelsen, skrev sagsbehandleren.",
    "Jeg henter dig kl. 9 ved porten, skriver mentoren.",
])
def test_a_helpers_promise_is_no_threat(sentence: str) -> None:
    assert sentence in _redact(sentence, ("bolig", "mentor"))


def test_being_done_with_school_is_no_threat() -> None:
    sentence = "Du er færdig med skolen til sommer, skrev vejlederen."
    assert sentence in _redact(sentence, ("uddannelse",))


# -- R5: a ceremony held inside the prison --------------------------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Parret er blevet gift her i fængslet den 2. marts 2026.", "gift her i fængslet"),
    ("De holdt bryllup i arresthuset i januar.", "bryllup"),
    ("Vielsen fandt sted i fængselskirken.", "fængselskirken"),
    ("Han blev viet til sin kæreste i Statsfængslet i december.", "viet"),
])
def test_a_ceremony_inside_the_prison_is_removed(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence, ("netværk",)), secret)


def test_a_wedding_outside_stays() -> None:
    sentence = "Han vil gerne giftes med sin kæreste efter løsladelsen."
    assert "giftes" in _redact(sentence, ("netværk",))


# -- R4: a field of the act in a JSON export -------------------------------------------------
@pytest.mark.parametrize("key", ["gerningsbeskrivelse", "Gerningsforløb", "hændelsesforløb",
                                 # an export's keys in ASCII letters
                                 "haendelsesforloeb", "gerningsforloeb"])
def test_a_quoted_field_of_the_act_is_removed(key: str) -> None:
    out = _file("\nEksport fra sagssystemet:\n{\n"
                f'  "{key}": "Torben ramte ham med en flaske i baggården.",\n'
                '  "domsdato": "2025-06-02"\n}\n')
    assert gone(out, "flaske"), out
    assert "2025-06-02" in out


# -- K6: a ban from a whole municipality is part of the sentence ----------------------------
@pytest.mark.parametrize("field", [
    "Særlige vilkår i dommen: opholdsforbud i Vejle Kommune i 4 år",
    "Tillægsstraf: opholdsforbud i Fredericia Kommune i fem år",
])
def test_a_ban_from_a_municipality_in_the_judgment_stays(field: str) -> None:
    out = _file(f"{field}\n\nBeskrivelse\nTorben ønsker en bolig.\n")
    assert "opholdsforbud i" in out, out


def test_a_police_zone_ban_stays_security() -> None:
    out = _file("\nBeskrivelse\nPolitiet har givet ham opholdsforbud i nattelivszonen.\n")
    assert gone(out, "nattelivszonen"), out


# -- a part's heading with a tail that only says when ---------------------------------------
@pytest.mark.parametrize(("heading", "part"), [
    ("Vurdering og indsatser ved løsladelsen", "vurdering"),
    ("4. Vurdering og indsatsområder efter løsladelsen", "vurdering"),
    ("Samarbejdspartnere efter løsladelsen", "samarbejdspartnere"),
    ("Indsatser i prøvetiden", "vurdering"),
])
def test_a_heading_with_a_time_tail_opens_its_part(heading: str, part: str) -> None:
    assert heading_section(heading) == part


def test_an_indsats_under_such_a_heading_stays() -> None:
    out = _file("\nÅrsager til kriminalitet\nHan manglede penge.\n\n"
                "Vurdering og indsatser ved løsladelsen\n"
                "Hvordan: Kommunen undersøger et midlertidigt værelse på herberg fra "
                "løsladelsen den 19. maj 2026.\n")
    assert "midlertidigt værelse på herberg" in out, out
