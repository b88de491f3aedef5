"""The export's last word: the policy analysis on what is actually sent.

Two checks, both fail closed (a :class:`~gldocs.errors.Leak` each, and the export stops):

1. **The redacted content, analysed again** (:func:`recheck`). The redacted case (fields,
   sections and coordination areas intact) or the redacted document, as it will be sent,
   goes through the same analysis as ``gldocs redact`` (:func:`gldocs.review.pipeline.
   analyze_document`: the one redaction facade, the same policy, areas and client). Every
   finding the policy would still remove is a leak unless the caseworker restored that
   text in the review decisions.

2. **Nothing in the final bytes but what was analysed and the renderer's own words**
   (:func:`unexplained_findings`). Every readable place of the final message and its
   attachments (page text, Word parts, headers, footers, comments, metadata, mail headers)
   is split into words; the words that belong to a known text are subtracted: the analysed
   texts of check 1, the renderer's fixed texts (:func:`gldocs.render.fixed_texts.
   fixed_texts`) and the export's own parameters (file names, reference, addresses). A
   known text explains words only as a whole sequence in order (a single word only when
   written exactly so), so a name is not explained by its parts standing elsewhere. What
   is left is analysed with the policy, twice: the leftover pieces on their own (at the
   strictest settings, section unknown) and each place with its context, where a finding
   that touches a leftover word counts. Any such finding is a leak.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from pydantic import BaseModel

from gldocs.document.base import SourceDocument
from gldocs.document.units import UNKNOWN, TextUnit
from gldocs.errors import Leak
from gldocs.export.places import Place
from gldocs.redact import Finding, Plan
from gldocs.text.normalize import normalise_text

KIND_POLICY = "politikken ville stadig fjerne"
KIND_UNEXPLAINED = "tekst uden for sagens redigerede indhold og skabelonens faste tekst"
EXCERPT = 80

_WORD = re.compile(r"[^\W\d_]+|\d+")  # runs of letters, runs of digits ("GlTypografi", "20")
# Places that hold no text: the PDF file identifier is a digest the PDF writer computes.
_NOT_TEXT = re.compile(r"PDF-trailer /ID")


def _norm(text: str) -> str:
    return " ".join(normalise_text(text).split()).casefold()


def _is_marker(text: str) -> bool:
    """A marker the redactor wrote ("[pårørende]", "[udeladt: helbred (rhl. § 10)]")."""
    t = text.strip()
    return t.startswith("[") and t.endswith("]") and "\n" not in t


def _excerpt(text: str) -> str:
    shown = " ".join(text.split())
    return shown if len(shown) <= EXCERPT else shown[: EXCERPT - 1] + "…"


# --------------------------------------------------------------------------- check 1


@dataclass
class Recheck:
    """What the redacted content was analysed as, and what the analysis still found."""

    document: SourceDocument
    plan: Plan
    leaks: list[Leak] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        """The analysed texts (every unit of the redacted content)."""
        return [u.text for u in self.document.units]


def still_removed(plan: Plan) -> list[Finding]:
    """The findings the policy would remove, markers left out."""
    return [f for f in plan.findings if f.action == "remove" and not _is_marker(f.text)
            and f.text.strip()]


def approved(finding: Finding, restored: Sequence[Finding], same_unit: bool) -> bool:
    """Whether the caseworker restored ``finding``'s text (in its unit, for a case)."""
    text = _norm(finding.text)
    return bool(text) and any(
        text in _norm(r.text) and (not same_unit or r.unit_path == finding.unit_path)
        for r in restored)


def recheck(document: SourceDocument, plan: Plan, restored: Sequence[Finding], file: str,
            same_unit: bool) -> Recheck:
    """Leaks: findings in the re-analysed redacted ``document`` the caseworker did not
    restore. ``same_unit``: a restore counts in its own field only (a case, whose field
    paths stay the same); a re-read document has new unit paths, so any restore of the
    text counts."""
    result = Recheck(document, plan)
    for f in still_removed(plan):
        if approved(f, restored, same_unit):
            continue
        result.leaks.append(Leak(file, f.unit_path, _excerpt(f.text),
                                 f"{KIND_POLICY} ({f.rule}, {f.entity.lower()}) i det "
                                 "redigerede indhold"))
    return result


# --------------------------------------------------------------------------- check 2


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str


def tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]


class KnownTexts:
    """Texts that explain words of the final bytes: as whole word sequences, in order."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._singles: set[str] = set()
        by_first: dict[str, set[tuple[str, ...]]] = {}
        for text in texts:
            for piece in _pieces(normalise_text(text)):
                words = tuple(t.text for t in tokens(piece))
                if len(words) == 1:
                    self._singles.add(words[0])
                elif words:
                    folded = tuple(w.casefold() for w in words)
                    by_first.setdefault(folded[0], set()).add(folded)
        self._by_first = {k: sorted(v, key=len, reverse=True) for k, v in by_first.items()}
        self._singles_folded = {w.casefold() for w in self._singles}

    def explain(self, toks: Sequence[_Token]) -> list[bool]:
        """Per token: whether a known text explains it.

        Word sequences are matched first in the words as they stand, then in the words
        still unexplained (so a page header between the two halves of a wrapped paragraph
        does not hide the paragraph); a single word last, written exactly so."""
        done = [False] * len(toks)
        self._match(toks, done, list(range(len(toks))))
        for _ in range(2):
            if not self._match(toks, done, [i for i, d in enumerate(done) if not d]):
                break
        for i, t in enumerate(toks):  # a word in lower case is no name: any case explains it
            done[i] = done[i] or t.text in self._singles or (
                t.text.islower() and t.text in self._singles_folded)
        return done

    def _match(self, toks: Sequence[_Token], done: list[bool], idx: list[int]) -> bool:
        folded = [toks[i].text.casefold() for i in idx]
        changed = False
        j = 0
        while j < len(idx):
            matched = 0
            for seq in self._by_first.get(folded[j], ()):
                if tuple(folded[j:j + len(seq)]) == seq:
                    matched = len(seq)
                    break
            for k in range(j, j + matched):  # matches may overlap: next start is j + 1
                if not done[idx[k]]:
                    done[idx[k]] = changed = True
            j += 1
        return changed


def _pieces(text: str) -> list[str]:
    """A known text, and its lines and sentences (a rendering may break it anywhere)."""
    out = [text]
    for line in text.split("\n"):
        out.append(line)
        out += re.split(r"(?<=[.!?;:])\s+", line)
    return [p for p in out if p.strip()]


@dataclass
class _PlaceView:
    place: Place
    text: str
    toks: list[_Token]
    explained: list[bool]

    def leftover_segments(self) -> list[tuple[int, int]]:
        """Character spans of the runs of consecutive unexplained words."""
        spans: list[tuple[int, int]] = []
        run: list[_Token] = []
        for tok, ok in zip(self.toks, self.explained, strict=True):
            if ok:
                if run:
                    spans.append((run[0].start, run[-1].end))
                run = []
            else:
                run.append(tok)
        if run:
            spans.append((run[0].start, run[-1].end))
        return spans

    def touches_leftover(self, start: int, end: int, text: str) -> bool:
        """Whether a finding at ``start:end`` covers a leftover word. A finding of words
        counts by its leftover words, not by a leftover number beside them (a date the
        template formats); a finding of a number (a phone number) by its digits."""
        numeric = not _has_letters(text)
        return any(not ok and t.start < end and start < t.end
                   and (numeric or not t.text.isdigit())
                   for t, ok in zip(self.toks, self.explained, strict=True))


READING_ORDER = " (tekst i læserækkefølge)"


def _same_words_as_plain(place: Place, plain: dict[str, Place]) -> bool:
    """A PDF page read in reading order (table cells side by side) holds the words of the
    page's plain text, which is checked; it counts only when it has a word beyond those."""
    if not place.place.endswith(READING_ORDER):
        return False
    sibling = plain.get(place.place.removesuffix(READING_ORDER) + " (tekst)")
    if sibling is None:
        return False
    words = {t.text for t in tokens(normalise_text(place.text))}
    return words <= {t.text for t in tokens(normalise_text(sibling.text))}


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def place_views(places: Sequence[Place], known: KnownTexts) -> list[_PlaceView]:
    """The readable places (not raw-byte fallbacks) with words left unexplained."""
    views: list[_PlaceView] = []
    seen: set[str] = set()
    plain = {p.place: p for p in places if not p.fallback}
    for place in places:
        if place.fallback or _NOT_TEXT.search(place.place) or _same_words_as_plain(place, plain):
            continue
        text = normalise_text(place.text)
        if not text.strip() or text in seen:
            continue
        seen.add(text)
        toks = tokens(text)
        explained = known.explain(toks)
        view = _PlaceView(place, text, toks, explained)
        if any(_has_letters(text[a:b]) for a, b in view.leftover_segments()):
            views.append(view)
    return views


def leftover_document(views: Sequence[_PlaceView], base: SourceDocument) -> SourceDocument:
    """One document of what is left: per place its lines with context (``ctx``) and its
    leftover pieces alone (``rest``), for one analysis."""
    from gldocs.document.sections import label_lines

    units: list[TextUnit] = []
    for n, view in enumerate(views):
        lines = view.text.split("\n")
        labels = label_lines(lines)
        for i, (line, label) in enumerate(zip(lines, labels, strict=True)):
            if line.strip():
                units.append(TextUnit(label, f"ctx{n}/{i}", line))
        for i, (a, b) in enumerate(view.leftover_segments()):
            if _has_letters(view.text[a:b]):
                units.append(TextUnit(UNKNOWN, f"rest{n}/{i}", view.text[a:b]))
    return SourceDocument(path=base.path, kind="txt", units=units,
                          client_name=base.client_name, client_cpr=base.client_cpr,
                          meta={k: v for k, v in base.meta.items() if k == "people"})


def unexplained_findings(views: Sequence[_PlaceView], plan: Plan, file: str) -> list[Leak]:
    """Leaks: findings in the leftover pieces, or touching a leftover word in context."""
    line_starts: dict[str, int] = {}
    for n, view in enumerate(views):
        offset = 0
        for i, line in enumerate(view.text.split("\n")):
            line_starts[f"ctx{n}/{i}"] = offset
            offset += len(line) + 1
    leaks: list[Leak] = []
    seen: set[tuple[str, str]] = set()
    for f in still_removed(plan):
        if f.unit_path.startswith("ctx"):
            n = int(f.unit_path.removeprefix("ctx").split("/")[0])
            start = line_starts[f.unit_path] + f.start
            if not views[n].touches_leftover(start, line_starts[f.unit_path] + f.end,
                                             f.text):
                continue
        else:
            n = int(f.unit_path.removeprefix("rest").split("/")[0])
        key = (views[n].place.place, _norm(f.text))
        if key in seen:
            continue
        seen.add(key)
        leaks.append(Leak(file, views[n].place.place, _excerpt(f.text),
                          f"{KIND_POLICY} ({f.rule}, {f.entity.lower()}): "
                          f"{KIND_UNEXPLAINED}"))
    return leaks


def case_values(value: Any) -> list[str]:
    """The values of a case that are no text fields (dates, numbers, choices), as the
    renderer writes them: the templates print them beside the analysed text."""
    from gldocs.dates import format_dato

    if isinstance(value, BaseModel):
        return [v for name in type(value).model_fields
                for v in case_values(getattr(value, name))]
    if isinstance(value, list | tuple):
        return [v for item in value for v in case_values(item)]
    if isinstance(value, Enum):
        return [str(value.value)]
    if isinstance(value, date):
        return [format_dato(value), value.isoformat()]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [str(value)]
    return []


def known_texts(analysed: Iterable[str], extra: Iterable[str | None]) -> KnownTexts:
    """The analysed texts, the renderer's fixed texts and the export's own parameters."""
    from gldocs.render.fixed_texts import fixed_texts

    return KnownTexts([*analysed, *fixed_texts(), *(e for e in extra if e)])
