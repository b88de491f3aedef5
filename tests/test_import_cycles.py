"""No import cycle among gldocs modules, and no library module importing a CLI module.

A static scan of every ``import`` in ``gldocs/`` (module level and inside functions, where a
cycle is often dodged; imports under ``if TYPE_CHECKING:`` never run and do not count).
Importing a submodule runs its package's ``__init__``; that implicit edge is not counted,
so a package may import its own submodules.
"""

from __future__ import annotations

import ast
from pathlib import Path

import gldocs

ROOT = Path(gldocs.__file__).resolve().parent


def _modules() -> dict[str, Path]:
    out = {}
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT.parent).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        out[".".join(parts)] = path
    return out


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for stmt in node.body:
                skip.update(id(n) for n in ast.walk(stmt))
    return skip


def import_graph() -> dict[str, dict[str, int]]:
    """module -> {imported gldocs module: line of the first such import}."""
    mods = _modules()

    def resolve(name: str) -> str:
        while name and name not in mods:
            name = name.rpartition(".")[0]
        return name

    graph: dict[str, dict[str, int]] = {m: {} for m in mods}
    for mod, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _type_checking_nodes(tree)
        package = mod if path.name == "__init__.py" else mod.rpartition(".")[0]
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parts, *([base] if base else [])])
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in mods else base
                           for a in node.names]
            for target in targets:
                found = resolve(target) if target.startswith("gldocs") else ""
                if found and found != mod:
                    graph[mod].setdefault(found, node.lineno)
    return graph


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _is_cli(module: str) -> bool:
    last = module.rpartition(".")[2]
    return last in ("cli", "cli_danish") or last.endswith("commands")


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {"a": 1}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b": 1}, "b": {}}) == []


def test_the_scan_sees_function_local_imports() -> None:
    graph = import_graph()
    # gldocs.export.leakscan imports the PDF reader inside a function (pypdf only for a PDF)
    assert "gldocs.export.leakscan_pdf" in graph["gldocs.export.leakscan"]


def test_no_import_cycle_among_gldocs_modules() -> None:
    graph = import_graph()
    problems = [" <-> ".join(c) + ": " + "; ".join(
        f"{a} -> {b} (line {graph[a][b]})" for a in c for b in graph[a] if b in c)
        for c in cycles(graph)]
    assert problems == []


def test_no_library_module_imports_a_cli_module() -> None:
    graph = import_graph()
    bad = [f"{mod} -> {dep} (line {line})" for mod, deps in graph.items() if not _is_cli(mod)
           for dep, line in deps.items() if _is_cli(dep)]
    assert bad == []
