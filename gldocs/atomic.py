"""Atomic file output: a file is either fully written or not there at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    A folder that cannot be made or written is an :class:`~gldocs.errors.OutputError`
    (exit 2, Danish; also an ``OSError``), not an internal error."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        from gldocs.errors import OutputError
        from gldocs.sprog import os_fejl

        raise OutputError(f"{path} kan ikke skrives: {os_fejl(exc)} (mappen {path.parent}). "
                          "Vælg en mappe, du har skriveadgang til.",
                          exc.errno, exc.strerror, exc.filename) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


class OutputBatch:
    """Collects several outputs in memory and writes them only when all are ready.

    Use with :func:`output_batch`: if anything raises inside the block, nothing is written.
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
        for path, data in self._files.items():
            write_bytes_atomic(path, data)


@contextmanager
def output_batch() -> Iterator[OutputBatch]:
    batch = OutputBatch()
    yield batch
    batch.commit()
