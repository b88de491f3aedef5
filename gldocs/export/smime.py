"""S/MIME for secure mail: sign (detached, SHA-256), then envelope (AES-256-CBC).

Built with the ``cryptography`` package's PKCS#7 builders. Recipients must hold RSA
certificates: CMS key transport for EC keys is not supported by the builder, so an EC
certificate gets a clear Danish error instead of a broken message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from gldocs.errors import InputError
from gldocs.sprog import os_fejl

SignerKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


def load_certificate(path: Path) -> x509.Certificate:
    """Load a PEM (or DER) certificate; a Danish error names the file when it cannot."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"Certifikatet {path} kan ikke læses: {os_fejl(exc)}.") from exc
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError as exc:
        raise InputError(f"Filen {path} er ikke et gyldigt X.509-certifikat (PEM eller DER).") \
            from exc


def load_private_key(path: Path) -> SignerKey:
    """Load an unencrypted PEM private key (RSA or EC) for signing."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"Nøglefilen {path} kan ikke læses: {os_fejl(exc)}.") from exc
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise InputError(
            f"Nøglefilen {path} er ikke en ukrypteret PEM-privatnøgle."
        ) from exc
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise InputError(f"Nøglen i {path} skal være en RSA- eller EC-nøgle.")
    return key


MIN_RSA_BITS = 2048


def check_recipient(cert: x509.Certificate, label: str) -> None:
    """Refuse certificates that cannot (or must not) receive an enveloped message: not RSA,
    RSA under 2048 bits, a key usage without key encipherment, an extended key usage
    without e-mail protection."""
    key = cert.public_key()
    if isinstance(key, ec.EllipticCurvePublicKey):
        raise InputError(
            f"{label} har et EC-certifikat. Kryptering til EC-nøgler understøttes ikke; "
            "brug modtagerens RSA-certifikat til sikker post."
        )
    if not isinstance(key, rsa.RSAPublicKey):
        raise InputError(f"{label} har et certifikat med en nøgletype, der ikke understøttes.")
    if key.key_size < MIN_RSA_BITS:
        raise InputError(f"{label} har en RSA-nøgle på kun {key.key_size} bit; der kræves "
                         f"mindst {MIN_RSA_BITS} bit. Bed om et nyt certifikat.")
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is not None and not usage.key_encipherment:
        raise InputError(f"{label} må ikke bruges til kryptering (nøgleanvendelsen tillader "
                         "ikke 'key encipherment'). Brug modtagerens krypteringscertifikat.")
    try:
        extended = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        extended = None
    if extended is not None and ExtendedKeyUsageOID.EMAIL_PROTECTION not in extended and \
            ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE not in extended:
        raise InputError(f"{label} er ikke udstedt til sikker e-mail (mangler 'E-mail "
                         "Protection'). Brug modtagerens S/MIME-certifikat.")


def certificate_mails(cert: x509.Certificate) -> list[str]:
    """The e-mail addresses a certificate is issued to (SAN, then the subject)."""
    mails: list[str] = []
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName)
        mails += [str(m) for m in san.value.get_values_for_type(x509.RFC822Name)]
    except x509.ExtensionNotFound:
        pass
    mails += [str(a.value) for a in cert.subject.get_attributes_for_oid(NameOID.EMAIL_ADDRESS)]
    return mails


def check_address(cert: x509.Certificate, address: str, label: str) -> None:
    """Refuse a certificate not issued to ``address`` (encrypting to someone else's key)."""
    mails = certificate_mails(cert)
    if not mails:
        raise InputError(f"{label} nævner ingen e-mailadresse, så det kan ikke kontrolleres, "
                         f"at det tilhører {address}. Brug et S/MIME-certifikat udstedt til "
                         "adressen.")
    # lower(), not casefold(): "straße@…" must not pass for a certificate of "strasse@…"
    if address.strip().lower() not in {m.strip().lower() for m in mails}:
        raise InputError(f"{label} er udstedt til {', '.join(mails)}, men pakken skal til "
                         f"{address}. Brug certifikatet for {address}, eller ret adressen.")


def same_key(a: Any, b: Any) -> bool:
    """Whether two public keys (any type) are the same key."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    der = Encoding.DER
    spki = PublicFormat.SubjectPublicKeyInfo
    return bool(a.public_bytes(der, spki) == b.public_bytes(der, spki))


def sign_detached(mime_entity: bytes, cert: x509.Certificate, key: SignerKey) -> bytes:
    """Return a multipart/signed S/MIME entity with a detached SHA-256 signature."""
    if not same_key(cert.public_key(), key.public_key()):
        raise InputError("Afsendercertifikatet og afsendernøglen hører ikke sammen.")
    return (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(mime_entity)
        .add_signer(cert, key, hashes.SHA256())
        .sign(serialization.Encoding.SMIME, [pkcs7.PKCS7Options.DetachedSignature])
    )


def envelope(mime_entity: bytes, recipients: list[x509.Certificate]) -> bytes:
    """Encrypt ``mime_entity`` to every recipient (AES-256-CBC content encryption)."""
    builder = pkcs7.PKCS7EnvelopeBuilder().set_data(mime_entity)
    for cert in recipients:
        builder = builder.add_recipient(cert)
    builder = builder.set_content_encryption_algorithm(algorithms.AES256)
    return builder.encrypt(serialization.Encoding.SMIME, [])
