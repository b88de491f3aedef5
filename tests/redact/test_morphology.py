"""The one morphology of lexicon terms: the shipped lemma table plus the inflection
generator for the words the table does not know."""

from __future__ import annotations

import pytest

from gldocs.redact import morphology
from gldocs.redact.lexicon import Lexicon, parse_term


def _lex(*terms: str) -> Lexicon:
    return Lexicon("test", "", [parse_term(t) for t in terms], [])


def _found(lex: Lexicon, text: str) -> list[str]:
    return [text[m.start:m.end] for m in lex.find(text)]


def test_generator_makes_the_regular_forms() -> None:
    forms = morphology.generated_forms("sygdom")
    assert {"sygdom", "sygdomme", "sygdommen", "sygdommene", "sygdoms"} <= forms
    assert morphology.generated_forms("kol") == {"kol", "kols"}  # short: exact or -s


def test_lemma_table_adds_irregular_forms() -> None:
    # "våbnet" and "advarsler" are no regular ending added to the word: the table has them
    assert "våbnet" not in morphology.generated_forms("våben")
    assert morphology.is_form("våbnet", "våben")
    assert morphology.is_form("advarsler", "advarsel")
    assert _found(_lex("våben"), "Våbnet var gemt i en taske.") == ["Våbnet"]


def test_short_words_do_not_use_the_table() -> None:
    # the table gives "forene" the lemma "for"; a short word matches only itself and -s
    assert morphology.lemma("forene") == "for"
    assert not morphology.is_form("forene", "for")
    assert _found(_lex("brud for"), "brud forene") == []
    assert _found(_lex("brud for"), "brud for") == ["brud for"]


def test_without_the_table_every_generated_form_still_matches(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail closed: a missing or damaged lemma table loses no form the generator makes."""
    monkeypatch.setattr(morphology, "_lemma_table", lambda: {})
    morphology.table_lemma.cache_clear()
    try:
        lex = _lex("sygdom", "*medicin")
        assert _found(lex, "Sygdommene og sovemedicinen") == ["Sygdommene", "sovemedicinen"]
        assert not morphology.is_form("våbnet", "våben")
    finally:
        morphology.table_lemma.cache_clear()


def test_stems_read_the_generator_backwards() -> None:
    """Every generated form of a word leads back to the word (so no form is missed)."""
    for word in ("sygdom", "biseksuel", "medicin", "kol", "angst", "behandle"):
        for form in morphology.generated_forms(word):
            assert word in morphology.stems(form), (word, form)


def test_the_definite_endings_are_endings_of_the_generator() -> None:
    assert set(morphology.DEFINITE_ENDINGS) <= set(morphology.ENDINGS)
    assert "svogeren".removesuffix("en") == "svoger"


def test_no_module_keeps_its_own_suffix_list() -> None:
    """One morphology: a tuple of Danish noun endings ("en", "et", …) written outside
    morphology.py is a second system beside the lemma table and the generator."""
    import re
    from pathlib import Path

    import gldocs

    root = Path(gldocs.__file__).resolve().parent
    ending_tuple = re.compile(r"""\(\s*["'](?:en|et|ne|er)["']\s*,\s*["'](?:en|et|ne|er|n)["']""")
    offenders = [f"{p.relative_to(root.parent)}:{n}" for p in sorted(root.rglob("*.py"))
                 if p.name != "morphology.py"
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if ending_tuple.search(line)]
    assert offenders == []
