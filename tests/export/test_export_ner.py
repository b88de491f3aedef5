"""``gldocs export`` with the real redaction engine and NER model (slow)."""

from __future__ import annotations

import email
import email.policy
import io
import re
from pathlib import Path

import pypdf
import pytest
import yaml
from click.testing import CliRunner
from cryptography.hazmat.primitives import serialization
from export_fixtures import MAIN_CASE, attachments_of, decrypt, openssl_verify, write_certs

from gldocs.case import load_case
from gldocs.cli import main
from gldocs.export.deny import case_third_party_terms
from gldocs.export.log import read_log, verify_log
from gldocs.paths import POLICIES_DIR
from gldocs.review import pipeline
from gldocs.review.decisions import decision_for, decisions_template, save_decisions

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GLDOCS_HOME", str(tmp_path / "home"))


def run(*args: str | Path):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, [*map(str, args)])


def pdf_text(data: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(p.extract_text() for p in pages).split())


def test_main_sample_signed_encrypted_and_logged(tmp_path: Path) -> None:
    certs = write_certs(tmp_path / "certs")
    out, logf = tmp_path / "ud", tmp_path / "log.jsonl"
    res = run("export", MAIN_CASE, "--to", "kommune", "--cert", certs.muni_cert,
              "--sign-cert", certs.own_cert, "--sign-key", certs.own_key, "--docx",
              "--log", logf, "-o", out)
    assert res.exit_code == 0, res.output
    eml = (out / "sikker-post-HP-2026-0142.eml").read_bytes()
    subject = email.message_from_bytes(eml, policy=email.policy.default)["Subject"]
    assert "HP-2026-0142" in subject and not re.search(r"Jonas|Frederiksen|140595", subject)

    signed = decrypt(eml, *certs.muni)
    ca = tmp_path / "ca.pem"
    ca.write_bytes(certs.own[0].public_bytes(serialization.Encoding.PEM))
    verified = openssl_verify(signed, ca, tmp_path)
    assert verified.returncode == 0, verified.stderr
    written = {p.name: p.read_bytes() for p in out.iterdir() if p.suffix in {".pdf", ".docx"}}
    assert len(written) == 4 and attachments_of(signed) == written

    text = pdf_text(written["handleplan_HP-2026-0142_v2_til-kommunen.pdf"])
    for term in case_third_party_terms(load_case(MAIN_CASE)):
        assert not re.search(rf"(?<!\w){re.escape(term.text)}(?!\w)", text), term
    assert "celleransagning" not in text and "Jonas Bech Frederiksen" in text

    assert verify_log(logf) == []
    entry = read_log(logf)[0][0]
    assert entry.findings_by_rule.get("R1", 0) > 0 and entry.policy_name == "kommune"
    assert {d.name for d in entry.documents} == set(written) | {"sikker-post-HP-2026-0142.eml"}


def _strict_policy(folder: Path) -> Path:
    """The kommune policy, flagging every removal scored below 0.99 for review."""
    folder.mkdir()
    data = yaml.safe_load((POLICIES_DIR / "kommune.yaml").read_text(encoding="utf-8"))
    data["thresholds"]["review_below"] = 0.99
    path = folder / "kommune-streng.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (folder / "lexicons").symlink_to(POLICIES_DIR / "lexicons", target_is_directory=True)
    return path


def test_undecided_review_findings_refuse_until_accepted(tmp_path: Path) -> None:
    policy = _strict_policy(tmp_path / "politik")
    out, logf = tmp_path / "ud", tmp_path / "log.jsonl"
    res = run("export", MAIN_CASE, "--to", policy, "--log", logf, "-o", out)
    assert res.exit_code == 1, res.output
    prepared = pipeline.prepare(pipeline.Request(input=MAIN_CASE, policy=str(policy)), None)
    pending = prepared.plan.needs_review()
    assert pending and all(f.id in res.output for f in pending)
    assert not out.exists() and not logf.exists()

    decisions = decisions_template(prepared.plan, caseworker="Maja Lindholt Kjær")
    for f in pending:
        decisions.decisions[f.id] = decision_for(f, "accept")
    save_decisions(tmp_path / "afg.yaml", decisions)
    res = run("export", MAIN_CASE, "--to", policy, "--decisions", tmp_path / "afg.yaml",
              "--log", logf, "-o", out)
    assert res.exit_code == 0, res.output
    assert len(read_log(logf)[0]) == 1


def test_output_of_redact_no_ner_is_refused(tmp_path: Path) -> None:
    marked = tmp_path / "sag.redigeret.yaml"
    res = run("redact", MAIN_CASE, "--no-ner", "-o", marked)
    assert marked.exists(), res.output
    res = run("export", marked, "--log", tmp_path / "log.jsonl", "-o", tmp_path / "ud")
    assert res.exit_code == 2, res.output
    assert "IKKE TIL VIDEREGIVELSE" in res.output and not (tmp_path / "ud").exists()


def test_every_exportable_sample_passes_the_final_policy_check(tmp_path: Path) -> None:
    """The real engine: the renderer's fixed texts, dates and markers are no findings in
    the final check; the redacted content analysed again finds nothing unapproved."""
    for name in ("afsoner-proeveloesladelse", "afsoner-loesladt", "tilsyn-kif", "ung-fodlaenke"):
        case = MAIN_CASE.parent / f"{name}.yaml"
        out = tmp_path / name
        res = run("export", case, "--to", "kommune", "--docx", "--proev",
                  "--log", tmp_path / f"{name}.jsonl", "-o", out)
        if res.exit_code == 1 and "afventer" in res.output:  # accept the review findings
            _doc, plan = pipeline.analyze_input(pipeline.Request(input=case))
            d = decisions_template(plan)
            for f in plan.needs_review():
                d.decisions[f.id] = decision_for(f, "accept")
            save_decisions(tmp_path / f"{name}.afg.yaml", d)
            res = run("export", case, "--to", "kommune", "--docx", "--proev",
                      "--decisions", tmp_path / f"{name}.afg.yaml",
                      "--log", tmp_path / f"{name}.jsonl", "-o", out)
        assert res.exit_code == 0, (name, res.output)


def test_a_stranger_in_the_rendered_footer_is_refused(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A name that is neither in the analysed case nor a fixed text of the renderer (here a
    tampered footer) is found by the real policy analysis in the final bytes."""
    from gldocs.render import context

    real = context.document_block

    def tampered(case, doc, banner, mark=None):  # type: ignore[no-untyped-def]
        block = real(case, doc, banner, mark)
        block["sidefod"] = f"{block['sidefod']} · Kontakt: Bent Overgaard, tlf. 28 41 93 77"
        return block

    monkeypatch.setattr(context, "document_block", tampered)
    _doc, plan = pipeline.analyze_input(pipeline.Request(input=MAIN_CASE))
    d = decisions_template(plan)
    for f in plan.needs_review():
        d.decisions[f.id] = decision_for(f, "accept")
    save_decisions(tmp_path / "afg.yaml", d)
    out, logf = tmp_path / "ud", tmp_path / "log.jsonl"
    res = run("export", MAIN_CASE, "--to", "kommune", "--decisions", tmp_path / "afg.yaml",
              "--log", logf, "-o", out)
    assert res.exit_code == 1, res.output
    assert "tekst uden for sagens redigerede indhold" in res.output
    assert "Overgaard" in res.output or "28 41 93 77" in res.output
    assert not out.exists() and not logf.exists()
