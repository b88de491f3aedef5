"""Leak scan of .eml files: headers, every MIME part, attachment names and contents, nested
mails; S/MIME enveloped parts are reported as unreadable, not as clean or broken."""

from __future__ import annotations

import datetime
import io
from email.message import EmailMessage
from email.policy import SMTP

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from docx import Document
from reportlab.pdfgen import canvas

from gldocs.export.leakscan import ENCRYPTED_PLACE, extract_places, scan_bytes
from gldocs.export.mail import Attachment, MailParts, build_eml

THIRD = "Ida Lykke Brandt"
THIRD_CPR = "020196-2318"
CLIENT_CPR = "070761-4285"
PARTS = MailParts("hp@krfo.example", "kommune@example.dk", "Handleplan HP-2026-0007",
                  "Til kommunen\n\nHermed handleplanen. Venlig hilsen Åse")


def pdf_with(line: str) -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pageCompression=1)
    c.drawString(72, 780, line)
    c.save()
    return out.getvalue()


def docx_with(line: str) -> bytes:
    doc = Document()
    doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def leaks(eml: bytes) -> list[tuple[str, str, str]]:
    return [(lk.place, lk.kind, lk.text)
            for lk in scan_bytes(eml, "pakke.eml", CLIENT_CPR, [THIRD, THIRD_CPR])]


def test_clean_mail_passes() -> None:
    eml, encrypted = build_eml(PARTS, [
        Attachment("handleplan.pdf", pdf_with(f"Klient CPR {CLIENT_CPR}"), "application/pdf"),
        Attachment("brev.docx", docx_with("Bolig og job"), "application/vnd.openxmlformats-"
                   "officedocument.wordprocessingml.document"),
    ])
    assert not encrypted
    assert leaks(eml) == []


def test_cpr_in_pdf_attachment_content_stream() -> None:
    eml, _ = build_eml(PARTS, [Attachment("handleplan.pdf", pdf_with(f"Datter {THIRD_CPR}"),
                                          "application/pdf")])
    found = leaks(eml)
    assert [p for p, k, t in found if t == THIRD_CPR and "side 1 (tekst)" in p
            and "vedhæftning 'handleplan.pdf'" in p]


def test_name_in_docx_attachment_and_attachment_name_and_subject() -> None:
    parts = MailParts(PARTS.sender, PARTS.recipient, f"Vedr. {THIRD}", PARTS.body)
    eml, _ = build_eml(parts, [
        Attachment(f"notat {THIRD}.txt", b"intet", "text/plain"),
        Attachment("brev.docx", docx_with(f"Hilsen fra {THIRD}s mor"), "application/"
                   "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ])
    found = leaks(eml)
    places = [p for p, _k, t in found if t.startswith("Ida")]
    assert "e-mail-hoved Subject" in places
    assert any(p.endswith("vedhæftningens filnavn") for p in places)
    assert any("vedhæftning 'brev.docx' › word/document.xml" in p for p in places)
    assert ("MIME-del 3 (application/vnd.openxmlformats-officedocument.wordprocessingml."
            "document) vedhæftning 'brev.docx' › word/document.xml", "forbudt tekst",
            f"{THIRD}s") in found


def test_html_part_and_nested_mail() -> None:
    inner = EmailMessage()
    inner["Subject"] = "Videresendt"
    inner.set_content(f"Ring til {THIRD} på tlf. 28 69 31 52")
    outer = EmailMessage()
    outer["From"] = "a@krfo.example"
    outer["To"] = "b@example.dk"
    outer["Subject"] = "Fwd"
    outer.set_content("Se nedenfor")
    outer.add_alternative("<p>Hej <b>I</b>da Lykke Brandt</p>", subtype="html")
    outer.add_attachment(inner)
    found = leaks(outer.as_bytes())
    places = [p for p, _k, t in found if t.casefold().startswith("ida")]
    assert any("text/html" in p and "uden HTML-koder" in p for p in places)
    assert any("text/plain" in p and p.startswith("MIME-del") for p in places)


def _cert() -> x509.Certificate:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Kommune")])
    now = datetime.datetime.now(datetime.UTC)
    return (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .sign(key, hashes.SHA256()))


def test_smime_enveloped_part_is_reported_not_failed() -> None:
    eml, encrypted = build_eml(PARTS, [Attachment("x.pdf", pdf_with(f"CPR {THIRD_CPR}"),
                                                  "application/pdf")], recipient_cert=_cert())
    assert encrypted
    places = extract_places(eml, "pakke.eml")
    assert [p.place for p in places if p.place.endswith(ENCRYPTED_PLACE)]
    assert leaks(eml) == []  # the encrypted content cannot be read: no finding, no failure


def test_fake_encrypted_part_inside_multipart() -> None:
    msg = EmailMessage()
    msg["Subject"] = "Test"
    msg.set_content("Hej")
    msg.add_attachment(b"\x30\x82\x01\x00" + bytes(200), maintype="application",
                       subtype="pkcs7-mime", filename="smime.p7m",
                       params={"smime-type": "enveloped-data"})
    places = extract_places(msg.as_bytes(policy=SMTP), "x.eml")
    assert [p.place for p in places if p.place.endswith(ENCRYPTED_PLACE)] == [
        "MIME-del 2 (application/pkcs7-mime) krypteret del"]


@pytest.mark.parametrize("header", ["From", "To", "Cc"])
def test_cpr_in_any_header(header: str) -> None:
    msg = EmailMessage()
    msg[header] = f"{THIRD_CPR} <x@example.dk>"
    msg["Subject"] = "Test"
    msg.set_content("Hej")
    assert (f"e-mail-hoved {header}", "CPR-nummer", THIRD_CPR) in leaks(msg.as_bytes())
