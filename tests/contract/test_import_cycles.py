"""No import circles among the modules of a package: its imports form a DAG.

An import deferred into a function still counts (it only hides a circle); one under ``TYPE_CHECKING`` does not. A
package's ``__init__`` re-exporting its modules is not an edge (importing a submodule runs it first anyway).
"""
from __future__ import annotations

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
PACKAGES = {"chassis": ROOT / "libs/chassis/src/chassis", "artifacts": ROOT / "services/artifacts/src/artifacts",
            "reflections": ROOT / "services/reflections/src/reflections", "skills": ROOT / "services/skills/src/skills",
            "roster": ROOT / "services/roster/src/roster",
            "reporting": ROOT / "services/reporting/src/reporting"}


def _module_name(package: str, root: pathlib.Path, path: pathlib.Path) -> str:
    parts = [package, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(tree: ast.Module) -> list[str]:
    names = []
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for child in ast.walk(node):
            if isinstance(child, ast.Import):
                names += [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom) and child.module and not child.level:
                names += [child.module] + [f"{child.module}.{alias.name}" for alias in child.names]
    return names


def import_graph(package: str, root: pathlib.Path) -> dict[str, set[str]]:
    modules = {_module_name(package, root, p): p for p in root.rglob("*.py") if "migrations" not in p.parts}
    graph = {}
    for name, path in modules.items():
        if path.name == "__init__.py":
            graph[name] = set()
            continue
        graph[name] = {m for m in _imports(ast.parse(path.read_text())) if m in modules and m != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state = [], {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                found.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target, stack + [target])
        state[node] = "done"
    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_no_import_cycles(package):
    assert cycles(import_graph(package, PACKAGES[package])) == []


def test_the_check_sees_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
