"""A policy bundle kept between runs: a cold start reads the bundle it built last time.

Building the bundled policy's bundle (:func:`gldocs.redact.bundle.bundle_for`: 46 lexicons,
the name and word lists, about 430 kB of YAML and text, every term parsed) is 0.15-0.2 s of
every cold ``gldocs redact``. The bundle depends only on the files it is built from (the
policy file and every resource it declares, which are all the files the build reads) and on
the code that builds it, so :func:`cached_bundle` keeps it in ``$XDG_CACHE_HOME/gldocs``
(or ``~/.cache/gldocs``) under a key made of the SHA-256 of each of those files' contents
with its path, of gldocs' Python sources and of the Python version: a change to any of them
is a new key, and the bundle is built (and checked) again. Only a bundle that built without
a problem is kept; a policy error is reported as before.

The file carries a SHA-256 of its contents and its key, and is as trusted as the installed
program (same user, like the prefilter's cache); one that cannot be read, does not check
out, holds another key or does not load is ignored (the bundle is built as usual), and one
that cannot be written is not written. Read inside :func:`gldocs.redact.pattern_cache.recording`,
its lexicons' patterns come from that cache too. ``GLDOCS_INGEN_CACHE=1`` in the environment
turns both off (:data:`gldocs.redact.pattern_cache.OFF`).
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import os
import pickle
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from gldocs.redact.policy import Policy

B = TypeVar("B")

__all__ = ["cached_bundle"]

_DIGEST = 32
_FORMAT = b"gldocs-bundle-1\n"
_PACKAGE = Path(__file__).resolve().parents[1]  # gldocs/


def cached_bundle(policy: Policy, build: Callable[[Policy], B], kind: type[B]) -> B:
    """``build(policy)``, or the bundle (a ``kind`` with ``policy``) it built from the same
    files and code before."""
    from gldocs.redact.pattern_cache import caches_off

    key = None if caches_off() else _key(policy)
    path = _cache_path(key) if key is not None else None
    if key is None or path is None:
        return build(policy)
    got = _read(path, key)
    if isinstance(got, kind) and getattr(got, "policy", None) == policy:
        return got
    bundle = build(policy)
    _write(path, key, bundle)
    return bundle


def _cache_path(key: bytes) -> Path | None:
    try:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    except RuntimeError:  # no home folder
        return None
    return Path(base) / "gldocs" / f"bundle-{key.hex()[:24]}.pickle"


def _key(policy: Policy) -> bytes | None:
    """The SHA-256 of everything the bundle is built from: the policy file and every
    resource file (path and contents), gldocs' Python sources and the Python version; None
    when one cannot be read (the build reports it)."""
    if not policy.source:
        return None
    source = Path(policy.source).resolve()
    folder = source.parent
    files = {source, *((folder / rel).resolve() for rel in _resource_paths(
        policy.resources.model_dump()))}
    digest = hashlib.sha256(_FORMAT + sys.version.encode() + _code_digest())
    try:
        for path in sorted(files):
            digest.update(f"\0{path}\0".encode() + hashlib.sha256(path.read_bytes()).digest())
    except OSError:
        return None
    return digest.digest()


def _resource_paths(value: Any) -> list[str]:
    """Every file path a policy's ``resources`` declares (strings, in dicts too)."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, Mapping):
        return [p for v in value.values() for p in _resource_paths(v)]
    if isinstance(value, list | tuple):
        return [p for v in value for p in _resource_paths(v)]
    return []


_CODE: list[bytes] = []


def _code_digest() -> bytes:
    """The SHA-256 of gldocs' Python sources (names and contents), once per process."""
    if not _CODE:
        digest = hashlib.sha256()
        for path in sorted(_PACKAGE.rglob("*.py")):
            try:
                digest.update(f"\0{path.relative_to(_PACKAGE)}\0".encode() + path.read_bytes())
            except OSError:
                digest.update(b"\0unreadable\0" + str(path).encode())
        _CODE.append(digest.digest())
    return _CODE[0]


def _read(path: Path, key: bytes) -> object | None:
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    body = blob[_DIGEST:]
    if (len(blob) <= _DIGEST + len(key) or hashlib.sha256(body).digest() != blob[:_DIGEST]
            or body[:len(key)] != key):
        return None
    try:
        got: object = pickle.loads(body[len(key):])
    except Exception:  # (a bundle of another shape, a class that moved: built again)
        return None
    return got


def _mapping_proxy(items: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(items)


def _write(path: Path, key: bytes, bundle: object) -> None:
    """Keep ``bundle`` under ``key`` (atomically; never an error)."""
    from gldocs.atomic import write_bytes_atomic

    try:
        out = io.BytesIO()
        pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
        table = copyreg.dispatch_table.copy()
        table[MappingProxyType] = lambda proxy: (_mapping_proxy, (dict(proxy),))
        pickler.dispatch_table = table
        pickler.dump(bundle)
        body = key + out.getvalue()
        write_bytes_atomic(path, hashlib.sha256(body).digest() + body, replace=True)
        _prune(path.parent)
    except Exception:  # (a cache that cannot be written only makes the next start slower)
        return


_KEEP = 8  # bundle files kept (the newest): policies in use, and a few versions back


def _prune(folder: Path) -> None:
    """Remove all but the :data:`_KEEP` newest bundle files (older code or data)."""
    files = sorted(folder.glob("bundle-*.pickle"), key=lambda p: p.stat().st_mtime_ns,
                   reverse=True)
    for old in files[_KEEP:]:
        old.unlink(missing_ok=True)
