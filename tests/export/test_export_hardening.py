"""Issue 9 §6: the disclosure log's state file and malformed lines, and the certificate
checks of the export (crafted inputs built here)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from gldocs.cli import main
from gldocs.errors import BadJSON, InputError
from gldocs.export import smime
from gldocs.export.log import (
    Disclosure,
    LoggedDocument,
    append_entry,
    head_path,
    written_logs,
)
from gldocs.jsonsafe import loads_bounded, nesting

CPR = "150385-2913"  # invented


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    h = tmp_path / "home"
    monkeypatch.setenv("GLDOCS_HOME", str(h))
    monkeypatch.delenv("GLDOCS_LOG", raising=False)
    return h


def disclosure() -> Disclosure:
    return Disclosure(caseworker="Mette Sørensen", recipient="Vejle Kommune (sikker post)",
                      client_cpr=CPR, documents=[LoggedDocument.of("handleplan.pdf", b"x")],
                      policy_name="kommune", policy_version="2025.1",
                      legal_grounds=["rhl. § 9"], findings_by_rule={"R1": 1}, restored=[],
                      reference="KF-2026-0142")


def verify(log: Path | None = None) -> tuple[int, str]:
    args = ["log", "verify"] + (["--log", str(log)] if log else [])
    res = CliRunner().invoke(main, args)
    return res.exit_code, res.output


# --------------------------------------------------------------------------- state file

def test_fresh_installation_without_log_is_0(tmp_path: Path) -> None:
    code, out = verify(tmp_path / "ny.jsonl")
    assert code == 0 and "endnu ikke videregivet" in out


def test_deleted_log_and_head_after_writing_is_1(tmp_path: Path, home: Path) -> None:
    log = tmp_path / "log" / "v.jsonl"
    append_entry(log, disclosure())
    assert str(log.resolve()) in written_logs()
    assert verify(log)[0] == 0
    log.unlink()
    head_path(log).unlink()
    code, out = verify(log)
    assert code == 1 and "slettet" in out
    code, out = verify(tmp_path / "andet.jsonl")  # another path: this installation has logged
    assert code == 1 and str(log.resolve()) in out


def test_unreadable_state_file_fails_closed(tmp_path: Path, home: Path) -> None:
    home.mkdir(parents=True)
    (home / "tilstand.json").write_text("[" * 5000, encoding="utf-8")
    assert written_logs() == ["?"]
    assert verify(tmp_path / "x.jsonl")[0] == 1


# --------------------------------------------------------------------------- malformed lines

MALFORMED = [
    "[" * 200_000 + "]" * 200_000,  # deep nesting
    '{"seq": ' + "9" * 20_000 + "}",  # a number beyond Python's digit limit
    '{"seq": 1e999, "time": "x"}',  # infinity
    '{"seq": {"a": 1}, "time": [], "policy": "x", "documents": 5}',  # forged types
    '"just a string"',
    "null",
    '{"seq": 1, "time": "ikke en tid", "caseworker": "a", "recipient": "b", "client": "c", '
    '"documents": [], "policy": {"name": "k", "version": "1"}, "legal_grounds": [], '
    '"findings_by_rule": {}, "restored": [], "prev": "0", "hash": "h"}',  # bad timestamp
    "\udcff",  # lone surrogate (written as bytes below)
]


@pytest.mark.parametrize("line", MALFORMED, ids=range(len(MALFORMED)))
def test_malformed_lines_are_tampering_not_internal_errors(tmp_path: Path, line: str) -> None:
    log = tmp_path / "log" / "v.jsonl"
    append_entry(log, disclosure())
    with log.open("ab") as fh:
        fh.write(line.encode("utf-8", "surrogateescape") + b"\n")
    code, out = verify(log)
    assert code == 1, out
    assert "linje 2" in out and "Intern fejl" not in out
    res = CliRunner().invoke(main, ["log", "show", "--log", str(log)])
    assert res.exit_code == 1 and "Advarsel" in res.output
    with pytest.raises(Exception, match="ikke intakt"):
        append_entry(log, disclosure())


def test_broken_head_file_is_reported(tmp_path: Path) -> None:
    log = tmp_path / "log" / "v.jsonl"
    append_entry(log, disclosure())
    head_path(log).write_text('{"count": ' + "9" * 20_000 + "}", encoding="utf-8")
    code, out = verify(log)
    assert code == 1 and "hovedfilen" in out


def test_bounded_json() -> None:
    assert nesting('{"a": "[[[[", "b": [[1]]}') == 3
    assert loads_bounded(b'{"a": [1, 2]}') == {"a": [1, 2]}
    for bad in ("[" * 50 + "]" * 50, "1" * 10_000, "{", b"\xff"):
        with pytest.raises(BadJSON):
            loads_bounded(bad)


# --------------------------------------------------------------------------- certificates

def cert(mail: str | None = "kommune@example.dk", bits: int = 2048,
         key_usage: x509.KeyUsage | None = None, eku: list | None = None,
         subject_mail: bool = False) -> x509.Certificate:
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, "Kommune")]
    if mail and subject_mail:
        attrs.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, mail))
    name = x509.Name(attrs)
    now = datetime.datetime.now(datetime.UTC)
    b = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
         .public_key(key.public_key()).serial_number(x509.random_serial_number())
         .not_valid_before(now - datetime.timedelta(days=1))
         .not_valid_after(now + datetime.timedelta(days=30)))
    if key_usage is not None:
        b = b.add_extension(key_usage, critical=True)
    if eku is not None:
        b = b.add_extension(x509.ExtendedKeyUsage(eku), critical=False)
    if mail and not subject_mail:
        b = b.add_extension(x509.SubjectAlternativeName([x509.RFC822Name(mail)]),
                            critical=False)
    return b.sign(key, hashes.SHA256())


SIGN_ONLY = x509.KeyUsage(True, False, False, False, False, False, False, False, False)
ENCIPHER = x509.KeyUsage(True, False, True, False, False, False, False, False, False)


def test_good_certificate_passes() -> None:
    c = cert(key_usage=ENCIPHER, eku=[ExtendedKeyUsageOID.EMAIL_PROTECTION])
    smime.check_recipient(c, "Kommunens certifikat")
    smime.check_address(c, "Kommune@Example.dk", "Kommunens certifikat")
    smime.check_address(cert(subject_mail=True), "kommune@example.dk", "x")  # subject e-mail


@pytest.mark.parametrize(("certificate", "words"), [
    (lambda: cert(bits=1024), "kun 1024 bit"),
    (lambda: cert(key_usage=SIGN_ONLY), "key encipherment"),
    (lambda: cert(eku=[ExtendedKeyUsageOID.SERVER_AUTH]), "E-mail Protection"),
])
def test_weak_or_wrong_purpose_certificates_refused(certificate, words: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=words):
        smime.check_recipient(certificate(), "Kommunens certifikat")


def test_certificate_for_another_address_or_none_refused() -> None:
    with pytest.raises(InputError, match=r"udstedt til andet@example\.dk"):
        smime.check_address(cert("andet@example.dk"), "kommune@example.dk", "Kommunens certifikat")
    with pytest.raises(InputError, match="ingen e-mailadresse"):
        smime.check_address(cert(None), "kommune@example.dk", "Kommunens certifikat")


def test_json_in_state_file_is_canonical(tmp_path: Path, home: Path) -> None:
    log = tmp_path / "v.jsonl"
    append_entry(log, disclosure())
    state = json.loads((home / "tilstand.json").read_text(encoding="utf-8"))
    assert state == {"logs": [str(log.resolve())]}
