"""The normaliser: the text a human sees, with every edit landing on the original characters."""

from __future__ import annotations

import pytest

from gldocs.redact.detectors.cpr import find_cprs
from gldocs.text.normalize import normalise, normalise_text


@pytest.mark.parametrize(("raw", "seen"), [
    ("CPR 03\u200b0592\u20112817", "CPR 030592-2817"),
    ("03\u200e05\u200f92\u202a-\u202c2817", "030592-2817"),
    ("\u2066Vibeke\u2069\u00a0Kronborg", "Vibeke Kronborg"),
    ("Vi\u00adbe\u034fke\u2060\u2061\u2062\u2063\u2064", "Vibeke"),
    ("a\u202fb\u3000c\u2007d\x0be", "a b c d e"),
    ("1\u22122\ufe583\ufe634\uff0d5\u20136\u20147\u20158", "1-2-3-4-5-6-7-8"),
    ("\uff10\uff13\uff10\uff15\uff19\uff12-\uff12\uff18\uff11\uff17", "030592-2817"),
    ("\u0660\u0663\u0660\u0665\u0669\u0662", "030592"),
    ("nul\x00tegn", "nultegn"),
    ("Han-\nsen", "Hansen"),
    ("Ann-\nKatrine", "Ann-Katrine"),
    ("030592-\n2817", "030592-2817"),
    ("kol1\tkol2\nlinje", "kol1\tkol2\nlinje"),  # tabs and line feeds are structure: kept
    ("e\u0301", "é"),
    ("ﬁl", "fil"),
    ("V\u0456beke Kr\u043enborg", "Vibeke Kronborg"),  # Cyrillic і and о inside Latin words
    ("Олена Петренко", "Олена Петренко"),  # a name wholly in Cyrillic stays as it is
])
def test_folds_what_a_human_does_not_see(raw: str, seen: str) -> None:
    assert normalise_text(raw) == seen


def test_plain_text_is_identity_and_cheap() -> None:
    n = normalise("Mikkel bor på Lindevej 12, 7100 Vejle.\tTlf. 20 30 40 50")
    assert n.identity
    assert n.span(3, 9) == (3, 9)


def test_spans_map_back_over_invisible_characters() -> None:
    raw = "CPR: 03\u200b05\u200b92\u2011\u200d2817 slut"
    n = normalise(raw)
    m = find_cprs(n.text)[0]
    start, end = n.span(m.start, m.end)
    assert raw[start:end] == "03\u200b05\u200b92\u2011\u200d2817"
    assert raw[:start] + "[CPR]" + raw[end:] == "CPR: [CPR] slut"


def test_expansion_and_join_map_to_whole_original_characters() -> None:
    raw = "ﬁl Han-\nsen"
    n = normalise(raw)
    assert n.text == "fil Hansen"
    assert n.span(0, 1) == (0, 1) and n.span(1, 2) == (0, 1)  # both halves of the ligature
    assert raw[slice(*n.span(4, 10))] == "Han-\nsen"


@pytest.mark.parametrize("layout", [
    "03.05.92-2817", "03/05/92-2817", "03/05/92 2817", "03-05-92-2817", "0 3 0 5 9 2 2 8 1 7",
    "030 592 2817", "0305.92.28.17", "03.05.92 28 17", "030592 - 2817", "03 05 92 2817",
])
def test_cpr_layouts(layout: str) -> None:
    found = find_cprs(normalise_text(f"Født {layout} i Vejle"))
    assert [m.normalized for m in found] == ["030592-2817"]


@pytest.mark.parametrize("not_cpr", [
    "1.203.941.763", "2025-120394-1763", "12.03.2026", "1 0 0 1 100.378 cm", "0 1 124.4724 3",
    "20 30 40 50",
])
def test_not_cpr(not_cpr: str) -> None:
    assert find_cprs(normalise_text(not_cpr)) == []


def test_word_broken_across_lines_is_found_and_removed_in_both() -> None:
    from pathlib import Path

    from gldocs.document.base import SourceDocument
    from gldocs.document.txt import units_from_text
    from gldocs.document.units import apply_edits
    from gldocs.redact.apply import plan_edits
    from gldocs.redact.facade import Client, redactor_for
    from gldocs.text.normalize import normalise_units

    text = ("1. Stamoplysninger\nNavn: Mikkel Storgaard Winther\nCPR-nr.: 150488-1234\n\n"
            "2. Beskrivelse\nMikkel har en kæreste, født 03.05.92-\n2817, som besøger ham. Hans "
            "søster hedder Vibeke Kron-\nborg og bor i Vejle.\n")
    units = units_from_text(text)
    view = normalise_units(units)
    assert any("Kronborg" in u.text for u in view.units)
    doc = SourceDocument(path=Path("plan.txt"), kind="txt", units=units)
    plan = redactor_for("kommune", ner=False).analyze(
        doc, [], Client("Mikkel Storgaard Winther", "150488-1234"))
    edits = plan_edits(plan)
    out = "\n".join(apply_edits(u.text, edits.get(u.path, [])) for u in plan.units)
    assert "Kron" not in out and "borg og" not in out, out
    assert "2817" not in out and "03.05.92" not in out, out
    assert "og bor i Vejle" in out


@pytest.mark.parametrize("where", ["text", "personer"])
def test_names_with_non_breaking_spaces_in_a_case_file(tmp_path, where: str) -> None:  # type: ignore[no-untyped-def]
    """A case file (YAML) whose text, or whose list of persons, writes a name with NBSP and
    invisible characters: removed from the text like in a DOCX."""
    from click.testing import CliRunner

    from gldocs.cli import main
    from gldocs.paths import SAMPLES_DIR

    raw = (SAMPLES_DIR / "afsoner-proeveloesladelse.yaml").read_text(encoding="utf-8")
    disguised = "Birgitte\u00a0Bech\u202fFre\u200bderiksen"
    if where == "text":
        raw = raw.replace("sin mor, Birgitte Bech Frederiksen,", f"sin mor, {disguised},")
    else:
        raw = raw.replace("  - navn: Birgitte Bech Frederiksen", f'  - navn: "{disguised}"')
    src = tmp_path / "sag.yaml"
    src.write_text(raw, encoding="utf-8")
    out = tmp_path / "ud.txt"
    res = CliRunner().invoke(main, ["redact", str(src), "--no-ner", "-o", str(out)])
    assert res.exit_code in (0, 1), res.output
    written = out.read_text(encoding="utf-8")
    assert "Birgitte" not in normalise_text(written), written
    assert "\u200b" not in written and "Fre\u200bderiksen" not in written
