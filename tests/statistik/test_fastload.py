"""The index's fast case reader agrees with ``gldocs validate`` on every file."""

from __future__ import annotations

from pathlib import Path

import pytest

from gldocs.case import load_case
from gldocs.caseload.fastload import load_case_fast
from gldocs.errors import CaseFileError
from gldocs.paths import SAMPLES_DIR


@pytest.mark.parametrize("sample", sorted(SAMPLES_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_samples_load_the_same(sample: Path) -> None:
    assert load_case_fast(sample, sample.read_bytes()) == load_case(sample)


@pytest.mark.parametrize("change", [
    ("reference: HP-2026-0518\n", "reference: HP-2026-0518\nreference: HP-2026-0519\n"),
    ("  udvist: nej\n", "  udvist: &u nej\n  radikalisering2: *u\n"),
    ("  telefon: \"+45 28 91 46 03\"\n", "  telefon: \"+45 28 91 46 03\"\n  telefon2: on\n"),
    ("klient_deltaget: ja", "klient_deltaget: maybe"),
    ("  dato: 2026-11-25\n", "  dato: 2026-02-30\n"),
])
def test_errors_are_the_exact_loaders(tmp_path: Path, change: tuple[str, str]) -> None:
    text = (SAMPLES_DIR / "afsoner-loesladt.yaml").read_text(encoding="utf-8")
    assert change[0] in text
    path = tmp_path / "sag.yaml"
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(CaseFileError) as slow:
        load_case(path)
    with pytest.raises(CaseFileError) as fast:
        load_case_fast(path, path.read_bytes())
    assert fast.value.message == slow.value.message


def test_yes_no_words_stay_text(tmp_path: Path) -> None:
    """YAML 1.1 would read 'no' as false; the case loader keeps it as text."""
    text = (SAMPLES_DIR / "afsoner-loesladt.yaml").read_text(encoding="utf-8")
    text = text.replace("    titel: Socialrådgiver\n", "    titel: no\n", 1)
    path = tmp_path / "sag.yaml"
    path.write_text(text, encoding="utf-8")
    case = load_case_fast(path, path.read_bytes())
    assert case.stamoplysninger.handleplansansvarlig.titel == "no"
