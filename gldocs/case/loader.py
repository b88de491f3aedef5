"""Read a case file (YAML) into a :class:`Case`, or explain in Danish what is wrong.

Every problem names the file, the line (from the YAML node marks), the field path and
the problem. YAML is read with two deliberate deviations from YAML 1.1: dates stay text
until the model parses them (so a wrong date is reported on its field, not as a crash),
and only ``true``/``false`` are booleans (``no`` or ``on`` in a text stays text; yes/no
fields also accept ``ja``/``nej``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from gldocs.case.fields import format_path
from gldocs.case.messages import Loc, problems_from_error
from gldocs.case.model import Case
from gldocs.case.placeholders import placeholder_problems
from gldocs.errors import CaseFileError, FieldProblem
from gldocs.sprog import os_fejl
from gldocs.yamlfile import NoAliasLoader
from gldocs.yamlfile import line_of as _line_of

_BOOL_TAG = "tag:yaml.org,2002:bool"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


def max_bytes() -> int:
    """The largest case file read (a few pages of text; ``--graense sag-kb``)."""
    from gldocs.limits import current

    return current().case_kb * 1000


class _CaseLoader(NoAliasLoader):
    """SafeLoader without implicit timestamps, with YAML 1.2 booleans and without aliases
    (a case file needs no anchors, and aliases can blow up validation)."""


_CaseLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL_TAG, _TIMESTAMP_TAG)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_CaseLoader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

# English YAML parser problems -> Danish explanations.
_YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed",
     "kolon på et uventet sted; sæt anførselstegn om tekst, der indeholder ': '"),
    ("could not find expected ':'", "der mangler et kolon efter feltnavnet"),
    ("'\\t' that cannot start any token",
     "tabulatortegn er ikke tilladt til indrykning; brug mellemrum"),
    ("cannot start any token", "tegnet er ikke tilladt her; sæt anførselstegn om tekst, der "
                               "begynder med @, ` eller %"),
    ("did not find expected key", "forkert indrykning"),
    ("expected <block end>", "forkert indrykning"),
    ("did not find expected '-'", "forkert indrykning i en liste"),
    ("found unexpected end of stream", "et anførselstegn er ikke lukket"),
    ("while scanning a quoted scalar", "et anførselstegn er ikke lukket"),
    ("found unknown escape character", "ukendt escape-tegn i tekst med dobbelte anførselstegn; "
                                       "brug enkelte anførselstegn"),
    ("aliases are not allowed", "aliaser (*navn) er ikke tilladt i en sagsfil; skriv "
                                "teksten ud"),
    ("found undefined alias", "aliaser (*navn) er ikke tilladt i en sagsfil"),
    ("could not determine a constructor", "ukendt YAML-tag (!...) er ikke tilladt"),
    ("expected a single document", "filen må kun indeholde ét YAML-dokument"),
)


def load_case(path: str | Path) -> Case:
    """Load and validate the case file at ``path``. Raises :class:`CaseFileError`."""
    path = Path(path)
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CaseFileError(name, message=f"Sagsfilen {name} findes ikke.") from None
    except IsADirectoryError:
        raise CaseFileError(name, message=f"{name} er en mappe, ikke en sagsfil.") from None
    except OSError as exc:
        raise CaseFileError(
            name, message=f"Sagsfilen {name} kan ikke læses ({os_fejl(exc)})."
        ) from None
    kind = _not_a_case_file(path, raw)
    if kind:
        raise CaseFileError(name, message=(
            f"{name} er {kind}; det er ikke en sagsfil (YAML). En sagsfil er en .yaml-fil "
            "(lav en med 'gldocs init min-sag.yaml'). Et dokument redigeres med "
            f"'gldocs redact {path.name} --areas OMRÅDER'."))
    limit = max_bytes()
    if len(raw) > limit:
        raise CaseFileError(name, message=f"Sagsfilen {name} er for stor ({len(raw) // 1000} "
                                          f"kB, grænsen er {limit // 1000} kB); en sagsfil er "
                                          "få sider. Er den ægte, kan grænsen hæves med "
                                          "'gldocs --graense sag-kb=TAL …'.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _file_error(
            name, "filen er ikke gemt som UTF-8; gem den som UTF-8 og prøv igen", line
        ) from None
    return load_case_text(text, name)


_DOCUMENT_KINDS = {".docx": "et Word-dokument", ".doc": "et Word-dokument",
                   ".pdf": "en PDF", ".odt": "et tekstdokument", ".rtf": "et tekstdokument",
                   ".txt": "en tekstfil"}


def _not_a_case_file(path: Path, raw: bytes) -> str:
    """What the file is when it is plainly a document, not a case file ("" otherwise)."""
    if raw.startswith(b"%PDF"):
        return "en PDF"
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"\xd0\xcf\x11\xe0"):
        return _DOCUMENT_KINDS.get(path.suffix.lower(), "et Word-dokument eller en zip-fil")
    if path.suffix.lower() in _DOCUMENT_KINDS:
        return _DOCUMENT_KINDS[path.suffix.lower()]
    return ""


def load_case_text(text: str, name: str = "<sagsfil>", *,
                   allow_placeholders: bool = False) -> Case:
    """Validate case-file YAML ``text``; ``name`` is used in error messages.

    A file still carrying the starter's example texts fails, unless
    ``allow_placeholders`` (only ``gldocs init`` checking its own starter).
    """
    node, data = _parse_yaml(text, name)
    if not isinstance(data, dict):
        raise _file_error(
            name, "filen skal indeholde felter som 'reference:', 'stamoplysninger:' osv.", 1)
    problems: list[FieldProblem] = []
    if not allow_placeholders:
        problems += [FieldProblem(format_path(loc), message, _line_of(node, loc))
                     for loc, message in placeholder_problems(data)]
    try:
        case = Case.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            for loc, message in problems_from_error(err):
                problems.append(FieldProblem(
                    format_path(loc) or "(fil)", message, _line_of(node, loc)))
    else:
        if not problems:
            return case
    problems.sort(key=lambda p: (p.line or 0, p.path))
    raise CaseFileError(name, _dedupe(problems)) from None


def dump_case(case: Case) -> str:
    """The case as YAML that :func:`load_case_text` reads back (empty fields left out)."""
    data = case.model_dump(mode="json", exclude_none=True)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def _parse_yaml(text: str, name: str) -> tuple[yaml.Node | None, Any]:
    loader = _CaseLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            duplicates = list(_duplicate_keys(node, ()))
            if duplicates:
                raise CaseFileError(name, duplicates)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        # an unclosed quote is best shown where it opens, not at the end of the file
        quoted = "quoted scalar" in str(exc.context)
        mark = (exc.context_mark if quoted else None) or exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise _file_error(name, _yaml_message(exc), line) from None
    except yaml.YAMLError:
        raise _file_error(name, "filen er ikke gyldig YAML", None) from None
    finally:
        loader.dispose()
    return node, data


def _file_error(name: str, problem: str, line: int | None) -> CaseFileError:
    """An error about the file as a whole (not one field)."""
    where = f"linje {line}: " if line else ""
    return CaseFileError(name, [FieldProblem("(fil)", problem, line)],
                         message=f"Sagsfilen {name} kan ikke læses:\n  - {where}{problem}")


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    english = f"{exc.context or ''} {exc.problem or ''}"
    for needle, danish in _YAML_PROBLEMS:
        if needle in english:
            return f"YAML-syntaksfejl: {danish}"
    return "YAML-syntaksfejl; tjek indrykning, kolon og anførselstegn"


def _duplicate_keys(node: yaml.Node, loc: Loc):  # type: ignore[no-untyped-def]
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            k = str(key.value)
            if k in seen:
                yield FieldProblem(format_path((*loc, k)), "feltet står mere end én gang",
                                   key.start_mark.line + 1)
            seen.add(k)
            yield from _duplicate_keys(value, (*loc, k))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _duplicate_keys(item, (*loc, i))


def _dedupe(problems: list[FieldProblem]) -> list[FieldProblem]:
    seen: set[tuple[str, str]] = set()
    out = []
    for p in problems:
        if (p.path, p.message) not in seen:
            seen.add((p.path, p.message))
            out.append(p)
    return out
