"""The Danish genitive, the one rule: a name takes ``'s``/``’s`` or a bare apostrophe
(``Mads'``, after s, x, z), or a plain ``s`` (``Mikkels``).

:func:`strip_genitive_mark` removes only the apostrophe forms (safe on any word: "Lars"
stays "Lars"); :func:`genitive_stem` also removes a final ``s`` from a word of four or more
letters (for looking a word up in a name list: "Mikkels" -> "Mikkel").
"""

from __future__ import annotations

_MARKS = ("'s", "’s", "'", "’")


def strip_genitive_mark(word: str) -> str:
    # (the last character decides which of _MARKS can end the word: most words end in none)
    last = word[-1:]
    if last == "s":
        return word[:-2] if word.endswith(_MARKS[:2]) else word
    if last in _MARKS[2:]:
        return word[:-1]
    return word


def genitive_stem(word: str) -> str:
    stripped = strip_genitive_mark(word)
    if stripped != word:
        return stripped
    if word.endswith("s") and len(word) > 3:
        return word[:-1]
    return word
