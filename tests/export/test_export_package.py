"""``gldocs export`` end to end, with a rule-based stand-in for the NER engine (fast).

The real engine runs in test_export_ner.py (slow). Here: S/MIME round trip of the package,
refusals (undecided findings, --no-ner output, EC certificate, broken log), planted leaks
that must stop the export with nothing written, restores, and the disclosure log.
"""

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
from cryptography.hazmat.primitives.asymmetric import ec
from export_fixtures import (
    MAIN_CASE,
    REVIEW_FIELD,
    attachments_of,
    decrypt,
    make_cert,
    openssl_verify,
    rule_based_analyze,
    rule_based_document,
    write_certs,
)

from gldocs.cli import main
from gldocs.export.log import read_log, verify_log
from gldocs.review import pipeline
from gldocs.review.decisions import Decisions, decision_for, save_decisions

CLIENT_CPR = "140595-1237"
CLIENT_NAME = "Jonas Bech Frederiksen"


@pytest.fixture(autouse=True)
def _engine_and_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(pipeline, "analyze_input", rule_based_analyze)
    monkeypatch.setattr(pipeline, "analyze_document", rule_based_document)
    monkeypatch.setenv("GLDOCS_HOME", str(tmp_path / "home"))


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return write_certs(tmp_path_factory.mktemp("certs"))


def plan_of(case: Path):  # type: ignore[no-untyped-def]
    return rule_based_analyze(pipeline.Request(input=case))[1]


def accept_review(case: Path, out: Path, restore: dict[str, str] | None = None) -> Path:
    """A decisions file accepting every review finding and restoring texts given by path."""
    plan = plan_of(case)
    d = Decisions(document=case.name, policy="kommune", caseworker="Maja Lindholt Kjær")
    for f in plan.needs_review():
        d.decisions[f.id] = decision_for(f, "accept")
    for f in plan.removals():
        if restore and f.unit_path in restore and f.rule == "R1":
            d.decisions[f.id] = decision_for(f, "restore", restore[f.unit_path])
    save_decisions(out, d)
    return out


def run(*args: str | Path):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["export", *map(str, args)])


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_signed_and_encrypted_package_round_trip(tmp_path: Path, certs) -> None:  # type: ignore[no-untyped-def]
    decisions = accept_review(MAIN_CASE, tmp_path / "afg.yaml")
    out, logf = tmp_path / "ud", tmp_path / "log.jsonl"
    res = run(MAIN_CASE, "--to", "kommune", "--decisions", decisions, "--cert", certs.muni_cert,
              "--sign-cert", certs.own_cert, "--sign-key", certs.own_key, "--log", logf,
              "-o", out)
    assert res.exit_code == 0, res.output
    assert "krypteret" in res.output and "post nr. 1" in res.output
    eml_path = out / "sikker-post-HP-2026-0142.eml"
    written = {p.name: p.read_bytes() for p in out.iterdir() if p.suffix == ".pdf"}
    assert set(written) == {"handleplan_HP-2026-0142_v2_til-kommunen.pdf",
                            "foelgeskrivelse_HP-2026-0142_v2.pdf"}
    eml = eml_path.read_bytes()
    outer = email.message_from_bytes(eml, policy=email.policy.default)
    subject = outer["Subject"]
    assert "HP-2026-0142" in subject
    assert not re.search(r"Jonas|Frederiksen|140595|1237", subject)
    assert outer.get_content_type() == "application/pkcs7-mime"
    assert b"Frederiksen" not in eml and b"handleplan_" not in eml  # all inside the envelope

    muni_cert, muni_key = certs.muni
    own_cert, own_key = certs.own
    signed = decrypt(eml, muni_cert, muni_key)
    assert decrypt(eml, own_cert, own_key)  # the sender keeps a readable copy
    assert attachments_of(signed) == written  # byte for byte what was written
    ca = tmp_path / "ca.pem"
    ca.write_bytes(own_cert.public_bytes(serialization.Encoding.PEM))
    verified = openssl_verify(signed, ca, tmp_path)
    assert verified.returncode == 0, verified.stderr

    handleplan = pdf_text(written["handleplan_HP-2026-0142_v2_til-kommunen.pdf"])
    assert "Birgitte" not in handleplan and "Lene Thorsen" not in handleplan
    assert "[person]" in handleplan

    assert verify_log(logf) == []
    entries, _ = read_log(logf)
    assert len(entries) == 1
    entry = entries[0]
    assert entry.recipient == "indgang.kriminalforsorgen@aarhus.dk"
    assert entry.caseworker == "Maja Lindholt Kjær"
    assert entry.reference == "HP-2026-0142"
    assert CLIENT_CPR.replace("-", "") not in entry.line() and len(entry.client) == 64
    docs = {d.name: d.sha256 for d in entry.documents}
    import hashlib

    assert docs["sikker-post-HP-2026-0142.eml"] == hashlib.sha256(eml).hexdigest()
    for name, data in written.items():
        assert docs[name] == hashlib.sha256(data).hexdigest()
    assert entry.findings_by_rule["R1"] > 5 and entry.findings_by_rule["R5"] == 1
    assert entry.policy_name == "kommune" and "rhl. § 9" in entry.legal_grounds


def test_undecided_findings_refuse_then_decisions_let_it_through(tmp_path: Path) -> None:
    out, logf = tmp_path / "ud", tmp_path / "log.jsonl"
    res = run(MAIN_CASE, "--log", logf, "-o", out)
    assert res.exit_code == 1, res.output
    review = plan_of(MAIN_CASE).needs_review()[0]
    assert "afventer sagsbehandlerens afgørelse" in res.output
    assert review.id in res.output and REVIEW_FIELD in res.output and "R5" in res.output
    assert "placeret på afdeling B2" in res.output  # the text excerpt
    assert not out.exists() and not logf.exists()

    decisions = accept_review(MAIN_CASE, tmp_path / "afg.yaml")
    res = run(MAIN_CASE, "--decisions", decisions, "--log", logf, "-o", out)
    assert res.exit_code == 0, res.output
    assert "IKKE krypteret" in res.output and "sikker post" in res.output
    eml = (out / "sikker-post-HP-2026-0142.eml").read_bytes()
    pdfs = {p.name: p.read_bytes() for p in out.glob("*.pdf")}
    assert attachments_of(eml) == pdfs
    assert len(read_log(logf)[0]) == 1


def test_default_decisions_file_beside_the_case_is_used(tmp_path: Path) -> None:
    case = tmp_path / "sag.yaml"
    case.write_bytes(MAIN_CASE.read_bytes())
    accept_review(case, pipeline.default_decisions(case))
    res = run(case, "--log", tmp_path / "log.jsonl", "-o", tmp_path / "ud")
    assert res.exit_code == 0, res.output
    assert "sag.afgoerelser.yaml" in res.output


def test_stale_decision_is_reported(tmp_path: Path) -> None:
    decisions = accept_review(MAIN_CASE, tmp_path / "afg.yaml")
    data = yaml.safe_load(decisions.read_text(encoding="utf-8"))
    data["afgørelser"]["f-000000000000"] = {"afgørelse": "accept", "tekst": "Gammel tekst"}
    decisions.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    res = run(MAIN_CASE, "--decisions", decisions, "--log", tmp_path / "l.jsonl",
              "-o", tmp_path / "ud")
    assert res.exit_code == 0, res.output
    assert "f-000000000000" in res.output and "passer ikke længere" in res.output


def test_restored_finding_is_passed_on_and_logged(tmp_path: Path) -> None:
    why = "Moren er kommunens kontakt til boligen og skal nævnes ved navn."
    decisions = accept_review(MAIN_CASE, tmp_path / "afg.yaml",
                              restore={"beskrivelse.bolig": why})
    out, logf = tmp_path / "ud", tmp_path / "log.jsonl"
    res = run(MAIN_CASE, "--decisions", decisions, "--log", logf, "-o", out)
    assert res.exit_code == 0, res.output
    text = pdf_text((out / "handleplan_HP-2026-0142_v2_til-kommunen.pdf").read_bytes())
    assert "Birgitte Bech Frederiksen" in " ".join(text.split())
    entry = read_log(logf)[0][0]
    assert [r.justification for r in entry.restored] == [why] * len(entry.restored)
    assert {r.rule for r in entry.restored} == {"R1"}


def test_no_ner_output_is_refused(tmp_path: Path) -> None:
    doc, plan = rule_based_analyze(pipeline.Request(input=MAIN_CASE))
    plan.no_ner = True
    marked = tmp_path / "sag.redigeret.yaml"
    pipeline.write_output(doc, plan, marked)  # the writer's own banner for --no-ner
    res = run(marked, "--log", tmp_path / "l.jsonl", "-o", tmp_path / "ud")
    assert res.exit_code == 2, res.output
    assert "IKKE TIL VIDEREGIVELSE" in res.output and "--no-ner" in res.output
    assert not (tmp_path / "ud").exists()


def test_ec_certificate_is_refused_with_exit_2(tmp_path: Path) -> None:
    cert, _ = make_cert("EC-kommune", "ec@example.dk", ec.generate_private_key(ec.SECP256R1()))
    pem = tmp_path / "ec.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    res = run(MAIN_CASE, "--cert", pem, "--log", tmp_path / "l.jsonl", "-o", tmp_path / "ud")
    assert res.exit_code == 2, res.output
    assert "EC-certifikat" in res.output


def _with_pdf_metadata(data: bytes, **meta: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.add_metadata({f"/{k}": v for k, v in meta.items()})
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _assert_nothing_written(res, out: Path, logf: Path) -> None:  # type: ignore[no-untyped-def]
    assert res.exit_code == 1, res.output
    assert "Lækagescanningen" in res.output
    assert not out.exists() and not logf.exists()


def test_removed_text_in_pdf_metadata_stops_the_export(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gldocs.document import case_doc

    real = case_doc.render_case
    monkeypatch.setattr(case_doc, "render_case", lambda case, fmt, banner=None, header=None:
                        _with_pdf_metadata(real(case, fmt, banner, header),
                                           Author="Lene Thorsen"))
    decisions = accept_review(MAIN_CASE, tmp_path / "afg.yaml")
    out, logf = tmp_path / "ud", tmp_path / "log.jsonl"
    res = run(MAIN_CASE, "--decisions", decisions, "--log", logf, "-o", out)
    _assert_nothing_written(res, out, logf)
    assert "handleplan_HP-2026-0142_v2_til-kommunen.pdf" in res.output
    assert "Lene Thorsen" in res.output
    assert "/Author" in res.output


def test_third_party_cpr_in_the_letter_stops_the_export(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import gldocs.render as render

    real = render.render_document

    def planted(case, doc, fmt, banner=None, **options):  # type: ignore[no-untyped-def]
        data = real(case, doc, fmt, banner, **options)
        return _with_pdf_metadata(data, Subject="Mor: 120362-1954") if doc != "handleplan" \
            else data

    monkeypatch.setattr(render, "render_document", planted)
    decisions = accept_review(MAIN_CASE, tmp_path / "afg.yaml")
    out, logf = tmp_path / "ud", tmp_path / "log.jsonl"
    res = run(MAIN_CASE, "--decisions", decisions, "--log", logf, "-o", out)
    _assert_nothing_written(res, out, logf)
    assert "foelgeskrivelse_HP-2026-0142_v2.pdf" in res.output and "CPR-nummer" in res.output
    assert "120362-****" in res.output and "1954" not in res.output  # masked on screen


def test_third_party_name_in_a_file_name_stops_the_export(tmp_path: Path) -> None:
    case = tmp_path / "sag.yaml"
    case.write_text(MAIN_CASE.read_text(encoding="utf-8").replace(
        "reference: HP-2026-0142", "reference: HP-Thorsen-7"), encoding="utf-8")
    decisions = accept_review(case, tmp_path / "afg.yaml")
    out, logf = tmp_path / "ud", tmp_path / "log.jsonl"
    res = run(case, "--decisions", decisions, "--log", logf, "-o", out)
    _assert_nothing_written(res, out, logf)
    assert "[filnavn]" in res.output and "Thorsen" in res.output


def test_docx_versions_are_attached_and_scanned(tmp_path: Path, certs) -> None:  # type: ignore[no-untyped-def]
    decisions = accept_review(MAIN_CASE, tmp_path / "afg.yaml")
    out = tmp_path / "ud"
    res = run(MAIN_CASE, "--decisions", decisions, "--docx", "--cert", certs.muni_cert,
              "--log", tmp_path / "l.jsonl", "-o", out)
    assert res.exit_code == 0, res.output
    written = {p.name: p.read_bytes() for p in out.iterdir() if p.suffix in {".pdf", ".docx"}}
    assert {Path(n).suffix for n in written} == {".pdf", ".docx"} and len(written) == 4
    eml = (out / "sikker-post-HP-2026-0142.eml").read_bytes()
    inner = decrypt(eml, *certs.muni)
    assert attachments_of(inner) == written
    assert "Advarsel: kommunens certifikat" not in res.output  # issued to the case's address


def test_certificate_for_another_address_is_refused(tmp_path: Path) -> None:
    cert, _ = make_cert("Odense Kommune", "sikkerpost@odense.dk")
    pem = tmp_path / "odense.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    decisions = accept_review(MAIN_CASE, tmp_path / "afg.yaml")
    res = run(MAIN_CASE, "--decisions", decisions, "--cert", pem, "--log", tmp_path / "l.jsonl",
              "-o", tmp_path / "ud")
    assert res.exit_code == 2, res.output
    assert "udstedt til sikkerpost@odense.dk" in res.output
    assert not (tmp_path / "ud").exists()


def test_broken_log_stops_the_export_before_writing(tmp_path: Path) -> None:
    decisions = accept_review(MAIN_CASE, tmp_path / "afg.yaml")
    logf = tmp_path / "log.jsonl"
    assert run(MAIN_CASE, "--decisions", decisions, "--log", logf,
               "-o", tmp_path / "ud1").exit_code == 0
    logf.write_text(logf.read_text(encoding="utf-8").replace("Maja", "Mads"), encoding="utf-8")
    out = tmp_path / "ud2"
    res = run(MAIN_CASE, "--decisions", decisions, "--log", logf, "-o", out)
    assert res.exit_code == 1, res.output
    assert "ikke intakt" in res.output and not out.exists()


def test_barred_case_is_refused(tmp_path: Path) -> None:
    from gldocs.paths import SAMPLES_DIR

    res = run(SAMPLES_DIR / "udvist.yaml", "--log", tmp_path / "l.jsonl", "-o", tmp_path / "ud")
    assert res.exit_code == 2, res.output
    assert "udvisningsdømte" in res.output and not (tmp_path / "ud").exists()


DOCUMENT = """Handleplan

Stamoplysninger
Navn: Jonas Bech Frederiksen
CPR-nr.: 140595-1237

Beskrivelse
Bolig: Jonas har ingen bolig. Hans mor Birgitte Bech Frederiksen kan træffes på 40 27 91 58.
Andet: Ved en celleransagning blev der fundet en mobiltelefon.
"""


def test_other_document_is_redacted_and_sent_under_a_neutral_name(tmp_path: Path) -> None:
    doc = tmp_path / "jonas-frederiksen-handleplan.txt"
    doc.write_text(DOCUMENT, encoding="utf-8")
    out, logf = tmp_path / "ud", tmp_path / "log.jsonl"
    base = [doc, "--areas", "bolig", "--log", logf, "-o", out]
    res = run(*base)
    assert res.exit_code == 1 and "celleransagning" in res.output  # review finding undecided

    plan = plan_of(doc)
    d = Decisions(document=doc.name, policy="kommune")
    for f in plan.needs_review():
        d.decisions[f.id] = decision_for(f, "accept")
    save_decisions(pipeline.default_decisions(doc), d)
    res = run(*base)
    assert res.exit_code == 2 and "--caseworker" in res.output  # no case: say who sends
    res = run(*base, "--caseworker", "Maja Lindholt Kjær", "--sender", "maja@krfo.example")
    assert res.exit_code == 2 and "--recipient" in res.output
    res = run(*base, "--caseworker", "Maja Lindholt Kjær", "--sender", "maja@krfo.example",
              "--recipient", "kommune@example.dk")
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in out.iterdir()) == ["bilag-1_til-kommunen.txt", "sikker-post.eml"]
    sent = attachments_of((out / "sikker-post.eml").read_bytes())
    assert sent == {"bilag-1_til-kommunen.txt": (out / "bilag-1_til-kommunen.txt").read_bytes()}
    text = sent["bilag-1_til-kommunen.txt"].decode("utf-8")
    assert "Birgitte" not in text and "40 27 91 58" not in text and "celleransagning" not in text
    assert "[person]" in text and "140595-1237" in text  # the client's own CPR is kept (K1)
    entry = read_log(logf)[0][0]
    assert entry.recipient == "kommune@example.dk" and entry.reference is None


def test_case_and_document_go_together_but_not_two_clients(tmp_path: Path) -> None:
    decisions = accept_review(MAIN_CASE, tmp_path / "afg.yaml")
    note = tmp_path / "notat.txt"
    note.write_text(DOCUMENT.replace("Andet: Ved en celleransagning blev der fundet en "
                                     "mobiltelefon.\n", ""), encoding="utf-8")
    out = tmp_path / "ud"
    res = run(MAIN_CASE, note, "--decisions", decisions, "--log", tmp_path / "l.jsonl",
              "-o", out)  # the note is redacted with the case's coordination areas
    assert res.exit_code == 0, res.output
    sent = attachments_of((out / "sikker-post-HP-2026-0142.eml").read_bytes())
    assert "bilag-1-HP-2026-0142_til-kommunen.txt" in sent
    assert "handleplan_HP-2026-0142_v2_til-kommunen.pdf" in sent

    other = tmp_path / "andet.txt"
    other.write_text(note.read_text(encoding="utf-8").replace("140595-1237", "020304-1235"),
                     encoding="utf-8")
    res = run(MAIN_CASE, other, "--decisions", decisions, "--log", tmp_path / "l.jsonl",
              "-o", tmp_path / "ud2")
    assert res.exit_code == 2 and "forskellige klienter" in res.output
    assert not (tmp_path / "ud2").exists()


def test_expired_municipality_certificate_is_refused(tmp_path: Path) -> None:
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Gammel kommune")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
            .not_valid_after(datetime.datetime(2025, 3, 2, tzinfo=datetime.UTC))
            .sign(key, hashes.SHA256()))
    pem = tmp_path / "gammel.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    res = run(MAIN_CASE, "--cert", pem, "--log", tmp_path / "l.jsonl", "-o", tmp_path / "ud")
    assert res.exit_code == 2, res.output
    assert "udløb den 2. marts 2025" in res.output


def _with_docx_creator(data: bytes, creator: str) -> bytes:
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info)
            if info.filename == "docProps/core.xml":
                part = re.sub(rb"<dc:creator>.*?</dc:creator>|<dc:creator/>", b"", part)
                part = part.replace(b"</cp:coreProperties>", b"<dc:creator>" +
                                    creator.encode() + b"</dc:creator></cp:coreProperties>")
            dst.writestr(info, part)
    return buf.getvalue()


def test_name_in_docx_core_properties_stops_the_export(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gldocs.document import case_doc

    real = case_doc.render_case

    def planted(case, fmt, banner=None, header=None):  # type: ignore[no-untyped-def]
        data = real(case, fmt, banner, header)
        return _with_docx_creator(data, "Camilla Holst Jensen") if fmt == "docx" else data

    monkeypatch.setattr(case_doc, "render_case", planted)
    decisions = accept_review(MAIN_CASE, tmp_path / "afg.yaml")
    out, logf = tmp_path / "ud", tmp_path / "log.jsonl"
    res = run(MAIN_CASE, "--decisions", decisions, "--docx", "--log", logf, "-o", out)
    _assert_nothing_written(res, out, logf)
    assert "handleplan_HP-2026-0142_v2_til-kommunen.docx" in res.output
    assert "docProps/core.xml" in res.output and "Camilla Holst Jensen" in res.output


def test_failed_write_takes_the_package_back_and_logs_nothing(tmp_path: Path,
                                                              monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import gldocs.atomic as atomic

    real = atomic.write_bytes_atomic
    calls: list[Path] = []

    def failing(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "Der er ikke mere plads på enheden")
        real(path, data)

    decisions = accept_review(MAIN_CASE, tmp_path / "afg.yaml")
    monkeypatch.setattr(atomic, "write_bytes_atomic", failing)
    out, logf = tmp_path / "ud", tmp_path / "log.jsonl"
    res = run(MAIN_CASE, "--decisions", decisions, "--log", logf, "-o", out)
    assert res.exit_code == 2, res.output
    assert "kan ikke skrives" in res.output and "ikke mere plads" in res.output
    assert len(calls) == 2 and calls[0].parent == out  # the first file was written ...
    assert list(out.iterdir()) == [] and not logf.exists()  # ... and taken back


def test_handleplan_not_attached_when_the_case_says_so(tmp_path: Path) -> None:
    case = tmp_path / "sag.yaml"
    case.write_text(MAIN_CASE.read_text(encoding="utf-8").replace(
        "  koordinering:\n",
        "  handleplan_vedlagt: nej\n  handleplan_ikke_vedlagt_begrundelse: Kommunen har den "
        "allerede fra koordineringsmødet.\n  koordinering:\n", 1), encoding="utf-8")
    decisions = accept_review(case, tmp_path / "afg.yaml")
    out = tmp_path / "ud"
    res = run(case, "--decisions", decisions, "--log", tmp_path / "l.jsonl", "-o", out)
    assert res.exit_code == 0, res.output
    assert "Handleplanen er ikke vedlagt" in res.output
    sent = attachments_of((out / "sikker-post-HP-2026-0142.eml").read_bytes())
    assert list(sent) == ["foelgeskrivelse_HP-2026-0142_v2.pdf"]


def test_unknown_recipient_policy_is_refused(tmp_path: Path) -> None:
    res = run(MAIN_CASE, "--to", "ingen-saadan-politik", "--log", tmp_path / "l.jsonl",
              "-o", tmp_path / "ud")
    assert res.exit_code == 2, res.output
    assert "ingen-saadan-politik" in res.output and not (tmp_path / "ud").exists()


def test_existing_package_files_are_kept_without_overwrite(tmp_path: Path) -> None:
    """Issue 9 §5: a second export into the same folder replaces nothing silently."""
    decisions = accept_review(MAIN_CASE, tmp_path / "afg.yaml")
    out = tmp_path / "ud"
    logf = tmp_path / "l.jsonl"
    assert run(MAIN_CASE, "--decisions", decisions, "--log", logf, "-o", out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    res = run(MAIN_CASE, "--decisions", decisions, "--log", logf, "-o", out)
    assert res.exit_code == 2 and "--overwrite" in res.output, res.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert len(logf.read_text(encoding="utf-8").splitlines()) == 1  # nothing logged either
    res = run(MAIN_CASE, "--decisions", decisions, "--log", logf, "-o", out, "--overwrite")
    assert res.exit_code == 0, res.output


def test_dry_run_writes_a_proeve_folder_and_logs_nothing(tmp_path: Path) -> None:
    decisions = accept_review(MAIN_CASE, tmp_path / "afg.yaml")
    out, logf = tmp_path / "ud", tmp_path / "log.jsonl"
    res = run(MAIN_CASE, "--decisions", decisions, "--log", logf, "-o", out, "--proev")
    assert res.exit_code == 0, res.output
    assert res.output.startswith("PRØVE: pakken er kun en prøve. Den må ikke sendes")
    assert f"Intet er ført i videregivelsesloggen ({logf})." in res.output
    assert not logf.exists()
    names = sorted(p.name for p in (out / "PRØVE").iterdir())
    assert "handleplan_HP-2026-0142_v2_til-kommunen.pdf" in names
    assert sorted(p.name for p in out.iterdir()) == ["PRØVE"]


def test_first_export_says_where_the_log_lives(tmp_path: Path) -> None:
    decisions = accept_review(MAIN_CASE, tmp_path / "afg.yaml")
    logf = tmp_path / "log" / "videregivelser.jsonl"
    first = run(MAIN_CASE, "--decisions", decisions, "--log", logf, "-o", tmp_path / "ud1")
    assert first.exit_code == 0, first.output
    assert f"Videregivelsesloggen er oprettet her: {logf}." in first.output
    assert "'gldocs log sti'" in first.output and "GLDOCS_LOG=STI eller --log STI" in first.output
    second = run(MAIN_CASE, "--decisions", decisions, "--log", logf, "-o", tmp_path / "ud2")
    assert second.exit_code == 0, second.output
    assert "oprettet her" not in second.output and "(post nr. 2)" in second.output
    # every page of the sent plan says for whom it was redacted
    text = pdf_text((tmp_path / "ud2" / "handleplan_HP-2026-0142_v2_til-kommunen.pdf")
                    .read_bytes())
    assert text.count("Redigeret til Aarhus Kommune efter rhl. §§ 9-10 · ") == \
        len(pypdf.PdfReader(tmp_path / "ud2" / "handleplan_HP-2026-0142_v2_til-kommunen.pdf")
            .pages)
