"""S/MIME round trip with throw-away certificates made here."""

from __future__ import annotations

import datetime
import email
import email.policy
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from gldocs.errors import InputError
from gldocs.export.mail import Attachment, MailParts, build_eml


def make_cert(cn: str, mail: str, key=None) -> tuple[x509.Certificate, object]:
    key = key or rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn),
                      x509.NameAttribute(NameOID.EMAIL_ADDRESS, mail)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, False, True, False, False, True, False, False, False),
                       critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]),
                       critical=False)
        .add_extension(x509.SubjectAlternativeName([x509.RFC822Name(mail)]), critical=False)
        .sign(key, hashes.SHA256())
    )
    return cert, key


PARTS = MailParts("hp@fængsel.example", "kommune@example.dk", "Handleplan HP-2026-0001",
                  "Til kommunen\n\nHermed handleplan og følgeskrivelse. Venlig hilsen Åse")
ATTACHMENTS = [
    Attachment("handleplan-HP-2026-0001.pdf", b"%PDF-1.7 indhold \x00\xff", "application/pdf"),
    Attachment("foelgeskrivelse-HP-2026-0001.pdf", b"%PDF-1.7 brev", "application/pdf"),
]


@pytest.fixture(scope="module")
def certs():
    return make_cert("Kommune", "kommune@example.dk"), make_cert("Fængsel", "hp@krfo.example")


def test_signed_and_enveloped_round_trip(certs, tmp_path: Path) -> None:
    (muni_cert, muni_key), (own_cert, own_key) = certs
    eml, encrypted = build_eml(PARTS, ATTACHMENTS, muni_cert, own_cert, own_key)
    assert encrypted
    outer = email.message_from_bytes(eml, policy=email.policy.default)
    assert outer["Subject"] == "Handleplan HP-2026-0001"
    assert outer.get_content_type() == "application/pkcs7-mime"
    assert b"handleplan-HP-2026-0001.pdf" not in eml  # attachment names are inside the envelope
    # Both the municipality and the sender can decrypt.
    for cert, key in ((muni_cert, muni_key), (own_cert, own_key)):
        signed = pkcs7.pkcs7_decrypt_smime(eml, cert, key, [])
        assert b"multipart/signed" in signed and b"sha-256" in signed
    signed_path = tmp_path / "signed.eml"
    signed_path.write_bytes(signed)
    inner = email.message_from_bytes(signed, policy=email.policy.default)
    content = inner.get_payload()[0]
    got = {p.get_filename(): p.get_content() for p in content.iter_attachments()}
    assert got == {a.filename: a.data for a in ATTACHMENTS}
    if shutil.which("openssl"):
        ca = tmp_path / "ca.pem"
        ca.write_bytes(own_cert.public_bytes(serialization.Encoding.PEM))
        res = subprocess.run(["openssl", "smime", "-verify", "-in", str(signed_path),
                              "-CAfile", str(ca), "-out", str(tmp_path / "content")],
                             capture_output=True, text=True, check=False)
        assert res.returncode == 0, res.stderr
        # A tampered body must not verify.
        assert b"Hermed" in signed
        bad = tmp_path / "bad.eml"
        bad.write_bytes(signed.replace(b"Hermed", b"Herved", 1))
        res = subprocess.run(["openssl", "smime", "-verify", "-in", str(bad), "-CAfile", str(ca),
                              "-out", str(tmp_path / "c2")], capture_output=True, check=False)
        assert res.returncode != 0


def test_without_certificate_the_message_is_plain(certs) -> None:
    eml, encrypted = build_eml(PARTS, ATTACHMENTS)
    assert not encrypted
    msg = email.message_from_bytes(eml, policy=email.policy.default)
    assert {p.get_filename() for p in msg.iter_attachments()} == {a.filename for a in ATTACHMENTS}


def test_ec_recipient_gets_clear_error(certs) -> None:
    (_, _), (own_cert, own_key) = certs
    ec_cert, _ = make_cert("EC-kommune", "ec@example.dk", ec.generate_private_key(ec.SECP256R1()))
    with pytest.raises(InputError, match="EC-certifikat"):
        build_eml(PARTS, ATTACHMENTS, ec_cert, own_cert, own_key)


def test_mismatched_signing_key_is_refused(certs) -> None:
    (muni_cert, muni_key), (own_cert, _) = certs
    with pytest.raises(InputError, match="hører ikke sammen"):
        build_eml(PARTS, ATTACHMENTS, muni_cert, own_cert, muni_key)


def test_certificate_address_compared_without_case_but_exactly() -> None:
    from gldocs.export.smime import check_address

    cert, _ = make_cert("Kommune", "strasse@example.dk")
    check_address(cert, "STRASSE@Example.dk", "Certifikatet")  # case does not matter
    with pytest.raises(InputError, match=r"udstedt til strasse@example\.dk"):
        check_address(cert, "straße@example.dk", "Certifikatet")  # ß is not ss
