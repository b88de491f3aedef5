"""Round 20 of issue 8 on the R2-R5 / K4-K7 side, each a general rule with several phrasings
on invented text: a compensation claim's items (R4) against its total (K4); what the
proceeds went on, the goods of a sale got hold of, the rescue services at the scene, the gear
a message names and the way in in English (R4); the time of the act as a mere time (no R4);
letters withheld or opened, a gang's threat to one who talks and its former members (R3); a
scuffle inside and visits while serving (R5, the visits kept under netværk as K4); a wound
that is an illness (health, K7 under helbred, no victim's injury); a church-run
organisation's help (K4, no belief); a removed handle's hashtag and mixed-case handle (R1 /
R3 as removed); the full stops of a number written with spaced dots (no sentence end). All
persons, places and numbers invented."""

from __future__ import annotations

import pytest
from harness import Case, gone

from gldocs.redact.context import sentences

CLIENT = "Villum Troelsgaard Brix"
CPR = "120488-3117"  # a man (odd last digit)
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n\n2. Beskrivelse\n"

CASE = Case(CLIENT, HEAD, areas=("bolig",), cpr=CPR)
_redact = CASE.redact


# -- R4 / K4: a compensation claim's items against its total -------------------------------
@pytest.mark.parametrize(("line", "secret"), [
    ("Tabt arbejdsfortjeneste i 6 uger: 18.400 kr.", "arbejdsfortjeneste"),
    ("Ødelagt cykel og jakke: 3.250 kr.", "cykel og jakke"),
    ("- Tabt indtægt i 3 uger: 9.100 kr.", "indtægt i 3 uger"),
    ("Beskadiget bildør: ca. 7.000 kr.", "bildør"),
    ("Reparation af hoveddør: 4.300 kr.", "hoveddør"),
])
def test_the_items_of_a_compensation_claim_are_removed(line: str, secret: str) -> None:
    body = f"Kravet er opgjort således:\n\n{line}\n"
    assert gone(_redact(body, ("økonomi",)), secret)


@pytest.mark.parametrize(("sentence", "secret"), [
    ("Forurettede kræver 12.000 kr. for svie og smerte.", "svie og smerte"),
    ("Bistandsadvokaten har opgjort hendes tabte arbejdsfortjeneste til 8.000 kr.",
     "arbejdsfortjeneste"),
])
def test_the_victims_losses_go_also_when_helbred_is_an_area(sentence: str,
                                                            secret: str) -> None:
    assert gone(_redact(sentence, ("helbred", "økonomi")), secret)


@pytest.mark.parametrize(("sentence", "total"), [
    ("Erstatningskravet udgør i alt 31.650 kr. og er sendt til inddrivelse.", "31.650"),
    ("Kravet er opgjort til i alt 12.800 kr.", "12.800"),
    ("Erstatningskravet andrager i alt 7.750 kr., som han skal afdrage.", "7.750"),
])
def test_the_total_of_a_compensation_claim_stays(sentence: str, total: str) -> None:
    assert total in _redact(sentence, ("økonomi",))


# -- R4: the proceeds, the goods, the rescue services, the gear, the way in ------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Pengene brugte han på væddemål og tøj.", "væddemål"),
    ("Han brugte pengene på en ny scooter.", "scooter"),
    ("Pengene gik til spil på mobilen.", "spil på mobilen"),
    ("Det var Villum, der skaffede varerne til salget.", "skaffede varerne"),
    ("Det var hans fætter, der skaffede pillerne.", "skaffede pillerne"),
    ("Beboerne på første sal blev evakueret af brandvæsenet.", "evakueret"),
    ("Familien blev evakueret fra bygningen af politiet.", "evakueret"),
    ("Redningsmandskabet bar to beboere ud af opgangen.", "bar to beboere"),
])
def test_the_details_of_the_act_are_removed(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence), secret)


@pytest.mark.parametrize(("message", "secret"), [
    ('"vi mødes bag hallen kl 23 husk handsker"', "handsker"),
    ('"husk handskerne, vi går ind bagfra"', "handskerne"),
])
def test_the_gear_a_message_names_is_removed(message: str, secret: str) -> None:
    assert gone(_redact(message), secret)


@pytest.mark.parametrize(("sentence", "secret"), [
    ("The defendant entered through a kitchen window while the family slept.",
     "kitchen window"),
    ("He got in via the back door and took two laptops.", "back door"),
    ("They gained entry through an unlocked garage.", "unlocked garage"),
])
def test_the_way_in_in_english_is_removed(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence), secret)


def test_gloves_at_work_are_no_gear_of_the_act() -> None:
    sentence = "Han tager handsker på, når han gør rent hos kunderne."
    assert sentence in _redact(sentence, ("beskæftigelse",))


@pytest.mark.parametrize("sentence", [
    "Villum har haft et dagligt forbrug af alkohol i perioden før gerningstidspunktet.",
    "Han var på gerningstidspunktet i behandling for sit alkoholforbrug.",
])
def test_the_time_of_the_act_is_only_a_time(sentence: str) -> None:
    out = _redact(sentence, ("misbrug",))
    assert "alkohol" in out, out


# -- R3: letters withheld or opened, a gang's threats and its former members ---------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Fængslet har i marts tilbageholdt tre breve fra Villum.", "tre breve"),
    ("Fængslet tilbageholder hans post til ekskonen.", "hans post"),
    ("Brevene til hans ekskone tilbageholdes.", "tilbageholdes"),
    ("Betjentene åbnede mine breve, før jeg fik dem.", "åbnede"),
    ("Jeg fik brevene efter ti dage, og de var åbnet.", "åbnet"),
])
def test_letters_withheld_or_opened_are_removed(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence), secret)


def test_opening_ones_own_mail_is_a_goal() -> None:
    sentence = "Villum skal have hjælp til at åbne sin post og betale sine regninger."
    assert sentence in _redact(sentence, ("økonomi",))


@pytest.mark.parametrize(("sentence", "secret"), [
    ('En besked lød: "vi glemmer ikke hvem der snakker".', "glemmer"),
    ('Der stod: "jeg glemmer aldrig dig, rotte".', "glemmer"),
    ("De har skrevet, at det går ud over dem der sladrer.", "sladrer"),
    ("Han bliver stadig kontaktet af tidligere medlemmer.", "tidligere medlemmer"),
    ("Han er blevet opsøgt af de tidligere medlemmer flere gange.", "tidligere medlemmer"),
    ("Han er blevet chikaneret af tidligere medlemmer på Snapchat.", "tidligere medlemmer"),
])
def test_a_gangs_threats_and_former_members_are_removed(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence, ("beskæftigelse",)), secret)


def test_those_who_speak_a_language_are_no_snitches() -> None:
    sentence = "Han vil gerne tale med dem der snakker dansk på værkstedet."
    assert sentence in _redact(sentence, ("beskæftigelse",))


# -- R5: a scuffle inside, visits while serving -----------------------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Ved middagen blev der udvekslet skub mellem de to.", "skub"),
    ("De udvekslede et par slag i gården.", "slag"),
    ("Der var skubberi i køen til telefonen.", "skubberi"),
])
def test_a_scuffle_inside_is_removed(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence), secret)


@pytest.mark.parametrize(("sentence", "secret"), [
    ("Hans søster besøger ham hver anden lørdag.", "besøger ham"),
    ("Kæresten besøgte ham søndag.", "besøgte ham"),
    ("Hans mor har besøgt ham jævnligt.", "besøgt ham"),
    ("Han har haft besøg af sin fætter to gange.", "besøg af"),
    ("Han fik besøg af kæresten i weekenden.", "besøg af"),
    ("Hans kusine kommer på besøg i arresthuset hver fredag.", "på besøg"),
])
def test_visits_while_serving_are_removed(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence, ("beskæftigelse",)), secret)


def test_visits_stay_when_netvaerk_is_an_area() -> None:
    sentence = "Hans søster besøger ham hver anden lørdag."
    assert "besøger ham hver anden lørdag" in _redact(sentence, ("netværk",))


def test_a_professionals_visit_is_no_visit_while_serving() -> None:
    sentence = "Han får besøg af bostøtten to gange om ugen efter løsladelsen."
    assert sentence in _redact(sentence, ("bolig",))


# -- K7: a wound that is an illness; K4: a church-run organisation's help --------------------
@pytest.mark.parametrize("sentence", [
    "Han fik i maj amputeret højre fod efter et inficeret fodsår.",
    "Han har haft liggesår efter indlæggelsen.",
    "Han behandles for et kronisk sår på underbenet.",
])
def test_a_wound_that_is_an_illness_is_health(sentence: str) -> None:
    assert sentence in _redact(sentence, ("helbred",))
    assert "[udeladt: helbred" in _redact(sentence, ("bolig",))


@pytest.mark.parametrize(("sentence", "kept"), [
    ("Jeg har henvist ham til gældsrådgivning hos Folkekirkens Familienetværk i Vejle.",
     "gældsrådgivning hos Folkekirkens Familienetværk"),
    ("Han får hjælp til budgettet via Kirkens Gældsrådgivning.", "Kirkens Gældsrådgivning"),
    ("Han deltager i samtaleforløb hos Folkekirkens Familiestøtte.",
     "Folkekirkens Familiestøtte"),
])
def test_a_church_run_organisations_help_is_a_measure(sentence: str, kept: str) -> None:
    assert kept in _redact(sentence, ("økonomi",))


def test_church_membership_is_still_belief() -> None:
    out = _redact("Han er aktivt medlem af folkekirken og går i kirke hver søndag.",
                  ("økonomi",))
    assert "[udeladt: tro" in out, out


# -- a removed handle's hashtag and a mixed-case handle ---------------------------------------
def test_a_removed_mixed_case_handle_goes_as_a_hashtag_too() -> None:
    body = ("Han er med i en gaming-klan, der kalder sig KrageFlokken, og som spiller om "
            "natten.\nVennerne har lagt videoer op med #KrageFlokken efter dommen.\n")
    out = _redact(body, ("uddannelse",))
    assert "KrageFlokken" not in out, out


# -- a number written with spaced dots ends no sentence ---------------------------------------
def test_a_number_with_spaced_dots_ends_no_sentence() -> None:
    text = "Vennen, tlf. 40 . 12 . 77 . 31, er fortsat varetægtsfængslet. Han kom 12. 14 dage."
    got = [text[s.start:s.end] for s in sentences(text)]
    assert got[0] == "Vennen, tlf. 40 . 12 . 77 . 31, er fortsat varetægtsfængslet."


def test_a_co_offenders_custody_goes_with_his_sentence() -> None:
    sentence = ("Medgerningsmanden, Ebbe Kornum, tlf. 40 . 12 . 77 . 31, er fortsat "
                "varetægtsfængslet.")
    assert gone(_redact(sentence), "varetægtsfængslet")
