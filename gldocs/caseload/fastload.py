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

from pathlib import Path

import yaml
from pydantic import ValidationError

from gldocs.case import Case, load_case, load_case_text
from gldocs.case.loader import MAX_BYTES, _CaseLoader, _duplicate_keys

_CLoader = getattr(yaml, "CSafeLoader", None)

if _CLoader is not None:
    class _FastLoader(_CLoader):  # type: ignore[misc,valid-type]
        """libyaml parser with the case loader's implicit resolvers."""

    _FastLoader.yaml_implicit_resolvers = _CaseLoader.yaml_implicit_resolvers


def _shared_nodes(node: yaml.Node) -> bool:
    """Whether a node occurs twice in the tree (an alias)."""
    seen: set[int] = set()
    stack = [node]
    while stack:
        n = stack.pop()
        if id(n) in seen:
            return True
        seen.add(id(n))
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                stack.append(k)
                stack.append(v)
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
    return False


def load_case_fast(path: Path, raw: bytes) -> Case:
    """Validate the case file ``path`` whose content is ``raw``; raises
    :class:`CaseFileError` exactly as :func:`gldocs.case.load_case` does."""
    name = str(path)
    if len(raw) > MAX_BYTES or _CLoader is None:
        return load_case(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return load_case(path)
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
        if node is None or _shared_nodes(node) or next(_duplicate_keys(node, ()), None):
            return load_case_text(text, name)
        data = loader.construct_document(node)
    except yaml.YAMLError:
        return load_case_text(text, name)
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return load_case_text(text, name)
    try:
        return Case.model_validate(data)
    except ValidationError:
        return load_case_text(text, name)
