"""The set-up's compiled regular expressions kept between runs (gldocs.redact.pattern_cache):
the same patterns as ``re`` makes, read back without the compiler, only what the block
compiles, never a document's words, and a file that does not check out is ignored."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from gldocs.redact import pattern_cache
from gldocs.redact.pattern_cache import cache_path, recording


@pytest.fixture()
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(pattern_cache, "_WORTH_WRITING", 0.0)  # (one small pattern is kept)
    re.purge()  # (re's own cache would answer patterns compiled before)
    return tmp_path / "cache"


def _fresh() -> str:
    """A pattern no earlier test compiled (re's own cache cannot answer it)."""
    return rf"(?P<ord>strib{uuid.uuid4().hex[:8]})\s+(?:kvalp|murle)(?=[.!?])"


def test_a_pattern_read_back_is_the_pattern_re_makes(cache_home: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    text = _fresh()
    with recording():
        first = re.compile(text, re.IGNORECASE)
    path = cache_path()
    assert path is not None and path.is_file()
    re.purge()
    # the second start compiles nothing: the parser is not even asked
    parser = __import__("re._parser", fromlist=["parse"])

    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    with monkeypatch.context() as m:
        m.setattr(parser, "parse", no_parse)
        with recording():
            again = re.compile(text, re.IGNORECASE)
    assert again == first  # (the same flags, text and program)
    assert again.groupindex == first.groupindex and again.groups == first.groups
    word = "Strib" + text[13:21]
    assert again.search(f"x {word} Kvalp.").group("ord") == word  # type: ignore[union-attr]


def test_only_the_block_is_recorded_and_re_is_itself_again(cache_home: Path) -> None:
    inside, outside = _fresh(), _fresh()
    compiler = __import__("re._compiler", fromlist=["compile"])
    original = compiler.compile
    with pytest.raises(ZeroDivisionError), recording():
        re.compile(inside)
        1 / 0  # noqa: B018  (an error inside the block still restores and saves)
    assert compiler.compile is original
    re.compile(outside)
    with recording():
        pass
    path = cache_path()
    assert path is not None
    blob = path.read_bytes()
    assert inside.encode() in blob and outside.encode() not in blob


def test_a_file_that_does_not_check_out_is_ignored(cache_home: Path) -> None:
    text = _fresh()
    with recording():
        want = re.compile(text)
    path = cache_path()
    assert path is not None
    blob = bytearray(path.read_bytes())
    blob[-5] ^= 0xFF  # one byte changed: the digest no longer fits
    path.write_bytes(bytes(blob))
    re.purge()
    with recording():
        got = re.compile(text)  # compiled as usual
    assert got == want
    assert pattern_cache._read(path)  # and the file is whole again
    path.write_bytes(b"\0" * 10)
    assert pattern_cache._read(path) == {}


def test_a_bad_pattern_is_still_an_error(cache_home: Path) -> None:
    with recording(), pytest.raises(re.error):
        re.compile("(?P<ufærdig>" + uuid.uuid4().hex)


def test_the_cli_keeps_the_set_up_and_never_a_document(cache_home: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """``gldocs redact`` records its set-up; the client's name, which the analysis compiles
    into its patterns, is not in the file."""
    import gldocs.redact.facade as facade
    from gldocs.cli import main
    from gldocs.redact.bundle import load_bundle

    monkeypatch.setattr(facade, "_REDACTORS", {})
    load_bundle.cache_clear()
    name = "Ulvrik Tammesgaard"
    src = tmp_path / "plan.txt"
    src.write_text(f"1. Stamoplysninger\nNavn: {name}\n\n2. Beskrivelse\n{name} bor hos "
                   f"sin moster. Ulvrik har et job.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["redact", str(src), "--areas", "none", "--no-ner",
                                    "-o", str(tmp_path / "ud.txt")])
    assert res.exit_code in (0, 1), res.output
    path = cache_path()
    assert path is not None and path.is_file()
    blob = path.read_bytes()
    assert b"Tammesgaard" not in blob and b"Ulvrik" not in blob
    assert b"ulvrik" not in blob.lower()


def test_a_few_cheap_new_patterns_do_not_rewrite_the_file(cache_home: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A pattern whose text differs in every run (the standard library's tokenizer builds
    one from a set) would make every start rewrite the file: only additions that save a
    later start more than the writing costs are written."""
    with recording():
        re.compile(_fresh())
    path = cache_path()
    assert path is not None
    before = path.read_bytes()
    monkeypatch.setattr(pattern_cache, "_WORTH_WRITING", 3600.0)
    late = _fresh()
    with recording():
        re.compile(late)
    assert path.read_bytes() == before


def test_kept_also_under_the_flags_as_compiled(cache_home: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A pickled pattern (the bundle cache's lexicons) is compiled again with its flags as
    compiled (re.UNICODE added): the first run keeps it under those too."""
    import pickle

    text = _fresh()
    with recording():
        first = re.compile(text, re.IGNORECASE)
    assert first.flags == re.IGNORECASE | re.UNICODE
    re.purge()
    parser = __import__("re._parser", fromlist=["parse"])

    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    with monkeypatch.context() as m:
        m.setattr(parser, "parse", no_parse)
        with recording():
            again = pickle.loads(pickle.dumps(first))
    assert again == first


def test_an_entry_re_refuses_is_compiled_as_usual(cache_home: Path) -> None:
    """A file that checks out but holds a program ``_sre`` refuses (or one for another
    pattern): the pattern is compiled as usual and equals re's own."""
    import hashlib
    import marshal

    text = _fresh()
    with recording():
        want = re.compile(text)
    path = cache_path()
    assert path is not None
    entries = pattern_cache._read(path)
    flags, code, groups, groupindex, indexgroup = entries[(text, 0)]
    entries[(text, 0)] = (flags, b"\xff" * len(code), groups, groupindex, indexgroup)
    body = marshal.dumps(entries)
    path.write_bytes(hashlib.sha256(body).digest() + body)
    re.purge()
    with recording():
        got = re.compile(text)
    assert got == want and got.search("x strib" + text[13:21] + " murle!")


def test_turned_off_by_the_environment(cache_home: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(pattern_cache.OFF, "1")
    compiler = __import__("re._compiler", fromlist=["compile"])
    original = compiler.compile
    with recording():
        assert compiler.compile is original  # re is left alone
        re.compile(_fresh())
    assert not cache_home.exists()
