"""Recall of private persons' identifiers, by shape, on annotated sets (issue 8's "100 %").

    .venv/bin/python benchmarks/identifiers.py SET_DIR [SET_DIR ...] [--policy kommune]

Each SET_DIR holds documents ``*.txt`` with ``*.gold.yaml`` beside them (the annotated
corpus format of ``../shared/spec/redaction-corpus-format.md``: ``areas``, ``client``,
``must_remove`` and ``must_keep`` items with their rule). Every document is redacted in this
process, as ``gldocs redact --policy POLICY --areas <gold areas>`` does it (model loaded
once; the plan is applied and the text written as the CLI writes a .txt), and then:

- every R1 item of ``must_remove`` that is an *identifier* is sorted by its shape: CPR
  number, phone number, e-mail address, street address, or other identifier (licence plate,
  account number, IBAN, IP address, IMEI, username or handle, web address). Names are not
  identifiers and are left out (the corpus scorer counts them);
- an item counts as removed when it no longer stands in the output (case and spacing
  ignored, a CPR number also without its hyphen) and no capitalised word that the source
  has only inside it survives (the city of an address abroad): the corpus scorer's test;
- removed identifiers that the redactor flagged for review (owner unclear) are counted too;
- the K1/K3 identifiers of ``must_keep`` (the client's own, a professional's) are checked
  the same way: an identifier kept only on positive evidence must not cost the keep side.

Prints per set and over all sets the recall per shape ("removed/total") and every leaked
identifier with its document, then the identifiers lost on the keep side. Figures only: a
benchmark, not a test. Exit 0 always (a set without documents is reported and skipped).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import gldocs.redact.nlp  # noqa: F401  (first: keeps presidio's tldextract offline)
from gldocs.errors import GldocsError

SHAPES = ("CPR", "phone", "e-mail", "street address", "other identifier")

# -- the shape of a gold item -----------------------------------------------------------------
_CPR = re.compile(r"^(\d{2})[ .]?(\d{2})[ .]?(\d{2})\s?[-–/]?\s?\d{4}$")
_EMAIL = re.compile(r"\S@\S+\.\w|\S\s*[(\[{]\s*(?:at|snabel-a)\s*[)\]}]\s*\S|"
                    r"\S\s+(?:at|snabel-a)\s+\S+\s+(?:dot|punktum)\s+\w", re.IGNORECASE)
_PHONE = re.compile(r"^[+(]?[\d\s()+\-./]{6,24}$")
_DATE = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})$")
_IP = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$|^[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}$",
                 re.IGNORECASE)
_IBAN = re.compile(r"^[A-Z]{2}\d{2}(?:\s?[A-Z0-9]){10,30}$")
_PLATE = re.compile(r"^[A-ZÆØÅ]{2}\s?\d{2}\s?\d{3}$")
_HANDLE = re.compile(r"^@[\w.\-]+$|^https?://|^www\.|[\w\-]+\.(?:com|dk|net|org)/")
_ACCOUNT_WORDS = re.compile(r"\b(?:reg|konto|kontonr|mobilepay|imei|iban|ip|brugernavn)\b",
                            re.IGNORECASE)
# a street and house number ("Lupinvej 14", "Edwin Rahrs Vej 80", "14 Ashworth Road")
_STREET_NUMBER = re.compile(r"[A-ZÆØÅ][\w\-.]+\s+\d{1,4}\s?[A-Za-z]?(?:\b|$)|"
                            r"^\d{1,4}[A-Za-z]?,?\s+(?:[A-Z]\w+\s+){0,3}[A-Z]\w+")
# a street name alone ("hun bor på Kløvervej"): a word with a Danish street ending
_STREET_ALONE = re.compile(r"[a-zæøå]{2}(?:vej|vejen|gade|gaden|allé|alle|stræde|strædet|"
                           r"vænge|vænget|boulevard)(?:$|\s+i\s)")
_STREET_ABROAD = re.compile(r"\b(?:Road|Street|Avenue|Lane|Straße|Strasse|Weg|Gasse|Platz|"
                            r"rue|Via|Calle|gatan|vägen|veien|Postboks|c/o)\b")


def _is_cpr(text: str) -> bool:
    m = _CPR.match(text)
    return m is not None and 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12


def shape(text: str) -> str | None:
    """The identifier shape of a gold item's text, or None for a name or a phrase."""
    t = text.strip()
    digits = sum(c.isdigit() for c in t)
    if _EMAIL.search(t):
        return "e-mail"
    if _HANDLE.search(t) or _IP.match(t) or _IBAN.match(t) or _PLATE.match(t) or \
            _DATE.match(t):
        return "other identifier"
    if digits == 10 and not t.startswith("+") and _is_cpr(t):
        return "CPR"
    if _PHONE.match(t) and 6 <= digits <= 13:
        return "phone"
    if digits >= 4 and (_PHONE.match(t) or _ACCOUNT_WORDS.search(t)):
        return "other identifier"  # account numbers, IMEI, a MobilePay label and number
    if _STREET_NUMBER.search(t) or _STREET_ALONE.search(t) or _STREET_ABROAD.search(t):
        return "street address"
    if " " not in t and re.search(r"[\d_@#]|\.\w{2,4}$", t):
        return "other identifier"  # usernames, handles, file names
    return None


# -- the corpus scorer's tests ("still stands in the output", "a part left"): one copy, the
# held-out corpus test's, which follows redaction-corpus-format.md without ../shared
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "redact"))
from test_heldout_corpus import found, name_residue  # noqa: E402


# -- the run ----------------------------------------------------------------------------------
@dataclass
class Tally:
    removed: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    flagged: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    kept: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    keep_total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    leaks: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for mine, theirs in ((self.removed, other.removed), (self.total, other.total),
                             (self.flagged, other.flagged), (self.kept, other.kept),
                             (self.keep_total, other.keep_total)):
            for k, v in theirs.items():
                mine[k] += v
        self.leaks += other.leaks
        self.lost += other.lost
        self.failed += other.failed


def redact_text(redactor: object, doc: Path, areas: list[str]) -> tuple[str, list[str]]:
    """The redacted text of ``doc`` (as the CLI writes a .txt) and the texts of the removals
    flagged for review."""
    from gldocs.document.txt import render_txt
    from gldocs.redact.facade import Redactor

    assert isinstance(redactor, Redactor)
    document, plan = redactor.analyze_path(doc, areas=",".join(areas) or "none")
    applied = redactor.apply(plan)
    out = render_txt(document, applied.edits, redactor.banner(plan))
    flagged = [f.text for f in plan.findings if f.action == "remove" and f.review]
    return out, flagged


def score_set(redactor: object, folder: Path) -> Tally | None:
    docs = sorted(folder.glob("*.txt"))
    docs = [d for d in docs if d.with_suffix(".gold.yaml").is_file()]
    if not docs:
        print(f"{folder}: no annotated documents", file=sys.stderr)
        return None
    tally = Tally()
    for doc in docs:
        gold = yaml.safe_load(doc.with_suffix(".gold.yaml").read_text(encoding="utf-8"))
        refused = False
        try:
            output, flagged = redact_text(redactor, doc, list(gold.get("areas") or []))
        except GldocsError as exc:
            # A refused document counts as the scorer counts it: nothing in it was removed or
            # kept (it would not have been sent, but it was not redacted either).
            tally.failed.append(f"{folder.name}/{doc.name}: {exc}")
            output, flagged, refused = doc.read_text(encoding="utf-8"), [], True
        kept_text = "" if refused else output
        source = doc.read_text(encoding="utf-8")
        protected = set(" ".join([(gold.get("client") or {}).get("name", "")]
                                 + [k["text"] for k in gold.get("must_keep") or []]
                                 ).lower().split())
        for item in gold.get("must_remove") or []:
            kind = shape(item["text"]) if item.get("rule") == "R1" else None
            if kind is None:
                continue
            tally.total[kind] += 1
            left = None if found(item["text"], output) else \
                name_residue(item, source, output, protected)
            if left or found(item["text"], output):
                tally.leaks.append(f"{folder.name}/{doc.name}: {kind}: {item['text']!r}"
                                   + (f" (part left: {left!r})" if left else ""))
                continue
            tally.removed[kind] += 1
            if any(item["text"] in f or f in item["text"] for f in flagged):
                tally.flagged[kind] += 1
        for item in gold.get("must_keep") or []:
            kind = shape(item["text"]) if item.get("rule") in ("K1", "K3") else None
            if kind is None:
                continue
            tally.keep_total[kind] += 1
            if found(item["text"], kept_text):
                tally.kept[kind] += 1
            else:
                tally.lost.append(f"{folder.name}/{doc.name}: {item['rule']} {kind}: "
                                  f"{item['text']!r}")
    return tally


def report(title: str, t: Tally) -> None:
    def ratio(a: int, b: int) -> str:
        return f"{a}/{b} ({a / b:.3f})" if b else "0/0 (-)"

    removed, total = sum(t.removed.values()), sum(t.total.values())
    print(f"== {title}: private identifiers removed {ratio(removed, total)}")
    for s in SHAPES:
        if t.total.get(s):
            print(f"   {s:<17} removed {ratio(t.removed[s], t.total[s])}, "
                  f"flagged for review {t.flagged[s]}")
    kept, keep_total = sum(t.kept.values()), sum(t.keep_total.values())
    print(f"   client's and professionals' identifiers kept {ratio(kept, keep_total)}")
    for line in t.failed:
        print(f"   FAILED {line}")
    for line in t.leaks:
        print(f"   LEAK  {line}")
    for line in t.lost:
        print(f"   LOST  {line}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--policy", default="kommune")
    args = ap.parse_args(argv)

    from gldocs.redact.facade import redactor_for

    redactor = redactor_for(args.policy)
    overall = Tally()
    for folder in args.sets:
        tally = score_set(redactor, folder)
        if tally is None:
            continue
        report(folder.name, tally)
        overall.add(tally)
    if len(args.sets) > 1:
        overall.leaks, overall.lost, overall.failed = [], [], []  # listed per set above
        report("all sets", overall)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
