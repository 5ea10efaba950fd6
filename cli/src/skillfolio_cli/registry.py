"""The installed services and the gateway, found by their ``skillfolio.services`` entry points (chassis.descriptor):
a service's image holds only its own; the operator image (skillfolio-cli[platform]) and `skillfolio up`, all."""
from __future__ import annotations

from functools import cache
from graphlib import TopologicalSorter

import typer

from chassis.descriptor import ServiceDescriptor, discover


@cache
def descriptors() -> dict[str, ServiceDescriptor]:
    return discover()


def service_names() -> list[str]:
    """The installed services with a database of their own (not the gateway), each after the services its seed
    needs first (roster, skills, artifacts, reflections), so migrations, processes and seeds run in that order."""
    found = {name: d for name, d in descriptors().items() if d.database}
    graph = {name: [a for a in (d.seed.after if d.seed else ()) if a in found] for name, d in sorted(found.items())}
    order = TopologicalSorter(graph)
    order.prepare()
    names: list[str] = []
    while order.is_active():
        ready = sorted(order.get_ready())
        names += ready
        order.done(*ready)
    return names


def descriptor(name: str) -> ServiceDescriptor:
    """The descriptor of ``name``, or a usage error naming the installed ones."""
    found = descriptors()
    if name not in found:
        raise typer.BadParameter(f"unknown service {name!r}; choose from {', '.join(sorted(found))}")
    return found[name]
