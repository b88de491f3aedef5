"""The policy bundle: a policy with every data file it declares, loaded once and checked.

A policy names each resource it uses under ``resources:`` with its path relative to the
policy file (lexicons, name lists, places, organisations, authority e-mail domains, the
clause rules' words). The bundle loads them all at once; a file that is missing,
unreadable or empty is a :class:`~gldocs.errors.PolicyError` (exit 2) naming the key and
the file: a name list that silently loads nothing would let names through.

    bundle = load_bundle("kommune")          # cached per name/path
    bundle.policy.rules["R1"], bundle.lexicons["helbred"], bundle.given_names
    bundle.clause_words.goal_verbs
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, TypeVar

import yaml

from gldocs.errors import PolicyError
from gldocs.redact.clauses import ClauseWords, load_clause_words
from gldocs.redact.language import ForeignWords, function_words, load_foreign_words
from gldocs.redact.lexicon import (
    MAX_PATTERN,
    Lexicon,
    LexiconError,
    load_lexicon_file,
    load_word_list,
    long_patterns,
)
from gldocs.redact.policy import Policy, load_policy
from gldocs.redact.wordlists import WORD_FILES, WordLists, load_word_lists
from gldocs.yamlfile import load_yaml

T = TypeVar("T")

# resources key -> what it holds, in Danish (for error messages)
WORD_LISTS = {
    "given_names": "fornavne",
    "surnames": "efternavne",
    "surname_endings": "efternavnes endelser",
    "ambiguous_names": "tvetydige navne",
    "not_names": "ord, der ikke er navne",
    "places": "stednavne",
    "organisations": "organisationsord",
    "authority_domains": "myndigheders e-maildomæner",
}


@dataclass(frozen=True)
class FamilyFirstNames:
    """Names of traditions that write the family name first ("Nguyen Thi Lan")."""

    family: frozenset[str]  # family names that open a full name
    middle: frozenset[str]  # middle names of the tradition (Vietnamese Thị, Văn …)


def load_family_first(path: Path) -> FamilyFirstNames:
    """The family-first name lists (YAML: ``sources``, ``family_names``, ``middle_names``);
    ValueError naming what is wrong (no sources, an empty or missing list)."""
    data = load_yaml(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError("filen er ikke en YAML-ordbog")
    if not data.get("sources"):
        raise ValueError("'sources' mangler: skriv, hvor navnene kommer fra")
    lists = {}
    for key in ("family_names", "middle_names"):
        words = data.get(key)
        if not isinstance(words, list) or not words or not all(
                isinstance(w, str) and w.strip() for w in words):
            raise ValueError(f"'{key}' skal være en ikke-tom liste af navne")
        lists[key] = frozenset(w.strip() for w in words)
    return FamilyFirstNames(lists["family_names"], lists["middle_names"])


@dataclass(frozen=True)
class PolicyBundle:
    """A validated policy and every resource it declares, loaded."""

    policy: Policy
    folder: Path  # the policy file's folder (resource paths are relative to it)
    lexicons: Mapping[str, Lexicon]
    given_names: frozenset[str]
    surnames: frozenset[str]
    surname_endings: frozenset[str]
    ambiguous_names: frozenset[str]
    not_names: frozenset[str]
    places: frozenset[str]
    organisations: frozenset[str]
    authority_domains: frozenset[str]
    clause_words: ClauseWords  # the words of the clause rules (gldocs.redact.clauses)
    # the detectors' and rules' word lists (gldocs.redact.wordlists.WORD_FILES)
    address_words: WordLists
    identifier_words: WordLists
    person_words: WordLists
    ownership_words: WordLists
    sentence_words: WordLists
    function_words: WordLists
    foreign: ForeignWords = field(default_factory=lambda: ForeignWords({}, {}))  # other languages
    family_first: FamilyFirstNames = field(
        default_factory=lambda: FamilyFirstNames(frozenset(), frozenset()))
    foreign_places: frozenset[str] = frozenset()  # place names abroad, as written
    # the given names most borne in the population, read only where a lower-case word
    # stands where a name stands (resources.population_given_names)
    population_given_names: frozenset[str] = frozenset()

    @property
    def name(self) -> str:
        return self.policy.name


def bundle_for(policy: Policy) -> PolicyBundle:
    """Load every resource ``policy`` declares; PolicyError listing every problem."""
    source = policy.source
    folder = Path(source).parent if source else Path(".")
    problems: list[str] = []
    lexicons: dict[str, Lexicon] = {}
    for name, rel in policy.resources.lexicons.items():
        try:
            lexicons[name] = load_lexicon_file((folder / rel).resolve(), name)
        except LexiconError as err:
            problems.append(f"  - nøgle 'resources.lexicons.{name}': {err}")
    lists: dict[str, Any] = {}  # resources key -> frozenset[str] (typed on PolicyBundle)
    for key, what in WORD_LISTS.items():
        path = (folder / getattr(policy.resources, key)).resolve()
        try:
            words = load_word_list(path)
        except (OSError, UnicodeDecodeError):
            problems.append(f"  - nøgle 'resources.{key}': listen over {what} findes ikke "
                            f"eller kan ikke læses ({path})")
            continue
        if not words:
            problems.append(f"  - nøgle 'resources.{key}': listen over {what} er tom ({path})")
        lists[key] = words
    res = policy.resources
    if res.world_given_names:
        path = (folder / res.world_given_names).resolve()
        try:
            world = load_word_list(path)
        except (OSError, UnicodeDecodeError):
            world = frozenset()
        if not world:
            problems.append(f"  - nøgle 'resources.world_given_names': listen over fornavne "
                            f"fra andre navnekulturer findes ikke, kan ikke læses eller er "
                            f"tom ({path})")
        lists["given_names"] = lists.get("given_names", frozenset()) | world
    foreign = ForeignWords({}, {})
    try:
        foreign = load_foreign_words(
            {lang: (folder / rel).resolve() for lang, rel in res.common_words.items()},
            (folder / res.false_friends).resolve() if res.false_friends else None,
            (folder / res.foreign_given_names).resolve() if res.foreign_given_names else None,
            {lang: (folder / rel).resolve() for lang, rel in res.vocabulary.items()})
    except (OSError, UnicodeDecodeError, ValueError) as err:
        problems.append(f"  - nøgle 'resources.common_words'/'resources.false_friends'/"
                        f"'resources.foreign_given_names'/'resources.vocabulary': "
                        f"listen over ord på andre sprog kan ikke læses ({err})")
    foreign_places: frozenset[str] = frozenset()
    if res.foreign_places:
        foreign_places = _load_data(folder, "foreign_places", res.foreign_places,
                                    _nonempty_word_list, "listen over stednavne i udlandet",
                                    problems) or frozenset()
    population: frozenset[str] = frozenset()
    if res.population_given_names:
        population = _load_data(folder, "population_given_names", res.population_given_names,
                                _nonempty_word_list, "listen over fornavne i befolkningen",
                                problems) or frozenset()
    family_first = _load_data(folder, "family_first_names", res.family_first_names,
                              load_family_first, "listen over navne med efternavnet først",
                              problems)
    clause_words = _load_data(folder, "clause_words", res.clause_words, load_clause_words,
                              "ordlisterne til sætningsdeling", problems)
    tables: dict[str, Any] = {}  # resources key -> WordLists (typed on PolicyBundle)
    for key, (what, _) in WORD_FILES.items():
        table = _load_data(folder, key, getattr(res, key), partial(load_word_lists, key),
                           f"ordlisterne med {what}", problems)
        if table is not None:
            tables[key] = table
    if problems or family_first is None or clause_words is None:
        raise PolicyError("\n".join([f"Politikfilen {source} er ikke gyldig:", *problems]))
    # the other languages' words tell a sentence's language by the policy's function words
    foreign = replace(foreign, function=function_words(tables["function_words"]))
    return PolicyBundle(policy=policy, folder=folder, lexicons=lexicons, foreign=foreign,
                        foreign_places=foreign_places,
                        population_given_names=population,
                        family_first=family_first, clause_words=clause_words, **lists,
                        **tables)


def _nonempty_word_list(path: Path) -> frozenset[str]:
    """A plain word list that must hold at least one entry (ValueError when empty)."""
    words = load_word_list(path)
    if not words:
        raise ValueError("listen er tom")
    return words


def _load_data(folder: Path, key: str, rel: str, loader: Callable[[Path], T], what: str,
               problems: list[str]) -> T | None:
    """``loader`` over the YAML data file ``resources.<key>``; None (and a line in
    ``problems`` naming the key and the file) when it is missing or cannot be used."""
    path = (folder / rel).resolve()
    try:
        return loader(path)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError) as err:
        problems.append(f"  - nøgle 'resources.{key}': {what} kan ikke bruges ({path}): {err}")
        return None


def unreadable_patterns(bundle: PolicyBundle) -> list[str]:
    """One line per lexicon pattern, exception or part longer than
    :data:`~gldocs.redact.lexicon.MAX_PATTERN` characters as written: a policy author
    cannot read it (``policies check`` refuses the policy; ``redact`` still runs it)."""
    return [f"  - leksikonet '{name}': mønsteret '{text[:60]}…' er {len(text)} tegn langt "
            f"(højst {MAX_PATTERN}); skriv dets ord i en 'words'-liste og dets trin under "
            "'parts'"
            for name, lex in bundle.lexicons.items() for text in long_patterns(lex)]


@lru_cache(maxsize=16)
def load_bundle(name_or_path: str) -> PolicyBundle:
    """The bundle of a bundled policy (``kommune``) or of a policy file (by path); the one
    built from the same files and code before, when the cache file has it
    (:mod:`gldocs.redact.bundle_cache`)."""
    from gldocs.redact.bundle_cache import cached_bundle

    return cached_bundle(load_policy(name_or_path), bundle_for, PolicyBundle)
