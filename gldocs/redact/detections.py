"""The recognizers' results for one unit, sorted back into the detectors' own types."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from gldocs.document.units import UNKNOWN, TextUnit
from gldocs.redact.detectors.lexicon import CategoryMatch
from gldocs.redact.detectors.names import NameCandidate
from gldocs.redact.detectors.ner import NerEntity
from gldocs.redact.detectors.patterns import PATTERN_ENTITIES, PatternMatch, resolve_overlaps
from gldocs.redact.lexicon import Lexicon

NER_ENTITIES = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "MISC"})


@dataclass
class UnitDetections:
    """What the recognizers found in one unit, in the order each recognizer reported it."""

    patterns: list[PatternMatch] = field(default_factory=list)  # no overlaps, sorted
    ner: list[NerEntity] = field(default_factory=list)
    names: list[NameCandidate] = field(default_factory=list)
    gazetteer_names: list[NameCandidate] = field(default_factory=list)
    categories: dict[str, list[CategoryMatch]] = field(default_factory=dict)
    protected: list[tuple[str, int, int]] = field(default_factory=list)  # (protect name, span)
    deny: list[tuple[int, int]] = field(default_factory=list)
    internal: list[tuple[int, int]] = field(default_factory=list)
    # the part's field rule on this unit: ("keep" or "remove", start, end, the key)
    section_field: tuple[str, int, int, str] | None = None
    section_all: list[tuple[int, int]] = field(default_factory=list)  # a part never sent


def drop_out_of_context(dets: Sequence[UnitDetections], units: Sequence[TextUnit],
                        contexts: Mapping[str, Lexicon]) -> None:
    """Drop the matches of each category in ``contexts`` (category -> its context lexicon:
    the policy's ``categories.<name>.context``) from ``dets`` unless the document is about
    prison or the police: one of its parts is a part of a handleplan or a case file (it is
    Kriminalforsorgen's own document), or a text of it holds a word of that lexicon.
    "Segregated" in a report on school classes is no prison discipline. One look per
    lexicon, only when the category matched somewhere."""
    if not contexts or any(u.section != UNKNOWN for u in units):
        return
    for cat, lexicon in contexts.items():
        if not any(cat in d.categories for d in dets):
            continue
        if any(lexicon.find(u.text) for u in units if u.text.strip()):
            continue
        for d in dets:
            d.categories.pop(cat, None)


def _seq(r: Any) -> int:
    return int(r.recognition_metadata.get("seq", 0))


def collect(text: str, results: Iterable[Any]) -> UnitDetections:
    """Sort presidio ``RecognizerResult``s of ``text`` by kind (see the recognizers'
    entity types) back into the order their recognizer emitted them."""
    det = UnitDetections()
    patterns: list[PatternMatch] = []
    for r in sorted(results, key=_seq):
        kind, meta = r.entity_type, r.recognition_metadata
        if kind in PATTERN_ENTITIES:
            patterns.append(PatternMatch(r.start, r.end, text[r.start:r.end], kind, r.score,
                                         meta["normalized"]))
        elif kind in NER_ENTITIES:
            det.ner.append(NerEntity(r.start, r.end, text[r.start:r.end], meta["label"],
                                     r.score))
        elif kind == "NAME_CANDIDATE":
            det.names.append(NameCandidate(r.start, r.end, text[r.start:r.end], r.score,
                                           meta["reason"]))
        elif kind == "GAZETTEER_NAME":
            det.gazetteer_names.append(NameCandidate(r.start, r.end, text[r.start:r.end],
                                                     r.score, meta["reason"]))
        elif kind.startswith("CATEGORY:"):
            cat = kind.split(":", 1)[1]
            det.categories.setdefault(cat, []).append(
                CategoryMatch(cat, r.start, r.end, text[r.start:r.end], meta["term"]))
        elif kind.startswith("PROTECTED:"):
            det.protected.append((kind.split(":", 1)[1], r.start, r.end))
        elif kind == "DENY":
            det.deny.append((r.start, r.end))
        elif kind == "INTERNAL_NOTE":
            det.internal.append((r.start, r.end))
        elif kind in ("SECTION_KEEP", "SECTION_REMOVE"):
            det.section_field = ("keep" if kind == "SECTION_KEEP" else "remove", r.start,
                                 r.end, meta["key"])
        elif kind == "SECTION_ALL":
            det.section_all.append((r.start, r.end))
    # a clash between types (a phone number inside a CPR number): the surer match wins
    det.patterns = resolve_overlaps(patterns)
    return det
