"""The Danish words of the case model and the document reader, as package data.

The words live in ``gldocs/ordlister.yaml`` (shipped inside the package), not in Python:
month and weekday names (:mod:`gldocs.dates`), yes/no (:mod:`gldocs.case.types`), the
words that make a contact a private person (:mod:`gldocs.case.model`), and the part
headings, keys and labels the document reader knows (:mod:`gldocs.document.sections`).
The file is read once; a list that is missing, empty, of the wrong length, or not written
as its comment says (lower case; the normalised lists as :func:`~gldocs.text.keys.normalise`
writes a heading) is a :class:`~gldocs.errors.DataFileError` (fail closed: a reader that
knows no headings would put every line in the wrong part).

    words("maaneder")             # ("januar", …), as written
    word_set("private_roller")    # frozenset
    word_alternation("kontaktetiketter")   # a regex alternation, longest first

(The redactor's words are policy data: :mod:`gldocs.redact.wordlists`.)
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from gldocs.errors import DataFileError
from gldocs.text.alternation import alternation
from gldocs.text.keys import normalise
from gldocs.yamlfile import load_yaml

FILE = Path(__file__).with_name("ordlister.yaml")

# the headings of the five parts, one list per part (gldocs.document.units.SECTIONS)
SECTION_LISTS: dict[str, str] = {
    "stamoplysninger": "afsnit_stamoplysninger",
    "beskrivelse": "afsnit_beskrivelse",
    "aarsager": "afsnit_aarsager",
    "vurdering": "afsnit_vurdering",
    "samarbejdspartnere": "afsnit_samarbejdspartnere",
}
# every list the file must hold
LISTS: tuple[str, ...] = (
    "maaneder", "ugedage", "ja", "nej", "private_roller", "private_organisationer",
    *SECTION_LISTS.values(), "afsnit_tidshaler", "nummereringsord",
    "stamoplysninger_underoverskrifter", "navnenoegler", "cpr_noegler", "kontaktetiketter")
# lists whose length is fixed (their place is their number)
EXACT_LENGTHS: dict[str, int] = {"maaneder": 12, "ugedage": 7}
# lists written as gldocs.document.sections.normalise writes a heading or key
NORMALISED: tuple[str, ...] = (*SECTION_LISTS.values(), "afsnit_tidshaler",
                               "stamoplysninger_underoverskrifter", "navnenoegler")
# lists written in lower case
LOWER: tuple[str, ...] = ("maaneder", "ugedage", "ja", "nej", "private_roller",
                          "private_organisationer", "nummereringsord", "cpr_noegler",
                          "kontaktetiketter")


def parse(data: object, source: str = "ordlister.yaml") -> dict[str, tuple[str, ...]]:
    """The lists of a parsed word file; DataFileError (in Danish) naming the list that is
    missing, empty, of the wrong length or not written as its comment says."""
    def bad(why: str) -> DataFileError:
        return DataFileError(f"Datafilen {source} i gldocs-pakken er ødelagt: {why}; "
                             "installér gldocs igen")

    try:
        lists = parse_word_lists(data, LISTS)
    except ValueError as err:
        raise bad(str(err)) from None
    for key, count in EXACT_LENGTHS.items():
        if len(lists[key]) != count:
            raise bad(f"'{key}' skal have {count} ord, ikke {len(lists[key])}")
    for key in NORMALISED:
        odd = [w for w in lists[key] if normalise(w) != w]
        if odd:
            raise bad(f"'{key}' skal skrives normaliseret (små bogstaver, æ/ø/å som "
                      f"ae/oe/a): '{odd[0]}'")
    for key in LOWER:
        odd = [w for w in lists[key] if w.lower() != w]
        if odd:
            raise bad(f"'{key}' skal skrives med små bogstaver: '{odd[0]}'")
    return lists


def parse_word_lists(data: object, required: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The lists ``required`` from a parsed data file; ValueError (in Danish) naming the
    list that is missing, empty or not a list of words, or the missing ``sources``. (Also
    the policy's word files' reader: :mod:`gldocs.redact.wordlists`.)"""
    if not isinstance(data, dict):
        raise ValueError("filen er ikke en YAML-ordbog")
    if not data.get("sources"):
        raise ValueError("'sources' mangler: skriv, hvor ordene kommer fra")
    lists: dict[str, tuple[str, ...]] = {}
    for key in required:
        words = data.get(key)
        if not isinstance(words, list) or not words or not all(
                isinstance(w, str) and w.strip() for w in words):
            raise ValueError(f"'{key}' skal være en ikke-tom liste af ord (tekst i "
                             "anførselstegn, hvis YAML ellers læser den som noget andet)")
        lists[key] = tuple(" ".join(w.split()) for w in words)
    return lists


@lru_cache(maxsize=1)
def _lists() -> dict[str, tuple[str, ...]]:
    try:
        text = FILE.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise DataFileError(f"Datafilen {FILE.name} i gldocs-pakken kan ikke læses ({err}); "
                            "installér gldocs igen") from None
    return parse(load_yaml(text), FILE.name)


def words(name: str) -> tuple[str, ...]:
    """The list ``name`` as written (order kept)."""
    return _lists()[name]


@cache
def word_set(name: str) -> frozenset[str]:
    """The list ``name`` as a frozenset."""
    return frozenset(words(name))


def word_alternation(name: str, space: str = r"\s+") -> str:
    """The list ``name`` as a regex alternation (each word escaped, longest first)."""
    return alternation(words(name), space)


__all__ = ["FILE", "LISTS", "SECTION_LISTS", "parse", "parse_word_lists", "word_alternation",
           "word_set", "words"]
