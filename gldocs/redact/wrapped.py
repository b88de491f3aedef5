"""A narrative sentence removed on one line goes on over the hard-wrapped lines around it.

A text file, a scanned letter read by OCR or a quoted e-mail ("> ", ">> ") breaks its
paragraphs into lines, and each line is one text unit: a sentence that tells the act (R4),
a security matter (R3) or an internal incident (R5) is found on the line that holds its
lexicon term, while the rest of the same sentence stands on the line after it ("… slog en
dreng ned ved / et busstoppested på Torvet.") or before it. Fail closed: where such a
removal covers its line to the end and the line ends without a sentence's end, the next
line of the same paragraph (the same quote marks, no blank line, no bullet, no new part)
loses its text up to the first sentence end; where it starts the line and the line before
ends without one, the line before loses its last sentence (unless something on it is kept:
a sentence with the judgment, K6, stays).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gldocs.document.units import TextUnit
from gldocs.redact.context import sentences
from gldocs.redact.model import Finding
from gldocs.redact.wordlists import WordLists

# the rules whose lexicon terms take their whole sentence (the narratives)
NARRATIVE_RULES = frozenset({"R3", "R4", "R5"})
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)*")
# a sentence's end at the end of a line (with closing quotes or brackets after it)
_ENDED = re.compile(r"[.!?:;][\"'”’»)\]]*[ \t]*$")
# a line that opens a new item, a page mark or a part, not the sentence before it
_NEW_ITEM = re.compile(r"^(?:[-•*–]|\d{1,2}[.)]|[a-zA-Z][.)][ \t]|\[|\||#)")
_FOLLOW_LIMIT = 4  # lines one sentence may run on over
_WRAP_WIDTH = 100  # a paragraph wrapped at a width has no longer line
_FULL_LINE = 0.75  # ... and a line broken inside a sentence is nearly as long as its longest


def _content(text: str) -> tuple[str, int]:
    """The quote marks that open ``text`` and where its content starts."""
    m = _QUOTE.match(text)
    prefix = m.group().replace(" ", "").replace("\t", "") if m else ""
    start = m.end() if m else 0
    return prefix, start


def _joins(a: TextUnit, b: TextUnit, width: int) -> bool:
    """Whether line ``b`` goes on with the sentence that line ``a`` leaves open, in a
    paragraph whose longest line is ``width`` characters long."""
    qa, sa = _content(a.text)
    qb, sb = _content(b.text)
    if qa != qb or a.section != b.section:
        return False
    body_a, body_b = a.text[sa:].rstrip(), b.text[sb:].strip()
    if not body_a or not body_b or _ENDED.search(body_a) or _NEW_ITEM.match(body_b):
        return False
    if body_a.endswith("-") and body_a[-2:-1].isalpha():
        return True  # a word broken over the lines ("landbrugs-/maskiner")
    # a paragraph wrapped at a width (a letter's or a mail's lines, not a post's or a chat's
    # lines of any length): the line is nearly as long as the longest, and the next line
    # goes on in lower case or after a comma (a heading above a capitalised sentence, "3.
    # Årsager til kriminalitet", is no broken sentence)
    if width > _WRAP_WIDTH or len(body_a) < _FULL_LINE * width:
        return False
    return body_b[0].islower() or body_a[-1] == ","


def _widths(units: Sequence[TextUnit]) -> list[int]:
    """The length of the longest line of each line's paragraph (the lines between blank
    ones, with the same quote marks), without the quote marks."""
    out = [0] * len(units)
    group: list[int] = []

    def close() -> None:
        width = max((len(units[k].text.rstrip()) - _content(units[k].text)[1]
                     for k in group), default=0)
        for k in group:
            out[k] = width
        group.clear()

    for i, unit in enumerate(units):
        quote, start = _content(unit.text)
        if not unit.text[start:].strip():
            close()
            continue
        if group and _content(units[group[0]].text)[0] != quote:
            close()
        group.append(i)
    close()
    return out


def wrapped_sentences(units: Sequence[TextUnit], findings: list[Finding],
                      words: WordLists | None = None) -> list[Finding]:
    """The removals that carry a narrative sentence (``NARRATIVE_RULES``) over the lines it
    is wrapped onto, for ``findings`` of ``units`` (one line each)."""
    by_path = {u.path: i for i, u in enumerate(units)}
    widths = _widths(units)
    taken: dict[str, list[Finding]] = {}
    for f in findings:
        taken.setdefault(f.unit_path, []).append(f)
    out: list[Finding] = []
    done: set[tuple[str, int, int]] = set()

    def add(i: int, start: int, end: int, model: Finding, where: str) -> bool:
        unit = units[i]
        if end <= start or (unit.path, start, end) in done:
            return False
        if any(g.action == "keep" and g.start < end and start < g.end
               for g in taken.get(unit.path, ())):
            return False  # a kept span on the line (the judgment, a date): it stays
        done.add((unit.path, start, end))
        out.append(Finding(
            unit_path=unit.path, section=unit.section, start=start, end=end,
            text=unit.text[start:end], rule=model.rule, ground=model.ground,
            detector=model.detector, entity=model.entity, score=model.score,
            action="remove", marker=model.marker,
            explanation=f"Sætningen fortsætter fra linjen {where} ('{model.text[:40]}'), "
                        f"som fjernes ({model.rule}); hele sætningen går."))
        return True

    for f in findings:
        if f.action != "remove" or f.detector != "lexicon" or f.rule not in NARRATIVE_RULES:
            continue
        i = by_path.get(f.unit_path)
        if i is None:
            continue
        text = units[i].text
        # forwards: the removal reaches the end of its line, which leaves the sentence open
        if f.end >= len(text.rstrip()):
            k = i
            for _ in range(_FOLLOW_LIMIT):
                if k + 1 >= len(units) or not _joins(units[k], units[k + 1], widths[k]):
                    break
                nxt = units[k + 1]
                _, cs = _content(nxt.text)
                spans = [s for s in sentences(nxt.text, words) if s.end > cs]
                if not spans:
                    break
                end = spans[0].end
                if not add(k + 1, cs, end, f, "før"):
                    break
                if end < len(nxt.text.rstrip()) or _ENDED.search(nxt.text[:end]):
                    break
                k += 1
        # backwards: the removal opens its line, and the line before leaves its sentence open
        _, cs = _content(text)
        if f.start <= cs + (len(text[cs:]) - len(text[cs:].lstrip())) and i > 0 \
                and _joins(units[i - 1], units[i], widths[i - 1]):
            prev = units[i - 1]
            spans = sentences(prev.text, words)
            if spans:
                _, ps = _content(prev.text)
                add(i - 1, max(spans[-1].start, ps), len(prev.text.rstrip()), f, "efter")
    return out


__all__ = ["NARRATIVE_RULES", "wrapped_sentences"]
