"""Clause-level removal for the § 10 categories: the special-category clause goes, a clause
stating a need, goal or plan (K4) in the same sentence stays; everything else in the
sentence goes with the term, and unclear boundaries take the whole sentence (fail closed).
All persons and texts invented."""

from __future__ import annotations

import pytest
from harness import Case

from gldocs.redact.bundle import load_bundle
from gldocs.redact.clauses import clauses_to_remove
from gldocs.redact.context import Span

CLIENT = "Malte Rosenvinge Aaby"
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 120497-3319\n\n2. Beskrivelse\n"


CASE = Case(CLIENT, HEAD, areas=("beskæftigelse",), ner=False)


def _redact(body: str, areas: list[str] | None = None) -> str:
    return CASE.redact(body, areas or None)


def _removed(sentence: str, term: str) -> list[str] | None:
    start = sentence.index(term)
    spans = clauses_to_remove(sentence, Span(0, len(sentence)), start, start + len(term),
                              load_bundle("kommune").clause_words)
    return None if spans is None else [sentence[s.start:s.end] for s in spans]


@pytest.mark.parametrize(("body", "gone", "kept"), [
    # a union clause and a goal clause with the subject left out
    ("Malte er medlem af Dansk Metal og ønsker hjælp til at finde en elevplads som smed.",
     "Dansk Metal", "elevplads som smed"),
    # the goal first, the § 10 clause after "men" with its own subject
    ("Malte vil gerne i praktik på et værksted, men han har fået konstateret epilepsi.",
     "epilepsi", "i praktik på et værksted"),
    # a subordinate clause with the term goes alone; the goal it hangs on stays
    ("Han søger en lejlighed tæt på Roskilde, fordi han går i moské hver fredag.",
     "moské", "en lejlighed tæt på Roskilde"),
    # "har brug for" states a need
    ("Han er tidligere aktiv i Enhedslisten og har brug for hjælp til at betale sin husleje.",
     "Enhedslisten", "hjælp til at betale sin husleje"),
    # inverted order after an adverb: "og nu ønsker han"
    ("Han stammer fra Eritrea, og nu ønsker han at tage et dansk kørekort.",
     "Eritrea", "at tage et dansk kørekort"),
    # a clause naming an intervention in an area in neutral words (K4, K2) stays
    ("Han er medlem af Blik og Rør og starter på AMU-kurset den 9. januar.",
     "Blik og Rør", "starter på AMU-kurset den 9. januar"),
    ("Han har epilepsi, men han har fået en elevplads hos en tømrer fra august.",
     "epilepsi", "han har fået en elevplads hos en tømrer fra august"),
    ("Han er hindu, og mødet med jobcentret er flyttet til den 2. april.",
     "hindu", "mødet med jobcentret er flyttet til den 2. april"),
    ("Han har astma; kommunen bevilger bostøtte fra 1. marts.",
     "astma", "kommunen bevilger bostøtte fra 1. marts"),
    # a number ends the clause before the conjunction ("fra 2019, og")
    ("Han har haft PTSD siden 2019, og han ønsker at tage et truckcertifikat.",
     "PTSD", "han ønsker at tage et truckcertifikat"),
])
def test_goal_clause_stays_and_special_category_clause_goes(body: str, gone: str,
                                                            kept: str) -> None:
    out = _redact(body)
    assert gone not in out
    assert kept in out
    assert "rhl. § 10" in out  # a marker says what went


@pytest.mark.parametrize(("body", "gone"), [
    # the clause after the term carries the same topic on: no goal, so it goes too
    ("Han lider af bipolar lidelse og er i behandling hos Kystklinikken.", "Kystklinikken"),
    ("Han er medlem af HK og er tillidsvalgt på lageret.", "tillidsvalgt på lageret"),
    # a main clause that is no goal goes with the subordinate clause that has the term
    ("Han går i samtaleforløb på Lindehuset, fordi han har en spiseforstyrrelse.",
     "Lindehuset"),
    # a clause pointing back at the term ("og det kræver …") is no goal of its own
    ("Han har type 1-diabetes, og det kræver daglige målinger.", "daglige målinger"),
    # no clause boundary the rule knows (an unknown verb after "og"): the whole sentence
    ("Han er katolik og sidder i menighedsrådet i Brønshøj.", "menighedsrådet"),
    # a date alone does not make a clause a plan: the treatment goes with the diagnosis
    ("Han har kræft og starter behandling den 4. januar.", "4. januar"),
    ("Han har depression og går til psykolog hver uge.", "psykolog"),
    # a plan word in a clause that points back at the term is no plan of its own
    ("Han har skizofreni, og det gør det svært at passe et job.", "passe et job"),
    # a meeting about the condition names no intervention in an area
    ("Han har diabetes, og mødet på ambulatoriet er den 3. marts.", "ambulatoriet"),
    # a bare "har" carries the topic on even beside a plan word
    ("Han er hindu og har en lille figur af Ganesha i sin lejlighed.", "Ganesha"),
])
def test_other_clauses_go_with_the_term(body: str, gone: str) -> None:
    out = _redact(body)
    assert gone not in out


def test_a_goal_clause_that_holds_a_term_itself_goes() -> None:
    out = _redact("Han er muslim og ønsker at komme i behandling for sin PTSD.")
    assert "muslim" not in out and "PTSD" not in out


def test_kept_area_keeps_the_whole_sentence() -> None:
    body = "Han har diabetes og ønsker hjælp til at finde en praktiserende læge i Ringsted."
    assert "diabetes" in _redact(body, ["helbred"])


def test_clause_boundaries_directly() -> None:
    # one clause: nothing to split (the caller removes the sentence)
    assert _removed("Han har ADHD og KOL.", "ADHD") is None
    # the term in the first clause: it goes, the goal after "og" stays
    assert _removed("Han har ADHD og ønsker et job.", "ADHD") == ["Han har ADHD"]
    # two non-goal clauses on either side of a goal clause: both go, separately
    sentence = "Han er sunnimuslim, men han vil gerne arbejde, og han beder dagligt."
    assert _removed(sentence, "sunnimuslim") is None  # "og han beder": no known verb
    sentence = "Han er sunnimuslim, men han vil gerne arbejde, og han er aktiv i moskéen."
    assert _removed(sentence, "sunnimuslim") == ["Han er sunnimuslim", "han er aktiv i moskéen"]
    # a term across a boundary: the whole sentence
    assert _removed("Han er medlem af 3F og ønsker et job.", "3F og ønsker") is None
    # a bracket or quotation between clauses is no clean boundary
    assert _removed("Han har PTSD (fra 2019) og ønsker job.", "PTSD") is None
    assert _removed('Han sagde "jeg er muslim" og ønsker job.', "muslim") is None


def test_explanation_says_clause() -> None:
    plan = CASE.plan("Malte er medlem af 3F og ønsker en læreplads.")
    hits = [f for f in plan.findings if f.entity == "FAGFORENING"]
    assert hits and all(f.text == "Malte er medlem af 3F" for f in hits)
    assert "Sætningsleddet" in hits[0].explanation


@pytest.mark.parametrize(("body", "gone", "kept"), [
    # a placement in the prison (R5) is one fact: the goal in the same sentence stays
    ("Han bor i Hus 2, og han ønsker at blive tømrer efter løsladelsen.", "Hus 2",
     "han ønsker at blive tømrer efter løsladelsen"),
    ("Han sidder i celle 27 og har brug for hjælp til at finde en lejlighed.", "celle 27",
     "har brug for hjælp til at finde en lejlighed"),
])
def test_prison_placement_goes_and_the_goal_stays(body: str, gone: str, kept: str) -> None:
    out = _redact(body, ["bolig", "beskæftigelse"])
    assert gone not in out and kept in out and "[udeladt: ikke nødvendigt]" in out, out


def test_an_incident_in_prison_still_goes_whole() -> None:
    out = _redact("Han kom op at slås på B-gangen og skal flyttes til en anden afdeling.",
                  ["bolig"])
    assert "flyttes" not in out, out
