"""Issue 9 §6: the export's final scan runs the policy analysis (the same facade as
``gldocs redact``) on the redacted content and on whatever the final bytes hold beyond it
and the renderer's fixed texts. A name or a health word that survived is a leak."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from export_fixtures import (
    HEALTH_WORD,
    MAIN_CASE,
    STRANGER,
    rule_based_analyze,
    rule_based_document,
)

from gldocs.cli import main
from gldocs.export.final_check import KnownTexts, tokens
from gldocs.render.fixed_texts import fixed_texts, source_literals
from gldocs.review import pipeline
from gldocs.review.decisions import Decisions, decision_for, save_decisions


@pytest.fixture(autouse=True)
def _engine_and_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(pipeline, "analyze_input", rule_based_analyze)
    monkeypatch.setattr(pipeline, "analyze_document", rule_based_document)
    monkeypatch.setenv("GLDOCS_HOME", str(tmp_path / "home"))


def decide(case: Path, out: Path, restore_word: str | None = None) -> Path:
    plan = rule_based_analyze(pipeline.Request(input=case))[1]
    d = Decisions(document=case.name, policy="kommune", caseworker="Maja Lindholt Kjær")
    for f in plan.needs_review():
        d.decisions[f.id] = decision_for(f, "accept")
    for f in plan.removals():
        if restore_word and f.text == restore_word:
            d.decisions[f.id] = decision_for(
                f, "restore", "Det er strengt nødvendigt, at kommunen kender sygdommen for "
                              "at visitere til den rette støtte ved løsladelsen.")
    save_decisions(out, d)
    return out


def run(*args: str | Path):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["export", *map(str, args)])


def case_with(tmp_path: Path, text: str) -> Path:
    """The main sample with ``text`` added to the client's own account (a case field)."""
    case = tmp_path / "sag.yaml"
    src = MAIN_CASE.read_text(encoding="utf-8")
    marker = "  egen_beretning: >\n"
    assert marker in src
    case.write_text(src.replace(marker, f"{marker}    {text}\n", 1), encoding="utf-8")
    return case


def test_normal_export_passes(tmp_path: Path) -> None:
    decisions = decide(MAIN_CASE, tmp_path / "afg.yaml")
    res = run(MAIN_CASE, "--decisions", decisions, "--docx", "--log", tmp_path / "l.jsonl",
              "-o", tmp_path / "ud")
    assert res.exit_code == 0, res.output


def test_health_word_surviving_in_the_redacted_case_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the first analysis misses the word; the final one (the same facade) finds it
    def missing(req):  # type: ignore[no-untyped-def]
        doc, plan = rule_based_analyze(req)
        plan.findings = [f for f in plan.findings if f.text != HEALTH_WORD]
        return doc, plan

    monkeypatch.setattr(pipeline, "analyze_input", missing)
    case = case_with(tmp_path, f"Han har {HEALTH_WORD} og tager medicin.")
    decisions = decide(case, tmp_path / "afg.yaml")
    out, logf = tmp_path / "ud", tmp_path / "l.jsonl"
    res = run(case, "--decisions", decisions, "--log", logf, "-o", out)
    assert res.exit_code == 1, res.output
    assert "politikken ville stadig fjerne (R2" in res.output
    assert "beskrivelse.egen_beretning" in res.output and HEALTH_WORD in res.output
    assert not out.exists() and not logf.exists()


def test_a_restored_health_word_is_approved(tmp_path: Path) -> None:
    case = case_with(tmp_path, f"Han har {HEALTH_WORD} og tager medicin.")
    decisions = decide(case, tmp_path / "afg.yaml", restore_word=HEALTH_WORD)
    res = run(case, "--decisions", decisions, "--log", tmp_path / "l.jsonl",
              "-o", tmp_path / "ud")
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize("planted", [STRANGER, HEALTH_WORD])
def test_text_injected_into_docx_metadata_is_refused(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     planted: str) -> None:
    """A name or health word in a rendered file that is neither the case's analysed text
    nor a fixed text of the renderer (a tampered template, metadata)."""
    from gldocs.document import case_doc

    real = case_doc.render_case

    def tampered(case, fmt, banner=None, header=None):  # type: ignore[no-untyped-def]
        data = real(case, fmt, banner, header)
        if fmt != "docx":
            return data
        src = zipfile.ZipFile(io.BytesIO(data))
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                part = src.read(info)
                if info.filename == "docProps/core.xml":
                    part = part.replace(b"</cp:coreProperties>",
                                        f"<dc:description>Notat om {planted}</dc:description>"
                                        "</cp:coreProperties>".encode())
                dst.writestr(info, part)
        return buf.getvalue()

    monkeypatch.setattr(case_doc, "render_case", tampered)
    decisions = decide(MAIN_CASE, tmp_path / "afg.yaml")
    out, logf = tmp_path / "ud", tmp_path / "l.jsonl"
    res = run(MAIN_CASE, "--decisions", decisions, "--docx", "--log", logf, "-o", out)
    assert res.exit_code == 1, res.output
    assert "tekst uden for sagens redigerede indhold og skabelonens faste tekst" in res.output
    assert "docProps/core.xml" in res.output and planted in res.output
    assert not out.exists() and not logf.exists()


def test_text_injected_into_a_pdf_page_is_refused(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from gldocs.render import context

    real = context.document_block

    def tampered(case, doc, banner, mark=None):  # type: ignore[no-untyped-def]
        block = real(case, doc, banner, mark)
        block["sidefod"] = f"{block['sidefod']} · kontakt {STRANGER}"
        return block

    monkeypatch.setattr(context, "document_block", tampered)
    decisions = decide(MAIN_CASE, tmp_path / "afg.yaml")
    res = run(MAIN_CASE, "--decisions", decisions, "--log", tmp_path / "l.jsonl",
              "-o", tmp_path / "ud")
    assert res.exit_code == 1, res.output
    assert STRANGER in res.output and "side 1" in res.output


def test_the_renderers_fixed_texts_do_not_trigger(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The real policy reads some of the renderer's own sentences as removable (R5, R3); a
    stand-in that flags them everywhere must not stop the export."""
    fixed = ["Den koordinerede indsats ophører med tilsynets udgang",
             "Disciplinæroplysninger"]
    assert any(fixed[0] in t for t in fixed_texts())
    assert fixed[1] in fixed_texts()

    def flags_fixed(doc, req):  # type: ignore[no-untyped-def]
        from gldocs.redact.model import Finding

        plan = rule_based_document(doc, req)
        if doc.kind == "case":
            return plan
        for u in doc.units:
            for word in ("Disciplinæroplysninger", "Kriminalforsorgen"):
                at = u.text.find(word)
                if at >= 0:
                    plan.findings.append(Finding(u.path, u.section, at, at + len(word), word,
                                                 "R5", "rhl. § 9", "lexicon", "INTERN", 0.9,
                                                 "remove", "[udeladt: ikke nødvendigt]"))
        return plan

    monkeypatch.setattr(pipeline, "analyze_document", flags_fixed)
    decisions = decide(MAIN_CASE, tmp_path / "afg.yaml")
    res = run(MAIN_CASE, "--decisions", decisions, "--docx", "--log", tmp_path / "l.jsonl",
              "-o", tmp_path / "ud")
    assert res.exit_code == 0, res.output


def test_known_texts_explain_whole_sequences_only() -> None:
    known = KnownTexts(["Hans Jensen er socialrådgiver.", "Navn:", "Peter"])
    text = "Navn: Peter Hansen\nHans Jensen er socialrådgiver."
    toks = tokens(text)
    done = dict(zip((t.text for t in toks), known.explain(toks), strict=False))
    assert done["Hansen"] is False  # not explained by "Hans" or "Peter" standing elsewhere
    assert done["Navn"] and done["Peter"] and done["socialrådgiver"]
    # a wrapped paragraph with a page header between its halves is still explained
    toks = tokens("Hans Jensen er\nHandleplan HP-1\nsocialrådgiver.")
    assert all(KnownTexts(["Hans Jensen er socialrådgiver.", "Handleplan HP-1"]).explain(toks))


def test_source_literals_skip_docstrings_and_split_placeholders() -> None:
    src = ('"""Modulets docstring."""\n'
           'def f(x):\n    """Funktionens docstring."""\n'
           '    return f"Version {x} af planen" + "Side %d af %d"\n')
    found = source_literals(src)
    assert "Version" in found and "af planen" in found and "Side" in found
    assert not any("docstring" in t for t in found)


def test_without_the_renderers_source_the_final_check_fails_closed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    from gldocs.errors import GldocsError
    from gldocs.render.fixed_texts import module_literals

    fake = types.ModuleType("gldocs_compiled_only")
    fake.__file__ = "/nowhere/gldocs_compiled_only.pyc"
    monkeypatch.setitem(sys.modules, "gldocs_compiled_only", fake)
    with pytest.raises(GldocsError, match="slutkontrol"):
        module_literals("gldocs_compiled_only")
