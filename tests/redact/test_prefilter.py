"""The lexicon prefilter (gldocs.redact.prefilter): the strings a pattern requires, and that
running only the patterns a text can match never changes what the patterns find."""

from __future__ import annotations

import importlib
import random
import re
from pathlib import Path

import pytest

from gldocs.redact.bundle import load_bundle
from gldocs.redact.prefilter import (
    SAFE,
    PatternIndex,
    required_literals,
    required_sets,
    safe_lower,
    text_words,
)

HELDOUT = Path(__file__).resolve().parent / "heldout"


def test_safe_characters_match_case_insensitively_exactly_when_lower_case_is_equal() -> None:
    for a in SAFE:
        assert len(a.lower()) == 1 and a.lower() in SAFE
        for b in SAFE:
            same = re.fullmatch(re.escape(a), b, re.IGNORECASE) is not None
            assert same == (a.lower() == b.lower()), (a, b)


def test_digits_are_the_only_safe_characters_a_digit_class_matches() -> None:
    digits = {c for c in SAFE if re.fullmatch(r"\d", c, re.IGNORECASE)}
    assert digits == set("0123456789")


def test_lower_case_keeps_the_words_of_a_safe_text() -> None:
    """The words of a lower-cased SAFE text are its words lower-cased (the lexicon's word
    pass and the prefilter's see the same words)."""
    word = re.compile(r"[^\W_]")
    for c in SAFE:
        assert bool(word.fullmatch(c)) == bool(word.fullmatch(c.lower())), c


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bfor\s+sent\b", {"sent"}),
    (r"\b(?:afghansk|albansk)\w*", {"afghansk", "albansk"}),
    (r"\b\d+\s*(?:min|timer?)\s+(?:for\s+sent|forsinket)", {"sent", "sinket"}),
    (r"(?-i:\b(?:MC|M\.C\.)\s+[A-ZÆØÅ]\w+)", {"mc", "m.c."}),
    (r"Fængsel(?:et)?", {"fængsel"}),
    (r"a|b\w", {"a", "b"}),
    (r"\w+", None),  # nothing is required
    (r"(a)\1", None),  # back-references are not read
    (r"x|\w+", None),  # one alternative requires nothing
    (r"ſent", None),  # the long s matches "s": a character outside SAFE, no prefilter
    (r"x|\d+", {"x", *"0123456789"}),  # a digit: one of ten characters
])
def test_required_literals(pattern: str, expected: set[str] | None) -> None:
    got = required_literals(pattern)
    assert (set(got) if got is not None else None) == expected


def test_every_required_set_is_returned_most_selective_first() -> None:
    sets = required_sets(r"\bi\s+fare\s+for\s+(?:repressalier|hævn)")
    assert sets == ({"fare"}, {"repressalier", "hævn"}, {"for"}, {"i"})


def test_a_string_no_safe_character_can_match_is_left_out_of_its_set() -> None:
    """µ matches only itself and Greek mu, none of them SAFE: "µg" cannot occur in a SAFE
    text, so the units that can are still required."""
    sets = required_sets(r"\b\d+\s?(?:mg|µg|ml)\b")
    assert {"mg", "ml"} in sets
    index = PatternIndex([re.compile(r"\b\d+\s?(?:mg|µg|ml)\b", re.IGNORECASE)])
    assert index.candidates("5 mg") == [0]
    assert index.candidates("5 µg") == [0]  # not a SAFE text: always run
    assert index.candidates("kl. 5 kom han") == []


def test_a_text_outside_safe_is_read_as_re_reads_it() -> None:
    index = PatternIndex([re.compile(r"\bsent\b", re.IGNORECASE)])
    assert re.search(r"\bsent\b", "ſent", re.IGNORECASE)  # the long s is an s for re
    assert safe_lower("ſent") is None
    assert text_words("ſent") == ("sent", frozenset({"sent"}), frozenset({"ſ"}))
    assert index.candidates("ſent") == [0]
    assert index.candidates("for tidligt") == []
    assert index.candidates("kom for SENT hjem") == [0]
    # a dash and quotes have no case: read as themselves, the text is filtered
    assert text_words("kl. 10 – “for sent”")[0] == "kl. 10 – “for sent”"
    assert index.candidates("kl. 10 – “for sent”") == [0]
    assert index.candidates("kl. 10 – “for tidligt”") == []
    # a letter no SAFE one matches reads as a space; a digit outside SAFE: no prefilter
    assert text_words("Aydoğan sent")[0] == "aydo an sent"
    assert index.candidates("Aydoğan kom") == []
    assert text_words("٣ timer for sent")[0] is None
    assert PatternIndex([re.compile(r"\d+\s?timer", re.IGNORECASE)]).candidates("٣ timer") == [0]


def test_a_character_without_case_matches_only_itself() -> None:
    """What the prefilter's reading of characters outside SAFE rests on, for every
    character: one ``re`` treats as without case is its own lower case, and no character's
    lower case (nor any of ``re``'s extra case pairs) is another character without case."""
    import _sre

    from gldocs.redact.prefilter import caseless

    for code in range(0x110000):
        char = chr(code)
        if not _sre.unicode_iscased(code):
            assert char.lower() == char, hex(code)
        lower = _sre.unicode_tolower(code)
        assert lower == code or _sre.unicode_iscased(lower), hex(code)
    extra = importlib.import_module("re._casefix")._EXTRA_CASES
    assert all(_sre.unicode_iscased(k) and all(map(_sre.unicode_iscased, v))
               for k, v in extra.items())
    assert caseless("–") and caseless("’") and not caseless("ğ") and not caseless("a")


def test_a_text_with_a_cased_character_a_pattern_writes_outside_safe_is_not_filtered() -> None:
    """"µg" is left out of the set {"mg", "ml"}: a text with µ (or Greek mu, which µ
    matches) runs the pattern; one with a dash only is filtered."""
    index = PatternIndex([re.compile(r"\b\d+\s?(?:mg|µg|ml)\b", re.IGNORECASE)])
    assert index.candidates("5 µg – dagligt") == [0]
    assert index.candidates("5 \u03bcg") == [0]
    assert index.candidates("5 stk – dagligt") == []


@pytest.mark.parametrize("padding", [0, 20])  # a few patterns one by one, many by words
def test_strings_inside_words_and_across_words(padding: int) -> None:
    index = PatternIndex([re.compile(p, re.IGNORECASE) for p in (
        r"\bvisit\w*", r"\w*ekstrem\w*", r"\ba-kasse\w*", r"\bud\s*tider\b", r"\bfor\s+sent\b",
        *(f"\\bqq{k}zz\\b" for k in range(padding)))])
    assert index.candidates("Højreekstremt miljø") == [1]
    assert index.candidates("VISITATION af cellen") == [0]
    assert index.candidates("hans A-kasse") == [2]
    assert index.candidates("overholdt ikke udetider") == [3]
    assert index.candidates("kom for sent") == [4]
    assert index.candidates("for tidligt, sent på dagen") == [4]  # required, not sufficient
    assert index.candidates("kom sent for") == [4]
    assert index.candidates("hospitalsvisit") == [0]  # at the end of a word
    assert index.candidates("qq3zz") == ([] if padding < 4 else [8])


# characters outside SAFE: without case, cased with a SAFE match (long s, Kelvin sign,
# Angstrom sign), cased without one, a digit
_OUTSIDE = ("–", "—", "’", "‘", "“", "”", "„", "…", "€", "•", "\u2003", "ſ", "\u212a", "\u212b",
            "µ", "\u03bc", "ğ", "ś", "İ", "ı", "Σ", "ẞ", "٣")


def _texts() -> list[str]:
    texts = [line for doc in sorted(HELDOUT.glob("*.txt"))
             for line in doc.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(11)
    words = " ".join(texts).split()
    for _ in range(400):
        t = " ".join(rng.choice(words) for _ in range(rng.randint(1, 20)))
        texts.append(t.upper() if rng.random() < 0.3 else t)
    for _ in range(400):  # the same with characters outside SAFE put in and swapped in
        t = list(" ".join(rng.choice(words) for _ in range(rng.randint(1, 20))))
        for _ in range(rng.randint(1, 4)):
            k = rng.randrange(len(t) + 1)
            t[k:k + rng.randint(0, 1)] = [rng.choice(_OUTSIDE)]
        texts.append("".join(t))
    # letters written as the characters outside SAFE that re matches them to: the same
    # matches, which the prefilter must still see
    for text in texts[:300]:
        texts.append(text.replace("s", "ſ").replace("K", "\u212a").replace("å", "\u212b"))
    return texts


@pytest.mark.slow
def test_the_patterns_a_text_can_match_are_all_the_patterns_that_match_it() -> None:
    """On our held-out documents and shuffled word salads of them, for every pattern and
    exception of the shipped policy: a pattern left out by the index has no match."""
    bundle = load_bundle("kommune")
    patterns = [p for lx in bundle.lexicons.values() for p in (*lx.patterns, *lx.exceptions)]
    index = PatternIndex(patterns)
    texts = _texts()
    skipped = 0
    for text in texts:
        candidates = set(index.candidates(text))
        matching = {k for k, p in enumerate(patterns) if p.search(text)}
        assert matching <= candidates, (text, [patterns[k].pattern for k in matching])
        skipped += len(patterns) - len(candidates)
    assert skipped > len(texts) * len(patterns) * 0.8  # the index did skip most patterns


@pytest.mark.slow
def test_patterns_checked_one_by_one_are_those_found_through_the_words() -> None:
    """The two ways an index answers agree on every text: through the text's words (many
    patterns) and pattern by pattern (``among``; small sets searched for in the text)."""
    bundle = load_bundle("kommune")
    patterns = [p for lx in bundle.lexicons.values() for p in (*lx.patterns, *lx.exceptions)]
    index = PatternIndex(patterns)
    every = range(len(patterns))
    for text in _texts():
        assert index.candidates(text) == index.candidates(text, every), text


def _meets_every_set(index: PatternIndex, k: int, text: str) -> bool:
    """The reference answer: every required set of pattern ``k`` has a string in the
    lower-cased text (a plain substring search, no words, no masks)."""
    lowered = text_words(text)[0]
    assert lowered is not None
    return all(any(x in lowered for x in req.strings) for req in index._required.get(k, ()))


def test_the_word_masks_answer_as_a_substring_search_of_every_set() -> None:
    """An index of many patterns reads a text's words once into a mask of the required sets
    they meet; its answers, through the words and for some of the patterns (``among``),
    are those of searching the text for each set's strings."""
    patterns = [re.compile(p, re.IGNORECASE) for p in (
        r"\bi\s+fare\s+for\s+(?:repressalier|hævn)", r"\b\d+\s?(?:mg|ml)\s+(?:dagligt|x\s?2)",
        r"(?:røveri|tyveri)\s+(?:af|fra)\s+\w+", r"\bvisit\w*\s+af\s+cell\w*",
        r"\bstra[fk]\w*\s+-\s+sag", r"\bkm/t\s+for\s+hurtigt", r"\bnr\.\s*\d+\s+på\s+gangen",
        r"\bfor\s+sent\b", r"\bkom\s+(?:hjem|ud)\s+(?:for\s+)?sent", r"\bhash\b",
        r"\b(?:celle|stue)\s+\d+\s*-\s*(?:vest|øst)")]
    index = PatternIndex(patterns)
    words = [
        "i", "fare", "for", "hævn", "repressalier", "5", "mg", "ml", "dagligt", "x", "2",
        "røveri", "tyveri", "af", "fra", "visitation", "cellen", "straf", "strakssag", "-",
        "sag", "km/t", "hurtigt", "nr.", "12", "på", "gangen", "for", "sent", "kom", "hjem",
        "ud", "hash", "celle", "stue", "7", "vest", "øst",
    ]
    rng = random.Random(5)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 14))) for _ in range(400)]
    texts += ["i fare for hævn", "5 mg dagligt", "straf - sag", "celle 4-vest", ""]
    every = list(range(len(patterns)))
    for text in texts:
        expected = [k for k in every if _meets_every_set(index, k, text)]
        assert index.candidates(text) == expected, text
        assert index.candidates(text, every) == expected, text
        assert \
            index.candidates(text, every[::2]) == [k for k in expected if k % 2 == 0], text


# -- the first-character gate ---------------------------------------------------------------
@pytest.mark.parametrize(("pattern", "flags", "gated"), [
    (r"(?<![\wæ])(?:ved|Ny\s?)\s[A-Z]\w+", 0, "(?=[vN])"),
    (r"\bden\s+\d{1,2}\.", re.IGNORECASE, "(?=[d])"),
    (r"(?-i:SF|DF)'?er\b", re.IGNORECASE, "(?=[SD])"),  # (case-insensitive: a superset)
    (r"a?b+", 0, "(?=[ab])"),
    (r"\d+\s*km/t", 0, r"(?=[\d])"),
    (r"\b(?i:ab)c", 0, None),  # case-insensitive inside only: not read
    (r"[^a]x", 0, None),  # a negated class
    (r".x", 0, None),
    (r"a*", 0, None),  # can match the empty string
    (r"(?i)abc", 0, None),  # global inline flags
])
def test_first_char_gate(pattern: str, flags: int, gated: str | None) -> None:
    from gldocs.redact.prefilter import with_first_char_gate

    rx = re.compile(pattern, flags)
    out = with_first_char_gate(rx)
    if gated is None:
        assert out is rx
    else:
        assert out.pattern.startswith(gated) and out.flags == rx.flags


def test_first_char_gate_finds_what_the_pattern_finds() -> None:
    """Every lexicon pattern and exception of the policy, gated, finds exactly the same
    matches (spans and groups) as written, on the held-out texts and on random texts."""
    from gldocs.redact.prefilter import with_first_char_gate

    bundle = load_bundle("kommune")
    patterns = [p for lex in bundle.lexicons.values() for p in (*lex.patterns, *lex.exceptions)]
    texts = [p.read_text(encoding="utf-8") for p in sorted(HELDOUT.glob("*.txt"))]
    rng = random.Random(7)
    alphabet = "abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ0123456789 .,-/'\n"
    texts += ["".join(rng.choice(alphabet) for _ in range(300)) for _ in range(20)]
    gated = 0
    for rx in patterns:
        fast = with_first_char_gate(rx)
        gated += fast is not rx
        for text in texts:
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
                [(m.span(), m.groups()) for m in rx.finditer(text)], rx.pattern
    assert gated > len(patterns) // 2


def test_gated_detector_patterns_find_what_they_did() -> None:
    """The detectors' patterns that carry a first-character gate find, on the held-out
    texts, exactly what they find without it (the gate stripped off again)."""
    import gldocs.redact.case_entities as ce
    import gldocs.redact.detectors.cpr as cpr
    import gldocs.redact.detectors.online as online
    import gldocs.redact.detectors.phone as phone
    import gldocs.redact.gazetteer as gazetteer
    import gldocs.redact.private_places as private_places
    from gldocs.redact.person_words import person_patterns

    bundle = load_bundle("kommune")
    owners = [ce, cpr, online, phone, gazetteer, private_places, person_patterns(),
              online.patterns_for(bundle.identifier_words),
              phone.patterns_for(bundle.identifier_words)]
    gated = [v for o in owners for v in vars(o).values()
             if isinstance(v, re.Pattern) and v.pattern.startswith("(?=[")]
    assert len(gated) >= 15
    texts = [p.read_text(encoding="utf-8") for p in sorted(HELDOUT.glob("*.txt"))]
    for rx in gated:
        inner = rx.pattern[rx.pattern.index("])(?:") + 5:-1]
        plain = re.compile(inner, rx.flags)
        for text in texts:
            assert [(m.span(), m.groups()) for m in rx.finditer(text)] == \
                [(m.span(), m.groups()) for m in plain.finditer(text)], inner[:60]


# -- the analyses remembered between runs ------------------------------------------------------
_CACHED = [re.compile(p, re.IGNORECASE) for p in (
    r"\bvisit\w*", r"\w*ekstrem\w*", r"\ba-kasse\w*", r"\bfor\s+sent\b", r"\bstra[fk]\w*",
    r"(?:røveri|tyveri)\s+(?:af|fra)\s+\w+", r"\d+\s*km/t", r"\b\d+\s?(?:mg|µg|ml)\b")]
_CACHED_TEXTS = ("Visitation af cellen", "højreekstremt", "kom for sent", "røveri fra kiosken",
                 "straffesag", "ti km/t", "120 km/t", "5 µg dagligt", "5 \u03bcg",
                 "5 stk – dagligt", "intet")


def _fresh_index(monkeypatch: pytest.MonkeyPatch) -> PatternIndex:
    from gldocs.redact import prefilter

    monkeypatch.setattr(prefilter, "_ANALYSES", None)  # as a new process reads the file
    monkeypatch.setattr(prefilter, "_UNSAVED", [False])
    return PatternIndex(_CACHED)


def test_an_index_built_from_the_cache_file_answers_as_one_built_afresh(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gldocs.redact import prefilter

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    afresh = _fresh_index(monkeypatch)
    files = list((tmp_path / "gldocs").glob("prefilter-*.json"))
    assert len(files) == 1 and files[0].stat().st_mode & 0o077 == 0  # the user's own
    calls: list[str] = []
    real = prefilter.required_sets
    monkeypatch.setattr(prefilter, "required_sets",
                        lambda p, f=re.IGNORECASE: calls.append(p) or real(p, f))
    cached = _fresh_index(monkeypatch)
    assert calls == []  # every analysis came from the file
    for text in _CACHED_TEXTS:
        assert cached.candidates(text) == afresh.candidates(text), text
    assert cached._outside == afresh._outside == {"µ"}


@pytest.mark.parametrize("content", [b"not json", b"[]", b'{"2:\\\\bvisit\\\\w*": [[[]], []]}',
                                     b'{"2:\\\\bvisit\\\\w*": [[["zzz"]], ["ab"]]}'])
def test_a_cache_file_that_cannot_be_used_is_ignored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes) -> None:
    """Garbage, the wrong shape or an entry of the wrong shape: worked out again (an entry
    of the right shape is the program's own, as trusted as the installed files)."""
    from gldocs.redact import prefilter

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = prefilter._analyses_path()
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    index = _fresh_index(monkeypatch)
    assert index.candidates("VISITATION af cellen") == [0]
    assert index.candidates("kom for sent") == [3]


def test_without_a_cache_folder_the_index_is_built_all_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # a file: no folder can be made
    index = _fresh_index(monkeypatch)
    assert index.candidates("røveri fra kiosken") == [5]


# -- the required-strings gate in front of one pattern -----------------------------------------
def test_required_gate_gives_what_the_pattern_gives() -> None:
    """A gated pattern finds exactly what the pattern finds (search, finditer, findall,
    with positions), on invented texts that hold its required strings and on ones that do
    not, in any case and with characters outside Latin-1."""
    from gldocs.redact.prefilter import GatedPattern, required_gate

    patterns = [
        re.compile(r"(?<![\w@.\-])(?P<n>[A-ZÆØÅ][a-zæøå]{1,20})[ \t]*\((?:kaldet|født)\s"),
        re.compile(r"\bgik\s+(?:over|under)\s+broen\b", re.IGNORECASE),
        re.compile(r"(?<![\w])0x[0-9a-fA-F]{6}(?![\w])"),
        re.compile(r"[\"“„«»][^\"“”„«»\n]{1,60}[\"”»«]|^[ \t]*[\"“„«»].*$", re.MULTILINE),
    ]
    texts = ["Ulrikke (kaldet Ulle) bor i Ry.", "ULRIKKE (KALDET ULLE)", "han GIK OVER broen",
             "gik  under\tbroen i går", "nøgle 0xA1b2C3 og 0xZZ", "intet her", "",
             "«Vi ses» sagde hun", "  „hej”\nnæste linje", "Kelvin \u212a gik over broen",
             "0x12345 6", "ＧＩＫ over broen"]
    rng = random.Random(11)
    alphabet = "abcdefgikloruvx0123456789 ()«»\"\n\u212aÆØÅæøå"
    texts += ["".join(rng.choice(alphabet) for _ in range(80)) for _ in range(200)]
    gated = 0
    for rx in patterns:
        fast = required_gate(rx)
        gated += isinstance(fast, GatedPattern)
        for text in texts:
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
                [(m.span(), m.groups()) for m in rx.finditer(text)], (rx.pattern, text)
            assert fast.findall(text) == rx.findall(text)
            for pos in (0, 3):
                a, b = fast.search(text, pos), rx.search(text, pos)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
    assert gated == len(patterns)
    broen = required_gate(patterns[1])
    assert isinstance(broen, GatedPattern)
    assert not broen.possible("han gik over vejen")  # no "broen": the pattern is not run
    # every required string there: run (and no match: the words are not in a row)
    assert broen.possible("Han gik over, og Broen var lukket")
    assert broen.search("Han gik over, og Broen var lukket") is None


def test_a_pattern_without_required_strings_is_not_gated() -> None:
    from gldocs.redact.prefilter import required_gate

    rx = re.compile(r"\w+")
    assert required_gate(rx) is rx


def test_gated_detector_patterns_are_gated_and_keep_their_groups() -> None:
    """The detectors' patterns with the gate answer as patterns do (their group names are
    read by the name rules)."""
    import gldocs.redact.case_entities as ce
    from gldocs.redact.person_words import person_patterns
    from gldocs.redact.prefilter import GatedPattern

    pats = person_patterns()
    for rx in (ce._NICKNAME_IN_BRACKETS, ce._NICKNAME_OF, pats.name_before_id,
               pats.name_before_nickname):
        assert isinstance(rx, GatedPattern)
        assert "n" in rx.groupindex
    text = "Sofie Lund-Hviid (\"Fie\") og Liva (7 år) ringede."
    assert [m.group("n") for m in ce._NICKNAME_IN_BRACKETS.finditer(text)] == ["Fie"]
    assert [m.group("n") for m in pats.name_before_id.finditer(text)] == ["Liva"]
