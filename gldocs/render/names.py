"""Names that leave the prison: file names, document titles and the mail subject.

They carry the case reference and never the client's name or CPR number: file names
and mail subjects travel unencrypted. Every name is checked before it is returned
(fail closed), also for copies of a case that were not validated again.
"""

from __future__ import annotations

import re

from gldocs.case.model import Case
from gldocs.errors import RefusedError

DOCS: tuple[str, ...] = ("handleplan", "foelgeskrivelse")
FORMATS: tuple[str, ...] = ("docx", "pdf")

DOC_TITLES: dict[str, str] = {"handleplan": "Handleplan", "foelgeskrivelse": "Følgeskrivelse",
                              "tjekliste": "Tjekliste"}
TJEKLISTE = "tjekliste"  # the køreplan checklist: rendered by the same pipeline

_UNSAFE = re.compile(r"[^A-Za-z0-9_.\-]+")


def reference_of(case: Case) -> str:
    """The case reference, reduced to characters safe in a file name."""
    ref = _UNSAFE.sub("_", case.reference).strip("._")
    if not ref:
        raise RefusedError("Sagen har ingen brugbar reference (feltet 'reference').")
    return ref


def document_title(case: Case, doc: str) -> str:
    """E.g. "Handleplan HP-2026-0142": the title in the document and its metadata."""
    return checked(case, f"{DOC_TITLES[doc]} {reference_of(case)}", "dokumenttitlen")


def output_name(case: Case, doc: str, fmt: str) -> str:
    """File name of a rendered document, e.g. ``handleplan_HP-2026-0142_v3.pdf``."""
    if doc not in (*DOCS, TJEKLISTE):
        raise ValueError(f"ukendt dokument: {doc!r}")
    if fmt not in FORMATS:
        raise ValueError(f"ukendt format: {fmt!r}")
    if doc == TJEKLISTE:  # a checklist belongs to the case, not to a plan version
        return checked(case, f"{doc}_{reference_of(case)}.{fmt}", "filnavnet")
    version = case.stamoplysninger.handleplan.version
    return checked(case, f"{doc}_{reference_of(case)}_v{version}.{fmt}", "filnavnet")


def mail_subject(case: Case) -> str:
    """Subject line of the følgeskrivelse e-mail: a reference, never name or CPR."""
    return checked(
        case,
        f"Koordinering af handleplan, reference {reference_of(case)}",
        "emnelinjen",
    )


def checked(case: Case, text: str, where: str) -> str:
    """Return ``text`` unless it holds the client's name or CPR number (then refuse)."""
    st = case.stamoplysninger
    digits = re.sub(r"\D", "", st.cpr)
    plain = re.sub(r"\D", "", text)
    leaks_cpr = len(digits) >= 6 and digits[:6] in plain
    words = [w for w in re.split(r"\W+", st.navn.casefold()) if len(w) >= 3]
    # a name word standing on its own between non-letters ("_jonas.", "-Jonas-")
    leaks_name = any(re.search(rf"(?<![^\W\d_]){re.escape(w)}(?![^\W\d_])", text.casefold())
                     for w in words)
    if leaks_cpr or leaks_name:
        raise RefusedError(
            f"Referencen '{case.reference}' ville bringe klientens "
            f"{'CPR-nummer' if leaks_cpr else 'navn'} ind i {where}; vælg en anden "
            "reference i feltet 'reference'."
        )
    return text
