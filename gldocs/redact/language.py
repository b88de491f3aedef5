"""Which language a sentence is written in, as far as the redactor needs to know it.

Case files hold passages in other languages: a statement from a foreign probation service, a
German court letter, a quoted English e-mail. Danish rules must not shred them: a Danish
lexicon term that is an ordinary word there ("race", "exit", "patient") is no § 10 hit in an
English sentence, and a capitalised ordinary word ("The", "Name", "High") is no person name
without other evidence. The test is deliberately simple and explainable: count the function
words that only one of the languages uses. A sentence is foreign only when the foreign ones
clearly win; anything unclear counts as Danish (the strict rules then apply: fail closed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from gldocs.redact.lexicon import load_word_list
from gldocs.yamlfile import read_yaml


# Function words that occur in one language only (not "i", "for", "at", "den", "der", "en").
def _fw(words: str) -> frozenset[str]:
    return frozenset(words.split())


_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "da": _fw("""og er han hun det et til med på af som har ikke var om fra sig sin sit sine
        hans hendes blev skal kan vil efter også eller men når hvor jeg vi de dem deres være
        været bliver ved kommer skulle kunne ville mellem uden hos"""),
    "en": _fw("""the of and to is was he she it with his her that this on from has have had
        been be by are were will would not or which who they their them there than then when
        where what our we you your my me its into about after before should could"""),
    "de": _fw("""die das und ist nicht mit von zu ein eine einer auf für sich dem des im wird
        sind auch bei nach wie aus oder werden wurde haben hatte ihr ihre sein seine wir uns
        ich dass über unter zum zur"""),
}
_WORD = re.compile(r"[^\W\d_]+")


def sentence_language(text: str) -> str:
    """``"en"`` or ``"de"`` when the sentence is clearly in that language, else ``"da"``.

    Clearly: at least two function words of the language, and more than twice as many as
    the Danish ones (a Danish sentence quoting "Thinking Skills Programme" stays Danish)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 3:
        return "da"
    counts = {lang: sum(w in fw for w in words) for lang, fw in _FUNCTION_WORDS.items()}
    danish = counts.pop("da")
    lang, best = max(counts.items(), key=lambda kv: kv[1])
    return lang if best >= 2 and best > 2 * danish else "da"


@dataclass(frozen=True)
class ForeignWords:
    """Per language: its ordinary words, and the Danish lexicon terms that mean something else
    in it (false friends). Loaded from the policy's lexicon folder."""

    common: dict[str, frozenset[str]]
    false_friends: dict[str, frozenset[str]]

    def is_common(self, word: str, lang: str) -> bool:
        return word.lower() in self.common.get(lang, frozenset())

    def is_common_anywhere(self, word: str) -> bool:
        return any(word.lower() in words for words in self.common.values())

    def is_false_friend(self, word: str, lang: str) -> bool:
        return word.lower() in self.false_friends.get(lang, frozenset())


def load_foreign_words(common: dict[str, Path], false_friends: Path | None) -> ForeignWords:
    """The ordinary-word lists (language -> one word a line) and the false friends (a YAML
    mapping language -> words). Raises OSError/ValueError on an unreadable or empty file:
    the policy bundle turns that into an exit-2 error naming the resource."""
    words = {lang: load_word_list(path) for lang, path in common.items()}
    for lang, ws in words.items():
        if not ws:
            raise ValueError(f"listen over almindelige ord ({lang}) er tom ({common[lang]})")
    friends: dict[str, frozenset[str]] = {}
    if false_friends is not None:
        data = read_yaml(false_friends, "Listen over falske venner")  # no aliases
        if not isinstance(data, dict) or not data:
            raise ValueError(f"listen over falske venner er tom eller ugyldig ({false_friends})")
        friends = {str(lang): frozenset(str(w).lower() for w in ws or [])
                   for lang, ws in data.items()}
    return ForeignWords({k: frozenset(w.lower() for w in v) for k, v in words.items()},
                        friends)
