"""Lexicon ``words`` lists and ``parts``: named pieces that keep every pattern short."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gldocs.errors import LexiconError
from gldocs.redact.lexicon import load_lexicon_file, long_patterns, word_regex


def _lexicon(tmp_path: Path, body: str):
    path = tmp_path / "test.yaml"
    path.write_text("name: test\n" + body, encoding="utf-8")
    load_lexicon_file.cache_clear()
    return load_lexicon_file(path, "test")


@pytest.mark.parametrize(("entry", "regex"), [
    ("vold", "vold"),
    ("betjent*", r"betjent\w*"),
    ("*betjent*", r"\w*betjent\w*"),
    ("a-kasse og fagforening*", r"a-kasse\s+og\s+fagforening\w*"),
    ("ca.", r"ca\."),
    ("ME/CFS", "ME/CFS"),
])
def test_word_entry_regex(entry: str, regex: str) -> None:
    assert word_regex(entry) == regex


def test_words_and_parts_expand_in_order(tmp_path: Path) -> None:
    lex = _lexicon(tmp_path, r"""
words:
  personale: [personale*, betjent*, medindsat*]
parts:
  mod_personale: 'mod\s+(?:en\s+)?{personale}'
patterns:
  - '\btrusler\s+{mod_personale}'
""")
    assert lex.patterns[0].pattern == (
        r"\btrusler\s+(?:mod\s+(?:en\s+)?(?:personale\w*|betjent\w*|medindsat\w*))")
    text = "Han kom med trusler mod en fængselsbetjent og trusler mod betjentene."
    assert [text[m.start:m.end] for m in lex.find(text)] == ["trusler mod betjentene"]
    assert lex.find("trusler mod naboen") == []


def test_unknown_name_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match=re.escape("ukendt navn '{ukendt}'")):
        _lexicon(tmp_path, "patterns:\n  - '\\b{ukendt}\\b'\n")


def test_repetition_braces_are_not_names(tmp_path: Path) -> None:
    lex = _lexicon(tmp_path, "patterns:\n  - '\\b\\d{1,3}\\s?mg\\b'\n")
    assert re.fullmatch(lex.patterns[0], "40 mg")


def test_long_patterns_are_listed(tmp_path: Path) -> None:
    long = "\\b(?:" + "|".join(f"ord{i}" for i in range(20)) + ")\\b"
    body = f"words:\n  kort: [a, b]\npatterns:\n  - '{long}'\n  - '\\b{{kort}}'\n"
    lex = _lexicon(tmp_path, body)
    assert long_patterns(lex) == [long]
