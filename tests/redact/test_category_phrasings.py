"""Category by category, many phrasings: the rhl. § 10 categories (R2), security (R3),
details of the act (R4), prison-internal matters (R5) and third persons' own records are
removed however they are worded (inflections, word order, passive, negation, compounds,
abbreviations, other languages), and what must stay (K2, K4, K6, K7) stays. A row fails when
its category loses coverage in the policy's lexicons. Every sentence and person is invented;
none is taken from a corpus."""

from __future__ import annotations

import re

import pytest
from harness import redact_section

from gldocs.redact.engine import Analyzer

CLIENT = "Valdemar Østergaard Klit"
STAMDATA = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 140693-2817\n\n"
DESCRIPTION = STAMDATA + "2. Beskrivelse\n"
CAUSES = STAMDATA + "3. Årsager til kriminalitet\n"
R3 = "[udeladt: sikkerhed]"
NOT_HELBRED = ("bolig", "misbrug")
EVERY_AREA = ("bolig", "beskæftigelse", "uddannelse", "økonomi", "misbrug", "netværk",
              "mentor")


def _out(analyzer: Analyzer, sentence: str, areas: tuple[str, ...] = ("bolig",),
         head: str = DESCRIPTION) -> str:
    return redact_section(analyzer, CLIENT, head, sentence, areas).strip()


def _gone(out: str, secret: str) -> bool:
    """The secret is not in the output (outside the markers) and a marker says why."""
    text = re.sub(r"\[[^\]]*\]", " ", out)
    return secret.lower() not in text.lower() and "[udeladt" in out


# ---- R2: the special categories ------------------------------------------------------
HEALTH = [
    ("Han fik konstateret sukkersyge for to år siden.", "sukkersyge"),
    ("Han er diagnosticeret med skizofreni.", "skizofreni"),
    ("Han har en bipolar lidelse og er velmedicineret.", "bipolar"),
    ("Han har været indlagt på psykiatrisk afdeling flere gange.", "psykiatrisk"),
    ("Han har angst og depression.", "depression"),
    ("Han lider af søvnløshed og tager Imovane.", "Imovane"),
    ("Han får Quetiapin 200 mg til natten.", "Quetiapin"),
    ("Han har hepatitis C.", "hepatitis"),
    ("Han er i behandling for hjertesvigt.", "hjertesvigt"),
    ("Han har en hjerneskade efter et fald.", "hjerneskade"),
    ("Han er udredt for autisme.", "autisme"),
    ("Han har en personlighedsforstyrrelse af emotionelt ustabil type.", "personlighed"),
    ("Han har selvmordstanker i perioder.", "selvmordstanker"),
    ("Han forsøgte at tage sit eget liv i 2024.", "eget liv"),
    ("Han er blind på det ene øje.", "blind"),
    ("Han er halvsidigt lammet efter ulykken.", "lammet"),
    ("Han har en lav kognitiv funktion.", "kognitiv"),
    ("Han er tilknyttet et F-ACT-team i Slagelse.", "ACT"),
    ("Han er tilknyttet OPUS.", "OPUS"),
    ("Han har cancer og er i kemoterapi.", "kemoterapi"),
    ("Han er psykisk sårbar og har svært ved stress.", "sårbar"),
    ("Han har fået ordineret Sertralin.", "Sertralin"),
    ("Han hører stemmer.", "stemmer"),
    ("Han er sygemeldt med stress.", "sygemeldt"),
    ("Han har CP.", "CP"),
    ("Han har RA og får hjælp til det.", "RA"),
    ("Han er tilknyttet Veterancentret.", "Veterancentret"),
    ("Han er udredt med F90.0 og F12.2.", "F90.0"),
    ("Han får Zyprexa depot.", "Zyprexa"),
    # negation, abbreviations, compounds, inflections, passive
    ("Han har ikke taget sin medicin mod skizofreni i en måned.", "skizofreni"),
    ("Han har ingen psykiatriske diagnoser.", "psykiatriske"),
    ("Han er i beh. for depr.", "depr"),
    ("Han er pt. indlagt på psyk. afd.", "psyk"),
    ("Han har DM1 og KOL.", "DM1"),
    ("Han har dx. F60.3.", "F60.3"),
    ("Han er HIV-smittet.", "HIV"),
    ("Han er PTSD-ramt efter krigen.", "PTSD"),
    ("Han er diabetespatient.", "diabetespatient"),
    ("Hans depressioner er blevet værre.", "depressioner"),
    ("Skizofrenien er velbehandlet.", "Skizofrenien"),
    ("Diabetessygdommen kræver insulin.", "Diabetes"),
    ("Der er konstateret epilepsi.", "epilepsi"),
    ("Han blev tvangsindlagt i 2022.", "tvangsindlagt"),
    ("Han blev diagnosticeret i 2019.", "diagnosticeret"),
    ("Han døjer med migræne.", "migræne"),
    ("Lægen har konstateret forhøjet blodtryk.", "blodtryk"),
    ("Han har været i psykologbehandling for sine traumer.", "traumer"),
    ("Efter ulykken har han haft hovedpine og svimmelhed.", "svimmelhed"),
    ("Han har nedsat syn og hørelse.", "syn"),
    ("Han har svært ved at sove og er træt i løbet af dagen.", "sove"),
    ("Han har tabt sig 12 kilo under afsoningen.", "12 kilo"),
    ("Hans kæreste venter barn i marts.", "venter barn"),
    ("Han har været til tandlæge og skal have lavet en rodbehandling.", "rodbehandling"),
    ("Pt. er kendt med paranoid skizofreni, F20.0.", "skizofreni"),
    ("Udskrives i vanlig medicinering med Abilify Maintena 400 mg i.m. hver 4. uge.",
     "Abilify"),
    ("Ved indlæggelsen var pt. psykotisk med auditive hallucinationer.", "psykotisk"),
]

RELIGION = [
    ("Han er muslim.", "muslim"),
    ("Han er jøde og holder sabbat.", "jøde"),
    ("Han er blevet frelst og kommer i en frikirke.", "frikirke"),
    ("Han læser i Koranen hver aften.", "Koranen"),
    ("Han er shiamuslim.", "shiamuslim"),
    ("Han er ateist.", "ateist"),
    ("Han faster under ramadanen.", "ramadanen"),
    ("Han har taget imod Jesus i fængslet.", "Jesus"),
    ("Han praktiserer sin tro.", "praktiserer"),
    ("Han bærer et kors som udtryk for sin kristne tro.", "kors"),
    ("Han går i synagogen.", "synagogen"),
    ("Han spiser kun halal.", "halal"),
    ("Han har konverteret til kristendommen.", "kristendommen"),
    ("Han er ikke længere praktiserende muslim.", "muslim"),
    ("Han er muslimsk troende.", "muslimsk"),
    ("Hans muslimske tro betyder meget for ham.", "muslimske"),
    ("Troen spiller en stor rolle for ham.", "Troen"),
    ("Hver fredag går han i moskeen i Vollsmose.", "moskeen"),
    ("Imamen har besøgt ham flere gange.", "Imamen"),
    ("Præsten fra hans menighed skriver til ham.", "menighed"),
]

ETHNICITY = [
    ("Han er født i Irak af kurdiske forældre.", "kurdiske"),
    ("Han er af pakistansk afstamning.", "pakistansk"),
    ("Han er palæstinenser.", "palæstinenser"),
    ("Han er 2. generationsindvandrer.", "generationsindvandrer"),
    ("Han er andengenerationsindvandrer fra Tyrkiet.", "andengenerations"),
    ("Han er inuk og taler grønlandsk.", "inuk"),
    ("Han er eritreer og kom som uledsaget mindreårig.", "eritreer"),
    ("Hans mor er thai.", "thai"),
    ("Han er halvt marokkaner.", "marokkaner"),
    ("Hans baggrund er kurdisk.", "kurdisk"),
    ("Oprindeligt kommer familien fra Somalia.", "Somalia"),
    ("Han taler arabisk med sin familie.", "arabisk"),
    ("Han er blevet udsat for racisme.", "racisme"),
]

POLITICS = [
    ("Han er medlem af Socialdemokratiet.", "Socialdemokratiet"),
    ("Han stemmer på Nye Borgerlige.", "Nye Borgerlige"),
    ("Han var opstillet til folketingsvalget.", "folketingsvalget"),
    ("Han er aktiv i Stram Kurs.", "Stram Kurs"),
    ("Han deltager i Palæstina-demonstrationer.", "demonstrationer"),
    ("Han er anarkist.", "anarkist"),
    ("Han er tidligere byrådsmedlem.", "byrådsmedlem"),
    ("Han er SF-medlem.", "SF"),
    ("Han er Venstre-mand.", "Venstre"),
    ("Han var DF-kandidat ved kommunalvalget.", "DF"),
    ("I sin fritid er han aktiv i Enhedslisten.", "Enhedslisten"),
    ("Han har været på valg for Alternativet.", "Alternativet"),
    ("Han sympatiserer med Dansk Folkeparti.", "Dansk Folkeparti"),
    ("Han er med i en antifascistisk gruppe.", "antifascistisk"),
]

TRADE_UNION = [
    ("Han er medlem af Dansk El-Forbund.", "El-Forbund"),
    ("Han er organiseret i Blik- og Rørarbejderforbundet.", "Rørarbejderforbundet"),
    ("Han er medlem af Det Faglige Hus.", "Faglige Hus"),
    ("Han er medlem af fagforeningen.", "fagforeningen"),
    ("Han er medlem af Kristelig Fagbevægelse.", "Kristelig"),
    ("Han er meldt ud af fagbevægelsen.", "fagbevægelsen"),
    ("Han er ikke længere medlem af 3F.", "3F"),
    ("Han er medl. af 3F.", "3F"),
    ("Han er 3F-medlem.", "3F"),
    ("Han er FOA-medlem og tillidsvalgt.", "FOA"),
    ("Han er fagforeningsmedlem.", "fagforeningsmedlem"),
    ("Fagforeningens advokat har hjulpet ham.", "Fagforeningens"),
    ("Medlemskabet af 3F betaler han selv.", "3F"),
    ("3F har hjulpet ham med en sag mod arbejdsgiveren.", "3F"),
    ("Han har været tillidsmand i 3 år.", "tillidsmand"),
    ("Han er meldt ind i HK Handel.", "HK"),
]

SEXUALITY = [
    ("Han er lesbisk.", "lesbisk"),
    ("Han er transkvinde.", "transkvinde"),
    ("Han har sex med mænd.", "sex med mænd"),
    ("Han er kønsforvirret.", "kønsforvirret"),
    ("Han ønsker at skifte køn.", "skifte køn"),
    ("Han er pansexuel.", "pansexuel"),
    ("Han har en fetich for latex.", "fetich"),
    ("Han er åben om at være homoseksuel.", "homoseksuel"),
    ("Han har fortalt, at han tiltrækkes af mænd.", "tiltrækkes"),
]


@pytest.mark.parametrize(("sentence", "secret"),
                         RELIGION + ETHNICITY + POLITICS + TRADE_UNION)
def test_special_categories_in_many_phrasings(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    out = _out(analyzer, sentence)
    assert _gone(out, secret) and "(rhl. § 10)]" in out, out


@pytest.mark.parametrize(("sentence", "secret"), HEALTH + SEXUALITY)
def test_health_and_sexuality_in_many_phrasings(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    out = _out(analyzer, sentence, NOT_HELBRED)
    assert _gone(out, secret) and "(rhl. § 10)]" in out, out


# ---- R3: security ---------------------------------------------------------------------
# monitored communication, in any word order, active or passive
MONITORED = [
    ("Hans telefonsamtaler har i en periode været kontrolleret.", "kontrolleret"),
    ("I en periode har hans telefonsamtaler været kontrolleret.", "kontrolleret"),
    ("Der har været kontrol med hans telefonsamtaler siden marts.", "telefonsamtaler"),
    ("Hans opkald bliver fortsat optaget af fængslet.", "optaget"),
    ("Fængslet har aflyttet flere af hans samtaler med kæresten.", "aflyttet"),
    ("Personalet lytter med, når han ringer hjem.", "lytter med"),
    ("Hans telefon er under kontrol.", "under kontrol"),
    ("Det er besluttet at kontrollere hans telefonsamtaler.", "kontrollere"),
    ("Hans post bliver læst af personalet.", "læst"),
    ("Hans breve åbnes og læses før udlevering.", "læses"),
    ("Der er indført kontrol med hans korrespondance.", "korrespondance"),
    ("Besøgene har siden maj været overvåget af personalet.", "overvåget"),
    ("Telefonsamtalerne har været aflyttet i tre måneder.", "aflyttet"),
]

# what the police did: arrest, detention, questioning, search, suspicion, a pending case
POLICE = [
    ("Et brev til en veninde blev tilbageholdt af politiet.", "tilbageholdt"),
    ("Han blev tilbageholdt af politiet i lufthavnen.", "tilbageholdt"),
    ("Han blev anholdt af politiet i sin lejlighed i august.", "anholdt"),
    ("Politiet anholdt ham på Nørrebro Station.", "anholdt"),
    ("Han blev standset af politiet og visiteret.", "standset"),
    ("Han sad i detentionen natten over.", "detentionen"),
    ("Han er indkaldt til afhøring hos Østjyllands Politi.", "afhøring"),
    ("Politiet ransagede hans bil i oktober.", "ransagede"),
    ("Han afventer et retsmøde i en sag om trusler.", "trusler"),
    ("Han er efterlyst i Sverige.", "efterlyst"),
    ("Han er mistænkt for at have deltaget i et røveri i Vejle.", "mistænkt"),
    ("Politiet mistænker ham for at sælge stjålne cykler.", "mistænker"),
    # the police's information, a charge to come, a criminal network
    ("Midt- og Vestjyllands Politi oplyser, at han fortsat kommer i miljøet.", "oplyser"),
    ("Københavns Politi har oplyst, at han er set sammen med kendte hælere.", "hælere"),
    ("Ifølge politiets oplysninger sælger han stadig stjålne telefoner.", "sælger"),
    ("Efter politiets oplysninger er der en ny sigtelse på vej.", "sigtelse"),
    ("Der er en ny sigtelse på vej for vold.", "sigtelse"),
    ("Han har fået nye sigtelser for tyveri.", "sigtelser"),
    ("Han indgår i et netværk, som smugler cigaretter fra Polen.", "smugler"),
    ("Han er en del af et netværk, der står bag flere indbrud.", "indbrud"),
]

SECURITY_OTHER = [
    ("Ifølge politiet har han forbindelse til Loyal to Familia.", "Loyal to Familia"),
    ("Han er prøvemedlem i Bandidos.", "Bandidos"),
    ("Han har været hangaround i en rockerklub.", "hangaround"),
    ("Han har tidligere båret skydevåben.", "skydevåben"),
    ("Han er registreret i politiets bandedatabase.", "bandedatabase"),
    ("Der er udarbejdet en bekymringsvurdering vedrørende radikalisering.", "radikalisering"),
    ("Han er drøftet i Infohus Fyn.", "Infohus"),
    ("Han har aldrig været medlem af Hells Angels, men kender flere.", "Hells Angels"),
    ("Han er ikke bandemedlem, men kommer i miljøet.", "bandemedlem"),
    ("Han er bandetilknyttet.", "bandetilknyttet"),
    ("Han er rockerrelateret.", "rockerrelateret"),
    ("Han var i besiddelse af en kniv, da han blev anholdt.", "kniv"),
    ("Hans Facebook-profil overvåges af politiet.", "overvåges"),
    # weapons and permits, the multi-agency meetings, concern
    ("Han har tilladelse til at eje et haglgevær.", "haglgevær"),
    ("Han ejer en luftpistol.", "luftpistol"),
    ("Der blev fundet en softgun i hans bil.", "softgun"),
    ("Han har et boksejern.", "boksejern"),
    ("Han har ammunition liggende hos en ven.", "ammunition"),
    ("Hans våbentilladelse er inddraget.", "våbentilladelse"),
    ("Sagen er drøftet på MARAC-konferencen i Holbæk.", "MARAC"),
    ("Han er omfattet af en PSP-indsats.", "PSP"),
    ("Der er sendt en underretning til Infohuset.", "Infohuset"),
    ("Han deltager i exitforløb hos Kriminalforsorgen.", "exitforløb"),
    ("Der er lavet en bekymringsvurdering.", "bekymringsvurdering"),
    ("Han deler ekstremistisk materiale på nettet.", "ekstremistisk"),
]


@pytest.mark.parametrize(("sentence", "secret"), MONITORED + POLICE)
def test_monitored_communication_and_police_action_are_security(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    out = _out(analyzer, sentence)
    assert _gone(out, secret) and R3 in out, out


@pytest.mark.parametrize(("sentence", "secret"), SECURITY_OTHER)
def test_security_in_many_phrasings(analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence), secret)


# ---- R5: prison-internal matters ------------------------------------------------------
INTERNAL = [
    ("Han opholder sig i afsnit C, celle 12.", "celle 12"),
    ("Han er overflyttet fra afdeling D til afdeling B.", "afdeling D"),
    ("Han bor på stue 14 på afdelingen.", "stue 14"),
    ("Han er rykket til værelse 23 i hus 2.", "værelse 23"),
    ("Han er anbragt på sikret afdeling.", "sikret afdeling"),
    ("Han har fået frataget sit besøgskort for tre måneder.", "besøgskort"),
    ("Han fik 7 dages strafcelle efter en konflikt.", "strafcelle"),
    ("Han er udelukket fra fællesskab i 14 dage.", "udelukket"),
    ("Hans udgangstilladelse blev inddraget.", "udgangstilladelse"),
    ("Han har haft to ledsagede udgange uden problemer.", "ledsagede udgange"),
    ("Han udeblev fra en udgang i juni.", "udeblev"),
    ("Han er placeret på modtageafdelingen.", "modtageafdelingen"),
    ("Han blev sat i sikringscelle i fem timer.", "sikringscelle"),
    ("Han sidder på en isolationsafdeling.", "isolationsafdeling"),
    ("Han er flyttet til en anden fløj efter uro.", "fløj"),
    ("Han er idømt en bøde på 300 kr. for ordensovertrædelse.", "ordensovertrædelse"),
    ("Han bor i afd. C, hus 4, stue 2.", "stue 2"),
    ("Han har fået tildelt plads på afdeling Syd.", "afdeling Syd"),
    ("Han fik advarsel af fængslet for at komme for sent fra arbejde.", "advarsel"),
    ("Han har fået frataget sin tv-ret i en uge.", "tv-ret"),
    ("Han blev overført fra Enner Mark til Nyborg Fængsel efter en trussel.", "trussel"),
    ("Han har været i konflikt med en betjent på afdelingen.", "betjent"),
    ("Der var en episode i gårdturen i september.", "gårdturen"),
    ("Han blev fundet beruset på afdelingen.", "beruset"),
    ("Han har fået bevilget udgang til sin datters konfirmation.", "udgang"),
    ("Han var på udgang og kom for sent tilbage.", "for sent"),
    ("Han har søgt om fremstilling til sin mors begravelse.", "fremstilling"),
    ("Han har fået afslag på at få besøg af sin bror.", "afslag"),
    ("Han har ansøgt om overførsel til åbent fængsel.", "overførsel"),
    ("Han har været involveret i et slagsmål med en medindsat.", "slagsmål"),
    ("Han er placeret i et enkeltmandsrum.", "enkeltmandsrum"),
    ("Han har sultestrejket i fem dage.", "sultestrejk"),
    ("Han mistede sin arbejdsdusør i en uge.", "arbejdsdusør"),
    ("Hans cellerum blev ransaget.", "ransaget"),
    ("Han blev sat på observation i 24 timer.", "observation"),
    ("Han er blevet flyttet til sikringsafdelingen.", "sikringsafdelingen"),
    ("Han arbejder som gangmand.", "gangmand"),
    ("Han har ansøgt om at komme i afsoningsfællesskab med sin kæreste.",
     "afsoningsfællesskab"),
    ("Han går på fængslets skole tre dage om ugen.", "fængslets skole"),
    ("Han deler celle med en anden indsat.", "deler celle"),
    ("Han har været kalfaktor på afdelingen.", "kalfaktor"),
    # electronic monitoring at home: the alarm, the schedule overrun
    ("Elektronisk alarm kl. 21.40: han var ikke hjemme.", "21.40"),
    ("Han overskred hjemmetiden med en halv time.", "hjemmetiden"),
    # a disciplinary case
    ("Afgørelse: 10 dages strafcelle.", "strafcelle"),
    ("Han fik en bøde på 500 kr. for besiddelse af en mobiltelefon.", "mobiltelefon"),
    ("Sagen er afgjort med en advarsel.", "advarsel"),
    ("Disciplinærsag nr. 2026-114.", "2026-114"),
    ("Forseelse: besiddelse af mobiltelefon.", "mobiltelefon"),
    ("Han har påklaget afgørelsen til Direktoratet.", "påklaget"),
    ("Der blev fundet 4 gram hash ved en cellevisitation.", "cellevisitation"),
    ("Han nægtede at afgive urinprøve.", "nægtede"),
    ("Han har smuglet hash ind via besøg.", "smuglet"),
    ("Han spyttede på en betjent.", "spyttede"),
    ("Der blev fundet hjemmebrændt sprit på cellen.", "hjemmebrændt"),
    ("Han var ikke hjemme ved kontrolbesøget.", "kontrolbesøget"),
    ("Tilladelsen til afsoning med fodlænke er tilbagekaldt.", "tilbagekaldt"),
    ("Han har overskredet tidsplanen to gange.", "tidsplanen"),
    ("Den elektroniske alarm gik i gang kl. 02.10.", "02.10"),
]


@pytest.mark.parametrize(("sentence", "secret"), INTERNAL)
def test_internal_matters_in_many_phrasings(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence), secret)


# ---- R4: details of the act (in the description and in the causes part) ----------------
ACT = [
    ("Hun overførte over 14 måneder 340.000 kr. fra fire beboeres konti på plejecentret, "
     "hvor hun arbejdede, til sin egen konto.", "340.000"),
    ("Han overførte i alt 340.000 kr. fra fire beboeres konti.", "340.000"),
    ("Bedragerierne foregik over 14 måneder.", "14 måneder"),
    ("Han hævede pengene over en periode på 14 måneder.", "14 måneder"),
    ("Kriminaliteten strakte sig over to år.", "to år"),
    ("Han tog 12.500 kr. fra kassen.", "12.500"),
    ("Han stjal for ca. 80.000 kr. fra sin arbejdsgiver.", "80.000"),
    ("Beløbet udgjorde 1,2 mio. kr.", "1,2 mio"),
    ("Han solgte 3 kg hash fra lejligheden.", "3 kg"),
    ("Han slog kæresten. Barnet var til stede i lejligheden.", "til stede"),
    ("Han var til stede under overfaldet.", "til stede"),
    ("Han stod vagt, mens de andre tømte butikken.", "stod vagt"),
    ("Han holdt udkig ved indkørslen.", "udkig"),
    ("Han ringede til de ældre og fik dem til at oplyse deres koder.", "koder"),
    ("Han brugte sin nevøs NemID til at optage lån.", "NemID"),
    ("Forurettede fik brækket næsen og to ribben.", "brækket"),
    ("Han truede kassedamen med et baseballbat.", "baseballbat"),
    ("Han blev pågrebet på gerningsstedet.", "gerningsstedet"),
    ("Han begik i alt 23 indbrud i sommerhuse.", "23 indbrud"),
    # with whom, how, where, with what, how it was seen, how he got in and away
    ("Han begik røveriet i forening med to andre.", "i forening med"),
    ("Han var maskeret og iført hættetrøje.", "maskeret"),
    ("Han var bevæbnet med en machete.", "machete"),
    ("Han brød bagdøren op med et koben.", "koben"),
    ("Han holdt en pistol op mod ekspedienten.", "pistol"),
    ("Han kvalte hende næsten.", "kvalte"),
    ("Han stak ham i låret.", "låret"),
    ("Overfaldet skete på en tankstation i Køge.", "tankstation"),
    ("Han fik udbytte på ca. 30.000 kr.", "30.000"),
    ("Det samlede udbytte var 1,8 millioner kroner.", "1,8 millioner"),
    ("Han blev filmet af et overvågningskamera.", "overvågningskamera"),
    ("Han blev genkendt på videoovervågningen.", "videoovervågningen"),
    ("Han efterlod DNA på gerningsstedet.", "DNA"),
    ("Han kørte med 2,1 promille.", "promille"),
    ("Han påkørte en cyklist og kørte fra stedet.", "cyklist"),
    ("Forurettede mistede bevidstheden.", "bevidstheden"),
    ("Offeret har fået varige mén.", "mén"),
    ("Han filmede overgrebet med sin telefon.", "filmede"),
    ("De kom ind gennem et vindue i kælderen.", "vindue"),
    ("Han løb fra politiet.", "løb fra politiet"),
    ("Under anholdelsen gjorde han modstand.", "modstand"),
    ("Han indrømmede at have slået drengen.", "drengen"),
    ("Hun blev holdt fast, mens han tog hendes telefon.", "holdt fast"),
    ("Han lagde en GPS-tracker på hendes bil.", "GPS"),
    ("Han fotograferede hende uden hendes viden.", "viden"),
]


@pytest.mark.parametrize("head", [DESCRIPTION, CAUSES], ids=["beskrivelse", "aarsager"])
@pytest.mark.parametrize(("sentence", "secret"), ACT)
def test_act_details_in_many_phrasings(
        analyzer: Analyzer, sentence: str, secret: str, head: str) -> None:
    assert _gone(_out(analyzer, sentence, head=head), secret)


# how the act came to light: told in the narrative of the offence (the causes part)
NARRATIVE = [
    ("En af beboerne opdagede det, da hans søn så kontoudtogene.", "kontoudtogene"),
    ("Bedrageriet blev opdaget ved en revision i 2025.", "revision"),
]


@pytest.mark.parametrize(("sentence", "secret"), NARRATIVE)
def test_the_narrative_of_the_act(analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence, head=CAUSES), secret)


# ---- a third person's own record (R1), in Danish, English and German --------------------
THIRD_PARTY_RECORD = [
    ("Hans storebror er tidligere straffet for vold.", "vold"),
    ("Hans kæreste har en voldsdom fra 2019.", "voldsdom"),
    ("Kæresten har tidligere afsonet for vold.", "afsonet"),
    ("Hans mor er under tilsyn af Kriminalforsorgen.", "tilsyn"),
    ("Hans fætter er sigtet for røveri.", "røveri"),
    ("Sein Bruder ist wegen Betrugs vorbestraft.", "Betrugs"),
    ("Ihre Mutter sitzt eine Haftstrafe in Kiel ab.", "Haftstrafe"),
    ("His brother is currently serving a sentence for burglary.", "burglary"),
    ("Her partner has previous convictions for assault.", "assault"),
    ("Hun er fraskilt fra sin mand, som bor i Vejle, og som selv afsoner en dom for vold.",
     "vold"),
    ("Han bor hos en ven, der selv har siddet inde.", "siddet inde"),
]


@pytest.mark.parametrize(("sentence", "secret"), THIRD_PARTY_RECORD)
def test_a_third_persons_record_in_many_phrasings(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence), secret)


# ---- statements from abroad: the same categories in English and German ----------------
FOREIGN = [
    ("His phone calls were monitored while he was on remand.", "monitored"),
    ("He is associated with an organised crime group.", "organised crime"),
    ("He has links to a gang in Leeds.", "gang"),
    ("He was referred to Prevent in 2022.", "Prevent"),
    ("He was discussed at a MAPPA meeting.", "MAPPA"),
    ("He was found with a knife at school.", "knife"),
    ("Seine Telefonate wurden überwacht.", "überwacht"),
    ("Er wurde von der Polizei festgenommen.", "festgenommen"),
    ("Gegen ihn läuft ein Ermittlungsverfahren wegen Körperverletzung.", "Ermittlungs"),
    ("He is located on B wing, cell 14.", "cell 14"),
    ("He received an adjudication for fighting.", "adjudication"),
    ("He was placed in segregation for ten days.", "segregation"),
    ("Er ist in Haftraum 212 untergebracht.", "Haftraum"),
    ("Er erhielt eine Disziplinarmaßnahme wegen Handybesitz.", "Disziplinarmaßnahme"),
    ("He is a practising Muslim.", "Muslim"),
    ("Er ist Mitglied der Gewerkschaft ver.di.", "ver.di"),
    ("Er ist kurdischer Herkunft.", "kurdischer"),
    ("He is of Somali descent.", "Somali"),
]
FOREIGN_HEALTH = [
    ("He has a diagnosis of bipolar disorder.", "bipolar"),
    ("He identifies as gay.", "gay"),
    ("Er ist homosexuell.", "homosexuell"),
    ("Er leidet an Depressionen.", "Depressionen"),
]


@pytest.mark.parametrize(("sentence", "secret"), FOREIGN)
def test_categories_in_english_and_german(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence), secret)


@pytest.mark.parametrize(("sentence", "secret"), FOREIGN_HEALTH)
def test_health_and_sexuality_in_english_and_german(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence, NOT_HELBRED), secret)


# ---- the keep side: K7 inside a chosen area, goals and agreed actions (K4), K6, K2 ------
KEEP = [
    # misbrug chosen: substances, doses, § 101 treatment, urine tests stay (K7)
    ("Han bruger dagligt hash og har tidligere brugt kokain i weekenderne.", ("misbrug",)),
    ("Han er i metadonbehandling med 80 mg dagligt.", ("misbrug",)),
    ("Han skal afgive urinprøver to gange om ugen.", ("misbrug",)),
    ("Han er visiteret til ambulant behandling efter servicelovens § 101.", ("misbrug",)),
    ("Han har drukket 10-12 genstande om dagen før indsættelsen.", ("misbrug",)),
    ("Han ønsker døgnbehandling for sit misbrug af amfetamin efter løsladelsen.",
     ("misbrug",)),
    ("Urinprøverne har været rene siden august.", ("misbrug",)),
    ("Han tager Antabus under overvågning hos rusmiddelcentret.", ("misbrug",)),
    ("Han har et blandingsmisbrug af hash, piller og alkohol.", ("misbrug",)),
    # bolig chosen: the housing situation and rent debt stay
    ("Han har en huslejerestance på 18.000 kr. til Boligselskabet Sjælland.", ("bolig",)),
    ("Han er opsagt fra sin lejlighed på grund af huslejerestance.", ("bolig",)),
    ("Han har skrevet sig op til en bolig hos KAB.", ("bolig",)),
    ("Der er risiko for udsættelse, hvis restancen ikke betales.", ("bolig",)),
    # økonomi chosen: debts stay
    ("Han har gæld til SKAT på 120.000 kr. og til Kriminalforsorgen på 45.000 kr.",
     ("økonomi",)),
    ("Han har fået en afdragsordning med Gældsstyrelsen på 500 kr. om måneden.",
     ("økonomi",)),
    ("Han skylder 8.000 kr. i sagsomkostninger.", ("økonomi",)),
    ("Han betaler 2.000 kr. om måneden af på sit lån i banken.", ("økonomi",)),
    ("Han har en kassekredit på 25.000 kr., som er overtrukket.", ("økonomi",)),
    # helbred chosen: diagnoses and medication stay
    ("Han har ADHD og får Concerta 54 mg.", ("helbred",)),
    ("Han er i behandling i distriktspsykiatrien for depression.", ("helbred",)),
    # goals, agreed actions, amounts and periods of the plan (K4)
    ("Han ønsker at tage et truckcertifikat og starte i job hos et vognmandsfirma.",
     EVERY_AREA),
    ("Det er aftalt, at han starter på FGU i Køge den 5. januar.", EVERY_AREA),
    ("Han skal have hjælp til at søge kontanthjælp fra løsladelsesdagen.", EVERY_AREA),
    ("Jobcentret indkalder ham til en samtale i uge 3.", EVERY_AREA),
    ("Målet er, at han har en bolig og en fast indtægt ved løsladelsen.", EVERY_AREA),
    ("Mentoren følger ham til møder i kommunen de første tre måneder.", EVERY_AREA),
    ("Han har brug for hjælp til at åbne en bankkonto og få MitID.", EVERY_AREA),
    ("Han skal søge om enkeltydelse til depositum på 15.000 kr.", EVERY_AREA),
    ("Han vil gerne arbejde som tømrer og har tidligere haft job i 14 måneder.", EVERY_AREA),
    ("Han har været i praktik i 3 måneder hos en vognmand.", EVERY_AREA),
    ("Han har fået 5.000 kr. fra kommunen til møbler.", EVERY_AREA),
    ("Han skal betale 4.500 kr. i husleje fra sin konto hver måned.", EVERY_AREA),
    ("Han har overført 3.000 kr. til udlejer som depositum.", EVERY_AREA),
    ("Bostøttemedarbejderen var til stede i lejligheden ved indflytningen.", EVERY_AREA),
    ("Sagsbehandleren var til stede ved mødet i fængslet.", EVERY_AREA),
    ("Han har haft telefonsamtaler med jobcentret om praktik.", EVERY_AREA),
    ("Han har haft besøg af sin mor og sin søster.", EVERY_AREA),
    ("Han ringer til sin sagsbehandler hver uge.", EVERY_AREA),
    ("Han er i gang med at afdrage sin gæld og har overholdt aftalen i 14 måneder.",
     EVERY_AREA),
    ("Han opdagede i fængslet, at han er god til at lave mad.", EVERY_AREA),
    # ordinary words next to the new security and act phrasings
    ("Han har efterlyst mere hjælp fra sin sagsbehandler.", EVERY_AREA),
    ("Han efterlyser en fast kontaktperson i kommunen.", EVERY_AREA),
    ("Kommunen udbetalte kontanthjælp over tre måneder.", EVERY_AREA),
    ("Han har fået 12.000 kr. fra sin arbejdsgiver i feriepenge.", EVERY_AREA),
    ("Han får 5.000 kr. fra virksomheden i løntilskud.", EVERY_AREA),
    ("Han får 15.000 kr. fra a-kassen om måneden.", EVERY_AREA),
    ("Han har fået post fra kommunen om sin boligstøtte.", EVERY_AREA),
    ("Han skal ringe til jobcentret hver mandag, og det bliver noteret.", EVERY_AREA),
    ("Mentoren var til stede under samtalen med udlejeren.", EVERY_AREA),
    ("Han var til stede ved indflytningen i lejligheden.", EVERY_AREA),
    ("Han har mistet troen på, at han kan få en lejlighed.", EVERY_AREA),
    ("Han har en stærk tro på fremtiden.", EVERY_AREA),
    ("Han har tidligere arbejdet som chauffør over en periode på 14 måneder.", EVERY_AREA),
    ("Han tømte sin lejlighed før indsættelsen.", EVERY_AREA),
    ("Han betalte 3.000 kr. fra sin konto til depositum.", EVERY_AREA),
    ("Han opdagede, at han havde gæld til SKAT.", EVERY_AREA),
    ("Han er indkaldt til samtale i jobcentret den 3. marts.", EVERY_AREA),
    ("Han er blevet kontaktet af kommunen om sin bolig.", EVERY_AREA),
    # the offence type and the sentence (K6), dates (K2)
    ("Han afsoner en dom på 1 år og 3 måneder for røveri.", EVERY_AREA),
    ("Han forventes prøveløsladt den 14. marts 2027.", EVERY_AREA),
]


@pytest.mark.parametrize(("sentence", "areas"), KEEP)
def test_what_must_stay_stays(analyzer: Analyzer, sentence: str,
                              areas: tuple[str, ...]) -> None:
    assert _out(analyzer, sentence, areas) == sentence


# ---- a § 10 clause goes, the goal or plan beside it stays (K4) ---------------------------
GOAL_BESIDE = [
    ("Han er medlem af 3F og påbegynder en uddannelse som chauffør i januar.", "3F",
     "uddannelse som chauffør"),
    ("Han er muslim og glæder sig til at starte på VUC.", "muslim", "starte på VUC"),
    ("Han er medlem af HK, men han har søgt job i en butik.", "HK", "søgt job i en butik"),
    ("Han har ADHD og skal starte i praktik hos en tømrer i marts.", "ADHD",
     "praktik hos en tømrer"),
    ("Han har PTSD, og kommunen har bevilget bostøtte fra løsladelsen.", "PTSD",
     "bevilget bostøtte"),
    ("Han er kurder og har fået tilbudt en lejlighed i Vejle.", "kurder", "lejlighed i Vejle"),
    ("Han går i kirke hver søndag og ønsker at flytte tæt på sin søster.", "kirke",
     "flytte tæt på"),
    ("Han er homoseksuel og vil gerne bo i København.", "homoseksuel", "bo i København"),
    ("Han har diabetes og tager kørekort til lastbil i foråret.", "diabetes",
     "kørekort til lastbil"),
    ("Han er medlem af Dansk Metal og ansøger om optagelse på smedeuddannelsen.",
     "Dansk Metal", "smedeuddannelsen"),
    ("Han er buddhist og modtager kontanthjælp fra løsladelsen.", "buddhist", "kontanthjælp"),
    ("Han har angst, men han møder stabilt op i praktikken.", "angst", "møder stabilt op"),
]


@pytest.mark.parametrize(("sentence", "gone", "kept"), GOAL_BESIDE)
def test_the_goal_beside_a_special_category_clause_stays(
        analyzer: Analyzer, sentence: str, gone: str, kept: str) -> None:
    out = _out(analyzer, sentence, ("bolig", "beskæftigelse", "uddannelse", "økonomi"))
    assert _gone(out, gone) and kept in out, out


@pytest.mark.parametrize("sentence", [
    # a measure that reveals a health condition is no plan word of its own
    "Han har PTSD og har fået fleksjob i en børnehave.",
    "Han har en hjerneskade og er blevet tilknyttet et ressourceforløb.",
])
def test_a_health_revealing_measure_goes_with_its_clause(
        analyzer: Analyzer, sentence: str) -> None:
    out = _out(analyzer, sentence, ("bolig", "beskæftigelse"))
    assert "fleksjob" not in out and "ressourceforløb" not in out, out


# ---- a form's field in Stamoplysninger that tells a § 10 fact, whatever its value ---------
@pytest.mark.parametrize(("line", "secret"), [
    ("Nationalitet: Somalisk", "Somalisk"),
    ("Oprindelsesland: Somalia", "Somalia"),
    ("Født i: Mogadishu", "Mogadishu"),
    ("Tolkebehov: Ja, arabisk", "arabisk"),
    ("Religion: Islam", "Islam"),
    ("Diagnoser: ADHD, PTSD", "PTSD"),
    ("Fagforening: 3F", "3F"),
])
def test_a_special_category_field_in_stamoplysninger(
        analyzer: Analyzer, line: str, secret: str) -> None:
    head = f"1. Stamoplysninger\nNavn: {CLIENT}\n"
    out = redact_section(analyzer, CLIENT, head, line + "\nDom: 2 år for røveri\n",
                         ("bolig",))
    assert _gone(out.split("\n", 1)[0], secret) and "Dom: 2 år for røveri" in out, out


# ---- ethnic origin in every form: every state's inhabitant noun, peoples without a state and
# their self-designations, the client's own language, origin "fra <land>", skin colour -------
ETHNICITY_EVERY_FORM = [
    ("Han er inuk.", "inuk"),
    ("Han er født i Nuuk og er kalaallit.", "kalaallit"),
    ("Hans familie er inuit fra Østgrønland.", "inuit"),
    ("Han har samisk baggrund.", "samisk"),
    ("Han er af romaslægt.", "romaslægt"),
    ("Han taler romani derhjemme.", "romani"),
    ("Han tilhører sinti-folket.", "sinti"),
    ("Han er tamil fra Sri Lanka.", "tamil"),
    ("Han er hazara og flygtede fra Afghanistan.", "hazara"),
    ("Han er pashtun.", "pashtun"),
    ("Han er oromo og kom fra Etiopien som barn.", "oromo"),
    ("Han er rohingya.", "rohingya"),
    ("Han er tigrinya-talende.", "tigrinya"),
    ("Han har brug for tolk på dari.", "dari"),
    ("Der skal bestilles en kurmanji-tolk til mødet.", "kurmanji"),
    ("Hans modersmål er urdu.", "urdu"),
    ("Han er af tyrkisk herkomst.", "tyrkisk"),
    ("Han er etnisk albaner fra Kosovo.", "albaner"),
    ("Han er pakistansk-dansk.", "pakistansk"),
    ("Han kom som flygtning fra Syrien i 2015.", "flygtning"),
    ("Hans mor er fra Grønland.", "Grønland"),
    ("Han er oprindeligt fra Eritrea.", "Eritrea"),
    ("Han er sydamerikaner.", "sydamerikaner"),
    ("Han er vestinder.", "vestinder"),
    ("Han er togoleser.", "togoleser"),
    ("Hans far er sydafrikaner.", "sydafrikaner"),
    ("Han er mørkhudet og har oplevet at blive stoppet af vagter.", "mørkhudet"),
    ("Han er mørk i huden.", "huden"),
    ("He is a Kurd from Iraq.", "Kurd"),
    ("He is British Pakistani.", "Pakistani"),
    ("He describes himself as mixed race.", "mixed race"),
    ("Er ist Türke.", "Türke"),
    ("Er ist Sinto und lebt in Kiel.", "Sinto"),
]


@pytest.mark.parametrize(("sentence", "secret"), ETHNICITY_EVERY_FORM)
def test_ethnic_origin_in_every_form(analyzer: Analyzer, sentence: str, secret: str) -> None:
    out = _out(analyzer, sentence)
    assert _gone(out, secret) and "(rhl. § 10)]" in out, out


# ---- expulsion and entry bans (R3, a marker that does not name it) ----------------------
EXPULSION = [
    ("Han er dømt udvist af Danmark for bestandig.", "udvist"),
    ("Han fik en udvisningsdom med indrejseforbud i 6 år.", "udvisningsdom"),
    ("Han har et indrejseforbud i Schengen.", "indrejseforbud"),
    ("Retten besluttede udvisning med indrejseforbud i 12 år.", "udvisning"),
    ("Han blev udvist betinget.", "udvist"),
    ("Han blev udvist ved dommen.", "udvist"),
    ("Han er på tålt ophold.", "tålt ophold"),
    ("Han skal udsendes efter afsoningen.", "udsendes"),
    ("Han skal bo på Udrejsecenter Kærshovedgård.", "Kærshovedgård"),
    ("Han blev tvangsudsendt til Irak i 2021.", "tvangsudsendt"),
    ("A deportation order was made in 2024.", "deportation"),
    ("Er wurde 2023 abgeschoben.", "abgeschoben"),
    ("Gegen ihn besteht ein Einreiseverbot.", "Einreiseverbot"),
]


@pytest.mark.parametrize(("sentence", "secret"), EXPULSION)
def test_expulsion_and_entry_bans(analyzer: Analyzer, sentence: str, secret: str) -> None:
    out = _out(analyzer, sentence)
    assert _gone(out, secret) and "udvis" not in out.lower(), out


# ---- security inside and outside: separation, transfers for threats, hearings, protests,
# escapes, covert methods, weapons hidden inside, visits under control (R3, R5) -----------
SECURITY_INSIDE = [
    ("Han er overført fra Storstrøm til Nyborg pga. trusler.", "trusler"),
    ("Han blev flyttet til en anden afdeling på grund af trusler fra medindsatte.", "trusler"),
    ("Han er varetægtsfængslet i isolation.", "isolation"),
    ("Han sidder i frivillig isolation af hensyn til sin sikkerhed.", "isolation"),
    ("Han er placeret på beskyttelsesafdeling.", "beskyttelsesafdeling"),
    ("Han har bedt om at blive udskilt fra fællesskabet.", "udskilt"),
    ("Han blev forhørt af afdelingslederen efter episoden.", "forhørt"),
    ("Han blev indkaldt til forhør om mobiltelefonen.", "forhør"),
    ("Der blev afholdt disciplinærhøring den 3. maj.", "disciplinærhøring"),
    ("Han fik en bøde på 200 kr. for fund af mobiltelefon.", "mobiltelefon"),
    ("Han nægtede at returnere til cellen.", "returnere"),
    ("Han nægtede at gå tilbage på sin stue efter gårdturen.", "tilbage"),
    ("Han rømte fra Kragskovhede i 2024.", "rømte"),
    ("Han er undveget fra en institution to gange.", "undveget"),
    ("Han er anholdt på ny.", "anholdt"),
    ("Han blev anholdt igen i weekenden.", "anholdt"),
    ("Han har fået kontrolleret besøg.", "kontrolleret"),
    ("Hans besøg foregår under opsyn af en betjent.", "opsyn"),
    ("Hans telefonsamtaler bliver monitoreret.", "monitoreret"),
    ("Han blev afsløret via teleobservation.", "teleobservation"),
    ("Han er omfattet af skærpet kontrol.", "skærpet kontrol"),
    ("Han er kategoriseret som højrisiko-indsat.", "højrisiko"),
    ("Han havde skjult et barberblad i sin madras.", "barberblad"),
    ("Der blev fundet et hjemmelavet våben på hans stue.", "våben"),
    ("Han har tilknytning til Nordic Resistance Movement.", "Nordic"),
    ("Han er registreret som foreign fighter.", "foreign fighter"),
]


@pytest.mark.parametrize(("sentence", "secret"), SECURITY_INSIDE)
def test_security_inside_and_outside_in_more_phrasings(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence), secret)


# ordinary words beside the new phrasings stay
KEEP_BESIDE_SECURITY = [
    "Han har udvist god adfærd under afsoningen.",
    "Han har udvist stor motivation for at komme i job.",
    "Han har forhørt sig om mulighederne for en uddannelse som smed.",
    "Han har overført 3.000 kr. fra sin konto til udlejer.",
    "Han er flyttet fra Vejle til Odense for at komme væk fra miljøet.",
    "Kommunen har overført sagen fra Jobcenter Vejle til Jobcenter Kolding.",
    "Han taler dansk og engelsk og har ikke brug for tolk.",
    "Han ønsker at undgå isolation efter løsladelsen og vil gerne i en klub.",
    "Han skal have besøg af bostøtten to gange om ugen.",
    "Han så en udsendelse om uddannelse på tv.",
    "Han er rejst til Aalborg for at besøge sin mor.",
]


@pytest.mark.parametrize("sentence", KEEP_BESIDE_SECURITY)
def test_ordinary_words_beside_the_new_phrasings_stay(
        analyzer: Analyzer, sentence: str) -> None:
    assert _out(analyzer, sentence, EVERY_AREA) == sentence


# ---- substance-use treatment without a substance's name: § 101, day treatment, AA/NA, UA,
# relapse, clean, medicine misused (R2 outside misbrug, K7 inside; gambling disorder is a
# diagnosis kept under helbred too: test_category_classes) ----------------------------------
SUBSTANCE_TREATMENT = [
    ("Han har gennemført et dagbehandlingsforløb på Ringgården.", "dagbehandlingsforløb"),
    ("Han skal starte i § 101-behandling efter løsladelsen.", "101"),
    ("Han er visiteret til behandling efter servicelovens § 101.", "101"),
    ("Han går til NA-møder.", "NA-møder"),
    ("Han fik et tilbagefald efter tre måneder.", "tilbagefald"),
    ("Han afgiver UA to gange om ugen.", "UA"),
    ("Han har været clean i et år.", "clean"),
    ("Han er motiveret for behandling på et behandlingshjem.", "behandlingshjem"),
    ("Han har været på afvænning.", "afvænning"),
    ("Han har været i behandling på Lænke-ambulatoriet.", "Lænke"),
    ("Han har været afhængig af Rivotril.", "Rivotril"),
    ("Han tager Lyrica uden recept.", "Lyrica"),
    ("Han bruger lattergas.", "lattergas"),
]


@pytest.mark.parametrize(("sentence", "secret"), SUBSTANCE_TREATMENT)
def test_substance_treatment_outside_misbrug(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    out = _out(analyzer, sentence, ("bolig", "helbred"))
    assert _gone(out, secret) and "(rhl. § 10)]" in out, out


@pytest.mark.parametrize(("sentence", "secret"), SUBSTANCE_TREATMENT)
def test_substance_treatment_inside_misbrug_stays(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _out(analyzer, sentence, ("misbrug",)) == sentence


# what stays in a chosen area (K7, K4): the client's own use with its quantities, a claim for
# damages as a debt; and the LS/RNR risk of relapse into crime (K5) is no drug relapse
KEEP_IN_AREA = [
    ("Han røg dagligt 2-3 gram hash før anholdelsen.", ("misbrug",)),
    ("Han sniffede 2 gram kokain hver weekend.", ("misbrug",)),
    ("Han drak en flaske vodka om dagen før indsættelsen.", ("misbrug",)),
    ("Han har et dagligt forbrug af alkohol på ca. 15 genstande.", ("misbrug",)),
    ("Han har erstatningskrav på 40.000 kr. til forurettede.", ("økonomi",)),
    ("Han skylder 25.000 kr. i erstatning til de forurettede.", ("økonomi",)),
    ("Han vurderes at have middel risiko for tilbagefald.", ("bolig",)),
    ("Han er visiteret til et længerevarende botilbud efter § 108.", ("bolig",)),
    ("Han skal bo på et forsorgshjem efter § 110.", ("bolig",)),
    ("Han er visiteret til en skæv bolig i Slagelse.", ("bolig",)),
]


@pytest.mark.parametrize(("sentence", "areas"), KEEP_IN_AREA)
def test_what_stays_in_a_chosen_area(analyzer: Analyzer, sentence: str,
                                      areas: tuple[str, ...]) -> None:
    assert _out(analyzer, sentence, areas) == sentence


# ---- every category in English and German (statements and judgments from abroad): R2
# (substances, genetics, reproduction and the rest), R3, R5, and R4 in the causes part -------
FOREIGN_EVERY_CATEGORY = [
    ('He has type 2 diabetes.', 'diabetes'),
    ('Er hat Diabetes Typ 2.', 'Diabetes'),
    ('He is on methadone.', 'methadone'),
    ('Er ist heroinabhängig.', 'heroinabhängig'),
    ('Er konsumiert täglich Cannabis.', 'Cannabis'),
    ('He drinks heavily every day.', 'drinks'),
    ('He is a member of the Labour Party.', 'Labour'),
    ('Er ist Mitglied der AfD.', 'AfD'),
    ('He attends the mosque every Friday.', 'mosque'),
    ('Er ist gläubiger Muslim.', 'Muslim'),
    ('He is a member of Unite the Union.', 'Unite'),
    ('Er ist Mitglied der IG Metall.', 'IG Metall'),
    ('He is bisexual.', 'bisexual'),
    ('Sie ist lesbisch.', 'lesbisch'),
    ('She had an abortion in 2022.', 'abortion'),
    ('Sie hatte eine Fehlgeburt.', 'Fehlgeburt'),
    ('He is undergoing IVF treatment with his partner.', 'IVF'),
    ('His DNA profile is registered.', 'DNA'),
    ('Seine Fingerabdrücke wurden gespeichert.', 'Fingerabdrücke'),
    ('He carries a genetic disorder.', 'genetic'),
    ('Er hat eine Erbkrankheit.', 'Erbkrankheit'),
    ('He was placed on the segregation unit.', 'segregation'),
    ('He is on the basic regime.', 'basic regime'),
    ('He was transferred to HMP Belmarsh for security reasons.', 'security reasons'),
    ('Er wurde in eine andere Justizvollzugsanstalt verlegt.', 'verlegt'),
    ('Er wurde wegen Drohungen verlegt.', 'Drohungen'),
    ('He absconded from open conditions.', 'absconded'),
    ('Er ist aus dem offenen Vollzug entwichen.', 'entwichen'),
    ('He went on hunger strike.', 'hunger strike'),
    ('Er trat in einen Hungerstreik.', 'Hungerstreik'),
    ('He is a member of the Bandidos.', 'Bandidos'),
    ('Er gehört zum Umfeld der Hells Angels.', 'Hells Angels'),
    ('Nach Erkenntnissen der Polizei ist er Mitglied einer Rockergruppe.', 'Rockergruppe'),
    ('He is known to the police for gang activity.', 'gang'),
    ('Intelligence suggests he is still dealing.', 'Intelligence'),
    ('Er wird vom Verfassungsschutz beobachtet.', 'Verfassungsschutz'),
    ('He was found with a mobile phone in his cell.', 'mobile phone'),
    ('Bei einer Haftraumkontrolle wurde ein Handy gefunden.', 'Handy'),
    ('He was searched after the visit.', 'searched'),
    ('His visits are closed visits.', 'closed visits'),
    ('Er erhielt Besuchsverbot.', 'Besuchsverbot'),
    ('He is on remand in isolation.', 'isolation'),
    ('Er befindet sich in Isolationshaft.', 'Isolationshaft'),
    ('He was stabbed in the prison gym.', 'stabbed'),
    ('Er hat einen Mitgefangenen angegriffen.', 'angegriffen'),
    ('He owns a shotgun.', 'shotgun'),
    ('Er besitzt eine Schreckschusspistole.', 'Schreckschusspistole'),
]
FOREIGN_ACT = [
    ('He kicked the door in and took the television.', 'kicked'),
    ('He hit the victim several times with a bottle.', 'bottle'),
    ('The victim suffered a fractured skull.', 'fractured'),
    ('Er schlug dem Opfer mit einer Flasche auf den Kopf.', 'Flasche'),
    ('Das Opfer erlitt einen Schädelbruch.', 'Schädelbruch'),
    ('Er erbeutete 3.000 Euro.', '3.000 Euro'),
    ('He stole £4,000 from his employer.', '4,000'),
    ('Er drang über ein Fenster in das Haus ein.', 'Fenster'),
    ('According to the judgment, he used a knife.', 'knife'),
    ('Laut Urteil war er der Haupttäter.', 'Haupttäter'),
    ('He was armed with a machete.', 'machete'),
    ('He fled the scene in a stolen car.', 'fled the scene'),
]


@pytest.mark.parametrize(("sentence", "secret"), FOREIGN_EVERY_CATEGORY)
def test_every_category_in_english_and_german(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence), secret)


@pytest.mark.parametrize(("sentence", "secret"), FOREIGN_ACT)
def test_act_details_in_english_and_german(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence, head=CAUSES), secret)


# the plan's own words in English and German stay
FOREIGN_KEEP = [
    "He has been offered a job as a welder from January.",
    "He will live with his aunt after his release and has applied for housing benefit.",
    "Er hat eine Wohnung in Flensburg gefunden und beginnt eine Ausbildung als Koch.",
    "Er ist unabhängig von seiner Familie und zahlt seine Miete selbst.",
    "He is handy with tools and wants to work as a carpenter.",
    "Han har købt to stole og et bord til lejligheden.",
]


@pytest.mark.parametrize("sentence", FOREIGN_KEEP)
def test_the_plans_own_words_in_english_and_german_stay(
        analyzer: Analyzer, sentence: str) -> None:
    assert _out(analyzer, sentence, EVERY_AREA) == sentence


# the therapy of a substance-use treatment belongs to it: kept with misbrug chosen, removed
# without it; a therapy for a diagnosis stays health (R2 when helbred is not chosen)
THERAPY_OF_TREATMENT = [
    "I fængslet er han startet i et dagbehandlingsforløb på 8 uger med kognitiv gruppeterapi.",
    "Han går i samtaleterapi mod sit misbrug hos rusmiddelcentret.",
    "Han har gennemført døgnbehandling med miljøterapi på et behandlingshjem.",
]


@pytest.mark.parametrize("sentence", THERAPY_OF_TREATMENT)
def test_the_therapy_of_a_substance_treatment(analyzer: Analyzer, sentence: str) -> None:
    assert _out(analyzer, sentence, ("misbrug",)) == sentence
    out = _out(analyzer, sentence, ("bolig",))
    assert "terapi" not in re.sub(r"\[[^\]]*\]", " ", out), out


@pytest.mark.parametrize(("sentence", "secret"), [
    ("Han går i psykoterapi for sin angst.", "angst"),
    ("Han går i terapi hos en psykolog.", "terapi"),
    ("Han er i alkoholbehandling og har depression, som behandles med terapi.", "depression"),
])
def test_a_therapy_for_a_diagnosis_stays_health(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence, ("misbrug",)), secret)


# ---- the act in more phrasings: what the judgment tells, forced entry, stalking in numbers,
# the victim's things taken, proceeds hidden, a car burnt (R4, in both parts) --------------
ACT_MORE = [
    ("Det fremgår af dommen, at han var den aktive part.", "aktive part"),
    ("Af dommen fremgår det, at han planlagde det i flere uger.", "planlagde"),
    ("Retten lagde til grund, at han holdt døren.", "holdt døren"),
    ("Han tiltvang sig adgang til lejligheden.", "tiltvang"),
    ("Han sendte over 300 sms'er til sin tidligere kæreste.", "300"),
    ("Han opsøgte hende på hendes arbejdsplads flere gange.", "arbejdsplads"),
    ("Han tog hendes pung og løb.", "pung"),
    ("Han fik hjælp af en ven til at skjule pengene.", "skjule"),
    ("Han brændte bilen af bagefter.", "brændte"),
]


@pytest.mark.parametrize("head", [DESCRIPTION, CAUSES], ids=["beskrivelse", "aarsager"])
@pytest.mark.parametrize(("sentence", "secret"), ACT_MORE)
def test_act_details_in_more_phrasings(
        analyzer: Analyzer, sentence: str, secret: str, head: str) -> None:
    assert _gone(_out(analyzer, sentence, head=head), secret)


@pytest.mark.parametrize("sentence", [
    "Han har opsøgt jobcentret flere gange.",
    "Han sendte 3 ansøgninger til jobs i sidste uge.",
    "Han brændte for at komme i gang med uddannelsen.",
    "Han tog sin mors bil for at køre til jobcentret.",
])
def test_ordinary_words_beside_the_act_phrasings_stay(
        analyzer: Analyzer, sentence: str) -> None:
    assert _out(analyzer, sentence, EVERY_AREA) == sentence


@pytest.mark.parametrize(("sentence", "secret"), [
    ("Han har skiftet juridisk køn.", "juridisk køn"),
    ("Hun fik nyt personnummer ved sit juridiske kønsskifte.", "kønsskifte"),
    ("Han har cutting-adfærd i perioder.", "cutting"),
    ("Hun cutter sig, når hun er presset.", "cutter"),
])
def test_legal_gender_and_self_harm_in_more_words(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    out = _out(analyzer, sentence, NOT_HELBRED)
    assert _gone(out, secret) and "(rhl. § 10)]" in out, out


# ---- more places and measures inside: a section or pavilion by number, special units by name,
# privileges, names called, the cell alarm, a belt (R5); ordinary uses stay -----------------
INTERNAL_MORE = [
    ("Han bor på afsnit 4B.", "4B"),
    ("Han bor i pavillon 5.", "pavillon 5"),
    ("Han er på motivationsafdelingen.", "motivationsafdelingen"),
    ("Han mistede sin tv-tilladelse.", "tv-tilladelse"),
    ("Han er blevet omplaceret efter en konflikt.", "omplaceret"),
    ("Han har kaldt en betjent for luder.", "luder"),
    ("Han har trukket alarmen flere gange.", "alarmen"),
    ("Han blev fikseret.", "fikseret"),
    ("Han blev lagt i bæltefiksering i fire timer.", "bæltefiksering"),
]


@pytest.mark.parametrize(("sentence", "secret"), INTERNAL_MORE)
def test_internal_matters_in_more_phrasings(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence), secret)


@pytest.mark.parametrize("sentence", [
    "Han er fikseret på at få en lejlighed i Odense.",
    "Se afsnit 4 om beskæftigelse.",
    "Han er blevet omplaceret på sin arbejdsplads til lageret.",
    "Han har kaldt sin sagsbehandler for at aftale et møde.",
])
def test_ordinary_words_beside_the_internal_phrasings_stay(
        analyzer: Analyzer, sentence: str) -> None:
    assert _out(analyzer, sentence, EVERY_AREA) == sentence


# ---- substance treatment on a unit inside stays with misbrug (K7), income while serving
# stays with økonomi or beskæftigelse (K4); both go outside their areas (R5) ---------------
INSIDE_IN_AREA = [
    ("Han er startet i misbrugsbehandling på fængslets behandlingsafdeling.", ("misbrug",),
     "behandlingsafdeling"),
    ("Han har været på den stoffri afdeling siden maj.", ("misbrug",), "stoffri afdeling"),
    ("Han er flyttet til motivationsafdelingen for at forberede døgnbehandling.", ("misbrug",),
     "motivationsafdelingen"),
    ("Han har ingen indtægt under afsoningen ud over arbejdsdusør.", ("økonomi",),
     "arbejdsdusør"),
    ("Han sparer op af sin arbejdsdusør til et depositum.", ("beskæftigelse",),
     "arbejdsdusør"),
]


@pytest.mark.parametrize(("sentence", "areas", "secret"), INSIDE_IN_AREA)
def test_inside_matters_of_a_chosen_area_stay(
        analyzer: Analyzer, sentence: str, areas: tuple[str, ...], secret: str) -> None:
    assert _out(analyzer, sentence, areas) == sentence
    assert _gone(_out(analyzer, sentence, ("bolig",)), secret)


# ---- intelligence, gang milieu and exits, bans and restraining orders, extremism, the
# police's lists and meetings (R3) ---------------------------------------------------------
SECURITY_MILIEU = [
    ('Politiet har orienteret fængslet om, at han fortsat har kontakt til miljøet.', 'miljøet'),
    ('Politiet vurderer, at han er en central person i miljøet.', 'central'),
    ('Ifølge efterretninger fra politiet har han stadig forbindelse til banden.', 'banden'),
    ('Han ønsker at forlade rockermiljøet.', 'rockermiljøet'),
    ('Han har meldt sig ud af banden.', 'banden'),
    ('Han har deltaget i et exitforløb.', 'exitforløb'),
    ('Han er tilknyttet Kriminalforsorgens exitenhed.', 'exitenhed'),
    ('Han bærer tatoveringer, der viser tilhørsforhold til Satudarah.', 'Satudarah'),
    ('Han er kendt under kaldenavnet Ghost i miljøet.', 'Ghost'),
    ('Han er blevet skudt på i en konflikt mellem grupperinger.', 'skudt'),
    ('Der er en verserende konflikt mellem hans gruppering og en anden.', 'konflikt'),
    ('Han skylder penge til personer i bandemiljøet.', 'bandemiljøet'),
    ('Han er omfattet af en bandepakke-skærpelse.', 'bandepakke'),
    ('Han er dømt med bandeskærpelse efter § 81 a.', '81 a'),
    ('Han har opholdsforbud efter ordensbekendtgørelsen.', 'opholdsforbud'),
    ('Han må ikke opholde sig i Mjølnerparken.', 'opholde sig'),
    ('Politiet har udstedt et polititilhold.', 'polititilhold'),
    ('Der er givet tilhold mod ham.', 'tilhold'),
    ('Han har et tilhold mod at kontakte sin ekskæreste.', 'tilhold'),
    ('Han har overtrådt et tilhold.', 'tilhold'),
    ('Han har et opholdsforbud i Odense.', 'opholdsforbud'),
    ('Han har fået et kontaktforbud.', 'kontaktforbud'),
    ('Han er idømt et zoneforbud.', 'zoneforbud'),
    ('Han er under PSP-samarbejdet.', 'PSP'),
    ('Han drøftes på et netværksmøde med politiet.', 'politiet'),
    ('Han indgår i politiets fokusliste.', 'fokusliste'),
    ('Han er radikaliseret.', 'radikaliseret'),
    ('Han har sympati for jihadistisk ideologi.', 'jihadistisk'),
    ('Han har delt nazistisk propaganda.', 'nazistisk'),
    ('Han er tilknyttet højreekstremistiske miljøer.', 'højreekstremistiske'),
    ('Han har været på Infohus-møde.', 'Infohus'),
]


@pytest.mark.parametrize(("sentence", "secret"), SECURITY_MILIEU)
def test_security_milieu_bans_and_intelligence(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence), secret)


@pytest.mark.parametrize("sentence", [
    "Han må ikke komme i praktik før januar.",
    "Han har haft et møde med jobcentret om praktik.",
    "Der er aftalt et møde med kommunen i uge 4.",
])
def test_ordinary_meetings_and_restrictions_stay(analyzer: Analyzer, sentence: str) -> None:
    assert _out(analyzer, sentence, EVERY_AREA) == sentence


# ---- more classes: lay names of diseases and a cause of death, a debt's amount (K4), a crime
# with its place and evening, a room by its abbreviated number or next to the staff, an
# escape and the return by the police, a phone named as controlled ---------------------------
MORE_CLASSES = [
    ("Moderen fortalte, at hans far er død af skrumpelever.", "skrumpelever"),
    ("Han har åreforkalkning og galdesten.", "åreforkalkning"),
    ("Hans morfar døde af en blodprop.", "blodprop"),
    ("Han bor i stueetagen, vær. 7.", "vær. 7"),
    ("Han fik et værelse tæt ved personalekontoret.", "personalekontoret"),
    ("Han var rømmet fra opholdsstedet i to dage.", "rømmet"),
    ("Han blev bragt tilbage af politiet om natten.", "politiet"),
    ("Kæresten ringede på den kontrollerede telefon i går.", "kontrollerede"),
    ("Han har fået 2 år for røverier på tankstationer i Køge.", "tankstationer"),
    ("de var med den aften i Ringsted.", "Ringsted"),
]


@pytest.mark.parametrize(("sentence", "secret"), MORE_CLASSES)
def test_more_classes_go(analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert _gone(_out(analyzer, sentence), secret)


@pytest.mark.parametrize(("sentence", "areas"), [
    ("Han skylder ca. 1,4 mio. kr. til Skattestyrelsen i moms.", ("økonomi",)),
    ("Han har gæld på 1,2 mio. kr. til Gældsstyrelsen.", ("økonomi",)),
    ("Han har ADHD, har svært ved at sove og får melatonin.", ("helbred",)),
    ("Han er død af grin over sin nye lejlighed.", ("bolig",)),
])
def test_a_debt_and_the_clients_own_stay(analyzer: Analyzer, sentence: str,
                                         areas: tuple[str, ...]) -> None:
    assert _out(analyzer, sentence, areas) == sentence


def test_a_placement_in_stamoplysninger(analyzer: Analyzer) -> None:
    head = f"1. Stamoplysninger\nNavn: {CLIENT}\n"
    out = redact_section(analyzer, CLIENT, head,
                         "Institution: Statsfængslet Østjylland, afdeling Vest, celle 212\n"
                         "Dom: 2 år for røveri\n", ("bolig",))
    assert "celle 212" not in out and "afdeling Vest" not in out, out
    assert "Dom: 2 år for røveri" in out, out


# ---- a place named right after its kind is the place's name, not a person (K4) ----------
@pytest.mark.parametrize("sentence", [
    "Han kan bo på forsorgshjemmet Kærholm fra marts.",
    "Han har boet på herberget Lærkely i to måneder.",
    "Han har fået plads på bostedet Solsikken.",
])
def test_a_place_named_after_its_kind_stays(analyzer: Analyzer, sentence: str) -> None:
    assert _out(analyzer, sentence, ("bolig",)) == sentence


@pytest.mark.parametrize(("sentence", "name"), [
    ("Han bor hos sin kæreste Maja Holm.", "Maja"),
    ("Han har kontakt til kæresten Maja Holm.", "Maja"),
])
def test_a_person_after_a_relation_word_is_still_a_person(
        analyzer: Analyzer, sentence: str, name: str) -> None:
    assert name not in _out(analyzer, sentence, ("bolig",))
