"""Every detector as a presidio recognizer, and the registry a policy builds from them.

A policy lists the recognizers it runs (``recognizers: [cpr, phone, …]``); each name is a
row of :data:`FACTORIES` pointing at a factory ``(kit) -> EntityRecognizer`` (imported only
when a registry is built: presidio is slow to import). The engine
(:mod:`gldocs.redact.engine`) runs them all with one presidio ``AnalyzerEngine`` per text
unit, over precomputed per-unit NLP artifacts (:class:`~.base.UnitArtifacts`), and hands
the ``RecognizerResult``s to the ownership and rule stages.

A recognizer that reads what the discovery stage found in the whole document (who the
client, the professionals and the private persons are: ``case_names``) says so with
``after_discovery = True``; the engine runs those in a second pass, after discovery, with
each unit's :class:`~.base.KnownForms`.

Adding a detector: write an ``EntityRecognizer`` (subclass :class:`~.base.GldocsRecognizer`)
and a factory in a module here, add a line to :data:`FACTORIES`, and add its name to the
policy's ``recognizers`` list. What a result means for the plan (rule, owner, marker) is
decided later, from the policy: a recognizer only says what is where.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gldocs.redact.recognizers.base import RecognizerKit

# policy name -> "module:factory"; every factory takes a RecognizerKit
FACTORIES: dict[str, str] = {
    "cpr": "gldocs.redact.recognizers.patterns:cpr",
    "birth_date": "gldocs.redact.recognizers.patterns:birth_date",
    "phone": "gldocs.redact.recognizers.patterns:phone",
    "email": "gldocs.redact.recognizers.patterns:email",
    "address": "gldocs.redact.recognizers.patterns:address",
    "plate": "gldocs.redact.recognizers.patterns:plate",
    "online": "gldocs.redact.recognizers.patterns:online",
    "ner": "gldocs.redact.recognizers.ner:ner",
    "name_rules": "gldocs.redact.recognizers.names:name_rules",
    "gazetteer_names": "gldocs.redact.recognizers.names:gazetteer_names",
    "case_names": "gldocs.redact.recognizers.names:case_names",
    "categories": "gldocs.redact.recognizers.lexicon:categories",
    "protect": "gldocs.redact.recognizers.lexicon:protect",
    "deny": "gldocs.redact.recognizers.lexicon:deny",
    "internal_notes": "gldocs.redact.recognizers.structure:internal_notes",
    "sections": "gldocs.redact.recognizers.structure:sections",
}

# recognizers that need the NER pipeline (left out in a --no-ner diagnosis run)
NEEDS_NER = frozenset({"ner"})
# recognizers every policy must run: without them no name is ever removed (fail closed)
REQUIRED = frozenset({"gazetteer_names", "case_names"})


def build_recognizers(names: list[str], kit: RecognizerKit) -> list[Any]:
    """The recognizers ``names`` (a policy's ``recognizers`` list), in that order (the
    engine runs those marked ``after_discovery`` in its second pass)."""
    from gldocs.redact.nlp import import_presidio

    import_presidio()  # before the recognizer modules: without presidio's predefined ones
    out = []
    for name in names:
        if name in NEEDS_NER and not kit.ner:
            continue
        module, attr = FACTORIES[name].split(":")
        out.append(getattr(import_module(module), attr)(kit))
    return out


__all__ = ["FACTORIES", "NEEDS_NER", "REQUIRED", "build_recognizers"]
