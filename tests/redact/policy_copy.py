"""A copy of the bundled kommune policy with its lexicons in a temporary folder, and an
edit of one of its YAML files (shared by the tests that show a policy's own data is read)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from gldocs.paths import POLICIES_DIR


def copy_policy(folder: Path) -> Path:
    """``folder/kopi.yaml`` and ``folder/lexicons``: the bundled kommune policy, copied."""
    shutil.copytree(POLICIES_DIR / "lexicons", folder / "lexicons")
    policy = folder / "kopi.yaml"
    shutil.copy(POLICIES_DIR / "kommune.yaml", policy)
    return policy


def edit_yaml(path: Path, change: Callable[[Any], object]) -> None:
    """Read the YAML file ``path``, let ``change`` change the data, write it back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
