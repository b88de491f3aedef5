"""The kommune copy names its recipient (``--kommune``) and its report names each part right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gldocs.cli import main
from gldocs.document.units import CASE_SECTIONS, SECTION_LABELS, SECTION_TITLES
from gldocs.paths import SAMPLES_DIR
from gldocs.redact.policy import load_policy

PLAN = """1. Stamoplysninger
Navn: Mikkel Storgaard Winther

2. Beskrivelse
Mikkel har en kæreste, Vibeke Kronborg, tlf. 61 72 83 94.
Han er i praktik hos en tømrer.
"""


@pytest.fixture()
def plan_file(tmp_path: Path) -> Path:
    p = tmp_path / "plan.txt"
    p.write_text(PLAN, encoding="utf-8")
    return p


def _redact(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, ["redact", *args])
    return res.exit_code, res.output


def test_report_names_the_case_only_parts_right(tmp_path: Path) -> None:
    """Private persons are "personer", koordineringsområder "koordineringsomraader", the
    afgangsbedømmelse "afgang"; the remarks printed in part 5 stay "samarbejdspartnere"."""
    report = tmp_path / "r.json"
    code, out = _redact(str(SAMPLES_DIR / "afsoner-loesladt.yaml"), "--no-ner",
                        "--outdir", str(tmp_path), "--report", str(report),
                        "--explain", "alle")
    assert code == 1, out  # --no-ner output is flagged
    findings = json.loads(report.read_text(encoding="utf-8"))["documents"][0]["findings"]
    by_top: dict[str, set[str]] = {}
    for f in findings:
        top = f["unit_path"].split(".", 1)[0].split("[", 1)[0]
        by_top.setdefault(top, set()).add(f["section"])
    assert by_top["personer"] == {"personer"}
    assert by_top["koordineringsomraader"] == {"koordineringsomraader"}
    assert by_top["afgang"] == {"afgang"}
    for top, sections in by_top.items():
        if top not in CASE_SECTIONS and not top.startswith("klient_"):
            assert sections == {top}, top
    assert "Private personer i sagen" in out


@pytest.mark.parametrize("policy", ["kommune", "intern"])
def test_every_section_label_has_the_policy_rule_it_had(policy: str) -> None:
    """The kommune policy names every part, the case-only ones with the rule the part they
    were once counted in had; the intern policy's default applies to all of them alike."""
    pol = load_policy(policy)
    for label in CASE_SECTIONS:
        assert label in SECTION_TITLES
        if policy == "kommune":
            assert pol.sections[label] == pol.sections["samarbejdspartnere"] \
                == pol.sections["beskrivelse"], label
        else:
            assert pol.section(label) == pol.section("samarbejdspartnere")
    if policy == "kommune":
        assert set(pol.sections) == set(SECTION_LABELS)


def test_policy_refuses_an_unknown_part(tmp_path: Path) -> None:
    import shutil

    src = Path(load_policy("kommune").source)
    folder = shutil.copytree(src.parent, tmp_path / "politikker")
    text = src.read_text(encoding="utf-8")
    assert "  afgang: {categories: all}\n" in text
    bad = folder / "kommune.yaml"
    bad.write_text(text.replace("  afgang: {categories: all}\n",
                                "  afgangen: {categories: all}\n"), encoding="utf-8")
    res = CliRunner().invoke(main, ["policies", "check", str(bad)])
    assert res.exit_code == 2, res.output
    assert "ukendt del 'afgangen'" in res.output and "koordineringsomraader" in res.output


def test_kommune_names_the_recipient_of_a_txt_copy(plan_file: Path, tmp_path: Path) -> None:
    out, report = tmp_path / "ud.txt", tmp_path / "r.json"
    code, output = _redact(str(plan_file), "--areas", "none", "--no-ner", "-o", str(out),
                           "--report", str(report), "--kommune", "  Vejle   Kommune ")
    assert code == 1, output
    text = out.read_text(encoding="utf-8")
    assert "\nRedigeret til Vejle Kommune efter rhl. §§ 9-10 · " in text
    doc = json.loads(report.read_text(encoding="utf-8"))["documents"][0]
    assert doc["header"].startswith("Redigeret til Vejle Kommune efter rhl. §§ 9-10 · ")
    assert "Ingen kommune angivet" not in output
    assert doc["output_notes"] == []


def test_without_kommune_the_copy_says_kommunen_and_the_caseworker_is_told(
        plan_file: Path, tmp_path: Path) -> None:
    out, report = tmp_path / "ud.txt", tmp_path / "r.json"
    code, output = _redact(str(plan_file), "--areas", "none", "--no-ner", "-o", str(out),
                           "--report", str(report))
    assert code == 1, output
    assert "\nRedigeret til kommunen efter rhl. §§ 9-10 · " in out.read_text(encoding="utf-8")
    assert "Bemærk: Ingen kommune angivet: kopien er mærket 'Redigeret til kommunen'. " \
           "Angiv --kommune NAVN" in output
    doc = json.loads(report.read_text(encoding="utf-8"))["documents"][0]
    assert any("Ingen kommune angivet" in n for n in doc["output_notes"])


def test_a_case_names_its_own_kommune(tmp_path: Path) -> None:
    """A case's handlekommune is used; --kommune naming it too is fine, another is refused."""
    case = SAMPLES_DIR / "afsoner-loesladt.yaml"
    code, output = _redact(str(case), "--no-ner", "--outdir", str(tmp_path / "a"),
                           "--kommune", "odense kommune")
    assert code == 1, output
    assert "Ingen kommune angivet" not in output
    copy = (tmp_path / "a" / "afsoner-loesladt_til-kommunen.yaml").read_text(encoding="utf-8")
    assert "Redigeret til Odense Kommune" in copy
    code, output = _redact(str(case), "--no-ner", "--outdir", str(tmp_path / "b"),
                           "--kommune", "Vejle Kommune")
    assert code == 2, output
    assert "--kommune 'Vejle Kommune' passer ikke med sagens handlekommune 'Odense Kommune'" \
        in output
    assert not (tmp_path / "b" / "afsoner-loesladt_til-kommunen.yaml").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--kommune", "   "], "angiv kommunens navn"),
    (["--kommune", "Vejle\u200bKommune"], "usynlige tegn"),
    (["--kommune", "K" * 81], "for langt (81 tegn; højst 80)"),
    (["--kommune", "Vejle Kommune", "--policy", "intern"],
     "--kommune kan kun bruges, når modtageren er kommunen"),
])
def test_bad_kommune_is_refused_before_the_model_loads(
        plan_file: Path, monkeypatch: pytest.MonkeyPatch, args: list[str],
        message: str) -> None:
    import gldocs.redact.facade as facade
    import gldocs.redact.nlp as nlp

    def must_not_load(path=None):
        raise AssertionError("the NER model was loaded")

    monkeypatch.setattr(nlp, "load_nlp", must_not_load)
    monkeypatch.setattr(facade, "_REDACTORS", {})
    code, output = _redact(str(plan_file), "--areas", "none", *args)
    assert code == 2, output
    assert message in " ".join(output.split())
    assert not (plan_file.parent / "plan_til-kommunen.txt").exists()


def test_help_documents_kommune() -> None:
    for cmd in ("redact", "review"):
        res = CliRunner().invoke(main, [cmd, "--help"])
        text = " ".join(res.output.split())
        assert "--kommune NAVN" in text and "Modtagerkommunens navn" in text
        assert "uden sag står der blot 'kommunen'" in text


def test_review_writes_the_named_kommune(plan_file: Path, tmp_path: Path) -> None:
    """The review page's output goes through the same header as ``redact``."""
    from gldocs.review import pipeline

    prepared = pipeline.prepare(pipeline.Request(input=plan_file, areas="none", no_ner=True),
                                None)
    out = tmp_path / "godkendt.txt"
    pipeline.write_output(prepared.doc, prepared.result.plan, out, "Vejle Kommune")
    assert "Redigeret til Vejle Kommune efter rhl. §§ 9-10" in out.read_text(encoding="utf-8")
