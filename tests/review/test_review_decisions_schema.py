"""Decisions files are validated against a schema; errors name file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from gldocs.errors import InputError
from gldocs.review.decisions import load_decisions


def _load(tmp_path: Path, text: str):
    path = tmp_path / "afgørelser.yaml"
    path.write_text(text, encoding="utf-8")
    return load_decisions(path)


def test_misspelt_key_names_line_and_field(tmp_path: Path) -> None:
    text = ("dokument: plan.txt\nafgørelser:\n  f-0123456789ab:\n    afgørelse: restore\n"
            "    begrundlse: kommunen skal bruge adressen\n")
    with pytest.raises(InputError) as err:
        _load(tmp_path, text)
    msg = err.value.message
    assert "afgørelser.yaml" in msg and "linje 5" in msg
    assert "afgørelser.f-0123456789ab.begrundlse" in msg and "ukendt nøgle" in msg


def test_extra_without_text_and_wrong_type(tmp_path: Path) -> None:
    text = "ekstra:\n  - begrundelse: by\n    regel: R4\nområder: {bolig: ja}\n"
    with pytest.raises(InputError) as err:
        _load(tmp_path, text)
    msg = err.value.message
    assert "linje 2, nøgle 'ekstra[0].tekst': påkrævet nøgle mangler" in msg
    assert "linje 4, nøgle 'områder': skal være en liste" in msg


def test_short_form_and_numbers_still_load(tmp_path: Path) -> None:
    dec = _load(tmp_path, "afgørelser:\n  f-0123456789ab: accept\nsagsbehandler: 1234\n")
    assert dec.decisions["f-0123456789ab"].action == "accept"
    assert dec.caseworker == "1234"
