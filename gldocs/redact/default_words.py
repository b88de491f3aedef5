"""The bundled ``kommune`` policy's word lists, for a detector or rule called on its own.

The redactor passes its own bundle's words (``bundle.address_words`` …) everywhere; a
function called without them (tests, plain presidio, a leak scan) reads the bundled
policy's. The bundle is imported on first use: it is slow to import, and the detectors are
imported by commands that never load a policy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gldocs.redact.wordlists import WordLists


def default_words(key: str) -> WordLists:
    """The bundled kommune policy's word file ``resources.<key>`` (loaded once)."""
    from gldocs.redact.bundle import load_bundle

    words: WordLists = getattr(load_bundle("kommune"), key)
    return words


__all__ = ["default_words"]
