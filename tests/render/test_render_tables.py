"""Rendered PDF tables: column widths from the content, so words split only where a table
has no room (and then in as few columns as possible)."""

from __future__ import annotations

import io
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table

import gldocs.render.pdf_kit as kit
from gldocs.afgang.dokument import FULD, KOMMUNE
from gldocs.afgang.dokument import render as render_afgang
from gldocs.case import load_case
from gldocs.cli import main
from gldocs.errors import RefusedError
from gldocs.render import render_document

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.yaml"))


def _lines(p: Paragraph, width: float) -> list[str]:
    p.wrap(width, 10**6)
    out = []
    for line in p.blPara.lines:
        if isinstance(line, tuple):  # a plain paragraph: (space, words)
            out.append(" ".join(line[1]))
        else:  # a paragraph with markup: a line of fragments
            out.append("".join(getattr(w, "text", "") for w in line.words))
    return [line.strip() for line in out if line.strip()]


def split_words(tbl: Table) -> list[list[str]]:
    """The cells of ``tbl`` whose wrapped lines split a word (a break not at a space, nor
    after a heading's slash), as their lines."""
    found = []
    for row in tbl._cellvalues:
        for c, cell in enumerate(row):
            if isinstance(cell, list | tuple):
                cell = cell[0] if len(cell) == 1 else None
            if not isinstance(cell, Paragraph):
                continue
            lines = _lines(cell, tbl._colWidths[c] - 2 * kit.CELL_PAD)
            if not lines:
                continue
            joined = lines[0]
            for prev, nxt in pairwise(lines):
                joined += ("" if prev.endswith("/") else " ") + nxt
            source = " ".join(cell.getPlainText().replace("\u00a0", " ").split())
            if " ".join(joined.replace("\u00a0", " ").split()) != source:
                found.append(lines)
    return found


def _documents(sample: Path) -> list[tuple[str, Callable[[], bytes]]]:
    case = load_case(sample)
    docs: list[tuple[str, Callable[[], bytes]]] = [
        (d, lambda d=d: render_document(case, d, "pdf"))  # type: ignore[misc]
        for d in ("handleplan", "foelgeskrivelse")]
    if case.afgang is not None:
        docs += [(d, lambda d=d: render_afgang(case, d, "pdf"))  # type: ignore[misc]
                 for d in (FULD, KOMMUNE)]
    return docs


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_no_word_splits_in_the_samples_tables(sample: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[Table] = []
    real = kit.table

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(kit, "table", spy)
    for name, render in _documents(sample):
        made.clear()
        try:
            render()
        except RefusedError:  # e.g. no følgeskrivelse for an udvisningsdømt
            continue
        assert made or name != "handleplan"
        for tbl in made:
            assert split_words(tbl) == [], name


def test_the_checker_sees_a_split_word() -> None:
    """The test above can fail: a column narrower than its word splits it."""
    tbl = kit.table(["Hvem"], [["Undervisningsafdelingen"]], [1.0])
    tbl._colWidths = [60.0]
    (lines,) = split_words(tbl)
    assert len(lines) > 1 and "".join(lines) == "Undervisningsafdelingen"


def test_a_heading_breaks_after_its_slash_only_when_narrow() -> None:
    head = kit.styles()["cell_head"]
    word = "Behov/prioritet"
    full = stringWidth(word, head.fontName, head.fontSize) + 2 * kit.CELL_PAD + 1
    assert kit._head_markup(word, full + 1) == word
    assert kit._head_markup(word, full - 5) == "Behov/<br/>prioritet"
    assert kit._head_markup("Dato/tid og 1/2", 20) == "Dato/<br/>tid og 1/2"  # digits: no break
    # the heading's widest part, not the whole, sets the column's minimum
    widths = kit.column_widths([word, "Tekst"], [["1.", "ord " * 200]], [0.01, 1.0])
    assert widths[0] < full
    assert widths[0] >= stringWidth("prioritet", head.fontName, head.fontSize) + 9


def test_when_words_do_not_fit_the_fewest_columns_give_way() -> None:
    cell = kit.styles()["cell"]
    long = "Misbrugsbehandling"
    rows = [[long, long, long, long, long, "Virksomhedspraktikforløbskoordinator"]]
    minimum = [stringWidth(w, cell.fontName, cell.fontSize) + 2 * kit.CELL_PAD + 1
               for w in rows[0]]
    assert sum(minimum) > kit.CONTENT_WIDTH  # no room for every word
    widths = kit.column_widths(["A"] * 6, rows, [1.0] * 6)
    short = [i for i, (w, m) in enumerate(zip(widths, minimum, strict=True)) if w < m - 0.01]
    assert short == [5]  # only the column with the most to give splits its word
    assert abs(sum(widths) - kit.CONTENT_WIDTH) < 0.01


def test_render_cli_keeps_the_udvist_indsatser_words_whole(tmp_path: Path) -> None:
    """The sample that split "(Kri|minalforsorgen)" and "Undervisnin|g": whole words now,
    both dates of a period each on one line."""
    sample = next(p for p in SAMPLES if p.stem == "udvist")
    res = CliRunner().invoke(main, ["render", str(sample), "--doc", "handleplan",
                                    "--format", "pdf", "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    (pdf_path,) = tmp_path.glob("*.pdf")
    with pdfplumber.open(io.BytesIO(pdf_path.read_bytes())) as pdf:
        words = {w["text"] for page in pdf.pages for w in page.extract_words()}
        text = "\n".join(page.extract_text() for page in pdf.pages)
    for whole in ("Undervisning", "Undervisningsafdelingen,", "(Kriminalforsorgen);",
                  "Skattestyrelsen", "prioritet"):
        assert whole in words, whole
    for piece in ("Undervisnin", "(Kri", "Skattes", "priorite"):
        assert piece not in words, piece
    assert "1. september 2027" in text and "1. november 2026 –" in text


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_a_table_header_is_repeated_only_at_a_page_top(sample: Path) -> None:
    """A table split at a row goes on on the next page, never again in the space left on
    the same page (a stray header row mid-page above half a row)."""
    data = render_document(load_case(sample), "handleplan", "pdf")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            lines = [" ".join(line.split()) for line in page.extract_text().splitlines()]
            heads = [line for line in lines if line == "Dato Frist Grundlag Hjemmel"]
            assert len(heads) <= 1, f"side {n}: {len(heads)} tabelhoveder"


def test_a_row_taller_than_a_page_still_splits() -> None:
    tall = kit.table(["Tekst"], [["Et langt notat om forløbet. " * 900]], [1.0])
    data = kit.build_pdf([tall], title="t", header_left="", header_right="", footer_left="",
                         banner="", author="", subject="")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) >= 2
        assert all("forløbet" in page.extract_text() for page in pdf.pages)


@pytest.mark.parametrize("kommune", ["Odense Kommune", "Lyngby-Taarbæk Kommune " * 3])
def test_page_header_mark_and_title_never_overlap(kommune: str) -> None:
    """A long mark ("Redigeret til … efter rhl. §§ 9-10 · dato") and a long title: the title
    moves above the mark, and an overlong mark shrinks to the width, nothing overlaps."""
    mark = f"Redigeret til {kommune.strip()} efter rhl. §§ 9-10 · 6. december 2026"
    data = kit.build_pdf([kit.para("Tekst.")], title="t", header_left=mark,
                         header_right="Afgangsbedømmelse til kommunen HP-2026-0518",
                         footer_left="", banner="", author="", subject="")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        words = [w for w in page.extract_words() if w["top"] < 40 * 72 / 25.4]
        assert " ".join(w["text"] for w in words).count("HP-2026-0518") == 1
        for i, a in enumerate(words):
            assert a["x0"] >= 0 and a["x1"] <= page.width
            for b in words[i + 1:]:
                apart = (a["x1"] <= b["x0"] or b["x1"] <= a["x0"] or a["bottom"] <= b["top"]
                         or b["bottom"] <= a["top"])
                assert apart, (a["text"], b["text"])
