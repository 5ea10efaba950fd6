"""No service's code is imported outside it: each service, the gateway and the operator CLI import only the chassis,
the contracts and their own package (so no table of one service is read by code outside it; the demo seeds hand
each other ids and events instead)."""
from __future__ import annotations

import ast

import pytest
from deploy_layout import ROOT

APPLICATIONS = {"roster": ROOT / "services/roster/src", "skills": ROOT / "services/skills/src",
                "artifacts": ROOT / "services/artifacts/src", "reflections": ROOT / "services/reflections/src",
                "reporting": ROOT / "services/reporting/src",
                "gateway": ROOT / "gateway/src", "skillfolio_cli": ROOT / "cli/src"}


def _imports(path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(APPLICATIONS))
def test_a_package_imports_no_other_application(package):
    others = set(APPLICATIONS) - {package}
    modules = list((APPLICATIONS[package] / package).rglob("*.py"))
    assert modules
    crossing = {str(path.relative_to(ROOT)): sorted(_imports(path) & others) for path in modules
                if _imports(path) & others}
    assert crossing == {}
