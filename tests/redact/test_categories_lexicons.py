"""Category lexicons generalise: broad § 10 vocabulary, security and prison-internal terms,
offence detail, and the ordinary words that must not trigger them. Sentences are invented."""

from __future__ import annotations

import pytest
from harness import Case

CLIENT = "Oliver Brandt Møgelvang"
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 110287-3319\n\n2. Beskrivelse\n"


def _out(sentence: str, areas: list[str]) -> str:
    return Case(CLIENT, HEAD, ner=False).text(sentence, areas)


@pytest.mark.parametrize(("sentence", "secret"), [
    # health: somatic, psychiatric, drugs, hospital
    ("Oliver bruger en CPAP-maskine på grund af søvnapnø.", "søvnapnø"),
    ("Han har dissemineret sclerose og får Ocrevus hvert halve år.", "sclerose"),
    ("Han tager Efexor og Nozinan til natten.", "Efexor"),
    ("Han har været genindlagt to gange i efteråret.", "genindlagt"),
    ("Han har posttraumatisk belastningsreaktion efter krigen.", "posttraumatisk"),
    # reproductive health, also when helbred is an area
    ("Hans kæreste venter deres første barn i maj.", "første barn"),
    ("Parret er i fertilitetsbehandling på Hvidovre.", "fertilitetsbehandling"),
    # ethnic origin in origin phrasing
    ("Oliver kom til Danmark fra Eritrea som 12-årig.", "Eritrea"),
    ("Han har vietnamesisk baggrund.", "vietnamesisk"),
    ("Hans forældre er født i Bosnien.", "Bosnien"),
    ("Han er født i Nuuk og flyttede til Aalborg som 10-årig.", "Nuuk"),
    ("Hans mor er thailandsk.", "thailandsk"),
    # religion, politics, trade union, sexuality, genetics
    ("Han er sunnimuslim og går i moskeen om fredagen.", "moskeen"),
    ("Han er aktiv i partiforeningen lokalt.", "partiforeningen"),
    ("Han er medlem af Dansk Metal.", "Dansk Metal"),
    ("Han er meldt ind i 3F.", "3F"),
    ("Han har en kæreste af samme køn.", "samme køn"),
    ("En gentest viste en BRCA1-mutation.", "BRCA1"),
])
def test_special_categories_removed_outside_the_areas(sentence: str, secret: str) -> None:
    out = _out(sentence, ["helbred"] if "barn" in sentence or "fertilitet" in sentence
               else ["bolig"])
    assert secret not in out
    assert "(rhl. § 10)]" in out  # "[udeladt: helbred (rhl. § 10)]" names the kind


@pytest.mark.parametrize(("sentence", "secret"), [
    ("Han var anbragt i isolation i fem døgn efter episoden.", "fem døgn"),
    ("Ved et uanmeldt kontrolbesøg var han ikke hjemme.", "kontrolbesøg"),
    ("Alkotesten var positiv ved besøget.", "Alkotesten"),
    ("Han forlod boligen 20 minutter før det aftalte tidspunkt.", "20 minutter"),
    ("Han har overtrådt sit skema tre gange.", "overtrådt"),
    ("Han har været prospect i en rockerklub.", "prospect"),
    ("Han blev rekrutteret af en gruppe ældre drenge.", "rekrutteret"),
    ("Der blev anvendt håndjern under overførslen.", "håndjern"),
])
def test_security_removed(sentence: str, secret: str) -> None:
    out = _out(sentence, ["bolig", "misbrug"])
    assert secret not in out and "[udeladt: sikkerhed]" in out


def test_prison_work_kept_only_for_employment() -> None:
    sentence = "Oliver arbejder i fængslets gartneri og møder stabilt."
    assert "fængslets gartneri" not in _out(sentence, ["bolig"])
    assert "fængslets gartneri" in _out(sentence, ["beskæftigelse"])


@pytest.mark.parametrize(("sentence", "secret"), [
    ("Han oprettede falske lønsedler til tre ansatte.", "lønsedler"),
    ("Hans medsigtede er sigtet i en anden sag om vold.", "anden sag"),
    ("Politiet fandt 12 patroner i skabet.", "patroner"),
    ("Offeret mistede en fortand og fik syet læben.", "fortand"),
    ("Han solgte kokain fra en lejlighed på Nørrebro.", "Nørrebro"),
    ("Han svindlede for 1,4 mio. kr.", "1,4 mio"),
])
def test_offence_detail_removed(sentence: str, secret: str) -> None:
    assert secret not in _out(sentence, ["bolig", "helbred"])


@pytest.mark.parametrize(("sentence", "areas"), [
    ("Vi vil bede om et svar senest den 3. marts 2026.", ["bolig"]),
    ("Han har en faglig baggrund som smed og søger job.", ["beskæftigelse"]),
    ("Han har ondt af sig selv på grund af gælden.", ["økonomi"]),
    ("Dokument: Handleplan, udskrevet fra Klientsystemet 4. marts 2026", ["bolig"]),
    ("Han har tidligere drukket 10 øl om dagen.", ["misbrug"]),
    ("Han går til kontrol på Kirurgisk Afdeling, Sygehus Lillebælt.", ["helbred"]),
    ("Han har møde med Vejle Kommune, afdeling for unge, i næste uge.", ["bolig"]),
    ("Han har levet meget isoleret i sin lejlighed det seneste år.", ["netværk"]),
    ("Han har et forbrug på 2 gram amfetamin om ugen.", ["misbrug"]),
    ("Han slog op med sin kæreste i foråret og bor nu alene.", ["bolig"]),
    ("Han har en praktisk baggrund fra byggeriet.", ["bolig"]),
    ("Han er uddannet sprøjtemaler og vil gerne tilbage til faget.", ["beskæftigelse"]),
    ("Han vil gerne arbejde som taxachauffør efter løsladelsen.", ["beskæftigelse"]),
    ("Kontanthjælpen bliver overført til hans konto den 1. i måneden.", ["økonomi"]),
    ("Han er flyttet til et hus i Vejle og er kommet godt i gang.", ["bolig"]),
    ("Han er født i Odense og opvokset i Vollsmose.", ["bolig"]),
    ("Han har solgt sin bil for at betale af på gælden.", ["økonomi"]),
    ("Han er truet med udsættelse på grund af huslejerestance.", ["bolig"]),
])
def test_ordinary_words_do_not_trigger_categories(sentence: str, areas: list[str]) -> None:
    assert sentence in _out(sentence, areas)


def test_injury_under_a_health_heading_is_the_clients_health() -> None:
    body = "Helbred:\nOliver har brud på kæben efter en ulykke og går til kontrol.\n"
    assert "brud på kæben" in _out(body, ["helbred"])
    assert "brud på kæben" not in _out(body, ["bolig"])


@pytest.mark.parametrize("offence", [
    "brandstiftelse", "hæleri", "trusler mod vidne", "psykisk vold", "overfald",
    "grov vold og overtrædelse af lov om euforiserende stoffer", "røveri, vold og hærværk",
])
def test_offence_type_of_the_sentence_is_kept(offence: str) -> None:
    sentence = f"Oliver er idømt 1 år og 6 måneder for {offence}."
    assert sentence in _out(sentence, ["bolig"])


def test_offence_detail_after_the_offence_type_still_goes() -> None:
    out = _out("Oliver er dømt for røveri, hvor han truede ekspedienten med en kniv.", ["bolig"])
    assert "ekspedienten" not in out
