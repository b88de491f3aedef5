"""Fixtures for the case-file tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from case_fixtures import MAIN_SAMPLE


@pytest.fixture
def main_text() -> str:
    return MAIN_SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def write_case(tmp_path: Path) -> Callable[[str], Path]:
    """Write case text to a fresh file and return its path."""
    counter = iter(range(1000))

    def write(text: str) -> Path:
        path = tmp_path / f"sag{next(counter)}.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write
