"""Issue 8 §3, round 15: a second phrase bank per category, written before it was run.

Every sentence is new and invented (no corpus phrase, no person from a corpus): the rhl. § 10
categories (R2) including a relative's health in every sentence shape, security (R3), details
of the act in every phrasing (R4: fraud, theft of power, identity misuse, not only violence
and drugs), prison-internal matters (R5: a named unit of a prison or pension), and the keep
side (K4-K7: goals and agreed actions in a chosen area, coordination wording, the client's own
data within a chosen area). A row fails when its category loses coverage."""

from __future__ import annotations

import re

import pytest
from harness import (
    plan_case,
    redact_section,
    redacted_after,
)

from gldocs.redact.engine import Analyzer

CLIENT = "Torben Aggerholm Lind"
CPR = "230785-1953"  # a man's: "hun" cannot be the client
STAMDATA = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n\n"
DESCRIPTION = STAMDATA + "2. Beskrivelse\n"
CAUSES = STAMDATA + "3. Årsager til kriminalitet\n"
ASSESSMENT = STAMDATA + "4. Vurdering\n"
EVERY_AREA = ("bolig", "beskæftigelse", "uddannelse", "økonomi", "misbrug", "netværk",
              "mentor", "helbred")
NOT_HELBRED = ("bolig", "økonomi")


@pytest.fixture(scope="module")
def analyzer(ner_analyzer: Analyzer) -> Analyzer:
    """This module's phrasings are read with the NER pipeline, as ``gldocs redact`` reads."""
    return ner_analyzer


def _out(analyzer: Analyzer, sentence: str, areas: tuple[str, ...] = ("bolig",),
         head: str = DESCRIPTION) -> str:
    return redact_section(analyzer, CLIENT, head, sentence, areas).strip()


def _gone(out: str, secret: str) -> bool:
    """The secret is not in the output outside the markers, and a marker stands."""
    text = re.sub(r"\[[^\]]*\]", " ", out)
    return secret.lower() not in text.lower() and "[" in out


# ---- R2: ethnic origin ------------------------------------------------------------------
ETHNICITY = [
    ("Torben er vokset op i en tyrkisk familie i Ishøj.", "tyrkisk"),
    ("Hans mor er fra Eritrea, og faren er dansk.", "Eritrea"),
    ("Han beskriver sig selv som halvt thailandsk.", "thailandsk"),
    ("Han taler arabisk med sin familie.", "arabisk"),
    ("Han har pakistanske rødder.", "pakistanske"),
    ("Hans forældre kom til Danmark som bosniske flygtninge.", "bosniske"),
    ("Han er af afghansk herkomst.", "afghansk"),
    ("Torben er adopteret fra Sydkorea.", "Sydkorea"),
    ("Han har polsk baggrund og taler flydende polsk.", "polsk"),
    ("Han er etnisk dansker.", "etnisk"),
    ("Han føler sig mere som iraker end som dansker.", "iraker"),
    ("Han er inuk og født i Sisimiut.", "inuk"),
    ("Familien er palæstinensere fra en lejr i Libanon.", "palæstinensere"),
    ("Han har en somalisk far.", "somalisk"),
    ("Han oplever racisme på grund af sin hudfarve.", "hudfarve"),
    ("Han er den eneste i klassen med udenlandsk oprindelse.", "oprindelse"),
    ("Han er andengenerationsindvandrer.", "andengenerationsindvandrer"),
    ("Han har anden etnisk baggrund end dansk.", "etnisk"),
    ("Han er kurder og har familie i Diyarbakir.", "kurder"),
    ("Han tilhører et romasamfund i Helsingør.", "roma"),
    ("Han er født i Marokko og kom hertil som barn.", "Marokko"),
    ("Han har libanesisk-palæstinensisk baggrund.", "libanesisk"),
]

# ---- R2: political opinion ---------------------------------------------------------------
POLITICS = [
    ("Han er aktiv i Enhedslisten.", "Enhedslisten"),
    ("Han stemmer altid på Dansk Folkeparti.", "Dansk Folkeparti"),
    ("Han har været medlem af Venstres Ungdom.", "Venstres Ungdom"),
    ("Han stillede op til byrådet for en lokalliste i 2021.", "byrådet"),
    ("Han deltog i en demonstration mod regeringens udlændingepolitik.", "demonstration"),
    ("Han er klimaaktivist og har deltaget i aktioner med Extinction Rebellion.",
     "klimaaktivist"),
    ("Han har højreradikale holdninger.", "højreradikale"),
    ("Han sympatiserer med Nye Borgerlige.", "Nye Borgerlige"),
    ("Han er socialdemokrat som sin far.", "socialdemokrat"),
    ("Han uddeler løbesedler for Stram Kurs.", "Stram Kurs"),
    ("Han er venstreorienteret og går op i dyrevelfærd.", "venstreorienteret"),
    ("Han har været formand for en lokalafdeling af Radikale Venstre.", "Radikale"),
    ("Han er kommunist.", "kommunist"),
    ("Han er anarkist og bor i et kollektiv på Christiania.", "anarkist"),
    ("Han er medlem af SF.", "SF"),
    ("Han var opstillet som kandidat til folketingsvalget.", "folketingsvalget"),
    ("Han deler nationalistiske opslag på Facebook.", "nationalistiske"),
    ("Han er politisk engageret i Alternativet.", "Alternativet"),
    ("Han har skrevet læserbreve mod indvandring.", "læserbreve"),
    ("Han er tilhænger af Liberal Alliance.", "Liberal Alliance"),
    ("Han er meldt ind i Konservativ Ungdom.", "Konservativ Ungdom"),
]

# ---- R2: religion and belief -----------------------------------------------------------
RELIGION = [
    ("Han er sunnimuslim og beder fem gange om dagen.", "sunnimuslim"),
    ("Han er medlem af Pinsekirken i Kolding.", "Pinsekirken"),
    ("Han er opvokset i Jehovas Vidner.", "Jehovas Vidner"),
    ("Han har fundet trøst i buddhismen.", "buddhismen"),
    ("Han går til gudstjeneste hver søndag.", "gudstjeneste"),
    ("Han er blevet døbt i fængselskirken.", "døbt"),
    ("Han dyrker asatro og deltager i blót.", "asatro"),
    ("Han er troende katolik.", "katolik"),
    ("Han er hindu og er vegetar af religiøse grunde.", "hindu"),
    ("Han bærer turban, fordi han er sikh.", "sikh"),
    ("Han er meldt ud af folkekirken.", "folkekirken"),
    ("Han er medlem af Indre Mission.", "Indre Mission"),
    ("Han holder ikke ramadan i år.", "ramadan"),
    ("Han er konverteret til islam.", "islam"),
    ("Han tror på Gud og beder til ham hver aften.", "Gud"),
    ("Han er vokset op i en baptistmenighed.", "baptist"),
    ("Han har kontakt til fængselspræsten om sin tro.", "tro"),
    ("Han er agnostiker.", "agnostiker"),
    ("Han går i moskeen om fredagen.", "moskeen"),
    ("Han er scientolog.", "scientolog"),
    ("Han er ortodoks kristen.", "ortodoks"),
    ("Han fejrer ikke jul af religiøse årsager.", "religiøse"),
    ("Han er bahá'í ligesom sine forældre.", "bahá'í"),
]

# ---- R2: trade union and a-kasse ---------------------------------------------------------
TRADE_UNION = [
    ("Han er medlem af 3F.", "3F"),
    ("Han er organiseret i Dansk El-Forbund.", "El-Forbund"),
    ("Han betaler kontingent til HK.", "HK"),
    ("Han er meldt ind i Krifa.", "Krifa"),
    ("Han har været tillidsrepræsentant på en slagterifabrik.", "tillidsrepræsentant"),
    ("Han er medlem af Det Faglige Hus.", "Det Faglige Hus"),
    ("Han er fagligt organiseret.", "fagligt organiseret"),
    ("Han er medlem af Blik- og Rørarbejderforbundet.", "Rørarbejderforbundet"),
    ("Han har fået hjælp af sin fagforening til en sag mod arbejdsgiveren.", "fagforening"),
    ("Han er medlem af Serviceforbundet.", "Serviceforbundet"),
    ("Han var aktiv i Malerforbundet i mange år.", "Malerforbundet"),
    ("Han er i FOA.", "FOA"),
    ("Han er medlem af Dansk Metal.", "Dansk Metal"),
    ("Han er medlem af ASE og dermed ikke i en fagforening.", "ASE"),
    ("Han har meldt sig ud af sin fagforening.", "fagforening"),
    ("Han er medlem af Fødevareforbundet NNF.", "NNF"),
    ("Han er medlem af Ingeniørforeningen.", "Ingeniørforeningen"),
    ("Han er medlem af Lederne.", "Lederne"),
    ("Han har deltaget i en strejke med sine kolleger.", "strejke"),
    ("Han er medlem af Kristelig Fagbevægelse.", "Kristelig Fagbevægelse"),
]

# ---- R2: health (the client's own, helbred not chosen) -----------------------------------
HEALTH = [
    ("Han har fået konstateret tarmkræft.", "tarmkræft"),
    ("Han har lungekræft og får strålebehandling.", "lungekræft"),
    ("Han har leukæmi.", "leukæmi"),
    ("Han er ordblind og har ADHD.", "ADHD"),
    ("Han har fået en ny hofte.", "hofte"),
    ("Han har sklerose og går med rollator.", "sklerose"),
    ("Han tager Ritalin om morgenen.", "Ritalin"),
    ("Han har nyresvigt og går til dialyse tre gange om ugen.", "dialyse"),
    ("Han har et alvorligt høretab.", "høretab"),
    ("Han har tinnitus efter militærtjenesten.", "tinnitus"),
    ("Han har brækket ryggen og har kroniske smerter.", "smerter"),
    ("Han har været hos egen læge med brystsmerter.", "brystsmerter"),
    ("Han har fået stillet diagnosen paranoid psykose.", "psykose"),
    ("Han er i behandling i distriktspsykiatrien.", "distriktspsykiatrien"),
    ("Han har OCD og vasker hænder mange gange om dagen.", "OCD"),
    ("Han er på venteliste til en knæoperation.", "knæoperation"),
    ("Han har astma og bruger Ventolin.", "astma"),
    ("Han har overvægt og søvnapnø.", "søvnapnø"),
    ("Han har haft en blodprop i hjernen.", "blodprop"),
    ("Han har en spiseforstyrrelse.", "spiseforstyrrelse"),
    ("Han har svær angst for at forlade boligen.", "angst"),
    ("Han er hjerteopereret.", "hjerteopereret"),
    ("Han har prostatakræft.", "prostatakræft"),
    ("Han har modermærkekræft.", "modermærkekræft"),
    ("Han er kørestolsbruger.", "kørestolsbruger"),
    ("Han lider af PTSD efter udsendelse til Afghanistan.", "PTSD"),
]

# ---- R2: a relative's health, always removed, also with helbred chosen --------------------
RELATIVE_HEALTH = [
    ("Hans søn, Jonas, der selv er i behandling for tarmkræft, bor i Vejle.", "tarmkræft"),
    ("Hans mor har Alzheimers og bor på plejehjem.", "Alzheimer"),
    ("Hans far døde af lungekræft sidste år.", "lungekræft"),
    ("Datteren har autisme og går på en specialskole.", "autisme"),
    ("Hans kæreste er sygemeldt med depression.", "depression"),
    ("Hans bror er skizofren og bor på et bosted.", "skizofren"),
    ("Søsteren har sklerose.", "sklerose"),
    ("Hans kone er blevet opereret for brystkræft.", "brystkræft"),
    ("Hans mor er kræftsyg.", "kræftsyg"),
    ("Hans yngste søn har epilepsi og skal have tilsyn om natten.", "epilepsi"),
    ("Faren har demens.", "demens"),
    ("Hans kone, som har leukæmi, passer selv børnene.", "leukæmi"),
    ("Hans datter er indlagt på børnepsykiatrisk afdeling.", "børnepsykiatrisk"),
    ("Hans mor har fået konstateret tyktarmskræft.", "tyktarmskræft"),
    ("Hans samlever har ADHD og tager medicin.", "ADHD"),
    ("Han passer sin far, der har Parkinsons sygdom.", "Parkinson"),
    ("Hans bror har været indlagt med en psykose.", "psykose"),
    ("Hans mor har diabetes og har fået amputeret en fod.", "amputeret"),
    ("Hans søster har kronisk leddegigt.", "leddegigt"),
    ("Han er bekymret for sin søn, der har fået konstateret hjernesvulst.", "hjernesvulst"),
    ("Hans kone har haft en hjerneblødning.", "hjerneblødning"),
    ("Hans søn Mikkel er nyresyg.", "nyresyg"),
    # a relative clause joined by "og selv": the relative is still the subject
    ("Hun har en voksen datter, Lise Brøndum, som bor i Skive og selv er i behandling for "
     "brystkræft.", "brystkræft"),
    ("Hans bror, der bor i Aalborg og selv har sklerose, hjælper med flytningen.",
     "sklerose"),
    ("Han har to sønner: Kasper, som læser i Odense og selv er indlagt med en psykose, og "
     "Rune.", "psykose"),
]

# ---- R2: sexual orientation and gender identity ---------------------------------------------
SEXUALITY = [
    ("Han er homoseksuel.", "homoseksuel"),
    ("Han er biseksuel og har haft kærester af begge køn.", "biseksuel"),
    ("Han har en kæreste af samme køn.", "samme køn"),
    ("Han er transkønnet og ønsker at blive kaldt Tine.", "transkønnet"),
    ("Han er sprunget ud som bøsse.", "bøsse"),
    ("Han identificerer sig som nonbinær.", "nonbinær"),
    ("Han er i kønsmodificerende behandling.", "kønsmodificerende"),
    ("Han er skeptisk over for sin egen seksualitet.", "seksualitet"),
    ("Han har en mandlig partner.", "mandlig partner"),
    ("Han er aseksuel.", "aseksuel"),
    ("Han har sex med mænd.", "sex"),
    ("Han går til møder i LGBT+ Danmark.", "LGBT"),
    ("Han er queer.", "queer"),
    ("Han er blevet udsat for hadforbrydelse på grund af sin seksuelle orientering.",
     "orientering"),
    ("Han har skiftet juridisk køn.", "juridisk køn"),
    ("Han er lesbisk.", "lesbisk"),
]

# ---- R2: genetic and biometric data -------------------------------------------------------
GENETICS = [
    ("Der er taget en DNA-prøve af ham.", "DNA"),
    ("Hans fingeraftryk er registreret i politiets database.", "fingeraftryk"),
    ("Han har en arvelig sygdom.", "arvelig"),
    ("Han er gentestet for Huntingtons sygdom.", "gentestet"),
    ("Han har en kromosomfejl.", "kromosomfejl"),
    ("Hans ansigt er genkendt ved ansigtsgenkendelse.", "ansigtsgenkendelse"),
    ("Der er foretaget en faderskabstest.", "faderskabstest"),
    ("Han er bærer af et gen for cystisk fibrose.", "gen"),
    ("Han har Downs syndrom.", "Downs"),
    ("Hans DNA-profil er i DNA-registret.", "DNA-profil"),
    ("Han har afgivet biometriske data ved grænsen.", "biometriske"),
    ("Han har fået taget en genetisk test.", "genetisk"),
    ("Han har Klinefelters syndrom.", "Klinefelter"),
    ("Han har irisscanning på sin telefon, som politiet ville have adgang til.", "irisscanning"),
    ("Hans stemmeprofil er gemt hos banken.", "stemmeprofil"),
]

# ---- R3: security ------------------------------------------------------------------------
SECURITY = [
    ("Han har modtaget trusler på Snapchat.", "trusler"),
    ("Han blev truet på Messenger af en tidligere ven.", "truet"),
    ("Politiets risikovurdering peger på en høj trussel mod ham.", "risikovurdering"),
    ("Fængslets farlighedsvurdering er ikke afsluttet.", "farlighedsvurdering"),
    ("Han har fået en trusselsbesked på Instagram.", "trusselsbesked"),
    ("Han er truet på livet af rivaliserende grupperinger.", "truet på livet"),
    ("Der er en dusør på ham i miljøet.", "dusør"),
    ("Politiet har vurderet, at han er i farezonen for repressalier.", "repressalier"),
    ("Han står på politiets liste over personer med tilknytning til bandemiljøet.",
     "bandemiljøet"),
    ("Han blev sigtet for vold i februar, og sagen er ikke afgjort.", "sigtet"),
    ("Der verserer en sag mod ham om hæleri.", "verserer"),
    ("Han er varetægtsfængslet i en ny sag.", "varetægtsfængslet"),
    ("Hans telefonsamtaler med kæresten blev aflyttet.", "aflyttet"),
    ("Han har haft besøg under opsyn.", "opsyn"),
    ("Han har jagttegn og ejer to rifler.", "rifler"),
    ("Han var med til et SSP-møde i foråret.", "SSP"),
    ("Sagen blev drøftet på et MARAC-møde.", "MARAC"),
    ("Han blev nævnt på et møde i Infohuset.", "Infohuset"),
    ("Ifølge PET har han været i kontakt med radikaliserede personer.", "PET"),
    ("Politiet har oplysninger om, at han skylder penge i miljøet.", "skylder penge"),
    ("Han er blevet afpresset via Telegram.", "afpresset"),
    ("Han har fået et opholdsforbud i Aarhus midtby.", "opholdsforbud"),
    ("Han har et tilhold over for sin tidligere svoger.", "tilhold"),
    ("Der er udstedt et kontaktforbud.", "kontaktforbud"),
    ("Efterretninger fra politiet viser, at han stadig er aktiv i grupperingen.",
     "Efterretninger"),
    ("Han har fået trusler pr. sms om at han skal betale.", "trusler"),
    ("Der er risiko for hævnaktioner mod ham efter løsladelsen.", "hævnaktioner"),
]

# ---- R4: details of the act in every phrasing (fraud, theft of power, identity misuse ...)
ACT = [
    ("Strømmen blev stjålet ved en ulovlig tilslutning før måleren.", "tilslutning"),
    ("Han havde koblet sig på naboens elforsyning.", "elforsyning"),
    ("Hun optog lån i hans navn uden at spørge.", "lån i hans navn"),
    ("Han brugte sin mors NemID til at tage kviklån.", "NemID"),
    ("Han bestilte varer på nettet med en stjålen identitet.", "stjålen identitet"),
    ("Han udgav sig for at være fra banken og fik ældre mennesker til at oplyse koder.",
     "udgav sig"),
    ("Han hævede penge fra sin mormors konto med hendes kort.", "hævede"),
    ("Han lavede falske fakturaer for 1,2 mio. kr.", "falske fakturaer"),
    ("Han snød kommunen for boligstøtte ved at oplyse en forkert adresse.",
     "forkert adresse"),
    ("Han solgte ikke-eksisterende koncertbilletter på DBA.", "koncertbilletter"),
    ("Han brød ind gennem et kældervindue.", "kældervindue"),
    ("Han stjal tre cykler fra en carport i Brabrand.", "carport"),
    ("Han tog bilen uden ejerens samtykke og kørte den i grøften.", "grøften"),
    ("Han dyrkede hash i en lejet lagerhal.", "lagerhal"),
    ("Han slog ham i hovedet med en flaske.", "flaske"),
    ("Han overførte penge fra virksomhedens konto til sin egen.", "overførte"),
    ("Han satte ild til en container bag skolen.", "container"),
    ("Han filmede hende uden hendes vidende.", "filmede"),
    ("Han gemte kokainen i et skab i opgangen.", "opgangen"),
    ("Han fik fat i koden til hendes netbank.", "netbank"),
    ("Han truede kassedamen med en kniv og fik 4.000 kr.", "kniv"),
    ("Han oprettede abonnementer i sin brors navn.", "brors navn"),
    ("De tappede diesel fra lastbiler på en rasteplads.", "diesel"),
    ("Han brugte en skimmer på en pengeautomat.", "skimmer"),
    ("Han forfalskede sin fars underskrift på en lånekontrakt.", "underskrift"),
    ("Han smuglede cigaretter over grænsen i en campingvogn.", "campingvogn"),
]

# ---- R5: prison-internal matters, including named units ---------------------------------------
INTERNAL = [
    ("Hun er flyttet til afd. Kastanjen på pensionen.", "Kastanjen"),
    ("Han bor på afdeling Egen.", "Egen"),
    ("Han er placeret i Hus Syd.", "Hus Syd"),
    ("Han er flyttet til fløj Birken.", "Birken"),
    ("Han sidder i afsnit Rønnen.", "Rønnen"),
    ("Han har opholdt sig på afd. Ahorn siden marts.", "Ahorn"),
    ("Han blev overflyttet til afdelingen Lærken efter en konflikt.", "Lærken"),
    ("Han er på Hus Elmen i den åbne del.", "Elmen"),
    ("Han har fået enecelle på gangen.", "enecelle"),
    ("Han blev anbragt i sikringscelle i et døgn.", "sikringscelle"),
    ("Han fik strafcelle i fem dage for at have en telefon.", "strafcelle"),
    ("Han blev frataget sin arbejdsløn i en uge som disciplinærstraf.", "disciplinærstraf"),
    ("Han har fået en bøde for at have hash på stuen.", "bøde"),
    ("Der blev fundet en mobiltelefon ved visitation af hans celle.", "visitation"),
    ("Han er udelukket fra fællesskab.", "udelukket fra fællesskab"),
    ("Han er overført til Storstrøm Fængsel.", "overført"),
    ("Han har haft tre udgange uden bemærkninger.", "udgange"),
    ("Han er placeret på en særlig afdeling for bandemedlemmer.", "særlig afdeling"),
    ("Han har besøgskort til sin kæreste.", "besøgskort"),
    ("Han klagede over personalet til Direktoratet.", "klagede"),
    ("Han har skiftet værelse på pensionen to gange.", "værelse"),
    ("Han er kommet på behandlingsafdelingen Kastaniehuset.", "Kastaniehuset"),
]

# ---- written after the first fixes: other phrasings of the same gaps, to see that the
# lexicon rules are general (a threat's channel, the authorities' assessments, identity
# misuse, theft of power, named units) and that the words beside them stay ------------------
SECOND_WAVE = [
    ("Truslerne kom via WhatsApp fra et skjult nummer.", "WhatsApp"),
    ("Han fik flere trusler over telefonen i december.", "trusler"),
    ("Han har fået truende sms'er fra en ukendt afsender.", "truende"),
    ("Ifølge en risikovurdering fra Østjyllands Politi er der fortsat fare for ham.",
     "risikovurdering"),
    ("PET's trusselsvurdering er ikke delt med kommunen.", "trusselsvurdering"),
    ("Der kom en trussel i en besked på Signal.", "trussel"),
    ("Arresthusets farlighedsvurdering lå klar i maj.", "farlighedsvurdering"),
    ("Han optog tre kviklån i sin søsters navn.", "kviklån"),
    ("Hun bestilte telefoner på afbetaling i hans navn.", "afbetaling"),
    ("Strømmen til plantagen blev stjålet fra elnettet.", "elnettet"),
    ("Han havde tilsluttet sig uden om måleren.", "måleren"),
    ("Han fik hende til at give ham pinkoden til hendes dankort.", "pinkoden"),
    ("Han hævede 40.000 kr. fra sin fars bankkonto.", "bankkonto"),
    ("Han opgav en falsk adresse for at få børnetilskud.", "falsk adresse"),
    ("Han snød forsikringsselskabet for 120.000 kr.", "forsikringsselskabet"),
    ("Bilen blev taget uden ejerens vidende.", "vidende"),
    ("Han lejede en varevogn i sin vens navn.", "varevogn"),
    ("Han tappede benzin fra biler om natten.", "benzin"),
    ("Han bor nu på fløjen Mågen.", "Mågen"),
    ("Han blev flyttet til Hus Nord efter episoden.", "Hus Nord"),
    ("Han er kommet på afdeling Solsikken.", "Solsikken"),
    ("Han har klaget til Direktoratet for Kriminalforsorgen over afgørelsen.", "klaget"),
    ("Han har klaget over betjentene flere gange.", "betjentene"),
    ("Han havde en celle i arresthuset uden vindue.", "vindue"),
]

# a third wave, written blind after the second: a relative's health in more sentence shapes
# (counted relatives, the other gender's pronoun), health words, and R3-R5 in other words
THIRD_WAVE_RELATIVES = [
    ("Begge hans forældre er alkoholikere.", "alkoholikere"),
    ("En af hans brødre har ADHD.", "ADHD"),
    ("Alle tre søskende har astma.", "astma"),
    ("Han besøger sin mormor på plejehjemmet, hvor hun bor pga. demens.", "demens"),
    ("Siden sidste år har hans mor haft brystkræft.", "brystkræft"),
    ("Han bekymrer sig om sin far, som har KOL.", "KOL"),
    ("Hans kone er gravid og har svangerskabsdiabetes.", "svangerskabsdiabetes"),
    ("Hans ekskone misbruger kokain.", "kokain"),
]

THIRD_WAVE = [
    ("Han er i kemobehandling.", "kemobehandling"),
    ("Han har atrieflimren.", "atrieflimren"),
    ("Han har hukommelsesbesvær.", "hukommelsesbesvær"),
    ("Han har klaustrofobi.", "klaustrofobi"),
    ("Han går til ergoterapeut.", "ergoterapeut"),
    ("Han får morfinplaster.", "morfinplaster"),
    ("Han er bæltefikseret flere gange.", "bæltefikseret"),
    ("Han har en godartet knude.", "godartet"),
    ("Han hackede sig ind på sin ekskærestes Facebook-profil.", "hackede"),
    ("Pengene blev vasket gennem en frisørsalon.", "frisørsalon"),
    ("Han fik udbetalt dagpenge, mens han arbejdede sort som tømrer.", "sort"),
    ("Han afbrændte sin egen bil for at få forsikringspengene.", "forsikringspengene"),
    ("Han kastede en brosten mod en politibil.", "brosten"),
    ("Der er rejst tiltale mod ham for vold, og sagen kommer for retten i marts.", "tiltale"),
    ("Han skal afhøres som sigtet i en narkosag.", "narkosag"),
    ("Han har tidligere været registreret som informant.", "informant"),
    ("Politiet har lavet en bekymringssamtale med ham.", "bekymringssamtale"),
    ("Han er blevet advaret af politiet om, at han er i fare.", "advaret"),
    ("Han afsoner i den lukkede del.", "lukkede"),
    ("Han har klaget over maden i fængslet.", "maden"),
    ("Han fik en uges isolation.", "isolation"),
    ("Han bor på pensionens 1. sal.", "1. sal"),
]

# the § 10 categories in subtler words (written blind, the misses fixed)
THIRD_WAVE_SPECIAL = [
    ('Han kalder sig selv "halvt perser".', "perser"),
    ("Han er vokset op i en lejr i Kenya.", "Kenya"),
    ("Han er opvokset i Irak og kom hertil som 17-årig.", "Irak"),
    ("Han bærer kalot.", "kalot"),
    ("Han har deltaget i Alpha-kursus.", "Alpha"),
    ("Han stemte ikke ved sidste valg, fordi han er imod demokratiet.", "demokratiet"),
    ("Han har siddet i kommunalbestyrelsen for Venstre.", "kommunalbestyrelsen"),
    ("Han er medlem af Frihedslisten.", "Frihedslisten"),
    ("Han har deltaget i en overenskomststrejke.", "overenskomststrejke"),
    ("Han deltager i Pride hvert år.", "Pride"),
    ("Han er trans.", "trans"),
    ("Han er født som pige.", "pige"),
    ("Han taler tigrinya med sin mor.", "tigrinya"),
    ("Han går til fredagsbøn.", "fredagsbøn"),
    ("Han har været i Mekka på pilgrimsrejse.", "Mekka"),
    ("Han var tillidsmand på værftet.", "tillidsmand"),
    ("Han har haft sex for penge.", "sex"),
]

# the classes of a released blind set's leaks, in new invented words (none of its sentences):
# substance compounds, a congregation by name, a third person's sentence after a nickname in
# brackets, seizures, the police's information a few words on, isolation in custody, a
# newborn's health (areas without misbrug and helbred)
CLASSES_12B = [
    ("J fortæller om et stigende kokainforbrug i weekenderne.", "kokainforbrug"),
    ("Han har et periodevis hashforbrug.", "hashforbrug"),
    ("Han har haft amfetaminrus på arbejdet.", "amfetaminrus"),
    ("Han kommer fast i Bykirken i Vejle.", "Bykirken"),
    ("Han synger i kirkekoret i sin sognekirke.", "sognekirke"),
    ("Han har haft et anfald igen i sidste uge.", "anfald"),
    ("Politiet har i forbindelse med sagen oplyst, at han kender flere hælere.", "hælere"),
    ("Politiet mener, at han indgår i en gruppe af narkohandlere i Aalborg.",
     "narkohandlere"),
    ("Han vurderes af politiet at tilhøre et kriminelt miljø.", "miljø"),
    ("Ifølge anklageren er han del af en kreds af svindlere.", "svindlere"),
    ("Han sad i varetægtsisolation i seks uger.", "varetægtsisolation"),
    ("Han har været i enkeltmandsisolation.", "enkeltmandsisolation"),
    ("Han blev løsladt fra isolationen i marts.", "isolationen"),
    ("Datteren kom for tidligt til verden og lå i kuvøse.", "kuvøse"),
    ("Sønnen blev født for tidligt i uge 29.", "uge 29"),
    ("Hans søn er født i graviditetsuge 31 og ligger på neonatal.", "neonatal"),
    ("Hans kæreste fødte ved kejsersnit.", "kejsersnit"),
]

# the act told in the causes part in yet other words (a fourth wave, written blind)
FOURTH_WAVE_ACT = [
    ("Han udnyttede sin stilling som hjemmehjælper til at tage penge fra en ældre borger.",
     "hjemmehjælper"),
    ("Han fik en kammerat til at stå vagt ved døren.", "vagt"),
    ("Han lod som om, han var tømrer, og tog forudbetaling for arbejde, han aldrig udførte.",
     "forudbetaling"),
    ("Han brugte sin brors kørekort, da han blev stoppet.", "kørekort"),
    ("Han gemte sig i et skur, indtil politiet var kørt.", "skur"),
    ("Han solgte falske designervarer fra sit bagagerum.", "designervarer"),
    ("Han skrev falske sygemeldinger til sin arbejdsgiver.", "sygemeldinger"),
    ("Han oprettede en falsk profil på Tinder for at lokke penge ud af kvinder.", "Tinder"),
]

# inside a prison or pension in yet other words (a fourth wave, written blind)
FOURTH_WAVE_INTERNAL = [
    ("Han er flyttet til pensionens lukkede afsnit.", "lukkede"),
    ("Han har fået frataget sin fritidsaktivitet i en uge.", "fritidsaktivitet"),
    ("Han har fået tildelt et værelse tæt ved kontoret.", "kontoret"),
    ("Han er blevet indberettet for at ryge på værelset.", "indberettet"),
    ("Han har fået nyt værelse i stueetagen, så han er tæt på personalet.", "stueetagen"),
    ("Han har opholdt sig på observationsafsnittet i et døgn.", "observationsafsnittet"),
    ("Han blev placeret i sikringscelle efter at have råbt ad personalet.", "råbt"),
    ("Han har mistet sin ret til weekendudgang.", "weekendudgang"),
]

# the classes of two more released sets' R3/R5/R2 leaks, in new invented words
CLASSES_12CD = [
    ("Han er placeret på gang C, celle 4.", "gang C"),
    ("Han sad de første 3 døgn i isolation.", "isolation"),
    ("Hun skrev: vi ved godt hvor du bor.", "hvor du bor"),
    ("Han skrev til ham: du kan ikke gemme dig.", "gemme dig"),
    ("Han får et besøg af drengene snart.", "drengene"),
    ("Før rejsen måtte hun sværge en ed ved en helligdom.", "helligdom"),
    ("Hun tror på juju.", "juju"),
    ("Hans mor har fået konstateret leverkræft.", "leverkræft"),
]

# a private person's own sentence after a nickname in brackets (the name stays the subject)
NICKNAME_RECORD = [
    ('Han kender Jeppe Skov fra skolen. Jeppe ("Skovmand") afsoner selv en dom for '
     "indbrud.", "indbrud"),
    ('Hans ven Kristoffer ("Krille") er selv dømt for vold.', "vold"),
    ("Hans nabo Morten (“Mugge”) sidder selv i fængsel for narkohandel.", "narkohandel"),
]

KEEP_BESIDE = [
    "Han er idømt 60 dages fængsel for trusler.",
    "Han fik dom for trusler mod en nabo i 2023.",
    "Han afsoner 4 måneder for trusler via sms mod sin tidligere kæreste.",
    "Han har ikke modtaget nogen afgørelse endnu.",
    "Han har fået en lejlighed i afdeling Toftegården hos Boligforeningen Vest.",
    "Han er skrevet op til boligselskabets afdeling Kildeparken.",
    "Lejekontrakten står i hans navn.",
    "Han har overført 3.000 kr. fra sin konto til udlejer.",
    "Han betaler kontingent til fitnesscentret.",
    "Se afsnit Økonomi nedenfor.",
    "Kommunens afdeling Job og Ydelse står for kontanthjælpen.",
    "Han har fået et værelse i Aarhus fra 1. maj.",
    "Han skal oplyse sin adresse til jobcentret.",
    "Han modtager el-regningen i sit eget navn.",
    "Han får sin løn overført til sin egen konto.",
    "Han har selv ADHD og går til egen læge.",
    "Han kastede op hele natten.",
    "Han har besvær med at betale sin husleje.",
    "Han ønsker at undgå isolation efter løsladelsen.",
    "Han har klaget over støj fra naboen i boligen.",
    "Han bor på 1. sal i en lejlighed i Vejle.",
    "Han står på venteliste til en lejlighed i afdeling 14.",
    "Han har fået en 2-værelses på 3. sal i boligforeningens nye afdeling.",
    "Han er ansat som sikkerhedsvagt.",
    "Han har depression og ønsker at fortsætte hos psykiater.",
    "Han er idømt 2 år og 3 måneder for røveri og vold.",
    "Han er vokset op i Aarhus og på Fyn.",
    "Han står på ventelisten hos boligforeningen.",
    "Han er medlem af en fodboldklub.",
    "Han har sin stolthed i behold.",
    "Kommunalbestyrelsen har vedtaget en ny boligplan.",
    "Han har lavet et hashtag til sin klub.",
    "Han har fået arbejde som kirketjener.",
    "Han skal melde sig hos politiet hver mandag.",
    "Han har et godt netværk af venner.",
    "Kommunen bedes finde et botilbud efter § 107, når afdelingen vurderer, at han kan "
    "udskrives.",
    "Når afdelingen udskriver ham, har han brug for bostøtte efter § 85.",
    "Han bor hos en ven og afsoner en dom for vold på fodlænke.",
    "Han skal tage penge fra sin opsparing til depositum.",
    "Han har fået sit kørekort tilbage.",
    "Kontrakten på lejligheden er skrevet i hans navn fra 1. marts.",
    "Han betaler kontingent til sin fodboldklub.",
    "Han ønsker at melde sig ind i en a-kasse.",
    "Han har fået en lejlighed tæt på sit kontor.",
    "Han har fundet en lejlighed tæt på jobcentret.",
    "Sidste gang I mødtes, gik det godt.",
    "Han får besøg af sin mor på søndag.",
    "Sagsbehandleren ved, hvor han bor efter løsladelsen.",
]


# ---- K4-K7: what must stay -----------------------------------------------------------------
# the areas chosen, coordination wording, the client's own data within a chosen area
KEEP = [
    ("Der er behov for koordinering med kommunen om bolig og beskæftigelse.",
     ("bolig", "beskæftigelse")),
    ("Koordineringsområderne er bolig, økonomi og misbrug.", ("bolig", "økonomi", "misbrug")),
    ("Kommunen bedes tage kontakt til Torben om en boligplan inden løsladelsen.", ("bolig",)),
    ("Torben ønsker hjælp til at finde en lejlighed i Horsens.", ("bolig",)),
    ("Han har en huslejerestance på 14.500 kr. hos boligselskabet.", ("bolig", "økonomi")),
    ("Han har gæld til SKAT på ca. 80.000 kr.", ("økonomi",)),
    ("Han modtager kontanthjælp efter løsladelsen.", ("økonomi",)),
    ("Han ønsker at tage 9. klasses afgangsprøve på VUC.", ("uddannelse",)),
    ("Han har været i praktik som murer og vil gerne have en læreplads.",
     ("beskæftigelse", "uddannelse")),
    ("Han har brugt hash dagligt siden han var 15 år.", ("misbrug",)),
    ("Han er i behandling for sit alkoholmisbrug efter servicelovens § 101.", ("misbrug",)),
    ("Han har afleveret negative urinprøver de sidste tre måneder.", ("misbrug",)),
    ("Han får 60 mg metadon dagligt.", ("misbrug",)),
    ("Han har ADHD og tager Concerta.", ("helbred",)),
    ("Han har diabetes og skal tilknyttes egen læge.", ("helbred",)),
    ("Der er aftalt et møde med Jobcenter Horsens den 3. marts.", ("beskæftigelse",)),
    ("Målet er, at han er i uddannelse inden for et år.", ("uddannelse",)),
    ("Han ønsker at genoptage kontakten til sin netværksgruppe.", ("netværk",)),
    ("Han ønsker en mentor, der kan hjælpe ham i gang med hverdagen.", ("mentor",)),
    ("Han har fået tilbudt en ungdomsbolig fra 1. april.", ("bolig",)),
    ("Han er idømt 1 år og 6 måneder for bedrageri.", ("bolig",)),
    ("Han er vurderet til middel risiko for tilbagefald efter LS/RNR.", ("bolig",)),
    ("Han har tilbagefald til kokain i weekenderne, og det skal behandlingen tage hånd om.",
     ("misbrug",)),
    ("Han har gæld til Modstilling på 23.000 kr. og ønsker en afdragsordning.", ("økonomi",)),
    ("Han skal søge om boligsikring, når han har fået lejligheden.", ("bolig", "økonomi")),
]


@pytest.mark.parametrize(("sentence", "secret"), ETHNICITY + POLITICS + RELIGION
                         + TRADE_UNION + SEXUALITY + GENETICS + THIRD_WAVE_SPECIAL)
def test_special_categories_bank15(analyzer: Analyzer, sentence: str, secret: str) -> None:
    out = _out(analyzer, sentence, NOT_HELBRED)
    assert _gone(out, secret) and "(rhl. § 10)]" in out, out


@pytest.mark.parametrize(("sentence", "secret"), HEALTH)
def test_health_bank15(analyzer: Analyzer, sentence: str, secret: str) -> None:
    out = _out(analyzer, sentence, NOT_HELBRED)
    assert _gone(out, secret) and "(rhl. § 10)]" in out, out


@pytest.mark.parametrize(("sentence", "secret"), RELATIVE_HEALTH)
def test_relatives_health_bank15_even_with_helbred(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence, EVERY_AREA), secret)


@pytest.mark.parametrize(("sentence", "secret"), SECURITY)
def test_security_bank15(analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence), secret)


@pytest.mark.parametrize("head", [DESCRIPTION, CAUSES], ids=["beskrivelse", "aarsager"])
@pytest.mark.parametrize(("sentence", "secret"), ACT)
def test_act_bank15(analyzer: Analyzer, sentence: str, secret: str, head: str) -> None:
    assert _gone(_out(analyzer, sentence, head=head), secret)


@pytest.mark.parametrize(("sentence", "secret"), INTERNAL)
def test_internal_bank15(analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence), secret)


@pytest.mark.parametrize(("sentence", "areas"), KEEP)
def test_keep_bank15(analyzer: Analyzer, sentence: str, areas: tuple[str, ...]) -> None:
    assert _out(analyzer, sentence, areas) == sentence


@pytest.mark.parametrize(("sentence", "secret"), SECOND_WAVE)
def test_second_wave_bank15(analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence), secret)


@pytest.mark.parametrize("sentence", KEEP_BESIDE)
def test_keep_beside_the_new_rules_bank15(analyzer: Analyzer, sentence: str) -> None:
    assert _out(analyzer, sentence, ("bolig", "økonomi", "beskæftigelse", "helbred")) \
        == sentence


@pytest.mark.parametrize(("sentence", "secret"), THIRD_WAVE_RELATIVES)
def test_third_wave_relatives_health_with_every_area(sentence: str, secret: str) -> None:
    plan = plan_case(DESCRIPTION + sentence + "\n", CLIENT, CPR, EVERY_AREA)
    assert _gone(redacted_after(plan, "2. Beskrivelse").strip(), secret)


@pytest.mark.parametrize(("sentence", "secret"), THIRD_WAVE)
def test_third_wave_bank15(analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence), secret)


@pytest.mark.parametrize(("sentence", "secret"), CLASSES_12B)
def test_released_set_classes_in_new_words(analyzer: Analyzer, sentence: str,
                                           secret: str) -> None:
    assert _gone(_out(analyzer, sentence, ("beskæftigelse", "økonomi")), secret)


@pytest.mark.parametrize(("sentence", "secret"), NICKNAME_RECORD)
def test_a_third_persons_record_after_a_nickname(analyzer: Analyzer, sentence: str,
                                                 secret: str) -> None:
    assert _gone(_out(analyzer, sentence), secret)


@pytest.mark.parametrize(("sentence", "secret"), FOURTH_WAVE_ACT)
def test_fourth_wave_act_in_the_causes(analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence, head=CAUSES), secret)


@pytest.mark.parametrize(("sentence", "secret"), FOURTH_WAVE_INTERNAL)
def test_fourth_wave_internal(analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence), secret)


@pytest.mark.parametrize(("sentence", "secret"), CLASSES_12CD)
def test_released_sets_12cd_classes_in_new_words(analyzer: Analyzer, sentence: str,
                                                 secret: str) -> None:
    assert _gone(_out(analyzer, sentence), secret)
