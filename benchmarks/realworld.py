"""`gldocs redact` and `gldocs scan` on a folder of real-world files: do they agree?

    .venv/bin/python benchmarks/realworld.py FOLDER [--areas none] [--client-name NAVN]
        [--timeout 120] [--keep OUTDIR] [--findings] [--list-persons N]

For every .docx, .pdf and .txt file in FOLDER (not recursive), in one process (the NER
model is loaded once, as the review server and export do):

1. ``gldocs redact FILE --policy kommune --areas AREAS --client-name NAVN -o OUT``; real
   files have no Stamoplysninger, so the client's name is given (an invented one);
2. ``gldocs scan OUT --policy kommune --areas AREAS --client-name NAVN`` on every output
   written with exit 0 or 1, and on every input ``redact`` refused (exit 2): a file that
   cannot be read must not be called clean by ``scan`` either.

Prints the exit codes per command, every internal error (exit 3: a bug), every file that
``redact`` wrote with exit 0 and ``scan`` did not call clean (a disagreement: a bug), the
files ``scan`` could not check (exit 2, which must say "kan ikke kontrolleres"), and the
time per file. A file that takes longer than ``--timeout`` seconds is stopped and counted
as a timeout. Not a timed test: figures only.

``--findings`` also writes ``redact``'s JSON report per file and prints the removals per
rule, and every person removal (R1, entity PERSON) by its text, sorted into classes (issue 8
section 4: English and German text must not be shredded): a function word of English or
German, another ordinary English/German word (the policy's lists), a table heading or label
(a cell or line that is the word alone), a plausible name (a given name or surname of the
policy's lists, or a word no list knows: to be judged by a person). ``--list-persons N``
prints the N most frequent texts of each class.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from gldocs.cli import main

SUFFIXES = {".docx", ".pdf", ".txt"}
CLIENT = "Mikkel Storgaard Winther"  # invented


@dataclass
class Outcome:
    path: Path
    redact_code: int | str = "-"
    redact_seconds: float = 0.0
    scan_code: int | str = "-"
    scan_seconds: float = 0.0
    redact_output: str = ""
    scan_output: str = ""
    input_scan_code: int | str = "-"  # scan of an input redact refused
    input_scan_output: str = ""
    notes: list[str] = field(default_factory=list)
    report: dict[str, Any] | None = None  # redact's JSON report (--findings)


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout


def _invoke(args: list[str], timeout: int) -> tuple[int | str, float, str]:
    runner = CliRunner()
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(timeout)
    start = time.perf_counter()
    try:
        res = runner.invoke(main, args, catch_exceptions=True)
        code: int | str = res.exit_code
        text = res.output
        if res.exception is not None and not isinstance(res.exception, SystemExit):
            if isinstance(res.exception, _Timeout):
                code = "timeout"
            else:
                code = 3
                text += f"\n{type(res.exception).__name__}: {res.exception}"
    except _Timeout:
        code, text = "timeout", ""
    finally:
        signal.alarm(0)
    return code, time.perf_counter() - start, text


def run_folder(folder: Path, outdir: Path, areas: str, client: str,
               timeout: int, findings: bool = False) -> list[Outcome]:
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())
    outcomes = []
    common = ["--policy", "kommune", "--areas", areas, "--client-name", client]
    for i, path in enumerate(files, 1):
        out = outdir / f"{path.stem}_til-kommunen{path.suffix.lower()}"
        o = Outcome(path)
        report_path = outdir / f"{path.stem}.report.json"
        extra = ["--report", str(report_path)] if findings else []
        o.redact_code, o.redact_seconds, o.redact_output = _invoke(
            ["redact", str(path), *common, "-o", str(out), "--jobs", "1", *extra], timeout)
        if findings and report_path.exists():
            o.report = json.loads(report_path.read_text(encoding="utf-8"))["documents"][0]
        if o.redact_code in (0, 1) and out.exists():
            o.scan_code, o.scan_seconds, o.scan_output = _invoke(
                ["scan", str(out), *common], timeout)
        elif o.redact_code in (0, 1):
            o.notes.append("redact gav 0/1, men skrev ingen fil")
        elif o.redact_code == 2:  # refused: scan must not call the input clean either
            o.input_scan_code, _, o.input_scan_output = _invoke(["scan", str(path), *common],
                                                               timeout)
        print(f"[{i}/{len(files)}] {path.name}: redact {o.redact_code} "
              f"({o.redact_seconds:.2f} s), scan {o.scan_code} ({o.scan_seconds:.2f} s)",
              file=sys.stderr, flush=True)
        outcomes.append(o)
    return outcomes


def _first_lines(text: str, n: int = 6) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return "\n".join(f"      {line[:160]}" for line in lines[:n])


def report(folder: Path, outcomes: list[Outcome]) -> None:
    print(f"\n== {folder} ({len(outcomes)} filer)")
    redact_codes = collections.Counter(str(o.redact_code) for o in outcomes)
    scan_codes = collections.Counter(str(o.scan_code) for o in outcomes if o.scan_code != "-")
    print("redact exit codes:", dict(sorted(redact_codes.items())))
    print("scan exit codes (outputs of exit 0/1):", dict(sorted(scan_codes.items())))
    internal = [o for o in outcomes if o.redact_code in (3, "timeout")
                or o.scan_code in (3, "timeout")]
    print(f"internal errors or timeouts (bugs): {len(internal)}")
    for o in internal:
        which = "redact" if o.redact_code in (3, "timeout") else "scan"
        print(f"  - {o.path.name}: {which} {o.redact_code if which == 'redact' else o.scan_code}")
        print(_first_lines(o.redact_output if which == "redact" else o.scan_output))
    disagree = [o for o in outcomes if o.redact_code == 0 and o.scan_code not in (0, "-")]
    print(f"disagreements (redact 0, scan not clean): {len(disagree)}")
    for o in disagree:
        print(f"  - {o.path.name}: scan {o.scan_code}")
        print(_first_lines(o.scan_output, 8))
    unchecked = [o for o in outcomes if o.scan_code == 2]
    worded = [o for o in unchecked if "kan ikke kontrolleres" in o.scan_output]
    print(f"scan exit 2: {len(unchecked)} ({len(worded)} saying 'kan ikke kontrolleres')")
    for o in unchecked:
        if o not in worded:
            print(f"  - {o.path.name} (without the words):")
            print(_first_lines(o.scan_output))
    review_flagged = [o for o in outcomes if o.redact_code == 1]
    print(f"redact exit 1 (review): {len(review_flagged)}; of those scan clean: "
          f"{sum(1 for o in review_flagged if o.scan_code == 0)}")
    refused = [o for o in outcomes if o.redact_code == 2]
    print(f"redact exit 2 (refused, with reason): {len(refused)}")
    codes = collections.Counter(str(o.input_scan_code) for o in refused)
    unchecked_inputs = [o for o in refused if o.input_scan_code == 2
                        and "kan ikke kontrolleres" in o.input_scan_output]
    print(f"scan of the refused inputs: exit codes {dict(sorted(codes.items()))}; "
          f"{len(unchecked_inputs)} say 'kan ikke kontrolleres'")
    for o in refused:
        reason = next((line for line in o.redact_output.splitlines() if "Fejl" in line), "")
        print(f"  - {o.path.name}: {reason[:150]}")
    times = [o.redact_seconds for o in outcomes]
    scans = [o.scan_seconds for o in outcomes if o.scan_code != "-"]
    if times:
        print(f"redact seconds per file: median {statistics.median(times):.2f}, "
              f"max {max(times):.2f} ({max(outcomes, key=lambda o: o.redact_seconds).path.name})"
              f", total {sum(times):.1f}")
    if scans:
        print(f"scan seconds per file: median {statistics.median(scans):.2f}, "
              f"max {max(scans):.2f}, total {sum(scans):.1f}")
    print("per file (redact code, s; scan code, s):")
    for o in outcomes:
        print(f"  {o.path.name}: {o.redact_code}, {o.redact_seconds:.2f}; "
              f"{o.scan_code}, {o.scan_seconds:.2f}{'; ' + '; '.join(o.notes) if o.notes else ''}")


# -- --findings: removals per rule and person removals by class ---------------------------
PERSON_CLASSES = ("function word (en/de)", "ordinary word (en/de)", "table heading/label",
                  "known name (name lists)", "unknown word (judge by hand)")


class PersonClasses:
    """Sorts the text of a person removal into :data:`PERSON_CLASSES` (first that fits)."""

    def __init__(self) -> None:
        from spacy.lang.de.stop_words import STOP_WORDS as DE
        from spacy.lang.en.stop_words import STOP_WORDS as EN

        from gldocs.redact.bundle import load_bundle
        from gldocs.redact.language import function_words

        bundle = load_bundle("kommune")
        self.function = frozenset(EN) | frozenset(DE) | function_words().of("en") | \
            function_words().of("de")
        self.ordinary = frozenset().union(*bundle.foreign.common.values())
        self.names = bundle.given_names | bundle.surnames

    def classify(self, text: str, unit_text: str) -> str:
        words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
        names = [w for w in re.findall(r"[^\W\d_]+", text) if w.title() in self.names
                 or w in self.names]
        if words and all(w in self.function for w in words):
            return PERSON_CLASSES[0]
        if names:
            return PERSON_CLASSES[3]
        if len(unit_text.split()) <= 3 and text.strip() and \
                len(text.split()) >= len(unit_text.split()) - 1:
            return PERSON_CLASSES[2]
        if words and all(w in self.function or w in self.ordinary for w in words):
            return PERSON_CLASSES[1]
        return PERSON_CLASSES[4]


def _unit_texts(path: Path) -> dict[str, str]:
    """The input's text units by path (as redact read them), for the classes."""
    from gldocs.document.io import read_document

    try:
        return {u.path: u.text for u in read_document(path).units}
    except Exception:
        return {}


def findings_report(outcomes: list[Outcome], list_n: int) -> None:
    reports = [o.report for o in outcomes if o.report is not None]
    by_rule: collections.Counter[str] = collections.Counter()
    by_entity: collections.Counter[str] = collections.Counter()
    persons: dict[str, collections.Counter[str]] = {c: collections.Counter()
                                                    for c in PERSON_CLASSES}
    classes = PersonClasses()
    per_file: collections.Counter[str] = collections.Counter()
    for o in outcomes:
        rep = o.report
        if rep is None:
            continue
        units = _unit_texts(o.path)
        for f in rep["findings"]:
            if f["action"] != "remove":
                continue
            by_rule[f["rule"]] += 1
            by_entity[f"{f['rule']} {f['entity']}"] += 1
            if f["rule"] == "R1" and f["entity"] == "PERSON":
                unit_text = units.get(f["unit_path"], f["text"])
                persons[classes.classify(f["text"], unit_text)][f["text"]] += 1
                per_file[o.path.name] += 1
    print(f"findings: {len(reports)} reports; removals per rule: {dict(sorted(by_rule.items()))}")
    print("removals per rule and entity:", dict(sorted(by_entity.items())))
    total = sum(sum(c.values()) for c in persons.values())
    print(f"person removals (R1 PERSON): {total}; most in:",
          ", ".join(f"{name} {n}" for name, n in per_file.most_common(8)))
    for cls, counter in persons.items():
        print(f"  {cls}: {sum(counter.values())}")
        for text, n in counter.most_common(list_n):
            print(f"      {n:4d}  {text!r}")


def main_(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--areas", default="none")
    ap.add_argument("--client-name", default=CLIENT)
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--keep", type=Path, default=None,
                    help="write the outputs here (default: a temporary folder)")
    ap.add_argument("--findings", action="store_true",
                    help="removals per rule; person removals by class")
    ap.add_argument("--list-persons", type=int, default=25, metavar="N",
                    help="with --findings: the N most frequent texts per class")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="gldocs-realworld-") as tmp:
        base = args.keep or Path(tmp)
        for n, folder in enumerate(args.folders):
            outdir = base / f"{n}-{folder.name}"
            outdir.mkdir(parents=True, exist_ok=True)
            outcomes = run_folder(folder, outdir, args.areas, args.client_name,
                                  args.timeout, args.findings)
            report(folder, outcomes)
            if args.findings:
                findings_report(outcomes, args.list_persons)
    return 0


if __name__ == "__main__":
    sys.exit(main_())
