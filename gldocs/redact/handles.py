"""A removed handle goes in every place of the document.

Once a username is removed as a third person's ("@kenn.jr", "Instagram: lilla.mus"), the
same handle written elsewhere without its "@" or its platform label (a quoted display name
in a copied thread: ``- "kenn.jr": tag den med ro``, a later "Profilen lilla.mus") names the
same person: remove it there too, with the same marker and rule.

Only handles that cannot be an ordinary word are spread: at least four characters with a
dot, an underscore or a digit inside ("kenn.jr", "sisse_xo", "josse97") or a capital inside
a word ("NVSyndikat"), also as a hashtag ("#NVSyndikat"); a profile URL is
not spread (its path is found as a URL wherever it stands). A place that another finding
already covers (the client's own handle, kept) is left to that finding.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gldocs.document.units import TextUnit
from gldocs.redact.model import Finding
from gldocs.redact.spread import spread_removals


def _marked(handle: str) -> bool:
    """A dot, an underscore or a digit inside ("kenn.jr", "josse97")."""
    return any(c in "._" or c.isdigit() for c in handle)


def _mixed_case(handle: str) -> bool:
    """A capital after a small letter or after two capitals and before a small letter
    ("NVSyndikat", "LilSaga"): no ordinary word and no name is written so."""
    return any(b.isupper() and (a.islower() or (a.isupper() and c.islower()))
               for a, b, c in zip(handle, handle[1:], handle[2:] + " ", strict=False))


def _spreadable(handle: str) -> bool:
    inner = handle.strip(".")
    return len(inner) >= 4 and "/" not in inner and (
        _marked(inner) or _mixed_case(inner)) and any(c.isalpha() for c in inner)


def spread_handles(units: Sequence[TextUnit], findings: list[Finding]) -> list[Finding]:
    """``findings`` and one more removal for each other place a removed handle stands."""
    removed: dict[str, Finding] = {}
    for f in findings:
        if f.action == "remove" and f.entity == "ONLINE_ID":
            handle = f.text.lstrip("@")
            if _spreadable(handle):
                removed.setdefault(handle.lower(), f)
    if not removed:
        return findings
    # a hashtag of the handle is the handle too ("#NVSyndikat")
    pattern = re.compile(
        r"(?<![\w@#./\-])[@#]?(" + "|".join(re.escape(h) for h in sorted(removed, key=len,
                                                                        reverse=True))
        + r")(?![\w@\-/]|\.\w)", re.IGNORECASE)
    read = None if any(not _marked(h) for h in removed) else \
        (lambda text: "." in text or "_" in text or any(c.isdigit() for c in text))
    return spread_removals(
        units, findings, pattern, lambda m: removed[m.group(1).lower()], "brugernavn", read)
