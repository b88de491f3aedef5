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
    frister TEXT,
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


def find_case_files(paths: Sequence[Path | str]) -> list[str]:
    """Every case file under ``paths`` (folders searched recursively, hidden ones skipped),
    sorted; a named file is taken as it is. A path that does not exist is an error."""
    found: list[str] = []
    for p in map(str, paths):
        if os.path.isfile(p):
            found.append(p)
        elif os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if (name.endswith(SUFFIXES) and not name.endswith(SKIPPED_SUFFIX)
                            and not name.startswith(".")):
                        found.append(os.path.join(root, name))
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

Row = tuple[str, int, int, str, str | None, str | None, str | None, bool]


def _parse(job: tuple[str, str | None, str]) -> Row:
    """Worker: (path, stored sha or None, horisont) -> the row to store:
    (path, mtime_ns, size, sha256, record json, frister json, error, unchanged)."""
    path_s, old_sha, horisont_s = job
    try:
        st = os.stat(path_s)
        with open(path_s, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        return (path_s, 0, 0, "", None, None,
                f"Sagsfilen {path_s} kan ikke læses ({exc.strerror}).", False)
    sha = hashlib.sha256(raw).hexdigest()
    if sha == old_sha:
        return path_s, st.st_mtime_ns, st.st_size, sha, None, None, None, True
    record, frister, error = parse_record(Path(path_s), raw, date.fromisoformat(horisont_s))
    return path_s, st.st_mtime_ns, st.st_size, sha, record, frister, error, False


def parse_record(path: Path, raw: bytes, horisont: date
                 ) -> tuple[str | None, str | None, str | None]:
    """(record JSON, frister JSON, None) or (None, None, Danish error) for one case file.

    The deadlines are stored apart from the rest: the statistics never need them."""
    from gldocs.caseload.fastload import load_case_fast
    from gldocs.caseload.records import case_record

    try:
        record = case_record(load_case_fast(path, raw), horisont)
    except GldocsError as err:
        return None, None, err.message
    except Exception as exc:  # one odd file must not stop the caseload; it is reported
        return None, None, (f"Sagsfilen {path} kunne ikke behandles (intern fejl: "
                            f"{type(exc).__name__}).")
    frister = {k: record.pop(k) for k in FRIST_KEYS}
    return json.dumps(record, ensure_ascii=False), json.dumps(frister, ensure_ascii=False), None


# --------------------------------------------------------------------------- the index

_COLUMNS = "sti, mtime_ns, stoerrelse, sha256, version, horisont, record, frister, fejl"


def _open(index_path: Path) -> sqlite3.Connection:
    index_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fresh = not index_path.exists()
    con = sqlite3.connect(index_path)
    try:
        con.execute(_SCHEMA)
        con.execute(f"SELECT {_COLUMNS} FROM sager LIMIT 1").fetchall()
    except sqlite3.DatabaseError:
        con.close()
        print(f"Sagsindekset {index_path} er beskadiget eller forældet og bygges forfra.",
              file=sys.stderr)
        index_path.unlink()
        con = sqlite3.connect(index_path)
        con.execute(_SCHEMA)
        fresh = True
    if fresh:
        os.chmod(index_path, 0o600)
    return con


def scan(paths: Sequence[Path | str], *, horisont: date, index_path: Path | None = None,
         progress: bool | None = None, workers: int | None = None,
         frister: bool = True) -> ScanResult:
    """Bring the index up to date for every case file under ``paths`` and return them all.

    ``horisont``: the latest date the deadlines must reach (records computed with an
    earlier one are renewed). ``progress``: show a progress bar (default: when stderr is
    a terminal). ``frister``: include each record's deadlines and done entries (the
    overview needs them, the statistics do not).
    """
    files = find_case_files(paths)
    index_path = Path(index_path) if index_path else default_index_path()
    version = _version()
    need = horisont.isoformat()
    store_horisont = date(horisont.year + 1, horisont.month, min(horisont.day, 28)).isoformat()
    try:
        con = _open(index_path)
    except (OSError, sqlite3.Error) as exc:
        raise InputError(f"Sagsindekset {index_path} kan ikke åbnes: {exc}") from None
    with con:
        stored = {row[0]: row for row in con.execute(f"SELECT {_COLUMNS} FROM sager")}
        keys = [os.path.abspath(f) for f in files]
        entries: dict[str, Entry] = {}
        todo: list[tuple[str, str | None, str]] = []
        for f, key in zip(files, keys, strict=True):
            row = stored.get(key)
            try:
                st = os.stat(key)
            except OSError:
                row, st = None, None
            usable = row is not None and row[4] == version and (row[8] is not None
                                                                or row[5] >= need)
            if usable and row is not None and st is not None and row[1] == st.st_mtime_ns \
                    and row[2] == st.st_size:
                entries[key] = _entry(f, row[6], row[7] if frister else None, row[8])
            else:
                todo.append((key, row[3] if usable and row is not None else None,
                             store_horisont))
        parsed = 0
        shown = dict(zip(keys, files, strict=True))
        for key, mtime, size, sha, record, fr, error, unchanged in _run(todo, progress, workers):
            if unchanged:
                record, fr, error = stored[key][6], stored[key][7], stored[key][8]
            else:
                parsed += 1
            con.execute(
                "INSERT OR REPLACE INTO sager VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, mtime, size, sha, version,
                 store_horisont if error is None else "9999-12-31", record, fr, error))
            entries[key] = _entry(shown[key], record, fr if frister else None, error)
        _prune(con, paths, set(keys))
    con.close()
    return ScanResult([entries[k] for k in keys], parsed, len(files) - parsed, index_path)


FRIST_KEYS = ("frister", "udfoert")


def _entry(fil: str, record: str | None, frister: str | None, fejl: str | None) -> Entry:
    data = json.loads(record) if record else None
    if data is not None and frister:
        data.update(json.loads(frister))
    return Entry(fil, data, fejl)


def _run(todo: list[tuple[str, str | None, str]], progress: bool | None,
         workers: int | None) -> Iterator[Row]:
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


def _prune(con: sqlite3.Connection, roots: Sequence[Path | str], present: set[str]) -> None:
    """Forget indexed files under the scanned folders that are gone."""
    dirs = [os.path.abspath(r) for r in roots if os.path.isdir(r)]
    if not dirs:
        return
    gone = [sti for (sti,) in con.execute("SELECT sti FROM sager")
            if sti not in present and any(sti.startswith(d + os.sep) for d in dirs)]
    con.executemany("DELETE FROM sager WHERE sti = ?", [(s,) for s in gone])


