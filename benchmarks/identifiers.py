"""Recall of third persons' identifiers (issue 8 § 1: "100 % of CPR numbers, phone numbers,
e-mail addresses and street addresses of anyone but the client and professionals").

    .venv/bin/python benchmarks/identifiers.py CORPUS_DIR [CORPUS_DIR ...] [--show]

For each annotated set (``*.txt`` beside ``*.gold.yaml``, the format of
``../shared/spec/redaction-corpus-format.md``), redacts every document with the gold's areas
(in process, one model load), then counts the gold's R1 items by shape -- CPR number, phone
number, e-mail address, street address, other identifier (plate, account, username, IP,
IMEI, URL: anything with a digit, "@" or "/"), and names -- and how many of them are gone
from the output (found as the scorer finds them: the words in order, any white space, any
case). Prints one line per set and shape, and a total; ``--show`` lists what survived.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

import gldocs.redact.nlp  # noqa: F401  (first: keeps presidio's tldextract offline)

SHAPES = ("CPR", "telefon", "e-mail", "adresse", "andet id", "navn")
_CPR = re.compile(r"^\D{0,12}\d{2}[ .]?\d{2}[ .]?\d{2}[ \-–/]?\d{4}\D{0,3}$")
_EMAIL = re.compile(r"@|\((?:at|snabel-a)\)|\[at\]", re.IGNORECASE)
_PHONE_RUN = re.compile(r"\+?\(?\d[\d \-().]{6,}\d$")
_IP = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_STREET = re.compile(r"[A-Za-zÆØÅæøåÀ-ÿ\-.]+\s+\d{1,4}[A-Za-z]?\b")


def shape(text: str) -> str:
    """The kind of identifier a gold item is, by its shape."""
    t = text.strip()
    digits = re.sub(r"\D", "", t)
    if _EMAIL.search(t):
        return "e-mail"
    if len(digits) == 10 and _CPR.match(t):
        return "CPR"
    if _IP.search(t):
        return "andet id"
    run = _PHONE_RUN.search(t)
    account = re.search(r"\b(?:reg|konto|kto|imei|iban)\b", t, re.IGNORECASE) or re.match(
        r"^[A-Z]{2}\d", t)
    if run and 8 <= len(re.sub(r"\D", "", run.group(0))) <= 15 and not account:
        return "telefon"
    if _STREET.search(t) and not re.search(r"\b(?:reg|konto|kto|imei|iban)\b", t, re.I) \
            and not re.match(r"^[A-Z]{2}\s?\d", t):
        return "adresse"
    if re.search(r"\d|@|/", t):
        return "andet id"
    return "navn"


def _found(text: str, haystack: str) -> bool:
    """As the scorer: the item's words in order, any white space, any case, a plural s."""
    body = r"\s+".join(re.escape(w) for w in text.split())
    variants = [body]
    if re.fullmatch(r"\d{6}-\d{4}", text):
        variants.append(re.escape(text.replace("-", "")))
    return any(re.search(rf"(?<!\w){v}s?(?!\w)", haystack, re.IGNORECASE) for v in variants)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="+", type=Path)
    ap.add_argument("--show", action="store_true", help="list the identifiers that survived")
    args = ap.parse_args(argv)
    from gldocs.document.io import read_document
    from gldocs.document.txt import render_txt
    from gldocs.redact import redactor_for

    redactor = redactor_for("kommune")
    grand_total: Counter[str] = Counter()
    grand_gone: Counter[str] = Counter()
    for corpus in args.corpora:
        total: Counter[str] = Counter()
        gone: Counter[str] = Counter()
        leaks: list[str] = []
        for gold_path in sorted(corpus.glob("*.gold.yaml")):
            doc = gold_path.with_name(gold_path.name.replace(".gold.yaml", ".txt"))
            if not doc.is_file():
                continue
            gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
            items = [i for i in gold.get("must_remove", []) if i.get("rule") == "R1"]
            if not items:
                continue
            src = read_document(doc)
            areas = ",".join(gold.get("areas") or []) or "none"
            plan = redactor.analyze(src, redactor.areas(src, areas), redactor.client(src))
            output = render_txt(src, redactor.apply(plan).edits)
            for item in items:
                kind = shape(str(item["text"]))
                total[kind] += 1
                if _found(str(item["text"]), output):
                    leaks.append(f"  {doc.name}: {kind}: {item['text']!r}")
                else:
                    gone[kind] += 1
        print(f"{corpus}:")
        for kind in SHAPES:
            if total[kind]:
                print(f"  {kind:9} {gone[kind]:4}/{total[kind]:<4} "
                      f"{gone[kind] / total[kind]:.3f}")
        if args.show and leaks:
            print("\n".join(leaks))
        grand_total.update(total)
        grand_gone.update(gone)
    ids = list(SHAPES[:4])
    n = sum(grand_total[k] for k in ids)
    g = sum(grand_gone[k] for k in ids)
    print(f"alle sæt: CPR, telefon, e-mail og adresse {g}/{n}"
          + (f" = {g / n:.3f}" if n else ""))
    for kind in SHAPES:
        if grand_total[kind]:
            print(f"  {kind:9} {grand_gone[kind]:4}/{grand_total[kind]:<4} "
                  f"{grand_gone[kind] / grand_total[kind]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
