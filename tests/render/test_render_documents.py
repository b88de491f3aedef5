"""Every sample rendered to DOCX and PDF and read back: parts, fields, rules, agreement."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from typing import Any

import docx
import pypdf
import pytest
from render_fixtures import (
    MAIN,
    PARTS,
    SAMPLE_IDS,
    docx_text,
    in_order,
    pdf_text,
    rendered,
    sample,
    squash,
)

from gldocs.case import Case, iter_text_fields
from gldocs.dates import MAANEDER, format_dato
from gldocs.errors import RefusedError
from gldocs.render import build_context, letter_warnings, refusal_reason, render_document
from gldocs.render import layout as lay
from gldocs.render.context import clean
from gldocs.render.deadlines import applicable_frister
from gldocs.render.handleplan import UDVIST_TEKST

READ = {"docx": docx_text, "pdf": pdf_text}
FORMATS = ["docx", "pdf"]


def text_of(name: str, doc: str, fmt: str) -> str:
    return READ[fmt](rendered(name, doc, fmt))


def coordinating() -> list[str]:
    return [n for n in SAMPLE_IDS if refusal_reason(sample(n)) is None]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", SAMPLE_IDS)
def test_handleplan_has_the_five_parts_in_order_and_the_key_fields(name: str, fmt: str) -> None:
    case = sample(name)
    st = case.stamoplysninger
    text = text_of(name, "handleplan", fmt)
    assert in_order(text, PARTS)
    assert f"Navn: {st.navn}" in text
    assert f"CPR-nr.: {st.cpr}" in text
    assert in_order(text, [PARTS[0], "Navn:", "CPR-nr.:", PARTS[1]])
    assert f"Version {st.handleplan.version} af {format_dato(st.handleplan.dato)}" in text
    assert case.reference in text
    assert st.handleplansansvarlig.navn in squash_keep_space(text)
    for behov in case.vurdering.behov:
        assert squash(behov.omraade) in squash(text)
        for indsats in behov.indsatser:
            assert squash(indsats.titel) in squash(text)
    for frist in applicable_frister(case):
        assert squash(frist.tekst) in squash(text)
    assert {"æ", "ø", "å", "Å"} <= set(text)


def squash_keep_space(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", SAMPLE_IDS)
def test_every_text_field_of_the_case_is_in_the_handleplan(name: str) -> None:
    case = sample(name)
    shown = squash(docx_text(rendered(name, "handleplan", "docx")))
    missing = []
    for path, _section, text in iter_text_fields(case):
        if not case.has_koordineringspligt and (
            path.startswith("stamoplysninger.handlekommune")
            or path == "samarbejdspartnere.handleplan_ikke_vedlagt_begrundelse"
        ):
            continue  # no coordination with the municipality: not part of the plan
        if path.startswith("afgang."):
            continue  # the afgangsbedømmelse is its own document (gldocs afgang)
        if squash(clean(text)) not in shown:
            missing.append(path)
    assert missing == []


def _shown_strings(blocks: list[lay.Block], scope: dict[str, Any]) -> list[str]:
    """The strings a layout says are shown: the oracle both formats must satisfy."""
    out: list[str] = []
    for block in blocks:
        value = lay.resolve(scope, block.path)
        match block:
            case lay.If(blocks=inner):
                out += _shown_strings(inner, scope) if value else []
            case lay.ForEach(var=var, blocks=inner):
                for item in value:
                    out += _shown_strings(inner, {**scope, var: item})
            case lay.Fields():
                out += [f"{f['label']} {f['vaerdi']}" for f in value]
            case lay.Lines() | lay.Bullets():
                out += list(value)
            case lay.Table(title_level=level):
                out += [value["titel"]] if level else []
                if value["raekker"]:
                    out += [value["kolonner"][k] for k in block.widths]
                    out += [row[k] for row in value["raekker"] for k in block.widths]
                else:
                    out += [value["tom"]]
            case _:
                out.append(value)
    return [s for s in out if s]


@pytest.mark.parametrize("doc", ["handleplan", "foelgeskrivelse"])
@pytest.mark.parametrize("name", SAMPLE_IDS)
def test_docx_and_pdf_show_every_string_of_the_one_context(name: str, doc: str) -> None:
    case = sample(name)
    if doc == "foelgeskrivelse" and refusal_reason(case):
        pytest.skip("no følgeskrivelse for this client")
    ctx = build_context(case, doc)
    expected = _shown_strings(lay.LAYOUTS[doc], ctx)
    assert expected, "the oracle found nothing to check"
    docx_flat = squash(text_of(name, doc, "docx"))
    pdf_words = set(text_of(name, doc, "pdf").split())
    pdf_flat = squash(text_of(name, doc, "pdf"))
    for s in expected:
        assert squash(s) in docx_flat, s
        # PDF table cells wrap, so compare words; a word split at a line end is joined
        for word in s.split():
            assert word in pdf_words or word in pdf_flat, (s, word)


@pytest.mark.parametrize("fmt", FORMATS)
def test_udvist_plan_has_no_part_about_the_time_after_release_and_says_so(fmt: str) -> None:
    case = sample("udvist")
    assert case.is_udvist
    text = text_of("udvist", "handleplan", fmt)
    assert in_order(text, PARTS)
    assert squash(UDVIST_TEKST) in squash(text)
    assert "§ 31, stk. 2, 3. pkt." in text
    assert "Tiden efter løsladelsen" not in text
    assert "Koordineringsområder og anmodninger" not in text
    assert "Handlekommune og indgang" not in text
    for frist_id in ("kommune_kontakt", "loesladelsesmoede", "engangshjaelp_afgoerelse"):
        assert all(f.id != frist_id for f in applicable_frister(case))
    assert "Løsladelsesmøde" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_plan_with_coordination_has_the_after_release_part(fmt: str) -> None:
    case = sample(MAIN)
    text = text_of(MAIN, "handleplan", fmt)
    assert "Tiden efter løsladelsen" in text
    assert squash(UDVIST_TEKST) not in squash(text)
    for area, ask in case.koordineringsomraader.items():
        assert area.titel in text
        assert squash(clean(ask)) in squash(text)


@pytest.mark.parametrize("name", ["udvist", "varetaegt"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_foelgeskrivelse_is_refused_without_a_coordination_duty(name: str, fmt: str) -> None:
    case = sample(name)
    with pytest.raises(RefusedError) as err:
        render_document(case, "foelgeskrivelse", fmt)
    word = "udvisningsdømte" if name == "udvist" else "varetægtsarrestanter"
    assert word in err.value.message


def test_foelgeskrivelse_for_a_client_not_informed_says_so_and_warns() -> None:
    # coordination is a duty even when the client was not informed (pkt. 30-34)
    case = sample(MAIN).model_copy(update={
        "klient_informeret": False,
        "klient_informeret_bemaerkning": "Klienten er indlagt på psykiatrisk afdeling",
    })
    ctx = build_context(case, "foelgeskrivelse", today=date(2026, 11, 25))
    text = ctx["orientering"]["tekst"]
    assert "Klienten er ikke orienteret om denne henvendelse" in text
    assert "Klienten er indlagt på psykiatrisk afdeling" in text
    assert "pkt. 30-34" in text
    assert any("ikke orienteret" in w for w in letter_warnings(case, date(2026, 11, 25)))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", [MAIN, "tilsyn-kif", "ung-fodlaenke"])
def test_foelgeskrivelse_content(name: str, fmt: str) -> None:
    case = sample(name)
    st = case.stamoplysninger
    kommune = st.handlekommune
    assert kommune is not None
    text = text_of(name, "foelgeskrivelse", fmt)
    flat = squash(text)
    for part in (kommune.navn, kommune.afdeling, kommune.adresse, kommune.kontaktperson,
                 kommune.sikker_post):
        assert squash(part) in flat
    assert "Formålet med henvendelsen" in text
    for area, ask in case.koordineringsomraader.items():
        assert area.titel in text
        assert squash(clean(ask)) in flat
    assert squash("retshåndhævelseslovens § 9") in flat
    assert squash("handleplanscirkulærets § 12") in flat
    special = {a.value for a in case.koordineringsomraader_liste} & {"misbrug", "helbred"}
    assert (squash("§ 10") in flat) == bool(special)
    assert "Klienten er orienteret" in squash_keep_space(text)
    for person in (st.handleplansansvarlig, st.stedfortraeder):
        assert squash(person.navn) in flat
        assert squash(person.telefon) in flat
        assert squash(person.email) in flat
    assert squash(f"Handleplanen (version {st.handleplan.version}") in flat


def _letter_dates(case: Case, today: date) -> dict[str, str]:
    ctx = build_context(case, "foelgeskrivelse", today=today)
    return {f["label"]: f["vaerdi"] for f in ctx["datoer"]["felter"]}


def test_foelgeskrivelse_key_dates_for_a_release() -> None:
    case = sample(MAIN)
    # PL Wednesday 10 March 2027: meeting 10 December 2026, engangshjælp 24 February 2027
    dates = _letter_dates(case, date(2026, 11, 25))
    assert dates["Forslag til løsladelsesmøde:"].startswith("senest 10. december 2026")
    assert "3 måneder før" in dates["Forslag til løsladelsesmøde:"]
    assert dates["Afgørelse om engangshjælp:"].startswith("senest 24. februar 2027")
    assert "14 dage før" in dates["Afgørelse om engangshjælp:"]
    assert dates["Forventet prøveløsladelse:"] == "10. marts 2027"
    # both release dates; the end of sentence (Friday 10 Sep 2027) moves to Wednesday 8th
    assert dates["Forventet løsladelse efter endt straf:"].startswith(
        "8. september 2027 (fremrykket fra 10. september 2027")
    assert "løsladelse efter endt straf 8. september 2027" in dates[
        "Hvis prøveløsladelse ikke gives:"]


def test_letter_never_proposes_a_date_before_its_own_date() -> None:
    case = sample(MAIN)
    # dated 20 December 2026, after the 3-month date (10 December 2026): snarest muligt,
    # at the latest 4 weeks before the prøveløsladelse (10 February 2027)
    dates = _letter_dates(case, date(2026, 12, 20))
    moede = dates["Forslag til løsladelsesmøde:"]
    assert moede.startswith("snarest muligt og senest 10. februar 2027")
    assert "den oprindelige frist var 10. december 2026" in moede
    ctx = build_context(case, "foelgeskrivelse", today=date(2026, 12, 20))
    bullets = " ".join(ctx["formaal"]["forventninger"])
    assert "snarest muligt og senest 10. februar 2027" in bullets
    # dated 1 March 2027: the engangshjælp deadline (24 February) has passed too
    dates = _letter_dates(case, date(2027, 3, 1))
    assert dates["Afgørelse om engangshjælp:"].startswith(
        "snarest muligt og senest 9. marts 2027")
    assert dates["Forslag til løsladelsesmøde:"].startswith(
        "snarest muligt og senest 9. marts 2027")
    # no proposed date is ever before the letter's date
    for today in (date(2026, 11, 25), date(2026, 12, 20), date(2027, 2, 20),
                  date(2027, 3, 1)):
        for value in _letter_dates(case, today).values():
            for d in _danish_dates(value.split("(den oprindelige")[0]):
                assert d >= today, (today, value)


def _danish_dates(text: str) -> list[date]:
    months = {m: i for i, m in enumerate(MAANEDER, start=1)}
    return [date(int(y), months[m], int(d))
            for d, m, y in re.findall(r"(\d{1,2})\. ([a-zæøå]+) (\d{4})", text)
            if m in months]


def test_letter_warns_when_dated_after_the_pkt_32_deadline() -> None:
    case = sample(MAIN)
    kontakt = next(f for f in applicable_frister(case) if f.id == "kommune_kontakt")
    done = case.samarbejdspartnere.koordinering
    late = not (done.sket and done.dato and done.dato <= kontakt.dato)
    warnings = letter_warnings(case, kontakt.dato + timedelta(days=1))
    assert any("efter fristen for kontakt til kommunen" in w for w in warnings) is late
    assert not any("efter fristen" in w for w in letter_warnings(case, kontakt.dato))


def test_plain_letter_never_claims_the_plan_was_limited() -> None:
    case = sample(MAIN)
    plain = build_context(case, "foelgeskrivelse")["handleplan"]["tekst"]
    assert "begrænset" not in plain
    limited = build_context(case, "foelgeskrivelse", begraenset=True)["handleplan"]["tekst"]
    assert "begrænset til de oplysninger, kommunen har brug for" in limited


def test_letter_legal_basis_and_the_kommunes_duties() -> None:
    ctx = build_context(sample(MAIN), "foelgeskrivelse")
    basis = ctx["hjemmel"]["tekst"]
    for needle in ("retshåndhævelseslovens § 9", "forebygge ny kriminalitet og fuldbyrde",
                   "handleplanscirkulærets § 12, stk. 6", "pkt. 33-36", "strengt nødvendigt"):
        assert needle in basis
    duties = ctx["hjemmel"]["kommunen"]
    assert "§ 13, stk. 1" in duties and "pkt. 38" in duties and "§ 141" in duties
    day = ctx["loesladelsesdag"]["tekst"]
    for needle in ("trin 9 A", "acontobeløb", "misbrugscentret", "overtager Kriminalforsorgen "
                   "i Frihed (KiF) handleplansansvaret", "opfølgende møde"):
        assert needle in day
    situation = ctx["klient"]["situation"]
    assert "risiko- og behovsvurdering (LS/RNR)" in situation
    assert "kriminogene behov" in situation and "påvirker risikoen for ny kriminalitet" in situation


def test_handleplan_for_udvist_does_not_claim_data_go_to_the_kommune() -> None:
    case = sample("udvist")
    ctx = build_context(case, "handleplan")
    assert "videregives ikke" in ctx["samarbejde"]["informeret"]
    assert "orienteret om, at oplysninger" not in ctx["samarbejde"]["informeret"]
    v = case.vurdering.model_copy(update={"udsendelse": "Kontakt til hjemlandets ambassade "
                                                        "om rejsedokumenter før løsladelsen."})
    ctx = build_context(case.model_copy(update={"vurdering": v}), "handleplan")
    assert ctx["vurdering"]["udsendelse"].startswith("Kontakt til hjemlandets ambassade")
    assert "pkt. 23" in ctx["vurdering"]["note"]


def test_varetaegt_plan_does_not_state_causes_as_fact() -> None:
    case = sample("varetaegt")
    ctx = build_context(case, "handleplan")
    assert "ikke dømt" in ctx["aarsager"]["note"]
    ctx = build_context(case.model_copy(update={"aarsager": None}), "handleplan")
    assert ctx["aarsager"]["felter"] == []
    assert "beskrives ikke som fakta" in ctx["aarsager"]["note"]


def test_foelgeskrivelse_when_the_plan_is_not_attached() -> None:
    case = sample(MAIN)
    sp = case.samarbejdspartnere.model_copy(update={
        "handleplan_vedlagt": False,
        "handleplan_ikke_vedlagt_begrundelse": "Planen er ved at blive revideret.",
    })
    case = case.model_copy(update={"samarbejdspartnere": sp})
    text = squash_keep_space(docx_text(render_document(case, "foelgeskrivelse", "docx")))
    assert "Handleplanen er ikke vedlagt" in text
    assert "Planen er ved at blive revideret." in text
    m = case.stamoplysninger.handleplansansvarlig
    assert f"rekvireres hos den handleplansansvarlige, {m.navn}, tlf. {m.telefon}" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_banner_is_printed_at_the_top_of_both_formats(fmt: str) -> None:
    banner = "IKKE TIL VIDEREGIVELSE"
    data = render_document(sample(MAIN), "handleplan", fmt, banner=banner)
    text = READ[fmt](data)
    assert banner in text
    assert text.index(banner) < text.index(PARTS[0])
    plain = READ[fmt](rendered(MAIN, "handleplan", fmt))
    assert banner not in plain
    if fmt == "docx":
        header = docx.Document(io.BytesIO(data)).sections[0].header
        assert [p.text for p in header.paragraphs] == [
            f"Intern – ikke til videregivelse\tHandleplan {sample(MAIN).reference}", banner]
        plain_header = docx.Document(io.BytesIO(rendered(MAIN, "handleplan", fmt)))
        assert len(plain_header.sections[0].header.paragraphs) == 1
    else:
        for page in pypdf.PdfReader(io.BytesIO(data)).pages:
            assert banner in page.extract_text()
