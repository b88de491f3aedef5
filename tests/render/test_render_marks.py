"""Who a document is for, on every page; redacted tables; dates kept whole; no stranded
headings; the plan's date and signature line."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pdfplumber
import pypdf
import pytest

from gldocs.case import load_case
from gldocs.render import render_document
from gldocs.render.context import build_context, summarise_redacted_tables
from gldocs.render.pdf_kit import column_widths, keep_together

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.yaml"))
MAIN = next(p for p in SAMPLES if p.stem == "afsoner-proeveloesladelse")
MARK = "Redigeret til Aarhus Kommune efter rhl. §§ 9-10 · 6. december 2026"


def test_unredacted_plan_is_internal_and_the_letter_confidential() -> None:
    case = load_case(MAIN)
    plan = pypdf.PdfReader(io.BytesIO(render_document(case, "handleplan", "pdf")))
    assert all("Intern – ikke til videregivelse" in p.extract_text() for p in plan.pages)
    letter = pypdf.PdfReader(io.BytesIO(render_document(case, "foelgeskrivelse", "pdf")))
    assert all("Fortroligt" in p.extract_text() for p in letter.pages)
    assert not any("Intern" in p.extract_text() for p in letter.pages)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_redacted_copy_says_for_whom_on_every_page_and_in_its_title(fmt: str) -> None:
    data = render_document(load_case(MAIN), "handleplan", fmt, mark=MARK)
    if fmt == "pdf":
        reader = pypdf.PdfReader(io.BytesIO(data))
        assert all(MARK in p.extract_text() for p in reader.pages)
        assert "Intern" not in "".join(p.extract_text() for p in reader.pages)
        assert reader.metadata.title.endswith(MARK)
    else:
        d = docx.Document(io.BytesIO(data))
        assert d.sections[0].header.paragraphs[0].text.startswith(MARK)
        assert d.core_properties.title.endswith(MARK)


def test_tables_of_markers_are_summarised() -> None:
    table = {"titel": "Private personer i sagen", "kolonner": {"navn": "Navn"}, "tom": "",
             "raekker": [{"navn": "[pårørende]", "relation": "Pårørende, mor"},
                         {"navn": "[person]", "relation": "[udeladt: rhl. § 10]"}]}
    out = summarise_redacted_tables({"samarbejde": {"personer": table}})
    personer = out["samarbejde"]["personer"]
    assert personer["raekker"] == []
    assert personer["tom"] == "2 rækker udeladt i denne udgave (rhl. §§ 9-10)."
    partly = {**table, "raekker": [*table["raekker"],
                                   {"navn": "Rikke Asmussen", "relation": "Sagsbehandler"}]}
    kept = summarise_redacted_tables(partly)
    assert kept["titel"] == "Private personer i sagen (2 rækker udeladt)"
    assert [r["navn"] for r in kept["raekker"]] == ["Rikke Asmussen"]
    # an unredacted plan is left exactly as it is
    ctx = build_context(load_case(MAIN), "handleplan")
    assert any(r["navn"] for r in ctx["samarbejde"]["personer"]["raekker"])


def test_dates_and_phone_numbers_do_not_break_in_a_column() -> None:
    assert keep_together("Fra 25. november 2026, tlf. 89 40 63 20") == \
        "Fra 25.\u00a0november\u00a02026, tlf. 89\u00a040\u00a063\u00a020"
    rows = [["25. november 2026", "Oplysninger om et meget langt forløb " * 6]]
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from gldocs.render.pdf_kit import FONT

    widths = column_widths(["Start", "Hvordan"], [[keep_together(c) for c in r] for r in rows],
                           [0.2, 4.0])
    assert widths[0] >= stringWidth("25.\u00a0november\u00a02026", FONT, 8) + 8
    data = render_document(load_case(MAIN), "handleplan", "pdf")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "25. november\n2026" not in text and "25. november 20\n26" not in text


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_no_page_ends_with_a_stranded_heading(sample: Path) -> None:
    data = render_document(load_case(sample), "handleplan", "pdf")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for n, page in enumerate(pdf.pages[:-1], start=1):
            words = [w for w in page.extract_words(extra_attrs=["fontname", "size"])
                     if 60 < w["top"] < page.height - 60]
            last_top = max(round(w["top"]) for w in words)
            last = [w for w in words if round(w["top"]) == last_top]
            heading = all("Bold" in w["fontname"] for w in last) and last[0]["size"] >= 9.5
            assert not heading, f"side {n} slutter med overskriften " + \
                " ".join(w["text"] for w in last)


def test_plan_ends_with_date_and_signature_line() -> None:
    case = load_case(MAIN)
    text = pypdf.PdfReader(io.BytesIO(render_document(case, "handleplan", "pdf"))) \
        .pages[-1].extract_text()
    responsible = case.stamoplysninger.handleplansansvarlig
    assert "Dato og underskrift" in text and "Underskrift: ____" in text
    assert f"{responsible.navn}, {responsible.titel}, handleplansansvarlig" in text
    tail = [p.text for p in docx.Document(io.BytesIO(render_document(case, "handleplan",
                                                                     "docx"))).paragraphs]
    assert any(t.startswith("Underskrift: ____") for t in tail[-6:])


def test_render_til_kommune_names_and_marks_the_plan() -> None:
    from gldocs.render.commands import _mark, _name

    case = load_case(MAIN)
    assert _name(case, "handleplan", "pdf", True) == \
        "handleplan_HP-2026-0142_v2_til-kommunen.pdf"
    assert _name(case, "handleplan", "pdf", False) == "handleplan_HP-2026-0142_v2.pdf"
    assert _name(case, "foelgeskrivelse", "docx", True) == "foelgeskrivelse_HP-2026-0142_v2.docx"
    mark = _mark(case, "handleplan", True)
    assert mark is not None and mark.startswith("Redigeret til Aarhus Kommune efter rhl. §§ 9-10")
    assert _mark(case, "handleplan", False) is None
