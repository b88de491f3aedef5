"""Compiled regular expressions kept between runs: a cold start's compiles read back.

A cold ``gldocs redact`` compiles about 1,300 regular expressions while it sets up (the
modules' own patterns, the policy's lexicons and word-list patterns, the detectors' gates,
spaCy's tokenizer): 0.4-0.5 s of CPU in Python's regular-expression compiler, whose parser
and code generator are pure Python, the same work at every start. What the compiler makes
of a pattern (the program ``_sre`` runs: a list of integers, with the pattern's flags and
groups) depends only on the pattern's text, its flags and the Python version. While
:func:`recording` is active, each pattern compiled is looked up in a file in
``$XDG_CACHE_HOME/gldocs`` (or ``~/.cache/gldocs``) and, when there, made from the
program kept there by ``_sre.compile`` directly; a pattern not there is compiled as
usual, checked to be the very pattern ``re`` makes (``==``: the same flags, text and
program) and added. The file is written when the recording ends, if what was added saves
a later start more than writing it costs.

Only what the set-up compiles is kept (gldocs' and its libraries' patterns and the
policy's): :func:`recording` is put around the set-up alone, so a pattern made from a
document (a client's name) is never written to disk. The file is named for this module's
source, the Python version and ``_sre``'s version, carries a SHA-256 of its contents and is
as trusted as the installed program (same user); one that cannot be read, does not check
out or holds anything of the wrong shape is ignored (every pattern is compiled as usual),
and one that cannot be written is not written. Where the compiler's internals are not what
this module expects, or with ``GLDOCS_INGEN_CACHE=1`` in the environment (:data:`OFF`, which
turns the bundle's cache off too), :func:`recording` does nothing.
"""

from __future__ import annotations

import hashlib
import importlib
import marshal
import os
import sys
import time
from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["OFF", "cache_path", "caches_off", "recording"]

# set (to anything but empty or 0) turns off the cold start's caches: this one and the policy
# bundle's (gldocs.redact.bundle_cache): everything is compiled and built as without them
OFF = "GLDOCS_INGEN_CACHE"


def caches_off() -> bool:
    """Whether the environment turns the cold start's caches off (:data:`OFF`)."""
    return os.environ.get(OFF, "") not in ("", "0")


# (pattern, flags as given) -> (flags as compiled, program, groups, groupindex, indexgroup)
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str | bytes, int]

_MAX_ENTRIES = 8_000  # beyond: the file keeps only the entries of the latest run
# CPU seconds of compiling that a run's new entries must save before the file is written
# again: a pattern whose text differs from run to run (the standard library's tokenizer
# builds one from a set, in the set's order) is not worth rewriting the file for
_WORTH_WRITING = 0.02
_DIGEST = 32  # bytes of SHA-256 in front of the entries
_UNCACHED = 128 | 4  # re.DEBUG (prints while compiling), re.LOCALE (bytes, locale-bound)


def _internals() -> tuple[Any, Any, Any] | None:
    """``re._compiler``, ``re._parser`` and ``_sre`` when they are as this module expects
    (Python 3.11-3.13: ``_compiler.compile(p, flags)`` ends in ``_sre.compile`` of the
    parsed tree's program), else None."""
    try:
        compiler = importlib.import_module("re._compiler")
        parser = importlib.import_module("re._parser")
        sre = importlib.import_module("_sre")
    except ImportError:  # pragma: no cover - another Python
        return None
    if not all(callable(getattr(m, n, None)) for m, n in (
            (compiler, "compile"), (compiler, "_code"), (parser, "parse"), (sre, "compile"))):
        return None  # pragma: no cover - another Python
    if array("I").itemsize != getattr(sre, "CODESIZE", 0):
        return None  # pragma: no cover - a platform whose program words are not 'I'
    return compiler, parser, sre


def cache_path() -> Path | None:
    """The cache file (None without a home folder or a readable source)."""
    parts = _internals()
    if parts is None:
        return None
    try:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        tag = hashlib.sha256(Path(__file__).read_bytes() + sys.version.encode()
                             + f"{parts[2].MAGIC}:{parts[2].CODESIZE}".encode()).hexdigest()
    except (OSError, RuntimeError, AttributeError):
        return None
    return Path(base) / "gldocs" / f"regex-{tag[:16]}.bin"


def _read(path: Path) -> dict[Key, Entry]:
    """The file's entries; {} for a file that is missing, does not check out or holds
    anything of the wrong shape."""
    try:
        blob = path.read_bytes()
    except OSError:
        return {}
    body = blob[_DIGEST:]
    if len(blob) <= _DIGEST or hashlib.sha256(body).digest() != blob[:_DIGEST]:
        return {}
    try:
        data = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict) or not all(map(_well_formed, data.items())):
        return {}
    return data


def _well_formed(item: tuple[Any, Any]) -> bool:
    key, entry = item
    return (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str | bytes)
            and isinstance(key[1], int)
            and isinstance(entry, tuple) and len(entry) == 5 and isinstance(entry[0], int)
            and isinstance(entry[1], bytes) and isinstance(entry[2], int)
            and isinstance(entry[3], dict) and isinstance(entry[4], tuple))


class _Recorder:
    """The compile function ``re`` calls while recording, and what it found and added."""

    def __init__(self, original: Callable[..., Any], parser: Any, compiler: Any,
                 sre: Any, entries: dict[Key, Entry]) -> None:
        self.original, self.parser, self.compiler, self.sre = original, parser, compiler, sre
        self.entries = entries
        self.used: set[Key] = set()
        self.added = 0.0  # CPU seconds the entries added would save a later run

    def compile(self, p: Any, flags: int = 0) -> Any:
        if not isinstance(p, str | bytes) or flags & _UNCACHED:
            return self.original(p, flags)
        key: Key = (p, flags)
        entry = self.entries.get(key)
        if entry is not None:
            try:
                pattern = self.sre.compile(p, entry[0], array("I", entry[1]).tolist(),
                                           entry[2], entry[3], entry[4])
            except Exception:  # (an entry _sre refuses: compiled as usual below)
                del self.entries[key]
            else:
                self.used.add(key)
                return pattern
        start = time.process_time()
        compiled = self.original(p, flags)  # (raises re.error for a bad pattern)
        took = time.process_time() - start
        made = self._made(p, flags)
        if made is not None and made[0] == compiled:
            self.entries[key] = made[1]
            self.used.add(key)
            self.added += took
            # also under the flags as compiled (re.UNICODE added): a pattern read back from
            # a pickle (the bundle cache's lexicons) is compiled with those
            final = made[1][0]
            again = self._made(p, final) if final != flags else None
            if again is not None and again[0] == compiled:
                self.entries[(p, final)] = again[1]
                self.used.add((p, final))
        return compiled

    def _made(self, p: str | bytes, flags: int) -> tuple[Any, Entry] | None:
        """``p`` compiled the way ``re._compiler.compile`` does, with its entry."""
        try:
            tree = self.parser.parse(p, flags)
            code = self.compiler._code(tree, flags)
            groupindex = dict(tree.state.groupdict)
            indexgroup: list[str | None] = [None] * tree.state.groups
            for name, i in groupindex.items():
                indexgroup[i] = name
            entry: Entry = (flags | tree.state.flags, array("I", code).tobytes(),
                            tree.state.groups - 1, groupindex, tuple(indexgroup))
            pattern = self.sre.compile(p, entry[0], list(code), entry[2], entry[3], entry[4])
        except Exception:  # (whatever this Python does differently: not kept)
            return None
        return pattern, entry

    def save(self, path: Path) -> None:
        """Write the entries when those added save at least :data:`_WORTH_WRITING` CPU
        seconds (atomically; never an error)."""
        if self.added < _WORTH_WRITING:
            return
        entries = self.entries if len(self.entries) <= _MAX_ENTRIES else {
            k: v for k, v in self.entries.items() if k in self.used}
        from gldocs.atomic import write_bytes_atomic

        try:
            body = marshal.dumps(entries)
            write_bytes_atomic(path, hashlib.sha256(body).digest() + body, replace=True)
        except Exception:  # (a cache that cannot be written only makes the next start slower)
            return


_ACTIVE: list[_Recorder] = []


@contextmanager
def recording() -> Iterator[None]:
    """Compile the regular expressions of the block from the cache file and keep the new
    ones in it (see the module's docstring). Put it around set-up only: what is compiled
    inside is written to disk. Nested, the outer one records."""
    parts = _internals()
    path = cache_path()
    if _ACTIVE or parts is None or path is None or caches_off():
        yield
        return
    compiler, parser, sre = parts
    original = compiler.compile
    recorder = _Recorder(original, parser, compiler, sre, _read(path))
    compiler.compile = recorder.compile
    _ACTIVE.append(recorder)
    try:
        yield
    finally:
        _ACTIVE.pop()
        compiler.compile = original
        recorder.save(path)
