"""Where gldocs finds its bundled data (templates, policies, samples, the NER model).

In a wheel the top-level folders are packed under ``gldocs/_data``; in a checkout
(editable install) they sit beside the package.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent


def data_dir(name: str) -> Path:
    """Return the bundled folder ``name`` (templates, policies or samples)."""
    for candidate in (PACKAGE_DIR / "_data" / name, REPO_DIR / name):
        if candidate.is_dir():
            return candidate
    return REPO_DIR / name


TEMPLATES_DIR = data_dir("templates")
POLICIES_DIR = data_dir("policies")
SAMPLES_DIR = data_dir("samples")
MODELS_DIR = PACKAGE_DIR / "models"
