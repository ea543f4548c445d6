"""The package's imports form no circle: each module can be read after what it imports."""

from __future__ import annotations

import ast
from pathlib import Path

import palmyra

SRC = Path(palmyra.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(tree: ast.AST, module: str, is_package: bool, modules: set[str]) -> set[str]:
    """Palmyra modules named by the import statements in ``tree``, at any depth.

    ``from a import b`` counts as importing ``a.b`` when that is a module, else ``a``.
    Imports under ``if TYPE_CHECKING:`` never run and are left out.
    """
    found: set[str] = set()
    todo = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            todo.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".") if is_package else module.split(".")[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join([*package, base] if base else package)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in modules else base)
        todo.extend(ast.iter_child_nodes(node))
    return {m for m in found if m in modules and m != module}


def _graph() -> dict[str, set[str]]:
    paths = {_module_name(p): p for p in SRC.rglob("*.py")}
    modules = set(paths)
    return {
        name: _imported(ast.parse(path.read_text()), name, path.name == "__init__.py", modules)
        for name, path in paths.items()
    }


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_imports_pipeline_imports_the_composition_root() -> None:
    graph = _graph()
    assert "palmyra.parts" in graph["palmyra.pipeline"]
    assert {"palmyra.extract.quotes", "palmyra.annotate.places"} <= graph["palmyra.parts"]


def test_imports_registry_imports_no_part() -> None:
    """Parts import the registry to register themselves, never the other way round."""
    assert _graph()["palmyra.registry"] <= {"palmyra.errors"}


def test_imports_have_no_cycle() -> None:
    """Module-level and function-level imports alike: a lazy import only hides a circle."""
    assert _cycles(_graph()) == []
