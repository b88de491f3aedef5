"""The kommune's copy of the afgangsbedømmelse in ``gldocs export --afgang``.

The copy is rendered from the *redacted* case (the afgang notes are redacted with the rest,
gldocs.case.fields), so it passes the same leak scan, names and disclosure log as the
handleplan and the følgeskrivelse. Refusals (no consent, udvist, ``ukendt`` without a note,
no deadline) stop the export before any analysis.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from gldocs.afgang.dokument import KOMMUNE, afgang_of, kommune_refusal, output_name, render
from gldocs.case.model import Case
from gldocs.errors import InputError, RefusedError
from gldocs.export.mail import Attachment

MIMETYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def check_afgang(cases: Mapping[Path, Case]) -> None:
    """Refuse ``--afgang`` without a case file, or when the kommune may not get the copy."""
    if not cases:
        raise InputError("--afgang kræver en sagsfil med en afgangsbedømmelse.")
    for path, case in cases.items():
        afgang_of(case)
        reason = kommune_refusal(case)
        if reason is not None:
            raise RefusedError(f"{path}: {reason}")


def afgang_attachments(case: Case, docx: bool) -> list[Attachment]:
    from gldocs.document.docx import clean_docx

    out = []
    for fmt in ("pdf", "docx") if docx else ("pdf",):
        name = output_name(case, KOMMUNE, fmt)
        data = render(case, KOMMUNE, fmt)
        if fmt == "docx":
            data = clean_docx(data, name)
        out.append(Attachment(name, data, MIMETYPES[fmt]))
    return out
