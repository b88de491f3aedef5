"""Every error gldocs raises on purpose.

Each carries a Danish message for the caseworker; the CLI prints it and exits with
``exit_code``, never a traceback.

    GldocsError                 (exit 3: internal error, or anything unexpected)
    ├── InputError              (exit 2: bad input or usage; nothing written)
    │   ├── CaseFileError       a case file that does not validate (file, line, field path)
    │   ├── Inconsistency       cross-field problems a case model validator found (a
    │   │                       ValueError for pydantic; the loader makes a CaseFileError)
    │   ├── PolicyError         a policy file that does not validate
    │   │   └── LexiconError    a policy's lexicon that is missing, broken or empty
    │   ├── DocumentError       an input document that cannot be read (e.g. scanned PDF)
    │   │   ├── OutputError     an output that cannot be written (also an OSError)
    │   │   └── DoctypeError    an XML part with a DOCTYPE or entities (also a ValueError)
    │   ├── BadJSON             a JSON text beyond the limits or broken (also a ValueError)
    │   ├── ConflictError       a review request the current state does not allow (HTTP 409)
    │   └── RefusedError        a request the law does not allow (e.g. følgeskrivelse for udvist)
    ├── DataFileError           (exit 3: a data file inside the package is missing or broken)
    ├── ModelError              (exit 3: the NER model cannot load; redaction fails closed)
    └── BlockedError            (exit 1: done checking, but the result must not go out)
        ├── LeakError           the leak scan found removed or third-party data
        ├── LogTamperedError    the disclosure log fails verification
        └── UndecidedError      findings still await the caseworker's decision

Catch ``GldocsError`` broadly; recover narrowly.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class GldocsError(Exception):
    """Base of all gldocs errors. ``str(err)`` is the Danish message."""

    exit_code = 3

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(GldocsError):
    """Bad input or usage: exit 2, nothing written."""

    exit_code = 2


@dataclass(frozen=True)
class FieldProblem:
    """One problem in a structured input file."""

    path: str  # field path, e.g. "stamoplysninger.cpr"
    message: str  # Danish description of the problem
    line: int | None = None  # 1-based line in the file, when known


class CaseFileError(InputError):
    """A case file that does not validate. Lists every problem found."""

    def __init__(self, file: str, problems: list[FieldProblem] | None = None,
                 message: str | None = None) -> None:
        self.file = file
        self.problems = problems or []
        if message is None:
            lines = [f"Sagsfilen {file} er ikke gyldig:"]
            for p in self.problems:
                where = f"linje {p.line}, " if p.line else ""
                lines.append(f"  - {where}felt '{p.path}': {p.message}")
            message = "\n".join(lines)
        super().__init__(message)


class Inconsistency(InputError, ValueError):
    """Cross-field problems found by a case model validator.

    ``problems`` holds (path relative to the model, Danish message) pairs; the loader adds
    the model's own location and maps each to its line in the YAML file. A ValueError too,
    so pydantic reports it as a validation error of the model.
    """

    def __init__(self, problems: list[tuple[tuple[str | int, ...], str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(msg for _, msg in problems))


class PolicyError(InputError):
    """A policy file that does not validate."""


class LexiconError(PolicyError):
    """A lexicon or word list of a policy that is missing, malformed or empty."""


class DocumentError(InputError):
    """An input document that cannot be read or written safely."""


class OutputError(DocumentError, OSError):
    """An output that cannot be written (a folder that cannot be made or written).

    Also an :class:`OSError`, so code that cleans up after a failed write still does."""

    def __init__(self, message: str, errno: int | None = None,
                 strerror: str | None = None, filename: str | None = None) -> None:
        DocumentError.__init__(self, message)
        self.errno = errno
        self.strerror = strerror
        self.filename = filename

    def __str__(self) -> str:
        return self.message


class DoctypeError(DocumentError, ValueError):
    """An XML part declares a DOCTYPE or entities (never written by Word); the reader of
    the part names the file and the part."""


class BadJSON(InputError, ValueError):
    """A text that is not JSON within the limits (:mod:`gldocs.jsonsafe`); the message says
    why in technical terms, and the caller tells the caseworker which file."""


class ConflictError(InputError):
    """A review request the current state does not allow (the review page's HTTP 409)."""


class RefusedError(InputError):
    """A request the rules do not allow (the message says why)."""


class DataFileError(GldocsError):
    """A data file shipped inside the gldocs package is missing or broken (the installation
    is damaged): gldocs stops rather than read documents without its words."""


class ModelError(GldocsError):
    """The Danish NER model cannot be loaded. Redaction stops (fail closed)."""


class BlockedError(GldocsError):
    """The work was done, but the result must not leave the prison as it is."""

    exit_code = 1


@dataclass
class Leak:
    """One place where data that must not go out was found."""

    file: str
    place: str  # e.g. "word/footer1.xml", "PDF-metadata /Author", "filnavn"
    text: str  # what was found (a CPR number is shown masked by the caller if wanted)
    kind: str = ""  # e.g. "cpr", "fjernet tekst", "tredjepart"
    extra: dict[str, str] = field(default_factory=dict)


class LeakError(BlockedError):
    def __init__(self, leaks: list[Leak]) -> None:
        self.leaks = leaks
        lines = ["Lækagescanningen fandt oplysninger, der ikke må sendes:"]
        lines += [f"  - {lk.file} [{lk.place}]: {lk.kind} '{lk.text}'" for lk in leaks]
        super().__init__("\n".join(lines))


class LogTamperedError(BlockedError):
    """The disclosure log fails verification: nothing may be appended until it has been
    examined."""


class UndecidedError(BlockedError):
    """Export refused: findings still need the caseworker's decision."""
