"""docker-compose.yml and deploy/k8s agree: every role present in both, one name per service, probes, images.

Secrets are checked separately (test_deploy_secrets.py); these tests parse the files, they start nothing.
"""
from __future__ import annotations

import re

import pytest
import yaml
from deploy_layout import K8S, ROOT, k8s_manifest_files

from chassis.config import DEFAULT_PORTS
from skillfolio_cli.services import SERVICES


def _container(deployment: dict) -> dict:
    containers = deployment["spec"]["template"]["spec"]["containers"]
    assert len(containers) == 1, f"{deployment['metadata']['name']}: one container per process role"
    return containers[0]


def _ports(container: dict) -> dict[str, int]:
    return {p["name"]: p["containerPort"] for p in container.get("ports", [])}


def test_every_role_is_a_compose_service_with_its_cli_command(compose, app_roles):
    for name, words in app_roles:
        assert name in compose["services"], f"docker-compose.yml lacks service {name!r}"
        assert compose["services"][name]["command"] == words, name
    migrate = compose["services"]["migrate"]
    assert migrate["entrypoint"] == ["tini", "--", "sh", "-c",
                                     "skillfolio migrate && skillfolio queues declare --no-policies"]


def test_every_role_is_a_deployment_with_its_cli_args(by_kind, app_roles):
    deployments = by_kind("Deployment")
    assert set(deployments) == {name for name, _ in app_roles}, "a Deployment per role, and no others"
    for name, words in app_roles:
        container = _container(deployments[name])
        assert container["name"] == name and container["args"] == words, name


def test_migrations_job_declares_the_queues_then_runs_migrate_with_every_service_database(by_kind):
    (job,) = by_kind("Job").values()
    (queues,) = job["spec"]["template"]["spec"]["initContainers"]
    assert queues["args"] == ["queues", "declare", "--no-policies"]   # policies: definitions.json
    assert {"secretRef": {"name": "skillfolio-platform"}} in queues["envFrom"]   # SKILLFOLIO_AMQP_URL
    assert {"configMapRef": {"name": "skillfolio-config"}} in queues["envFrom"]  # queue type, retry delays
    container = job["spec"]["template"]["spec"]["containers"][0]
    assert container["args"] == ["migrate"]
    secrets = {ref["secretRef"]["name"] for ref in container["envFrom"] if "secretRef" in ref}
    assert secrets == {f"{s}-database" for s in SERVICES}


def test_one_name_per_service(by_kind, compose, app_roles):
    definitions = yaml.safe_load((ROOT / "deploy/rabbitmq/definitions.json").read_text())
    exchanges = {e["name"]: e for e in definitions["exchanges"]}
    databases = set(re.findall(r"^CREATE DATABASE (\w+);", (ROOT / "deploy/postgres/init.sql").read_text(), re.M))
    for service in SERVICES:
        assert exchanges[f"{service}.events"]["type"] == "topic" and exchanges[f"{service}.events"]["durable"]
        assert service in databases, f"deploy/postgres/init.sql creates no database {service!r}"
        assert (K8S / "services" / service / "kustomization.yaml").exists()
    for name, words in app_roles:
        if name == "gateway":
            continue
        service, role = words[1], words[2]
        deployment = by_kind("Deployment")[name]
        assert deployment["metadata"]["labels"]["app.kubernetes.io/name"] == service
        assert deployment["metadata"]["labels"]["app.kubernetes.io/component"] == role
        assert deployment["_file"] == f"services/{service}/{role}.yaml", name
        assert f"var/compose/{service}.env" in compose["services"][name]["env_file"], name


@pytest.mark.parametrize("service", SERVICES)
def test_ports_follow_chassis_defaults(by_kind, compose, service):
    deployments = by_kind("Deployment")
    grpc_port, metrics_port, events_metrics_port = DEFAULT_PORTS[service]
    api, events = _container(deployments[f"{service}-api"]), _container(deployments[f"{service}-events"])
    assert _ports(api) == {"grpc": grpc_port, "metrics": metrics_port}
    assert _ports(events) == {"metrics": events_metrics_port}
    assert by_kind("Service")[f"{service}-api"]["spec"]["ports"][0]["port"] == grpc_port
    assert deployments[f"{service}-api"]["spec"]["template"]["metadata"]["annotations"]["prometheus.io/port"] == \
        str(metrics_port)
    env = compose["services"][f"{service}-api"]["environment"]
    prefix = service.upper()
    assert (env[f"{prefix}_GRPC_PORT"], env[f"{prefix}_METRICS_PORT"], env[f"{prefix}_EVENTS_METRICS_PORT"]) == \
        (str(grpc_port), str(metrics_port), str(events_metrics_port))
    scrape = (ROOT / "deploy/prometheus/prometheus.yml").read_text()
    assert f"{service}-api:{metrics_port}" in scrape and f"{service}-events:{events_metrics_port}" in scrape


def test_probes(by_kind, app_roles):
    for name, words in app_roles:
        container = _container(by_kind("Deployment")[name])
        probes = {kind: container.get(kind) for kind in ("startupProbe", "readinessProbe", "livenessProbe")}
        assert all(probes.values()), f"{name} lacks {[k for k, v in probes.items() if not v]}"
        if name == "gateway":
            assert probes["livenessProbe"]["httpGet"]["path"] == "/healthz"
            assert probes["readinessProbe"]["httpGet"]["path"] == "/readyz"
        elif words[2] == "api":   # gRPC health protocol, natively (Kubernetes >= 1.27)
            assert all(probe["grpc"]["port"] == _ports(container)["grpc"] for probe in probes.values()), name
        else:   # live while the outbox relay cycles (deploy/healthcheck.py reads its clock from /metrics)
            words_in_probe = ["python", "/opt/skillfolio/healthcheck.py", *words]
            for kind in ("startupProbe", "livenessProbe"):
                assert probes[kind]["exec"]["command"] == words_in_probe, f"{name} {kind}"
            assert probes["readinessProbe"]["httpGet"]["path"] == "/metrics", name


def test_scaling_and_disruption_budgets(by_kind, app_roles, worker_roles, consumed_queues):
    hpa_targets = {h["spec"]["scaleTargetRef"]["name"] for h in by_kind("HorizontalPodAutoscaler").values()}
    keda_targets = {s["spec"]["scaleTargetRef"]["name"] for s in by_kind("ScaledObject").values()}
    pdbs = [p["spec"]["selector"]["matchLabels"] for p in by_kind("PodDisruptionBudget").values()]
    for name, words in app_roles:
        deployment = by_kind("Deployment")[name]
        if (name, words) in worker_roles and consumed_queues[name]:   # KEDA owns their HPA; two would fight
            assert name in keda_targets and name not in hpa_targets, name
        elif (name, words) in worker_roles:   # consumes nothing (roster-events): no queue depth to scale on
            assert name not in keda_targets and name not in hpa_targets, name
            assert deployment["spec"]["replicas"] >= 1, f"{name}: its outbox relay must always run"
        else:
            assert name in hpa_targets and name not in keda_targets, name
        assert deployment["spec"]["selector"]["matchLabels"] in pdbs, f"{name} has no PodDisruptionBudget"
        if name in hpa_targets or name in keda_targets:
            assert "replicas" not in deployment["spec"], f"{name}: the autoscaler owns replicas; apply resets them"
    for scaled in by_kind("ScaledObject").values():
        trigger = scaled["spec"]["triggers"][0]
        assert trigger["type"] == "rabbitmq" and scaled["spec"]["minReplicaCount"] >= 1  # the relay always runs


def test_pods_are_locked_down_and_sized(k8s_objects):
    workloads = [o for o in k8s_objects if o["kind"] in ("Deployment", "Job")]
    assert workloads
    for obj in workloads:
        pod = obj["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True and pod["automountServiceAccountToken"] is False
        for container in pod["containers"]:
            security = container["securityContext"]
            assert security["readOnlyRootFilesystem"] is True and security["allowPrivilegeEscalation"] is False
            assert security["capabilities"]["drop"] == ["ALL"]
            assert {"cpu", "memory"} <= set(container["resources"]["requests"]), obj["metadata"]["name"]
            assert "memory" in container["resources"]["limits"], obj["metadata"]["name"]


def test_kustomizations_list_every_manifest_and_nothing_missing():
    listed = set()
    for kustomization in K8S.rglob("kustomization.yaml"):
        for resource in yaml.safe_load(kustomization.read_text()).get("resources", []):
            target = (kustomization.parent / resource).resolve()
            assert target.exists(), f"{kustomization.relative_to(ROOT)} lists missing {resource}"
            listed.add(target / "kustomization.yaml" if target.is_dir() else target)
    orphans = [str(p.relative_to(ROOT)) for p in k8s_manifest_files() if p.resolve() not in listed]
    assert not orphans, f"manifests no kustomization applies: {orphans}"


def test_compose_references_resolve(compose):
    services = compose["services"]
    for name, service in services.items():
        for dependency in service.get("depends_on", {}):
            assert dependency in services, f"{name} depends on unknown {dependency}"
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("./"):
                assert (ROOT / source).exists(), f"{name} mounts missing {source}"
            else:
                assert source in compose["volumes"], f"{name} uses undeclared volume {source}"
        for env_file in service.get("env_file", []):
            assert env_file.startswith("var/compose/"), f"{name}: env files live in gitignored var/compose/"


def _option_default(service: str, field: str) -> int:
    """The default of ``field`` in the service's own settings (``<service>.config``), e.g. media_metrics_port."""
    import importlib
    module = importlib.import_module(f"{service}.config")
    (value,) = [cls.model_fields[field].default for cls in vars(module).values()
                if isinstance(cls, type) and field in getattr(cls, "model_fields", {})]
    return value


def test_extra_worker_roles_serve_metrics_on_their_own_port(by_kind, compose, worker_roles):
    """e.g. artifacts-media: ARTIFACTS_MEDIA_METRICS_PORT (default 9303) in compose, k8s, and scraped."""
    extra = [(name, words) for name, words in worker_roles if words[2] != "events"]
    assert extra, "no extra worker role (artifacts-media) found"
    scrape = (ROOT / "deploy/prometheus/prometheus.yml").read_text()
    for name, (_, service, role) in extra:
        port = _option_default(service, f"{role}_metrics_port")
        variable = f"{service.upper()}_{role.upper()}_METRICS_PORT"
        deployment = by_kind("Deployment")[name]
        container = _container(deployment)
        assert _ports(container) == {"metrics": port}, name
        assert {"name": variable, "value": str(port)} in container["env"], name
        assert deployment["spec"]["template"]["metadata"]["annotations"]["prometheus.io/port"] == str(port)
        assert compose["services"][name]["environment"][variable] == str(port), name
        assert f"{name}:{port}" in scrape, name
