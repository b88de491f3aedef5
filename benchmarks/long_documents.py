"""Time and peak memory of `gldocs redact` on long documents (issue 9 §4, §7).

    .venv/bin/python benchmarks/long_documents.py [--lines 100000] [--pages 500] [--no-ner]

Builds, in a temporary folder, an invented handleplan-like text of ``--lines`` lines and a
DOCX of about ``--pages`` pages (45 paragraphs a page), then runs ``gldocs redact`` on each
in a fresh process (model load included) and prints wall and CPU time, CPU seconds per
100,000 words and the peak resident memory of that process (``ru_maxrss`` of that child,
from ``os.wait4``). The CPU figure is the one to compare on a shared machine. The NER model
is used unless ``--no-ner``; ``--only txt|docx`` runs one of the two.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

HEAD = ["1. Stamoplysninger", "Navn: Mikkel Storgaard Winther", "CPR-nr.: 150488-1234", "",
        "2. Beskrivelse"]
BODY = [
    "Mikkel har boet i lejlighed i Vejle og har haft kontakt med sin mor ugentligt.",
    "Han har en kæreste, Vibeke Kronborg, tlf. 61 72 83 94, som besøger ham hver uge.",
    "Han er i praktik hos en tømrer og møder stabilt; arbejdsgiveren er tilfreds.",
    "Der er aftalt et forløb hos misbrugscentret med samtaler hver anden uge.",
    "Sagsbehandler Torkild Brask, Vejle Kommune, tlf. 76 81 10 10, deltager i mødet.",
    "Gælden til Skattestyrelsen er afdraget efter aftale, og budgettet holder.",
    "",
]


def text_lines(n: int) -> list[str]:
    lines = list(HEAD)
    while len(lines) < n:
        lines.extend(BODY)
    return lines[:n]


def build_txt(folder: Path, n: int) -> Path:
    path = folder / f"lang-{n}.txt"
    path.write_text("\n".join(text_lines(n)) + "\n", encoding="utf-8")
    return path


def build_docx(folder: Path, pages: int) -> Path:
    import docx

    d = docx.Document()
    for line in text_lines(pages * 45):
        d.add_paragraph(line)
    path = folder / f"lang-{pages}-sider.docx"
    d.save(path)
    return path


def run(path: Path, out: Path, no_ner: bool) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak MB of the child, exit code)."""
    cmd = [sys.executable, "-m", "gldocs.cli", "redact", str(path), "--areas", "none",
           "-o", str(out), "--overwrite"]
    if no_ner:
        cmd.append("--no-ner")
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=REPO)
        # this child's own usage (RUSAGE_CHILDREN would give the largest child so far)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            err.seek(0)
            print(err.read()[-2000:].decode("utf-8", "replace"), file=sys.stderr)
    proc.returncode = code
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024, code


def words(path: Path) -> int:
    if path.suffix == ".txt":
        return len(path.read_text(encoding="utf-8").split())
    import docx

    return sum(len(p.text.split()) for p in docx.Document(str(path)).paragraphs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=100_000)
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--no-ner", action="store_true")
    ap.add_argument("--only", choices=["txt", "docx"], default=None,
                    help="run only the text or only the DOCX document")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs = [*([build_txt(folder, args.lines)] if args.only != "docx" else []),
                  *([build_docx(folder, args.pages)] if args.only != "txt" else [])]
        for path in inputs:
            n_words = words(path)
            seconds, cpu, peak, code = run(path, folder / f"ud{path.suffix}", args.no_ner)
            print(f"{path.name}: {n_words} ord, {seconds:.1f} s ({cpu:.1f} s CPU; "
                  f"{cpu / max(n_words, 1) * 100_000:.1f} s CPU pr. 100.000 ord), "
                  f"højeste hukommelse {peak:.0f} MB, slutkode {code}"
                  + (" (uden NER)" if args.no_ner else ""))


if __name__ == "__main__":
    main()
