"""Time boxes for the fuzz targets.

Each target runs twice: a quick pass in the fast suite (a few dozen inputs) and a slow pass
(``@pytest.mark.slow``, so in CI with ``-m ""``) of up to ``GLDOCS_FUZZ_EXAMPLES`` inputs
(default 1500) within ``GLDOCS_FUZZ_SECONDS`` (default 60 s per target): inputs after the
budget is spent return at once, so a target never runs much past its box.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, settings

QUICK_EXAMPLES = 30


def slow_examples() -> int:
    return int(os.environ.get("GLDOCS_FUZZ_EXAMPLES", "1500"))


def fuzz_settings(examples: int) -> Callable[[Any], Any]:
    return settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))


class Budget:
    """``budget()`` is True while time is left; the clock starts at the first call."""

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = seconds if seconds is not None else float(
            os.environ.get("GLDOCS_FUZZ_SECONDS", "60"))
        self.start: float | None = None
        self.runs = 0

    def __call__(self) -> bool:
        now = time.monotonic()
        if self.start is None:
            self.start = now
        if now - self.start < self.seconds:
            self.runs += 1
            return True
        return False
