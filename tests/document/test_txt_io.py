"""The .txt reader and writer."""

from __future__ import annotations

from pathlib import Path

import pytest

from gldocs.document.txt import read_txt, write_txt
from gldocs.document.units import Edit
from gldocs.errors import DocumentError


def test_read_write_round_trip_with_edits(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes("\ufeff1. Stamoplysninger\r\nNavn: Ib Larsen\r\n\r\nHans bror Ole.\r\n"
                    .encode())
    doc = read_txt(src)
    assert doc.client_name == "Ib Larsen"
    assert [u.path for u in doc.units] == ["line1", "line2", "line3", "line4"]
    assert doc.units[1].section == "stamoplysninger"
    out = tmp_path / "out.txt"
    write_txt(doc, {"line4": [Edit(10, 13, "[pårørende]")]}, out, banner="IKKE TIL VIDEREGIVELSE")
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "IKKE TIL VIDEREGIVELSE"
    assert "Hans bror [pårørende]." in text and "Ole" not in text


def test_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Navn: Søren".encode("latin-1"))
    with pytest.raises(DocumentError, match="UTF-8"):
        read_txt(bad)
