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


def _names_client(value: str, client: str) -> bool:
    """The value opens with the client's full name ("Emil Stavnsbo Krag, 24 år")."""
    folded = normalise(value)
    return folded.startswith(client) and not folded[len(client):len(client) + 1].isalnum()


def client_field_lines(lines: Sequence[str], client_name: str,
                       names_other: Callable[[str, str], bool]) -> list[ClientField]:
    """The field lines of every block of ``lines`` that opens with a name field holding
    ``client_name`` (the name field itself left out). ``names_other(key, line)`` says that
    a field speaks of another person (a role or a title in its key, a private line): the
    block ends there."""
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
                or not _names_client(field[1], client):
            continue
        while i < len(lines) and (field := field_of(lines[i])) is not None:
            key, value = field
            if normalise(key) in name_keys or value.endswith(("{", "[")) \
                    or names_other(key, f"{key}: {value}"):
                break  # (a nested record, ``"dom": {``, is no field of the client's)
            out.append(ClientField(i, key, value))
            i += 1
    return out


__all__ = ["ClientField", "client_field_lines", "field_of"]
