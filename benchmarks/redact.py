"""Speed of `gldocs redact` against plain presidio on the same texts.

    .venv/bin/python benchmarks/redact.py [CORPUS_DIR] [--repeats N] [--no-cold]
        [--growth] [--jobs] [--jobs-sets DIR ...]

CORPUS_DIR defaults to ``<repo>/../shared/corpus/dev`` (documents ``*.txt`` with
``*.gold.yaml`` beside them for the areas). Prints:
- cold CLI seconds per document: a fresh ``gldocs redact`` process per document (start to
  exit; mean, best, and CPU seconds, which a busy machine inflates less than wall time);
- warm milliseconds per document in one process (model loaded once): read, analyse, apply,
  render the text;
- the same warm figure for plain presidio-analyzer + presidio-anonymizer with the same spaCy
  model (the shipped pipeline as ``spacy.load`` gives it) and presidio's
  language-independent default recognisers (e-mail, phone for DK, credit card, IBAN, IP,
  URL, date, crypto), and the ratio; for comparison also presidio on gldocs' own copy of
  the pipeline, whose matrix products run on numpy's BLAS in one thread
  (:func:`gldocs.redact.nlp.use_numpy_blas`);
- ``--growth``: warm seconds and peak memory for one document of 1k to 500k words (the dev
  texts repeated), each size in a fresh process;
- ``--jobs``: wall seconds of one ``gldocs redact`` over distinct documents (the corpus,
  the repo's held-out set and any ``--jobs-sets``; each once: copies of one text would let
  a single process answer the later copies from its per-text caches, which workers do not
  share) with ``--jobs`` 1, 2 and all cores, and the speed-ups; the model load and the
  set-up before the workers start are in every figure, so more documents show more of the
  scaling.
The machine may be shared: rounds are interleaved and the best round counts, CPU seconds
(which a busy machine inflates less than wall time) are given beside wall seconds, and the
load average (1 minute) is printed beside every figure.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

import gldocs.redact.nlp  # noqa: F401  (first: keeps presidio's tldextract offline)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "dev"


def load() -> str:
    """The machine's load average over the last minute, and its cores."""
    return f"load {os.getloadavg()[0]:.1f}/{os.cpu_count()} cores"


def areas_of(doc: Path) -> str:
    gold = doc.with_suffix(".gold.yaml")
    if gold.is_file():
        areas = yaml.safe_load(gold.read_text(encoding="utf-8")).get("areas") or []
        return ",".join(areas) or "none"
    return "none"


def cold_seconds(docs: list[Path]) -> tuple[float, float, float]:
    """Mean wall seconds, best wall seconds and mean CPU seconds (user + system) of a fresh
    ``gldocs redact`` process per document. One run first, not counted, with bytecode
    caching allowed: an installed package has its ``.pyc`` files (pip compiles them), and
    a ``PYTHONDONTWRITEBYTECODE`` environment would otherwise time Python's compiler."""
    import resource

    exe = shutil.which("gldocs") or str(Path(sys.executable).parent / "gldocs")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times, cpus = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for k, doc in enumerate([docs[0], *docs]):
            out = Path(tmp) / f"{k}-{doc.name}"
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run([exe, "redact", str(doc), "--areas", areas_of(doc), "-o", str(out)],
                           capture_output=True, check=False, env=env)
            wall = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if k:
                times.append(wall)
                cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.mean(times), min(times), statistics.mean(cpus)


def gldocs_round(docs: list[Path]):
    from gldocs.document.io import read_document
    from gldocs.document.txt import render_txt
    from gldocs.redact import redactor_for

    redactor = redactor_for("kommune")
    redactor.warm()  # as `gldocs redact` sets up for several documents
    # the areas come from the command line in real use: read the gold files outside the
    # timed loop (as the baseline reads its texts outside its loop)
    areas = {doc: areas_of(doc) for doc in docs}

    def once() -> None:
        redactor.clear_caches()  # no help from a previous round
        for doc in docs:
            src = read_document(doc)
            plan = redactor.analyze(src, redactor.areas(src, areas[doc]), redactor.client(src))
            render_txt(src, redactor.apply(plan).edits)

    return once


def plain_pipeline():
    """The shipped model as a plain ``spacy.load`` gives it (thinc's default matrix
    library), as a presidio user would load it."""
    from gldocs.redact.nlp import import_spacy, model_dir, register_components

    spacy = import_spacy()
    register_components()
    return spacy.load(model_dir())


def presidio_round(docs: list[Path], nlp=None, one_thread: bool = False):
    """Plain presidio over ``docs`` on ``nlp`` (default: :func:`plain_pipeline`);
    ``one_thread``: inside :func:`gldocs.redact.nlp.one_blas_thread`, as gldocs runs it."""
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        CryptoRecognizer,
        DateRecognizer,
        EmailRecognizer,
        IbanRecognizer,
        IpRecognizer,
        PhoneRecognizer,
        UrlRecognizer,
    )
    from presidio_anonymizer import AnonymizerEngine

    from gldocs.redact.nlp import build_analyzer, build_nlp_engine, one_blas_thread

    recognizers = [
        CreditCardRecognizer(supported_language="da"), CryptoRecognizer(supported_language="da"),
        DateRecognizer(supported_language="da"), EmailRecognizer(supported_language="da"),
        IbanRecognizer(supported_language="da"), IpRecognizer(supported_language="da"),
        PhoneRecognizer(supported_regions=("DK",), supported_language="da"),
        UrlRecognizer(supported_language="da"),
    ]
    analyzer = build_analyzer(recognizers, nlp_engine=build_nlp_engine(nlp or plain_pipeline()))
    anonymizer = AnonymizerEngine()
    texts = [d.read_text(encoding="utf-8") for d in docs]

    def once() -> None:
        for text in texts:
            results = analyzer.analyze(text, language="da")
            anonymizer.anonymize(text=text, analyzer_results=results)

    if not one_thread:
        return once

    def in_one_thread() -> None:
        with one_blas_thread():
            once()

    return in_one_thread


def interleaved_ms(docs: list[Path], repeats: int) -> list[tuple[float, float]]:
    """Best round time per document of each, rounds alternating (fair on a busy machine):
    (wall, CPU) milliseconds of gldocs, plain presidio, and presidio on gldocs' pipeline."""
    from gldocs.redact.nlp import load_nlp

    runs = (gldocs_round(docs), presidio_round(docs),
            presidio_round(docs, load_nlp(), one_thread=True))
    for run in runs:
        run()  # warm-up
    wall, cpu = [float("inf")] * len(runs), [float("inf")] * len(runs)
    for _ in range(repeats):
        for k, run in enumerate(runs):
            t0, c0 = time.perf_counter(), time.process_time()
            run()
            wall[k] = min(wall[k], time.perf_counter() - t0)
            cpu[k] = min(cpu[k], time.process_time() - c0)
    return [(w / len(docs) * 1000, c / len(docs) * 1000) for w, c in zip(wall, cpu, strict=True)]


GROWTH_WORDS = (1_000, 10_000, 100_000, 500_000)


def big_text(docs: list[Path], words: int) -> tuple[str, int]:
    """One text of at least ``words`` words: the texts of ``docs`` repeated, in order, with
    a blank line between them; and its word count."""
    texts = [d.read_text(encoding="utf-8") for d in docs]
    body: list[str] = []
    count = 0
    while count < words:
        for t in texts:
            body.append(t)
            count += len(t.split())
            if count >= words:
                break
    return "\n\n".join(body), count


def growth_child(corpus: Path, words: int) -> None:
    """In a fresh process: analyse and apply one document of ``words`` words; print wall
    seconds (best of two), the CPU seconds of that run and the peak resident memory."""
    import resource

    from gldocs.document.io import read_document
    from gldocs.redact import redactor_for

    text, count = big_text(sorted(corpus.glob("*.txt")), words)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "stor.txt"
        src.write_text(text, encoding="utf-8")
        redactor = redactor_for("kommune")
        redactor.warm()  # as `gldocs redact` sets up for several documents
        best, cpu = float("inf"), float("inf")
        for _ in range(2 if words <= 100_000 else 1):
            redactor.clear_caches()
            t0, c0 = time.perf_counter(), time.process_time()
            doc = read_document(src)
            plan = redactor.analyze(doc, [], redactor.client(doc))
            redactor.apply(plan)
            wall = time.perf_counter() - t0
            if wall < best:
                best, cpu = wall, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{count} {best:.2f} {cpu:.2f} {peak:.0f}")


def growth(corpus: Path) -> None:
    print("growth (one document, warm, fresh process per size; targets: 100k words < 10 s, "
          "500k < 60 s, memory < 1 GB):")
    prev: tuple[float, int] | None = None
    for words in GROWTH_WORDS:
        out = subprocess.run([sys.executable, __file__, str(corpus), "--growth-child",
                              str(words)], capture_output=True, text=True, check=True)
        count, secs, cpu, peak = out.stdout.split()
        per = float(secs) / int(count) * 1000
        step = (f", x{float(secs) / prev[0]:.1f} time for x{int(count) / prev[1]:.0f} words"
                if prev else "")
        print(f"  {int(count):>7} words: {float(secs):6.2f} s ({per:.3f} ms/word; CPU "
              f"{float(cpu):.2f} s), peak {float(peak):.0f} MB{step} [{load()}]")
        prev = (float(secs), int(count))


def jobs_speedup(corpora: list[Path]) -> None:
    """Wall and CPU seconds (the processes' user + system time) of one ``gldocs redact``
    over the distinct documents of ``corpora`` with ``--jobs`` 1, 2 and all cores, best of
    two runs."""
    import resource

    exe = shutil.which("gldocs") or str(Path(sys.executable).parent / "gldocs")
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        inputs = []
        seen: set[bytes] = set()
        for k, corpus in enumerate(corpora):
            for d in sorted(corpus.glob("*.txt")):
                if d.read_bytes() in seen:
                    continue
                seen.add(d.read_bytes())
                dst = Path(tmp) / f"{k}-{d.name}"
                shutil.copy(d, dst)
                inputs.append(dst)
        times: dict[int, tuple[float, float, str]] = {}
        for r in range(2):  # rounds alternate between the settings (fair on a busy machine)
            for n in sorted({1, 2, cores}):
                out = Path(tmp) / f"ud-{n}-{r}"
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                subprocess.run([exe, "redact", *map(str, inputs), "--areas", "none",
                                "--outdir", str(out), "--jobs", str(n)],
                               capture_output=True, check=False)
                wall = time.perf_counter() - t0
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
                if n not in times or wall < times[n][0]:
                    times[n] = (wall, cpu, load())
    print(f"--jobs over {len(inputs)} documents ({cores} cores; model load included):")
    for n, (t, cpu, at) in times.items():
        print(f"  --jobs {n}: {t:.1f} s (CPU {cpu:.1f} s), speed-up x{times[1][0] / t:.2f} [{at}]")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--no-cold", action="store_true", help="skip the cold CLI runs")
    ap.add_argument("--no-warm", action="store_true", help="skip the warm comparison")
    ap.add_argument("--growth", action="store_true", help="time 1k-500k-word documents")
    ap.add_argument("--jobs", action="store_true", help="time --jobs 1, 2, all cores")
    ap.add_argument("--jobs-sets", nargs="*", type=Path, default=[],
                    help="more folders of documents for --jobs")
    ap.add_argument("--growth-child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.growth_child:
        growth_child(args.corpus, args.growth_child)
        return 0
    docs = sorted(args.corpus.glob("*.txt"))
    if not docs:
        print(f"no documents in {args.corpus}", file=sys.stderr)
        return 2
    words = sum(len(d.read_text(encoding="utf-8").split()) for d in docs)
    print(f"{len(docs)} documents, {words} words ({words // len(docs)} per document)")
    if not args.no_cold:
        mean, best, cpu = cold_seconds(docs)
        print(f"cold CLI: {mean:.2f} s per document, best {best:.2f} s (process start to "
              f"exit; target < 2 s), CPU {cpu:.2f} s [{load()}]")
    if not args.no_warm:
        at = load()
        (ours, ours_cpu), (base, base_cpu), (fast, fast_cpu) = interleaved_ms(docs, args.repeats)
        at = f"{at} before, {load()} after"
        print(f"warm gldocs redact: {ours:.1f} ms per document (CPU {ours_cpu:.1f} ms) [{at}]")
        print(f"warm presidio analyzer+anonymizer (same model, default recognisers): "
              f"{base:.1f} ms per document (CPU {base_cpu:.1f} ms)")
        print(f"throughput gldocs/presidio: x{base / ours:.2f} wall, x{base_cpu / ours_cpu:.2f} "
              f"CPU (target x1.5)")
        print(f"  (presidio on gldocs' pipeline, numpy BLAS in one thread: {fast:.1f} ms, CPU "
              f"{fast_cpu:.1f} ms; gldocs/that: x{fast / ours:.2f} wall, "
              f"x{fast_cpu / ours_cpu:.2f} CPU)")
    if args.growth:
        growth(args.corpus)
    if args.jobs:
        heldout = REPO / "tests" / "redact" / "heldout"
        jobs_speedup([args.corpus, *([heldout] if heldout.is_dir() else []), *args.jobs_sets])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
