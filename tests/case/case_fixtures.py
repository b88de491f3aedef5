"""Plain helpers for the case-file tests (fixtures live in conftest.py)."""

from __future__ import annotations

from gldocs.paths import SAMPLES_DIR

MAIN_SAMPLE = SAMPLES_DIR / "afsoner-proeveloesladelse.yaml"


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing ``needle``."""
    for i, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return i
    raise AssertionError(needle)
