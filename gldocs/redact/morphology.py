"""The one morphology of lexicon terms: which word forms a lexicon word matches.

A plain lexicon word (``sygdom``) matches every one of its forms (:func:`is_form`), and so
does the head of a compound term (``*medicin``: ``sovemedicinen``). A word's forms come
from two sources that together make a single system:

1. the lemma table shipped with the Danish pipeline (:class:`~gldocs.redact.nlp.
   LookupLemmatizer`, ``lemmatizer/lemmas.tsv.gz``): every form whose lemma is the word,
   irregular ones included (``advarsel`` -> ``advarsler``, ``diagnose`` -> ``diagnosens``);
2. the inflection generator below, for the words the table does not know or knows only
   in part (compounds, drug names, acronyms, rare words): the word with each regular
   Danish ending of nouns, adjectives and verbs (and their genitive ``-s``), also after a
   doubled final consonant (``sygdom`` -> ``sygdommene``, ``biseksuel`` ->
   ``biseksuelle``).

Short words (three letters or fewer: acronyms such as ``PET``, ``KOL``, ``THC``, and
function words inside phrases) match only themselves and their genitive ``-s``; the
lemma table is not asked for them (``for`` would otherwise match ``forene``).

Why the generator stays beside the table (measured on the kommune policy's lexicons): of
their 2,274 plain words longer than three letters, 1,604 have no inflected form in the
table (compounds such as ``sikkerhedsgrunde``, drug names such as ``methadon``, forms
already inflected such as ``anbragt``, English, German and Polish words); without the
generator their forms would no longer match (a leak). The generator's endings
(:data:`ENDINGS`, with the definite ones, :data:`DEFINITE_ENDINGS`, that the role, place
and organisation rules strip) are the only suffix lists in ``gldocs.redact``: no other
module keeps its own (tests/redact/test_morphology.py).

Fail closed: the generator alone gives exactly the forms lexicons matched before the
lemma table was added, so the table can only add forms, never lose one; without a
readable table (a damaged installation) the generator still gives all of them. A lexicon
finds the terms a token can be a form of by lookup: the generator read backwards
(:func:`stems`) and the token's lemma in the table (:func:`table_lemma`).
"""

from __future__ import annotations

import contextlib
import zlib
from functools import lru_cache
from typing import Protocol

# The regular endings of Danish nouns (definite, plural, genitive), adjectives (-e, -t,
# comparison) and verbs (past, participles) that the generator adds to a word.
ENDINGS = (
    "", "e", "en", "et", "er", "erne", "ene", "es", "s", "n", "r", "ne", "rne", "t", "ts",
    "ede", "ende", "te", "de", "ens", "ets", "ers", "ernes", "enes", "nes", "rs", "edes",
    "el", "le", "ske", "ste", "este", "ere", "ig", "ige", "lig", "lige",
)
# ... of them, the endings that make a noun definite: common gender -en (-n after -e),
# neuter -et, plural -ne ("svogeren", "pigen", "bostedet", "naboerne"): the rules that take
# a definite noun back to its word (a role word, an organisation word, a dictionary word)
# strip these, the generator adds them with the rest
DEFINITE_ENDINGS = ("en", "et", "ne", "n")
SHORT = 3  # words of this length or shorter: the word itself and its genitive -s only
_VOWELS = "aeiouyæøå"

__all__ = ["DEFINITE_ENDINGS", "ENDINGS", "SHORT", "generated_forms", "is_form", "lemma", "load",
           "stems", "table_lemma"]


def generated_forms(word: str) -> frozenset[str]:
    """The forms the inflection generator makes of ``word`` (lower case)."""
    if len(word) <= SHORT:
        return frozenset((word, word + "s"))
    out = {word + e for e in ENDINGS}
    if word[-1] not in _VOWELS:  # doubled final consonant before an ending
        out.update(word + word[-1] + e for e in ENDINGS if e)
    return frozenset(out)


def stems(token: str) -> tuple[str, ...]:
    """The words ``token`` can be a generated form of: the generator read backwards (each
    ending it has stripped, and a doubled final consonant undone), so that a lexicon finds
    its candidate terms by lookup; :func:`is_form` then checks each one."""
    out = []
    for e in ENDINGS:
        if e and not token.endswith(e):
            continue
        w = token[: len(token) - len(e)] if e else token
        if len(w) > SHORT or e in ("", "s"):
            out.append(w)
        if e and len(w) > SHORT + 1 and w[-1] == w[-2] and w[-1] not in _VOWELS:
            out.append(w[:-1])
    return tuple(out)


class _Table(Protocol):
    def get(self, form: str, /) -> str | None: ...


class _Unreadable:
    """The lemma table of a damaged installation: no form has a lemma (fail closed: the
    generator alone still gives every form matched without the table)."""

    def get(self, form: str, /) -> str | None:
        return None


@lru_cache(maxsize=1)
def _lemma_table() -> _Table:
    """The shipped lemma table, form -> code (none when it cannot be read), looked up by
    binary search until :func:`load` (a one-document run asks about a few thousand forms)."""
    from gldocs.redact.nlp import LookupLemmatizer, model_dir

    try:
        table = LookupLemmatizer().from_disk(model_dir() / "lemmatizer")
        table.get("sygdom")  # reads it: a damaged file fails here, not in a lookup
    except (OSError, ValueError, EOFError, zlib.error, UnicodeDecodeError):
        return _Unreadable()
    return table


def load() -> None:
    """Read the lemma table now (before worker processes fork, so they share it)."""
    table = _lemma_table()
    loader = getattr(table, "load", None)
    if loader is not None:
        # (a damaged table: lookups by binary search go on as they did)
        with contextlib.suppress(ValueError):
            loader()


def lemma(form: str) -> str | None:
    """The lemma the shipped table gives ``form`` (lower case), None when it has none."""
    code = _lemma_table().get(form)
    if code is None:
        return None
    digits = len(code) - len(code.lstrip("0123456789"))
    return form[: len(form) - int(code[:digits] or 0)] + code[digits:]


@lru_cache(maxsize=200_000)
def table_lemma(form: str) -> str | None:
    """The lemma of ``form`` when it is a form of a word longer than :data:`SHORT`
    in the shipped table (short words match only their generated forms)."""
    found = lemma(form)
    return found if found is not None and len(found) > SHORT else None


@lru_cache(maxsize=65_536)
def _generated(word: str) -> frozenset[str]:
    return generated_forms(word)


def is_form(token: str, word: str) -> bool:
    """Whether ``token`` is a form of the lexicon word ``word``: a generated form, or a
    form whose lemma in the shipped table is ``word``."""
    return token in _generated(word) or (len(word) > SHORT and table_lemma(token) == word)
