"""Every exception class gldocs defines lives in gldocs/errors.py, under GldocsError."""

from __future__ import annotations

import ast
import builtins
import inspect
from pathlib import Path

import gldocs
from gldocs import errors

ROOT = Path(gldocs.__file__).resolve().parent
_BUILTIN_EXCEPTIONS = {name for name, obj in vars(builtins).items()
                       if inspect.isclass(obj) and issubclass(obj, BaseException)}
_OURS = {name for name, obj in vars(errors).items()
         if inspect.isclass(obj) and issubclass(obj, BaseException)}


def _is_exception_base(base: ast.expr) -> bool:
    name = ast.unparse(base).rpartition(".")[2]
    return name in _BUILTIN_EXCEPTIONS or name in _OURS or name.endswith(("Error", "Exception"))


def test_no_exception_class_outside_errors_py() -> None:
    found = []
    for path in ROOT.rglob("*.py"):
        if path == ROOT / "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(map(_is_exception_base, node.bases)):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert found == []


def test_every_error_is_a_gldocs_error() -> None:
    for name in _OURS:
        obj = getattr(errors, name)
        assert issubclass(obj, errors.GldocsError) or obj is errors.GldocsError, name
