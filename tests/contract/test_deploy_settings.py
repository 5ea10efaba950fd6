"""Every Skillfolio variable the deploy files set is one the code reads, so a typo cannot silently fall back to a
default (e.g. ROSTER_GRPC_MAXWORKERS would leave the pool at 16 without a word)."""
from __future__ import annotations

import importlib
import inspect
import re

import yaml
from deploy_layout import ROOT, SECRET_TEMPLATE
from pydantic_settings import BaseSettings

from chassis.config import PlatformSettings, ServiceSettings
from chassis.messaging import worker
from gateway.settings import GatewaySettings
from skillfolio_cli.services import SERVICES

OURS = re.compile(r"^(SKILLFOLIO|GATEWAY|" + "|".join(s.upper() for s in SERVICES) + r")_")


def known_variables() -> set[str]:
    names = {f"SKILLFOLIO_{field.upper()}" for field in PlatformSettings.model_fields}
    names |= {f"GATEWAY_{field.upper()}" for field in GatewaySettings.model_fields}
    read_by_worker = re.findall(r'os\.environ\.get\(f?"([^"]+)"', inspect.getsource(worker))
    for service in SERVICES:
        names |= {f"{service.upper()}_{field.upper()}" for field in ServiceSettings.model_fields if field != "name"}
        names |= {name.replace("{service.upper()}", service.upper()) for name in read_by_worker}
        names |= _service_options(service)
    return names


def _service_options(service: str) -> set[str]:
    """Variables of the service's own settings classes in ``<service>.config`` (e.g. ARTIFACTS_MEDIA_METRICS_PORT)."""
    try:
        module = importlib.import_module(f"{service}.config")
    except ModuleNotFoundError:
        return set()
    classes = [c for c in vars(module).values() if inspect.isclass(c) and issubclass(c, BaseSettings)
               and c.__module__ == module.__name__]
    return {f"{c.model_config.get('env_prefix', '')}{field}".upper() for c in classes for field in c.model_fields}


def _compose_app_variables(compose) -> set[str]:
    names = set()
    for service in compose["services"].values():
        if service.get("build"):
            names |= set(service.get("environment") or {})
    generated = (ROOT / "deploy/compose/init-secrets.sh").read_text()    # what goes into var/compose/*.env
    return names | set(re.findall(r"^([A-Z][A-Z0-9_]+)=", generated, re.M))


def _k8s_app_variables(k8s_objects) -> set[str]:
    names = set()
    for obj in k8s_objects:
        if obj["kind"] == "ConfigMap":
            names |= set(obj["data"])
        if obj["kind"] in ("Deployment", "Job"):
            for container in obj["spec"]["template"]["spec"]["containers"]:
                names |= {entry["name"] for entry in container.get("env", [])}
    for secret in yaml.safe_load_all(SECRET_TEMPLATE.read_text()):
        names |= set(secret["stringData"])
    return names


def test_worker_variables_were_found():
    assert {"SKILLFOLIO_QUEUE_TYPE", "ROSTER_EVENTS_MAX_WORKERS"} <= known_variables()


def test_compose_sets_only_known_variables(compose):
    ours = {name for name in _compose_app_variables(compose) if OURS.match(name)}
    assert "ROSTER_DATABASE_URL" in ours and "GATEWAY_SESSION_SECRET" in ours
    assert not ours - known_variables(), f"unknown: {sorted(ours - known_variables())}"


def test_k8s_sets_only_known_variables(k8s_objects):
    ours = {name for name in _k8s_app_variables(k8s_objects) if OURS.match(name)}
    assert "ROSTER_DATABASE_URL" in ours and "SKILLFOLIO_PRINCIPAL_PRIVATE_KEY" in ours
    assert not ours - known_variables(), f"unknown: {sorted(ours - known_variables())}"
