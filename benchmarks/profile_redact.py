"""Where the warm time of ``gldocs redact`` goes: a cProfile of the warm path.

    .venv/bin/python benchmarks/profile_redact.py [CORPUS_DIR ...] [--rounds N] [--top N]
        [--out FILE] [--words N]

Runs what ``benchmarks/redact.py`` times warm (read, analyse, apply, render the text) over
every ``*.txt`` of each corpus (default: ``../shared/corpus/dev`` and the repo's
``tests/redact/heldout``), once as a warm-up and then ``--rounds`` times (default 3) under
cProfile, the per-text caches emptied before each round. ``--words N``: instead, one
document of about N words (the texts repeated, as ``benchmarks/redact.py --growth`` builds
it), analysed and applied. Prints the top functions by own
time (tottime) and by cumulative time; ``--out`` keeps the raw profile for ``pstats``.
``--stages``: instead of a profile, the CPU milliseconds per document of each stage (NER,
the NER scope, each recognizer, discovery, mentions, each rule), timed without a profiler.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gldocs.redact.nlp  # noqa: F401  (first: keeps presidio's tldextract offline)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SETS = (REPO.parent / "shared" / "corpus" / "dev", REPO / "tests" / "redact" / "heldout")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--words", type=int, help="profile one document of about N words")
    ap.add_argument("--stages", action="store_true",
                    help="CPU milliseconds per document of each stage (no profiler)")
    args = ap.parse_args(argv)
    from benchmarks_redact import areas_of, big_text  # type: ignore[import-not-found]

    from gldocs.document.io import read_document
    from gldocs.document.txt import render_txt
    from gldocs.redact import redactor_for

    docs = [d for c in (args.corpora or [p for p in DEFAULT_SETS if p.is_dir()])
            for d in sorted(c.glob("*.txt"))]
    areas = {d: areas_of(d) for d in docs}
    redactor = redactor_for("kommune")
    redactor.warm()  # as `gldocs redact` sets up for several documents

    if args.words:
        import tempfile

        tmp = Path(tempfile.mkdtemp())
        big = tmp / "stor.txt"
        big.write_text(big_text(docs, args.words)[0], encoding="utf-8")
        docs, areas = [big], {big: "none"}

    def once() -> None:
        redactor.clear_caches()
        for doc in docs:
            src = read_document(doc)
            plan = redactor.analyze(src, redactor.areas(src, areas[doc]), redactor.client(src))
            render_txt(src, redactor.apply(plan).edits)

    once()  # warm-up
    if args.stages:
        return stages(redactor, once, len(docs), args.rounds)
    prof = cProfile.Profile()
    c0 = time.process_time()
    prof.enable()
    for _ in range(args.rounds):
        once()
    prof.disable()
    cpu = time.process_time() - c0
    print(f"{len(docs)} documents x {args.rounds} rounds: {cpu:.2f} s CPU under the profiler "
          f"({cpu / args.rounds / len(docs) * 1000:.1f} ms per document)")
    if args.out:
        prof.dump_stats(str(args.out))
    for key in ("tottime", "cumulative"):
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(key).print_stats(args.top)
        text = buf.getvalue()
        print(text[text.index("   ncalls"):].rstrip() + "\n")
    return 0


def stages(redactor: Any, once: Callable[[], None], n_docs: int, rounds: int) -> int:
    """Time each stage of the warm path with the process's CPU clock (no profiler: its
    overhead falls unevenly on Python-heavy stages): NER and what it reads, each
    recognizer, discovery, mentions, each rule and the document-wide corrections."""
    from gldocs.redact import case_entities, engine, rules

    spent: dict[str, float] = {}
    analyzer = redactor._analyzer

    def timed(owner: Any, name: str, label: str) -> None:
        inner = getattr(owner, name)

        def run(*a: Any, **k: Any) -> Any:
            c0 = time.process_time()
            try:
                return inner(*a, **k)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - c0
        setattr(owner, name, run)

    timed(engine, "find_entities", "NER (the model)")
    timed(engine.Analyzer, "ner_reads", "NER scope (what the model reads)")
    timed(case_entities.EntityFinder, "discover", "discovery (who is who)")
    timed(case_entities.EntityFinder, "mentions", "mentions of known people")
    for name in ("internal", "categories", "spread", "remove_all", "deny", "persons",
                 "role_sentences", "family_names", "script_names", "private_places",
                 "patterns"):
        timed(rules.RuleStage, name, f"rule: {name}")
    for name in ("address_blocks", "consistent_contacts", "extend_names",
                 "keep_professional_names"):
        timed(engine, name, f"document: {name}")
    for recognizer in analyzer.recognizers:
        timed(recognizer, "analyze", f"recognizer: {recognizer.name}")
    c0 = time.process_time()
    for _ in range(rounds):
        once()
    total = time.process_time() - c0
    per = 1000 / rounds / n_docs
    print(f"{n_docs} documents x {rounds} rounds: {total * per:.1f} ms CPU per document "
          "(read, analyse, apply, render)")
    for label, secs in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {label:45s} {secs * per:6.2f} ms  {secs / total:5.1%}")
    rest = total - sum(spent.values())
    print(f"  {'the rest (read, normalise, layout, engine, apply)':45s} {rest * per:6.2f} ms  "
          f"{rest / total:5.1%}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.modules.setdefault("benchmarks_redact", __import__("redact"))
    sys.exit(main(sys.argv[1:]))
