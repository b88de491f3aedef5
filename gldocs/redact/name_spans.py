"""A removed name takes the rest of the name with it.

When only part of a run of capitalised words is removed as a person ("[person] Kronborg",
"Noto [person]"), the words left beside the marker are the rest of that name, and a reader
(or ``gldocs scan`` on the output) sees them as a name: fail closed and remove them too.

A neighbouring word goes with the name when it stands directly beside it (one space, the
same line), is a capitalised word of letters, is not one of the policy's known non-name
words (titles, role cues, organisation words, words that are never names) nor, on the left,
an ordinary Danish word, and is not part of another finding (the client's or a professional's kept
name stays).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from gldocs.document.units import TextUnit
from gldocs.redact.model import Finding, spans_by_unit

_RIGHT = re.compile(r" ([^\W\d_][^\W\d_]+)")
# initials right before a removed surname ("J.A. [Thygesen]", "K. [Lind]"): the same name
_INITIALS_LEFT = re.compile(r"(?:^|(?<=[\s(\"'„“]))((?:[A-ZÆØÅ]\.[ ]?){1,3}) ?$")
# a company form right after a removed name ("[Thygesen] ApS"): a firm named after the
# person names the person, so the form goes with the name
_COMPANY_FORM_RIGHT = re.compile(r" (ApS|A/S|I/S|IVS|K/S|P/S|GmbH|AB|AS|Ltd\.?)(?![\w/])")
_LEFT = re.compile(r"(?:^|(?<=[\s(\"'„“]))([^\W\d_][^\W\d_]+) $")
# a capitalised word and a name particle right before a removed name ("Osteria da
# [Gianni]", "Chez [Mette]" is no particle): a business or a person named with the name
# (not at a sentence's start, where an adverb stands capitalised: "Dengang da [Mette] …")
_SENTENCE_START = re.compile(r"(?:^|[.!?])[\s\"'„“(]*$")
_PARTICLE_LEFT = re.compile(r"(?:^|(?<=[\s(\"'„“]))([^\W\d_][^\W\d_]+) ([^\W\d_]+) $")


def _name_word(word: str, not_name: Callable[[str], bool]) -> bool:
    return word[0].isupper() and not word.isupper() and not not_name(word)


def extend_names(units: Sequence[TextUnit], findings: list[Finding],
                 not_name: Callable[[str], bool],
                 ordinary: Callable[[str], bool] = lambda w: False,
                 nickname: Callable[[str], bool] = lambda w: False,
                 particles: frozenset[str] = frozenset(),
                 place: Callable[[str], bool] = lambda w: False) -> list[Finding]:
    """``findings`` with each removed person's span grown over the rest of the name.

    ``not_name``: the policy's non-name words. ``ordinary``: an ordinary word, which is
    not taken on the left (a capitalised word before a name may start the sentence: "Hun",
    "Sagsbehandler"); on the right a capitalised word is a proper noun in Danish ("Vibeke
    Lund"). ``nickname``: a family word that makes a nickname with the name after it
    ("Lillebror Dam"): taken on the left when capitalised, though a role word.
    ``particles``: name particles ("da", "van"): a capitalised word that is neither an
    ordinary word nor a ``place`` nor a sentence's first word, then a particle, on the left
    go with the name ("Osteria da Gianni", "Ludwig van [Berg]"): a restaurant named after
    its owner names the owner."""
    texts = {u.path: u.text for u in units}
    taken = spans_by_unit(findings)
    out: list[Finding] = []
    for f in findings:
        text = texts.get(f.unit_path)
        if f.action != "remove" or f.entity != "PERSON" or text is None:
            out.append(f)
            continue
        spans = [s for s in taken[f.unit_path] if s != (f.start, f.end)]

        def free(a: int, b: int, spans: list[tuple[int, int]] = spans) -> bool:
            return not any(s < b and a < e for s, e in spans)

        start, end = f.start, f.end
        while (m := _RIGHT.match(text, end)) and _name_word(m.group(1), not_name) \
                and free(m.start(1), m.end(1)):
            end = m.end(1)
        while (m := _LEFT.search(text, 0, start)) and free(m.start(1), m.end(1)) and (
                (_name_word(m.group(1), not_name) and not ordinary(m.group(1)))
                or (m.group(1)[0].isupper() and nickname(m.group(1)))):
            start = m.start(1)
        if particles and (m := _PARTICLE_LEFT.search(text, max(0, start - 60), start)) \
                and m.group(2) in particles and free(m.start(1), m.end(2)) \
                and _name_word(m.group(1), not_name) and not ordinary(m.group(1)) \
                and not place(m.group(1)) \
                and not _SENTENCE_START.search(text, 0, m.start(1)):
            start = m.start(1)
        if (m := _INITIALS_LEFT.search(text, max(0, start - 12), start)) \
                and free(m.start(1), m.end(1)):
            start = m.start(1)
        if (m := _COMPANY_FORM_RIGHT.match(text, end)) and free(m.start(1), m.end(1)):
            end = m.end(1)
        if (start, end) == (f.start, f.end):
            out.append(f)
            continue
        out.append(dataclasses.replace(f, start=start, end=end, text=text[start:end], id=""))
    return out
