"""Issue 9 §1 (audit round): CPR numbers in layouts the first round did not try are found by
the detector, removed by `redact` and caught by `scan`: runs of spaces (after folding thin,
hair and ideographic spaces), underscores, tildes, middle dots, a line break inside the
paragraph, and a date and serial number split differently."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from gldocs.cli import main
from gldocs.redact.detectors.cpr import find_cprs
from gldocs.text.normalize import normalise_text

LAYOUTS = [
    "03\u2009\u200a05\u300092 2817",  # thin + hair space, ideographic space
    "03  05  92  2817",
    "030592_2817",
    "030592~2817",
    "030592\u00b72817",
    "0305\t92-2817",
    "03 05 92/2817",
    "030592\n2817",
]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_detector_finds_the_layout(layout: str) -> None:
    text = normalise_text(f"Søsterens nummer er {layout}.")
    found = find_cprs(text)
    assert [m.normalized for m in found] == ["030592-2817"], (layout, text)


@pytest.mark.parametrize("text", [
    "1 0 0 1 100.378", "tlf. 12 34 56 78", "beløb 1.203.941.763 kr.", "sag 2025-120394-1763",
    "mødet 12.03.2026 kl. 10", "side 1_2_3", "linje\n12 34", "0 1 1\n2 2 3 3\n4 4 5",
])
def test_other_numbers_are_not_cpr(text: str) -> None:
    assert find_cprs(normalise_text(text)) == []


def test_redact_removes_and_scan_catches_every_layout(tmp_path: Path) -> None:
    lines = ["1. Stamoplysninger", "Navn: Mikkel Storgaard Winther", "2. Beskrivelse"]
    lines += [f"Søsterens nummer er {layout.replace(chr(10), ' / ')}." for layout in LAYOUTS]
    src = tmp_path / "plan.txt"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    runner = CliRunner()
    for i, layout in enumerate(LAYOUTS):
        leaky = tmp_path / f"leaky{i}.txt"
        leaky.write_text(f"Nummer {layout} til sagen\n", encoding="utf-8")
        res = runner.invoke(main, ["scan", str(leaky)])
        assert res.exit_code == 1 and "CPR-nummer" in res.output, (layout, res.output)
    out = tmp_path / "ud.txt"
    res = runner.invoke(main, ["redact", str(src), "--areas", "none", "--no-ner", "-o",
                               str(out)])
    assert res.exit_code in (0, 1), res.output
    digits = "".join(c for c in out.read_text(encoding="utf-8") if c.isdigit())
    assert "0305922817" not in digits and "2817" not in digits
    res = runner.invoke(main, ["scan", str(out)])
    assert res.exit_code == 0, res.output
