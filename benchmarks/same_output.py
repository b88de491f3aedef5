"""Snapshot every output of ``gldocs redact`` over document sets, to prove a change keeps
the results byte for byte.

    .venv/bin/python benchmarks/same_output.py snapshot OUTDIR [--client-name NAME] [CORPUS_DIR ...]
    .venv/bin/python benchmarks/same_output.py compare OUTDIR_BEFORE OUTDIR_AFTER

``snapshot`` runs the real per-file job (:func:`gldocs.redact.commands.redact_file`, the
code behind ``gldocs redact``) in one process on every ``*.txt`` of each corpus (areas from
the ``*.gold.yaml`` beside it, else ``none``) and every case file ``*.yaml`` that is no gold
file (e.g. ``samples/``; areas ``none``, written as text) and writes per document the redacted text,
the JSON report (every finding: span, rule, score, review flag, explanation) and the
``--explain alle`` table. CORPUS_DIR defaults to ``../shared/corpus/dev`` and the repo's
``tests/redact/heldout``. ``--client-name``: the client of documents that name none
(plain texts without Stamoplysninger, e.g. the DDT sentences). ``compare`` lists every
file that differs or is missing and exits 1 if any does.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SETS = (REPO.parent / "shared" / "corpus" / "dev", REPO / "tests" / "redact" / "heldout")


def _areas(doc: Path) -> str:
    gold = doc.with_suffix(".gold.yaml")
    if gold.is_file():
        return ",".join(yaml.safe_load(gold.read_text(encoding="utf-8")).get("areas") or []) \
            or "none"
    return "none"


def _inputs(corpus: Path) -> list[Path]:
    """The documents of ``corpus``: its texts and its case files (not the gold files)."""
    cases = [p for p in corpus.glob("*.yaml") if not p.name.endswith(".gold.yaml")]
    return sorted([*corpus.glob("*.txt"), *cases])


def snapshot(out: Path, corpora: list[Path], client_name: str | None = None) -> int:
    from gldocs.redact.commands import Job, redact_file
    from gldocs.redact.pattern_cache import recording

    with recording():  # set up as `gldocs redact` does: its patterns from the cache file
        from gldocs.redact.facade import redactor_for

        redactor_for("kommune")
    for corpus in corpora:
        target = out / corpus.name
        target.mkdir(parents=True, exist_ok=True)
        for k, doc in enumerate(_inputs(corpus)):
            redacted = target / f"{doc.stem}.txt"
            redacted.unlink(missing_ok=True)
            job = Job(index=k, input=doc, output=redacted, policy="kommune",
                      areas=_areas(doc), client_name=client_name, client_cpr=None, no_ner=False,
                      decisions=None, explain="alle")
            res = redact_file(job)
            report = json.dumps(res.report, ensure_ascii=False, indent=1, sort_keys=True,
                                default=str).replace(str(redacted), doc.name)
            (target / f"{doc.stem}.report.json").write_text(report + "\n", encoding="utf-8")
            (target / f"{doc.stem}.explain.txt").write_text(
                f"exit {res.exit_code} review {res.review}\n{res.error}\n"
                f"{res.summary.replace(str(redacted), doc.name)}\n{res.explain}",
                encoding="utf-8")
        print(f"{corpus}: {len(_inputs(corpus))} documents -> {target}")
    return 0


def compare(a: Path, b: Path) -> int:
    names = sorted({p.relative_to(a) for p in a.rglob("*") if p.is_file()}
                   | {p.relative_to(b) for p in b.rglob("*") if p.is_file()})
    differ = [n for n in names if not (a / n).is_file() or not (b / n).is_file()
              or (a / n).read_bytes() != (b / n).read_bytes()]
    for n in differ:
        print(f"differs: {n}")
    print(f"{len(names)} files compared, {len(differ)} differ")
    return 1 if differ else 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "snapshot":
        rest, client = argv[2:], None
        if rest[:1] == ["--client-name"] and len(rest) >= 2:
            rest, client = rest[2:], rest[1]
        return snapshot(Path(argv[1]), [Path(p) for p in rest] or
                        [p for p in DEFAULT_SETS if p.is_dir()], client)
    if len(argv) == 3 and argv[0] == "compare":
        return compare(Path(argv[1]), Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
