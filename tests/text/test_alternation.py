"""gldocs.text.alternation: the trie's pattern is worked out in one walk (each node's depth
once); the same text as the plain recursive definition, which a test keeps as reference."""

from __future__ import annotations

import random
import re

from gldocs.text import alternation as alt


def _reference_depth(node: alt._Node) -> int:
    return max((1 + _reference_depth(child) if atom != alt._END else 0)
               for atom, child in node.items())


def _reference(node: alt._Node) -> str:
    atoms = sorted((a for a in node if a != alt._END),
                   key=lambda a: (-_reference_depth(node[a]), a))
    alts = [a + _reference(node[a]) for a in atoms]
    if not alts:
        return ""
    if len(alts) == 1 and alt._END not in node:
        return alts[0]
    return "(?:" + "|".join(alts) + ")" + ("?" if alt._END in node else "")


def _trie(words: list[str]) -> alt._Node:
    root: alt._Node = {}
    for word in set(words):
        node = root
        for atom in alt._atoms(word, r"\s+"):
            node = node.setdefault(atom, {})
        node[alt._END] = {}
    return root


def test_the_same_pattern_as_the_plain_definition() -> None:
    rng = random.Random(20)
    for size in (1, 2, 5, 40, 400):
        for _ in range(20):
            words = ["".join(rng.choice("abø .-") for _ in range(rng.randint(1, 8))).strip()
                     or "q" for _ in range(size)]
            words += [w + "*" for w in words[: size // 4]]
            trie = _trie(words)
            assert alt._pattern(trie) == _reference(trie)


def test_a_longer_word_before_its_prefix() -> None:
    rx = re.compile(alt.alternation(("bo", "bor", "bopæl", "tlf.", "telefon*")))
    assert rx.pattern == r"(?:t(?:elefon\w*|lf\.)|bo(?:pæl|r)?)"  # (the deepest first)
    assert rx.match("bopælen").group(0) == "bopæl"  # type: ignore[union-attr]
