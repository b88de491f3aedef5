"""Fixtures of the redaction tests: the shared analyzers of the kommune policy (see
``harness.py``, which the test modules import for the analyse-and-redact helpers)."""

from __future__ import annotations

import pytest
from harness import analyzer_for

from gldocs.redact.engine import Analyzer


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """The kommune policy's analyzer without the NER pipeline (pattern and list
    recognizers only)."""
    return analyzer_for("kommune", ner=False)


@pytest.fixture(scope="session")
def ner_analyzer() -> Analyzer:
    """The kommune policy's analyzer with the NER pipeline, as ``gldocs redact`` runs it."""
    return analyzer_for("kommune", ner=True)
