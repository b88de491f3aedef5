"""Every reader reads its input through one function: a file that cannot be read is a
DocumentError in Danish naming the file and why, never an OSError."""

from __future__ import annotations

from pathlib import Path

import pytest

from gldocs.document.base import read_input_bytes
from gldocs.document.docx import read_docx
from gldocs.document.txt import read_txt
from gldocs.errors import DocumentError


def test_the_bytes_of_a_readable_file(tmp_path: Path) -> None:
    p = tmp_path / "notat.txt"
    p.write_bytes(b"Navn: Kaj Lund\n")
    assert read_input_bytes(p) == b"Navn: Kaj Lund\n"


@pytest.mark.parametrize("reader", [read_txt, read_docx])
def test_a_missing_or_unreadable_input_names_the_file(tmp_path: Path, reader) -> None:
    missing = tmp_path / "mangler.txt"
    with pytest.raises(DocumentError, match=r"mangler\.txt kan ikke læses"):
        reader(missing)
    folder = tmp_path / "plan.docx"
    folder.mkdir()  # a folder by a document's name: reading it fails
    with pytest.raises(DocumentError, match=r"plan\.docx kan ikke læses"):
        reader(folder)
