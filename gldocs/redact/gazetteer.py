"""Places, organisations and ordinary words: capitalised text that is not a person's name.

Word lists the policy declares under ``resources`` (data, not code):
- ``places`` (``steder.txt``): Danish towns, the 98 municipalities, regions, islands. A
  name candidate made only of place names is a place ("Kolding", "Frederiksberg"), unless
  a role cue stands before it ("familien Holbæk"). Place names are no stop words: "Mette
  Lund" stays a name.
- ``organisations`` (``organisationer.txt``, plus the policy's ``professionals.org_words``):
  words that make a whole run of capitalised words an organisation or a thing ("Lejerbo Kolding",
  "Boligselskabet Hedensted", "Næstved Boxing Club", "Psykiatrisk Klinik Vejle"); entries
  starting with ``*`` are word endings (``*selskab``: Trafikselskabet).
- ordinary Danish words (the NER pipeline's lemma table): a single capitalised word that is a
  dictionary word and no known given name is no name on its own ("Vold", "Familie",
  "Møde", "Ydelser"). Without the pipeline (--no-ner) this check is off (fail closed).

One rule for an institution named after its kind (:meth:`Gazetteer.named_institution`):
capitalised words right after a lower-case organisation word, as listed or in its definite
form ("forsorgshjemmet Kærholm", "herberget Stjernen", "bosted Lærkehøj"), or after a
capitalised one in its definite form ("Statsfængslet Enner Mark"), name that institution,
here and wherever the document names it again, unless its first word is a known given name
("bostedet Lise Holm" is a person at the bosted) or a later word is a given name that is no
ordinary word ("Mark" is also a field).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from gldocs.redact.genitive import in_genitive
from gldocs.redact.genitive import strip_genitive_mark as _strip_genitive
from gldocs.redact.morphology import DEFINITE_ENDINGS
from gldocs.redact.prefilter import required_gate, with_first_char_gate

_CAP = r"(?:[A-ZÆØÅÀ-ÖØ-ÞĀ-ſ][\wÀ-ſ'’/&\-]*)"
# capitalised words joined by spaces, "for" or "&" ("Center for Socialområdet"); a tab is a
# table's cell boundary ("Sarah Whitfield<TAB>Probation Officer" is two cells)
_ORG_RUN = re.compile(rf"(?<![\w@.\-]){_CAP}(?:(?:[ ]+(?:for|&)[ ]+|[ ]+){_CAP})*")
_ORG_RUN = with_first_char_gate(_ORG_RUN)
_RUN_WORD = re.compile(r"[\wÀ-ſ'’\-]+")  # the words of such a run (org_spans)



_MAX_MEMO = 200_000  # words whose answers a gazetteer remembers

# (the Danish definite endings, "naboer-ne": morphology.DEFINITE_ENDINGS)
# a lower-case word (letters and hyphens) and the spaces after it
# (possessive: a word is followed by a space or by nothing the pattern wants, so giving
# letters back never helps; without it every word is tried again letter by letter)
_LOWER_WORD = r"(?<![\w\-])([^\W\d_A-ZÆØÅ][^\W\d_]*+(?:-[^\W\d_]+)*+)[ ]+"
# the lower-case word right before a run of capitalised words
_WORD_BEFORE = re.compile(_LOWER_WORD + "$")
# a lower-case word and the one or two capitalised words after it ("forsorgshjemmet Kærholm")
_NAME_AFTER_WORD = required_gate(re.compile(
    _LOWER_WORD + r"([A-ZÆØÅ][\wæøåÆØÅ\-]+(?:[ ]+[A-ZÆØÅ][\wæøåÆØÅ\-]+)?)"))

# a capitalised organisation word in its definite form and the one or two capitalised words
# after it ("Statsfængslet Enner Mark", "Arresthuset Vestbo"): an institution by its name
_NAME_AFTER_CAP_WORD = required_gate(re.compile(
    r"(?<![\w\-])([A-ZÆØÅ][a-zæøå]+)[ ]+"
    r"([A-ZÆØÅ][\wæøåÆØÅ\-]+(?:[ ]+[A-ZÆØÅ][\wæøåÆØÅ\-]+)?)"))


@dataclass(frozen=True)
class Gazetteer:
    places: frozenset[str]  # lower case, also multi-word ("store heddinge")
    org_words: frozenset[str]  # lower case
    org_suffixes: tuple[str, ...]  # lower case word endings
    # surname endings (-gaard, -holm, -sen …: the policy's resources.surname_endings)
    surname_endings: tuple[str, ...]
    common_word: Callable[[str], bool] | None = None  # lower-case word -> dictionary word
    foreign_places: frozenset[str] = frozenset()  # place names abroad, as written
    # known given names (Danish and of other cultures): a run with one names a person
    given_names: frozenset[str] = frozenset()
    # per word: the answers of is_common (True, word), is_org_word (False, word) and
    # names_institution (None, word) (every stage asks about the same words; forgotten by
    # clear_memo)
    _memo: dict[tuple[bool | None, str], bool] = field(default_factory=dict, compare=False,
                                                       repr=False)

    def clear_memo(self) -> None:
        """Forget the per-word answers (benchmarks; results never depend on them)."""
        self._memo.clear()

    def _remember(self, key: tuple[bool | None, str], hit: bool) -> bool:
        if len(self._memo) < _MAX_MEMO:
            self._memo[key] = hit
        return hit

    def is_foreign_place(self, text: str) -> bool:
        """``text`` is a place name abroad as a whole ("Nova Scotia", "Gdańsk", "Gdańsks")."""
        t = " ".join(text.split())
        return in_genitive(t, self.foreign_places)

    def is_place(self, word: str) -> bool:
        w = _strip_genitive(word).lower()
        return in_genitive(w, self.places)

    def is_org_word(self, word: str) -> bool:
        hit = self._memo.get((False, word))
        if hit is None:
            hit = self._remember((False, word), self._is_org_word(word))
        return hit

    def _is_org_word(self, word: str) -> bool:
        w = _strip_genitive(word).lower()
        # one C-level endswith over all suffixes first: most words end in none of them
        return w in self.org_words or (w.endswith(self.org_suffixes) and any(
            w.endswith(s) and len(w) > len(s) for s in self.org_suffixes))

    def is_common(self, word: str) -> bool:
        """An ordinary Danish word, its definite form ("Samboeren"), or a compound of two
        ("Løsladelsesmøde", "Mentorforløb", "Boligsøgning"); words ending like a surname
        (-gaard, -holm, -sen …) never count as forms or compounds ("Lindholm",
        "Vestergaard")."""
        hit = self._memo.get((True, word))
        if hit is None:
            hit = self._remember((True, word), self._is_common(word))
        return hit

    def _is_common(self, word: str) -> bool:
        if self.common_word is None:
            return False
        w = _strip_genitive(word).lower()
        if self.common_word(w):
            return True
        if w.endswith(self.surname_endings):
            return False
        # the definite form of a dictionary word the table lacks ("Samboeren", "Naboerne")
        if len(w) >= 7 and w.endswith(DEFINITE_ENDINGS) and any(
                w.endswith(e) and not w[:-len(e)].endswith(self.surname_endings)
                and self.common_word(w[:-len(e)]) for e in DEFINITE_ENDINGS):
            return True
        if "-" in w:  # "CNC-fræsning", "UU-forløb": the last part decides
            last = w.rsplit("-", 1)[1]
            return len(last) >= 4 and self.is_common(last)
        if len(w) < 8:
            return False
        for i in range(4, len(w) - 3):
            head, tail = w[:i], w[i:]
            if self.common_word(tail) and (self.common_word(head) or (
                    head[-1] in "se" and self.common_word(head[:-1]))):
                return True
        return False

    def all_places(self, text: str) -> bool:
        """True when every word of ``text`` is a place or an organisation word."""
        words = text.split()
        if not words:
            return False
        if " ".join(_strip_genitive(w).lower() for w in words) in self.places:
            return True
        return all(self.is_place(w) or self.is_org_word(w) for w in words) and any(
            self.is_place(w) for w in words)

    def org_spans(self, text: str) -> list[tuple[int, int]]:
        """Runs of capitalised words that name an organisation: they hold an org word, or
        they name the institution of the org word before them (:meth:`named_institution`:
        "forsorgshjemmet Kærholm", "herberget Stjernen", "bostedet Lærkely")."""
        return [(a, b) for a, b, run in self.capitalised_runs(text)
                if self.is_org_run(text, a, run)]

    def capitalised_runs(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, run)`` of every run of capitalised words in ``text`` that
        :meth:`org_spans` weighs (:meth:`is_org_run`)."""
        return [(m.start(), m.end(), m.group(0)) for m in _ORG_RUN.finditer(text)]

    def is_org_run(self, text: str, start: int, run: str) -> bool:
        """Whether the run of capitalised words ``run`` at ``start`` in ``text`` names an
        organisation (:meth:`org_spans`)."""
        words = _RUN_WORD.findall(run)
        return any(self.is_org_word(w) for w in words if w[:1].isupper()) or \
            self.named_institution(text, start, run)

    def names_institution(self, word: str) -> bool:
        """A lower-case organisation word as listed or in its definite form
        ("forsorgshjemmet", "bosted", "skolen"): the capitalised words right after it name
        that institution. Remembered per word: a document's every lower-case word before a
        capitalised one is asked (:meth:`institution_names`)."""
        hit = self._memo.get((None, word))
        if hit is None:
            hit = self._remember((None, word), word.islower() and (
                self.is_org_word(word) or self.is_definite_org_word(word)))
        return hit

    def institution_names(self, texts: Iterable[str]) -> frozenset[str]:
        """The names (one or two capitalised words) that a lower-case organisation word
        stands right before somewhere in ``texts`` (a document): the institution's name
        wherever it stands ("ophold på forsorgshjemmet Lyngbo" ... "Svar om ophold,
        Lyngbo")."""
        texts = list(texts)
        return frozenset(
            [m.group(2) for t in texts for m in _NAME_AFTER_WORD.finditer(t)
             if self.names_institution(m.group(1))]
            + [m.group(2) for t in texts for m in _NAME_AFTER_CAP_WORD.finditer(t)
               if self._names_institution_capitalised(m.group(1))])

    def _names_institution_capitalised(self, word: str) -> bool:
        """A capitalised organisation word in its definite form ("Statsfængslet",
        "Arresthuset", "Bostedet"): the institution it is the kind of, by its name after
        it (a known given name first still makes a person: :meth:`named_institution`)."""
        lower = word.lower()
        return lower.endswith(DEFINITE_ENDINGS) and self.names_institution(lower)

    def named_institution(self, text: str, start: int, name: str,
                          known: Collection[str] = ()) -> bool:
        """The one rule for an institution named after its kind: ``name`` (at ``start`` in
        ``text``) stands right after a lower-case organisation word (:meth:`names_institution`)
        or is one of the document's ``known`` institution names (:meth:`institution_names`),
        and no word of it is a known given name ("bostedet Lise Holm" names a person)."""
        if name not in known:
            m = _WORD_BEFORE.search(text, max(0, start - 60), start)
            if m is None or not self.names_institution(m.group(1)):
                return False
        names = self.given_names
        words = name.split()
        if words[0] in names or _strip_genitive(words[0]) in names:
            return False
        # (a later word that is a given name and an ordinary word names no person: "Enner
        # Mark"; "Holm Lise" does)
        return not any((w in names or _strip_genitive(w) in names)
                       and not self.is_common(w) for w in words[1:])

    def is_definite_org_word(self, word: str) -> bool:
        """A lower-case org word with its definite article: "forsorgshjemmet" (doubled
        consonant), "skolen", "bostedet", "herberget"."""
        if not word.islower():
            return False
        for end in DEFINITE_ENDINGS:
            if word.endswith(end) and len(word) > len(end) + 2:
                stem = word[: -len(end)]
                if self.is_org_word(stem) or (
                        len(stem) > 3 and stem[-1] == stem[-2] and self.is_org_word(stem[:-1])):
                    return True
        return False


def build_gazetteer(places: Iterable[str], organisations: Iterable[str],
                    org_words: Iterable[str], surname_endings: Iterable[str],
                    nlp: Any | None = None,
                    foreign_places: frozenset[str] = frozenset(),
                    given_names: frozenset[str] = frozenset()) -> Gazetteer:
    """The gazetteer from the policy bundle's ``places``, ``organisations``,
    ``surname_endings``, ``foreign_places`` and given names (Danish and of other cultures)
    plus the policy's ``professionals.org_words``; ordinary words from ``nlp``'s lemma
    table."""
    orgs: set[str] = {w.lower() for w in org_words} | {w.lower() for w in organisations}
    suffixes = tuple(sorted(w[1:] for w in orgs if w.startswith("*")))
    words = frozenset(w for w in orgs if not w.startswith("*"))
    return Gazetteer(frozenset(p.lower() for p in places), words, suffixes,
                     tuple(sorted({e.lower() for e in surname_endings})),
                     common_word_check(nlp), foreign_places, given_names)


def common_word_check(nlp: Any | None) -> Callable[[str], bool] | None:
    """A check "is this lower-case word an ordinary Danish word?" from the pipeline's lemma
    table (its forms and their lemmas), or None without a pipeline (then the check is off:
    fail closed). The word list is read on first use."""
    if nlp is None or "lemmatizer" not in getattr(nlp, "pipe_names", ()):
        return None
    lemmatizer = nlp.get_pipe("lemmatizer")
    is_word = getattr(lemmatizer, "is_word", None)
    return is_word if callable(is_word) else None
