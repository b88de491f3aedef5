"""Issue 9 §4 (audit round): YAML aliases are refused in every YAML file the tool reads, not
only cases, policies, lexicons and decisions: the caseworker's settings file and a policy's
list of false friends too. A static check keeps any new reader on the one loader."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

import gldocs
from gldocs.errors import InputError

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [*{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}]\n"
    for a, b in zip("abcdefgh", "bcdefghi", strict=True))

# Readers that may call PyYAML directly: the one loader, the case index's fast path (which
# sends any anchor to the exact loader first) and the package's own starter case.
ALLOWED = {"yamlfile.py", "caseload/fastload.py", "case/placeholders.py"}


def test_settings_file_with_aliases_is_refused(tmp_path: Path) -> None:
    from gldocs.settings import load_settings

    path = tmp_path / "indstillinger.yaml"
    path.write_text(LAUGHS, encoding="utf-8")
    start = time.monotonic()
    with pytest.raises(InputError, match="Indstillingsfilen"):
        load_settings(path)
    assert time.monotonic() - start < 5


def test_false_friends_with_aliases_are_refused(tmp_path: Path) -> None:
    from gldocs.redact.language import load_foreign_words

    words = tmp_path / "en.txt"
    words.write_text("the\nand\n", encoding="utf-8")
    friends = tmp_path / "falske.yaml"
    friends.write_text(LAUGHS, encoding="utf-8")
    with pytest.raises(InputError, match="aliaser"):
        load_foreign_words({"en": words}, friends)


def test_no_other_module_calls_pyyaml_loaders() -> None:
    root = Path(gldocs.__file__).parent
    call = re.compile(r"yaml\.(?:safe_load|load|full_load|unsafe_load|load_all|safe_load_all)\(")
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if call.search(p.read_text(encoding="utf-8"))
                 and str(p.relative_to(root)) not in ALLOWED]
    assert offenders == []
