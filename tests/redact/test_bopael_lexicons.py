"""Home detention, youth placements and control while serving: the `bopael` (R5) and
`kontrol` (R3) lexicons of the kommune policy, and what they must leave alone (K4)."""

from __future__ import annotations

import pytest
from harness import analyse, redacted

from gldocs.paths import POLICIES_DIR
from gldocs.redact.bundle import load_bundle
from gldocs.redact.detectors.lexicon import CategoryMatcher
from gldocs.redact.engine import Analyzer
from gldocs.redact.lexicon import load_lexicon
from gldocs.redact.model import Plan
from gldocs.redact.policy import load_policy

CLIENT = "Villads Brøndum Kjær"
CPR = "220708-4411"
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n\n2. Beskrivelse\n"


@pytest.fixture(scope="module")
def matcher() -> CategoryMatcher:
    return CategoryMatcher(load_bundle("kommune"))


def _plan(analyzer: Analyzer, sentence: str, areas: tuple[str, ...] = ("bolig",)) -> Plan:
    return analyse(HEAD + sentence + "\n", CLIENT, areas, cpr=CPR, analyzer=analyzer)


def _redact(analyzer: Analyzer, sentence: str, areas: tuple[str, ...] = ("bolig",)) -> str:
    return redacted(_plan(analyzer, sentence, areas))


R5_PLACEMENTS_AND_INCIDENTS = [
    "Under varetægten var han anbragt på Kompasset i Brande.",
    "Han er anbragt på ungdomsinstitutionen Egely.",
    "Han boede på et opholdssted under afsoningen.",
    "Han sad i surrogatvaretægt i fire uger.",
    "Han var tre måneder på en sikret institution.",
    "Han smækkede med døren, da han fik et nej.",
    "Han råbte ad personalet om aftenen.",
    "Han nægtede at låse sig ind den 2. februar.",
    "Der har været en konflikt med personalet om rygning.",
    "Han havde en diskussion med en medbeboer om musik.",
    "Han fik frataget sin telefon i en uge.",
    "Han blev sendt ind på sit værelse.",
    "Han er anbragt efter straffuldbyrdelseslovens § 78 på Egely.",
    "Han kom op at slås med en anden ung på gangen.",
    "Han smadrede inventaret på værelset.",
    "Der var et håndgemæng i gården.",
]

R3_CONTROL = [
    "Han kom 25 minutter for sent hjem fra arbejde.",
    "Han kom for sent hjem to gange i januar.",
    "Han kom hjem fra træning 40 minutter for sent.",
    "Han forlod boligen uden tilladelse.",
    "Tidsplanen blev ikke overholdt i weekenden.",
    "Han fik en påtale af tilsynet.",
    "Ved et uanmeldt kontrolbesøg var han ikke hjemme.",
    "Han blæste 0,3 i alkometeret.",
    "Fodlænken udløste alarm om natten.",
    "Der er kontrol med hans breve og telefon.",
    "Der blev lavet en sikkerhedsplan for hende.",
    "Han indgår i en efterforskning hos Østjyllands Politi.",
    "Han kommer i klubhuset hos Grey Ravens MC.",
    "Han er set sammen med MC Nordvind.",
    "Han er prøvemedlem i Iron Hounds Motorcycle Club.",
    "Han hænger ud med Tordenkile Support.",
    "Systemet har registreret, at hun forlod boligen før tid.",
    "Hun kom hjem efter det godkendte tidspunkt.",
    "Ved gentagelse kan han blive overført til afsoning i fængsel.",
    "Tilladelsen til afsoning med fodlænke kan blive tilbagekaldt.",
    "Han stak af fra opholdsstedet i to døgn.",
    "Han blev fastholdt af to pædagoger.",
    "Vilkårene blev indskærpet over for ham.",
    "Han sad i afsondring i to timer.",
    "Han rømmede fra institutionen i weekenden.",
    "Han nægtede at aflevere en urinprøve.",
    "Han var 30 minutter for sent den 3. januar.",
    "Han var et kvarter for sent i søndags.",
    "Han blev registreret uden for bopælen 40 minutter efter det aftalte tidspunkt.",
    "Hun kom hjem 20 minutter efter det aftalte tidspunkt.",
]


@pytest.mark.parametrize("sentence", R5_PLACEMENTS_AND_INCIDENTS)
def test_placements_and_internal_incidents_are_r5(analyzer: Analyzer, sentence: str) -> None:
    plan = _plan(analyzer, sentence)
    hits = [f for f in plan.findings if f.action == "remove" and f.text == sentence]
    assert hits and any(f.rule == "R5" for f in hits), sentence
    assert sentence not in _redact(analyzer, sentence)


@pytest.mark.parametrize("sentence", R3_CONTROL)
def test_control_while_serving_is_r3(analyzer: Analyzer, sentence: str) -> None:
    plan = _plan(analyzer, sentence)
    hits = [f for f in plan.findings if f.action == "remove" and f.text == sentence]
    assert any(f.rule == "R3" and f.marker == "[udeladt: sikkerhed]" for f in hits), sentence
    assert sentence not in _redact(analyzer, sentence)


@pytest.mark.parametrize("sentence", [
    # a placement planned with the municipality for after release is an intervention (K4)
    "Efter løsladelsen skal han anbringes på opholdsstedet Lærkereden.",
    "Kommunen har planlagt, at han bliver anbragt på et opholdssted ved løsladelsen.",
    # background, not the serving of the sentence
    "Som barn var han anbragt på Bakkegården i tre år.",
    # ordinary words near the vocabulary
    "Han følger sin tidsplan for skolen.",
    "Han ønsker at få et skema over sin uge.",
    "Han kom til tiden til mødet på jobcentret.",
    "Han vil gerne tage kørekort til MC.",
    "Han forlod skolen efter 9. klasse.",
    "Han er glad for personalet på skolen.",
    "Han har kontrol med sin økonomi.",
    "Han kontakter kommunens IT Support om sin digitale post.",
    "Han tager et Sommer MC-kursus.",
    "Fastholdelse i job er et mål for jobcentret.",
    "Han mødte efter det aftalte tidspunkt på jobcentret.",
    "Han kom 10 minutter for sent til mødet på jobcentret den 3. marts 2026.",
    "Han var en halv time for sent på arbejde i sidste uge.",
    "Han har fået en påtale fra boligselskabet om støj.",
    "Han kom 10 minutter efter det aftalte tidspunkt til samtalen hos sagsbehandleren.",
    "Han var anbragt uden for hjemmet fra han var syv år.",
    "Han har levet socialt afsondret de sidste år.",
    "Vi har indskærpet, at han skal møde på jobcentret hver mandag.",
])
def test_ordinary_and_planned_sentences_are_kept(analyzer: Analyzer, sentence: str) -> None:
    assert sentence in _redact(analyzer, sentence, ("bolig", "uddannelse", "økonomi"))


def test_rules_of_the_categories(matcher: CategoryMatcher) -> None:
    policy = load_policy("kommune")
    assert policy.categories["bopael"].rule == "R5"
    assert policy.categories["kontrol"].rule == "R3"
    assert policy.rule("R3").marker == "[udeladt: sikkerhed]"
    assert [m.text for m in matcher.find("kontrol", "Hun kom for sent hjem.")] == \
        ["for sent hjem"]


def test_lexicon_files_load() -> None:
    for name in ("bopael", "kontrol"):
        lex = load_lexicon(POLICIES_DIR / "lexicons", name)
        assert lex.terms and lex.patterns and lex.description


def test_refused_test_is_control_even_when_misbrug_is_an_area(analyzer: Analyzer) -> None:
    sentence = "Han nægtede at aflevere en urinprøve under afsoningen."
    assert sentence not in _redact(analyzer, sentence, ("misbrug",))
