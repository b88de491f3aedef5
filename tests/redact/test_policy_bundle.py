"""The policy bundle: every resource declared with its path, loaded once, fail closed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from harness import redacted

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


@pytest.mark.parametrize("key", ["given_names", "places", "authority_domains", "surname_endings"])
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


@pytest.mark.parametrize(("file", "key", "body"), [
    ("fornavne.txt", "given_names", "Hans mor Mette ringede."),
    # the clause rules' words (verbs, conjunctions, goal verbs, plan words) are policy data
    ("saetningsled.yaml", "clause_words", "Han er medlem af 3F og ønsker en læreplads."),
    ("efternavne_endelser.txt", "surname_endings", "Hans mor Mette Lindholm ringede."),
    # the detectors' word lists (street words, phone and plate cues, platforms, months)
    ("adresseord.yaml", "address_words", "Hun bor på Kløvervej 12, 5000 Odense C."),
    ("identifikatorord.yaml", "identifier_words", "Hans mobil er 22 33 44 55."),
    ("personord.yaml", "person_words", "Med venlig hilsen\nMette Lindholm"),
    ("ejerskabsord.yaml", "ownership_words", "Jobcentret kan kontaktes på 22 33 44 55."),
])
def test_copied_policy_missing_a_list_fails_check_and_redact(
        tmp_path: Path, file: str, key: str, body: str) -> None:
    """A copied policy whose data file is not there: `policies check` and `redact` stop
    with exit 2 and write nothing (never a silent skip that lets names through)."""
    path = _copy(tmp_path)
    (tmp_path / "lexicons" / file).unlink()
    runner = CliRunner()
    res = runner.invoke(main, ["policies", "check", str(path)])
    assert res.exit_code == 2, res.output
    assert f"resources.{key}" in res.output
    doc = tmp_path / "plan.txt"
    doc.write_text(f"Navn: Aske Lund\n\n{body}\n", encoding="utf-8")
    out = tmp_path / "ud.txt"
    res = runner.invoke(main, ["redact", str(doc), "--policy", str(path), "--areas", "none",
                               "--no-ner", "-o", str(out)])
    assert res.exit_code == 2, res.output
    assert f"resources.{key}" in res.output
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


def test_family_first_names_come_from_the_policy_data() -> None:
    """The family-first lists (Nguyen Thi Lan) are data with their sources, loaded through
    the bundle; nothing about them is a Python constant."""
    bundle = load_bundle("kommune")
    assert {"Nguyen", "Nguyễn", "Wang", "Park"} <= bundle.family_first.family
    assert {"Thi", "Thị", "Van"} <= bundle.family_first.middle
    path = POLICIES_DIR / bundle.policy.resources.family_first_names
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["sources"]


def test_family_first_names_found_from_a_copied_list(tmp_path: Path) -> None:
    """A name tradition added to the data file works with no code change."""
    from gldocs.document.txt import units_from_text
    from gldocs.redact.engine import AnalysisContext, Analyzer

    path = _copy(tmp_path)
    lists = tmp_path / "lexicons" / "navne_efternavn_foerst.yaml"
    data = yaml.safe_load(lists.read_text(encoding="utf-8"))
    data["family_names"].append("Tanaka")  # a Japanese family name, written first here
    data["middle_names"].append("Yukiko")
    lists.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    analyzer = Analyzer(bundle_for(load_policy_file(path)))
    text = ("1. Stamoplysninger\nNavn: Asger Holt\n\n2. Beskrivelse\n"
            "Han har kontakt med Tanaka Yukiko hver uge.\n")
    plan = analyzer.analyze(units_from_text(text),
                            AnalysisContext(areas=["bolig"], client_name="Asger Holt"))
    out = redacted(plan)
    assert "Tanaka" not in out and "Yukiko" not in out


@pytest.mark.parametrize("broken", ["", "name: x\nfamily_names: [Nguyen]\nmiddle_names: [Thi]\n",
                                    "name: x\nsources: [kilde]\nfamily_names: []\n"
                                    "middle_names: [Thi]\n"])
def test_family_first_list_missing_sources_or_names_fails_closed(tmp_path: Path,
                                                                  broken: str) -> None:
    path = _copy(tmp_path)
    lists = tmp_path / "lexicons" / "navne_efternavn_foerst.yaml"
    if broken:
        lists.write_text(broken, encoding="utf-8")
    else:
        lists.unlink()
    res = CliRunner().invoke(main, ["policies", "check", str(path)])
    assert res.exit_code == 2, res.output
    assert "resources.family_first_names" in res.output


@pytest.mark.parametrize("key", ["finite_verbs", "goal_verbs", "plan_words", "coordinators"])
def test_empty_or_missing_clause_word_list_is_an_error(tmp_path: Path, key: str) -> None:
    path = _copy(tmp_path)
    words_file = tmp_path / "lexicons" / "saetningsled.yaml"
    data = yaml.safe_load(words_file.read_text(encoding="utf-8"))
    data[key] = []
    words_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    res = CliRunner().invoke(main, ["policies", "check", str(path)])
    assert res.exit_code == 2, res.output
    assert "resources.clause_words" in res.output and key in res.output
    del data[key]
    words_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(PolicyError, match=rf"resources\.clause_words.*'{key}'"):
        bundle_for(load_policy_file(path))


def test_clause_words_come_from_the_policy_data(tmp_path: Path) -> None:
    """The clause rules read their words from the declared file, not from Python: a goal
    verb added there keeps a goal clause that the bundled words do not know."""
    from gldocs.redact.clauses import ClauseWords, clauses_to_remove
    from gldocs.redact.context import Span

    sentence = "Han er medlem af 3F og agter at tage et truckcertifikat."
    start = sentence.index("3F")

    def removed(words: ClauseWords) -> list[str] | None:
        spans = clauses_to_remove(sentence, Span(0, len(sentence)), start, start + 2, words)
        return None if spans is None else [sentence[s.start:s.end] for s in spans]

    assert removed(load_bundle("kommune").clause_words) is None  # "agter" unknown: all goes

    def mutate_words(path: Path) -> None:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["finite_verbs"].append("agter")
        data["goal_verbs"].append("agter")
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    policy = _copy(tmp_path)
    mutate_words(tmp_path / "lexicons" / "saetningsled.yaml")
    words = bundle_for(load_policy_file(policy)).clause_words
    assert removed(words) == ["Han er medlem af 3F"]
