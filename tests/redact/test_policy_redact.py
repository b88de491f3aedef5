"""Policy files: schema validation, precise Danish errors, areas."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from harness import redacted

from gldocs.errors import PolicyError
from gldocs.paths import POLICIES_DIR
from gldocs.redact.policy import available_policies, load_policy, load_policy_file, parse_areas


def _copy_policy(tmp_path: Path, mutate) -> Path:
    data = yaml.safe_load((POLICIES_DIR / "kommune.yaml").read_text(encoding="utf-8"))
    mutate(data)
    out = tmp_path / "min-politik.yaml"
    out.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return out


def test_bundled_policies_load() -> None:
    assert {"kommune", "intern"} <= set(available_policies())
    kommune = load_policy("kommune")
    assert kommune.rule("R2").ground == "rhl. § 10"
    assert kommune.categories["helbred"].keep_if_areas == ["helbred"]
    assert load_policy("intern").entities["PERSON"].rule == "K3"


def test_unknown_key_names_file_and_key_path(tmp_path: Path) -> None:
    path = _copy_policy(tmp_path, lambda d: d["categories"]["helbred"].update(farve="rød"))
    with pytest.raises(PolicyError) as err:
        load_policy_file(path)
    msg = err.value.message
    assert str(path) in msg
    assert "categories.helbred.farve" in msg and "ukendt nøgle" in msg


def test_unknown_top_level_key(tmp_path: Path) -> None:
    path = _copy_policy(tmp_path, lambda d: d.update(ekstra=1))
    with pytest.raises(PolicyError, match="'ekstra'"):
        load_policy_file(path)


def test_reference_to_unknown_rule_and_lexicon(tmp_path: Path) -> None:
    def mutate(d: dict) -> None:
        d["categories"]["religion"]["rule"] = "R9"
        d["categories"]["politik"]["lexicons"] = ["findes-ikke"]

    with pytest.raises(PolicyError) as err:
        load_policy_file(_copy_policy(tmp_path, mutate))
    assert "categories.religion.rule" in err.value.message
    assert "categories.politik.lexicons[0]" in err.value.message


def test_bad_action_value(tmp_path: Path) -> None:
    path = _copy_policy(tmp_path, lambda d: d["rules"]["R1"].update(action="slet"))
    with pytest.raises(PolicyError, match=r"rules\.R1\.action"):
        load_policy_file(path)


def test_unknown_section_rule(tmp_path: Path) -> None:
    path = _copy_policy(tmp_path, lambda d: d["sections"].update(bilag={"strict": True}))
    with pytest.raises(PolicyError, match="ukendt del 'bilag'"):
        load_policy_file(path)


def test_policy_author_adds_a_term_without_python(tmp_path: Path) -> None:
    """A new lexicon + category in the policy folder works with no code change."""
    lex = tmp_path / "lexicons"
    lex.mkdir()
    for f in (POLICIES_DIR / "lexicons").iterdir():
        (lex / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    (lex / "lokalt.yaml").write_text("name: lokalt\nterms: [gårdtur*]\n", encoding="utf-8")

    def mutate(d: dict) -> None:
        d["categories"]["lokalt"] = {"rule": "R5", "lexicons": ["lokalt"]}
        d["resources"]["lexicons"]["lokalt"] = "lexicons/lokalt.yaml"

    pol = load_policy_file(_copy_policy(tmp_path, mutate))
    from gldocs.document.txt import units_from_text
    from gldocs.redact.bundle import bundle_for
    from gldocs.redact.engine import AnalysisContext, Analyzer

    units = units_from_text("Navn: Aske Lund\n\nHan gik gårdturen alene. Han vil i job.")
    plan = Analyzer(bundle_for(pol)).analyze(units, AnalysisContext(areas=[],
                                                                     client_name="Aske Lund"))
    out = redacted(plan)
    assert "gårdturen" not in out and "Han vil i job." in out


@pytest.mark.parametrize(("value", "expected"), [
    ("bolig,misbrug", ["bolig", "misbrug"]),
    ("beskaeftigelse,oekonomi,netvaerk", ["beskæftigelse", "økonomi", "netværk"]),
    ("beskæftigelse, Økonomi", ["beskæftigelse", "økonomi"]),
    ("none", []),
])
def test_areas_danish_and_ascii(value: str, expected: list[str]) -> None:
    assert parse_areas(value, load_policy("kommune")) == expected


def test_unknown_area_is_an_error() -> None:
    with pytest.raises(PolicyError, match="Ukendt koordineringsområde 'skole'"):
        parse_areas("bolig,skole", load_policy("kommune"))


def test_allow_and_deny_lists(tmp_path: Path) -> None:
    """allow: never removed (here a name that is also a place of work); deny: always removed."""
    from gldocs.document.txt import units_from_text
    from gldocs.redact.bundle import bundle_for
    from gldocs.redact.engine import AnalysisContext, Analyzer

    def mutate(d: dict) -> None:
        d["allow"] = ["Karen Blixen"]
        d["deny"] = ["Kattegatcentret"]

    pol = parse_policy_copy(tmp_path, mutate)
    units = units_from_text("Navn: Aske Lund\n\nHans mor, Karen Blixen, arbejder i "
                            "Kattegatcentret. Han vil i job.")
    plan = Analyzer(bundle_for(pol)).analyze(units, AnalysisContext(areas=[],
                                                                     client_name="Aske Lund"))
    out = redacted(plan)
    assert "Karen Blixen" in out and "Kattegatcentret" not in out


def parse_policy_copy(tmp_path: Path, mutate) -> object:
    lex = tmp_path / "lexicons"
    lex.mkdir(exist_ok=True)
    for f in (POLICIES_DIR / "lexicons").iterdir():
        (lex / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    return load_policy_file(_copy_policy(tmp_path, mutate))
