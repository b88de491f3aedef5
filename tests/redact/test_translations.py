"""A quoted message in another language and the interpreter's translation in brackets on the
next line: what a category removes from the translation goes from the original too (the
sentence with the same number, or the whole quotation when the sentences do not pair up).
Every text and person is invented."""

from __future__ import annotations

from harness import plan_case, redacted_after

from gldocs.document.txt import units_from_text
from gldocs.redact.context import Span
from gldocs.redact.model import Finding
from gldocs.redact.translations import mirror_translations

CLIENT = "Piotr Zielinski Kowal"
CPR = "120390-1237"
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n\n2. Beskrivelse\n"


def _redacted(body: str, areas: tuple[str, ...] = ("beskæftigelse", "helbred")) -> str:
    return redacted_after(plan_case(HEAD + body + "\n", CLIENT, CPR, areas),
                          "2. Beskrivelse")


def test_the_paired_sentence_of_the_original_goes() -> None:
    out = _redacted('Besked fra moren, oversat af tolk:\n'
                    '"Cześć synku. Twój brat znowu jest w szpitalu z depresją. Zadzwoń."\n'
                    "(Hej min dreng. Din bror er igen indlagt med en depression. Ring.)")
    assert "szpitalu" not in out and "depresją" not in out, out
    assert "Cześć synku." in out and "Zadzwoń." in out, out


def test_the_whole_quotation_goes_when_the_sentences_do_not_pair_up() -> None:
    out = _redacted('"Abin hastanede, kalp krizi geçirdi, dua et"\n'
                    "(Din bror er på hospitalet. Han har haft et hjerteanfald. Bed for ham.)",
                    ("beskæftigelse",))
    assert "kalp" not in out and "hastanede" not in out, out


def test_nothing_is_mirrored_without_a_removal_or_a_bracketed_translation() -> None:
    text = '"Dzień dobry, do zobaczenia w piątek."\n(Goddag, vi ses på fredag.)'
    assert "Dzień dobry, do zobaczenia w piątek." in _redacted(text)
    aside = '"Twój brat jest w szpitalu."\nHans bror er indlagt med en depression.'
    assert "Twój brat jest w szpitalu." in _redacted(aside)


def test_mirror_translations_maps_sentence_by_sentence() -> None:
    units = units_from_text('"Uno. Dos. Tres."\n(Et. To. Tre.)\n')
    second = units[1]
    start = second.text.index("To.")
    made: list[tuple[int, int]] = []

    def make(unit: object, a: int, b: int, model: Finding) -> Finding:
        made.append((a, b))
        return model

    finding = Finding(unit_path=second.path, section="", start=start, end=start + 3,
                      text="To.", rule="R2", ground="", detector="lexicon", entity="HEALTH",
                      score=0.9, action="remove", marker="[x]")
    mirror_translations(units, [finding], None, make)
    a, b = made[0]
    assert units[0].text[a:b] == "Dos." and Span(a, b) != Span(0, 0)
