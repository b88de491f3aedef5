"""The caseload index: parsed case facts in SQLite, refreshed by file hash and mtime.

``gldocs statistik`` and ``gldocs oversigt`` both call :func:`scan`. A file whose size and
modification time (ns) are unchanged since the last run is not read again; a file whose
content hash is unchanged (touched, copied back) is not parsed again. Everything else is
parsed (in parallel when there are many) and its record or its Danish error is stored.
Records are also renewed when gldocs' version changes or when a command needs deadlines
further ahead than the stored ones reach (``horisont``).

The index holds the client's name (the overview shows it on screen) and nothing else that
is not in the case files themselves; it is written with mode 0600 in the user's cache
folder (``$XDG_CACHE_HOME/gldocs/sagsindeks.sqlite``) unless ``--indeks`` or
``GLDOCS_INDEKS`` names another file. A damaged index is rebuilt, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from gldocs.caseload.records import RECORD_VERSION
from gldocs.errors import GldocsError, InputError

PARALLEL_FROM = 400  # files to parse before a process pool pays for itself
CHUNK = 64
SUFFIXES = (".yaml", ".yml")
SKIPPED_SUFFIX = ".afgoerelser.yaml"  # the review's decision files live beside cases
_SCHEMA = """
CREATE TABLE IF NOT EXISTS sager (
    sti TEXT PRIMARY KEY,
    mtime_ns INTEGER NOT NULL,
    stoerrelse INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    version TEXT NOT NULL,
    horisont TEXT NOT NULL,
    record TEXT,
    fejl TEXT
)
"""


def default_index_path() -> Path:
    env = os.environ.get("GLDOCS_INDEKS")
    if env:
        return Path(env)
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "gldocs" / "sagsindeks.sqlite"


# The code a record depends on: when any of it changes, every record is computed anew
# (a new deadline rule must not hide behind an unchanged case file).
_RULE_MODULES = ("frister.py", "frist_status.py", "case/model.py", "case/types.py",
                 "afgang/kategorier.py", "caseload/records.py", "statistik/maalepunkter.py")


def _version() -> str:
    from gldocs.paths import PACKAGE_DIR

    h = hashlib.sha256(str(RECORD_VERSION).encode())
    for name in _RULE_MODULES:
        try:
            h.update((PACKAGE_DIR / name).read_bytes())
        except OSError:
            h.update(name.encode())
    return h.hexdigest()[:16]


@dataclass
class Entry:
    """One case file: its record, or the Danish error that kept it out."""

    fil: str  # the path as found under the folder the user named
    record: dict[str, Any] | None
    fejl: str | None


@dataclass
class ScanResult:
    entries: list[Entry]
    parsed: int  # files read and validated this run
    reused: int  # files taken from the index unchanged
    index_path: Path

    @property
    def ok(self) -> list[Entry]:
        return [e for e in self.entries if e.record is not None]

    @property
    def broken(self) -> list[Entry]:
        return [e for e in self.entries if e.record is None]


def find_case_files(paths: Sequence[Path]) -> list[Path]:
    """Every case file under ``paths`` (folders searched recursively, hidden ones skipped),
    sorted; a named file is taken as it is. A path that does not exist is an error."""
    found: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_file():
            found.append(p)
        elif p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if (name.endswith(SUFFIXES) and not name.endswith(SKIPPED_SUFFIX)
                            and not name.startswith(".")):
                        found.append(Path(root) / name)
        else:
            raise InputError(f"{p} findes ikke (forventede en mappe med sagsfiler).")
    seen: set[str] = set()
    unique = []
    for f in found:
        key = os.path.abspath(f)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


# --------------------------------------------------------------------------- parsing


def _parse(job: tuple[str, str | None, str]) -> tuple[str, int, int, str, str | None,
                                                        str | None, bool]:
    """Worker: (path, stored sha or None, horisont) -> the row to store.

    Returns (path, mtime_ns, size, sha256, record json, error, unchanged)."""
    path_s, old_sha, horisont_s = job
    path = Path(path_s)
    try:
        st = path.stat()
        raw = path.read_bytes()
    except OSError as exc:
        return path_s, 0, 0, "", None, f"Sagsfilen {path} kan ikke læses ({exc.strerror}).", False
    sha = hashlib.sha256(raw).hexdigest()
    if sha == old_sha:
        return path_s, st.st_mtime_ns, st.st_size, sha, None, None, True
    record, error = parse_record(path, raw, date.fromisoformat(horisont_s))
    return path_s, st.st_mtime_ns, st.st_size, sha, record, error, False


def parse_record(path: Path, raw: bytes, horisont: date) -> tuple[str | None, str | None]:
    """(record as JSON, None) or (None, Danish error) for one case file."""
    from gldocs.caseload.fastload import load_case_fast
    from gldocs.caseload.records import case_record

    try:
        case = load_case_fast(path, raw)
        return json.dumps(case_record(case, horisont), ensure_ascii=False), None
    except GldocsError as err:
        return None, err.message
    except Exception as exc:  # one odd file must not stop the caseload; it is reported
        return None, f"Sagsfilen {path} kunne ikke behandles (intern fejl: {type(exc).__name__})."


# --------------------------------------------------------------------------- the index


def _open(index_path: Path) -> sqlite3.Connection:
    index_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fresh = not index_path.exists()
    con = sqlite3.connect(index_path)
    try:
        con.execute(_SCHEMA)
        con.execute("SELECT sti, mtime_ns, stoerrelse, sha256, version, horisont, record, fejl "
                    "FROM sager LIMIT 1").fetchall()
    except sqlite3.DatabaseError:
        con.close()
        print(f"Sagsindekset {index_path} er beskadiget og bygges forfra.", file=sys.stderr)
        index_path.unlink()
        con = sqlite3.connect(index_path)
        con.execute(_SCHEMA)
        fresh = True
    if fresh:
        os.chmod(index_path, 0o600)
    return con


def scan(paths: Sequence[Path], *, horisont: date, index_path: Path | None = None,
         progress: bool | None = None, workers: int | None = None) -> ScanResult:
    """Bring the index up to date for every case file under ``paths`` and return them all.

    ``horisont``: the latest date the deadlines must reach (records computed with an
    earlier one are renewed). ``progress``: show a progress bar (default: when stderr is
    a terminal).
    """
    files = find_case_files(paths)
    index_path = Path(index_path) if index_path else default_index_path()
    version = _version()
    store_horisont = date(horisont.year + 1, horisont.month, min(horisont.day, 28))
    try:
        con = _open(index_path)
    except (OSError, sqlite3.Error) as exc:
        raise InputError(f"Sagsindekset {index_path} kan ikke åbnes: {exc}") from None
    with con:
        stored = {row[0]: row for row in con.execute(
            "SELECT sti, mtime_ns, stoerrelse, sha256, version, horisont, record, fejl "
            "FROM sager")}
        entries: dict[str, Entry] = {}
        todo: list[tuple[str, str | None, str]] = []
        shown: dict[str, str] = {}
        for f in files:
            key = os.path.abspath(f)
            shown[key] = str(f)
            row = stored.get(key)
            try:
                st = f.stat()
            except OSError:
                row = None
                st = None
            fresh = (row is not None and st is not None and row[1] == st.st_mtime_ns
                     and row[2] == st.st_size and row[4] == version
                     and (row[7] is not None or row[5] >= horisont.isoformat()))
            if fresh:
                entries[key] = _entry(str(f), row[6], row[7])
            else:
                old_sha = row[3] if (row is not None and row[4] == version
                                     and row[5] >= horisont.isoformat()) else None
                todo.append((key, old_sha, store_horisont.isoformat()))
        reused = len(entries)
        parsed = 0
        for key, mtime, size, sha, record, error, unchanged in _run(todo, progress, workers):
            if unchanged:
                row = stored[key]
                record, error = row[6], row[7]
            else:
                parsed += 1
            con.execute(
                "INSERT OR REPLACE INTO sager VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (key, mtime, size, sha, version,
                 store_horisont.isoformat() if error is None else "9999-12-31", record, error))
            entries[key] = _entry(shown[key], record, error)
        reused += len(todo) - parsed
        _prune(con, paths, set(shown))
    con.close()
    ordered = [entries[os.path.abspath(f)] for f in files]
    return ScanResult(ordered, parsed, reused, index_path)


def _entry(fil: str, record: str | None, fejl: str | None) -> Entry:
    return Entry(fil, json.loads(record) if record else None, fejl)


def _run(todo: list[tuple[str, str | None, str]], progress: bool | None,
         workers: int | None) -> Iterator[tuple[str, int, int, str, str | None,
                                                  str | None, bool]]:
    if not todo:
        return
    show = sys.stderr.isatty() if progress is None else progress
    n_workers = workers if workers is not None else min(os.cpu_count() or 1, 8)
    results: Iterator[Any]
    pool = None
    if len(todo) >= PARALLEL_FROM and n_workers > 1:
        pool = ProcessPoolExecutor(max_workers=n_workers)
        results = pool.map(_parse, todo, chunksize=CHUNK)
    else:
        results = map(_parse, todo)
    try:
        yield from _with_progress(results, len(todo), show)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _with_progress(results: Iterator[Any], total: int, show: bool) -> Iterator[Any]:
    if not show:
        yield from results
        return
    import click

    with click.progressbar(length=total, label="Læser sagsfiler", file=sys.stderr,
                           show_pos=True, show_eta=True) as bar:
        for item in results:
            bar.update(1)
            yield item


def _prune(con: sqlite3.Connection, roots: Sequence[Path], present: set[str]) -> None:
    """Forget indexed files under the scanned folders that are gone."""
    dirs = [os.path.abspath(r) for r in roots if Path(r).is_dir()]
    if not dirs:
        return
    gone = [sti for (sti,) in con.execute("SELECT sti FROM sager")
            if sti not in present and any(sti.startswith(d + os.sep) for d in dirs)]
    con.executemany("DELETE FROM sager WHERE sti = ?", [(s,) for s in gone])


