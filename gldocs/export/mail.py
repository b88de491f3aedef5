"""The .eml for secure mail: a MIME message, signed and enveloped when certificates are given."""

from __future__ import annotations

import email.policy
import email.utils
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage

from cryptography import x509

from gldocs.errors import InputError
from gldocs.export import smime

SMTP = email.policy.SMTP  # CRLF line endings, as S/MIME canonical form wants

# The words the MIME format itself writes into the message's headers (the export's final
# leak scan counts them as fixed texts, gldocs.render.fixed_texts).
MIME_WORDS = ("multipart/mixed", "multipart/signed", "multipart/alternative", "text/plain",
              "text/html", "charset", "utf-8", "us-ascii", "base64", "7bit", "8bit",
              "quoted-printable", "attachment", "inline", "filename", "boundary", "name",
              "protocol", "micalg", "sha-256", "smime-type", "enveloped-data", "signed-data",
              "smime.p7m", "smime.p7s",
              # the Date header (email.utils.formatdate)
              "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Jan", "Feb", "Mar", "Apr",
              "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Attachment:
    filename: str  # neutral: never the client's name or CPR
    data: bytes
    mimetype: str  # e.g. "application/pdf"


@dataclass(frozen=True)
class MailParts:
    sender: str
    recipient: str
    subject: str  # a reference only: mail subjects are not encrypted
    body: str


def build_content(parts: MailParts, attachments: list[Attachment]) -> EmailMessage:
    """The inner MIME entity: the cover text and the attachments."""
    msg = EmailMessage(policy=SMTP)
    msg.set_content(parts.body, subtype="plain", charset="utf-8", cte="quoted-printable")
    for att in attachments:
        mimetype, _, param_text = att.mimetype.partition(";")  # "text/plain; charset=utf-8"
        maintype, subtype = mimetype.strip().split("/", 1)
        params = dict(p.strip().split("=", 1) for p in param_text.split(";") if "=" in p)
        msg.add_attachment(att.data, maintype=maintype, subtype=subtype, filename=att.filename,
                           params=params or None)
    return msg


def _plain_message(parts: MailParts, entity: bytes) -> bytes:
    """Outer headers and the content entity as one unsigned, unencrypted message."""
    header_lines = entity.split(b"\r\n\r\n", 1)[0].lower().split(b"\r\n")
    has_version = any(line.startswith(b"mime-version:") for line in header_lines)
    return _outer_headers(parts) + (b"" if has_version else b"MIME-Version: 1.0\r\n") + entity


def _outer_headers(parts: MailParts) -> bytes:
    headers = EmailMessage(policy=SMTP)
    headers["From"] = parts.sender
    headers["To"] = parts.recipient
    headers["Subject"] = parts.subject
    headers["Date"] = email.utils.formatdate(localtime=False)
    headers["Message-ID"] = email.utils.make_msgid(domain="gldocs.invalid")
    # Serialise the header block only (no body, no MIME headers of its own).
    return b"".join(
        f"{name}: {value}\r\n".encode() for name, value in headers.items()
    )


def build_eml(
    parts: MailParts,
    attachments: list[Attachment],
    recipient_cert: x509.Certificate | None = None,
    sign_cert: x509.Certificate | None = None,
    sign_key: smime.SignerKey | None = None,
    inspect: Callable[[bytes], None] | None = None,
) -> tuple[bytes, bool]:
    """Return the .eml bytes and whether the message is encrypted.

    With signer and recipient certificates: signed (detached SHA-256), then enveloped to the
    recipient and to the sender's own certificate (AES-256-CBC). Without a recipient
    certificate the message is left unencrypted: it must then go through the secure-mail
    system.

    ``inspect`` (e.g. the leak scan) is called with the complete message as plain MIME, before
    it is signed or encrypted: the very content entity that is then signed and enveloped. It
    stops the export by raising.
    """
    content = build_content(parts, attachments)
    entity = content.as_bytes(policy=SMTP)
    if inspect is not None:
        inspect(_plain_message(parts, entity))
    if (sign_cert is None) != (sign_key is None):
        raise InputError("Angiv både --sign-cert og --sign-key for at signere.")
    if sign_cert is not None and sign_key is not None:
        entity = smime.sign_detached(entity, sign_cert, sign_key)
    if recipient_cert is None:
        if sign_cert is None:
            # unsigned, unencrypted: the content entity becomes the whole message
            return _plain_message(parts, entity), False
        return _outer_headers(parts) + entity, False
    smime.check_recipient(recipient_cert, "Modtageren")
    recipients = [recipient_cert]
    if sign_cert is not None:
        smime.check_recipient(sign_cert, "Afsenderen")
        recipients.append(sign_cert)
    return _outer_headers(parts) + smime.envelope(entity, recipients), True
