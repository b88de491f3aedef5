"""Round 22 leak and precision classes (issue 8, qual22k): a private person's licence or
permit number after its word (R1); the client's own name heading a line whose rest is § 10
(K1 stays); applications and decisions about the mode of serving (§ 78, transfers: R5); a
common noun used as a nickname after a cue (R1) while the animal stays; a tool's word only
as the tool (R4), never inside another word. Every sentence and person is invented."""

from __future__ import annotations

import re

import pytest
from harness import analyse, redact_section, redacted, stamdata

from gldocs.redact.detectors.online import find_bank_accounts
from gldocs.redact.engine import Analyzer

CLIENT = "Jonas Emil Vestergaard"
CPR = "170884-1937"
HEAD = stamdata(CLIENT, CPR) + "2. Beskrivelse\n"
AREAS = ("beskæftigelse", "bolig", "økonomi", "uddannelse")


def _out(analyzer: Analyzer, sentence: str, areas: tuple[str, ...] = AREAS) -> str:
    return redact_section(analyzer, CLIENT, HEAD, sentence, areas).strip()


def _kept(out: str, sentence: str) -> bool:
    return "[udeladt" not in out and out.rstrip(".") == sentence.rstrip(".")


# -- 1. a licence's or permit's number is a private person's identifier (R1) --------------

LICENCES = [
    ("Han har kørt for vognmand Torkild Maribo, bevillingsnr. 4-0381.", "4-0381"),
    ("Han kørte på taxibevilling nr. 6-2207 for en privat vognmand.", "6-2207"),
    ("Udlejeren har tilladelsesnr. 31-4470 til at drive værelsesudlejning.", "31-4470"),
    ("Han var ansat hos tømrermester Gunnar Bisgaard, autorisationsnr. 20945.", "20945"),
    ("Han kørte i sin svogers taxa med bevilling nr. 2-9918.", "2-9918"),
    ("Onklen har bevillingsnummer 88213 til sin pølsevogn.", "88213"),
    ("Hun arbejdede hos en frisør med næringsbrev nr. 44 190.", "44 190"),
]


@pytest.mark.parametrize(("sentence", "number"), [
    ("Han har arbejdet i Brian Holsts enkeltmandsvirksomhed, CVR-nr. 3817 2290.", "3817 2290"),
    ("Hans bror har kørekort nr. 27319044.", "27319044"),
])
def test_a_private_persons_company_or_document_number_still_goes(
        analyzer: Analyzer, sentence: str, number: str) -> None:
    out = _out(analyzer, sentence)
    assert number not in out, out


@pytest.mark.parametrize(("sentence", "number"), LICENCES)
def test_a_licence_number_goes(analyzer: Analyzer, sentence: str, number: str) -> None:
    out = _out(analyzer, sentence)
    assert number not in out, out
    assert "id-nummer]" in out, out


@pytest.mark.parametrize(("text", "number"), [
    ("bevillingsnr. 4-0381", "4-0381"), ("taxibevilling nr. 6-2207", "6-2207"),
    ("autorisations-id 20945", "20945"), ("tilladelsesnummer: 55 12", "55 12"),
    ("kørekortnummer er 31187720", "31187720"),
])
def test_the_finder_reads_a_licence_number(text: str, number: str) -> None:
    found = [p.text for p in find_bank_accounts(f"Han har {text} fra før.")
             if p.entity == "ID_NUMBER"]
    assert found == [number]


@pytest.mark.parametrize("text", [
    "Han har haft kørekort i 12 år.", "Bevillingen blev givet i 2024.",
    "Han har fået tilladelse til at arbejde 37 timer om ugen.",
    "Han har søgt om bevilling af 4000 kr. til depositum.",
])
def test_no_licence_number_without_one(text: str) -> None:
    assert not [p for p in find_bank_accounts(text) if p.entity == "ID_NUMBER"]


def test_the_clients_own_licence_stays(analyzer: Analyzer) -> None:
    head = stamdata(CLIENT, CPR, "Taxibevilling nr.: 5-2290\n") + "2. Beskrivelse\n"
    text = head + "Han kører på sin bevilling, bevillingsnr. 5-2290, for et taxiselskab.\n"
    out = redacted(analyse(text, CLIENT, AREAS, cpr=CPR, analyzer=analyzer))
    assert out.count("5-2290") == 2, out


# -- 2. the client's name heading a line whose rest is § 10 stays (K1) ----------------------

HEADED = [
    ("VESTERGAARD, Jonas Emil, er født i Irak og har kurdisk baggrund.", "kurdisk"),
    ("VESTERGAARD, Jonas Emil (kurdisk oprindelse)", "kurdisk"),
    ("VESTERGAARD, Jonas Emil - etnisk somalier", "somalier"),
    ("VESTERGAARD, Jonas Emil, muslim, beder fem gange dagligt.", "muslim"),
    ("Jonas Emil Vestergaard: katolik og aktiv i menigheden.", "katolik"),
    # after a field's label
    ("Klient: VESTERGAARD, Jonas Emil (kurdisk oprindelse)", "kurdisk"),
    ("Navn på indsatte: VESTERGAARD, Jonas Emil - etnisk somalier", "somalier"),
    # another category's removal
    ("VESTERGAARD, Jonas Emil - tilknyttet Bandidos", "Bandidos"),
]


@pytest.mark.parametrize(("line", "secret"), HEADED)
def test_the_clients_name_heading_a_removed_line_stays(analyzer: Analyzer, line: str,
                                                       secret: str) -> None:
    out = _out(analyzer, line)
    name = re.match(r"(?:[\w ]+: )?(?:VESTERGAARD, Jonas Emil|Jonas Emil Vestergaard)",
                    line)
    assert name is not None and out.startswith(name.group(0)), out
    assert secret not in out and "[udeladt" in out, out


@pytest.mark.parametrize(("line", "secret"), [
    # the name runs into the sentence: the sentence goes whole, as before
    ("Jonas Emil Vestergaard er af tyrkisk herkomst.", "tyrkisk"),
    # another person's name heading the line is no K1
    ("BISGAARD, Gunnar, er født i Irak og har kurdisk baggrund.", "Gunnar"),
])
def test_a_line_that_is_not_headed_by_the_client_goes(analyzer: Analyzer, line: str,
                                                      secret: str) -> None:
    out = _out(analyzer, line)
    assert secret not in out and "[udeladt" in out, out


# -- 3. applications and decisions about the mode of serving are prison-internal (R5) ------

SERVING = [
    ("Han har indgivet ansøgning om § 78-afsoning.", "78"),
    ("Jonas ansøgte om afsoning efter § 78 på et behandlingssted.", "78"),
    ("Han har fået afslag på § 78-anbringelse i Hvidovre.", "78"),
    ("Der er godkendt § 78-ophold på Behandlingscenter Lyngly fra 1. marts.", "Lyngly"),
    ("§ 78-anbringelsen er bevilget.", "78"),
    ("Han søger om at afsone på behandlingsinstitution efter straffuldbyrdelseslovens § 78.",
     "behandlingsinstitution"),
    ("Han har søgt om overflytning til en anden institution.", "overflytning"),
]


@pytest.mark.parametrize(("sentence", "secret"), SERVING)
def test_a_decision_on_the_mode_of_serving_goes(analyzer: Analyzer, sentence: str,
                                                secret: str) -> None:
    out = _out(analyzer, sentence)
    assert secret not in out and "[udeladt: ikke nødvendigt]" in out, out


def test_the_time_after_release_stays_beside_it(analyzer: Analyzer) -> None:
    out = _out(analyzer, "Han ansøgte om afsoning efter § 78 og ønsker at få egen bolig "
                         "efter løsladelsen.")
    assert "78" not in out and "egen bolig efter løsladelsen" in out, out


@pytest.mark.parametrize("sentence", [
    "Han forventes prøveløsladt på 2/3-tid den 14.03.2027.",
    "Han har søgt om boligstøtte.",
    "Kommunen har søgt om plads på et bosted efter løsladelsen.",
    "Han har søgt om prøveløsladelse på halv tid.",
])
def test_the_release_and_the_kommunes_applications_stay(analyzer: Analyzer,
                                                        sentence: str) -> None:
    out = _out(analyzer, sentence)
    assert _kept(out, sentence), out


# -- 4. a common noun as a nickname after a cue is a person (R1); the animal stays ---------

NICKNAMES = [
    ("Han har fået penge af en person kaldet ræven.", "ræven"),
    ("Han skylder penge til ham de kalder tyren.", "tyren"),
    ("Han skylder penge til en mand, de kalder ulven.", "ulven"),
    ("Han har lånt penge af en fyr kaldet hajen.", "hajen"),
    ("Hans kammerat, bjørnen, har skaffet ham et værelse.", "bjørnen"),
    ("Han har fået hjælp af en ven, grævlingen, til flytningen.", "grævlingen"),
    ("Han handlede med en mand, der kaldes bare høgen.", "høgen"),
    ("Han skylder penge til ham de kalder slagteren.", "slagteren"),
    ("Han lånte bilen af en fyr med øgenavnet »kaptajnen«.", "kaptajnen"),
]


@pytest.mark.parametrize(("sentence", "nickname"), NICKNAMES)
def test_a_nickname_in_lower_case_goes(analyzer: Analyzer, sentence: str,
                                       nickname: str) -> None:
    out = _out(analyzer, sentence)
    assert nickname not in out, out


@pytest.mark.parametrize("sentence", [
    "Han arbejder i zoologisk have og passer bjørnen.",
    "Han kalder hunden ind om aftenen.",
    "Naboen har en hund, og hunden gør om natten.",
    "Han blev kaldet ind til samtale hos jobcentret.",
    "Han har en kat og drømmer om at arbejde med heste.",
])
def test_the_animal_stays(analyzer: Analyzer, sentence: str) -> None:
    out = _out(analyzer, sentence)
    assert _kept(out, sentence), out


# -- 5. a tool's word only as the tool (R4), never inside another word ---------------------

NOT_TOOLS = [
    "Han kom hjem med et batteri til cyklen.",
    "Han arbejder sammen med en rørlægger fra kommunen.",
    "Han er i lære med en stenhugger.",
    "Han har en aftale med en stangerupper om at dele lejlighed.",
    "Han har fået job med en stenbro-entreprenør.",
    "Han deltog med en stenalderudstilling i projektet.",
    "Han kom med en bataljon fra hæren.",
    "Han har fået praktik med en sten- og brolægger.",
    "Han lever nu med en stabil økonomi.",
    "Han spiller i band med en saksofon.",
    "Han arbejder som rørlægger og kører med en varevogn.",
    "Han kom med et rørformet stativ til værkstedet.",
    "Han tager på fisketur med sit stangtøj.",
]


@pytest.mark.parametrize("sentence", NOT_TOOLS)
def test_a_word_holding_a_tools_letters_stays(analyzer: Analyzer, sentence: str) -> None:
    out = _out(analyzer, sentence)
    assert _kept(out, sentence), out


@pytest.mark.parametrize("sentence", [
    "Han mødte op med en jernstang.",
    "Han mødte op med et baseballbat.",
    "Han kom med et jernrør i tasken.",
    "Han dukkede op med en brosten.",
    "Han mødte op med et rør.",
    "Han mødte op med en sten.",
    "Han stod i døren med sin kniv.",
    "Han kom med en stor kniv og en flaske.",
])
def test_the_tool_still_goes(analyzer: Analyzer, sentence: str) -> None:
    out = _out(analyzer, sentence)
    assert out == "[udeladt: ikke nødvendigt]", out
