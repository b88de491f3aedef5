"""Issue 9 §4 (audit round): `gldocs scan` reads a file within the ``fil-mb`` limit like every
other reader; a device or a pipe (endless, or blocking) is refused before it is opened, so
neither eats the machine or hangs (before: the whole file was read into memory)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from gldocs.cli import main
from gldocs.errors import DocumentError
from gldocs.export.leakscan import extract_places
from gldocs.limits import ENV


def test_file_over_the_limit_is_refused_before_reading(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "stor.txt"
    big.write_bytes(b"a" * (2 * 1024 * 1024 + 10))
    monkeypatch.setenv(ENV, "fil-mb=2")
    with pytest.raises(DocumentError, match="fil-mb"):
        extract_places(big)
    res = CliRunner().invoke(main, ["scan", str(big)])
    assert res.exit_code == 2 and "fil-mb" in res.output and "MÅ IKKE SENDES" in res.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_pipe_and_device_are_refused_without_opening(tmp_path: Path) -> None:
    fifo = tmp_path / "roer.txt"
    os.mkfifo(fifo)  # opening it for reading would block: it must not be opened
    res = CliRunner().invoke(main, ["scan", str(fifo)])
    assert res.exit_code == 2 and "almindelig fil" in res.output
    if Path("/dev/zero").exists():
        with pytest.raises(DocumentError, match="almindelig fil"):
            extract_places(Path("/dev/zero"))


def test_redact_names_a_device_as_not_a_file(tmp_path: Path) -> None:
    dev = tmp_path / "enhed.txt"
    dev.symlink_to("/dev/zero")
    res = CliRunner().invoke(main, ["redact", str(dev), "--areas", "none", "--no-ner",
                                    "-o", str(tmp_path / "ud.txt")])
    assert res.exit_code == 2 and "almindelig fil" in res.output
