"""Redaction for disclosure: the public API (everything else in this package is internal).

    from gldocs.redact import redactor_for
    redactor = redactor_for("kommune")                 # policy bundle + NER, once per process
    doc, plan = redactor.analyze_path(path, areas="bolig,misbrug")
    applied = redactor.apply(plan, decisions)          # .plan .edits .undecided

``Redactor(load_bundle(name_or_path), ner=True)`` builds one explicitly;
``redactor.analyze(document, areas, client)`` -> :class:`Plan` and
``redactor.apply(plan, decisions)`` -> :class:`Applied` are the two steps. Names are
imported lazily so that ``import gldocs.redact`` stays cheap for the CLI.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gldocs.redact.apply import plan_edits
    from gldocs.redact.bundle import PolicyBundle, load_bundle
    from gldocs.redact.detectors.cpr import find_cprs, is_cpr, mask_if_cpr
    from gldocs.redact.detectors.email import find_emails
    from gldocs.redact.facade import Applied, Client, Redactor, redactor_for, redactors
    from gldocs.redact.genitive import GENITIVE
    from gldocs.redact.marks import (
        check_kommune_policy,
        clean_kommune,
        copy_kommune,
        kommune_copy_header,
        kommune_copy_name,
        recipient_slug,
        redacted_header,
        redacted_name,
        unnamed_note,
    )
    from gldocs.redact.model import Finding, Owner, Plan, finding_id
    from gldocs.redact.policy import Policy, load_policy

# the analysis and its plan; the policy; how a redacted copy names its recipient (header,
# file name); the identifier checks the leak scan, the disclosure log and the DOCX cleaning
# share with the detectors; the genitive ending after a name (the one genitive rule). A
# module outside gldocs/redact imports these names from ``gldocs.redact`` only
# (tests/redact/test_facade_imports.py).
__all__ = ["GENITIVE", "Applied", "Client", "Finding", "Owner", "Plan", "Policy", "PolicyBundle",
           "Redactor", "check_kommune_policy", "clean_kommune", "copy_kommune",
           "find_cprs", "find_emails", "finding_id", "is_cpr", "kommune_copy_header",
           "kommune_copy_name", "load_bundle", "load_policy", "mask_if_cpr", "plan_edits",
           "recipient_slug", "redacted_header", "redacted_name", "redactor_for", "redactors",
           "unnamed_note"]

_WHERE = {
    "Applied": "facade", "Client": "facade", "Redactor": "facade", "redactor_for": "facade",
    "redactors": "facade",
    "PolicyBundle": "bundle", "load_bundle": "bundle",
    "Finding": "model", "Owner": "model", "Plan": "model", "finding_id": "model",
    "Policy": "policy", "load_policy": "policy",
    "plan_edits": "apply",
    "GENITIVE": "genitive",
    "find_cprs": "detectors.cpr", "is_cpr": "detectors.cpr", "mask_if_cpr": "detectors.cpr",
    "find_emails": "detectors.email",
    **dict.fromkeys(("check_kommune_policy", "clean_kommune", "copy_kommune",
                     "kommune_copy_header", "kommune_copy_name", "recipient_slug",
                     "redacted_header", "redacted_name", "unnamed_note"), "marks"),
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"gldocs.redact.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
