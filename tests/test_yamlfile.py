from pathlib import Path

import pytest

from gldocs.errors import InputError, PolicyError
from gldocs.yamlfile import read_yaml


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "p.yaml"
    f.write_text("navn: a\nliste: [1, 2\n", encoding="utf-8")
    msg = r"Politikfilen .*p\.yaml er ikke gyldig YAML \(linje \d+\)"
    with pytest.raises(PolicyError, match=msg):
        read_yaml(f, "Politikfilen", PolicyError)


def test_missing_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="findes ikke"):
        read_yaml(tmp_path / "nej.yaml", "Afgørelsesfilen")
    bad = tmp_path / "b.yaml"
    bad.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(InputError, match="kan ikke læses"):
        read_yaml(bad, "Afgørelsesfilen")


def test_reads_mapping(tmp_path: Path) -> None:
    f = tmp_path / "ok.yaml"
    f.write_text("område: bolig\n", encoding="utf-8")
    assert read_yaml(f, "Filen") == {"område": "bolig"}
