"""What a service (or the gateway) tells the operator CLI about itself, declared as a ``skillfolio.services`` entry
point: its process roles, settings, migrations, outbox, commands and demo seed, each named "module:attribute" and
loaded only when used (so listing services imports nothing of theirs, and an image holds only its own)."""
from __future__ import annotations

import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

from chassis.config import Need

ENTRY_POINT_GROUP = "skillfolio.services"
GRPC, NAMEKO, HTTP = "grpc", "nameko", "http"


@dataclass(frozen=True)
class Role:
    """One process role, run as `skillfolio run <service> <role>`.

    ``kind`` says how: GRPC calls ``target(service_settings)`` ("module:serve"), NAMEKO runs the nameko service of
    module ``target`` in a fresh interpreter (``metrics_port`` and ``max_workers`` name callables for a role other
    than ``events``, which reads ``<SERVICE>_EVENTS_*``), HTTP calls ``target()``.
    """

    name: str
    kind: str
    target: str
    metrics_port: str = ""
    max_workers: str = ""


@dataclass(frozen=True)
class Seed:
    """The service's demo seed: ``use_case`` ("module:callable") takes a :class:`SeedContext` and returns a dict
    of facts later seeds read (ids, and the events they replicate); ``after`` names the services it needs first."""

    use_case: str
    after: tuple[str, ...] = ()


@dataclass
class SeedContext:
    """What a seed is given: the embedded platform's var/ dir (None with production stores: nothing is written
    there), ``write_private(path, text)`` for a 0600 file under it, and each earlier seed's result by service name.
    Results carry ids and the events a later seed's replicas need, as RabbitMQ would deliver them: no seed reads
    another service's tables."""

    var_dir: Any
    write_private: Callable[[Any, str], None]
    results: dict[str, dict] = field(default_factory=dict)

    def events(self, source: str) -> list:
        """The envelopes ``source``'s seed says its consumers need (``events`` of its result)."""
        return list(self.results.get(source, {}).get("events", ()))


@dataclass(frozen=True)
class ServiceDescriptor:
    """A service's declaration. ``config`` is the module whose ``BaseSettings`` classes are built at start (a
    malformed variable refuses the role) and whose ``PLATFORM_NEEDS`` names what every role needs; ``database``
    False for a process with no database of its own (the gateway)."""

    name: str
    roles: tuple[Role, ...]
    config: str = ""
    needs: tuple[Need, ...] = ()
    database: bool = True
    migrations: str = ""
    outbox: str = ""
    commands: str = ""
    commands_help: str = ""
    seed: Seed | None = None

    def role(self, name: str) -> Role | None:
        return next((role for role in self.roles if role.name == name), None)

    @staticmethod
    def load(reference: str) -> Any:
        """The object ``reference`` ("module:attribute", or a module) names, imported now."""
        return pkgutil.resolve_name(reference)


def discover() -> dict[str, ServiceDescriptor]:
    """Every installed service's descriptor by name (an image has only its own service's)."""
    found = {}
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        descriptor = entry_point.load()
        if not isinstance(descriptor, ServiceDescriptor) or descriptor.name != entry_point.name:
            raise TypeError(f"entry point {entry_point.name} ({entry_point.value}) is not that service's descriptor")
        found[descriptor.name] = descriptor
    return found
