"""How faithful a redacted PDF is to its original: page similarity, pages, time.

    .venv/bin/python benchmarks/pdf_layout.py [--png MAPPE] [PDF ...]

Without arguments: every sample case's handleplan is rendered to PDF, then redacted as a
PDF by ``gldocs redact`` (NER model, kommune policy, areas bolig,misbrug). For each
document it prints the pages in and out, the seconds the redaction took and the
similarity of each page to the original (Dice overlap of the ink, see
``gldocs.document.pdf_compare``), beside the similarity of an unredacted redraw (the same
document drawn anew without any removal: what the redraw alone costs). ``--png`` writes
each page of the original and the redacted copy side by side (needs ``pdftoppm``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gldocs.case import load_case
from gldocs.document.io import read_document, write_document
from gldocs.document.pdf_compare import page_similarity
from gldocs.paths import SAMPLES_DIR
from gldocs.render import render_document


def _side_by_side(original: Path, copy: Path, out: Path) -> list[Path]:
    from PIL import Image

    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, pdf in (("a", original), ("b", copy)):
            subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), f"{tmp}/{name}"],
                           check=True)
        pages_a = sorted(Path(tmp).glob("a-*.png"))
        pages_b = sorted(Path(tmp).glob("b-*.png"))
        for n, (pa, pb) in enumerate(zip(pages_a, pages_b, strict=False), start=1):
            a, b = Image.open(pa), Image.open(pb)
            sheet = Image.new("RGB", (a.width + b.width + 8, max(a.height, b.height)),
                              (200, 0, 0))
            sheet.paste(a, (0, 0))
            sheet.paste(b, (a.width + 8, 0))
            target = out / f"{original.stem}-side{n}.png"
            sheet.save(target)
            written.append(target)
    return written


def _redact(pdf: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "gldocs.cli", "redact", str(pdf), "--areas",
                    "bolig,misbrug", "-o", str(out)], check=False, capture_output=True)
    if not out.is_file():
        raise SystemExit(f"{pdf}: redaction wrote nothing")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--png", type=Path, default=None)
    args = parser.parse_args()
    if args.png and not shutil.which("pdftoppm"):
        raise SystemExit("--png needs pdftoppm (apt-get install poppler-utils)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pdfs = list(args.pdfs)
        if not pdfs:
            for case_file in sorted(SAMPLES_DIR.glob("*.yaml")):
                pdf = folder / f"{case_file.stem}.pdf"
                pdf.write_bytes(render_document(load_case(case_file), "handleplan", "pdf"))
                pdfs.append(pdf)
        for pdf in pdfs:
            same = folder / f"{pdf.stem}-samme.pdf"
            write_document(read_document(pdf), {}, same)
            redacted = folder / f"{pdf.stem}_til-kommunen.pdf"
            seconds = _redact(pdf, redacted)
            figures = page_similarity(pdf, redacted)
            baseline = page_similarity(pdf, same)
            print(f"{pdf.name}: {len(baseline)} sider ind, {len(figures)} ud, "
                  f"{seconds:.1f} s")
            print("  lighed pr. side, redigeret:  " + " ".join(f"{x:.3f}" for x in figures))
            print("  lighed pr. side, uredigeret: " + " ".join(f"{x:.3f}" for x in baseline))
            if args.png:
                args.png.mkdir(parents=True, exist_ok=True)
                for path in _side_by_side(pdf, redacted, args.png):
                    print(f"  {path}")


if __name__ == "__main__":
    main()
