"""A word list as one regex alternation (shared by the policy's word lists,
:mod:`gldocs.redact.wordlists`, and the package's own, :mod:`gldocs.ordlister`)."""

from __future__ import annotations

import re


def alternation(words: tuple[str, ...] | frozenset[str], space: str = r"\s+") -> str:
    """Words as one regex alternation that matches exactly the words, a longer word before
    its own prefix ("bor" before "bo"); a space inside a word matches ``space``; a word
    ending in ``*`` is a word beginning (any word characters may follow: ``telefon*``).

    The words are written as a trie (``bo(?:r)?``, ``tel(?:efon|ephone)?``): the regex
    engine tries a shared beginning once instead of once per word."""
    root: _Node = {}
    for word in set(words):
        node = root
        for atom in _atoms(word, space):
            node = node.setdefault(atom, {})
        node[_END] = {}
    return _pattern(root)


_END = ""  # the key of "a word ends here" in a trie node
_Node = dict[str, "_Node"]


def _atoms(word: str, space: str) -> list[str]:
    """The regex atoms of ``word``: each character escaped, a space as ``space``, a final
    ``*`` as any word characters."""
    stem = word[:-1] if word.endswith("*") else word
    out: list[str] = []
    for i, part in enumerate(stem.split(" ")):
        if i:
            out.append(space)
        out.extend(re.escape(ch) for ch in part)
    if word.endswith("*"):
        out.append(r"\w*")
    return out


def whole_word(body: str, flags: int = 0) -> re.Pattern[str]:
    """The regex ``body`` (an alternation of words, or one phrase) as a whole word: no word
    character right before or after a match. A word that itself begins or ends with a
    non-word character ("tlf.") still counts, unlike between ``\\b``s."""
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", flags)


def _pattern(node: _Node) -> str:
    """The regex of a trie node: its branches, the deepest first (so a longer word wins
    over its prefix), optional when a word also ends here."""
    return _branches(node)[0]


def _branches(node: _Node) -> tuple[str, int]:
    """:func:`_pattern` of ``node`` and its depth (the atoms of the longest word below it),
    worked out together in one walk of the trie (each node's depth once)."""
    below = sorted((-depth, atom, body) for atom, (body, depth) in
                   ((atom, _branches(child)) for atom, child in node.items() if atom != _END))
    depth = max([1 - d for d, _, _ in below] + ([0] if _END in node else []))
    alts = [atom + body for _, atom, body in below]
    if not alts:
        return "", depth
    if len(alts) == 1 and _END not in node:
        return alts[0], depth
    return "(?:" + "|".join(alts) + ")" + ("?" if _END in node else ""), depth


__all__ = ["alternation", "whole_word"]
