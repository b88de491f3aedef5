"""The policy bundle: every resource declared with its path, loaded once, fail closed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from gldocs.cli import main
from gldocs.errors import PolicyError
from gldocs.paths import POLICIES_DIR
from gldocs.redact.bundle import WORD_LISTS, bundle_for, load_bundle
from gldocs.redact.policy import load_policy_file


def _copy(tmp_path: Path, mutate=None) -> Path:
    """The kommune policy copied with its lexicon folder (as a policy author would)."""
    shutil.copytree(POLICIES_DIR / "lexicons", tmp_path / "lexicons")
    data = yaml.safe_load((POLICIES_DIR / "kommune.yaml").read_text(encoding="utf-8"))
    if mutate is not None:
        mutate(data)
    out = tmp_path / "kopi.yaml"
    out.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return out


def test_bundled_policy_loads_every_declared_resource() -> None:
    bundle = load_bundle("kommune")
    declared = bundle.policy.resources
    assert set(bundle.lexicons) == set(declared.lexicons)
    for key in WORD_LISTS:
        assert getattr(bundle, key), key  # none of the lists is empty
    assert "Mette" in bundle.given_names
    assert load_bundle("kommune") is bundle  # loaded once


def test_copied_policy_with_its_lists_is_valid(tmp_path: Path) -> None:
    bundle = bundle_for(load_policy_file(_copy(tmp_path)))
    assert bundle.given_names == load_bundle("kommune").given_names


@pytest.mark.parametrize("key", ["given_names", "places", "authority_domains"])
def test_missing_list_is_an_error(tmp_path: Path, key: str) -> None:
    path = _copy(tmp_path)
    rel = yaml.safe_load(path.read_text(encoding="utf-8"))["resources"][key]
    (tmp_path / rel).unlink()
    with pytest.raises(PolicyError, match=rf"resources\.{key}'.*findes ikke"):
        bundle_for(load_policy_file(path))


def test_empty_list_is_an_error(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    (tmp_path / "lexicons" / "fornavne.txt").write_text("# ingen navne\n", encoding="utf-8")
    with pytest.raises(PolicyError, match=r"resources\.given_names'.*er tom"):
        bundle_for(load_policy_file(path))


def test_missing_or_empty_lexicon_is_an_error(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    (tmp_path / "lexicons" / "helbred.yaml").unlink()
    (tmp_path / "lexicons" / "religion.yaml").write_text("name: religion\nterms: []\n",
                                                         encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        bundle_for(load_policy_file(path))
    assert "resources.lexicons.helbred" in err.value.message
    assert "resources.lexicons.religion" in err.value.message and "tom" in err.value.message


def test_lexicon_used_but_not_declared_is_an_error(tmp_path: Path) -> None:
    def mutate(d: dict) -> None:
        del d["resources"]["lexicons"]["helbred"]

    with pytest.raises(PolicyError, match=r"categories\.helbred\.lexicons\[0\]"):
        load_policy_file(_copy(tmp_path, mutate))


def test_unknown_recognizer_is_an_error(tmp_path: Path) -> None:
    def mutate(d: dict) -> None:
        d["recognizers"].append("tankelæser")

    with pytest.raises(PolicyError, match="ukendt genkender 'tankelæser'"):
        load_policy_file(_copy(tmp_path, mutate))


def test_copied_policy_missing_a_list_fails_check_and_redact(tmp_path: Path) -> None:
    """A copied policy whose name list is not there: `policies check` and `redact` stop
    with exit 2 and write nothing (never a silent skip that lets names through)."""
    path = _copy(tmp_path)
    (tmp_path / "lexicons" / "fornavne.txt").unlink()
    runner = CliRunner()
    res = runner.invoke(main, ["policies", "check", str(path)])
    assert res.exit_code == 2, res.output
    assert "resources.given_names" in res.output
    doc = tmp_path / "plan.txt"
    doc.write_text("Navn: Aske Lund\n\nHans mor Mette ringede.\n", encoding="utf-8")
    out = tmp_path / "ud.txt"
    res = runner.invoke(main, ["redact", str(doc), "--policy", str(path), "--areas", "none",
                               "--no-ner", "-o", str(out)])
    assert res.exit_code == 2, res.output
    assert "resources.given_names" in res.output
    assert not out.exists()


def test_check_reports_the_loaded_lists(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["policies", "check", str(_copy(tmp_path))])
    assert res.exit_code == 0, res.output
    assert "leksika" in res.output and "fornavne" in res.output


def test_bundled_lexicons_have_no_unreadable_pattern() -> None:
    """Every pattern, exception and part of the bundled lexicons fits in MAX_PATTERN
    characters as written (long alternations live in `words` lists, steps in `parts`)."""
    from gldocs.redact.bundle import unreadable_patterns

    for name in ("kommune", "intern"):
        assert unreadable_patterns(load_bundle(name)) == []


def test_check_refuses_a_long_lexicon_pattern(tmp_path: Path) -> None:
    """`policies check` fails (exit 2) on a lexicon pattern longer than MAX_PATTERN and
    names the lexicon; the same alternatives as a `words` list pass."""
    from gldocs.redact.lexicon import MAX_PATTERN, load_lexicon_file

    path = _copy(tmp_path)
    lex = tmp_path / "lexicons" / "dosis.yaml"
    data = yaml.safe_load(lex.read_text(encoding="utf-8"))
    drugs = ["metadon", "buprenorphin", "subutex", "suboxone", "antabus", "oxycodon",
             "tramadol", "morfin", "ketogan", "rivotril", "stesolid", "oxapax"]
    long = r"\b(?:" + "|".join(drugs) + r")\s+\d+\s?mg\b"
    assert len(long) > MAX_PATTERN
    data["patterns"] = [*data["patterns"], long]
    lex.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    res = CliRunner().invoke(main, ["policies", "check", str(path)])
    assert res.exit_code == 2, res.output
    assert "leksikonet 'dosis'" in res.output and f"højst {MAX_PATTERN}" in res.output
    data["patterns"][-1] = r"\b{præparat}\s+\d+\s?mg\b"
    data["words"] = {"præparat": drugs}
    lex.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    load_lexicon_file.cache_clear()  # the same path, new content
    res = CliRunner().invoke(main, ["policies", "check", str(path)])
    assert res.exit_code == 0, res.output
