"""The offence part (Årsager til kriminalitet): a paragraph that mostly tells the act goes
entirely, the sentences no lexicon knows included ("Hans onkel havde lejet huset i sit
navn"). A sentence a category has already decided part by part (a term kept for a
koordineringsområde, a clause or list item removed with the rest kept on purpose) is left
as decided. All persons invented."""

from __future__ import annotations

from harness import redact_section

from gldocs.redact.engine import Analyzer

CLIENT = "Halfdan Rysgaard Mørup"
HEAD = (f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 120291-2413\n\n"
        "3. Årsager til kriminalitet\n")


def _redact(analyzer: Analyzer, body: str, areas: tuple[str, ...]) -> str:
    return redact_section(analyzer, CLIENT, HEAD, body, areas)


def test_the_rest_of_an_offence_paragraph_goes(analyzer: Analyzer) -> None:
    body = ("Halfdan passede 300 planter i et lejet hus i Bredsten. Han blev anholdt, da "
            "politiet ransagede huset. Hans onkel havde lejet huset i sit navn.")
    out = _redact(analyzer, body, ("bolig",))
    assert "sit navn" not in out and "[udeladt" in out, out


def test_a_paragraph_with_one_offence_sentence_keeps_the_rest(analyzer: Analyzer) -> None:
    body = ("Halfdan passede 300 planter i et lejet hus i Bredsten. Han var arbejdsløs og "
            "havde svært ved at betale husleje. Han havde ingen faste rammer i hverdagen.")
    out = _redact(analyzer, body, ("bolig",))
    assert "Han havde ingen faste rammer i hverdagen." in out, out


def test_a_sentence_kept_for_an_area_stays_in_a_removed_paragraph(analyzer: Analyzer) -> None:
    body = ("Halfdan passede 300 planter i et lejet hus i Bredsten. Han blev anholdt, da "
            "politiet ransagede huset. Han har røget hash dagligt i fem år.")
    out = _redact(analyzer, body, ("misbrug",))
    assert "Han har røget hash dagligt i fem år." in out, out
