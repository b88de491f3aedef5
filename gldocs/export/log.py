"""The disclosure log (videregivelseslog): one hash-chained JSON line per export.

Every time something leaves the prison for the municipality, :func:`append_entry` adds one
line to an append-only JSON Lines file::

    {"caseworker": ..., "client": "<HMAC-SHA256 of the CPR>", "documents": [{"name", "sha256"}],
     "findings_by_rule": {"R1": 3}, "hash": "...", "legal_grounds": ["rhl. § 9"],
     "policy": {"name", "version"}, "prev": "...", "recipient": ..., "reference": ...,
     "restored": [{"id", "rule", "ground", "justification"}], "seq": 1,
     "time": "2026-11-25T13:20:01+00:00", "v": 1}

Integrity:

* ``hash`` is the SHA-256 of the canonical JSON (sorted keys, no spaces, UTF-8) of the entry
  without ``hash``, so it covers ``prev`` and ``seq``; ``prev`` is the previous line's
  ``hash`` (64 zeros on the first line); ``seq`` is the 1-based line number.
* An edited line no longer matches its hash (or, if its hash was recomputed, breaks the next
  line's ``prev``); a removed or reordered line breaks ``prev`` and ``seq``.
* Removing the *last* line(s) leaves a consistent chain, so the head (count and hash of the
  last line) is also kept in a sidecar file ``<log>.head``, written atomically after each
  append; :func:`verify_log` checks the log against it. Appending first verifies the whole
  log and refuses to extend a broken one (otherwise a removed last line would be hidden by
  the next append).
* Limits: anyone who can rewrite both files can recompute every hash. The chain detects
  mistakes and naive tampering; against a deliberate forger, note the head hash printed by
  ``gldocs log verify`` somewhere else (journal, ticket) now and then.

Privacy: the client is stored only as HMAC-SHA256 of the normalised CPR number under a
per-installation salt, kept in ``<gldocs home>/log-salt`` (created on first use, mode 0600;
the home is ``$GLDOCS_HOME`` or ``~/.config/gldocs``). Free-text fields are refused when they
contain anything that looks like a CPR number. Restored findings are logged by id, rule,
ground and justification, never by their text.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import hmac
import json
import os
import re
import secrets
import stat
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gldocs.atomic import write_text_atomic
from gldocs.cpr import digits_of
from gldocs.errors import BadJSON, InputError, LogTamperedError
from gldocs.jsonsafe import loads_bounded

try:  # POSIX advisory locks; without them a whole line is still written in one call
    import fcntl
except ImportError:  # pragma: no cover - non-POSIX
    fcntl = None  # type: ignore[assignment]

FORMAT_VERSION = 1
GENESIS = "0" * 64
SALT_FILE = "log-salt"
LOG_FILE = "videregivelseslog.jsonl"
HEAD_SUFFIX = ".head"

_HEX64 = re.compile(r"^[0-9a-f]{64}$")
# anything shaped like a CPR number with a possible day and month: looser than
# gldocs.cpr.birth_date on purpose (a text in the log must hold no CPR-like number at all)
_CPR_LIKE = re.compile(r"(?<!\d)(\d{2})(\d{2})\d{2}[- ]?\d{4}(?!\d)")


# ---------------------------------------------------------------- locations


def gldocs_home() -> Path:
    """``$GLDOCS_HOME`` or ``~/.config/gldocs``: per-installation data (salt, log)."""
    env = os.environ.get("GLDOCS_HOME")
    return Path(env).expanduser() if env else Path.home() / ".config" / "gldocs"


def default_log_path() -> Path:
    """``$GLDOCS_LOG`` or ``<gldocs home>/videregivelseslog.jsonl``."""
    env = os.environ.get("GLDOCS_LOG")
    return Path(env).expanduser() if env else gldocs_home() / LOG_FILE


def head_path(log_path: Path) -> Path:
    return log_path.with_name(log_path.name + HEAD_SUFFIX)


def _private_dir(path: Path) -> None:
    if not path.exists():
        path.mkdir(parents=True, mode=0o700, exist_ok=True)


# ---------------------------------------------------------------- client pseudonym


def load_salt(home: Path | None = None) -> bytes:
    """The installation's salt, created (32 random bytes, mode 0600) on first use."""
    home = home or gldocs_home()
    path = home / SALT_FILE
    _private_dir(home)
    if not path.exists():
        _create_salt(path)
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise InputError(
            f"Saltfilen {path} kan læses af andre end ejeren (rettigheder {mode:04o}); "
            f"ret det med 'chmod 600 {path}'"
        )
    text = path.read_text(encoding="ascii").strip()
    try:
        salt = bytes.fromhex(text)
    except ValueError:
        salt = b""
    if len(salt) < 16:
        raise InputError(f"Saltfilen {path} er beskadiget (forventede mindst 16 byte i hex)")
    return salt


def _create_salt(path: Path) -> None:
    """Write a new salt completely (mode 0600) and link it into place; never overwrite one
    another process created meanwhile (``os.link`` fails if the name exists)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)  # mode 0600
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_hex(32) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    finally:
        os.unlink(tmp)


def normalise_cpr(cpr: str, field_name: str = "client_cpr") -> str:
    """The ten digits of a CPR number written with digits, spaces and dashes only
    (:mod:`gldocs.cpr`, the one CPR module); InputError naming ``field_name`` otherwise."""
    digits = digits_of(cpr or "")
    if not re.fullmatch(r"[\d\s-]+", cpr or "") or len(digits) != 10:
        raise InputError(f"Feltet '{field_name}' skal være et CPR-nummer (10 cifre, "
                         "evt. DDMMÅÅ-NNNN)")
    return digits


def client_hash(cpr: str, home: Path | None = None) -> str:
    """The client's pseudonym in the log: HMAC-SHA256(salt, CPR digits), hex."""
    return hmac.new(load_salt(home), normalise_cpr(cpr).encode("ascii"),
                    hashlib.sha256).hexdigest()


# ---------------------------------------------------------------- entries


@dataclass(frozen=True)
class LoggedDocument:
    name: str  # the neutral file name that was sent
    sha256: str

    @classmethod
    def of(cls, name: str, data: bytes) -> LoggedDocument:
        return cls(name=name, sha256=hashlib.sha256(data).hexdigest())


@dataclass(frozen=True)
class RestoredFinding:
    """A finding the caseworker chose to pass on, with the written justification."""

    id: str
    rule: str
    ground: str
    justification: str


@dataclass
class Disclosure:
    """What an export tells the log. ``client_cpr`` is hashed before anything is stored."""

    caseworker: str
    recipient: str
    client_cpr: str
    documents: list[LoggedDocument]
    policy_name: str
    policy_version: str
    legal_grounds: list[str] = field(default_factory=list)
    findings_by_rule: dict[str, int] = field(default_factory=dict)
    restored: list[RestoredFinding] = field(default_factory=list)
    reference: str | None = None  # case reference (never a name or CPR)


@dataclass(frozen=True)
class Entry:
    """One verified line of the log."""

    seq: int
    time: str
    caseworker: str
    recipient: str
    client: str
    documents: tuple[LoggedDocument, ...]
    policy_name: str
    policy_version: str
    legal_grounds: tuple[str, ...]
    findings_by_rule: dict[str, int]
    restored: tuple[RestoredFinding, ...]
    reference: str | None
    prev: str
    hash: str

    def body(self) -> dict[str, Any]:
        """The JSON object without ``hash`` (what the hash covers)."""
        return {
            "v": FORMAT_VERSION,
            "seq": self.seq,
            "time": self.time,
            "caseworker": self.caseworker,
            "recipient": self.recipient,
            "client": self.client,
            "reference": self.reference,
            "documents": [dataclasses.asdict(d) for d in self.documents],
            "policy": {"name": self.policy_name, "version": self.policy_version},
            "legal_grounds": list(self.legal_grounds),
            "findings_by_rule": dict(self.findings_by_rule),
            "restored": [dataclasses.asdict(r) for r in self.restored],
            "prev": self.prev,
        }

    def line(self) -> str:
        return canonical({**self.body(), "hash": self.hash})

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.time)

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Entry:
        """Rebuild an entry from a parsed line. Raises ``ValueError``/``KeyError``/``TypeError``
        on a malformed one."""
        policy = obj["policy"]
        return cls(
            seq=int(obj["seq"]),
            time=str(obj["time"]),
            caseworker=str(obj["caseworker"]),
            recipient=str(obj["recipient"]),
            client=str(obj["client"]),
            documents=tuple(LoggedDocument(str(d["name"]), str(d["sha256"]))
                            for d in obj["documents"]),
            policy_name=str(policy["name"]),
            policy_version=str(policy["version"]),
            legal_grounds=tuple(str(g) for g in obj["legal_grounds"]),
            findings_by_rule={str(k): int(v) for k, v in obj["findings_by_rule"].items()},
            restored=tuple(RestoredFinding(str(r["id"]), str(r["rule"]), str(r["ground"]),
                                           str(r["justification"])) for r in obj["restored"]),
            reference=None if obj.get("reference") is None else str(obj["reference"]),
            prev=str(obj["prev"]),
            hash=str(obj["hash"]),
        )


def canonical(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(body: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical(body).encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- input checks


def _coerce(entry: Disclosure | Mapping[str, Any]) -> Disclosure:
    if isinstance(entry, Disclosure):
        return entry
    if not isinstance(entry, Mapping):
        raise InputError("En videregivelse skal angives som Disclosure eller ordbog")
    allowed = {f.name for f in dataclasses.fields(Disclosure)}
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise InputError(f"Ukendte felter i videregivelsen: {', '.join(unknown)} "
                         f"(tilladt: {', '.join(sorted(allowed))})")
    data = dict(entry)
    try:
        data["documents"] = [d if isinstance(d, LoggedDocument) else LoggedDocument(**d)
                             for d in data.get("documents", [])]
        data["restored"] = [r if isinstance(r, RestoredFinding) else RestoredFinding(**r)
                            for r in data.get("restored", [])]
        return Disclosure(**data)
    except TypeError as exc:
        raise InputError(f"Videregivelsen er ufuldstændig eller forkert opbygget: {exc}") from None


def _looks_like_cpr(text: str) -> bool:
    for m in _CPR_LIKE.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if 1 <= day <= 31 and 1 <= month <= 12:
            return True
    return False


def _check_text(name: str, value: Any, *, required: bool = True) -> str:
    if not isinstance(value, str) or (required and not value.strip()):
        raise InputError(f"Feltet '{name}' skal udfyldes med tekst")
    if _looks_like_cpr(value):
        raise InputError(f"Feltet '{name}' ser ud til at indeholde et CPR-nummer; "
                         "videregivelsesloggen må ikke indeholde CPR-numre i klartekst")
    return value.strip()


def _validate(d: Disclosure) -> None:
    _check_text("caseworker", d.caseworker)
    _check_text("recipient", d.recipient)
    _check_text("policy_name", d.policy_name)
    _check_text("policy_version", d.policy_version)
    if d.reference is not None:
        _check_text("reference", d.reference)
    if not d.documents:
        raise InputError("Feltet 'documents' skal nævne mindst ét dokument")
    for i, doc in enumerate(d.documents):
        _check_text(f"documents[{i}].name", doc.name)
        if not isinstance(doc.sha256, str) or not _HEX64.match(doc.sha256):
            raise InputError(f"Feltet 'documents[{i}].sha256' skal være en SHA-256 i hex "
                             "(64 tegn, små bogstaver)")
    for i, ground in enumerate(d.legal_grounds):
        _check_text(f"legal_grounds[{i}]", ground)
    for rule, count in d.findings_by_rule.items():
        _check_text("findings_by_rule", rule)
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise InputError(f"Feltet 'findings_by_rule.{rule}' skal være et antal (0 eller mere)")
    for i, r in enumerate(d.restored):
        _check_text(f"restored[{i}].id", r.id)
        _check_text(f"restored[{i}].rule", r.rule)
        _check_text(f"restored[{i}].ground", r.ground)
        _check_text(f"restored[{i}].justification", r.justification)


# ---------------------------------------------------------------- reading and verifying


@dataclass(frozen=True)
class Problem:
    """One integrity problem. ``line`` is 1-based (None: the file as a whole)."""

    line: int | None
    message: str  # Danish

    def __str__(self) -> str:
        return f"linje {self.line}: {self.message}" if self.line else self.message


@dataclass
class LogState:
    entries: list[Entry]
    problems: list[Problem]
    lines: int  # non-empty lines in the file
    head: dict[str, Any] | None

    @property
    def last_hash(self) -> str:
        return self.entries[-1].hash if self.entries else GENESIS


def _read_head(log_path: Path) -> tuple[dict[str, Any] | None, Problem | None]:
    path = head_path(log_path)
    if not path.exists():
        return None, None
    try:
        head = loads_bounded(path.read_bytes())
        if not isinstance(head, dict):
            raise ValueError("not an object")
        return {"count": int(head["count"]), "hash": str(head["hash"])}, None
    except (BadJSON, OSError, ValueError, KeyError, TypeError, OverflowError):
        return None, Problem(None, f"hovedfilen {path.name} kan ikke læses")


def _read(log_path: Path) -> LogState:
    head, head_problem = _read_head(log_path)
    problems: list[Problem] = [head_problem] if head_problem else []
    entries: list[Entry] = []
    if not log_path.exists():
        if head is not None and head["count"] > 0:
            problems.append(Problem(None, f"loggen {log_path} mangler, men hovedfilen angiver "
                                          f"{head['count']} linjer"))
        elif head is None and not head_problem and str(log_path.resolve()) in written_logs():
            problems.append(Problem(None, f"loggen {log_path} og dens hovedfil mangler, men "
                                          "denne installation har skrevet videregivelser til "
                                          "den (slettet?)"))
        return LogState(entries, problems, 0, head)

    raw = log_path.read_bytes()
    if raw and not raw.endswith(b"\n"):
        problems.append(Problem(None, "filen slutter midt i en linje (afkortet?)"))
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    prev = GENESIS
    last_hash: str | None = None  # the stored hash of the last line, when it parses
    for n, raw_line in enumerate(lines, start=1):
        last_hash = None
        if not raw_line.strip():
            problems.append(Problem(n, "tom linje"))
            prev = "?"
            continue
        try:
            obj = loads_bounded(raw_line)
            entry = Entry.from_json(obj)
            entry.when  # noqa: B018 - a time that does not parse is a malformed line
            body = {k: v for k, v in obj.items() if k != "hash"}
            body_hash = entry_hash(body)
        except (BadJSON, ValueError, KeyError, TypeError, AttributeError, RecursionError,
                OverflowError):
            # any shape that is not a log entry (deep nesting, huge numbers, forged types)
            problems.append(Problem(n, "kan ikke læses som en logpost (ændret eller afkortet)"))
            prev = "?"
            continue
        if body_hash != entry.hash:
            problems.append(Problem(n, "indholdet er ændret (hash passer ikke)"))
        if entry.seq != n:
            problems.append(Problem(n, f"har løbenummer {entry.seq}: linjer er fjernet, "
                                       "indsat eller byttet om"))
        if prev != "?" and entry.prev != prev:
            what = "første linje" if n == 1 else f"linje {n - 1}"
            problems.append(Problem(n, f"kæden er brudt: peger ikke på {what} "
                                       "(en linje er fjernet, ændret eller flyttet)"))
        prev = last_hash = entry.hash
        entries.append(entry)

    count = len(lines)
    if head is None:
        if count and not head_problem:
            problems.append(Problem(None, f"hovedfilen {head_path(log_path).name} mangler"))
    else:
        if head["count"] != count:
            problems.append(Problem(None, f"loggen har {count} linjer, men hovedfilen angiver "
                                          f"{head['count']}: linjer er fjernet eller tilføjet "
                                          "uden om gldocs"))
        elif count and last_hash is not None and head["hash"] != last_hash:
            problems.append(Problem(count, "sidste linje passer ikke med hovedfilen "
                                           "(ændret eller udskiftet)"))
    return LogState(entries, problems, count, head)


def read_log(log_path: Path | str) -> tuple[list[Entry], list[Problem]]:
    """Every readable entry and every integrity problem (empty when the log is intact)."""
    state = _read(Path(log_path))
    return state.entries, state.problems


def verify_log(log_path: Path | str) -> list[Problem]:
    """Integrity problems of the log; an empty list means intact (or no log yet)."""
    return _read(Path(log_path)).problems


def head_hash(log_path: Path | str) -> str:
    """The hash of the last line (64 zeros for an empty log)."""
    return _read(Path(log_path)).last_hash


# ---------------------------------------------------------------- appending


@contextlib.contextmanager
def _locked(log_path: Path) -> Iterator[None]:
    lock = log_path.with_name(log_path.name + ".lock")
    fd = os.open(lock, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def append_entry(log_path: Path | str | None, entry: Disclosure | Mapping[str, Any], *,
                 home: Path | None = None, now: datetime | None = None) -> Entry:
    """Append one disclosure to the log and return the stored :class:`Entry`.

    The whole log is verified first; a broken log raises :class:`LogTamperedError` and
    nothing is written. The line is written with one ``write`` on an ``O_APPEND`` file
    descriptor and fsynced, then the head file is replaced atomically. ``home`` locates the
    salt (default :func:`gldocs_home`), ``now`` is for tests.
    """
    path = Path(log_path) if log_path is not None else default_log_path()
    disclosure = _coerce(entry)
    _validate(disclosure)
    client = client_hash(disclosure.client_cpr, home)
    when = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    _private_dir(path.parent)

    with _locked(path):
        state = _read(path)
        if state.problems:
            raise LogTamperedError(_tampered_message(path, state.problems)
                                   + "\nVideregivelsen er ikke logget; intet er tilføjet.")
        body_entry = Entry(
            seq=state.lines + 1,
            time=when.isoformat(),
            caseworker=disclosure.caseworker.strip(),
            recipient=disclosure.recipient.strip(),
            client=client,
            documents=tuple(disclosure.documents),
            policy_name=disclosure.policy_name.strip(),
            policy_version=disclosure.policy_version.strip(),
            legal_grounds=tuple(g.strip() for g in disclosure.legal_grounds),
            findings_by_rule=dict(sorted(disclosure.findings_by_rule.items())),
            restored=tuple(disclosure.restored),
            reference=disclosure.reference.strip() if disclosure.reference else None,
            prev=state.last_hash,
            hash="",
        )
        stored = dataclasses.replace(body_entry, hash=entry_hash(body_entry.body()))
        data = (stored.line() + "\n").encode("utf-8")
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            written = os.write(fd, data)
            if written != len(data):
                raise OSError(f"kun {written} af {len(data)} byte skrevet til {path}")
            os.fsync(fd)
        finally:
            os.close(fd)
        write_text_atomic(head_path(path), canonical({"count": stored.seq,
                                                      "hash": stored.hash}) + "\n",
                          replace=True)
    _remember_log(path)
    return stored


# ---------------------------------------------------------------- installation state

STATE_FILE = "tilstand.json"


def written_logs(home: Path | None = None) -> list[str]:
    """The logs (resolved paths) this installation has ever appended to, from its state file
    (``<gldocs home>/tilstand.json``). An unreadable state file counts as "some log was
    written" (fail closed): it holds the one marker ``"?"``."""
    path = (home or gldocs_home()) / STATE_FILE
    if not path.exists():
        return []
    try:
        state = loads_bounded(path.read_bytes())
        logs = state["logs"]
        if not isinstance(logs, list) or not all(isinstance(x, str) for x in logs):
            raise TypeError("logs")
        return list(logs)
    except (BadJSON, OSError, KeyError, TypeError):
        return ["?"]


def _remember_log(log_path: Path, home: Path | None = None) -> None:
    home = home or gldocs_home()
    logs = [x for x in written_logs(home) if x != "?"]
    key = str(Path(log_path).resolve())
    if key in logs and (home / STATE_FILE).exists():
        return
    _private_dir(home)
    write_text_atomic(home / STATE_FILE, canonical({"logs": sorted({*logs, key})}) + "\n",
                      replace=True)


def _tampered_message(path: Path, problems: list[Problem]) -> str:
    lines = [f"Videregivelsesloggen {path} er ikke intakt:"]
    lines += [f"  - {p}" for p in problems]
    return "\n".join(lines)


def check_log(log_path: Path | str) -> list[Entry]:
    """The entries of an intact log; raises :class:`LogTamperedError` naming the lines."""
    path = Path(log_path)
    state = _read(path)
    if state.problems:
        raise LogTamperedError(_tampered_message(path, state.problems))
    return state.entries
