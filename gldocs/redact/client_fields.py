"""The client's own fields outside the Stamoplysninger part.

A document may list the client's identity and contact data again, or only, in a block of
``Nøgle: værdi`` lines further down: a numbered list for a meeting ("1) Navn: Emil Krag, 24
år / 2) Adresse efter løsladelse: … / 3) Mobil: …"), a record pasted from the case system
as JSON (``"klient": {"navn": "…", "adresse": "…", "telefon": "…"}``). Such a block is the
client's when it opens with a name field whose value is the client's full name; it runs
over the field lines right below, up to a blank line or a line that is no field, and it
ends (fail closed) at the first field that names someone else: another name field, or a key
the caller reads as a private person's or a professional's ("5) Nærmeste pårørende: mor,
…", ``"rolle": "forurettede"``) or at a nested record (``"dom": {``). What lies beyond is
never the client's by this rule.

A letter the client writes and signs gives the client's own number or address in the first
person ("Mit eget nummer efter løsladelsen bliver det gamle, …"): :func:`client_letter_lines`
finds the lines of such a letter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from gldocs.ordlister import words
from gldocs.text.keys import normalise

# a field line: an item's number, letter or bullet first ("12)", "b.", "-"), then a key of
# at most 40 characters (in quotes in a JSON record) and a colon
_FIELD = re.compile(
    r'^[ \t]*(?:\(?\d{1,3}[.)][ \t]*|[A-Za-zÆØÅæøå][.)][ \t]+|[-•*–][ \t]*)?'
    r'"?(?P<key>[^\W\d_][^:"{}\[\]\n]{0,40}?)"?[ \t]*:[ \t]*(?P<value>\S.*?)?[ \t]*$')
# an apostrophe's genitive right after a name ("…'s", "…’", "…´s")
_GENITIVE_MARK = re.compile(r"[\'’´`]s?(?!\w)")
# what wraps a JSON record's value: its quotes and the comma after it
_JSON_WRAP = ' \t",'


@dataclass(frozen=True)
class ClientField:
    """One field line of the client's block: the unit's index, its key (lower case, an
    underscore read as a space) and its value (without a JSON value's quotes)."""

    index: int
    key: str
    value: str


@lru_cache(maxsize=1)
def _name_keys() -> frozenset[str]:
    return frozenset(words("navnenoegler"))


def field_of(line: str) -> tuple[str, str] | None:
    """The key (lower case) and the value of a field line, or None."""
    m = _FIELD.match(line)
    if m is None:
        return None
    key = " ".join(m.group("key").replace("_", " ").lower().split())
    return key, (m.group("value") or "").strip(_JSON_WRAP)


def _names_client(value: str, client: str, relation: Callable[[str], bool] | None) -> bool:
    """The value opens with the client's full name ("Emil Stavnsbo Krag, 24 år") and names
    nobody through him: no genitive after the name ("Emil Stavnsbo Krag's kæreste") and no
    role word in what follows (``relation``: "Emil Stavnsbo Krag (bror)", "…, hans mor")."""
    folded = normalise(value)
    if not folded.startswith(client) or folded[len(client):len(client) + 1].isalnum():
        return False
    rest = re.sub(rf"^(?:\s*[\w\-.]+){{{len(client.split())}}}", "", value.strip())
    if _GENITIVE_MARK.match(rest):
        return False
    return relation is None or not relation(rest)


def client_field_lines(lines: Sequence[str], client_name: str,
                       names_other: Callable[[str, str], bool],
                       relation: Callable[[str], bool] | None = None) -> list[ClientField]:
    """The field lines of every block of ``lines`` that opens with a name field holding
    ``client_name`` (the name field itself left out). ``names_other(key, line)`` says that
    a field speaks of another person (a role or a title in its key, a private line): the
    block ends there. A name field that names the client only through a relation (a
    genitive, or a role word beside the name: ``relation``) opens no block: the record
    is the relative's (fail closed)."""
    client = normalise(client_name)
    if len(client.split()) < 2:
        return []  # a first name alone may be anybody's
    name_keys = _name_keys()
    out: list[ClientField] = []
    i = 0
    while i < len(lines):
        field = field_of(lines[i])
        i += 1
        if field is None or normalise(field[0]) not in name_keys \
                or not _names_client(field[1], client, relation):
            continue
        while i < len(lines) and (field := field_of(lines[i])) is not None:
            key, value = field
            if normalise(key) in name_keys or value.endswith(("{", "[")) \
                    or names_other(key, f"{key}: {value}"):
                break  # (a nested record, ``"dom": {``, is no field of the client's)
            out.append(ClientField(i, key, value))
            i += 1
    return out


# a line of punctuation only that parts a document ("---", "=====", "_____")
_SEPARATOR = re.compile(r"^[ \t]*[-=_*~–—]{3,}[ \t]*$")
# a signature's words: a name, an initial ("Kevin B.")
_SIGNATURE_WORD = re.compile(r"[^\W\d_][\w\-]*\.?")


def _signs_as_client(line: str, client_tokens: frozenset[str]) -> bool:
    """The line is the client's name alone, or part of it ("Kevin", "Kevin B.")."""
    words = line.strip().rstrip(",.!").split()
    if not 1 <= len(words) <= 3 or not all(_SIGNATURE_WORD.fullmatch(w) for w in words):
        return False
    tokens = [w.rstrip(".").lower() for w in words]
    return tokens[0] in client_tokens and all(
        t in client_tokens or (len(t) == 1 and any(c.startswith(t) for c in client_tokens))
        for t in tokens)


def client_letter_lines(lines: Sequence[str], client_tokens: frozenset[str],
                        closing: Callable[[str], bool],
                        boundary: Callable[[int], bool]) -> list[int]:
    """The indices of the lines of every letter the client signs: a closing line
    (``closing``: "Mange hilsner og tak", "Hilsen") and under it the client's name alone
    (lower-case ``client_tokens``); the letter runs from the line after the last boundary
    above (``boundary(i)``: a part's heading, a mail header, the Stamoplysninger; a line of
    punctuation or another closing line ends the message before) down to the closing."""
    out: list[int] = []
    for i, line in enumerate(lines):
        if not line.strip() or not _signs_as_client(line, client_tokens):
            continue
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        if j < 0 or not closing(lines[j]):
            continue
        start = j
        while start > 0 and not boundary(start - 1) and not closing(lines[start - 1]) \
                and not _SEPARATOR.match(lines[start - 1]):
            start -= 1
        out.extend(range(start, j))
    return out


__all__ = ["ClientField", "client_field_lines", "client_letter_lines", "field_of"]
