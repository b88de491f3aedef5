"""The comparison form of a heading or a key: how the document reader and the redactor
compare a line with the words they know ("Årsager til kriminalitet" -> "arsager til
kriminalitet")."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)  # (the same short keys and headings come back in every document)
def normalise(text: str) -> str:
    """Lower case, æ/ø/å folded to ae/oe/a(a), accents dropped, spaces squeezed."""
    t = text.strip().lower()
    t = t.replace("æ", "ae").replace("ø", "oe").replace("å", "a")
    if not t.isascii():  # (NFKD leaves ASCII as it is and it has no combining marks)
        t = unicodedata.normalize("NFKD", t)
        t = "".join(c for c in t if not unicodedata.combining(c))
    return _SPACES.sub(" ", t)


__all__ = ["normalise"]
