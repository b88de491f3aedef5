"""Export time of the main sample case and the size of the .eml, with throw-away certificates.

    .venv/bin/python benchmarks/export.py [--case samples/afsoner-proeveloesladelse.yaml]
                                          [--repeat 3] [--docx]

The caseworker's part is done first, outside the timing: the case is analysed once and every
finding flagged for review is accepted in a decisions file. Then ``export_package`` (the same
call as ``gldocs export … --cert … --sign-cert … --sign-key …``) is timed in this process, where
the NER model is already loaded (warm; median of ``--repeat`` runs), and once as the command a
caseworker runs, ``gldocs export`` in a fresh process (cold: Python start, imports, model
load). Each run writes to a fresh folder and log under a temporary directory.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from gldocs.export.package import ExportOptions, export_package
from gldocs.paths import SAMPLES_DIR
from gldocs.review import pipeline
from gldocs.review.decisions import decision_for, decisions_template, save_decisions

MAIN_SAMPLE = SAMPLES_DIR / "afsoner-proeveloesladelse.yaml"


def throwaway_cert(folder: Path, stem: str, mail: str) -> tuple[Path, Path]:
    """A self-signed RSA certificate and key (PEM) valid for a day."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, stem),
                      x509.NameAttribute(NameOID.EMAIL_ADDRESS, mail)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.RFC822Name(mail)]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / f"{stem}.pem", folder / f"{stem}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def accept_all_review(case: Path, out: Path) -> int:
    """The caseworker's decisions: accept every finding flagged for review."""
    prepared = pipeline.prepare(pipeline.Request(input=case), None)
    decisions = decisions_template(prepared.plan, caseworker="Benchmark")
    for f in prepared.plan.needs_review():
        decisions.decisions[f.id] = decision_for(f, "accept")
    save_decisions(out, decisions)
    return len(decisions.decisions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", type=Path, default=MAIN_SAMPLE)
    parser.add_argument("--repeat", type=int, default=3, help="warm runs after the cold one")
    parser.add_argument("--docx", action="store_true", help="attach the DOCX versions too")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="gldocs-bench-") as tmp:
        root = Path(tmp)
        os.environ["GLDOCS_HOME"] = str(root / "home")
        muni_cert, _ = throwaway_cert(root, "kommune", "kommune@example.dk")
        own_cert, own_key = throwaway_cert(root, "afsender", "afsender@example.dk")
        decisions = root / "afgoerelser.yaml"

        start = time.perf_counter()
        accepted = accept_all_review(args.case, decisions)
        prep = time.perf_counter() - start

        times: list[float] = []
        size = 0
        for run in range(max(args.repeat, 1)):
            opts = ExportOptions(inputs=[args.case], outdir=root / f"ud{run}",
                                 decisions=[decisions], cert=muni_cert, sign_cert=own_cert,
                                 sign_key=own_key, docx=args.docx,
                                 log_path=root / "log.jsonl")
            start = time.perf_counter()
            result = export_package(opts)
            times.append(time.perf_counter() - start)
            size = result.eml.stat().st_size

        command = [sys.executable, "-m", "gldocs.cli", "export", str(args.case),
                   "--decisions", str(decisions), "--cert", str(muni_cert),
                   "--sign-cert", str(own_cert), "--sign-key", str(own_key),
                   "--log", str(root / "log.jsonl"), "-o", str(root / "ud-cli")]
        if args.docx:
            command.append("--docx")
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=os.environ.copy())
        cold = time.perf_counter() - start

    print(f"case: {args.case.name} ({accepted} review findings accepted beforehand; "
          f"analysis incl. model load {prep:.2f} s)")
    print(f"export, model loaded (median of {len(times)}): {statistics.median(times):.2f} s")
    print(f"gldocs export in a fresh process (cold): {cold:.2f} s")
    print(f".eml (signed + encrypted{', with DOCX' if args.docx else ''}): {size} bytes "
          f"({size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
