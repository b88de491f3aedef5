"""Document structure that spans units: internal-note blocks, heading blocks, signatures,
case-file records. Found once per document, before the recognizers run."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from gldocs.document.sections import normalise
from gldocs.document.units import TextUnit
from gldocs.redact.internal_notes import NoteSpans, internal_note_spans
from gldocs.redact.person_words import PersonPatterns, is_closing, person_patterns
from gldocs.redact.policy import HeadingBlock, Policy
from gldocs.redact.prefilter import with_first_char_gate
from gldocs.redact.wordlists import WordLists
from gldocs.text.alternation import whole_word

BlockSpec = tuple[HeadingBlock, list[tuple[str, re.Pattern[str]]]]


@dataclass(frozen=True)
class Layout:
    """Per unit (same order as the units): internal-note spans and the heading block it
    lies in; and the paths of signature lines."""

    internal: list[NoteSpans]
    blocks: list[HeadingBlock | None]
    signature: frozenset[str]


class LayoutReader:
    """Reads a document's :class:`Layout` by the policy's headings (built once)."""

    def __init__(self, policy: Policy,
                 shows_office: Callable[[str], bool] | None = None,
                 person_words: WordLists | None = None,
                 sentence_words: WordLists | None = None) -> None:
        """``shows_office``: whether a line shows that the sender writes in office (a
        signature block counts as a professional's only with such a line);
        ``person_words``: the bundle's (letter closings), ``sentence_words`` too (where an
        internal note's sentence starts); default: the bundled kommune policy's."""
        self._note_headings = policy.internal_notes.headings
        self._shows_office = shows_office
        self._person = person_patterns(person_words)
        self._sentence_words = sentence_words
        # heading blocks: each heading normalised, with its whole-word search, once
        self._block_specs: list[BlockSpec] = [
            (b, [(h, whole_word(re.escape(h)))
                 for h in (normalise(x) for x in b.headings)])
            for b in policy.heading_blocks.values()]
        # the blocks' leads (a paragraph whose first sentence holds one is inside the block)
        self._lead_specs: list[tuple[HeadingBlock, re.Pattern[str]]] = [
            (b, whole_word("|".join(_lead_pattern(normalise(x)) for x in b.leads)))
            for b in policy.heading_blocks.values() if b.leads]
        # any heading as a whole word: a line without one opens no block (either way of
        # opening one needs it), so the headings one by one are tried only on a line with one
        # (longest first, ties in a fixed order: the same pattern text in every process)
        heads = sorted({h for _, hs in self._block_specs for h, _ in hs},
                       key=lambda h: (-len(h), h))
        self._any_heading = whole_word("|".join(map(re.escape, heads))) if heads else None
        if self._any_heading is not None:
            self._any_heading = with_first_char_gate(self._any_heading)

    def read(self, units: Sequence[TextUnit]) -> Layout:
        return Layout(internal=internal_note_spans(units, self._note_headings, self._person,
                                                   self._sentence_words),
                      blocks=self._heading_blocks(units),
                      signature=frozenset(signature_units(units,
                                                          shows_office=self._shows_office,
                                                          person=self._person)))

    def _heading_blocks(self, units: Sequence[TextUnit]) -> list[HeadingBlock | None]:
        """The heading block (policy ``heading_blocks``) each unit lies in, if any. A short
        heading line ("DOMMEN", "15/12 – om dommen") opens a block up to the next blank line
        or part; a paragraph opened by "Selve sagen: …" is a block by itself."""
        specs = self._block_specs
        out: list[HeadingBlock | None] = []
        active: HeadingBlock | None = None
        section = None
        for u in units:
            text = u.text.strip()
            if active is not None and (not text or u.section != section):
                active = None
            opened, inline = _block_opened(text, specs, self._any_heading) \
                if specs and text else (None, False)
            if opened is None and active is None and text and self._lead_specs:
                lead = _lead_opened(text, self._lead_specs)
                if lead is not None:  # the paragraph alone (its own line) is the block
                    out.append(lead)
                    continue
            if opened is not None:
                active, section = opened, u.section
                # the heading line itself (with its date and initials) is no narrative
                out.append(active if inline else None)
                continue
            out.append(active)
        return out


def signature_units(units: Sequence[TextUnit], max_lines: int = 8,
                    shows_office: Callable[[str], bool] | None = None,
                    person: PersonPatterns | None = None) -> set[str]:
    """Paths of the lines of a signature block: after "Med venlig hilsen" (or the like) up
    to the next blank line (a blank line right under the closing, before the name, opens
    no gap: "Med venlig hilsen" / "" / "Lasse Vinding"). They belong to the sender, a
    professional writing in office.

    ``shows_office``: a block counts only when one of its lines shows the office (a title,
    an organisation, an authority's e-mail address): "Mvh / Line Kvist / 31 42 77 09" is
    nobody's office, and its number no professional's (fail closed)."""
    out: set[str] = set()
    block: list[TextUnit] = []
    active = 0

    def close() -> None:
        if block and (shows_office is None or any(shows_office(b.text) for b in block)):
            out.update(b.path for b in block)
        block.clear()

    for u in units:
        if active and not u.text.strip():
            # (the blank lines between the closing and the name are part of the layout)
            active = active - 1 if not block and active > max_lines - 2 else 0
        elif active:
            block.append(u)
            active -= 1
        if not active:
            close()
        if is_closing(u.text, person):
            close()
            active = max_lines
    close()
    return out


_RECORD = re.compile(r"^(.*\[\d+\])\.[^.\[\]]+$")


def record_of(path: str) -> str | None:
    """``personer[0]`` for ``personer[0].adresse``: units of one record in a case file."""
    m = _RECORD.match(path)
    return m.group(1) if m else None


_REMARK_BEFORE_COLON = re.compile(r"^([^():]{1,60}?)[ \t]*\([^()]{1,40}\)[ \t]*:")


# the rest of a key after its heading word: a few words naming a sender, no sentence end
_SOURCE_BEFORE_COLON = re.compile(r"[ \t]+[^:.!?\n]{2,50}:")


def _lead_pattern(lead: str) -> str:
    """A lead's words as a search that lets one adverb stand after its verb ("fortæller
    også om dommen", "forklarede selv om forløbet")."""
    verb, _, rest = lead.partition(" ")
    if not rest:
        return re.escape(verb)
    return rf"{re.escape(verb)}\s+(?:\w+\s+)?{re.escape(rest)}"


# a field's key written in quotes, as a JSON export has it ('"gerningsbeskrivelse": "…"')
_QUOTED_KEY = re.compile(r"""^["'“”]([^"'“”:\n]{1,60})["'“”][ \t]*:""")


def unquoted_key(text: str) -> str:
    """``text`` with a quoted key at its start written as a plain key: '"dom": "…"' ->
    'dom: "…"'."""
    return _QUOTED_KEY.sub(r"\1:", text, count=1)


# what opens a journal entry before its heading: a line number, a date, initials in
# brackets and a dash, in any order (normalised: lower case)
_ENTRY_PREFIX = re.compile(
    r"^(?:(?:\d{1,5}|\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?|\([a-zæøå]{2,4}\)|[-–:])\s+)+")
# a "Nøgle: værdi" line with a value after the colon (not a clock time: "kl. 10:30")
_FIELD_WITH_VALUE = re.compile(r"^[^:\n]{1,60}(?<!\d):[ \t]*\S")
_FIRST_SENTENCE = re.compile(r"^[^.!?\n]{3,100}[.!?:](?=\s|$)")
LEAD_WORDS = 10  # words of a first sentence that can be a lead (a short announcing one)


def _lead_opened(text: str, leads: list[tuple[HeadingBlock, re.Pattern[str]]]
                 ) -> HeadingBlock | None:
    """The block whose lead the paragraph's short first sentence holds ("Filmon fortæller
    om overtrædelsen."): the paragraph after it tells the act."""
    m = _FIRST_SENTENCE.match(text)
    if m is None or len(m.group().split()) > LEAD_WORDS:
        return None
    norm = normalise(m.group())
    for block, lead in leads:
        if lead.search(norm):
            return block
    return None


def _block_opened(text: str, specs: list[BlockSpec], any_heading: re.Pattern[str] | None = None
                  ) -> tuple[HeadingBlock | None, bool]:
    """The heading block a line opens, and whether the line is itself part of it: a short
    heading-like line (no final full stop) that holds a heading opens a block below it; a
    paragraph that starts with ``<heading>:`` is inside its own block. ``any_heading``:
    every heading of ``specs`` as one whole-word search (a quick "none here")."""
    norm = normalise(unquoted_key(text.lstrip())[:120])  # "<heading>:" sits at the start
    if any_heading is not None and not any_heading.search(norm):
        return None, False
    # a field with its value ("Særlige vilkår i dommen: opholdsforbud i 5 år") is no heading
    # over the lines below: only a key that is itself a heading opens a block, its own
    short = len(text) <= 80 and not text.endswith(".") and not _FIELD_WITH_VALUE.match(text)
    # "Gerningsbeskrivelse (fra dommen): …": a remark in brackets before the colon
    keyed = _REMARK_BEFORE_COLON.sub(r"\1:", norm, count=1)
    # a journal entry's heading after its line number, date and initials ("0033  01.12.2025
    # Om dommen.", "12.11.2026 (MKA) - om forholdet."): the rest is the heading alone
    entry = _ENTRY_PREFIX.sub("", norm, count=1).rstrip(" .:")
    for block, heads in specs:
        for h, as_word in heads:
            if entry == h and entry != norm.rstrip(" .:"):
                return block, False
            # "<heading>:" or a paragraph opened by the heading as its own sentence ("Om
            # dommen. Jeg ved godt, det var dumt. …")
            if keyed.startswith((h + ":", h + ". ")):
                return block, True
            if block.skip_categories and keyed.startswith(h + " ") and \
                    _SOURCE_BEFORE_COLON.match(keyed, len(h)):
                # "Udskrivningsnotat fra Hvidovre Hospital: Stiksår …": a quoted letter
                # named with its sender before the colon (only for a block that keeps)
                return block, True
            if short and as_word.search(norm):
                return block, False
    return None, False
