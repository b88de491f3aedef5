"""Our own held-out redaction corpus (tests/redact/heldout), scored through the real CLI.

The documents are written independently of ../shared/corpus/dev (other names, towns, prisons,
diagnoses, offences, phrasing and layouts) to measure how well `gldocs redact --policy kommune`
generalises. The scoring follows ../shared/spec/redaction-corpus-format.md and is implemented
here so the test runs without ../shared: whole word, case-insensitive, optional genitive `s`,
CPR numbers also without their dash, and the R1 surname-residue rule for multi-word names.

The fast tests check the corpus itself (verbatim texts, no keep/remove overlap, no keep text in
a sentence with a remove text) and the scorer (identity output scores 0 recall, empty output 0
keep). The slow test runs the CLI and fails when recall or keep rate fall below the floors,
which were set at the level measured on 25 November 2026 minus a margin of one or two items
per rule: they catch regressions, they are not a target.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).resolve().parent / "heldout"
RULES_REMOVE = {"R1", "R2", "R3", "R4", "R5"}
RULES_KEEP = {"K1", "K2", "K3", "K4", "K5", "K6", "K7"}
AREAS = {"bolig", "beskæftigelse", "uddannelse", "økonomi", "misbrug", "helbred", "netværk",
         "mentor"}

# Measured 25.11.2026 on all 13 documents (engine at 02c94d9): R1 123/127, R2 56/61, R3 56/60,
# R4 43/60, R5 26/30, recall 304/338 = 0.899, keep 178/207 = 0.860. Blind first runs (before the
# lexicons had seen these documents): h01-h10 recall 0.875 keep 0.862, h11-h13 recall 0.851
# keep 0.854. Floors = measured minus a few items per rule.
MIN_RECALL = 0.87
MIN_KEEP = 0.83
MIN_RECALL_BY_RULE = {"R1": 0.94, "R2": 0.85, "R3": 0.85, "R4": 0.65, "R5": 0.76}


# --- scoring (spec: redaction-corpus-format.md, "Scoring") -----------------------------------

def word_pattern(text: str) -> re.Pattern[str]:
    """`text` as a whole word (words may be split by any whitespace), optional genitive s."""
    body = r"\s+".join(re.escape(w) for w in text.split())
    return re.compile(rf"(?<!\w){body}s?(?!\w)", re.IGNORECASE)


def found(text: str, haystack: str) -> bool:
    forms = [text]
    if re.fullmatch(r"\d{6}-\d{4}", text):
        forms.append(text.replace("-", ""))
    return any(word_pattern(f).search(haystack) for f in forms)


def name_residue(item: dict, source: str, output: str, protected: set[str]) -> str | None:
    """A word of a multi-word R1 name that survives although it occurs only inside that name."""
    words = item["text"].split()
    if item["rule"] != "R1" or len(words) < 2:
        return None
    rest = word_pattern(item["text"]).sub(" ", source)
    for w in words:
        if len(w) < 3 or not w[0].isupper() or w.lower() in protected:
            continue
        if not word_pattern(w).search(rest) and word_pattern(w).search(output):
            return w
    return None


@dataclass
class Score:
    removed: int = 0
    n_remove: int = 0
    kept: int = 0
    n_keep: int = 0
    by_rule: dict[str, list[int]] = field(default_factory=dict)
    leaks: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.removed / self.n_remove if self.n_remove else 1.0

    @property
    def keep(self) -> float:
        return self.kept / self.n_keep if self.n_keep else 1.0

    def rule_recall(self, rule: str) -> float:
        done, total = self.by_rule.get(rule, [0, 0])
        return done / total if total else 1.0

    def add(self, name: str, gold: dict, source: str, output: str) -> None:
        keeps = gold.get("must_keep") or []
        protected = set(" ".join([gold["client"]["name"], *(k["text"] for k in keeps)])
                        .lower().split())
        for item in gold.get("must_remove") or []:
            self.n_remove += 1
            counts = self.by_rule.setdefault(item["rule"], [0, 0])
            counts[1] += 1
            residue = None if found(item["text"], output) else name_residue(
                item, source, output, protected)
            if found(item["text"], output) or residue:
                self.leaks.append(f"{name}: {item['rule']} {item['text']!r}"
                                  + (f" (rest: {residue!r})" if residue else ""))
            else:
                self.removed += 1
                counts[0] += 1
        for item in keeps:
            self.n_keep += 1
            if found(item["text"], output):
                self.kept += 1
            else:
                self.lost.append(f"{name}: {item['rule']} {item['text']!r}")

    def summary(self) -> str:
        rules = ", ".join(f"{r} {a}/{b}" for r, (a, b) in sorted(self.by_rule.items()))
        return (f"recall {self.recall:.3f} ({self.removed}/{self.n_remove}) keep {self.keep:.3f} "
                f"({self.kept}/{self.n_keep}); {rules}\n"
                + "\n".join(["LEAK " + x for x in self.leaks] + ["LOST " + x for x in self.lost]))


def documents(corpus: Path = CORPUS) -> list[tuple[Path, dict]]:
    docs = sorted(corpus.glob("*.txt"))
    return [(d, yaml.safe_load(d.with_suffix(".gold.yaml").read_text(encoding="utf-8")))
            for d in docs]


def score(redact: Callable[[Path, dict, Path], str], tmp_path: Path,
          corpus: Path = CORPUS) -> Score:
    result = Score()
    for doc, gold in documents(corpus):
        output = redact(doc, gold, tmp_path / doc.name)
        result.add(doc.name, gold, doc.read_text(encoding="utf-8"), output)
    return result


# --- the corpus itself ------------------------------------------------------------------------

def sentences(text: str) -> list[str]:
    return [s for line in text.splitlines()
            for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9\"(])", line) if s.strip()]


def test_corpus_is_well_formed() -> None:
    docs = documents()
    assert len(docs) == 13
    for doc, gold in docs:
        source = doc.read_text(encoding="utf-8")
        head = "\n".join(source.splitlines()[:6])
        assert f"Navn: {gold['client']['name']}" in head, doc.name
        assert f"CPR-nr.: {gold['client']['cpr']}" in head, doc.name
        assert set(gold["areas"]) <= AREAS, doc.name
        removes, keeps = gold["must_remove"], gold["must_keep"]
        assert {i["rule"] for i in removes} <= RULES_REMOVE, doc.name
        assert {i["rule"] for i in keeps} <= RULES_KEEP, doc.name
        for item in removes + keeps:
            assert item["text"] in source, f"{doc.name}: {item['text']!r} not verbatim"
        for k in keeps:
            for r in removes:
                assert not word_pattern(k["text"]).search(r["text"]), (doc.name, k, r)
                assert not word_pattern(r["text"]).search(k["text"]), (doc.name, k, r)
            for s in sentences(source):
                if word_pattern(k["text"]).search(s):
                    shared = [r["text"] for r in removes if word_pattern(r["text"]).search(s)]
                    assert not shared, f"{doc.name}: {k['text']!r} shares a sentence {shared}"


def test_scoring_bounds(tmp_path: Path) -> None:
    """Passing the document through untouched removes nothing; an empty output keeps nothing."""
    untouched = score(lambda doc, gold, out: doc.read_text(encoding="utf-8"), tmp_path)
    assert untouched.recall == 0.0 and untouched.keep == 1.0, untouched.summary()
    empty = score(lambda doc, gold, out: "", tmp_path)
    assert empty.recall == 1.0 and empty.keep == 0.0


def test_residue_rule() -> None:
    item = {"text": "Ane Kleist", "rule": "R1"}
    source = "Ane Kleist bor her. Hun hedder Kleist."
    assert name_residue(item, source, "[pårørende] Kleist", set()) is None  # Kleist stands alone
    source = "Ane Kleist bor her."
    assert name_residue(item, source, "[pårørende] Kleist", set()) == "Kleist"
    assert name_residue(item, source, "[pårørende] Kleist", {"kleist"}) is None
    assert found("030598-1846", "cpr 0305981846") and found("Mia", "Mias bror")
    assert not found("Bo", "boligen")


# --- the real CLI -----------------------------------------------------------------------------

def run_cli(doc: Path, gold: dict, out: Path) -> str:
    """``gldocs redact`` in this process (the model loads once for the whole corpus)."""
    from click.testing import CliRunner

    from gldocs.cli import main

    res = CliRunner().invoke(main, ["redact", str(doc), "--policy", "kommune", "--areas",
                                    ",".join(gold["areas"] or []) or "none", "-o", str(out),
                                    "--jobs", "1"])
    assert res.exit_code in (0, 1) and out.exists(), f"{doc.name}: {res.output}"
    return out.read_text(encoding="utf-8")


@pytest.mark.slow
def test_heldout_corpus_scores(tmp_path: Path) -> None:
    result = score(run_cli, tmp_path)
    report = result.summary()
    assert result.recall >= MIN_RECALL, report
    assert result.keep >= MIN_KEEP, report
    for rule, floor in MIN_RECALL_BY_RULE.items():
        assert result.rule_recall(rule) >= floor, f"{rule}: {report}"
