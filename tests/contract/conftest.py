"""Fixtures shared by the deploy contract tests: docker-compose.yml and every Kubernetes manifest, parsed."""
from __future__ import annotations

import pathlib
import sys

import pytest
import yaml

sys.path.insert(0, str(pathlib.Path(__file__).parent))   # deploy_layout, under any --import-mode
from deploy_layout import K8S, ROOT, k8s_manifest_files  # noqa: E402


@pytest.fixture(scope="session")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.fixture(scope="session")
def k8s_objects() -> list[dict]:
    """Every object in every manifest, each with ``_file`` (path relative to deploy/k8s) added."""
    objects = []
    for path in k8s_manifest_files():
        for doc in yaml.safe_load_all(path.read_text()):
            if doc:
                objects.append({**doc, "_file": str(path.relative_to(K8S))})
    return objects


@pytest.fixture(scope="session")
def by_kind(k8s_objects):
    def find(kind: str) -> dict[str, dict]:
        return {obj["metadata"]["name"]: obj for obj in k8s_objects if obj["kind"] == kind}
    return find


@pytest.fixture(scope="session")
def app_roles() -> list[tuple[str, str]]:
    """(process name, CLI words) of every long-running role, as `skillfolio up` runs them: <service>-api,
    <service>-events, the extra roles (artifacts-media) and the gateway."""
    from skillfolio_cli.platform import PROCESSES
    return [(spec.name, spec.args) for spec in PROCESSES]


@pytest.fixture(scope="session")
def worker_roles(app_roles) -> list[tuple[str, list[str]]]:
    """The roles that consume queues and own no port but /metrics: events roles and extra worker roles."""
    return [(name, words) for name, words in app_roles if name != "gateway" and words[2] != "api"]


@pytest.fixture(scope="session")
def consumed_queues(worker_roles) -> dict[str, list[str]]:
    """Each worker role's consumer queues (process name -> queue names), from the chassis topology of the nameko
    module it runs: exactly what the worker and `skillfolio queues declare` declare."""
    from chassis.config import PlatformSettings
    from skillfolio_cli.queues import consumer_topologies
    from skillfolio_cli.services import worker_module
    platform = PlatformSettings()
    return {name: [t.queue for t in consumer_topologies(worker_module(words[1], words[2]), platform)]
            for name, words in worker_roles}
