"""The afgangsbedømmelse: model, documents and the kommune's copy (read back)."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from gldocs.afgang.kategorier import Beskaeftigelse, Bolig, Forsoergelse
from gldocs.case import load_case, load_case_text
from gldocs.cli import main
from gldocs.errors import CaseFileError
from gldocs.paths import SAMPLES_DIR

SAMPLE = SAMPLES_DIR / "afsoner-loesladt.yaml"


def test_in_place_follows_the_source() -> None:
    # Mål- og resultatplan 2015: only egen bolig (leje eller eje) counts
    assert [b.value for b in Bolig if b.paa_plads] == ["egen-bolig"]
    # footnote 1: passende beskæftigelse, exactly these eight
    assert {b.value for b in Beskaeftigelse if b.paa_plads} == {
        "loenarbejde", "skaanejob", "beskyttet", "uddannelse", "revalidering",
        "doegnbehandling", "pensionist", "aktivering"}
    assert not Beskaeftigelse.LEDIG.paa_plads and not Beskaeftigelse.SYGEMELDT.paa_plads
    assert {f.value for f in Forsoergelse if not f.paa_plads} == {"ingen", "ukendt"}


def _edit(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)


def _problems(text: str) -> list[tuple[int | None, str, str]]:
    with pytest.raises(CaseFileError) as exc:
        load_case_text(text, "sag.yaml")
    return [(p.line, p.path, p.message) for p in exc.value.problems]


def test_samples_with_afgang() -> None:
    a = load_case(SAMPLE).afgang
    assert a is not None and a.elementer_paa_plads == 1
    t = load_case(SAMPLES_DIR / "tilsyn-kif.yaml").afgang
    assert t is not None and t.samtykke_givet and t.kommunens_svar is not None


def test_errors_name_field_and_line() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    bad = _edit(text, "    status: herberg\n", "    status: sofa\n")
    line = bad.splitlines().index("    status: sofa") + 1
    (found,) = _problems(bad)
    assert found[0] == line and found[1] == "afgang.bolig.status"
    assert "egen-bolig" in found[2]
    bad = text[:text.index("    dato: 2026-12-01\n") + len("    dato: 2026-12-01\n")]
    assert any(p[1] == "afgang.kommunens_svar.note" and "bemærkning" in p[2]
               for p in _problems(bad))


def test_sent_without_consent_is_an_error() -> None:
    text = _edit(SAMPLE.read_text(encoding="utf-8"), "    givet: ja\n    dato: 2026-11-18\n",
                 "    givet: nej\n")
    assert any(p[1] == "afgang.sendt_til_kommunen" and "samtykke" in p[2]
               for p in _problems(text))


def test_udvisning_needs_udvist_and_varetaegt_has_no_afgang() -> None:
    text = _edit(SAMPLE.read_text(encoding="utf-8"), "  art: endt-straf", "  art: udvisning")
    assert any(p[1] == "afgang.art" for p in _problems(text))
    vt = yaml.safe_load((SAMPLES_DIR / "varetaegt.yaml").read_text(encoding="utf-8"))
    vt["afgang"] = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))["afgang"]
    for key in ("samtykke", "sendt_til_kommunen", "indsigelsesfrist", "kommunens_svar"):
        vt["afgang"].pop(key)
    assert any(p[1] == "afgang" for p in _problems(yaml.safe_dump(vt, allow_unicode=True)))


# --------------------------------------------------------------------------- documents


def afgang(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["afgang", *args])


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_full_document_both_formats(tmp_path: Path) -> None:
    r = afgang(str(SAMPLE), "-o", str(tmp_path))
    assert r.exit_code == 0, r.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["afgangsbedoemmelse_HP-2026-0518.docx", "afgangsbedoemmelse_HP-2026-0518.pdf"]
    text = _pdf_text(tmp_path / names[1])
    for expected in ("Afgangsbedømmelse", "Herberg eller forsorgshjem", "1 af 3",
                     "Løsladelse efter endt straf", "Uenig", "fodnote 1"):
        assert expected in " ".join(text.split()), expected
    # never overwrite
    again = afgang(str(SAMPLE), "-o", str(tmp_path))
    assert again.exit_code == 2 and "findes allerede" in again.stderr


PARTS = ["1. Bolig", "2. Beskæftigelse", "3. Forsørgelse"]
NOT_FOR_KOMMUNE = ["Straflængde", "Tyveri", "dokumentfalsk", "Løsladelsesart",
                   "Løsladelse efter endt straf", "Klienttype", "Dom over", "Rasmus",
                   "Line Lund", "Elementer på plads", "Grundlag"]


def test_kommune_copy_has_exactly_the_three_parts(tmp_path: Path) -> None:
    import docx

    r = afgang(str(SAMPLE), "--til-kommune", "-o", str(tmp_path))
    assert r.exit_code == 0, r.stderr
    assert "Emnelinje til sikker post: Afgangsbedømmelse ved løsladelse, reference " \
           "HP-2026-0518" in r.stdout
    d = docx.Document(str(tmp_path / "afgangsbedoemmelse_HP-2026-0518_til-kommunen.docx"))
    headings = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [*PARTS, "Klientens samtykke", "Frist for indsigelse", "Svar til"]
    body = "\n".join(p.text for p in d.paragraphs)
    pdf = " ".join(_pdf_text(tmp_path / "afgangsbedoemmelse_HP-2026-0518_til-kommunen.pdf")
                   .split())
    for text in (body, pdf):
        for part in PARTS:
            assert part in text
        assert "9. december 2026" in text  # the deadline to object
        assert "18. november 2026" in text  # the consent
        assert "trine.nissen@kriminalforsorgen.dk" in text  # whom to answer
        for word in NOT_FOR_KOMMUNE:
            assert word not in text, word
    assert re.findall(r"\d\. (?:Bolig|Beskæftigelse|Forsørgelse)", pdf) == PARTS


def test_kommune_copy_names_and_marks_its_recipient(tmp_path: Path) -> None:
    """Like the handleplan's kommune copy: ``…_til-kommunen`` in the file name, the mark
    line on every page and in the title metadata; the full assessment stays internal."""
    import docx
    import pypdf

    from gldocs.dates import format_dato

    assert afgang(str(SAMPLE), "--til-kommune", "-o", str(tmp_path)).exit_code == 0
    assert afgang(str(SAMPLE), "-o", str(tmp_path)).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "afgangsbedoemmelse_HP-2026-0518.docx", "afgangsbedoemmelse_HP-2026-0518.pdf",
        "afgangsbedoemmelse_HP-2026-0518_til-kommunen.docx",
        "afgangsbedoemmelse_HP-2026-0518_til-kommunen.pdf"]
    mark = ("Redigeret til Odense Kommune efter rhl. §§ 9-10 · "
            f"{format_dato(date.today())}")
    copy = tmp_path / "afgangsbedoemmelse_HP-2026-0518_til-kommunen"
    reader = pypdf.PdfReader(str(copy.with_suffix(".pdf")))
    assert reader.metadata is not None
    assert reader.metadata.title == f"Afgangsbedømmelse til kommunen HP-2026-0518 · {mark}"
    for page in reader.pages:
        assert mark in " ".join(page.extract_text().split())
    d = docx.Document(str(copy.with_suffix(".docx")))
    assert d.core_properties.title == f"Afgangsbedømmelse til kommunen HP-2026-0518 · {mark}"
    assert mark in "\n".join(p.text for s in d.sections for p in s.header.paragraphs)
    full = pypdf.PdfReader(str(tmp_path / "afgangsbedoemmelse_HP-2026-0518.pdf"))
    assert full.metadata is not None
    assert full.metadata.title == "Afgangsbedømmelse HP-2026-0518"
    assert all("Intern – ikke til videregivelse" in p.extract_text() for p in full.pages)
    assert "Redigeret til" not in " ".join(p.extract_text() for p in full.pages)


def _write(tmp_path: Path, data: dict) -> Path:
    p = tmp_path / "sag.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return p


@pytest.mark.parametrize("change, why", [
    (lambda a: a.update(samtykke={"givet": False}, sendt_til_kommunen=None,
                        indsigelsesfrist=None, kommunens_svar=None), "samtykke"),
    (lambda a: a["beskaeftigelse"].update(status="ukendt", note=None), "ukendt"),
    (lambda a: a.update(indsigelsesfrist=None, kommunens_svar=None), "indsigelsesfrist"),
])
def test_kommune_copy_refusals(tmp_path: Path, change, why) -> None:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    change(data["afgang"])
    data["afgang"] = {k: v for k, v in data["afgang"].items() if v is not None}
    data["afgang"]["beskaeftigelse"] = {k: v for k, v in data["afgang"]["beskaeftigelse"]
                                        .items() if v is not None}
    r = afgang(str(_write(tmp_path, data)), "--til-kommune", "-o", str(tmp_path / "ud"))
    assert r.exit_code == 2, r.output
    assert why in r.stderr
    assert not (tmp_path / "ud").exists()


def test_kommune_copy_refused_for_udvist(tmp_path: Path) -> None:
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    st = data["stamoplysninger"]
    st["udvist"] = True
    del st["handlekommune"]
    data["koordineringsomraader"] = {}
    data["afgang"] = {"dato": "2026-11-25", "art": "udvisning",
                      "bolig": {"status": "ukendt", "note": "Udsendt."},
                      "beskaeftigelse": {"status": "ukendt", "note": "Udsendt."},
                      "forsoergelse": {"status": "ukendt", "note": "Udsendt."}}
    path = _write(tmp_path, data)
    r = afgang(str(path), "--til-kommune", "-o", str(tmp_path / "ud"))
    assert r.exit_code == 2 and "udvisningsdømt" in r.stderr
    assert afgang(str(path), "-o", str(tmp_path / "ud")).exit_code == 0  # the file copy


def test_no_afgang_is_a_clear_error(tmp_path: Path) -> None:
    r = afgang(str(SAMPLES_DIR / "udvist.yaml"), "-o", str(tmp_path))
    assert r.exit_code == 2 and "'afgang'" in r.stderr


def test_names_never_carry_name_or_cpr() -> None:
    from gldocs.afgang.dokument import DOKUMENTER, mail_subject, output_name

    case = load_case(SAMPLE)
    for doc in DOKUMENTER:
        for fmt in ("docx", "pdf"):
            name = output_name(case, doc, fmt)
            assert "Kasper" not in name and "110391" not in name
    assert "Kasper" not in mail_subject(case)


def test_docx_metadata_has_no_client_data(tmp_path: Path) -> None:
    import docx

    afgang(str(SAMPLE), "--til-kommune", "--format", "docx", "-o", str(tmp_path))
    path = next(tmp_path.glob("*.docx"))
    props = docx.Document(io.BytesIO(path.read_bytes())).core_properties
    meta = " ".join(str(getattr(props, a) or "") for a in ("title", "author", "subject",
                                                          "comments", "keywords"))
    assert "Kasper" not in meta and "110391" not in meta
