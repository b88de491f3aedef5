"""A § 10 term whose clause has a relative or another private person as its subject is that
person's data: never kept under K7, whatever the areas ("Hans mor har kræft" with helbred
chosen). The client's own stays, also beside a relative ("Han bor hos sin mor og har ADHD").
Every sentence and person is invented."""

from __future__ import annotations

import re

import pytest
from harness import redact_section

from gldocs.redact.bundle import load_bundle
from gldocs.redact.context import Span
from gldocs.redact.engine import Analyzer
from gldocs.redact.subject import third_person_subject

CLIENT = "Valdemar Østergaard Klit"
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 140693-2817\n\n2. Beskrivelse\n"


def _out(analyzer: Analyzer, sentence: str, areas: tuple[str, ...]) -> str:
    return redact_section(analyzer, CLIENT, HEAD, sentence, areas).strip()


SOMEONE_ELSES = [
    ("Hans mor har kræft og er indlagt.", ("helbred",), "kræft"),
    ("Hans kæreste lider af depression.", ("helbred",), "depression"),
    ("Hans søn har ADHD.", ("helbred",), "ADHD"),
    ("Hans far døde af et hjertestop i 2020.", ("helbred",), "hjertestop"),
    ("Hans bror er skizofren.", ("helbred",), "skizofren"),
    ("Hans datter er autist og går på en specialskole.", ("helbred",), "autist"),
    ("Hans ekskone har en bipolar lidelse.", ("helbred",), "bipolar"),
    ("Hans mormor har demens og bor på plejehjem.", ("helbred",), "demens"),
    ("Sønnen er født med en hjertefejl.", ("helbred",), "hjertefejl"),
    ("Han passer sin syge mor, som har sclerose.", ("helbred",), "sclerose"),
    ("Siden 2020 har hans mor haft kræft.", ("helbred",), "kræft"),
    ("Han har fortalt, at hans far har diabetes.", ("helbred",), "diabetes"),
    ("Hans mors sygdom fylder meget for ham.", ("helbred",), "sygdom"),
    ("Han har sclerose, og hans mor har kræft.", ("helbred",), "kræft"),
    ("Hans mor er alkoholiker.", ("misbrug",), "alkoholiker"),
    ("Hans kæreste ryger hash dagligt.", ("misbrug",), "hash"),
    ("Hans bror er i metadonbehandling.", ("misbrug",), "metadon"),
    ("His mother has cancer.", ("helbred",), "cancer"),
]


@pytest.mark.parametrize(("sentence", "areas", "secret"), SOMEONE_ELSES)
def test_a_relatives_special_category_data_is_never_kept(
        analyzer: Analyzer, sentence: str, areas: tuple[str, ...], secret: str) -> None:
    out = _out(analyzer, sentence, areas)
    assert secret.lower() not in re.sub(r"\[[^\]]*\]", " ", out).lower(), out
    assert "(rhl. § 10)]" in out, out


CLIENTS_OWN = [
    ("Han har sclerose og får Tysabri.", ("helbred",)),
    ("Han bor hos sin mor og har ADHD.", ("helbred",)),
    ("Han har ADHD, og hans mor hjælper ham med medicinen.", ("helbred",)),
    ("Han har fortalt sin kæreste, at han har depression.", ("helbred",)),
    ("Efter samtalen med sin søster har han fået Sertralin.", ("helbred",)),
    ("Siden 2020 har han haft diabetes.", ("helbred",)),
    ("Han og hans bror har begge astma.", ("helbred",)),
    ("Hans diabetes er velreguleret.", ("helbred",)),
    ("Han drak sammen med sin bror hver weekend.", ("misbrug",)),
    ("Han røg hash med sine venner.", ("misbrug",)),
]


@pytest.mark.parametrize(("sentence", "areas"), CLIENTS_OWN)
def test_the_clients_own_stays_beside_a_relative(
        analyzer: Analyzer, sentence: str, areas: tuple[str, ...]) -> None:
    assert _out(analyzer, sentence, areas) == sentence


def test_the_subject_is_told_by_the_clause_the_term_stands_in() -> None:
    cw = load_bundle("kommune").clause_words
    relations = frozenset({"mor", "bror", "kæresten"})
    text = "Han har astma, og hans bror har KOL, som Kæresten også har."
    span = Span(0, len(text))
    assert third_person_subject(text, span, text.index("astma"), relations, cw) is None
    assert third_person_subject(text, span, text.index("KOL"), relations, cw) == "bror"
    names = [(0, 3, "Ida")]
    assert third_person_subject("Ida har astma.", Span(0, 14), 8, relations, cw,
                                names) == "Ida"


@pytest.mark.parametrize(("sentence", "secret"), [
    ("Familie: Hans mor, Birthe Holm, har bipolar lidelse og er indlagt på Psykiatrisk "
     "Center Glostrup.", "bipolar"),
    ("Familie: Hans mor, Birthe Holm, har bipolar lidelse og er indlagt på Psykiatrisk "
     "Center Glostrup.", "Glostrup"),
    ("Hans far, der bor i Vejle, har kræft.", "kræft"),
])
def test_a_relatives_data_after_an_apposition(analyzer: Analyzer, sentence: str,
                                              secret: str) -> None:
    out = _out(analyzer, sentence, ("helbred", "bolig"))
    assert secret.lower() not in re.sub(r"\[[^\]]*\]", " ", out).lower(), out


def test_counted_relatives_and_the_other_genders_pronoun_are_subjects() -> None:
    """Round 15: "Begge hans forældre", "En af hans brødre", "Din bror" (counting words and
    a possessive pronoun of quoted speech before the relation), "og selv har" after a
    relative clause, and the pronoun of the other gender than the client's ("hun" of a man)
    are someone else's subjects; the client's own pronoun is not."""
    cw = load_bundle("kommune").clause_words
    relations = frozenset({"forældre", "brødre", "søn", "bror"})

    def who(text: str, term: str, other: str | None = None) -> str | None:
        return third_person_subject(text, Span(0, len(text)), text.index(term), relations,
                                    cw, (), other)

    assert who("Begge hans forældre er alkoholikere.", "alkoholikere") == "forældre"
    assert who("En af hans brødre har ADHD.", "ADHD") == "brødre"
    assert who("Din bror er igen indlagt med en depression.", "depression") == "bror"
    assert who("Hans søn bor i Vejle og er selv i behandling for kræft.", "kræft") == "søn"
    assert who("Han bor i Vejle og har selv ADHD.", "ADHD") is None
    text = "Han besøger sin mormor, hvor hun bor pga. demens."
    assert who(text, "demens", "hun") == "hun"
    assert who(text, "demens") is None
    assert who("Han har ADHD.", "ADHD", "hun") is None
