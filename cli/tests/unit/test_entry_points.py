"""The CLI is an application above the services: it finds each through the ``skillfolio.services`` entry point its
pyproject declares, whose every reference resolves (tests/contract/test_service_boundaries.py: it imports none)."""
from __future__ import annotations

import importlib.util

import typer
from sqlalchemy import Table

from chassis.descriptor import GRPC, HTTP, NAMEKO, ServiceDescriptor
from skillfolio_cli.registry import descriptors, service_names

APPLICATIONS = {"roster", "skills", "artifacts", "reflections", "notifications", "reporting", "gateway"}


def test_every_service_and_the_gateway_are_found_by_their_entry_points():
    found = descriptors()
    assert set(found) == APPLICATIONS
    assert service_names() == ["roster", "skills", "artifacts", "reflections", "notifications", "reporting"]   # seeds in order
    assert not found["gateway"].database and [r.kind for r in found["gateway"].roles] == [HTTP]


def _check(descriptor: ServiceDescriptor) -> None:
    for role in descriptor.roles:
        if role.kind == NAMEKO:   # found, not imported: eventlet stays out of this process (its children fork)
            assert importlib.util.find_spec(role.target) is not None, role.target
        else:
            assert role.kind in (GRPC, HTTP) and callable(descriptor.load(role.target))
        if role.kind == NAMEKO and role.name != "events":
            assert isinstance(descriptor.load(role.metrics_port)(), int) and descriptor.load(role.max_workers)() >= 1
    if descriptor.database:
        assert (descriptor.load(descriptor.migrations) / "env.py").exists()
        assert isinstance(descriptor.load(descriptor.outbox), Table)
        assert callable(descriptor.load(descriptor.seed.use_case))
        assert set(descriptor.seed.after) <= set(descriptors()) - {descriptor.name}
    if descriptor.commands:
        assert isinstance(descriptor.load(descriptor.commands), typer.Typer) and descriptor.commands_help
    assert descriptor.load(descriptor.config).__name__ == descriptor.config


def test_every_reference_of_each_descriptor_resolves():
    for descriptor in descriptors().values():
        _check(descriptor)
    assert {r.name for r in descriptors()["artifacts"].roles} == {"api", "events", "media"}
