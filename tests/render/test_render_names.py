"""File names and the mail subject: the reference, never the client's name or CPR."""

from __future__ import annotations

import re

import pytest
from render_fixtures import MAIN, SAMPLE_IDS, sample

from gldocs.errors import RefusedError
from gldocs.render import DOCS, FORMATS, build_context, mail_subject, output_name


def _leaks(name: str, text: str) -> bool:
    st = sample(name).stamoplysninger
    words = [w.casefold() for w in st.navn.split() if len(w) >= 3]
    digits = st.cpr.replace("-", "")
    return (any(w in text.casefold() for w in words)
            or digits[:6] in re.sub(r"\D", "", text))


@pytest.mark.parametrize("name", SAMPLE_IDS)
def test_output_names_hold_document_kind_and_reference_only(name: str) -> None:
    case = sample(name)
    names = {output_name(case, d, f) for d in DOCS for f in FORMATS}
    assert len(names) == 4
    for doc in DOCS:
        for fmt in FORMATS:
            file_name = output_name(case, doc, fmt)
            assert file_name.startswith(f"{doc}_{case.reference}_v")
            assert file_name.endswith(f".{fmt}")
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+", file_name)
            assert not _leaks(name, file_name)


@pytest.mark.parametrize("name", SAMPLE_IDS)
def test_mail_subject_is_a_reference_never_name_or_cpr(name: str) -> None:
    case = sample(name)
    subject = mail_subject(case)
    assert case.reference in subject
    assert not _leaks(name, subject)


def test_foelgeskrivelse_shows_the_mail_subject_as_its_emne() -> None:
    case = sample(MAIN)
    ctx = build_context(case, "foelgeskrivelse")
    emne = next(f["vaerdi"] for f in ctx["afsender"] if f["label"] == "Emne:")
    assert emne == mail_subject(case)


@pytest.mark.parametrize("reference", ["HP-Frederiksen-7", "HP-140595-1", "jonas.2026"])
def test_a_reference_that_would_leak_is_refused(reference: str) -> None:
    # copies made by the redactor are not validated again: the names check on their own
    case = sample(MAIN).model_copy(update={"reference": reference})
    with pytest.raises(RefusedError, match="reference"):
        output_name(case, "handleplan", "pdf")
    with pytest.raises(RefusedError):
        mail_subject(case)


def test_unknown_document_or_format_is_rejected() -> None:
    with pytest.raises(ValueError):
        output_name(sample(MAIN), "brev", "pdf")
    with pytest.raises(ValueError):
        output_name(sample(MAIN), "handleplan", "odt")
