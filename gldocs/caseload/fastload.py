"""Read a case file fast (libyaml), with exactly the rules of :func:`gldocs.case.load_case`.

The caseload index reads tens of thousands of files; the pure-Python loader that gives
line numbers takes ~25 ms a file, libyaml ~2 ms. The fast path composes the YAML with
libyaml but the resolvers of the case loader (dates stay text, only true/false are
booleans), rejects what the case loader rejects (aliases, duplicate keys) and validates
the same model. Whenever anything is wrong, the file is read again by
:func:`gldocs.case.load_case_text`, so every error message (Danish, file, line, field) is
the one ``gldocs validate`` gives. Without libyaml the slow loader is used throughout.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from gldocs.case import Case, load_case, load_case_text
from gldocs.case.loader import _CaseLoader, max_bytes

_CLoader = getattr(yaml, "CSafeLoader", None)
# A YAML anchor (&name) anywhere sends the file to the exact loader, which refuses aliases;
# an alias without an anchor is a YAML error there too. Text such as "R&D" only costs speed.
_ANCHOR = re.compile(r"&[^\s,\[\]{}]")


if _CLoader is not None:
    class _FastLoader(_CLoader):  # type: ignore[misc,valid-type]
        """libyaml parser with the case loader's implicit resolvers; refuses duplicate keys."""

        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False
                              ) -> dict[Any, Any]:
            keys = [str(k.value) for k, _ in node.value]
            if len(set(keys)) != len(keys):  # the exact loader names it with its line
                raise yaml.constructor.ConstructorError(problem="duplicate key")
            return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]

    _FastLoader.yaml_implicit_resolvers = _CaseLoader.yaml_implicit_resolvers


def load_case_fast(path: Path, raw: bytes) -> Case:
    """Validate the case file ``path`` whose content is ``raw``; raises
    :class:`CaseFileError` exactly as :func:`gldocs.case.load_case` does."""
    name = str(path)
    if len(raw) > max_bytes() or _CLoader is None:
        return load_case(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return load_case(path)
    if _ANCHOR.search(text):
        return load_case_text(text, name)
    try:
        data = yaml.load(text, Loader=_FastLoader)
    except yaml.YAMLError:
        return load_case_text(text, name)
    if not isinstance(data, dict):
        return load_case_text(text, name)
    try:
        return Case.model_validate(data)
    except ValidationError:
        return load_case_text(text, name)
