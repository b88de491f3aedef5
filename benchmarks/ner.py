"""Speed of the shipped Danish NER pipeline.

    .venv/bin/python benchmarks/ner.py [TEXT_FILE ...]

Prints the cold load time (fresh process: import + ``load_nlp()``), words per second with
``nlp.pipe`` (whole pipeline: tok2vec, ner, lemmatizer) and with the presidio engine from
``gldocs.redact.nlp.build_analyzer()`` (NER only). Without arguments it uses the sentences
of the DDT test split (``<repo>/../shared/data/ddt-ner``), which must then exist.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DDT_TEST = REPO.parent / "shared" / "data" / "ddt-ner" / "da_ddt-ud-test.iob2"


def texts_from(args: list[str]) -> list[str]:
    if args:
        return [Path(a).read_text(encoding="utf-8") for a in args]
    lines = DDT_TEST.read_text(encoding="utf-8").splitlines()
    return [ln[len("# text = "):] for ln in lines if ln.startswith("# text = ")]


def cold_load_seconds() -> float:
    code = "from gldocs.redact.nlp import load_nlp; load_nlp()"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - t0


def best_rate(words: int, run: object, repeats: int = 3) -> float:
    best = 0.0
    for _ in range(repeats):
        t0 = time.perf_counter()
        run()  # type: ignore[operator]
        best = max(best, words / (time.perf_counter() - t0))
    return best


def main(argv: list[str]) -> int:
    texts = texts_from(argv)
    words = sum(len(t.split()) for t in texts)
    print(f"cold start (python + import + load_nlp): {cold_load_seconds():.2f} s")

    from gldocs.redact.nlp import build_analyzer, load_nlp

    nlp = load_nlp()
    rate = best_rate(words, lambda: list(nlp.pipe(texts, batch_size=256)))
    print(f"nlp.pipe: {rate:,.0f} words/s over {words:,} words")
    analyzer = build_analyzer()
    rate = best_rate(words, lambda: [analyzer.analyze(t, language="da") for t in texts], 1)
    print(f"presidio analyze (NER only): {rate:,.0f} words/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
