"""Category by category: every rhl. § 10 category, security (R3), prison-internal matters (R5)
and details of the act (R4) are removed in many phrasings, and the ordinary words next to
them are not. A test here fails when a category loses coverage (a lexicon entry or pattern
deleted, a category dropped from the policy). All sentences and persons are invented."""

from __future__ import annotations

import pytest
from harness import analyse, redacted_after

from gldocs.redact.bundle import load_bundle
from gldocs.redact.engine import Analyzer

CLIENT = "Valdemar Østergaard Klit"
CPR = "140693-2817"
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n\n2. Beskrivelse\n"
R2 = "(rhl. § 10)]"  # the marker names the kind: "[udeladt: helbred (rhl. § 10)]"
R3 = "[udeladt: sikkerhed]"
R45 = "[udeladt: ikke nødvendigt]"


def _redact(analyzer: Analyzer, sentence: str, areas: tuple[str, ...] = ("bolig",)) -> str:
    plan = analyse(HEAD + sentence + "\n", CLIENT, areas, cpr=CPR, analyzer=analyzer)
    return redacted_after(plan, "2. Beskrivelse")


def _gone(out: str, secret: str, marker: str) -> bool:
    return secret.lower() not in out.lower() and marker in out


ETHNICITY = [
    ("Valdemar er grønlænder og flyttede til Aarhus som barn.", "grønlænder"),
    ("Han har romabaggrund og taler romani med sin familie.", "romabaggrund"),
    ("Han er af kurdisk oprindelse.", "kurdisk"),
    ("Hans far er af tamilsk oprindelse.", "tamilsk"),
    ("Han er af somalisk herkomst.", "somalisk"),
    ("Valdemar er færing og har familie i Klaksvík.", "færing"),
    ("Han er halvt finne.", "finne"),
    ("Han er opvokset hos sin mor, der er polak.", "polak"),
    ("Familien er kurdere fra Tyrkiet.", "kurdere"),
    ("Han er halvt thailandsk og halvt dansk.", "thailandsk"),
    ("Hans mor fortæller, at han er rom.", "rom"),
    ("Han har afghansk baggrund.", "afghansk"),
    ("Han er født i Mogadishu og kom hertil i 2008.", "Mogadishu"),
    ("Han har somaliabaggrund.", "somaliabaggrund"),
    ("Han er vietnameser og taler kun lidt dansk.", "vietnameser"),
    ("Hans mor er uigurisk af herkomst og hans far er af kasakhisk afstamning.", "kasakhisk"),
]

RELIGION = [
    ("Valdemar er asatroende og medlem af Forn Siðr.", "Forn Siðr"),
    ("Han er bahá'í og deltager i andagter.", "bahá'í"),
    ("Han er opvokset i Jehovas Vidner.", "Jehovas Vidner"),
    ("Han er sikh og bærer turban.", "sikh"),
    ("Han er hindu og beder i templet i Brabrand.", "hindu"),
    ("Han er buddhist og mediterer dagligt.", "buddhist"),
    ("Han kommer i Pinsekirken hver søndag.", "Pinsekirken"),
    ("Han er vokset op i Indre Mission.", "Indre Mission"),
    ("Han er medlem af Apostolsk Kirke.", "Apostolsk Kirke"),
    ("Han har været medlem af Scientology.", "Scientology"),
    ("Han har et humanistisk livssyn og er medlem af Humanistisk Samfund.", "Humanistisk"),
    ("Han konverterede til islam under afsoningen.", "islam"),
    ("Han holder ramadan og faster om dagen.", "ramadan"),
    ("Han har meldt sig ud af folkekirken.", "folkekirken"),
    ("Han beder fem gange om dagen.", "beder"),
    ("Han går til fredagsbøn i moskeen.", "fredagsbøn"),
    ("Han er katolik og går til messe.", "katolik"),
    ("Hun går til møder i rigssalen hver torsdag.", "rigssalen"),
    ("Han blev konfirmeret i foråret, selv om faren var imod.", "konfirmeret"),
    ("Han er ikke døbt, hvilket bedsteforældrene har svært ved.", "døbt"),
    ("Han har et bederum på sit værelse.", "bederum"),
    ("Han er syvendedagsadventist.", "syvendedagsadventist"),
    ("Han tror på reinkarnation.", "reinkarnation"),
    ("Han har et alter for sine forfædre i stuen.", "forfædre"),
]

POLITICS = [
    ("Valdemar er medlem af Enhedslisten.", "Enhedslisten"),
    ("Han stillede op til regionsrådet i 2021.", "regionsrådet"),
    ("Han stillede op for en borgerliste ved kommunalvalget.", "borgerliste"),
    ("Han er aktiv i Dansk Folkeparti lokalt.", "Dansk Folkeparti"),
    ("Han deltog i en demonstration mod regeringen.", "demonstration"),
    ("Han har demonstreret foran Christiansborg flere gange.", "demonstreret"),
    ("Han er klimaaktivist i Extinction Rebellion.", "Extinction Rebellion"),
    ("Han er SF'er og har delt valgplakater ud.", "SF'er"),
    ("Han er venstreorienteret og læser kun Arbejderen.", "venstreorienteret"),
    ("Han sidder i byrådet for en lokalliste.", "lokalliste"),
    ("Han har samlet underskrifter til et borgerforslag.", "borgerforslag"),
    ("Han var medlem af Nordfront som ung.", "Nordfront"),
    ("Han har brugt mange weekender på klimaaktivisme.", "klimaaktivisme"),
]

TRADE_UNION = [
    ("Valdemar er medlem af 3F.", "3F"),
    ("Han er medlem af FOA.", "FOA"),
    ("Han er medlem af HK.", "HK"),
    ("Han er medlem af Dansk Metal.", "Dansk Metal"),
    ("Han er medlem af Krifa.", "Krifa"),
    ("Han er medlem af Lederne.", "Lederne"),
    ("Han er fagligt organiseret.", "organiseret"),
    ("Han er medlem af Malerforbundet.", "Malerforbundet"),
    ("Han er medlem af Dansk Psykolog Forening.", "Psykolog"),
    ("Han har meldt sig ind i Serviceforbundet.", "Serviceforbundet"),
    ("Han har fået hjælp af 3F's advokat i en sag mod arbejdsgiveren.", "3F"),
    ("Han var tillidsrepræsentant på sin sidste arbejdsplads.", "tillidsrepræsentant"),
    ("Han er medlem af Fødevareforbundet NNF.", "NNF"),
    ("Han er medlem af Byggefagenes a-kasse.", "Byggefagenes"),
    ("Hun er medlem af Lærernes a-kasse.", "Lærernes"),
]

HEALTH = [
    ("Valdemar har MS og går med stok.", "MS"),
    ("Han har KOL og bruger inhalator.", "KOL"),
    ("Han har fået diagnosen ADHD.", "ADHD"),
    ("Han har PTSD efter udsendelsen.", "PTSD"),
    ("Han har DM2 og måler blodsukker.", "DM2"),
    ("Han er HIV-positiv.", "HIV"),
    ("Han har ASF og har svært ved forandringer.", "ASF"),
    ("Han har OCD og vasker hænder mange gange.", "OCD"),
    ("Han er udredt med diagnosekoden DF32.1.", "DF32.1"),
    ("Han tager Metformin og Spiolto hver dag.", "Metformin"),
    ("Han får Abilify hver fjerde uge.", "Abilify"),
    ("Han går til samtaler i distriktspsykiatrien.", "distriktspsykiatrien"),
    ("Han var indlagt på Psykiatrisk Center Glostrup i marts.", "Psykiatrisk"),
    ("Han lider af kroniske smerter i ryggen.", "smerter"),
    ("Han er spastiker og bruger kørestol.", "kørestol"),
    ("Han er ordblind og får oplæsning i skolen.", "ordblind"),
    ("Hun har dyskalkuli.", "dyskalkuli"),
    ("Han har skåret i sig selv under afsoningen.", "skåret"),
]

SEXUALITY = [
    ("Valdemar er homoseksuel.", "homoseksuel"),
    ("Han har fortalt, at han er biseksuel.", "biseksuel"),
    ("Hans kæreste er transkønnet.", "transkønnet"),
    ("Han identificerer sig som nonbinær.", "nonbinær"),
    ("Han sprang ud som bøsse sidste år.", "bøsse"),
    ("Han er i kønsbekræftende behandling.", "kønsbekræftende"),
    ("Han har en kæreste af samme køn.", "samme køn"),
    ("Han er i et parforhold med en anden mand.", "anden mand"),
    ("Han beskriver sig selv som homofil.", "homofil"),
]

GENETIC_BIOMETRIC = [
    ("En gentest viste en arvelig hjertesygdom.", "gentest"),
    ("Hans DNA-profil er registreret.", "DNA"),
    ("Der er foretaget en faderskabstest.", "faderskabstest"),
    ("Hans fingeraftryk blev taget ved anholdelsen.", "fingeraftryk"),
    ("Telefonen låses op med ansigtsgenkendelse.", "ansigtsgenkendelse"),
]

SECURITY = [
    ("Hans telefonsamtaler bliver aflyttet.", "aflyttet"),
    ("Hans telefonsamtaler med broderen bliver optaget.", "optaget"),
    ("Besøget foregik under opsyn.", "opsyn"),
    ("Han har våbentilladelse til et jagtgevær.", "jagtgevær"),
    ("Han har jagttegn.", "jagttegn"),
    ("Sagen blev drøftet på et MARAC-møde.", "MARAC"),
    ("Han er drøftet på et PSP-møde.", "PSP"),
    ("Han har været drøftet i SSP-regi.", "SSP"),
    ("Oplysningerne kommer fra et KSP-møde.", "KSP"),
    ("Infohuset er orienteret om bekymringen.", "Infohuset"),
    ("Han er sigtet for vold, og sigtelsen er ikke afgjort.", "sigtelsen"),
    ("Forholdet efterforskes stadig af politiet.", "efterforskes"),
    ("Efter oplysninger fra politiet kommer han i et rockermiljø.", "rockermiljø"),
    ("Han skylder en stor narkogæld.", "narkogæld"),
    ("Han har et tilhold mod sin tidligere svoger.", "tilhold"),
    ("Telefonens IMEI 356938035643809 blev noteret.", "356938035643809"),
    ("Hans breve bliver åbnet af personalet.", "åbnet"),
    ("Han har længe været i politiets søgelys.", "søgelys"),
    ("Han er under observation af politiet.", "observation"),
    ("Han sad i isolation i fire dage.", "fire dage"),
]

INTERNAL = [
    ("Valdemar bor i Hus 3 på afdelingen for arbejdende.", "Hus 3"),
    ("Han er flyttet til afd. Nord 2.", "Nord 2"),
    ("Han bor nu på B-vest.", "B-vest"),
    ("Han sidder i celle 114.", "celle 114"),
    ("Han har fået stue 9 på pensionen.", "stue 9"),
    ("Hans besøgskort er inddraget.", "besøgskort"),
    ("Han er placeret på særafdelingen.", "særafdelingen"),
    ("Hans ansøgning om udgang blev afslået.", "udgang"),
    ("Han har haft en konflikt med en medindsat.", "medindsat"),
    ("Han bor på gang 4 sammen med de arbejdende.", "gang 4"),
]

ACT = [
    ("Han sparkede døren ind og tog fjernsynet.", "sparkede døren ind"),
    ("Han kørte fra stedet i en stjålen bil.", "kørte fra stedet"),
    ("Forurettede blev fundet efter to timer.", "fundet efter"),
    ("Han slog ham med en flaske.", "flaske"),
    ("Han havde 420 planter i et lejet hus i Bredsten.", "420 planter"),
    ("Han truede ekspedienten med en kniv.", "kniv"),
    ("Han hældte benzin på døren og satte ild til.", "benzin"),
    ("Han overførte 64.000 kr. fra mandens konto.", "64.000 kr."),
]


# Statements from abroad (an English or German letter quoted in the plan): the same § 10
# facts in the words of that language (lexicons match their own language).
FOREIGN_SPECIAL = [
    ("He goes to the local mosque every Friday.", "mosque"),
    ("He attends an evangelical congregation in Bradford.", "evangelical"),
    ("She became a Jehovah's Witness in 2019.", "Jehovah"),
    ("He has been a member of UNISON since 2015.", "UNISON"),
    ("He is a shop steward at the bus depot.", "shop steward"),
    ("He is a member of the bakers' union.", "bakers"),
    ("She was detained under section 3 in 2020.", "section 3"),
    ("He was sectioned after a breakdown last spring.", "breakdown"),
    ("He has schizophrenia and takes his medication irregularly.", "schizophrenia"),
    ("Er ist seit Jahren Mitglied der IG Metall.", "IG Metall"),
    ("Er besucht jeden Freitag die Moschee in Kiel.", "Moschee"),
    ("Er war drei Wochen in einer psychiatrischen Klinik.", "psychiatrischen"),
]

# Matters handed to the police, the telephone read, the police called: security (R3)
SECURITY_POLICE = [
    ("Efter episoden blev forholdet politianmeldt.", "politianmeldt"),
    ("Forholdet er sendt videre til Midt- og Vestjyllands Politi med henblik på sigtelse for "
     "trusler.", "trusler"),
    ("Hans mobiltelefon blev udlæst af politiet.", "udlæst"),
    ("Telefonen er gennemgået, og numrene er noteret.", "numrene"),
    ("Opkaldslisterne fra hans mobil ligger hos politiet.", "Opkaldslisterne"),
    ("Naboen ringede efter politiet to gange i sommer.", "to gange"),
    ("Politiet blev tilkaldt til lejligheden efter et skænderi.", "skænderi"),
    ("The police were called to the flat after an argument.", "argument"),
    ("He was arrested for possession in Hull in 2021.", "Hull"),
]

# The pay for the act is a detail of the act (R4)
ACT_PAY = [
    ("Han fik 5.000 kr. for kørslen til Hamburg.", "5.000 kr."),
    ("Hun var lovet 30.000 kroner for hver tur.", "30.000"),
    ("Han skulle have ca. 8.000 kr. for opgaven.", "8.000"),
]


THIRD_PARTY_RECORD = [
    ("Hans lillebror afsoner selv en dom i Horsens.", "Horsens"),
    ("Hans storebror, Mikael Toft, afsoner en dom på 3 år.", "3 år"),
    ("Hendes far er selv dømt for vold.", "vold"),
    ("Hans kæreste sidder i varetægt i Vestre.", "Vestre"),
    ("Hans ven blev dømt for røveri sidste år.", "røveri"),
    ("Hans fætter har selv siddet i fængsel.", "fængsel"),
    ("Hans mor er kendt af politiet.", "politiet"),
]


@pytest.mark.parametrize(("sentence", "secret"), THIRD_PARTY_RECORD)
def test_a_third_persons_own_record_is_removed(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert secret.lower() not in _redact(analyzer, sentence).lower()


def test_the_clients_own_sentence_is_kept(analyzer: Analyzer) -> None:
    sentence = "Han bor hos sin mor og afsoner en dom på 2 år for røveri."
    assert "2 år for røveri" in _redact(analyzer, sentence)


@pytest.mark.parametrize(("sentence", "secret"), ETHNICITY + RELIGION + POLITICS + TRADE_UNION)
def test_special_categories_removed(analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_redact(analyzer, sentence), secret, R2)


@pytest.mark.parametrize(("sentence", "secret"), HEALTH + SEXUALITY + GENETIC_BIOMETRIC)
def test_health_sexuality_genetics_removed_outside_helbred(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_redact(analyzer, sentence, ("bolig", "misbrug")), secret, R2)


@pytest.mark.parametrize(("sentence", "secret"), FOREIGN_SPECIAL)
def test_special_categories_removed_in_english_and_german(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_redact(analyzer, sentence), secret, R2)


@pytest.mark.parametrize(("sentence", "secret"), SECURITY + SECURITY_POLICE)
def test_security_removed(analyzer: Analyzer, sentence: str, secret: str) -> None:
    out = _redact(analyzer, sentence)
    assert secret.lower() not in out.lower(), out


@pytest.mark.parametrize(("sentence", "secret"), INTERNAL + ACT + ACT_PAY)
def test_internal_matters_and_act_details_removed(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    out = _redact(analyzer, sentence)
    assert secret.lower() not in out.lower(), out


@pytest.mark.parametrize("sentence", [
    "Han har MS og går med stok.",
    "Han tager Metformin og Spiolto hver dag.",
    "Han har fået diagnosen ADHD.",
])
def test_health_kept_when_helbred_is_an_area(analyzer: Analyzer, sentence: str) -> None:
    assert _redact(analyzer, sentence, ("helbred",)).strip() == sentence


@pytest.mark.parametrize("sentence", [
    "Han tager 90 mg metadon dagligt og afleverer urinprøver hver uge.",
    "Han har haft et tilbagefald til kokain i oktober.",
    "Han går til samtaler efter servicelovens § 101 i Rusmiddelcenter Køge.",
])
def test_substance_use_kept_when_misbrug_is_an_area(analyzer: Analyzer, sentence: str) -> None:
    assert _redact(analyzer, sentence, ("misbrug",)).strip() == sentence


@pytest.mark.parametrize(("sentence", "secret"), [
    ("Ved visitation af cellen fandt personalet hash, to sprøjter og en kniv under sengen.",
     "under sengen"),
    ("Ved kontrollen blev der fundet 2,5 gram kokain, en vægt og en telefon gemt i radiatoren.",
     "radiatoren"),
])
def test_a_search_that_finds_drugs_goes_whole_when_misbrug_is_an_area(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    # the drug is kept under misbrug (K7) in a list of § 10 items, but a search is a
    # security incident told in one sentence: no "list item" of it stays
    out = _redact(analyzer, sentence, ("misbrug",))
    assert secret not in out and R3 in out, out


@pytest.mark.parametrize("sentence", [
    # ordinary words next to the categories must not trigger them
    "Han har et møde med jobcentret den 3. marts kl. 10.",
    "Han skal holde fast i sine aftaler med kommunen.",
    "Han beder om hjælp til at søge bolig.",
    "Han har lært at lave mad i et fælleskøkken.",
    "Han har fået et biometrisk pas og et sundhedskort.",
    "Han vil gerne arbejde som chauffør og tage kørekort til lastbil.",
    "Han bruger MS Teams til møderne med sin mentor.",
    "Han er flyttet til en toværelses lejlighed i Køge.",
    "Han har gået på modul 3 af AMU-kurset.",
    "Han har fået hjælp til en afdragsordning hos Frelsens Hærs herberg i Aalborg.",
    "Han har demonstreret stabilt fremmøde i praktikken.",
    # a municipal referral is no search; recidivism is no relapse into drug use; going to
    # school is no scene of a crime
    "Han visiteres til et bofællesskab med bostøtte.",
    "Visitationsudvalget behandler hans ansøgning den 4. februar.",
    "Samlet vurdering: lav risiko for tilbagefald til ny kriminalitet.",
    "Han går i skole på Fjordbyens Ungdomsskole fra august.",
    "Han er henvist til visitationen i kommunens socialafdeling.",
    "Han fik en advarsel fra jobcentret om sit fravær.",
    "Han er medlem af en a-kasse og får dagpenge fra løsladelsen.",
    "Gruppen på holdet er meget homogen.",
])
def test_ordinary_sentences_untouched(analyzer: Analyzer, sentence: str) -> None:
    out = _redact(analyzer, sentence, ("bolig", "beskæftigelse", "uddannelse"))
    assert out.strip() == sentence


def test_every_category_lexicon_names_its_sources() -> None:
    bundle = load_bundle("kommune")
    names = {lex for cat in bundle.policy.categories.values() for lex in cat.lexicons}
    for name in sorted(names):
        assert bundle.lexicons[name].sources, f"lexicon {name} names no sources"


@pytest.mark.parametrize(("sentence", "level", "secret"), [
    ("Samlet vurdering: høj risiko, prioriterede behov er misbrug og netværk.", "høj risiko",
     "misbrug"),
    ("Han har ADHD og vurderes til middel risiko for ny kriminalitet.",
     "middel risiko for ny kriminalitet", "ADHD"),
    ("Efter en celleransagning i maj er han vurderet til lav-middel risiko.",
     "lav-middel risiko", "celleransagning"),
])
def test_the_risk_level_stays_in_a_sentence_removed_for_its_content(
        analyzer: Analyzer, sentence: str, level: str, secret: str) -> None:
    # K5: the kommune is told the LS/RNR level (Guide til myndighedssamarbejde 3.3.1); the
    # rest of the sentence goes around it with its marker
    out = _redact(analyzer, sentence)
    assert level in out and secret not in out and "[udeladt" in out, out
