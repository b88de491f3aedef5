"""Text in other languages is not shredded by Danish rules: a Danish lexicon term that is an
ordinary word of the sentence's language ("race", "exit", "patient") is no hit there, while a
term of the same sense (bipolar, HIV) still is. Sentences are invented."""

from __future__ import annotations

import pytest
from harness import analyse, redacted, redacted_after

from gldocs.redact.bundle import load_bundle
from gldocs.redact.engine import Analyzer
from gldocs.redact.language import sentence_language

CLIENT = "Bertram Hvass Lindskov"
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 210889-3317\n\n2. Beskrivelse\n"


def _redact(analyzer: Analyzer, sentence: str) -> str:
    plan = analyse(HEAD + sentence + "\n", CLIENT, ["bolig"], analyzer=analyzer)
    return redacted_after(plan, "2. Beskrivelse").strip()


@pytest.mark.parametrize(("text", "lang"), [
    ("He has complied fully with his licence conditions.", "en"),
    ("Er hat die Maßnahme mit Erfolg abgeschlossen und wird im Mai entlassen.", "de"),
    ("Han har gennemført Thinking Skills Programme i fængslet.", "da"),
    ("Kind regards", "da"),  # too short to tell: the strict Danish rules apply
    ("Han bor i London og arbejder for The Salvation Army.", "da"),
])
def test_sentence_language(text: str, lang: str) -> None:
    assert sentence_language(text) == lang


@pytest.mark.parametrize("sentence", [
    "He took part in a charity race and was a patient listener.",
    "The exit interview was held with his probation officer.",
    "He gave a demonstration of his welding skills to the employer.",
    "He would like to add a course in English to his plan.",
    "Er ist ein sehr geduldiger Patient und hat die Ausbildung abgeschlossen.",
    # real-world English: prefixes and capitalised words that are no Danish term
    "Data homogeneity will be ensured by a minimum set of fields.",
    "If what they say is true, he will be offered the job.",
    "Some of the boys from the club have helped him move.",
    "He was put in charge of a squad of volunteers.",
    "Add Attachments",  # a form heading: ADD the diagnosis is written in capitals
    "He may alter the plan when the job starts.",
    "Er wurde im Alter von 17 Jahren zum ersten Mal verurteilt.",
])
def test_false_friends_do_not_trigger_in_their_own_language(
        analyzer: Analyzer, sentence: str) -> None:
    assert _redact(analyzer, sentence) == sentence


@pytest.mark.parametrize(("sentence", "secret"), [
    ("He was treated for bipolar disorder in 2021.", "bipolar"),
    ("He is HIV positive and sees a specialist.", "HIV"),
    ("He attends Quaker meetings on Sundays.", "Quaker"),
])
def test_same_sense_terms_still_removed_in_english(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert secret not in _redact(analyzer, sentence)


def test_danish_sentence_keeps_the_danish_meaning(analyzer: Analyzer) -> None:
    assert "race" not in _redact(analyzer, "Han oplever at blive forskelsbehandlet på grund "
                                           "af sin race.")


def test_foreign_word_lists_load() -> None:
    words = load_bundle("kommune").foreign
    assert words.is_common("Name", "en") and words.is_common("Telefon", "de")
    assert words.is_false_friend("race", "en") and not words.is_false_friend("bipolar", "en")
    assert not words.is_common("Sarah", "en")  # names are not ordinary words


def _redact_block(analyzer: Analyzer, body: str) -> str:
    return redacted(analyse(HEAD + body, CLIENT, ["bolig", "beskæftigelse"], analyzer=analyzer))


def test_english_headings_and_programme_names_are_no_persons(analyzer: Analyzer) -> None:
    body = ("Bilag (på engelsk)\n"
            "Name\tRole\tPhone\n"
            "Bertram completed the Thinking Skills Programme and has a High need for support "
            "with accommodation.\n")
    out = _redact_block(analyzer, body)
    assert "Name\tRole\tPhone" in out
    assert "Thinking Skills Programme" in out and "High need" in out


def test_foreign_professional_kept_and_foreign_private_person_removed(
        analyzer: Analyzer) -> None:
    body = ("Udtalelse fra den britiske kriminalforsorg:\n"
            "He lived with his former partner, Gemma Harwood, in Leeds until 2024.\n"
            "Kind regards,\n"
            "Imogen Featherstone\n"
            "Probation Officer\n")
    out = _redact_block(analyzer, body)
    assert "Gemma" not in out and "Harwood" not in out
    assert "Imogen Featherstone" in out
