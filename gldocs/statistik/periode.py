"""``--periode``: a quarter (2026-Q4), a year (2026) or a range (2026-10-01:2026-12-31)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from gldocs.errors import InputError


@dataclass(frozen=True)
class Periode:
    fra: date
    til: date  # inclusive

    def __contains__(self, d: date) -> bool:
        return self.fra <= d <= self.til

    @property
    def label(self) -> str:
        return f"{self.fra.isoformat()} - {self.til.isoformat()}"


def _quarter_end(year: int, q: int) -> date:
    return (date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)) - timedelta(days=1)


def parse_periode(text: str) -> Periode:
    """Parse ``--periode``; a Danish InputError for anything else."""
    t = text.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-?[Qq]([1-4])", t):
            year, q = int(m[1]), int(m[2])
            return Periode(date(year, 3 * q - 2, 1), _quarter_end(year, q))
        if re.fullmatch(r"\d{4}", t):
            return Periode(date(int(t), 1, 1), date(int(t), 12, 31))
        if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})", t):
            fra, til = date.fromisoformat(m[1]), date.fromisoformat(m[2])
            if til < fra:
                raise InputError(f"Perioden '{text}' slutter før den begynder.")
            return Periode(fra, til)
    except ValueError:
        raise InputError(f"Perioden '{text}' indeholder en ugyldig dato.") from None
    raise InputError(f"Ugyldig periode '{text}'; skriv fx 2026-Q4, 2026 eller "
                     "2026-10-01:2026-12-31.")


def kvartal_label(d: date) -> str:
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


def kvartaler(p: Periode) -> list[tuple[str, Periode]]:
    """The quarters the period touches, each cut to the period."""
    out: list[tuple[str, Periode]] = []
    year, q = p.fra.year, (p.fra.month - 1) // 3 + 1
    while True:
        start = date(year, 3 * q - 2, 1)
        if start > p.til:
            return out
        end = _quarter_end(year, q)
        out.append((f"{year}-Q{q}", Periode(max(start, p.fra), min(end, p.til))))
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
