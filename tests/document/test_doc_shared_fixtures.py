"""The shared format fixtures (../shared/tools/make_format_fixtures.py) through both writers.

The tool turns annotated corpus documents into a DOCX (names split across runs, the
Stamoplysninger in the header, a third party in the footer and the core properties) and a
PDF (a third party in the metadata). With hand-made edits for every ``must_remove`` text,
nothing of it may survive anywhere in the output, and every ``must_keep`` text must stay.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import docfmt_fixtures as fx
import pytest
import yaml

from gldocs.document.io import read_document, write_document

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
TOOL = SHARED / "tools" / "make_format_fixtures.py"
CORPUS = SHARED / "corpus" / "dev"
DOCS = ["02-handleplan-proeveloesladt-misbrug-netvaerk", "10-email-faengsel-til-kommune"]

pytestmark = pytest.mark.skipif(not TOOL.is_file() or not CORPUS.is_dir(),
                                reason="../shared (format fixtures, corpus) findes ikke")


def _found(text: str, needle: str) -> bool:
    """Whole word, case-insensitive, with or without a genitive s (as the scorer counts)."""
    flat = " ".join(text.split())
    pattern = rf"(?<!\w){re.escape(' '.join(needle.split()))}s?(?!\w)"
    return re.search(pattern, flat, re.IGNORECASE) is not None


def _in_pdf(text: str) -> str:
    """How the fixture PDF (standard Helvetica, WinAnsi) shows ``text``: ś, ū… become ■."""
    return "".join(c if c.encode("cp1252", errors="ignore") else "■" for c in text)


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("formater")
    names = [n for n in DOCS if (CORPUS / f"{n}.txt").is_file()]
    if not names:
        pytest.skip("korpusdokumenterne findes ikke")
    subprocess.run([sys.executable, str(TOOL), str(CORPUS), str(out), *names], check=True,
                   capture_output=True)
    return out


@pytest.mark.parametrize("name", DOCS)
@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_traps_removed_and_text_kept(fixtures: Path, tmp_path: Path, name: str,
                                     suffix: str) -> None:
    gold = yaml.safe_load((fixtures / f"{name}.gold.yaml").read_text(encoding="utf-8"))
    doc = read_document(fixtures / f"{name}{suffix}")
    assert (doc.client_name, doc.client_cpr) == (gold["client"]["name"], gold["client"]["cpr"])
    shown_as = _in_pdf if suffix == ".pdf" else str
    remove = {shown_as(item["text"]): "[fjernet]" for item in gold["must_remove"]}
    edits = fx.edits_for(doc, remove)
    missing = [t for t in remove if not any(t in u.text for u in doc.units)]
    assert not missing, f"not found as one piece of text in any unit: {missing}"
    out = tmp_path / f"ud{suffix}"
    write_document(doc, edits, out)
    shown = "\n".join(u.text for u in read_document(out).units)
    docx_out = suffix == ".docx"
    places = fx.all_parts_text(out) if docx_out else {"streams": fx.pdf_everything(out)[1]}
    places["tekst"] = shown
    planted = shown_as(gold["planted"]["metadata_name"])
    for place, text in places.items():
        for item in [*remove, planted]:
            assert not _found(text, item), f"{item!r} left in {place}"
    kept = [k["text"] for k in gold["must_keep"] if not _found(shown, shown_as(k["text"]))]
    assert not kept, f"must_keep texts lost: {kept}"
