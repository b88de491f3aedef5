"""Issue 9 §5: the final write is exclusive. A file that appears between the check of the
outputs and the write is never replaced (unless --overwrite was given), also on a file
system without hard links; nothing half-written is left behind."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import gldocs.atomic as atomic
from gldocs.atomic import output_batch, write_bytes_atomic
from gldocs.cli import main
from gldocs.errors import OutputError
from gldocs.outputs import check_outputs

THEIRS = b"en anden programs fil\n"


def _appear_before_commit(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """Make ``target`` appear right after the temporary file is made: after every check,
    before the final step (what a second run or another program could do)."""
    real = tempfile.mkstemp

    def mkstemp(*args, **kwargs):  # type: ignore[no-untyped-def]
        made = real(*args, **kwargs)
        if not target.exists():
            target.write_bytes(THEIRS)
        return made

    monkeypatch.setattr(atomic.tempfile, "mkstemp", mkstemp)


def _no_temp_left(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_new_file_is_written(tmp_path: Path) -> None:
    out = tmp_path / "ny" / "ud.txt"
    check_outputs([("-o", out)], [])
    write_bytes_atomic(out, b"data")
    assert out.read_bytes() == b"data" and _no_temp_left(out.parent)


def test_file_appearing_after_the_check_is_not_replaced(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "ud.txt"
    check_outputs([("-o", out)], [])  # passes: nothing there yet
    _appear_before_commit(monkeypatch, out)
    with pytest.raises(OutputError) as err:
        write_bytes_atomic(out, b"vores data")
    assert "erstattes ikke" in err.value.message and str(out) in err.value.message
    assert out.read_bytes() == THEIRS and _no_temp_left(tmp_path)


def test_with_overwrite_the_file_is_replaced(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "ud.txt"
    check_outputs([("-o", out)], [], overwrite=True)
    _appear_before_commit(monkeypatch, out)
    write_bytes_atomic(out, b"vores data")
    assert out.read_bytes() == b"vores data"


def test_a_symlink_appearing_is_not_followed_or_replaced(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    victim = tmp_path / "offer.txt"
    victim.write_bytes(THEIRS)
    out = tmp_path / "ud.txt"
    real = tempfile.mkstemp

    def mkstemp(*args, **kwargs):  # type: ignore[no-untyped-def]
        made = real(*args, **kwargs)
        if not out.is_symlink():
            out.symlink_to(victim)
        return made

    monkeypatch.setattr(atomic.tempfile, "mkstemp", mkstemp)
    with pytest.raises(OutputError):
        write_bytes_atomic(out, b"vores data")
    assert out.is_symlink() and victim.read_bytes() == THEIRS


@pytest.mark.parametrize("code", [errno.EPERM, errno.EOPNOTSUPP])
def test_without_hard_links_the_name_is_reserved_exclusively(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    def no_link(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic.os, "link", no_link)
    fresh = tmp_path / "ny.txt"
    write_bytes_atomic(fresh, b"data")
    assert fresh.read_bytes() == b"data" and _no_temp_left(tmp_path)
    out = tmp_path / "ud.txt"
    _appear_before_commit(monkeypatch, out)
    with pytest.raises(OutputError):
        write_bytes_atomic(out, b"vores data")
    assert out.read_bytes() == THEIRS and _no_temp_left(tmp_path)


def test_other_link_errors_fail_closed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(atomic.os, "link", broken)
    out = tmp_path / "ud.txt"
    with pytest.raises(OSError):
        write_bytes_atomic(out, b"data")
    assert not out.exists() and _no_temp_left(tmp_path)


def test_a_file_this_process_wrote_may_be_written_again(tmp_path: Path) -> None:
    out = tmp_path / "ud.txt"
    write_bytes_atomic(out, b"1")
    write_bytes_atomic(out, b"2")  # e.g. the review server saving its output again
    assert out.read_bytes() == b"2"
    out.unlink()
    out.write_bytes(THEIRS)  # a new file under the same name is not ours
    with pytest.raises(OutputError):
        write_bytes_atomic(out, b"3")
    assert out.read_bytes() == THEIRS


def test_a_file_with_our_inode_but_other_bytes_is_not_ours(tmp_path: Path) -> None:
    """A file made after ours was deleted often gets the same inode number; the same inode
    with other bytes in it (here: ours rewritten in place) is somebody else's file."""
    out = tmp_path / "ud.txt"
    write_bytes_atomic(out, b"1")
    with open(out, "r+b") as fh:  # same inode, other bytes
        fh.write(THEIRS)
    with pytest.raises(OutputError):
        write_bytes_atomic(out, b"3")
    assert out.read_bytes() == THEIRS


def test_state_files_are_replaced_on_request(tmp_path: Path) -> None:
    out = tmp_path / "hoved.json"
    out.write_bytes(b"{}")
    write_bytes_atomic(out, b'{"count": 1}', replace=True)
    assert out.read_bytes() == b'{"count": 1}'


def test_a_batch_takes_back_what_it_wrote_when_a_later_file_appeared(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    real = atomic.write_bytes_atomic

    def write(path: Path, data: bytes, **kw) -> None:  # type: ignore[no-untyped-def]
        if path == second:
            second.write_bytes(THEIRS)  # appears just before its final step
        real(path, data, **kw)

    monkeypatch.setattr(atomic, "write_bytes_atomic", write)
    with pytest.raises(OutputError), output_batch() as batch:
        batch.add(first, b"a")
        batch.add(second, b"b")
    assert not first.exists() and second.read_bytes() == THEIRS


def test_redact_refuses_an_output_that_appeared_during_the_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "plan.txt"
    src.write_text("1. Stamoplysninger\nNavn: Mikkel Storgaard Winther\n\n2. Beskrivelse\n"
                   "Mikkel har en kæreste, Vibeke Kronborg, tlf. 61 72 83 94.\n",
                   encoding="utf-8")
    out = tmp_path / "ud.txt"
    _appear_before_commit(monkeypatch, out)
    res = CliRunner().invoke(main, ["redact", str(src), "--areas", "none", "--no-ner",
                                    "-o", str(out)])
    assert res.exit_code == 2, res.output
    assert "erstattes ikke" in res.output and "Traceback" not in res.output
    assert out.read_bytes() == THEIRS
    assert _no_temp_left(tmp_path)
