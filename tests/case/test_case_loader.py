"""Loading case files: samples validate; bad files give Danish errors with file/line/path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from case_fixtures import MAIN_SAMPLE, line_of

from gldocs.case import dump_case, load_case, load_case_text
from gldocs.errors import CaseFileError, FieldProblem, InputError
from gldocs.paths import SAMPLES_DIR

SAMPLES = sorted(SAMPLES_DIR.glob("*.yaml"))
ENGLISH = ("Field required", "Input should", "Extra inputs", "Value error", "not permitted",
           "mapping values", "expected")

WriteCase = Callable[[str], Path]


def problems(path: Path) -> list[FieldProblem]:
    with pytest.raises(CaseFileError) as info:
        load_case(path)
    err = info.value
    assert isinstance(err, InputError) and err.exit_code == 2
    assert str(path) in err.message
    for word in ENGLISH:
        assert word not in err.message, err.message
    return err.problems


def only(path: Path) -> FieldProblem:
    found = problems(path)
    assert len(found) == 1, found
    return found[0]


def test_there_are_at_least_four_samples() -> None:
    names = {p.name for p in SAMPLES}
    assert {"afsoner-proeveloesladelse.yaml", "udvist.yaml", "tilsyn-kif.yaml",
            "ung-fodlaenke.yaml"} <= names


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_loads_and_round_trips(sample: Path) -> None:
    case = load_case(sample)
    assert case.reference.startswith("HP-")
    assert load_case_text(dump_case(case)) == case


def test_samples_cover_every_client_type_of_the_issue() -> None:
    types = {load_case(p).klienttype.value for p in SAMPLES}
    assert {"afsoner", "tilsyn", "ung-fodlaenke"} <= types
    assert any(load_case(p).is_udvist for p in SAMPLES)


def test_missing_field_names_path_and_parent_line(main_text: str, write_case: WriteCase) -> None:
    text = main_text.replace("    ret: Retten i Aarhus\n", "")
    p = only(write_case(text))
    assert p.path == "stamoplysninger.dom.ret"
    assert p.message == "mangler; feltet skal udfyldes"
    assert p.line == line_of(text, "  dom:")


def test_unknown_key_is_an_error_with_a_suggestion(main_text: str, write_case: WriteCase) -> None:
    text = main_text.replace("  indsaettelsesdato: 2026-03-10", "  indsaettelsedato: 2026-03-10")
    found = problems(write_case(text))
    unknown = next(p for p in found if p.path == "stamoplysninger.indsaettelsedato")
    assert "ukendt felt" in unknown.message and "indsaettelsesdato" in unknown.message
    assert unknown.line == line_of(text, "indsaettelsedato")


def test_unknown_key_deep_in_a_list(main_text: str, write_case: WriteCase) -> None:
    text = main_text.replace("          hvordan: Opringning", "          hvorledes: Opringning")
    found = problems(write_case(text))
    paths = {p.path for p in found}
    assert "vurdering.behov[0].indsatser[1].hvorledes" in paths
    assert "vurdering.behov[0].indsatser[1].hvordan" in paths  # now missing


def test_impossible_cpr_date(main_text: str, write_case: WriteCase) -> None:
    text = main_text.replace('cpr: "140595-1237"', 'cpr: "310295-1237"')
    p = only(write_case(text))
    assert p.path == "stamoplysninger.cpr"
    assert "fødselsdato" in p.message
    assert p.line == line_of(text, "310295-1237")


def test_cpr_of_a_relative_is_validated_too(main_text: str, write_case: WriteCase) -> None:
    text = main_text.replace("    beskrivelse: datter\n",
                             "    beskrivelse: datter\n    cpr: \"320121-4000\"\n")
    p = only(write_case(text))
    assert p.path == "personer[2].cpr"


def test_impossible_date(main_text: str, write_case: WriteCase) -> None:
    text = main_text.replace("  indsaettelsesdato: 2026-03-10", "  indsaettelsesdato: 2026-02-30")
    p = only(write_case(text))
    assert p.path == "stamoplysninger.indsaettelsesdato"
    assert "findes" in p.message
    assert p.line == line_of(text, "2026-02-30")


def test_bad_enum_lists_allowed_values(main_text: str, write_case: WriteCase) -> None:
    text = main_text.replace("  klienttype: afsoner", "  klienttype: afsonner")
    p = only(write_case(text))
    assert p.path == "stamoplysninger.klienttype"
    assert "mente du 'afsoner'" in p.message
    assert "ung-fodlaenke" in p.message and "paragraf-68-69" in p.message


def test_bad_area_name_is_reported(main_text: str, write_case: WriteCase) -> None:
    text = main_text.replace("  oekonomi: >\n    Vi beder", "  økonomi: >\n    Vi beder")
    p = only(write_case(text))
    assert p.path == "koordineringsomraader.økonomi"
    assert "oekonomi" in p.message


@pytest.mark.parametrize(
    ("old", "new", "path", "words"),
    [
        ("    version: 2", "    version: to", "stamoplysninger.handleplan.version", "helt tal"),
        ("    version: 2", "    version: 0", "stamoplysninger.handleplan.version", "mindst 1"),
        ("  udvist: nej", "  udvist: måske", "stamoplysninger.udvist", "ja eller nej"),
        ("  navn: Jonas Bech Frederiksen", "  navn:", "stamoplysninger.navn", "er tom"),
        ("  navn: Jonas Bech Frederiksen", '  navn: ""', "stamoplysninger.navn", "tom"),
        ("    telefon: \"72 55 31 40\"", "    telefon: ring",
         "stamoplysninger.handleplansansvarlig.telefon", "telefonnummer"),
        ("    email: maja.kjaer@kriminalforsorgen.dk", "    email: maja.kjaer",
         "stamoplysninger.handleplansansvarlig.email", "e-mailadresse"),
        ("reference: HP-2026-0142", "reference: HP 2026/0142", "reference", "referencen"),
        ("  kilder:\n    - personjournal", "  kilder:\n    - journal",
         "beskrivelse.kilder[0]", "personjournal"),
    ],
)
def test_value_errors_are_danish(main_text: str, write_case: WriteCase, old: str, new: str,
                                 path: str, words: str) -> None:
    assert old in main_text
    p = only(write_case(main_text.replace(old, new, 1)))
    assert p.path == path
    assert words in p.message
    assert p.line is not None


def test_yaml_syntax_error_gives_line(main_text: str, write_case: WriteCase) -> None:
    text = main_text.replace("  trivsel: >", "  trivsel: Jonas siger: godt")
    p = only(write_case(text))
    assert p.path == "(fil)"
    assert "YAML-syntaksfejl" in p.message
    assert p.line == line_of(text, "Jonas siger: godt")


def test_tab_indentation_is_explained(write_case: WriteCase) -> None:
    p = only(write_case("reference: HP-1\nstamoplysninger:\n\tnavn: X\n"))
    assert p.line == 3
    assert "tabulator" in p.message


def test_duplicate_keys_are_errors(main_text: str, write_case: WriteCase) -> None:
    text = main_text.replace("  udvist: nej\n", "  udvist: nej\n  udvist: ja\n")
    p = only(write_case(text))
    assert p.path == "stamoplysninger.udvist"
    assert "mere end én gang" in p.message
    assert p.line == line_of(text, "udvist: ja")


@pytest.mark.parametrize("content", ["", "# kun en kommentar\n", "- a\n- b\n", "bare tekst\n"])
def test_file_without_fields(write_case: WriteCase, content: str) -> None:
    assert "reference:" in only(write_case(content)).message


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match="findes ikke"):
        load_case(tmp_path / "nej.yaml")
    with pytest.raises(CaseFileError, match="mappe"):
        load_case(tmp_path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("reference: HP-1\nnavn: Søren\n".encode("latin-1"))
    p = only(path)
    assert "UTF-8" in p.message and p.line == 2


def test_text_that_looks_like_yes_or_no_stays_text(main_text: str, write_case: WriteCase) -> None:
    text = main_text.replace("    beskrivelse: lillebror", "    beskrivelse: no")
    assert load_case(write_case(text)).personer[3].beskrivelse == "no"


def test_danish_dates_are_accepted_in_the_file(main_text: str, write_case: WriteCase) -> None:
    text = main_text.replace("  indsaettelsesdato: 2026-03-10", "  indsaettelsesdato: 10.03.2026")
    case = load_case(write_case(text))
    assert case.indsaettelsesdato == load_case(MAIN_SAMPLE).indsaettelsesdato


def test_message_lists_every_problem_with_line(main_text: str, write_case: WriteCase) -> None:
    text = (main_text.replace("  klienttype: afsoner", "  klienttype: fange")
            .replace('cpr: "140595-1237"', 'cpr: "140595"'))
    path = write_case(text)
    with pytest.raises(CaseFileError) as info:
        load_case(path)
    msg = info.value.message
    assert msg.startswith(f"Sagsfilen {path} er ikke gyldig:")
    assert f"linje {line_of(text, 'cpr:')}, felt 'stamoplysninger.cpr'" in msg
    assert f"linje {line_of(text, 'klienttype:')}, felt 'stamoplysninger.klienttype'" in msg


def test_empty_optional_field_counts_as_absent(main_text: str, write_case: WriteCase) -> None:
    text = main_text.replace('  telefon: "+45 31 47 82 06"', "  telefon:")
    assert load_case(write_case(text)).stamoplysninger.telefon is None
    text = main_text.replace("personer:\n  - navn: Birgitte", "personer:\nx:\n  - navn: B")
    assert "personer" not in {p.path for p in problems(write_case(text))}


def test_udvist_must_be_stated(main_text: str, write_case: WriteCase) -> None:
    for text in (main_text.replace("  udvist: nej\n", ""),
                 main_text.replace("  udvist: nej\n", "  udvist:\n")):
        p = only(write_case(text))
        assert p.path == "stamoplysninger.udvist"


def test_aliases_are_refused(main_text: str, write_case: WriteCase) -> None:
    text = main_text.replace("  trivsel: >", "  trivsel: *beretning\n  x: >").replace(
        "  egen_beretning: >", "  egen_beretning: &beretning >")
    p = only(write_case(text))
    assert "aliaser" in p.message
    assert p.line == line_of(text, "*beretning")


def test_billion_laughs_is_refused_quickly(write_case: WriteCase) -> None:
    rows = ['a0: &a0 "ha"'] + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]"
                                for i in range(1, 10)]
    assert "aliaser" in only(write_case("\n".join(rows) + "\n")).message


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "stor.yaml"
    path.write_text("reference: HP-1\nandet: " + "x" * 2_100_000 + "\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match="for stor"):
        load_case(path)
