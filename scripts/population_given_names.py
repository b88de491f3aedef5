"""Build policies/lexicons/fornavne_befolkning.txt: the given names most borne in Denmark.

Source: Danmarks Statistik's count of the given names in the population (CPR, 2021), as the
two ranked lists (most borne first) of the Danish language package of zxcvbn-ts,
packages/languages/da-dk/src/femaleFirstnames.json and maleFirstnames.json
(https://github.com/zxcvbn-ts/zxcvbn, commit a1b033d, MIT licence; the lists come from
n0kovo/danish-wordlists, first_names_{female,male}_2021.txt, "sourced from the danish Civil
Registration System by Statistics Denmark"). Danmarks Statistik's data are free to reuse with
attribution (CC BY 4.0).

Only the ``TOP`` highest ranked names of each list are taken, one word of letters, three
letters or more; a name is left out when a word list of the policy or the Danish pipeline
already knows it as something else (an ordinary word of Danish, English or German, a
place, a stop word, an ambiguous Danish name) or the Danish given-name list has it. The file
is read only where a lower-case word stands where a name stands (a quoted message, a text
typed all in lower case): context decides, the list only says "a name people bear".
Run from the repository root:

    .venv/bin/python scripts/population_given_names.py FEMALE.json MALE.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

TOP = 3000
# read by hand: ordinary words, places, abbreviations and chat words in some language
# ("danish", "havana", "jes" for yes, "mhd" for Muhammad), not names in a text
_EXCLUDE = frozenset((
    "Abd", "Chilli", "Danish", "Daisy", "Georgia", "Hai", "Hardy", "Havana", "Holly", "Jax",
    "Jes", "Juul", "Kisser", "Lima", "Luz", "Mace", "Maze", "Mhd", "Mohd", "Nanny", "Ninja",
    "Nova", "Palma", "Paw", "Pixie", "Rex", "Sai", "Savannah", "Seier", "Sirius", "Tau",
    "Thi", "Vega", "Venus", "Vester", "Viva", "Wilder",
))
# read by hand: names that the most used words of English or German hold only as names
# (the vocabulary lists count "jackie" and "walter" as words); every other name those lists
# hold is left out ("grace", "kiss", "till", "max", "boy")
_NAMES_ALSO_IN_VOCABULARY = frozenset((
    "Adolf", "Alex", "Andy", "Ann", "Arnold", "Barry", "Bernard", "Bernhard", "Billy",
    "Bobby", "Brett", "Bruce", "Bryan", "Chris", "Christen", "Clemens", "Dave", "Diana",
    "Douglas", "Duncan", "Eddie", "Elisabeth", "Ellis", "Eric", "Erich", "Ernst", "Erwin",
    "Franz", "Fritz", "Georg", "Gerd", "Glenn", "Gordon", "Gregor", "Guido", "Hasse",
    "Herbert", "Hermann", "Hertha", "Howard", "Hubert", "Jackie", "Jackson", "Jake", "Jeff",
    "Jenny", "Jerry", "Jesse", "Jim", "Joan", "Jochen", "Johanna", "Johnny", "Josef", "Josh",
    "Julian", "Kenn", "Kitty", "Larry", "Lawrence", "Leonard", "Lisa", "Lothar", "Ludwig",
    "Malcolm", "Marcel", "Michel", "Mike", "Mitchell", "Monica", "Moritz", "Morris",
    "Norbert", "Ralph", "Raymond", "Reiner", "Reinhard", "Roger", "Roland", "Rudolf",
    "Russell", "Sally", "Shane", "Siegfried", "Stephan", "Sven", "Timo", "Toni", "Tony",
    "Udo", "Ulrich", "Ulrike", "Volker", "Wilhelm", "Willi", "Willy",
))
_WORD = re.compile(r"[a-zæøåäöüéèáíóúñç]{3,}")
OUT = Path("policies/lexicons/fornavne_befolkning.txt")
HEADER = f"""\
# The given names most borne in Denmark (the {TOP} highest ranked of each sex), read only
# where a lower-case word stands where a name stands ("vi ses ved jackie i aften"); one a line.
# Source: Danmarks Statistik, given names in the population (CPR, 2021), CC BY 4.0, as ranked
# in the zxcvbn-ts Danish language package (https://github.com/zxcvbn-ts/zxcvbn,
# packages/languages/da-dk/src/{{female,male}}Firstnames.json, commit a1b033d, MIT; from
# n0kovo/danish-wordlists first_names_{{female,male}}_2021.txt). Names that are ordinary
# words or places in Danish, English or German, stop words, ambiguous Danish names and
# names already in fornavne.txt are left out. Built by scripts/population_given_names.py.
"""


def ranked(path: Path) -> list[str]:
    names = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for n in names:
        if _WORD.fullmatch(n):
            out.append(n.capitalize())
        if len(out) >= TOP:
            break
    return out


def main(female: str, male: str) -> int:
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
    ambiguous = {a.lower() for a in bundle.ambiguous_names}

    def ordinary(name: str) -> bool:
        low = name.lower()
        return (low in EN or low in DE or low in DA or low in places or low in ambiguous
                or gz.is_common(low) or gz.is_place(name) or low in analyzer.stop_words
                or analyzer.finder.foreign.is_common_anywhere(low)
                or (name not in _NAMES_ALSO_IN_VOCABULARY
                    and any(analyzer.finder.foreign.is_ordinary(low, lang)
                            for lang in analyzer.finder.foreign.vocabulary)))

    names = set(ranked(Path(female))) | set(ranked(Path(male)))
    keep = sorted(n for n in names if n not in bundle.given_names and n not in _EXCLUDE
                  and not ordinary(n))
    OUT.write_text(HEADER + "\n".join(keep) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(keep)} navne")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
