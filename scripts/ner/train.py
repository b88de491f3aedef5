"""Train the Danish NER pipeline that gldocs ships (gldocs/models/da_ner).

Usage (from the repository root, about 15-20 minutes on one CPU core)::

    .venv/bin/python scripts/ner/train.py               # convert, augment, train, package, evaluate
    .venv/bin/python scripts/ner/train.py --data DIR    # DDT NER files elsewhere
    .venv/bin/python scripts/ner/train.py --skip-train  # re-package + evaluate model-best
    .venv/bin/python scripts/ner/train.py --out /tmp/t --target /tmp/t/model \
        --set components.tok2vec.model.encode.depth=2    # a variant, not shipped

Steps (all seeded; the same command gives the same data and, on the same machine, the
same model):

1. Convert ``<repo>/../shared/data/ddt-ner/da_ddt-ud-{train,dev,test}.iob2`` (UD Danish-DDT
   with DaN+ labels via Universal NER, CC BY-SA 4.0) to spaCy DocBins. Labels: the outer
   layer of column 4; ``Xpart`` -> ``X``, ``Xderiv`` -> ``O``, MISC kept, a stray ``I-`` is
   repaired to ``B-``. The text comes from the ``# text =`` line; token spacing is recovered
   by aligning the gold tokens to it.
2. Generate ``--augment`` invented case-file sentences (``scripts/ner/augment.py``, names
   from the lists in ``scripts/ner/data``) and add them to the *training* set only. A
   separate invented set with held-out names (never seen in training) measures PER recall in
   case-file phrasing; DDT dev (early stopping) and DDT test (reported) stay pure.
3. ``spacy train scripts/ner/config.cfg`` -> ``training/model`` (gitignored).
4. Add gldocs' compact lookup lemmatizer (``gldocs.redact.nlp.LookupLemmatizer``) filled
   from the Danish lemma table of spacy-lookups-data and serialised *into* the model, so
   the runtime needs neither that package nor its slow-loading tables; write meta.json and
   copy the result to ``gldocs/models/da_ner`` (replacing the model files, keeping
   MODEL_CARD.md and LICENSE.txt).
5. Evaluate from raw text (spaCy's own tokenisation) on DDT test and on the held-out
   invented set; write ``training/metrics.json`` and print the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

SCRIPT_DIR = Path(__file__).resolve().parent
REPO = SCRIPT_DIR.parents[1]
sys.path.insert(0, str(SCRIPT_DIR))

import augment  # noqa: E402

from gldocs.redact.nlp import LEMMA_FACTORY, register_components  # noqa: E402

LABELS = ("PER", "LOC", "ORG", "MISC")
SPLITS = ("train", "dev", "test")
MODEL_NAME = "gldocs_ner"
MODEL_VERSION = "1.0.0"


# --- 1. DDT conversion ------------------------------------------------------------------

def map_tag(raw: str) -> str:
    """Column-4 DaN+ tag -> 4-type IOB2 (outer layer; Xpart -> X, Xderiv -> O)."""
    outer = raw.split("#", 1)[0]
    if outer == "O":
        return "O"
    prefix, typ = outer.split("-", 1)
    if typ.endswith("deriv"):
        return "O"
    if typ.endswith("part"):
        typ = typ[: -len("part")]
    if typ not in LABELS:
        raise ValueError(f"unknown entity type {outer!r}")
    return f"{prefix}-{typ}"


def repair_iob(tags: list[str]) -> list[str]:
    """Turn an I- that does not continue an entity of the same type into B-."""
    fixed: list[str] = []
    for tag in tags:
        if tag.startswith("I-"):
            prev = fixed[-1] if fixed else "O"
            if prev == "O" or prev[2:] != tag[2:]:
                tag = "B-" + tag[2:]
        fixed.append(tag)
    return fixed


def spaces_by_alignment(text: str, words: list[str]) -> list[bool]:
    spaces: list[bool] = []
    pos = 0
    for word in words:
        start = text.find(word, pos)
        if start < 0 or text[pos:start].strip():
            raise ValueError(f"cannot align token {word!r} in {text!r}")
        pos = start + len(word)
        spaces.append(pos < len(text) and text[pos].isspace())
    return spaces


def read_iob2(path: Path) -> list[tuple[str, list[str], list[str]]]:
    """Return (text, words, tags) per sentence."""
    sentences = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [ln for ln in block.splitlines() if ln.strip()]
        if not lines:
            continue
        text = next(ln[len("# text = "):] for ln in lines if ln.startswith("# text = "))
        rows = [ln.split("\t") for ln in lines if not ln.startswith("#")]
        words = [r[1] for r in rows]
        tags = repair_iob([map_tag(r[3]) for r in rows])
        sentences.append((text, words, tags))
    return sentences


def ddt_docs(nlp, path: Path) -> list:
    from spacy.tokens import Doc

    docs = []
    for text, words, tags in read_iob2(path):
        doc = Doc(nlp.vocab, words=words, spaces=spaces_by_alignment(text, words), ents=tags)
        assert doc.text == text.rstrip() or doc.text == text, (doc.text, text)
        docs.append(doc)
    return docs


def augment_docs(nlp, sentences: list[tuple[str, list[augment.Span]]]) -> list:
    docs = []
    for text, spans in sentences:
        doc = nlp.make_doc(text)
        ents = []
        for start, end, label in spans:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None:
                raise ValueError(f"no token span for {text[start:end]!r} in {text!r}")
            ents.append(span)
        doc.ents = ents
        docs.append(doc)
    return docs


def build_corpora(data_dir: Path, out: Path, n_augment: int, seed: int) -> dict[str, int]:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("da")
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    ddt = {split: ddt_docs(nlp, data_dir / f"da_ddt-ud-{split}.iob2") for split in SPLITS}
    names = augment.load_names()
    train_names, heldout_names = augment.split_names(names, 0.15, random.Random(seed))
    aug_train = augment_docs(nlp, augment.generate(n_augment, seed, train_names))
    aug_test = augment_docs(nlp, augment.generate(500, seed + 1000, heldout_names))
    sets = {"train": ddt["train"] + aug_train, "dev": ddt["dev"], "test": ddt["test"],
            "aug_test": aug_test}
    for name, docs in sets.items():
        DocBin(docs=docs, store_user_data=False).to_disk(out / f"{name}.spacy")
        counts[name] = len(docs)
    counts["augment_train"] = len(aug_train)
    return counts


# --- 3. training --------------------------------------------------------------------------

def train(config: Path, corpus: Path, output: Path, seed: int,
          overrides: dict[str, str] | None = None) -> float:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    cmd = [sys.executable, "-m", "spacy", "train", str(config), "--output", str(output),
           "--paths.train", str(corpus / "train.spacy"), "--paths.dev", str(corpus / "dev.spacy"),
           "--system.seed", str(seed)]
    for key, value in (overrides or {}).items():
        cmd += [f"--{key}", value]
    print("+", " ".join(cmd), flush=True)
    t0 = time.time()
    subprocess.run(cmd, check=True, env=env)
    return time.time() - t0


# --- 4. packaging ----------------------------------------------------------------------

def danish_lemma_lookup() -> dict[str, str]:
    """The Danish lemma lookup table of spacy-lookups-data (training-time dependency)."""
    import gzip

    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "da_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def package(model_best: Path, target: Path) -> None:
    import spacy

    nlp = spacy.load(model_best)
    register_components()
    lemmatizer = nlp.add_pipe(LEMMA_FACTORY, name="lemmatizer")
    lemmatizer.set_lemmas(danish_lemma_lookup())
    nlp.meta.update({
        "name": MODEL_NAME, "version": MODEL_VERSION, "lang": "da",
        "description": "Danish NER (PER/LOC/ORG/MISC) + lookup lemmatizer for gldocs. "
                       "Trained on UD Danish-DDT with DaN+ labels (Universal NER) plus "
                       "invented case-file sentences.",
        "license": "CC BY-SA 4.0",
        "author": "gldocs", "sources": [
            {"name": "UNER_Danish-DDT (DaN+ labels on UD Danish-DDT)",
             "url": "https://github.com/UniversalNER/UNER_Danish-DDT", "license": "CC BY-SA 4.0"},
            {"name": "spacy-lookups-data (Danish lemma lookup)",
             "url": "https://github.com/explosion/spacy-lookups-data"}],
    })
    tmp = target.with_name(target.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    keep = [p for p in ("MODEL_CARD.md", "LICENSE.txt") if (target / p).exists()]
    for name in keep:
        shutil.copy2(target / name, tmp / name)
    if target.exists():
        shutil.rmtree(target)
    tmp.rename(target)


# --- 5. evaluation --------------------------------------------------------------------------

def evaluate(model: Path, corpus: Path) -> dict:
    import spacy
    from spacy.tokens import DocBin
    from spacy.training import Example

    register_components()
    nlp = spacy.load(model)
    result: dict = {}
    for name in ("test", "aug_test"):
        gold = list(DocBin().from_disk(corpus / f"{name}.spacy").get_docs(nlp.vocab))
        examples = [Example(nlp.make_doc(d.text), d) for d in gold]
        scores = nlp.evaluate(examples)
        per_type = {k: {m: round(v[m] * 100, 1) for m in ("p", "r", "f")}
                    for k, v in (scores["ents_per_type"] or {}).items()}
        result[name] = {m: round(scores[f"ents_{m}"] * 100, 1) for m in ("p", "r", "f")}
        result[name]["per_type"] = per_type
    texts = [d.text for d in DocBin().from_disk(corpus / "test.spacy").get_docs(nlp.vocab)]
    words = sum(len(t.split()) for t in texts)
    best = 0.0
    for _ in range(3):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=256):
            pass
        best = max(best, words / (time.perf_counter() - t0))
    result["words_per_s"] = round(best)
    t0 = time.perf_counter()
    spacy.load(model)
    result["load_s"] = round(time.perf_counter() - t0, 2)
    size = sum(p.stat().st_size for p in model.rglob("*") if p.is_file())
    result["size_mb"] = round(size / 1e6, 1)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "ddt-ner",
                    help="folder with da_ddt-ud-{train,dev,test}.iob2")
    ap.add_argument("--out", type=Path, default=REPO / "training", help="work folder (gitignored)")
    ap.add_argument("--config", type=Path, default=SCRIPT_DIR / "config.cfg")
    ap.add_argument("--target", type=Path, default=REPO / "gldocs" / "models" / "da_ner")
    ap.add_argument("--augment", type=int, default=3000, help="number of invented sentences")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--skip-train", action="store_true", help="reuse training/model/model-best")
    ap.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                    help="override a config value for this run, e.g. "
                         "components.tok2vec.model.encode.depth=2 (repeatable)")
    args = ap.parse_args(argv)
    overrides = dict(item.split("=", 1) for item in args.set)

    random.seed(args.seed)
    corpus = args.out / "corpus"
    counts = build_corpora(args.data.resolve(), corpus, args.augment, args.seed)
    print("corpora:", counts, flush=True)
    seconds = None
    if not args.skip_train:
        seconds = train(args.config, corpus, args.out / "model", args.seed, overrides)
        print(f"training took {seconds / 60:.1f} min", flush=True)
    package(args.out / "model" / "model-best", args.target)
    metrics = evaluate(args.target, corpus)
    metrics["counts"] = counts
    if seconds is not None:
        metrics["train_minutes"] = round(seconds / 60, 1)
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False),
                                           encoding="utf-8")
    print(json.dumps(metrics, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
