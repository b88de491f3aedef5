"""Category rules in context: doses follow their drug, exceptions in lexicons, sentences
about a victim or co-offender, offence-narrative heading blocks, and their policy checks."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from harness import Case

from gldocs.errors import PolicyError
from gldocs.paths import POLICIES_DIR
from gldocs.redact.lexicon import LexiconError, load_lexicon
from gldocs.redact.policy import load_policy_file

CLIENT = "Rasmus Tøttrup Kildegaard"
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 030391-2217\n\n"


def _redact(body: str, areas: list[str]) -> str:
    return Case(CLIENT, HEAD, ner=False, end="").text(body, areas)


def test_dose_follows_the_drug_of_a_coordination_area() -> None:
    body = "2. Beskrivelse\nRasmus får 90 mg metadon dagligt på apoteket.\n"
    assert "90 mg metadon" in _redact(body, ["misbrug"])
    assert "90 mg" not in _redact(body, ["bolig"])


def test_psychiatric_drug_dose_removed_when_only_misbrug_is_an_area() -> None:
    out = _redact("2. Beskrivelse\nHan tager 50 mg sertralin om morgenen.\n", ["misbrug"])
    assert "sertralin" not in out and "50 mg" not in out


def test_medical_ward_is_no_prison_section() -> None:
    body = "2. Beskrivelse\nHan går til kontrol på Ortopædkirurgisk Afdeling på sygehuset.\n"
    assert "Ortopædkirurgisk Afdeling" in _redact(body, ["helbred"])
    out = _redact("2. Beskrivelse\nHan blev flyttet til afdeling C efter en episode.\n",
                  ["helbred"])
    assert "afdeling C" not in out


def test_consumption_is_misbrug_not_offence_detail() -> None:
    body = "2. Beskrivelse\nHan drak ca. 2 flasker vin om dagen før anholdelsen.\n"
    assert "2 flasker vin om dagen" in _redact(body, ["misbrug"])


def test_sentence_naming_a_victim_is_offence_detail() -> None:
    body = ("3. Årsager til kriminalitet\nRasmus er dømt for vold. Forurettede, Kasper Lund, "
            "var på vej hjem fra arbejde. Rasmus ønsker at tage ansvar.\n")
    out = _redact(body, ["bolig"])
    assert "på vej hjem fra arbejde" not in out
    assert "Rasmus ønsker at tage ansvar." in out


def test_narrative_heading_block_is_stricter_until_the_blank_line() -> None:
    body = ("2. Beskrivelse\nDOMMEN\nRasmus brød ind i en villa og tog smykker. "
            "Han flygtede fra stedet i en bil. Han kørte mod Ringsted.\n\n"
            "Rasmus ønsker at flytte til en villa i Ringsted.\n")
    out = _redact(body, ["bolig"])
    assert "Han kørte mod Ringsted" not in out
    assert "ønsker at flytte til en villa i Ringsted" in out


def test_inline_narrative_heading_opens_its_paragraph() -> None:
    out = _redact("2. Beskrivelse\nSelve sagen: Rasmus stjal kobber fra en byggeplads. "
                  "Han solgte det videre.\n", ["bolig"])
    assert "byggeplads" not in out and "solgte det videre" not in out


def test_lexicon_exceptions_load_and_fail_precisely(tmp_path: Path) -> None:
    (tmp_path / "prøve.yaml").write_text(
        "name: prøve\nterms: [afdeling]\nexceptions: ['\\bneurologisk\\s+afdeling']\n",
        encoding="utf-8")
    lex = load_lexicon(tmp_path, "prøve")
    assert [m.term for m in lex.find("på Neurologisk Afdeling")] == []
    assert len(lex.find("på afdeling B")) == 1
    (tmp_path / "brudt.yaml").write_text("name: brudt\nterms: [noget]\nexceptions: ['(']\n",
                                         encoding="utf-8")
    with pytest.raises(LexiconError, match=r"exceptions\[0\]"):
        load_lexicon(tmp_path, "brudt")


def _broken_policy(tmp_path: Path, mutate) -> Path:
    data = yaml.safe_load((POLICIES_DIR / "kommune.yaml").read_text(encoding="utf-8"))
    mutate(data)
    out = tmp_path / "politik.yaml"
    out.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return out


def test_policy_check_of_heading_blocks_and_role_sentence_rules(tmp_path: Path) -> None:
    def mutate(d: dict) -> None:
        d["roles"]["forurettede"]["sentence_rule"] = "R8"
        d["heading_blocks"]["gerningsforloeb"]["extra_categories"] = ["ukendt"]
        d["heading_blocks"]["gerningsforloeb"].pop("spread_rule")
        d["heading_blocks"]["helbred"]["skip_categories"] = ["gerning", "findes_ikke"]
        d["heading_blocks"]["helbred"]["if_areas"] = ["sundhedsvæsen"]
        d["protect"]["dom"]["rule"] = "K9"
        d["protect"]["dom"]["lexicons"] = ["findes-ikke"]

    with pytest.raises(PolicyError) as err:
        load_policy_file(_broken_policy(tmp_path, mutate))
    msg = err.value.message
    assert "roles.forurettede.sentence_rule" in msg
    assert "heading_blocks.gerningsforloeb.extra_categories[0]" in msg
    assert "spread_ratio og spread_rule skal angives sammen" in msg
    assert "heading_blocks.helbred.skip_categories[1]" in msg
    assert "heading_blocks.helbred.if_areas[0]" in msg
    assert "protect.dom.rule" in msg and "protect.dom.lexicons[0]" in msg


@pytest.mark.parametrize("line", [
    "DOMMEN", "15/12 – om dommen", "Selve sagen: han slog", "Om sagen", "Dommen blev afsagt.",
    "Sagen om dommen", "Hændelsesforløbet", "hændelsesforløbets", "Straffesagen:",
    "Kriminaliteten i korte træk", "Han talte om Dommen", "", "Bolig", "Anklageskriftet – 2025",
    "xdommen", "dommen2", "det pådømte forhold:",
])
def test_a_line_opens_a_block_as_the_headings_one_by_one_say(line: str) -> None:
    """The quick "no heading here" (all headings as one search) gives what trying the
    headings one by one gives."""
    from gldocs.redact.layout import LayoutReader, _block_opened
    from gldocs.redact.policy import load_policy

    reader = LayoutReader(load_policy("kommune"))
    assert reader._any_heading is not None
    assert _block_opened(line, reader._block_specs, reader._any_heading) == \
        _block_opened(line, reader._block_specs)
