"""``gldocs redact --explain``: caseworker places, terminal width, default and ``alle``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gldocs.cli import main
from gldocs.redact.explain import explain, place, unique_ids
from gldocs.redact.model import Finding, Plan

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "afsoner-proeveloesladelse.yaml"


@pytest.mark.parametrize(("path", "section", "shown"), [
    ("vurdering.behov[0].indsatser[0].hvem[0].navn", "vurdering",
     "Vurdering og indsatsområder › Behov 1 › Indsats 1 › Hvem 1 › Navn"),
    ("beskrivelse.netvaerk", "beskrivelse", "Beskrivelse › Netværk"),
    ("personer[1].navn", "beskrivelse", "Private personer i sagen › Person 2 › Navn"),
    ("koordineringsomraader[0].anmodning", "samarbejdspartnere",
     "Koordineringsområder › Område 1 › Anmodning"),
    ("page3/line14", "aarsager", "Årsager til kriminalitet · Side 3, linje 14"),
    ("word/header1.xml#p0", "unknown", "Sidehoved, afsnit 1"),
    ("word/document.xml#p11", "beskrivelse", "Beskrivelse · Brødtekst, afsnit 12"),
    ("word/footnotes.xml#p1", "unknown", "Fodnoter, afsnit 2"),
    ("word/kopf/first.xml#p0", "unknown", "Del, afsnit 1"),
    ("line7", "unknown", "Linje 7"),
    ("form/field2", "unknown", "Formularfelt 2"),
])
def test_places_in_caseworker_words(path: str, section: str, shown: str) -> None:
    assert place(path, section) == shown


def _plan() -> Plan:
    def finding(text: str, action: str, rule: str, review: bool = False) -> Finding:
        return Finding("beskrivelse.netvaerk", "beskrivelse", 0, len(text), text, rule,
                       "rhl. § 9", "case", "PERSON", 0.9, action,  # type: ignore[arg-type]
                       "[pårørende]" if action == "remove" else "",
                       "Personen er en privat person i sagen, ikke en fagperson, og "
                       "nævnes derfor ikke over for kommunen (R1).", review)

    findings = [finding("Lene Thorsen", "remove", "R1"),
                finding("Lene Thorsen", "remove", "R1"),
                finding("Jonas Bech Frederiksen", "keep", "K1"),
                finding("Maja Kjær", "keep", "K3"),
                finding("Ukendt Person", "remove", "R1", review=True)]
    return Plan([], findings, "kommune", "2026.1", ["bolig"], source="sag.yaml")


def test_default_lists_removals_and_summarises_what_was_kept() -> None:
    text = explain(_plan(), "fund", width=120)
    assert "3 vist (fjernede og markerede)" in text
    assert "Jonas Bech Frederiksen" not in text and "Maja Kjær" not in text
    assert "2 fund bevaret (K1: 1, K3: 1); vis dem med --explain alle." in text
    assert "fjernes (gennemse)" in text
    every = explain(_plan(), "alle", width=120)
    assert "5 vist (alle)" in every and "Maja Kjær" in every and "bevaret" not in every


@pytest.mark.parametrize("width", [60, 80, 99, 100, 140])
def test_fits_the_terminal(width: int) -> None:
    text = explain(_plan(), "alle", width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert "Beskrivelse › Netværk" in text
    compact = width < 100
    assert ("Sted:" in text) is compact and ("Handling" in text) is not compact


def test_report_ids_unique_and_decision_id_kept() -> None:
    report = unique_ids({"findings": [{"id": "f-1", "unit_path": "line1"},
                                      {"id": "f-1", "unit_path": "line1"},
                                      {"id": "f-2", "unit_path": "line2"}]})
    assert [f["id"] for f in report["findings"]] == ["f-1", "f-1-2", "f-2"]
    assert [f["decision_id"] for f in report["findings"]] == ["f-1", "f-1", "f-2"]
    assert report["findings"][0]["place"] == "Linje 1"


@pytest.mark.slow
def test_cli_explain_on_the_sample(tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    runner = CliRunner()
    res = runner.invoke(main, ["redact", str(SAMPLE), "-o", str(tmp_path / "ud.pdf"),
                               "--report", str(report), "--explain"],
                        env={"COLUMNS": "80"})
    assert res.exit_code in (0, 1), res.output
    assert "vist (fjernede og markerede)" in res.output
    assert "vis dem med --explain alle" in res.output
    assert "vurdering.behov[" not in res.output and "personer[" not in res.output
    assert max(len(line) for line in res.stdout.splitlines()) <= 80
    ids = [f["id"] for f in json.loads(report.read_text())["documents"][0]["findings"]]
    assert len(ids) == len(set(ids))
    res = runner.invoke(main, ["redact", str(SAMPLE), "-o", str(tmp_path / "ud2.pdf"),
                               "--explain", "alle"], env={"COLUMNS": "120"})
    assert "vist (alle)" in " ".join(res.output.split()) and "bevares" in res.output


def test_bare_explain_before_the_input_does_not_swallow_it(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("Navn: Mikkel Storgaard Winther\nCPR-nr.: 150488-1234\n\n"
                    "Han bor hos sin søster Vibeke Storgaard, tlf. 61 72 83 94.\n",
                    encoding="utf-8")
    res = CliRunner().invoke(main, ["redact", "--explain", str(plan), "--areas", "none",
                                    "--no-ner"], env={"COLUMNS": "120"})
    assert res.exit_code == 1, res.output
    assert "vist (fjernede og markerede)" in res.output
    assert (tmp_path / "plan_til-kommunen.txt").is_file()
    res = CliRunner().invoke(main, ["redact", str(plan), "--areas", "none", "--no-ner",
                                    "-o", str(tmp_path / "b.txt"), "--explain", "alle"],
                             env={"COLUMNS": "120"})
    assert "vist (alle)" in " ".join(res.output.split())
