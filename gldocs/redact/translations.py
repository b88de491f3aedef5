"""A quoted message in another language and its translation in brackets on the next line.

Case texts quote text messages and letters in the writer's language and give an
interpreter's translation right after, in brackets::

    "Marian, Ionut a întrebat de tine. Denisa iar a avut criză. Sună-mă."
    (Ionuț har spurgt efter dig. Denisa har haft et anfald igen. Ring til mig.)

The policy's lexicons read Danish, English and German; the translation tells what the
original says. Whatever a category removes from the translation (a relative's health, a
threat, the act) is removed from the original too: the sentence with the same number when
both have as many sentences, else the whole quotation (fail closed: the original must not
say what its translation may not).

    findings += mirror_translations(units, findings, sentence_words, make)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from gldocs.document.units import TextUnit
from gldocs.redact.context import Span, sentences
from gldocs.redact.model import Finding
from gldocs.redact.wordlists import WordLists

__all__ = ["mirror_translations"]

_QUOTES = "\"“”„«»'‘’"
# the whole line in brackets: the translation
_BRACKETED = re.compile(r"^\s*\((?P<body>[^()]+)\)\s*$")
# the quotation: from its opening quote to its closing quote (a signature may follow)
_QUOTED = re.compile(rf"^\s*[{_QUOTES}](?P<body>[^{_QUOTES}]+)[{_QUOTES}]")

# findings a category made (a term, a clause, a sentence): the names are found in the
# original on their own
_MIRRORED = ("lexicon", "section")

Make = Callable[[TextUnit, int, int, Finding], Finding]


def _sentence_spans(text: str, body: Span, words: WordLists | None) -> list[Span]:
    return [Span(body.start + s.start, body.start + s.end)
            for s in sentences(text[body.start:body.end], words)]


def mirror_translations(units: Sequence[TextUnit], findings: Sequence[Finding],
                        words: WordLists | None, make: Make) -> list[Finding]:
    """The removals a bracketed translation's categories call for in the quotation on the
    line before it. ``make(unit, start, end, model)``: a finding on ``unit`` like ``model``
    (its rule, marker and kind), with the explanation that it mirrors the translation."""
    removed: dict[str, list[Finding]] = {}
    for f in findings:
        if f.action == "remove" and f.detector in _MIRRORED:
            removed.setdefault(f.unit_path, []).append(f)
    out: list[Finding] = []
    previous: TextUnit | None = None
    for unit in units:
        if not unit.text.strip():
            continue
        found = removed.get(unit.path)
        translation = _BRACKETED.match(unit.text) if found else None
        original = _QUOTED.match(previous.text) if previous is not None and translation \
            else None
        if previous is not None and translation is not None and original is not None \
                and found:
            out.extend(_mirror(previous, unit, translation, original, found, words, make))
        previous = unit
    return out


def _mirror(original: TextUnit, translated: TextUnit, translation: re.Match[str],
            quote: re.Match[str], found: list[Finding], words: WordLists | None,
            make: Make) -> list[Finding]:
    targets = _sentence_spans(translated.text, Span(*translation.span("body")), words)
    sources = _sentence_spans(original.text, Span(*quote.span("body")), words)
    whole = Span(*quote.span("body"))
    out: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    for f in found:
        if len(targets) == len(sources) and len(targets) > 1:
            hit = [k for k, s in enumerate(targets) if s.start < f.end and f.start < s.end]
            spans = [sources[k] for k in hit]
        else:
            spans = [whole]
        for span in spans:
            if (span.start, span.end) not in seen:
                seen.add((span.start, span.end))
                out.append(make(original, span.start, span.end, f))
    return out
