"""The decisions file: round trip, justification rules, stale decisions, extra removals."""

from __future__ import annotations

from pathlib import Path

import pytest

from gldocs.errors import InputError
from gldocs.redact.model import Plan
from gldocs.review.decisions import (
    Decisions,
    ExtraRemoval,
    apply_decisions,
    decision_for,
    decisions_template,
    load_decisions,
    problem_lines,
    save_decisions,
    undecided,
)

S10_OK = ("Kommunen skal kende diagnosen, da det er strengt nødvendigt for at planlægge "
          "botilbuddet efter løsladelsen.")


def by_text(plan: Plan, text: str):
    return next(f for f in plan.findings if f.text == text)


def test_round_trip_keeps_everything(tmp_path: Path, plan: Plan) -> None:
    dec = decisions_template(plan, caseworker="Lone Berg")
    karen = by_text(plan, "Karen Lykke Holm")
    diag = by_text(plan, "paranoid skizofreni")
    dec.decisions[karen.id] = decision_for(karen, "restore", "Søsteren er kontaktperson "
                                                              "for boligen.")
    dec.decisions[diag.id] = decision_for(diag, "accept")
    dec.extra.append(ExtraRemoval(text="Randers", reason="Byen er ikke nødvendig",
                                  rule="R1", unit_path="beskrivelse.netvaerk"))
    path = tmp_path / "afg.yaml"
    save_decisions(path, dec)
    raw = path.read_text(encoding="utf-8")
    assert raw.startswith("# Sagsbehandlerens afgørelser")
    assert "Karen Lykke Holm" in raw and "regel: R1" in raw  # read-only context for a human
    assert "markør: '[pårørende]'" in raw
    loaded = load_decisions(path)
    assert loaded.document == "handleplan.txt"
    assert loaded.policy == "kommune"
    assert loaded.areas == ["bolig", "beskæftigelse"]
    assert loaded.caseworker == "Lone Berg"
    assert loaded.created and loaded.updated
    assert loaded.decisions[karen.id].action == "restore"
    assert loaded.decisions[karen.id].justification.startswith("Søsteren")
    assert loaded.decisions[diag.id].action == "accept"
    assert loaded.extra == dec.extra
    assert loaded.source == str(path)
    assert not list(tmp_path.glob(".*.tmp"))  # atomic write left nothing behind


def test_restore_flips_to_keep_and_accept_clears_review(plan: Plan) -> None:
    addr = by_text(plan, "Gørtlervej 17 i Randers")
    karen = by_text(plan, "Karen Lykke Holm")
    dec = Decisions(decisions={
        karen.id: decision_for(karen, "restore", "Søsteren er kontaktperson for boligen."),
        addr.id: decision_for(addr, "accept"),
    })
    result = apply_decisions(plan, dec)
    new_karen = by_text(result.plan, "Karen Lykke Holm")
    assert new_karen.action == "keep"
    assert "kontaktperson" in new_karen.explanation
    assert by_text(result.plan, "Gørtlervej 17 i Randers").action == "remove"
    assert not by_text(result.plan, "Gørtlervej 17 i Randers").review
    assert [f.text for f, _ in result.restored] == ["Karen Lykke Holm"]
    assert [f.text for f in result.undecided] == ["Zyprexa"]
    assert result.stale == []
    # the input plan is untouched
    assert by_text(plan, "Karen Lykke Holm").action == "remove"


def test_section_10_restore_needs_strengt_noedvendigt(plan: Plan) -> None:
    diag = by_text(plan, "paranoid skizofreni")
    weak_text = "Kommunen vil gerne vide det"
    weak = Decisions(source="afg.yaml",
                     decisions={diag.id: decision_for(diag, "restore", weak_text)})
    with pytest.raises(InputError) as err:
        apply_decisions(plan, weak)
    assert "afg.yaml" in err.value.message and diag.id in err.value.message
    assert "strengt nødvendig" in err.value.message

    short = Decisions(decisions={diag.id: decision_for(diag, "restore", "strengt nødvendigt")})
    with pytest.raises(InputError):
        apply_decisions(plan, short)

    ok = Decisions(decisions={diag.id: decision_for(diag, "restore", S10_OK)})
    assert by_text(apply_decisions(plan, ok).plan, "paranoid skizofreni").action == "keep"


def test_restore_without_justification_is_refused_on_load(tmp_path: Path, plan: Plan) -> None:
    karen = by_text(plan, "Karen Lykke Holm")
    path = tmp_path / "afg.yaml"
    path.write_text(f"afgørelser:\n  {karen.id}:\n    afgørelse: restore\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_decisions(path)
    assert str(path) in err.value.message and karen.id in err.value.message


def test_bad_files_give_danish_errors(tmp_path: Path) -> None:
    path = tmp_path / "afg.yaml"
    path.write_text("afgørelser:\n  f-1: [\n", encoding="utf-8")
    with pytest.raises(InputError, match="ikke gyldig YAML"):
        load_decisions(path)
    path.write_text("afgørelser:\n  f-1:\n    afgørelse: måske\n", encoding="utf-8")
    with pytest.raises(InputError, match="ukendt værdi 'måske'"):
        load_decisions(path)
    path.write_text("ekstra:\n  - tekst: Randers\n", encoding="utf-8")
    with pytest.raises(InputError, match="begrundelse"):
        load_decisions(path)
    with pytest.raises(InputError, match="findes ikke"):
        load_decisions(tmp_path / "mangler.yaml")


def test_danish_aliases_and_short_form(tmp_path: Path, plan: Plan) -> None:
    karen = by_text(plan, "Karen Lykke Holm")
    addr = by_text(plan, "Gørtlervej 17 i Randers")
    path = tmp_path / "afg.yaml"
    path.write_text(f"afgørelser:\n  {addr.id}: fjern\n  {karen.id}:\n    afgørelse: gendan\n"
                    "    begrundelse: Søsteren er kontaktperson.\n", encoding="utf-8")
    dec = load_decisions(path)
    assert dec.decisions[addr.id].action == "accept"
    assert dec.decisions[karen.id].action == "restore"


def test_stale_decisions_are_reported_never_dropped(plan: Plan) -> None:
    karen = by_text(plan, "Karen Lykke Holm")
    dec = Decisions(decisions={karen.id: decision_for(karen, "accept")},
                    extra=[ExtraRemoval(text="Aarhus", reason="Byen er ikke nødvendig")])
    # the document changed: the sister's name is now spelt differently
    changed = build_changed(plan)
    result = apply_decisions(changed, dec)
    assert {s.finding_id for s in result.stale} == {karen.id, ""}
    texts = " ".join(s.describe() for s in result.stale)
    assert "Karen Lykke Holm" in texts and "Aarhus" in texts
    lines = problem_lines(result)
    assert lines[0].startswith("2 afgørelser passer ikke længere")
    assert any(karen.id in ln for ln in lines) and any("Aarhus" in ln for ln in lines)


def build_changed(plan: Plan) -> Plan:
    from gldocs.document.units import TextUnit
    from gldocs.redact.model import Finding

    units = [u if u.path != "beskrivelse.netvaerk" else
             TextUnit(u.section, u.path, u.text.replace("Karen Lykke Holm", "Karin Lykke Holm"))
             for u in plan.units]
    findings: list[Finding] = []
    for f in plan.findings:
        if f.text == "Karen Lykke Holm":
            f = Finding(**{**f.__dict__, "text": "Karin Lykke Holm", "id": ""})
        findings.append(f)
    return Plan(units=units, findings=findings, policy_name=plan.policy_name,
                policy_version=plan.policy_version, areas=plan.areas, source=plan.source)


def test_extra_removals_mark_every_occurrence(plan: Plan) -> None:
    dec = Decisions(extra=[ExtraRemoval(text="Han", reason="Test af ekstra fjernelse",
                                        rule="R5")])
    result = apply_decisions(plan, dec)
    added = [f for f in result.plan.findings if f.detector == "caseworker"]
    assert len(added) == 3  # "Han" begins three units
    assert all(f.action == "remove" and f.marker == "[udeladt]" and f.rule == "R5"
               for f in added)
    assert all(f.explanation.endswith("Test af ekstra fjernelse") for f in added)
    limited = Decisions(extra=[ExtraRemoval(text="Han", reason="kun i én del",
                                            unit_path="beskrivelse.helbred")])
    only = [f for f in apply_decisions(plan, limited).plan.findings if f.detector == "caseworker"]
    assert [f.unit_path for f in only] == ["beskrivelse.helbred"]
    assert only[0].start == 0 and only[0].end == 3


def test_header_mismatch_warns(plan: Plan) -> None:
    dec = Decisions(document="andet.docx", policy="kommune", areas=["misbrug"])
    warnings = apply_decisions(plan, dec).warnings
    assert any("andet.docx" in w for w in warnings)
    assert any("misbrug" in w for w in warnings)


def test_undecided_lists_review_findings_without_decision(plan: Plan) -> None:
    assert {f.text for f in undecided(plan, None)} == {"Gørtlervej 17 i Randers", "Zyprexa"}
    zyp = by_text(plan, "Zyprexa")
    dec = Decisions(decisions={zyp.id: decision_for(zyp, "accept")})
    assert [f.text for f in undecided(plan, dec)] == ["Gørtlervej 17 i Randers"]


def test_resave_keeps_created_and_stale_entries(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "afg.yaml"
    path.write_text("oprettet: '2026-03-02T09:00:00+00:00'\nafgørelser:\n"
                    "  f-000000000000:\n    afgørelse: accept\n    tekst: gammel tekst\n",
                    encoding="utf-8")
    loaded = load_decisions(path)
    save_decisions(path, decisions_template(plan, loaded))
    again = load_decisions(path)
    assert again.created == "2026-03-02T09:00:00+00:00" and again.updated != again.created
    assert "f-000000000000" in again.decisions  # a stale decision is kept, not dropped
    assert again.document == "handleplan.txt"


def test_unknown_rule_for_an_extra_removal(tmp_path: Path, plan: Plan) -> None:
    """The policy decides which rules an extra removal may name (a keep rule is none)."""
    path = tmp_path / "afg.yaml"
    path.write_text("ekstra:\n  - tekst: Randers\n    begrundelse: by\n    regel: K1\n",
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"afg\.yaml.*ukendt regel 'K1'"):
        apply_decisions(plan, load_decisions(path))
