"""No secret is committed in the deploy files: only references (${VAR}, file paths, secretKeyRef) and placeholders."""
from __future__ import annotations

import json
import re

import yaml
from deploy_layout import K8S, ROOT, SECRET_TEMPLATE

SECRET_NAME = re.compile(r"PASSWORD|_PASS$|SECRET|PRIVATE_KEY|ACCESS_KEY|TOKEN|CREDENTIAL", re.I)
# scheme://user:password@ where the password is neither a ${reference} nor a <placeholder>
URL_CREDENTIALS = re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@]+:(?!\$|<)[^@\s/]+@", re.I)
PRIVATE_PEM = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")


def _is_reference(value) -> bool:
    return isinstance(value, str) and (re.fullmatch(r"\$\{[A-Z0-9_]+(:?[-?][^}]*)?\}", value) is not None
                                       or value.startswith("/"))


def _deploy_texts() -> dict[str, str]:
    files = [ROOT / "docker-compose.yml", *sorted((ROOT / "deploy").rglob("*"))]
    return {str(p.relative_to(ROOT)): p.read_text() for p in files
            if p.is_file() and p.suffix in (".yml", ".yaml", ".json", ".conf", ".sql", ".sh", ".py", "") and p != SECRET_TEMPLATE}


def test_no_credentials_or_private_keys_in_any_deploy_file():
    texts = _deploy_texts()
    assert "docker-compose.yml" in texts and "deploy/rabbitmq/definitions.json" in texts
    leaks = {name: URL_CREDENTIALS.findall(text) + PRIVATE_PEM.findall(text) for name, text in texts.items()}
    assert not {name: found for name, found in leaks.items() if found}


def test_compose_secret_settings_are_references(compose):
    for name, service in compose["services"].items():
        environment = service.get("environment") or {}
        assert isinstance(environment, dict), f"{name}: use the mapping form of environment"
        for key, value in environment.items():
            if SECRET_NAME.search(key):
                assert _is_reference(value), f"{name}: {key} must be a ${{VAR}} reference or a file path"


def test_k8s_secret_settings_come_from_secrets(k8s_objects):
    assert not [o["metadata"]["name"] for o in k8s_objects if o["kind"] == "Secret"], \
        "Secrets are created out of band (base/secrets.template.yaml), never applied from the repo"
    for obj in k8s_objects:
        if obj["kind"] == "ConfigMap":
            assert not [k for k in obj["data"] if SECRET_NAME.search(k)], obj["metadata"]["name"]
        if obj["kind"] in ("Deployment", "Job"):
            for container in obj["spec"]["template"]["spec"]["containers"]:
                for entry in container.get("env", []):
                    if SECRET_NAME.search(entry["name"]):
                        assert "secretKeyRef" in entry.get("valueFrom", {}), (obj["metadata"]["name"], entry["name"])


def test_secret_template_holds_only_placeholders():
    secrets = [doc for doc in yaml.safe_load_all(SECRET_TEMPLATE.read_text()) if doc]
    assert {s["kind"] for s in secrets} == {"Secret"}
    for secret in secrets:
        assert "data" not in secret
        for key, value in secret["stringData"].items():
            assert re.fullmatch(r"<[^<>]+>", value), f"{secret['metadata']['name']}.{key} must be a <placeholder>"


def test_secret_template_covers_every_secret_the_manifests_use(k8s_objects):
    template = {doc["metadata"]["name"]: set(doc["stringData"]) for doc in yaml.safe_load_all(SECRET_TEMPLATE.read_text())}
    used: set[str] = set()
    for obj in k8s_objects:
        if obj["kind"] in ("Deployment", "Job"):
            for container in obj["spec"]["template"]["spec"]["containers"]:
                used |= {ref["secretRef"]["name"] for ref in container.get("envFrom", []) if "secretRef" in ref}
        if obj["kind"] == "TriggerAuthentication":
            for ref in obj["spec"]["secretTargetRef"]:
                used.add(ref["name"])
                assert ref["key"] in template[ref["name"]]
    assert used == set(template), f"used {sorted(used)} vs template {sorted(template)}"


def test_rabbitmq_definitions_create_no_users():
    definitions = json.loads((ROOT / "deploy/rabbitmq/definitions.json").read_text())
    assert not definitions.get("users") and not definitions.get("permissions")
