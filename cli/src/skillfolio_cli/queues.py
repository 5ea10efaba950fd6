"""`skillfolio queues declare`: the platform's RabbitMQ topology as a deploy step, before anything publishes.

RabbitMQ drops a message no queue is bound for, so an event a relay publishes before its consumer's worker has
started would be lost. This declares, with exactly the names and arguments the workers use (idempotent), every
consumer queue with its retry queues and DLQ, every ``<service>.events`` exchange, and each exchange's alternate
exchange and its ``<service>.events.unroutable`` queue, which keeps whatever no binding routes. The alternate
exchange is attached by a policy (management API), never an exchange argument (see chassis.messaging.topology).
Run by the migrations Job, compose's migrate service and `skillfolio up`.
"""
from __future__ import annotations

import importlib
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit

import typer

from chassis.config import PlatformSettings

if TYPE_CHECKING:   # the messaging extra (imported where used: the gateway's image has no kombu)
    from chassis.messaging.topology import ConsumerTopology, EventsTopology

app = typer.Typer(no_args_is_help=True)


class ManagementApiUnreachable(RuntimeError):
    """The policies could not be set: no management API where SKILLFOLIO_RABBITMQ_API (or its default) points."""


@dataclass(frozen=True)
class Declared:
    handlers: int
    exchanges: int
    policies: int


def consumer_topologies(module_name: str, platform: PlatformSettings) -> list[ConsumerTopology]:
    """The topology of each reliable handler of the nameko service class in ``module_name``."""
    from chassis.messaging.topology import ConsumerTopology, events_exchange, handler_queue_name
    from chassis.messaging.worker import EVENTLET_WARNING, find_service_class
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=EVENTLET_WARNING, category=Warning)
        service_class = getattr(importlib.import_module(module_name), find_service_class(module_name).split(":")[1])
    topologies = []
    for method, value in sorted(vars(service_class).items()):
        for entrypoint in getattr(value, "nameko_entrypoints", ()):
            source, event_type = getattr(entrypoint, "source_service", None), getattr(entrypoint, "event_type", None)
            if source and event_type:
                topologies.append(ConsumerTopology(
                    queue=handler_queue_name(source, event_type, service_class.name, method),
                    exchange=events_exchange(source), routing_key=event_type,
                    retry_delays_ms=tuple(platform.retry_delays_ms or [1000]), queue_type=platform.queue_type))
    return topologies


def put_policies(topologies: list[EventsTopology], amqp_url: str) -> int:
    """Create or update each exchange's alternate-exchange policy in the AMQP URL's vhost (management API)."""
    import requests

    from chassis.messaging.replay import management_api
    api = urlsplit(management_api(amqp_url))
    base = f"{api.scheme}://{api.hostname}:{api.port}{api.path}"
    vhost = quote(unquote(urlsplit(amqp_url).path[1:]) or "/", safe="")
    for topology in topologies:
        policy = topology.policy()
        body = {key: value for key, value in policy.items() if key != "name"}
        try:
            response = requests.put(f"{base}/policies/{vhost}/{quote(policy['name'], safe='')}", json=body,
                                    auth=(unquote(api.username or ""), unquote(api.password or "")), timeout=10)
        except requests.ConnectionError:
            raise ManagementApiUnreachable(
                f"RabbitMQ's management API is not reachable at {api.hostname}:{api.port} (enable the "
                "rabbitmq_management plugin or set SKILLFOLIO_RABBITMQ_API)") from None
        if response.status_code not in (201, 204):
            raise RuntimeError(f"RabbitMQ refused policy {policy['name']} ({response.status_code}): "
                               f"{response.text[:200]} - the user needs the policymaker tag, or import "
                               "deploy/rabbitmq/definitions.json and pass --no-policies")
    return len(topologies)


def declare_topology(module_names: list[str], services: list[str], platform: PlatformSettings | None = None,
                     policies: bool = True) -> Declared:
    """Declare ``services``' exchanges (with their alternate exchange) and the handlers' queues of ``module_names``."""
    from kombu import Connection

    from chassis.messaging.topology import EventsTopology
    platform = platform or PlatformSettings()
    events = [EventsTopology(service, platform.queue_type) for service in services]
    consumers = [t for name in module_names for t in consumer_topologies(name, platform)]
    if policies:   # first, so no exchange is ever without its alternate exchange
        put_policies(events, platform.amqp_url)
    with Connection(platform.amqp_url, connect_timeout=5) as connection:
        channel = connection.default_channel
        for topology in events:
            topology.unroutable_queue()(channel).declare()    # the alternate exchange, its queue and binding
            topology.exchange()(channel).declare()
        for topology in consumers:
            for queue in topology.all_queues():               # main queue (exchange and binding too), retries, DLQ
                queue(channel).declare()
    return Declared(len(consumers), len(events), len(events) if policies else 0)


def declare_before_start(module_names: list[str], services: list[str]) -> None:
    """`skillfolio up`: declare everything; on a broker without the management plugin, all but the policies."""
    try:
        declare_topology(module_names, services)
    except ManagementApiUnreachable as error:
        typer.echo(f"warning: {error}; events no queue is bound for will not be kept", err=True)
        declare_topology(module_names, services, policies=False)


@app.command()
def declare(policies: bool = typer.Option(
        True, help="Also set each exchange's alternate-exchange policy through the management API "
                   "(SKILLFOLIO_RABBITMQ_API); --no-policies where deploy/rabbitmq/definitions.json is imported.")
            ) -> None:
    """Declare every consumer queue (retry queues, DLQ), events exchange and alternate exchange. Idempotent."""
    from skillfolio_cli import services
    from skillfolio_cli.platform import WORKER_MODULES
    try:
        declared = declare_topology(WORKER_MODULES, services.SERVICES, policies=policies)
    except RuntimeError as error:
        typer.echo(f"queues: {error}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"queues: {declared.handlers} consumer queues (with retry queues and DLQs), {declared.exchanges} "
               f"events exchanges with their unroutable queues, {declared.policies} policies")
