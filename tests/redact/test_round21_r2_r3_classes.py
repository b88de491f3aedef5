"""Round 21 of issue 8 on the R2 / R3 / K7 side, each a general class with several phrasings
on invented text: anabolic steroids taken (misbrug: K7 under misbrug, R2 elsewhere); injuries
by the bone that broke, of the client or of a relative (R2); a substance dependence
diagnosed (misbrug, K7, not helbred); origin by accent or by the language one falls back on
(R2); faith in an English quote (R2); a debt to a club (R3); a restriction of movement inside
an institution (R3); honour-related conflict, forced marriage and the bodies that handle them
(R3, the sentence for it K6); the quoted lines under a removed announcement (intercepted
messages in code words). All persons, places and numbers invented."""

from __future__ import annotations

import pytest
from harness import Case, gone

CLIENT = "Aksel Vestergaard Hjorth"
CPR = "230391-1357"  # a man (odd last digit)
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n\n2. Beskrivelse\n"

CASE = Case(CLIENT, HEAD, areas=("bolig",), cpr=CPR)
_redact = CASE.redact


# -- R2 / K7: anabolic steroids are substance use ---------------------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Aksel har selv brugt anabole steroider i mange år.", "steroider"),
    ("Han tog steroidkure hver vinter for at blive større.", "steroidkure"),
    ("Han har sprøjtet sig med nandrolon og trenbolon.", "nandrolon"),
    ("Hans dopingforbrug begyndte i fitnesscentret.", "dopingforbrug"),
    ("Han har taget væksthormon uden recept.", "væksthormon"),
])
def test_steroids_taken_go_outside_misbrug(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence, ("beskæftigelse", "økonomi")), secret)


@pytest.mark.parametrize("sentence", [
    "Aksel har selv brugt anabole steroider i mange år.",
    "Han tog steroidkure hver vinter for at blive større.",
])
def test_steroids_taken_stay_under_misbrug(sentence: str) -> None:
    assert _redact(sentence, ("misbrug",)).strip() == sentence


# -- R2: injuries by the bone, the client's and a relative's ---------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Aksel blev kvæstet ved ulykken og fik et brækket bækken.", "bækken"),
    ("Han brækkede venstre lårben, da han faldt af stilladset.", "lårben"),
    ("Han har et bækkenbrud fra 2024.", "bækkenbrud"),
    ("Han fik et kompliceret brud på skinnebenet.", "skinnebenet"),
    ("Hans far faldt på isen og brækkede hoften.", "hoften"),
    ("Søsteren ligger på sygehuset med et lårbensbrud.", "lårbensbrud"),
    ("Han har et overrevet korsbånd efter en fodboldkamp.", "korsbånd"),
    ("Han kom alvorligt til skade ved et fald fra en stige.", "til skade"),
    ("Han har fået skiftet hoften og går med krykker.", "hoften"),
])
def test_injuries_by_the_bone_that_broke_are_health(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence, ("beskæftigelse",)), secret)


def test_the_clients_own_injury_stays_under_helbred() -> None:
    sentence = "Aksel blev kvæstet ved ulykken og fik et brækket bækken."
    assert _redact(sentence, ("helbred",)).strip() == sentence


# -- K7: a substance dependence diagnosed is misbrug, not helbred ----------------------------
@pytest.mark.parametrize("sentence", [
    "Han er udredt for alkoholafhængighedssyndrom.",
    "Han er diagnosticeret med opioidafhængighed og får metadon.",
    "Diagnosen er cannabisafhængighed.",
])
def test_a_diagnosed_dependence_stays_under_misbrug(sentence: str) -> None:
    assert _redact(sentence, ("misbrug", "netværk")).strip() == sentence


def test_a_diagnosed_dependence_goes_outside_misbrug() -> None:
    assert gone(_redact("Han er udredt for alkoholafhængighedssyndrom.", ("bolig",)),
                "alkoholafhængighedssyndrom")


def test_another_diagnosis_beside_the_dependence_still_goes_under_misbrug() -> None:
    out = _redact("Han er udredt for depression og alkoholafhængighed.", ("misbrug",))
    assert gone(out, "depression")


# -- R2: origin by accent and by the language one falls back on ------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Han taler dansk med færøsk accent.", "færøsk"),
    ("Hun har en tydelig polsk accent.", "polsk"),
    ("Han taler med en kraftig arabisk accent.", "arabisk"),
    ("Man kan høre en udenlandsk accent, når han er træt.", "udenlandsk accent"),
    ("Han skifter til færøsk, når han bliver presset.", "færøsk"),
    ("Han falder tilbage på tyrkisk, når han bliver vred.", "tyrkisk"),
    ("Han taler mest somali med sin mor.", "somali"),
    ("Han skriver til sin søster på tigrinya.", "tigrinya"),
    ("Han er opvokset på Færøerne og kom hertil som 20-årig.", "Færøerne"),
])
def test_origin_by_accent_or_language_is_removed(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence), secret)


@pytest.mark.parametrize("sentence", [
    "Han taler dansk med jysk accent.",
    "Han taler og skriver godt dansk og engelsk.",
    "Han er startet på et kursus i dansk.",
])
def test_a_danish_accent_or_language_skill_stays(sentence: str) -> None:
    assert _redact(sentence).strip() == sentence


# -- R2: faith in an English quote -------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ('Aksel siger: "My faith is what keeps me going in here."', "faith"),
    ("He says that God gives him strength every day.", "strength"),
    ("He prays every night and reads the Bible.", "Bible"),
    ("I believe in God and he will help me through this.", "believe"),
    ("He is a man of faith and sings in the church choir.", "choir"),
])
def test_faith_in_english_is_removed(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence), secret)


@pytest.mark.parametrize("sentence", [
    "He signed the lease in good faith.",
    "God kontakt til jobcentret er vigtig for ham.",
    "Han var instruktør i fitnesscentret Iron Temple i Randers.",
])
def test_good_faith_the_danish_word_god_and_a_gyms_name_stay(sentence: str) -> None:
    assert _redact(sentence).strip() == sentence


# -- R3: a debt to a club ----------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Han siger, at han skylder 40.000 til klubben.", "klubben"),
    ("Han skylder stadig 15.000 kr. hos klubben.", "klubben"),
    ("Han skylder penge til nogle fra klubben.", "klubben"),
    ("Han har gæld til klubben og tør ikke gå ud.", "klubben"),
    ("Klubben vil have sine penge inden jul.", "penge"),
    ("Han har en gæld til nogle folk fra miljøet.", "miljøet"),
])
def test_a_debt_to_a_club_is_security(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence), secret)


@pytest.mark.parametrize("sentence", [
    "Han skylder 3.000 kr. til klubben i kontingent.",
    "Han går til fodbold i klubben hver tirsdag.",
    "Han skylder 12.000 kr. i husleje til boligforeningen.",
])
def test_a_sports_club_and_a_rent_debt_stay(sentence: str) -> None:
    assert _redact(sentence, ("økonomi",)).strip() == sentence


# -- R3: a restriction of movement inside an institution --------------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Han kom for sent hjem og får husarrest i weekenden.", "husarrest"),
    ("Beboeren fik stuearrest i tre dage efter episoden.", "stuearrest"),
    ("Han fik værelsesarrest efter en konflikt i køkkenet.", "værelsesarrest"),
    ("Han har fået udgangsforbud i 14 dage.", "udgangsforbud"),
    ("Han må ikke forlade pensionen efter kl. 22.", "pensionen"),
])
def test_a_restriction_inside_is_security(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence), secret)


# -- R3 / K6: honour-related conflict and forced marriage -------------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Politiet har vurderet risikoen for æresrelateret vold mod hende.", "æresrelateret"),
    ("Sagen er registreret hos Nationalt Konfliktcenter.", "Konfliktcenter"),
    ("Familien har været i en æreskonflikt siden 2023.", "æreskonflikt"),
    ("Hun er flyttet til RED Safehouse.", "Safehouse"),
    ("Hun har været i kontakt med Etnisk Ung.", "Etnisk Ung"),
    ("Han skulle giftes med en kusine mod sin vilje.", "kusine"),
    ("Hun blev udsat for tvangsægteskab som 17-årig.", "tvangsægteskab"),
    ("Der er en risiko for repressalier mod hende fra familien.", "repressalier"),
])
def test_honour_related_conflict_is_security(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence), secret)


@pytest.mark.parametrize("sentence", [
    "Han er idømt 2 år for tvangsægteskab og frihedsberøvelse.",
    "Han er idømt 1 år og 9 måneder for medvirken til tvangsægteskab.",
])
def test_the_sentence_for_a_forced_marriage_stays(sentence: str) -> None:
    assert _redact(sentence).strip() == sentence


def test_a_talk_about_family_conflicts_stays_under_netvaerk() -> None:
    sentence = ("Han tilbydes et samtaleforløb om familiekonflikter og social kontrol hos "
                "kommunens netværkskonsulent.")
    assert _redact(sentence, ("netværk",)).strip() == sentence


# -- R3: the quoted lines under a removed announcement -----------------------------------------
def test_intercepted_messages_under_their_announcement_go() -> None:
    body = ("Dommen bygger på aflytning af hans telefon. Af dommen fremgår blandt andet "
            "følgende aflyttede beskeder:\n\n"
            'Aksel til "Spurven", 03.05.2024: "har du 3 blå jakker til i morgen, kunden '
            'venter"\n'
            '"Spurven" til Aksel, 03.05.2024: "kun 2 blå, resten er gule"\n'
            "\nIndsats 1: Bolig\n")
    out = _redact(body)
    assert gone(out, "blå jakker") and gone(out, "resten er gule")
    assert "Indsats 1: Bolig" in out


def test_chat_lines_under_a_removed_announcement_go() -> None:
    body = ("Politiet har aflyttet følgende samtale mellem ham og en medsigtet:\n"
            "[21:14] de hvide kasser står i garagen\n"
            "[21:15] ok jeg henter dem når det er mørkt\n")
    out = _redact(body)
    assert gone(out, "hvide kasser") and gone(out, "når det er mørkt")


def test_quotes_under_a_kept_announcement_stay() -> None:
    body = ('Han skrev i sin ansøgning til jobcentret:\n'
            '"Jeg vil gerne arbejde som lagermedarbejder fra august."\n')
    assert "lagermedarbejder fra august" in _redact(body, ("beskæftigelse",))


def test_plain_lines_under_a_removed_announcement_stay() -> None:
    body = ("Politiet har aflyttet hans telefon i seks uger og oplyst følgende:\n"
            "Han ønsker hjælp til at finde en bolig i Odense.\n")
    assert "bolig i Odense" in _redact(body)
