"""Lexicon detector: the policy's categories (rhl. § 10 categories, security terms, offence
details, prison-internal matters) matched in text through their lexicon files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gldocs.paths import POLICIES_DIR
from gldocs.redact.lexicon import Lexicon, load_lexicon
from gldocs.redact.policy import Policy


@dataclass(frozen=True)
class CategoryMatch:
    category: str
    start: int
    end: int
    text: str
    term: str


class CategoryMatcher:
    def __init__(self, policy: Policy, lexicon_dir: Path | None = None) -> None:
        directory = lexicon_dir or POLICIES_DIR / "lexicons"
        self.lexicons: dict[str, list[Lexicon]] = {
            name: [load_lexicon(directory, lex) for lex in cat.lexicons]
            for name, cat in policy.categories.items()
        }

    def find(self, category: str, text: str) -> list[CategoryMatch]:
        out = []
        for lex in self.lexicons.get(category, []):
            for m in lex.find(text):
                out.append(CategoryMatch(category, m.start, m.end, text[m.start:m.end], m.term))
        return sorted(out, key=lambda m: (m.start, m.end))

    def is_term(self, text: str) -> bool:
        """Whether ``text`` holds a term of any category (then it is no person name)."""
        return any(lex.find(text) for lexs in self.lexicons.values() for lex in lexs)
