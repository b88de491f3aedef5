"""Atomic file output: a file is either fully written or not there at all, and never
replaces a file it was not allowed to replace.

    write_bytes_atomic(path, data)            # exclusive: refuses if ``path`` exists
    allow_replace(path)                       # --overwrite: this path may be replaced
    write_bytes_atomic(path, data, replace=True)  # the tool's own state (log head, settings)

The data goes to a temporary file in the same folder first. The final step is exclusive:
``os.link(tmp, path)`` fails if ``path`` exists, so a file that appeared after
:func:`gldocs.outputs.check_outputs` looked (another program, a second run, an attacker's
symlink) is never replaced. On a file system without hard links the name is reserved with
``O_CREAT | O_EXCL`` (fails if it exists) and the data renamed over the reservation; if
neither works, nothing is written (fail closed). A file may be replaced only when the
caseworker said so (``--overwrite``: :func:`check_outputs` calls :func:`allow_replace`),
when the caller asks for it (files the tool keeps updating), or when this process wrote the
very file itself (the review server saving the output again).
"""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# resolved paths the caseworker allowed to be replaced (--overwrite or a file meant to be
# updated), and the files this process wrote itself, by resolved path: device, inode, size,
# modification time and a digest of the bytes (an inode alone is no identity: a file that
# somebody else makes after ours was deleted often gets the same inode number)
_REPLACEABLE: set[str] = set()
_WRITTEN: dict[str, tuple[int, int, int, int, bytes]] = {}

# errors of os.link that mean "this file system has no hard links", not "cannot write"
_NO_HARD_LINKS = frozenset({errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS,
                            errno.EMLINK, errno.EXDEV, errno.EACCES})


def _key(path: Path) -> str:
    return str(Path(path).expanduser().absolute().parent.resolve() / Path(path).name)


def allow_replace(path: Path) -> None:
    """Let ``path`` be replaced by this process (the caseworker gave ``--overwrite``)."""
    _REPLACEABLE.add(_key(path))


def _identity(path: Path, digest: bytes | None = None) -> tuple[int, int, int, int, bytes]:
    st = os.stat(path, follow_symlinks=False)
    if digest is None:
        with open(path, "rb") as fh:
            digest = hashlib.file_digest(fh, "sha256").digest()
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, digest)


def _written_here(path: Path, key: str) -> bool:
    ours = _WRITTEN.get(key)
    if ours is None:
        return False
    try:
        st = os.stat(path, follow_symlinks=False)
        if (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns) != ours[:4]:
            return False
        return _identity(path) == ours
    except OSError:
        return False


def _output_error(path: Path, exc: OSError, what: str) -> Exception:
    from gldocs.errors import OutputError
    from gldocs.sprog import os_fejl

    return OutputError(f"{path} kan ikke skrives: {os_fejl(exc)} ({what}). "
                       "Vælg en mappe, du har skriveadgang til.",
                       exc.errno, exc.strerror, exc.filename)


def _appeared(path: Path) -> Exception:
    from gldocs.errors import OutputError

    return OutputError(f"{path} findes nu og erstattes ikke: filen er opstået, mens gldocs "
                       "arbejdede (efter kontrollen). Intet er skrevet over. Vælg et andet "
                       "navn, eller tilføj --overwrite for at erstatte den.",
                       errno.EEXIST, "File exists", str(path))


def _commit_exclusive(tmp: str, path: Path) -> None:
    """Give ``tmp`` the name ``path`` only if no file has that name (fail closed)."""
    try:
        os.link(tmp, path, follow_symlinks=False)
        return
    except FileExistsError:
        raise _appeared(path) from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
    # no hard links here: reserve the name exclusively, then rename over the reservation
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                     0o600)
    except FileExistsError:
        raise _appeared(path) from None
    os.close(fd)
    try:
        os.replace(tmp, path)
    except BaseException:
        Path(path).unlink(missing_ok=True)  # the empty reservation is ours
        raise


def write_bytes_atomic(path: Path, data: bytes, *, replace: bool = False) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder.

    An existing ``path`` is replaced only with ``replace=True``, after
    :func:`allow_replace`, or when this process wrote it; otherwise the final step is
    exclusive and a file that appeared meanwhile is an :class:`~gldocs.errors.OutputError`
    (exit 2). A folder that cannot be made or written is an ``OutputError`` too (exit 2,
    Danish; also an ``OSError``), not an internal error."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _output_error(path, exc, f"mappen {path.parent}") from exc
    key = _key(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if replace or key in _REPLACEABLE or _written_here(path, key):
            os.replace(tmp, path)
        else:
            _commit_exclusive(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)  # after a link (or a failure): the spare name
    _WRITTEN[key] = _identity(path, hashlib.sha256(data).digest())


def write_text_atomic(path: Path, text: str, *, replace: bool = False) -> None:
    write_bytes_atomic(path, text.encode("utf-8"), replace=replace)


class OutputBatch:
    """Collects several outputs in memory and writes them only when all are ready.

    Use with :func:`output_batch`: if anything raises inside the block, nothing is written;
    if one file cannot be written, the files this batch created before it are removed.
    """

    def __init__(self) -> None:
        self._files: dict[Path, bytes] = {}

    def add(self, path: Path, data: bytes | str) -> None:
        if isinstance(data, str):
            data = data.encode("utf-8")
        self._files[Path(path)] = data

    @property
    def paths(self) -> list[Path]:
        return list(self._files)

    def commit(self) -> None:
        created: list[Path] = []
        try:
            for path, data in self._files.items():
                existed = os.path.lexists(path)
                write_bytes_atomic(path, data)
                if not existed:
                    created.append(path)
        except BaseException:
            for path in created:
                _take_back(path)
            raise


def _take_back(path: Path) -> None:
    """Remove a file this process wrote (and only if it is still that file)."""
    key = _key(path)
    if _written_here(path, key):
        Path(path).unlink(missing_ok=True)
        _WRITTEN.pop(key, None)


@contextmanager
def output_batch() -> Iterator[OutputBatch]:
    batch = OutputBatch()
    yield batch
    batch.commit()
