"""Outside ``gldocs/redact`` the redaction is used through its facade only.

``review``, ``export``, ``render``, ``document`` … import the names ``gldocs.redact`` lists in
``__all__`` (``from gldocs.redact import Plan, plan_edits``), never one of its private
modules (``gldocs.redact.model``, ``gldocs.redact.detectors.cpr``): what the facade does not
export may change inside the package without breaking a caller. A static scan of every
``import`` in ``gldocs/`` outside ``gldocs/redact``, at module level, inside functions and
under ``if TYPE_CHECKING:`` alike. (``gldocs/cli.py`` names the redact commands by string,
``gldocs.redact.commands:redact_cmd``: the command registry, not an import.)
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import gldocs
import gldocs.redact

ROOT = Path(gldocs.__file__).resolve().parent
REDACT = ROOT / "redact"


def private_imports(path: Path) -> list[str]:
    """Each import in ``path`` of a private redact module, or of a name ``gldocs.redact``
    does not export, as ``line: what``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            bad.extend(f"{node.lineno}: import {a.name}" for a in node.names
                       if a.name.startswith("gldocs.redact."))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.startswith("gldocs.redact."):
                bad.append(f"{node.lineno}: from {node.module} import …")
            elif node.module == "gldocs.redact":
                bad.extend(f"{node.lineno}: from gldocs.redact import {a.name}"
                           for a in node.names if a.name not in gldocs.redact.__all__)
    return bad


def _outside_redact() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if REDACT not in p.parents)


def test_no_module_outside_redact_imports_a_private_redact_module() -> None:
    offenders = {str(p.relative_to(ROOT.parent)): bad for p in _outside_redact()
                 if (bad := private_imports(p))}
    assert offenders == {}


def test_every_exported_name_resolves() -> None:
    for name in gldocs.redact.__all__:
        assert getattr(gldocs.redact, name) is not None, name


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        gldocs.redact.no_such_name  # noqa: B018


@pytest.mark.parametrize("source, expected", [
    ("from gldocs.redact.model import Plan\n", ["1: from gldocs.redact.model import …"]),
    ("def f():\n    import gldocs.redact.apply\n", ["2: import gldocs.redact.apply"]),
    ("from gldocs.redact import facade\n", ["1: from gldocs.redact import facade"]),
    ("from gldocs.redact import Plan, plan_edits\n", []),
    ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
     "    from gldocs.redact.bundle import PolicyBundle\n",
     ["3: from gldocs.redact.bundle import …"]),
])
def test_the_scan_sees_a_private_import(tmp_path: Path, source: str,
                                        expected: list[str]) -> None:
    module = tmp_path / "mod.py"
    module.write_text(source, encoding="utf-8")
    assert private_imports(module) == expected
