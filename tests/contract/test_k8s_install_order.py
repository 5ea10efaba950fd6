"""A first Kubernetes install works on an empty cluster in the order the docs give: every Namespace, ConfigMap and
Secret a step's objects use is created by that step or an earlier one. No cluster: the kustomizations are rendered
here (resources and the `namespace` field, which is all these use) and the steps read from the docs."""
from __future__ import annotations

import re

import pytest
import yaml
from deploy_layout import ROOT, SECRET_TEMPLATE

CLUSTER_SCOPED = {"Namespace"}
SECRETS_STEP = "create the Secrets"
STEP = re.compile(r"kubectl apply -k (deploy/k8s[\w/]*)|apply `(deploy/k8s/[\w/]+)`|([Cc]reate the Secrets)")


def render(folder) -> list[dict]:
    """What `kubectl apply -k folder` creates: its resources (files and nested kustomizations), in its namespace."""
    kustomization = yaml.safe_load((folder / "kustomization.yaml").read_text())
    objects = []
    for resource in kustomization.get("resources", []):
        path = folder / resource
        objects += render(path) if path.is_dir() else [d for d in yaml.safe_load_all(path.read_text()) if d]
    namespace = kustomization.get("namespace")
    for obj in objects:
        if namespace and obj["kind"] not in CLUSTER_SCOPED:
            obj.setdefault("metadata", {})["namespace"] = namespace
    return objects


def secrets_step() -> list[dict]:
    """The Secrets operators create (`kubectl -n skillfolio create secret ...`, as secrets.template.yaml says)."""
    assert "kubectl -n skillfolio create secret" in SECRET_TEMPLATE.read_text()
    return [{**d, "metadata": {**d["metadata"], "namespace": "skillfolio"}}
            for d in yaml.safe_load_all(SECRET_TEMPLATE.read_text()) if d]


def documented_steps(text: str) -> list[str]:
    """The install steps in the order ``text`` gives them: kustomization folders, and the Secrets step."""
    steps = []
    for match in STEP.finditer(text):
        step = match.group(1) or match.group(2) or SECRETS_STEP
        if step not in steps:
            steps.append(step)
    return steps


def _section(text: str, heading: str, end: str) -> str:
    start = text.index(heading)
    return text[start:text.index(end, start + len(heading))]


def _uses(obj: dict) -> set[tuple[str, str]]:
    """(kind, name) of the ConfigMaps and Secrets an object needs at runtime."""
    uses = set()
    if obj["kind"] == "TriggerAuthentication":
        uses |= {("Secret", ref["name"]) for ref in obj["spec"].get("secretTargetRef", [])}
    pod = obj.get("spec", {}).get("template", {}).get("spec")
    if obj["kind"] in ("Deployment", "Job") and pod:
        for container in pod.get("initContainers", []) + pod["containers"]:
            for ref in container.get("envFrom", []):
                uses |= {("ConfigMap", ref["configMapRef"]["name"])} if "configMapRef" in ref else set()
                uses |= {("Secret", ref["secretRef"]["name"])} if "secretRef" in ref else set()
            for entry in container.get("env", []):
                source = entry.get("valueFrom", {})
                uses |= {("ConfigMap", source["configMapKeyRef"]["name"])} if "configMapKeyRef" in source else set()
                uses |= {("Secret", source["secretKeyRef"]["name"])} if "secretKeyRef" in source else set()
        for volume in pod.get("volumes", []):
            uses |= {("ConfigMap", volume["configMap"]["name"])} if "configMap" in volume else set()
            uses |= {("Secret", volume["secret"]["secretName"])} if "secret" in volume else set()
    return uses


def check_order(steps: list[str]) -> None:
    created: set[tuple[str, str, str]] = set()     # (kind, namespace, name)
    for step in steps:
        objects = secrets_step() if step == SECRETS_STEP else render(ROOT / step)
        created |= {(o["kind"], o["metadata"].get("namespace", ""), o["metadata"]["name"]) for o in objects}
        for obj in objects:
            if obj["kind"] in CLUSTER_SCOPED:
                continue
            namespace = obj["metadata"].get("namespace")
            assert namespace == "skillfolio", f"{step}: {obj['kind']} {obj['metadata']['name']} lands in " \
                                              f"{namespace or 'the current namespace'}"
            assert ("Namespace", "", namespace) in created, f"{step} needs namespace {namespace} before it"
            for kind, name in sorted(_uses(obj)):
                assert (kind, namespace, name) in created, \
                    f"{step}: {obj['kind']} {obj['metadata']['name']} uses {kind} {name}, created later or never"


def test_the_steps_are_read_from_the_docs():
    steps = documented_steps(_section((ROOT / "docs/deploy.md").read_text(), "### Installing a release", "\n### "))
    assert steps == ["deploy/k8s/base", SECRETS_STEP, "deploy/k8s/migrations", "deploy/k8s"]


@pytest.mark.parametrize("document,heading,end", [("docs/deploy.md", "### Installing a release", "\n### "),
                                                  ("README.md", "**Kubernetes**", "\n\n")])
def test_a_first_install_in_the_documented_order_finds_everything_it_needs(document, heading, end):
    steps = documented_steps(_section((ROOT / document).read_text(), heading, end))
    assert "deploy/k8s" in steps and SECRETS_STEP in steps, steps
    check_order(steps)


def test_the_check_catches_a_job_applied_before_its_namespace():
    with pytest.raises(AssertionError, match="needs namespace skillfolio"):
        check_order([SECRETS_STEP, "deploy/k8s/migrations", "deploy/k8s"])     # the order the docs used to give
    with pytest.raises(AssertionError, match="uses Secret [a-z]+-database"):
        check_order(["deploy/k8s/base", "deploy/k8s/migrations"])                 # the Job before the Secrets
