"""The gateway is told where every backend it holds is, in compose and in Kubernetes, and so is every service that asks
the roster before a refusal (there and in `skillfolio up`); every compose service waits
for what its process needs (its database, RabbitMQ with its topology, the migrate step, the apis it calls)."""
from __future__ import annotations

import pytest

from chassis.config import DEFAULT_PORTS
from gateway.settings import GatewaySettings
from skillfolio_cli.platform import point_at_roster
from skillfolio_cli.services import SERVICES, asks_roster

HEALTHY, DONE = "service_healthy", "service_completed_successfully"


def gateway_backends() -> list[str]:
    """The services the gateway dials: one ``<service>_target`` setting per backend client (gateway.clients)."""
    return sorted(field.removesuffix("_target") for field in GatewaySettings.model_fields if field.endswith("_target"))


def _k8s_env(deployment: dict) -> dict[str, str]:
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    return {entry["name"]: entry.get("value") for entry in container.get("env", [])}


def _depends_on(compose: dict, name: str) -> dict[str, str]:
    """``{dependency: condition}`` of a compose service (the short list form means ``service_started``)."""
    depends = compose["services"][name].get("depends_on", {})
    if isinstance(depends, list):
        return {dependency: "service_started" for dependency in depends}
    return {dependency: (condition or {}).get("condition", "service_started") for dependency, condition in
            depends.items()}


def test_the_gateway_backends_are_the_services():
    assert gateway_backends() == sorted(SERVICES)


@pytest.mark.parametrize("backend", gateway_backends())
def test_the_gateway_has_a_target_for_each_backend_in_compose_and_kubernetes(compose, by_kind, backend):
    variable, expected = f"GATEWAY_{backend.upper()}_TARGET", f"{backend}-api:{DEFAULT_PORTS[backend][0]}"
    assert compose["services"]["gateway"]["environment"].get(variable) == expected, "docker-compose.yml"
    assert _k8s_env(by_kind("Deployment")["gateway"]).get(variable) == expected, "deploy/k8s/gateway/gateway.yaml"
    assert by_kind("Service")[f"{backend}-api"]["spec"]["ports"][0]["port"] == DEFAULT_PORTS[backend][0]


def roster_askers() -> list[str]:
    """The services whose options take <SERVICE>_ROSTER_TARGET (chassis RosterOwnerOptions)."""
    return [service for service in SERVICES if asks_roster(service)]


def test_artifacts_and_reflections_ask_the_roster_before_refusing():
    assert roster_askers() == ["artifacts", "reflections"]


@pytest.mark.parametrize("service", roster_askers())
def test_each_service_that_asks_the_roster_is_told_where_it_is(compose, by_kind, service, monkeypatch):
    variable, port = f"{service.upper()}_ROSTER_TARGET", DEFAULT_PORTS["roster"][0]
    assert compose["services"][f"{service}-api"]["environment"].get(variable) == f"roster-api:{port}", \
        "docker-compose.yml"
    assert _k8s_env(by_kind("Deployment")[f"{service}-api"]).get(variable) == f"roster-api:{port}", \
        f"deploy/k8s/services/{service}/api.yaml"
    monkeypatch.setenv("ROSTER_GRPC_HOST", "0.0.0.0")
    monkeypatch.setenv("ROSTER_GRPC_PORT", "50999")
    embedded: dict[str, str] = {}
    point_at_roster(embedded)                                     # `skillfolio up`
    assert embedded[variable] == "127.0.0.1:50999"
    given = {variable: "roster.internal:443"}
    point_at_roster(given)
    assert given[variable] == "roster.internal:443"


def test_the_gateway_waits_for_every_api_it_calls(compose):
    depends = _depends_on(compose, "gateway")
    for backend in gateway_backends():
        assert depends.get(f"{backend}-api") == HEALTHY, f"gateway must wait for {backend}-api to be healthy"
    assert depends.get("principal-keys") == DONE, "the gateway signs with the private key principal-keys writes"


def test_every_service_role_waits_for_its_database_rabbitmq_and_the_migrate_step(compose, app_roles):
    for name, words in app_roles:
        if name == "gateway":
            continue
        depends = _depends_on(compose, name)
        service = words[1]
        assert f"var/compose/{service}.env" in compose["services"][name]["env_file"], f"{name}: its database URL"
        assert depends.get("postgres") == HEALTHY, f"{name} needs its database"
        assert depends.get("rabbitmq-definitions") == DONE, f"{name} needs RabbitMQ with its topology imported"
        assert depends.get("migrate") == DONE, f"{name} needs its schema and its queues declared"
        assert depends.get("principal-keys") == DONE, f"{name} verifies principals with the public key"


def test_the_migrate_step_waits_for_every_store_it_prepares(compose):
    depends = _depends_on(compose, "migrate")
    assert depends.get("postgres") == HEALTHY
    assert depends.get("rabbitmq-definitions") == DONE      # it declares the queues after the policies exist
    assert _depends_on(compose, "rabbitmq-definitions").get("rabbitmq") == HEALTHY
    env_files = compose["services"]["migrate"]["env_file"]
    assert {f"var/compose/{service}.env" for service in SERVICES} <= set(env_files), "every database URL"
    assert "var/compose/platform.env" in env_files, "SKILLFOLIO_AMQP_URL for `queues declare`"
