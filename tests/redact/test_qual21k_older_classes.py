"""Issue 8, round 21: the older known classes, each in several invented phrasings.

- K3: staff on a shift at a prison, a pension or an institution named by the shift
  ("nattevagt Ivar Bjørnsholm", "aftenvagten Mette Lykkeberg") act in office.
- R1: a nickname after "kalder sig selv (for)" is the nickname of the one named before.
- R3: a disciplinary sanction inside the prison (straffuldbyrdelseslovens §§ 67-70):
  "sanktioneret med bøde", "bøde efter § 67"; a court's or a jobcentre's sanction is none.
- K4: a self-exclusion from gambling (ROFUS) protects the client's money: kept when økonomi
  is a koordineringsområde, removed otherwise.

Every sentence and person is invented; none is taken from an annotated set.
"""

from __future__ import annotations

import pytest
from harness import Case, stamdata
from harness import gone as _gone

CLIENT = "Valdemar Skovhøj Brinch"
CASE = Case(CLIENT, stamdata(CLIENT, cpr="120388-1453") + "2. Beskrivelse\n",
            areas=("bolig", "misbrug"))
_redact = CASE.redact


@pytest.mark.parametrize(("body", "name"), [
    ("Journalnotat 3. marts 2026 (nattevagt Ivar Bjørnsholm)\nValdemar sov roligt.\n",
     "Ivar Bjørnsholm"),
    ("Notat fra aftenvagten Mette Lykkeberg: Valdemar kom hjem kl. 22.\n", "Mette Lykkeberg"),
    ("Dagvagt Torsten Kjærbøl har talt med Valdemar om mødet den 4. maj 2026.\n",
     "Torsten Kjærbøl"),
    ("Journalnotat 5. maj 2026 (vikar Sune Bjerregaard)\nValdemar var på arbejde.\n",
     "Sune Bjerregaard"),
])
def test_staff_named_by_their_shift_act_in_office(body: str, name: str) -> None:
    assert name in _redact(body)


@pytest.mark.parametrize(("body", "nick"), [
    ("Medbeboeren Aksel Fjordvang presser de andre. Aksel kalder sig selv Ulven.\n", "Ulven"),
    ("Hans makker Ib Storgaard kalder sig selv for Tyrehovedet.\n", "Tyrehovedet"),
    ("En mand, der kalder sig selv Skyggen, har ringet til afdelingen.\n", "Skyggen"),
    ("En medbeboer, der omtaler sig selv som Glenten, låner hans oplader.\n", "Glenten"),
    ("En mand præsenterede sig som Kenni og tilbød ham arbejde på en byggeplads.\n", "Kenni"),
])
def test_a_nickname_after_kalder_sig_selv_goes(body: str, nick: str) -> None:
    assert nick not in _redact(body)


@pytest.mark.parametrize(("body", "secret"), [
    ("Han har haft en positiv urinprøve for hash, som blev sanktioneret med bøde efter § 67.\n",
     "sanktioneret med bøde"),
    ("Han blev i april sanktioneret med en bøde på 300 kr.\n", "sanktioneret"),
    ("Han fik en bøde efter straffuldbyrdelseslovens § 67 for at nægte en urinprøve.\n",
     "bøde efter"),
])
def test_a_disciplinary_sanction_in_prison_is_security(body: str, secret: str) -> None:
    # (misbrug is an area: the urine test alone would stay)
    out = _redact(body, ("misbrug",))
    assert _gone(out, secret), out


@pytest.mark.parametrize("body", [
    "Han skal fortsat betale af på bøden på 4.000 kr. efter dommen.\n",
    "Jobcentret har sanktioneret ham med et fradrag i kontanthjælpen i marts 2026.\n",
])
def test_a_fine_or_sanction_outside_the_prison_stays(body: str) -> None:
    assert _redact(body, ("økonomi",)) == body


@pytest.mark.parametrize("body", [
    "Han har i marts 2026 frivilligt registreret sig i ROFUS for et år.\n",
    "Hvordan: ROFUS-registreringen forlænges inden 1. september 2026.\n",
])
def test_a_gambling_self_exclusion_stays_under_oekonomi(body: str) -> None:
    assert _redact(body, ("økonomi",)) == body
    assert _gone(_redact(body, ("bolig", "beskæftigelse")), "ROFUS")


# ---- R1: lower-case given names of the population list in a name position ---------------
@pytest.mark.parametrize(("body", "name"), [
    ('En ven skrev under opslaget: "fedt du er ude, vi ses hos jonni i morgen".\n', "jonni"),
    ('Beskeden lød: "husk at hente tjalfe efter træning kl 16".\n', "tjalfe"),
    ("Han viste sms'en: »sussi siger du skylder hende for sidst«.\n", "sussi"),
])
def test_a_lower_case_name_of_the_population_list_in_a_message_goes(body: str,
                                                                    name: str) -> None:
    out = _redact(body)
    assert name not in out, out


@pytest.mark.parametrize("body", [
    'Han skrev: "det er sol og storm på én gang, vi ses i aften".\n',
    'Beskeden lød: "kan du ikke bare ringe i morgen, ask om lov først".\n',
])
def test_ordinary_words_in_a_message_stay(body: str) -> None:
    assert _redact(body) == body


def test_the_population_list_is_sourced_and_holds_no_ordinary_words() -> None:
    from pathlib import Path
    path = Path(__file__).parents[2] / "policies/lexicons/fornavne_befolkning.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = " ".join(ln for ln in lines if ln.startswith("#"))
    assert "Danmarks Statistik" in header and "CC BY 4.0" in header
    names = {ln for ln in lines if ln and not ln.startswith("#")}
    assert len(names) > 3000
    assert not names & {"Sol", "Storm", "Kim", "Ask", "Bo", "Max", "Tom", "Grace", "Boy"}


# ---- R4: a break-in's verb and particle split by a time or a place ------------------------
@pytest.mark.parametrize(("body", "secret"), [
    ("Valdemar brød i perioden maj-juli 2024 ind i fire rækkehuse i Brabrand.\n",
     "fire rækkehuse"),
    ("Han brød om natten ind på et autoværksted i Hinnerup.\n", "autoværksted"),
    ("Valdemar trængte sammen med en anden ind i et kolonihavehus.\n", "kolonihavehus"),
])
def test_a_split_break_in_verb_tells_the_act(body: str, secret: str) -> None:
    out = _redact(body)
    assert _gone(out, secret), out


# ---- K2/K7: a remark in brackets is its own clause; a depression after a birth is health --
def test_a_remark_in_brackets_goes_alone() -> None:
    body = stamdata(CLIENT, cpr="120388-1453",
                    extra="Indsat: 14. oktober 2025 (gravid i 5. måned)\n") + "2. Beskrivelse\n"
    out = Case(CLIENT, body).text("Valdemar ønsker en bolig.\n", ("bolig",))
    assert "Indsat: 14. oktober 2025" in out and "gravid" not in out, out
    body = stamdata(CLIENT, cpr="120388-1453",
                    extra="Prøveløsladelse: 3. marts 2027 (får ADHD-medicin)\n")
    out = Case(CLIENT, body + "2. Beskrivelse\n", cpr="120388-1453").text(
        "Valdemar ønsker en bolig.\n", ("bolig",))
    assert "Prøveløsladelse: 3. marts 2027" in out and "ADHD" not in out, out
    # a bracket after a name or a place explains it and goes with it
    out = _redact("Hun hænger ud på Café Lærkereden (hendes mors arbejde, hun drak der).\n",
                  ("bolig",))
    assert "Lærkereden" not in out, out


def test_a_depression_after_a_birth_is_kept_under_helbred() -> None:
    body = ("Efter fødslen fik hun en fødselsdepression. Sundhedsplejersken har fulgt mor "
            "og barn siden fødslen.\n")
    assert _redact(body, ("helbred",)) == body
    out = _redact(body, ("bolig",))
    assert "fødselsdepression" not in out and "siden fødslen" in out, out
    assert _gone(_redact("Hun er gravid og venter sig i maj.\n", ("helbred",)), "gravid")


# ---- R1/K1: a verb before the client's name opening a table cell is no one else ---------------
TABLE_HEAD = "| Hvem | Hvad | Hvornår |\n|------|------|---------|\n"


@pytest.mark.parametrize("task", [
    "Hente Valdemars ting i Vridsløse", "Køre Valdemar til mødet", "Hjælpe Valdemar med flytningen",
])
def test_a_verb_before_the_clients_name_in_a_cell_stays(task: str) -> None:
    out = _redact(TABLE_HEAD + f"| Lone (moster) | {task} | 26.03.2026 |\n")
    assert task in out and "Lone" not in out and "26.03.2026" in out, out


# ---- markers: each cell of a row removed as one sentence shows its own ground ----------------
def test_each_cell_of_a_removed_row_shows_its_ground() -> None:
    row = "| Aksel Fjordvang | Sad i isolation efter en visitation | Marts |\n"
    out = _redact(TABLE_HEAD + row)
    cells = [c.strip() for c in out.splitlines()[-1].strip("|").split("|")]
    assert "Aksel" not in out and "isolation" not in out, out
    assert cells[0] == "[person]" and cells[1] == "[udeladt: sikkerhed]", cells
