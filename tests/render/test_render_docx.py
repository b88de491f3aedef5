"""The Word side: templates, styles, header/footer, escaping, strictness, metadata."""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docxtpl import DocxTemplate
from render_fixtures import MAIN, PARTS, SAMPLE_IDS, docx_text, rendered, sample

from gldocs.case import with_text_fields
from gldocs.errors import GldocsError
from gldocs.paths import TEMPLATES_DIR
from gldocs.render import DOCS, build_context, refusal_reason, render_docx
from gldocs.render.context import context_fields
from gldocs.render.docx import docx_from_context, jinja_env, load_template, template_fields


def _contexts(doc: str) -> list[dict]:
    return [build_context(sample(n), doc) for n in SAMPLE_IDS
            if doc == "handleplan" or refusal_reason(sample(n)) is None]


@pytest.mark.parametrize("doc", DOCS)
def test_every_template_variable_exists_in_the_context(doc: str) -> None:
    contexts = _contexts(doc)
    known: set[str] = set().union(*(context_fields(c) for c in contexts))
    tpl = load_template(doc)
    top = tpl.get_undeclared_template_variables(jinja_env())
    assert top, "the template reads no variables at all"
    assert top <= {k for c in contexts for k in c}
    assert template_fields(tpl) - known == set()


def test_the_variable_check_catches_a_field_the_context_lacks(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("{{ stam.overskrift }} {{ stam.mangler }}")
    d.add_paragraph("{%p for f in stam.felter %}")
    d.add_paragraph("{{ f.label }} {{ f.ukendt }}")
    d.add_paragraph("{%p endfor %}")
    path = tmp_path / "bad.docx"
    d.save(str(path))
    known = context_fields(build_context(sample(MAIN), "handleplan"))
    missing = template_fields(DocxTemplate(str(path))) - known
    assert missing == {"stam.mangler", "stam.felter[].ukendt"}


def test_a_missing_field_is_an_error_not_an_empty_string() -> None:
    ctx = build_context(sample(MAIN), "handleplan")
    del ctx["stam"]["felter"][0]["vaerdi"]
    with pytest.raises(GldocsError, match="kunne ikke udfyldes"):
        docx_from_context(ctx)


def test_committed_templates_match_the_layout() -> None:
    spec = importlib.util.spec_from_file_location(
        "gldocs_build_templates", TEMPLATES_DIR / "build_templates.py")
    assert spec and spec.loader
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    for doc in DOCS:
        fresh = builder.build(doc)
        committed = docx.Document(str(TEMPLATES_DIR / f"{doc}.docx"))
        stale = f"templates/{doc}.docx is stale: run templates/build_templates.py"
        assert fresh.element.body.xml == committed.element.body.xml, stale
        for part in ("header", "footer"):
            new, old = (getattr(d.sections[0], part)._element.xml for d in (fresh, committed))
            assert new == old, stale
        assert fresh.styles.element.xml == committed.styles.element.xml, stale
        with zipfile.ZipFile(TEMPLATES_DIR / f"{doc}.docx") as z:
            assert not [n for n in z.namelist() if "thumbnail" in n or "customXml" in n]


@pytest.mark.parametrize("name", SAMPLE_IDS)
def test_word_structure_styles_header_and_page_numbers(name: str) -> None:
    data = rendered(name, "handleplan", "docx")
    d = docx.Document(io.BytesIO(data))
    headings = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert headings == PARTS
    assert any(p.style.name == "Title" for p in d.paragraphs)
    fields = [p for p in d.paragraphs if p.style.name == "Felt"]
    assert fields[0].text.startswith("Navn: ") and fields[0].runs[0].bold
    assert fields[1].text.startswith("CPR-nr.: ")
    header = d.sections[0].header.paragraphs[0].text
    assert header.startswith("Intern – ikke til videregivelse") and sample(name).reference in header
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        footer = z.read("word/footer1.xml").decode()
    assert 'w:instr=" PAGE "' in footer and 'w:instr=" NUMPAGES "' in footer
    assert "Side " in footer and " af " in footer
    tables = {t.rows[0].cells[0].text: t for t in d.tables}
    indsatser = tables["Behov/prioritet"]
    assert [c.text for c in indsatser.rows[0].cells] == [
        "Behov/prioritet", "Indsats", "Hvem", "Periode (start – forventet slut)", "Hvordan"]
    assert len(indsatser.rows) - 1 == sum(len(b.indsatser) for b in sample(name).vurdering.behov)
    assert indsatser.style.name == "Table Grid"
    assert "{{" not in docx_text(data) and "{%" not in docx_text(data)


def test_contacts_table_lists_every_contact() -> None:
    case = sample(MAIN)
    d = docx.Document(io.BytesIO(rendered(MAIN, "handleplan", "docx")))
    table = next(t for t in d.tables if [c.text for c in t.rows[0].cells][:2] ==
                 ["Navn", "Rolle og organisation"])
    names = [row.cells[0].text for row in table.rows[1:]]
    assert names == [c.navn for c in case.samarbejdspartnere.kontakter]


def test_markup_characters_in_case_text_stay_text() -> None:
    tricky = {
        "beskrivelse.bolig": "Husleje < 5.000 kr. & depositum > 0 </w:t><w:t>x",
        "aarsager.gevinster": 'A&B <b>fed</b> "citat" og \'apostrof\' ]]> &amp;',
        "beskrivelse.andet": "Kontroltegn\x00\x0b\x0cfjernet\ttabulator",
    }
    case = with_text_fields(sample(MAIN), tricky)
    data = render_docx(case, "handleplan")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
    text = docx_text(data)  # parses the XML: a corrupt document raises here
    assert "Husleje < 5.000 kr. & depositum > 0 </w:t><w:t>x" in text
    assert 'A&B <b>fed</b> "citat" og \'apostrof\' ]]> &amp;' in text
    assert "Kontroltegnfjernet tabulator" in text


def _identity_pattern(name: str) -> re.Pattern[str]:
    case = sample(name)
    words = [re.escape(w) for w in case.stamoplysninger.navn.split() if len(w) >= 3]
    cpr = case.stamoplysninger.cpr
    return re.compile("|".join([*words, re.escape(cpr), cpr.replace("-", "")]), re.I)


@pytest.mark.parametrize("doc", DOCS)
@pytest.mark.parametrize("name", SAMPLE_IDS)
def test_no_client_name_or_cpr_in_docx_metadata(name: str, doc: str) -> None:
    case = sample(name)
    if doc == "foelgeskrivelse" and refusal_reason(case):
        pytest.skip("no følgeskrivelse for this client")
    data = rendered(name, doc, "docx")
    props = docx.Document(io.BytesIO(data)).core_properties
    title = {"handleplan": "Handleplan", "foelgeskrivelse": "Følgeskrivelse"}[doc]
    assert props.title == f"{title} {case.reference}"
    assert props.author == " / ".join(
        x for x in (case.stamoplysninger.institution, case.stamoplysninger.kif_afdeling) if x)
    assert "python-docx" not in (props.author + props.comments + props.last_modified_by)
    assert props.comments == "" and props.keywords == "" and props.subject == ""
    pattern = _identity_pattern(name)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for part in z.namelist():
            if part.startswith(("docProps/", "customXml/")) and part.endswith(".xml"):
                assert not pattern.search(z.read(part).decode("utf-8")), part
    assert pattern.search(docx_text(data)), "the pattern must find the client in the body"
