"""How the redactor reads a line before any detector sees it (one length for one length).

Two foldings keep every offset (so findings land on the original characters):

- **Quoted mail.** The quote marks that open a line of a forwarded or answered mail
  (``>``, ``>>``, ``> >``) are read as blanks: a quoted signature, sender line or
  sentence is read like an unquoted one (a sender's private address, a relative's
  signature and phone number, a name at a line's start).
- **OCR look-alikes** (a scanned paper document). In a word that mixes digits and letters
  and whose letters are all ``l``, ``I``, ``O`` or ``o``, those letters are read as the
  digits they stand for (``140306-44l7``, ``2O 41 l7 93``, ``XK 7O 218``); in a name-like
  word (a capital, then lower case) a ``0`` or ``1`` inside it, or opening it before lower
  case, is read as the letter (``0le`` -> ``Ole``, ``Wi1strup`` -> ``Wilstrup``).
  What the map is based on: in the annotated sets (dev, held-out, unseen8-11) and the
  real-world DOCX/PDF files, words mixing digits with ``l I O o`` occur only in the OCR'd
  document, while ``B`` and ``S`` beside digits are real codes (house ``57B``, level
  ``B2``, ``4B``), so they are not read as ``8``/``5``; ``|`` is a table's column bar,
  not a ``1``; a digit at a word's end is a real suffix (``Text1``, ``Liste1``,
  ``again1``), so it is not read as a letter.

An identifier or name that was found only because of the map is removed and flagged for
review (:func:`flag_ocr`): the caseworker sees what the scan said.

A name broken over two lines (``… en bekendt, Ole`` / ``Brandt, som …``, a given name
at the end of one quoted line and the surname at the start of the next) is joined for
the analysis by :func:`name_breaks` (through :func:`gldocs.text.normalize.normalise_units`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from gldocs.redact.model import Finding, finding_id

# the quote marks that open a line of a quoted mail, with the space after each
_QUOTE_PREFIX = re.compile(r"[ \t]*>(?:[ \t]*>)*[ \t]?")
# a word with a digit and a letter side by side (the quick test before the word scan): a
# digit with a letter before or after it. It opens with the digit (not an alternative of
# two classes) so that ``re`` scans for digits at C speed instead of trying every position
_MIXED_HINT = re.compile(r"\d(?:(?<=[^\W\d_]\d)|(?=[^\W\d_]))")
_WORD = re.compile(r"[^\W_]+")
_TO_DIGIT = str.maketrans({"l": "1", "I": "1", "O": "0", "o": "0"})
_DIGIT_LOOKALIKES = frozenset("lIOo")
# a name-like word once its 0/1 are letters: a capital (or not), then lower case
_NAME_LIKE = re.compile(r"[A-ZÆØÅ]?[a-zæøåéü]+")

# the score of a removal that needed the look-alike map: below review_below (flagged)
OCR_SCORE = 0.45
OCR_NOTE = "Læst gennem OCR-tegnkortet (fx l→1, O→0): tjek den scannede tekst."


def _read_word(word: str) -> str:
    """``word`` as the scan meant it (unchanged when the map does not apply)."""
    letters = [c for c in word if not c.isdigit()]
    if not letters or len(letters) == len(word):
        return word
    if all(c in _DIGIT_LOOKALIKES for c in letters):
        return word.translate(_TO_DIGIT)
    digits = [k for k, c in enumerate(word) if c.isdigit()]
    if any(word[k] not in "01" for k in digits) or len(digits) * 3 > len(word) \
            or digits[-1] == len(word) - 1:
        return word
    chars = list(word)
    for k in digits:
        if k == 0:
            chars[k] = "O" if word[k] == "0" else "I"
        else:
            chars[k] = "o" if word[k] == "0" else "l"
    read = "".join(chars)
    return read if _NAME_LIKE.fullmatch(read) else word


def ocr_words(text: str) -> list[tuple[int, int, str]]:
    """The words of ``text`` the look-alike map reads differently: (start, end, reading)."""
    if not _MIXED_HINT.search(text):
        return []
    out = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word.isalpha() or word.isdigit():
            continue
        read = _read_word(word)
        if read != word:
            out.append((m.start(), m.end(), read))
    return out


def fold(text: str) -> str:
    """``text`` as the redactor reads it (same length): quote marks blanked, OCR
    look-alikes read."""
    if text[:1] in (">", " ", "\t") and (m := _QUOTE_PREFIX.match(text)) and ">" in m.group():
        text = " " * m.end() + text[m.end():]
    words = ocr_words(text)
    if not words:
        return text
    parts, last = [], 0
    for start, end, read in words:
        parts.append(text[last:start])
        parts.append(read)
        last = end
    parts.append(text[last:])
    return "".join(parts)


# a name word at the end of a line: a capital, lower case (a hyphenated second part)
_LAST_WORD = re.compile(r"(?<![^\W\d_])([A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?)[ \t]*$")
_FIRST_WORD = re.compile(r"[ \t]*([A-ZÆØÅ][a-zæøåéü]{2,}(?:-[A-ZÆØÅ][a-zæøåéü]+)?)(?=[ \t,;)]|$)")
# a word of running text before the name on its line ("hendes ex Mads", "en bekendt, Ole")
_PROSE = re.compile(r"(?<![^\W\d_])[a-zæøå]{2,}[ \t,]+(?:[^\W\d_]+[ \t,]+)*$")


def name_breaks(given: Callable[[str], bool], not_surname: Callable[[str], bool],
                danish: Callable[[str], bool] = lambda _line: True
                ) -> Callable[[str, str], tuple[int, int, int] | None]:
    """The :data:`~gldocs.text.normalize.NameBreak` of a policy: a line of running Danish
    text (``danish``: a line of an English or German letter is not joined) that ends with
    a given name (``given``), the next line opening with a capitalised word that may be a
    surname (not ``not_surname``: a title, a role or organisation word, an ordinary word
    that a sentence may open with)."""

    def breaks(line: str, nxt: str) -> tuple[int, int, int] | None:
        if not line or (not line[-1:].isalpha() and line[-1:] not in " \t"):
            return None
        last = _LAST_WORD.search(line)
        if last is None or not given(last.group(1)) or \
                not _PROSE.search(line, 0, last.start(1)):
            return None
        first = _FIRST_WORD.match(nxt)
        if first is None or not_surname(first.group(1)) or not danish(line):
            return None
        return last.end(1), first.start(1), first.end(1)

    return breaks


@dataclass(frozen=True)
class OcrSpans:
    """Per unit path, the spans of the words the look-alike map read (view offsets)."""

    spans: dict[str, list[tuple[int, int]]]
    texts: dict[str, str]  # the unit's view before the fold (what the scan says)

    @classmethod
    def of(cls, paths: Sequence[str], before: Sequence[str]) -> OcrSpans:
        spans: dict[str, list[tuple[int, int]]] = {}
        texts: dict[str, str] = {}
        for path, text in zip(paths, before, strict=True):
            words = ocr_words(text)
            if words:
                spans[path] = [(a, b) for a, b, _ in words]
                texts[path] = text
        return cls(spans, texts)


def flag_ocr(findings: list[Finding], ocr: OcrSpans) -> None:
    """A removal over a word the look-alike map read: flagged for review with what the
    scan says (in place); a kept finding there keeps the scan's text too."""
    if not ocr.spans:
        return
    for f in findings:
        spans = ocr.spans.get(f.unit_path)
        if not spans or not any(a < f.end and f.start < b for a, b in spans):
            continue
        text = ocr.texts[f.unit_path]
        if f.end <= len(text):
            f.text = text[f.start:f.end]
            f.id = finding_id(f.unit_path, f.text)
        if f.action == "remove":
            f.score = min(f.score, OCR_SCORE)
            f.review = True
            if OCR_NOTE not in f.explanation:
                f.explanation = f"{f.explanation} {OCR_NOTE}".strip()
