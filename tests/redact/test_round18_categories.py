"""Round 18 of issue 8 on the R2-R5 / K4-K7 side, each a general rule with several phrasings
on invented text: a transfer between prisons told with an adverb of place (R5); a find of
contraband and isolation after an incident (R3); the offence and the sentence (K6) behind a
field's label and carved out of a sentence about the act (R4), never out of a third person's
record or a pending charge; a learning difficulty kept in the education area (K7); the
client's health told by the professional named just before ("Hun beskriver …", K7); and
English words of prison discipline that count only in a document about prison or the
police. All persons, places and numbers invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import Case, analyse, gone, redacted
from policy_copy import copy_policy, edit_yaml

from gldocs.errors import PolicyError
from gldocs.redact.policy import load_policy_file

CLIENT = "Bjarke Holm Vestergaard"
CPR = "120590-1237"  # a man (odd last digit)
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n\n2. Beskrivelse\n"


CASE = Case(CLIENT, HEAD, areas=("bolig",), cpr=CPR)
_redact = CASE.redact


def _plain(text: str) -> str:
    """``text`` redacted as a file without any part of a handleplan (a real-world file)."""
    return redacted(analyse(text, CLIENT, []))


# -- R5: a transfer between prisons with an adverb of place ------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Bjarke blev flyttet hertil fra Statsfængslet i Vridsløselille i marts.",
     "Vridsløselille"),
    ("Han kom 09/25 – overført hertil fra Arresthuset i Kolding efter en episode.",
     "Arresthuset i Kolding"),
    ("Han blev overflyttet derfra til Statsfængslet Østjylland.", "Østjylland"),
    ("Han er forflyttet herover fra fængslet i Nyborg.", "Nyborg"),
])
def test_a_transfer_with_an_adverb_of_place_is_removed(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence), secret)


def test_moving_home_from_a_town_is_no_transfer() -> None:
    sentence = "Han er flyttet hertil fra Odense og har fået en lejlighed."
    assert sentence in _redact(sentence, ("bolig",))


# -- R3: a find of contraband, isolation after an incident ---------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Han var fraværende i uge 48, hvor han sad isoleret efter fund af en mobiltelefon på "
     "hans stue.", "mobiltelefon"),
    ("Ved et fund af to SIM-kort i cellen blev han indberettet.", "SIM-kort"),
    ("Personalet har gjort fund af en hjemmelavet kniv under madrassen.", "kniv"),
    ("Han blev isoleret pga. en konflikt med en medindsat.", "isoleret"),
    ("Han var isoleret efter en episode i gården.", "episode"),
])
def test_contraband_and_isolation_are_removed(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence), secret)


@pytest.mark.parametrize("sentence", [
    "Han gjorde et godt fund af en brugt telefon i genbrugsbutikken.",
    "Han har levet meget isoleret efter skilsmissen og ønsker et netværk.",
])
def test_a_bargain_or_loneliness_is_no_security_matter(sentence: str) -> None:
    assert sentence in _redact(sentence, ("netværk",))


# -- K6: the offence and the sentence --------------------------------------------------------
def test_the_sentence_behind_a_fields_label_stays_and_the_act_goes() -> None:
    out = _redact("Dom: 1 år og 6 måneder for narkotikakriminalitet (salg af ca. 300 gram "
                  "kokain fra parkeringspladsen ved Føtex i Ringsted sammen med Ole Brink).",
                  ("misbrug",))
    assert "Dom: 1 år og 6 måneder for narkotikakriminalitet" in out, out
    assert gone(out, "300 gram") and gone(out, "parkeringspladsen"), out


@pytest.mark.parametrize("sentence", [
    "Straf: 8 måneders fængsel for tyveri (indbrud i en villa i Næstved, hvor han stjal "
    "smykker for 40.000 kr.).",
    "Han blev idømt 2 år for røveri, da han truede en ekspedient med en kniv i en kiosk.",
])
def test_the_sentence_is_carved_out_of_the_act(sentence: str) -> None:
    out = _redact(sentence)
    assert "for tyveri" in out or "2 år for røveri" in out, out
    assert gone(out, "smykker") or gone(out, "kniv"), out


@pytest.mark.parametrize(("sentence", "secret"), [
    # a third person's own record goes whole (R1), the sentence words with it
    ("Hans bror Kenneth er selv dømt for vold og sidder i Horsens.", "dømt for vold"),
    # a pending charge is security (R3), not the sentence
    ("Forholdet er sendt til Sydsjællands Politi med henblik på sigtelse for trusler.",
     "sigtelse for trusler"),
])
def test_no_sentence_is_carved_out_of_a_third_persons_record_or_a_charge(
        sentence: str, secret: str) -> None:
    assert secret not in _redact(sentence)


# -- K7: a learning difficulty in the education area -----------------------------------------
@pytest.mark.parametrize("sentence", [
    "Bjarke har fulgt ordblindeundervisning (OBU) to gange om ugen.",
    "Han er ordblind og bruger oplæsningsprogram i undervisningen.",
    "Han har dyskalkuli og skal have støtte i matematik på VUC.",
])
def test_a_learning_difficulty_stays_in_the_education_area(sentence: str) -> None:
    assert sentence in _redact(sentence, ("uddannelse",))


@pytest.mark.parametrize(("sentence", "secret", "areas"), [
    ("Han er ordblind og bruger oplæsningsprogram i undervisningen.", "ordblind", ("bolig",)),
    ("Bjarke har fulgt OBU to gange om ugen.", "OBU", ("økonomi",)),
    # a child's: never the client's area
    ("Hans søn Emil er ordblind.", "ordblind", ("uddannelse",)),
])
def test_a_learning_difficulty_goes_outside_the_area_or_as_someone_elses(
        sentence: str, secret: str, areas: tuple[str, ...]) -> None:
    assert gone(_redact(sentence, areas), secret)


# -- K7: the client's health as the professional named just before tells it -----------------
@pytest.mark.parametrize("body", [
    "Bjarke har haft fire samtaler med psykolog Tine Holst. Hun beskriver en kompliceret "
    "sorgreaktion oven på en moderat depression, som Bjarke har haft siden 2023.",
    "Lægen, overlæge Maja Friis, har set ham to gange. Hun vurderer, at han har en "
    "moderat depression.",
    "Han er tilknyttet distriktspsykiatrien og psykiater Lene Bak. Hun har tidligere "
    "beskrevet en angstlidelse.",
])
def test_the_clients_health_told_by_a_professional_stays_in_the_area(body: str) -> None:
    out = _redact(body, ("helbred",))
    assert "depression" in out or "angstlidelse" in out, out


@pytest.mark.parametrize(("body", "secret"), [
    # the person named just before is a relative: "hun" is the mother
    ("Bjarke har talt med psykolog Tine Holst om sin mor. Hun beskriver sin egen "
     "depression.", "depression"),
    ("Psykolog Tine Holst har talt med hans mor. Hun har en moderat depression.",
     "depression"),
    ("Moren har ringet til psykolog Tine Holst. Hun beskriver en moderat depression.",
     "depression"),
    # no verb of telling: the pronoun's own health
    ("Bjarke har haft samtaler med psykolog Tine Holst. Hun har selv haft en depression.",
     "depression"),
])
def test_another_persons_health_still_goes(body: str, secret: str) -> None:
    assert gone(_redact(body, ("helbred",)), secret)


# -- R3 in English: prison discipline only in a document about prison or the police --------
ORDINARY_ENGLISH = [
    "The adjudication of the dispute was delayed by the board until March.",
    "The data are segregated by region and age group in Table 2.",
    "Students were segregated into two groups for the experiment.",
    "The database was searched for matching records.",
    "The patient was kept in isolation for three days.",
    "The plugin is a security risk and should be updated.",
]


@pytest.mark.parametrize("sentence", ORDINARY_ENGLISH)
def test_ordinary_english_outside_prison_is_kept(sentence: str) -> None:
    assert sentence in _plain(sentence + "\n")


@pytest.mark.parametrize("sentence", [
    *ORDINARY_ENGLISH[:2],
    "He got 10 days on the block after an adjudication for a fight on the wing.",
    "I was nicked for fighting and spent a week in the seg.",
])
def test_the_same_words_go_in_a_document_about_prison(sentence: str) -> None:
    text = "Report from HMP Leeds on his time in custody.\n" + sentence + "\n"
    out = _plain(text)
    assert sentence not in out and "[udeladt: sikkerhed]" in out, out


def test_a_handleplan_is_a_document_about_prison() -> None:
    sentence = "He received an adjudication and was segregated for ten days."
    assert gone(_redact(sentence), "segregated")


def test_a_relatives_drinking_and_record_go_whole() -> None:
    out = _redact("Søsteren er gift med Sten Holm, som Bjarke ikke vil se, fordi Holm drikker "
                  "og selv har en dom for spirituskørsel.", ("bolig",))
    assert gone(out, "spirituskørsel"), out


def test_a_relatives_record_and_treatment_go_whole() -> None:
    out = _redact("Hans bror Kenneth er dømt for narkotikakriminalitet og er i "
                  "metadonbehandling.", ("bolig",))
    assert gone(out, "narkotikakriminalitet") and gone(out, "metadon"), out


# -- the policy's new keys are checked -------------------------------------------------------
def test_an_unknown_context_lexicon_or_carve_rule_is_an_error(tmp_path: Path) -> None:
    policy = copy_policy(tmp_path)

    def change(data: dict) -> None:
        data["categories"]["sikkerhed_kontekst"]["context"] = "findes_ikke"
        data["protect"]["dom"]["carve_from"] = ["R9"]

    edit_yaml(policy, change)
    with pytest.raises(PolicyError) as err:
        load_policy_file(policy)
    assert "categories.sikkerhed_kontekst.context" in err.value.message
    assert "protect.dom.carve_from[0]" in err.value.message


# -- round 18, second part: classes of the new blind sets (invented phrasings) --------------
@pytest.mark.parametrize(("sentence", "secret"), [
    # R3: escape risk, the count, an incident report, a phone taken, snitching, a handover
    ("Flugtrisikoen er vurderet som høj pga. en tidligere udeblivelse.", "Flugtrisiko"),
    ("Manglede ved aftenoptællingen kl. 21.30 og blev meldt undveget.", "aftenoptællingen"),
    ("Der er skrevet hændelsesrapport, og sedlen er afleveret på vagtkontoret.",
     "hændelsesrapport"),
    ("Han havde lånt en medindsats mobil. Mobilen blev inddraget.", "inddraget"),
    ("Der går et rygte om, at han har sladret til politiet om en anden sag.", "sladret"),
    ("Hans kusine forsøgte at give ham en lille pakke under besøget.", "pakke"),
    # R4: a romance scam, a victim by age, a broken bone, smuggled goods, pay, turnover,
    # customers' data
    ("Han var med i en gruppe, der lavede romance scams mod ældre.", "romance scams"),
    ("Han lokkede penge fra en 72-årig mand fra Herning.", "72-årig"),
    ("Han truede med at brække hans kæbe, hvis han ikke betalte.", "kæbe"),
    ("I lastrummet lå 1,2 millioner cigaretter og 400 kg tobak.", "cigaretter"),
    ("Han fik 8.000 kr. pr. tur over grænsen med pakkerne.", "8.000 kr."),
    ("Udbyttet udgjorde ca. 2,3 mio. kr.", "2,3 mio."),
    ("Hun brugte borgeres oplysninger fra kommunens system.", "borgeres oplysninger"),
    # R2: a same-sex couple, Kurdish parties, skin colour, migration between countries,
    # dementia, an organ donor
    ("Hans far har aldrig accepteret, at han er gift med en mand.", "gift med en mand"),
    ("Hun er kæreste med en kvinde fra Vejle.", "kæreste med en kvinde"),
    ("Han var i sin ungdom aktiv i KDP i Erbil.", "KDP"),
    ("Han blev kaldt den sorte i klassen og var meget alene.", "den sorte i klassen"),
    ("Hans mor kom til Belgien fra Haiti som barn.", "Haiti"),
    ("Bemærkning: Dement, bor på plejehjem.", "Dement"),
    # R5: an open prison's building by its number, a complaint about the prison's
    # cancellations
    ("Han arbejder på værkstedet og bor i Længe 3.", "Længe 3"),
    ("Han har klaget over aflysningen af sine besøg.", "klaget over aflysningen"),
])
def test_round18_blind_classes_are_removed(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence, ("bolig",)), secret)


def test_a_relative_examined_as_an_organ_donor_goes_in_the_health_area() -> None:
    out = _redact("Hans søster, Lone, bliver undersøgt som mulig nyredonor.", ("helbred",))
    assert gone(out, "nyredonor"), out


@pytest.mark.parametrize(("sentence", "areas"), [
    # a plan participle after a short phrase: the plan clause stays beside a removed one
    ("Hun har via kommunen fået tilbudt en lejlighed, og det er aftalt, at hun kan skrive "
     "under på udgang med ledsager.", ("bolig",)),
    # a cost's total is the economy, no loot
    ("Kurset koster 1.200 kr. pr. uge, i alt 14.400 kr., og han søger elevstøtte.",
     ("uddannelse", "økonomi")),
    # a body part after an injury at work is health, no blow
    ("Han fik i 2019 en arbejdsskade i ryggen og har ondt i ryggen.", ("helbred",)),
    # a hospital ward by its letter, a department as the source of a decision
    ("Han er i dialyse på Nyremedicinsk Afdeling Y tre gange om ugen.", ("helbred",)),
    ("Oplæring i hjemmedialyse starter efter løsladelsen; dato fastsættes af afdelingen.",
     ("helbred",)),
    # a courier's lawful pay per delivery
    ("Han har fået job som bud og får 60 kr. pr. levering.", ("beskæftigelse",)),
    # a flatmate
    ("Han bor sammen med en mand fra sin gamle arbejdsplads.", ("bolig",)),
    # applying for a residence permit is a step of the plan
    ("Han søger forlængelse af opholdstilladelsen inden nytår.", ("økonomi",)),
    # a tax claim collected is a debt
    ("Toldstyrelsen har opkrævet afgift med i alt 1.240.000 kr., som er sendt til "
     "inddrivelse.", ("økonomi",)),
])
def test_round18_what_must_stay(sentence: str, areas: tuple[str, ...]) -> None:
    out = _redact(sentence, areas)
    key = {"lejlighed": "fået tilbudt en lejlighed", "Kurset": "1.200 kr. pr. uge",
           "arbejdsskade": "arbejdsskade i ryggen", "dialyse på": "dialyse på",
           "Oplæring": "Oplæring i hjemmedialyse", "opholdstilladelsen": "forlængelse af",
           "Toldstyrelsen": "1.240.000 kr.", "bud": "60 kr. pr. levering",
           "bor sammen": "bor sammen med en mand"}
    kept = next(v for k, v in key.items() if k in sentence)
    assert kept in out, out


def test_a_note_under_a_drawn_heading_ends_at_the_next_drawn_heading() -> None:
    body = ("---- INTERNT NOTAT (AB, 01.12.2026) ----\n"
            "Han er vidne i en sag om vold og har fået trusler.\n\n"
            "---- UDKAST TIL MAIL ----\n"
            "Bolig: Han ønsker en lejlighed i den anden ende af byen.\n")
    out = _redact(body)
    assert "trusler" not in out and "Han ønsker en lejlighed" in out, out


def test_an_abbreviation_ends_no_sentence_before_a_relatives_health() -> None:
    out = _redact("Hans mor bor i Accra (Osu, House No. GA-104-2231) og fik i maj en blodprop "
                  "i hjernen.", ("helbred",))
    assert gone(out, "blodprop"), out


def test_the_acts_narrative_under_a_dated_heading_goes() -> None:
    body = ("12.11.2026 (AB) – Om forholdet (fra dommen)\n"
            "Han passede 300 planter i et lejet hus sammen med en medtiltalt. Den anden "
            "hentede høsten. Han blev betalt 12.000 kr. om måneden.\n")
    out = _redact(body)
    assert gone(out, "12.000 kr."), out


# -- late round 18: a person's body weight (R2); a service contacted about a visitation -----
@pytest.mark.parametrize(("sentence", "secret"), [
    ("Under sultestrejken vejede han 91 kg, og hun noterede: Han vejede 78,5 kg den 3. maj.",
     "78,5 kg"),
    ("Hun vejer nu kun 46 kilo efter to måneder.", "46 kilo"),
    ("Klienten har vejet 102 kg siden sommeren.", "102 kg"),
])
def test_a_persons_body_weight_is_health(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence), secret)


def test_a_parcels_weight_is_no_health() -> None:
    sentence = "Han sendte en pakke, der vejede 3 kg, til sin søster."
    assert "3 kg" in _redact(sentence, ("bolig", "netværk"))


@pytest.mark.parametrize("sentence", [
    "Misbrugscenter Holstebro er kontaktet om visitation; forsamtale 14.03.2027.",
    "Der er søgt om en visitation til et bosted, svar ventes 02.02.2027.",
])
def test_a_service_contacted_about_a_visitation_is_a_referral(sentence: str) -> None:
    out = _redact(sentence, ("bolig", "misbrug"))
    assert "visitation" in out
    assert "2027" in out


def test_a_visitation_of_a_cell_is_still_security() -> None:
    assert gone(_redact("Ved en visitation af cellen 04.01.2027 fandt man en telefon.",
                        ("bolig",)), "telefon")


@pytest.mark.parametrize(("sentence", "secret"), [
    ("Hans datter har ofte ondt i hovedet, når hun skal i skole.", "ondt i hovedet"),
    ("Han har ondt i lænden og kan ikke løfte.", "ondt i lænden"),
])
def test_a_pain_in_a_part_of_the_body_is_health(sentence: str, secret: str) -> None:
    assert gone(_redact(sentence, ("bolig",)), secret)


def test_a_clients_pain_stays_in_the_health_area() -> None:
    sentence = "Bjarke har ondt i knæet og venter på en scanning."
    assert "ondt i knæet" in _redact(sentence, ("helbred",))


def test_a_self_help_group_in_church_rooms_is_no_faith() -> None:
    sentence = ("Han går til NA-møder to gange om ugen, bl.a. i Mandagsgruppen i "
                "sognegården ved Sankt Mortens Kirke.")
    assert "NA-møder to gange om ugen" in _redact(sentence, ("misbrug",))


def test_church_going_is_still_faith() -> None:
    sentence = "Han går til gudstjeneste i Sankt Mortens Kirke hver søndag."
    assert gone(_redact(sentence, ("misbrug",)), "gudstjeneste")
