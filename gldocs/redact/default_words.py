"""The bundled ``kommune`` policy's word lists, for a detector or rule called on its own.

The redactor passes its own bundle's words (``bundle.address_words`` …) everywhere; a
function called without them (tests, plain presidio, a leak scan) reads the bundled
policy's: the word file its ``resources.<key>`` declares, loaded and checked as the bundle
loads it (:func:`~gldocs.redact.wordlists.load_word_lists`). The bundle itself is not
imported: the sentence splitter and the language test are imported by it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gldocs.redact.wordlists import WordLists


@lru_cache(maxsize=32)
def default_words(key: str) -> WordLists:
    """The bundled kommune policy's word file ``resources.<key>`` (loaded once)."""
    from gldocs.redact.policy import load_policy
    from gldocs.redact.wordlists import load_word_lists

    policy = load_policy("kommune")
    rel: str = getattr(policy.resources, key)
    return load_word_lists(key, (Path(policy.source).parent / rel).resolve())


__all__ = ["default_words"]
