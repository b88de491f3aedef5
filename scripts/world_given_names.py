"""Build policies/lexicons/fornavne_verden.txt: given names of many naming cultures.

Source: the forenames of the Popular Names by Country Dataset (Andy Boothe,
https://github.com/sigpwned/popular-names-by-country-dataset, file
common-forenames-by-country.csv, compiled from Wikipedia's "List of most popular given
names" in July 2023), released under CC0 1.0. Only the romanised form of each name is used.

A name is left out when a word list of the policy or the Danish pipeline already knows it
as something else: a Danish, English or German ordinary word, a place, a stop word, an
ambiguous Danish name, a name already in fornavne.txt; and the names in ``_EXCLUDE`` below
(ordinary words of English, German and other languages, cities, titles) found by reading
the list. Run from the repository root:

    .venv/bin/python scripts/world_given_names.py PATH/TO/common-forenames-by-country.csv
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

# read by hand: ordinary words, places and titles in some language (not names in a text)
_EXCLUDE = frozenset((
    "Santiago", "Trinidad", "Guadalupe", "Minato", "Aden", "Hiro",
    "Abd", "Angel", "Ari", "Atlas", "Aurora", "Celeste", "Daisy", "Dion", "Doha", "Dora",
    "Evens", "Fajr", "Florence", "Fran", "Georgia", "Gogo", "Grace", "Hudson", "Hur", "Iman",
    "Ivy", "Izz", "Jack", "June", "Kora", "Koa", "Lily", "Lio", "Liz", "Lovelie", "Lovely",
    "Mabel", "Marti", "Max", "Mina", "Mio", "Monte", "Nada", "Nil", "Pau", "Princess",
    "Regina", "Rei", "Ria", "Rin", "Robin", "Rosie", "Saar", "Sama", "Sem", "Shams", "Sheikh",
    "Tara", "Teo", "Tom", "Uta", "Vita", "Vár", "Wan", "Willow", "Ferndo", "Leordo", "Berrdo",
    "Noel", "Maya", "Aiur",
))
_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſ][a-zà-öø-ÿā-ſ'’\-]+")
OUT = Path("policies/lexicons/fornavne_verden.txt")
HEADER = """\
# Given names of many naming cultures (106 countries), for the name heuristics; one a line.
# Source: Popular Names by Country Dataset, common-forenames-by-country.csv (Andy Boothe,
# https://github.com/sigpwned/popular-names-by-country-dataset; from Wikipedia's "List of
# most popular given names", July 2023), CC0 1.0. Romanised forms only; names that are
# ordinary words, places or titles in Danish, English or German, and names already in
# fornavne.txt, are left out. Built by scripts/world_given_names.py.
"""


def names_from(csv_path: Path) -> set[str]:
    out = set()
    with csv_path.open(encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            for w in re.split(r"[\s/]+", row["Romanized Name"].strip()):
                w = w.strip("()[],.")
                if len(w) >= 3 and _NAME.fullmatch(w):
                    out.add(w)
    return out


def main(csv_path: str) -> int:
    from spacy.lang.da.stop_words import STOP_WORDS as DA
    from spacy.lang.de.stop_words import STOP_WORDS as DE
    from spacy.lang.en.stop_words import STOP_WORDS as EN

    from gldocs.redact.bundle import load_bundle
    from gldocs.redact.engine import Analyzer
    from gldocs.redact.nlp import load_nlp

    bundle = load_bundle("kommune")
    analyzer = Analyzer(bundle, nlp=load_nlp())
    gz = analyzer.finder.gazetteer
    assert gz is not None
    places = {p.lower() for p in bundle.places}

    def ordinary(name: str) -> bool:
        low = name.lower()
        return (low in EN or low in DE or low in DA or low in places or gz.is_common(low)
                or gz.is_place(name) or low in analyzer.stop_words
                or analyzer.finder.foreign.is_common_anywhere(low))

    known = bundle.given_names - set(_read(OUT))  # the Danish list (not this file)
    keep = sorted(n for n in names_from(Path(csv_path)) if n not in known
                  and n not in bundle.ambiguous_names and n not in _EXCLUDE and not ordinary(n))
    OUT.write_text(HEADER + "\n".join(keep) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(keep)} navne")
    return 0


def _read(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
