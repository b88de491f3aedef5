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
    from gldocs.redact.bundle import PolicyBundle, load_bundle
    from gldocs.redact.facade import Applied, Client, Redactor, redactor_for
    from gldocs.redact.model import Finding, Owner, Plan

__all__ = ["Applied", "Client", "Finding", "Owner", "Plan", "PolicyBundle", "Redactor",
           "load_bundle", "redactor_for"]

_WHERE = {
    "Applied": "facade", "Client": "facade", "Redactor": "facade", "redactor_for": "facade",
    "PolicyBundle": "bundle", "load_bundle": "bundle",
    "Finding": "model", "Owner": "model", "Plan": "model",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"gldocs.redact.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
