"""The Danish genitive, the one rule: a name takes ``'s``/``’s`` or a bare apostrophe
(``Mads'``, after s, x, z), or a plain ``s`` (``Mikkels``).

Every check for a genitive in ``gldocs.redact`` goes through this module:

- :func:`strip_genitive_mark` removes only the apostrophe forms (safe on any word: "Lars"
  stays "Lars");
- :func:`genitive_stem` also removes a final ``s`` from a word of four or more letters (one
  form to look a word up under: "Mikkels" -> "Mikkel");
- :func:`genitive_bases` gives every form a word may be the genitive of, the word itself
  first ("Mikkels" -> Mikkels, Mikkel; "Mads'" -> Mads', Mads), and :func:`in_genitive`
  asks whether one of them is in a set of words (a name list, the client's name words);
- :func:`has_genitive` tells a word that ends in a genitive ending, :func:`has_genitive_s`
  one that ends in the plain ``s``; :data:`GENITIVE` is the ending as a regular expression
  (after a name in a pattern), :data:`NAME_GENITIVE` the name rules' wider form.
"""

from __future__ import annotations

from collections.abc import Container

_MARKS = ("'s", "’s", "'", "’")
# the genitive ending after a name, as a regular expression ("Maltes", "Kasper's", "Mads'")
GENITIVE = r"(?:s|'s|’s|'|’)"
# ... and after a name form as the name rules find it: also in capitals ("THYRSTEDS") and the
# spoken "-es" after a name ending in s ("Madses mor")
NAME_GENITIVE = r"(?:s|S|'s|’s|'S|’S|'|’|(?<=[sS])es|(?<=S)ES)"


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


def has_genitive_s(word: str, min_len: int = 1) -> bool:
    """Whether ``word`` ends in the genitive's plain ``s`` and has ``min_len`` or more
    characters ("Siris", "mors"; "Vestergaards" with ``min_len=4``)."""
    return word.endswith("s") and len(word) >= min_len


def has_genitive(word: str) -> bool:
    """Whether ``word`` ends in a genitive ending: ``s`` or an apostrophe ("Alis", "Mads'",
    "Kasper's")."""
    return word.endswith(("s", "'", "’"))


def genitive_bases(word: str) -> tuple[str, ...]:
    """The forms ``word`` may be the genitive of, ``word`` itself first: without its
    apostrophe mark ("Mads'" -> "Mads", "Kasper's" -> "Kasper"), else without a final ``s``
    ("Mikkels" -> "Mikkel")."""
    stripped = strip_genitive_mark(word)
    if stripped != word:
        return (word, stripped)
    if has_genitive_s(word):
        return (word, word[:-1])
    return (word,)


def in_genitive(word: str, words: Container[str]) -> bool:
    """Whether ``word`` or the word it is the genitive of is in ``words`` (one of
    :func:`genitive_bases`; written out: the name rules ask it for every word)."""
    if word in words:
        return True
    last = word[-1:]
    if last == "s":
        return (word[:-2] if word.endswith(_MARKS[:2]) else word[:-1]) in words
    return last in _MARKS[2:] and word[:-1] in words
