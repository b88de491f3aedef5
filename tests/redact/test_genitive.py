"""The one genitive rule (gldocs.redact.genitive) and that no module writes its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import gldocs
from gldocs.redact.genitive import (
    GENITIVE,
    NAME_GENITIVE,
    genitive_bases,
    genitive_stem,
    has_genitive,
    has_genitive_s,
    in_genitive,
    strip_genitive_mark,
)

ROOT = Path(gldocs.__file__).resolve().parent


@pytest.mark.parametrize("word, bases", [
    ("Mikkels", ("Mikkels", "Mikkel")),
    ("Mads'", ("Mads'", "Mads")),
    ("Kasper's", ("Kasper's", "Kasper")),
    ("Kasper’s", ("Kasper’s", "Kasper")),
    ("Lars", ("Lars", "Lar")),
    ("Jess", ("Jess", "Jes")),  # one s, never every s ("Je")
    ("Bo", ("Bo",)),
])
def test_genitive_bases(word: str, bases: tuple[str, ...]) -> None:
    assert genitive_bases(word) == bases


def test_in_genitive_looks_up_the_word_and_what_it_is_the_genitive_of() -> None:
    names = {"Mikkel", "Mads", "Lars"}
    assert in_genitive("Mikkels", names)
    assert in_genitive("Mads'", names)
    assert in_genitive("Lars", names)
    assert not in_genitive("Mikkelsen", names)
    assert not in_genitive("Jess", {"Je"})


def test_marks_and_stems() -> None:
    assert strip_genitive_mark("Lars") == "Lars"
    assert strip_genitive_mark("Lars'") == "Lars"
    assert genitive_stem("Mikkels") == "Mikkel"
    assert genitive_stem("Bos") == "Bos"  # three letters: no stem
    assert has_genitive("Alis") and has_genitive("Mads'") and not has_genitive("Ali")
    assert has_genitive_s("Vestergaards", 4) and not has_genitive_s("Bos", 4)


def test_the_regular_expressions() -> None:
    assert [m.group(0) for m in re.finditer(rf"Malte{GENITIVE}?\b", "Malte Maltes Malte's")] \
        == ["Malte", "Maltes", "Malte's"]
    assert re.fullmatch(rf"THYRSTED{NAME_GENITIVE}", "THYRSTEDS")
    assert re.fullmatch(rf"Mads{NAME_GENITIVE}", "Madses")


# a genitive written by hand: a final s stripped or tested, or the ending as a regex
_AD_HOC = re.compile(r"""rstrip\("s|endswith\("s"\)|endswith\(\("s"|\(\?:s\|'s""")


def test_no_module_writes_its_own_genitive_rule() -> None:
    offenders = [f"{p.relative_to(ROOT.parent)}:{n}: {line.strip()}"
                 for p in sorted(ROOT.rglob("*.py")) if p.name != "genitive.py"
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if _AD_HOC.search(line)]
    assert offenders == []


@pytest.mark.parametrize("word", ["Mikkels", "Mads'", "Mads’", "Kasper's", "Kasper’s", "Lars",
                                  "Jess", "Bo", "s", "'", "", "Malte"])
def test_in_genitive_is_a_lookup_of_the_bases(word: str) -> None:
    for words in ({"Mikkel", "Mads", "Kasper", "Lar", "Jes", "Bo", ""}, {word}, set()):
        assert in_genitive(word, words) == any(b in words for b in genitive_bases(word))
