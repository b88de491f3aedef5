"""The policy bundle kept between runs (gldocs.redact.bundle_cache): read back when every file
it was built from is the same, built again when one changed or the cache file does not
check out, never kept for a policy with a problem."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from policy_copy import copy_policy, edit_yaml

from gldocs.errors import PolicyError
from gldocs.redact import bundle, bundle_cache
from gldocs.redact.bundle import PolicyBundle, bundle_for
from gldocs.redact.policy import Policy, load_policy_file


@pytest.fixture()
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """A cache folder of its own; the policies each ``bundle_for`` call built."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    calls: list[Path] = []

    def counted(policy: Policy) -> PolicyBundle:
        calls.append(Path(policy.source))
        return bundle_for(policy)

    monkeypatch.setattr(bundle, "bundle_for", counted)
    return calls


def _load(path: Path) -> PolicyBundle:
    return bundle_cache.cached_bundle(load_policy_file(path), bundle.bundle_for, PolicyBundle)


def test_read_back_the_same_bundle(tmp_path: Path, built: list[Path]) -> None:
    policy = copy_policy(tmp_path / "pol")
    first = _load(policy)
    again = _load(policy)
    assert len(built) == 1  # the second came from the file
    assert again is not first and again.policy == first.policy
    assert again.given_names == first.given_names and again.places == first.places
    assert again.foreign.common == first.foreign.common
    assert again.foreign.function_words.by_language == first.foreign.function_words.by_language
    assert again.foreign.function_words.words is again.function_words  # (shared as built)
    assert dict(again.person_words.lists) == dict(first.person_words.lists)
    for name, lexicon in first.lexicons.items():
        back = again.lexicons[name]
        assert back.terms == lexicon.terms and back.patterns == lexicon.patterns
        assert back.find("han har epilepsi og tager medicin") == \
            lexicon.find("han har epilepsi og tager medicin")


def test_a_changed_resource_is_read(tmp_path: Path, built: list[Path]) -> None:
    policy = copy_policy(tmp_path / "pol")
    before = _load(policy)
    assert "Quorvik" not in before.given_names
    names = tmp_path / "pol" / "lexicons" / "fornavne.txt"
    names.write_text(names.read_text(encoding="utf-8") + "Quorvik\n", encoding="utf-8")
    after = _load(policy)
    assert "Quorvik" in after.given_names and len(built) == 2


def test_a_changed_lexicon_is_read(tmp_path: Path, built: list[Path]) -> None:
    from gldocs.redact.lexicon import load_lexicon_file

    policy = copy_policy(tmp_path / "pol")
    _load(policy)
    load_lexicon_file.cache_clear()  # (a process reads a lexicon file once: a new start)
    edit_yaml(tmp_path / "pol" / "lexicons" / "helbred.yaml",
              lambda data: data["terms"].append("snorkelsyge"))
    after = _load(policy)
    assert after.lexicons["helbred"].find("han har snorkelsyge")
    assert len(built) == 2


def test_a_cache_file_that_does_not_check_out_is_ignored(tmp_path: Path,
                                                         built: list[Path]) -> None:
    policy = copy_policy(tmp_path / "pol")
    _load(policy)
    (cached,) = (tmp_path / "cache" / "gldocs").glob("bundle-*.pickle")
    blob = bytearray(cached.read_bytes())
    blob[len(blob) // 2] ^= 0xFF
    cached.write_bytes(bytes(blob))
    again = _load(policy)
    assert len(built) == 2 and "helbred" in again.lexicons
    _load(policy)
    assert len(built) == 2  # (written whole again)


def test_a_policy_with_a_problem_is_reported_and_not_kept(tmp_path: Path,
                                                          built: list[Path]) -> None:
    policy = copy_policy(tmp_path / "pol")
    (tmp_path / "pol" / "lexicons" / "efternavne.txt").write_text("", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(PolicyError, match="efternavne"):
            _load(policy)
    assert len(built) == 2
    assert not list((tmp_path / "cache").rglob("bundle-*"))


def test_only_the_newest_bundle_files_are_kept(tmp_path: Path, built: list[Path],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle_cache, "_KEEP", 2)
    folder = tmp_path / "cache" / "gldocs"
    folder.mkdir(parents=True)
    for k in range(3):
        old = folder / f"bundle-gammel{k}.pickle"
        old.write_bytes(b"x")
        os.utime(old, ns=(10**18 + k, 10**18 + k))
    _load(copy_policy(tmp_path / "pol"))
    assert sorted(p.name for p in folder.glob("bundle-*"))[-1] == "bundle-gammel2.pickle"
    assert len(list(folder.glob("bundle-*"))) == 2


def test_turned_off_by_the_environment(tmp_path: Path, built: list[Path],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from gldocs.redact.pattern_cache import OFF

    monkeypatch.setenv(OFF, "1")
    policy = copy_policy(tmp_path / "pol")
    _load(policy)
    _load(policy)
    assert len(built) == 2 and not (tmp_path / "cache").exists()
