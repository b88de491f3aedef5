"""Case files: field units, field-level redaction, re-rendering in every output format."""

from __future__ import annotations

from pathlib import Path

import docfmt_fixtures as fx
import pytest
import yaml

from gldocs.case import load_case
from gldocs.document.base import SourceDocument
from gldocs.document.io import read_document, write_document
from gldocs.errors import CaseFileError, DocumentError
from gldocs.paths import SAMPLES_DIR


def _sample_with_persons() -> Path:
    for path in sorted(SAMPLES_DIR.glob("*.yaml")):
        if load_case(path).personer:
            return path
    pytest.skip("ingen eksempelsag med private personer i samples/")


@pytest.fixture()
def doc() -> SourceDocument:
    return read_document(_sample_with_persons())


def _removals(doc: SourceDocument) -> dict[str, str]:
    """Every private person's name and phone number, as the redactor would remove them."""
    case = doc.handle
    remove: dict[str, str] = {}
    for person in case.personer:
        remove[person.navn] = "[pårørende]"
        if person.telefon:
            remove[str(person.telefon)] = "[telefon]"
    return remove


def test_reader_units_client_and_areas(doc: SourceDocument) -> None:
    case = doc.handle
    assert doc.kind == "case"
    assert doc.client_name == case.stamoplysninger.navn
    assert doc.client_cpr == case.stamoplysninger.cpr
    units = {u.path: u for u in doc.units}
    assert units["stamoplysninger.navn"].section == "stamoplysninger"
    assert units["beskrivelse.egen_beretning"].section == "beskrivelse"
    assert units["personer[0].navn"].text == case.personer[0].navn  # third parties are units
    assert all(u.text for u in doc.units)
    assert doc.meta["areas"] == [a.policy_navn for a in case.koordineringsomraader_liste]


def test_yaml_output_field_level(doc: SourceDocument, tmp_path: Path) -> None:
    remove = _removals(doc)
    out = tmp_path / "sag-redigeret.yaml"
    write_document(doc, fx.edits_for(doc, remove), out, banner="IKKE TIL VIDEREGIVELSE")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# IKKE TIL VIDEREGIVELSE\n")
    for gone in remove:
        assert gone not in text, gone
    data = yaml.safe_load(text)
    assert data["personer"][0]["navn"] == "[pårørende]"
    assert data["stamoplysninger"]["navn"] == doc.client_name


def test_txt_output_is_a_handleplan(doc: SourceDocument, tmp_path: Path) -> None:
    remove = _removals(doc)
    out = tmp_path / "plan.txt"
    write_document(doc, fx.edits_for(doc, remove), out)
    lines = out.read_text(encoding="utf-8").splitlines()
    for heading in ("1. Stamoplysninger", "2. Beskrivelse", "3. Årsager til kriminalitet",
                    "4. Vurdering og indsatsområder", "5. Samarbejdspartnere"):
        assert heading in lines
    assert f"Navn: {doc.client_name}" in lines
    assert f"CPR-nr.: {doc.client_cpr}" in lines
    text = "\n".join(lines)
    for gone in remove:
        assert gone not in text, gone
    assert "[pårørende]" in text
    # the text export reads back as a document with the same client
    again = read_document(out)
    assert (again.client_name, again.client_cpr) == (doc.client_name, doc.client_cpr)


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_rerendered_documents(doc: SourceDocument, tmp_path: Path, suffix: str) -> None:
    remove = _removals(doc)
    out = tmp_path / f"plan{suffix}"
    write_document(doc, fx.edits_for(doc, remove), out, banner="IKKE TIL VIDEREGIVELSE")
    if suffix == ".docx":
        assert fx.package_problems(out) == []
        parts = fx.all_parts_text(out)
        shown = parts["word/document.xml"]
    else:
        shown, raw = fx.pdf_everything(out)
        parts = {"pdf": raw, "tekst": shown}
    flat = " ".join(shown.split())
    assert "IKKE TIL VIDEREGIVELSE" in flat
    assert "[pårørende]" in flat
    for name, text in parts.items():
        for gone in remove:
            assert gone not in " ".join(text.split()), f"{gone!r} left in {name}"
    reread = read_document(out)
    assert reread.client_name == doc.client_name


def test_refusals(doc: SourceDocument, tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="kan ikke skrives som"):
        write_document(doc, {}, tmp_path / "plan.odt")
    with pytest.raises(DocumentError, match="ikke findes"):
        write_document(doc, {"beskrivelse.findes_ikke": [fx.Edit(0, 1, "x")]},
                       tmp_path / "plan.yaml")
    bad = tmp_path / "forkert.yaml"
    bad.write_text("reference: HP-1\nstamoplysninger: {}\n", encoding="utf-8")
    with pytest.raises(CaseFileError) as info:
        read_document(bad)
    assert info.value.exit_code == 2
    assert not (tmp_path / "plan.yaml").exists()
