"""Issue 9 §6 (audit round): nothing the CLI prints can drive the terminal. Not only document
text in `gldocs diff`: a file name (an attachment's name is the sender's choice) or an error
message naming it reaches `scan`, `redact` and every error line, so every CLI output stream
is filtered; our own colours (and a progress bar's cursor) survive."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from gldocs.cli import main
from gldocs.text.terminal import printable

EVIL = "bilag\x1b]0;pwned\x07\x1b[2J\x9b31m\u202e.txt"


@pytest.mark.parametrize("args", [
    ["scan"], ["redact", "--areas", "none", "--no-ner"], ["diff", "--areas", "none", "--no-ner"],
])
def test_a_file_name_cannot_send_escape_sequences(tmp_path: Path, args: list[str]) -> None:
    src = tmp_path / EVIL
    src.write_text("Navn: Ib Ravn\nSøsterens CPR-nummer er 030592-2817.\n", encoding="utf-8")
    extra = ["-o", str(tmp_path / "ud.txt")] if args[0] == "redact" else []
    res = CliRunner().invoke(main, [*args, str(src), *extra])
    assert res.exit_code in (0, 1), res.output
    assert "bilag" in res.output
    for bad in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert bad not in res.output, (args, repr(res.output))


def test_an_error_naming_the_file_is_filtered_too(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["scan", str(tmp_path / EVIL)])
    assert res.exit_code == 2
    assert "bilag" in res.output and "\x1b" not in res.output and "\x07" not in res.output


def test_own_colours_and_progress_survive() -> None:
    assert printable("\x1b[1m\x1b[31mOBS\x1b[0m") == "\x1b[1m\x1b[31mOBS\x1b[0m"
    assert printable("\x1b[38;2;8;8;8mgrå\x1b[0m") == "\x1b[38;2;8;8;8mgrå\x1b[0m"
    assert printable("\r\x1b[?25l[###   ] 50%") == "\r\x1b[?25l[###   ] 50%"
    assert printable("skjult: \x1b[8mhemmelig") == "skjult: hemmelig"
    assert printable("æøå\tÆØÅ\n") == "æøå\tÆØÅ\n"
