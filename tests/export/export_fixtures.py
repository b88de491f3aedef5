"""Helpers for the export tests: throw-away certificates on disk and a rule-based redactor.

``rule_based_analyze`` stands in for the NER engine in the fast tests: it removes the case's
private persons (name, name parts, phone, address) wherever they occur (R1), the offence
narrative (R4) and flags the prison-internal field ``beskrivelse.andet`` (R5) for review (in
other documents: a line about a cell search, R3), so
the export's own work (decisions, rendering, leak scan, mail, log) is tested without the
model. The slow tests run the real engine.
"""

from __future__ import annotations

import email
import email.policy
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from test_smime import make_cert  # the lead's throw-away certificate maker

from gldocs.paths import SAMPLES_DIR
from gldocs.redact.model import Finding, Plan

MAIN_CASE = SAMPLES_DIR / "afsoner-proeveloesladelse.yaml"
REVIEW_FIELD = "beskrivelse.andet"
NARRATIVE_FIELD = "aarsager.gruppe_beskrivelse"
REVIEW_WORD = "celleransagning"  # in other documents: a whole line flagged for review (R3)

__all__ = ["HEALTH_WORD", "MAIN_CASE", "STRANGER", "CertFiles", "make_cert", "rule_based_analyze",
           "rule_based_document", "write_certs"]


@dataclass
class CertFiles:
    muni_cert: Path
    muni_key: Path
    own_cert: Path
    own_key: Path
    muni: tuple[object, object]
    own: tuple[object, object]


def _pem_key(key) -> bytes:  # type: ignore[no-untyped-def]
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def write_certs(folder: Path) -> CertFiles:
    """A municipality and a sender certificate with keys, as PEM files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    muni = make_cert("Aarhus Kommune", "indgang.kriminalforsorgen@aarhus.dk")
    own = make_cert("Maja Lindholt Kjær", "maja.kjaer@kriminalforsorgen.dk")
    paths = []
    for stem, (cert, key) in (("kommune", muni), ("mig", own)):
        c, k = folder / f"{stem}.pem", folder / f"{stem}.key"
        c.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        k.write_bytes(_pem_key(key))
        paths += [c, k]
    return CertFiles(*paths, muni=muni, own=own)


def _person_terms(case) -> list[str]:  # type: ignore[no-untyped-def]
    client = {w.casefold() for w in case.stamoplysninger.navn.split()}
    terms: list[str] = []
    for p in case.personer:
        terms.append(p.navn)
        terms += [w for w in p.navn.split() if w.casefold() not in client]
        terms += [v for v in (p.telefon, p.adresse, p.cpr, p.email) if v]
    return sorted(set(terms), key=len, reverse=True)


def rule_based_analyze(req):  # type: ignore[no-untyped-def]
    """A deterministic stand-in for ``pipeline.analyze_input``.

    Other documents than case files are redacted with the main sample's persons.
    """
    from gldocs.document.io import read_document

    doc = read_document(req.input)
    return doc, rule_based_document(doc, req)


# What the stand-in also removes wherever it stands, as the real engine would: a name that
# is no person of the case, and a health word (the export's final check must find them).
STRANGER = "Bent Overgaard"
HEALTH_WORD = "sukkersyge"


def rule_based_document(doc, req):  # type: ignore[no-untyped-def]
    """A deterministic stand-in for ``pipeline.analyze_document`` (see
    :func:`rule_based_analyze`); a redacted case (its persons' names are markers now) is
    analysed with the persons of the original case file."""
    from gldocs.case import load_case

    case = doc.handle if doc.kind == "case" else load_case(MAIN_CASE)
    if doc.kind == "case" and doc.path.is_file():
        case = load_case(doc.path)
    findings: list[Finding] = []
    terms = _person_terms(case)
    for unit in doc.units:
        if doc.kind != "case" and REVIEW_WORD in unit.text:
            findings.append(Finding(unit.path, unit.section, 0, len(unit.text), unit.text,
                                    "R3", "rhl. § 9", "lexicon", "SECURITY", 0.5, "remove",
                                    "[udeladt: sikkerhed]", review=True))
            continue
        if unit.path in (REVIEW_FIELD, NARRATIVE_FIELD):
            rule, review = ("R5", True) if unit.path == REVIEW_FIELD else ("R4", False)
            findings.append(Finding(unit.path, unit.section, 0, len(unit.text), unit.text,
                                    rule, "rhl. § 9", "section", "SECTION", 0.6, "remove",
                                    "[udeladt: ikke nødvendigt]", review=review))
            continue
        taken: list[tuple[int, int]] = []
        for term, rule, entity, marker in (
                (STRANGER, "R1", "PERSON", "[person]"),
                (HEALTH_WORD, "R2", "HEALTH", "[udeladt: helbred (rhl. § 10)]")):
            for m in re.finditer(re.escape(term), unit.text):
                taken.append((m.start(), m.end()))
                findings.append(Finding(unit.path, unit.section, m.start(), m.end(),
                                        m.group(0), rule, "rhl. § 10" if rule == "R2"
                                        else "rhl. § 9", "case", entity, 1.0, "remove",
                                        marker))
        for term in terms:
            for m in re.finditer(rf"(?<!\w){re.escape(term)}(?:s|')?(?!\w)", unit.text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                findings.append(Finding(unit.path, unit.section, m.start(), m.end(),
                                        m.group(0), "R1", "rhl. § 9", "case", "PERSON", 1.0,
                                        "remove", "[person]"))
    areas = [a.value for a in case.koordineringsomraader_liste] if doc.kind == "case" else []
    plan = Plan(units=doc.units, findings=findings, policy_name=req.policy,
                policy_version="test", areas=areas, client_name=doc.client_name,
                client_cpr=doc.client_cpr, source=str(req.input))
    return plan


def decrypt(eml: bytes, cert, key) -> bytes:  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives.serialization import pkcs7

    return pkcs7.pkcs7_decrypt_smime(eml, cert, key, [])


def attachments_of(message: bytes) -> dict[str, bytes]:
    """File name -> bytes of every attachment (inside a multipart/signed if signed)."""
    msg = email.message_from_bytes(message, policy=email.policy.default)
    if msg.get_content_type() == "multipart/signed":
        msg = msg.get_payload()[0]
    return {p.get_filename(): p.get_payload(decode=True) for p in msg.iter_attachments()}


def openssl_verify(signed: bytes, ca_pem: Path, tmp: Path) -> subprocess.CompletedProcess[str]:
    path = tmp / "signed.eml"
    path.write_bytes(signed)
    exe = shutil.which("openssl")
    assert exe, "openssl is needed to verify the signature"
    return subprocess.run([exe, "smime", "-verify", "-in", str(path), "-CAfile", str(ca_pem),
                           "-out", str(tmp / "verified.txt")],
                          capture_output=True, text=True, check=False)
