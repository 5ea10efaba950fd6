"""Where the deploy files live, for the contract tests (imported by conftest.py and the tests)."""
from __future__ import annotations

import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
SECRET_TEMPLATE = K8S / "base" / "secrets.template.yaml"


def k8s_manifest_files() -> list[pathlib.Path]:
    """Every YAML file under deploy/k8s except kustomizations and the secret template."""
    return sorted(p for p in K8S.rglob("*.yaml") if p.name != "kustomization.yaml" and p != SECRET_TEMPLATE)
