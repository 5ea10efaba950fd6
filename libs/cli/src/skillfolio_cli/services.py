"""`skillfolio run` and `skillfolio migrate`: start one process role of a service, or migrate databases."""
from __future__ import annotations

import importlib
import os
import sys

import typer

from chassis.config import PlatformSettings, service_settings
from chassis.logs import configure_logging
from chassis.migrations import upgrade

# Services on this platform; each provides <name>.migrations.MIGRATIONS_DIR,
# <name>.entrypoints.grpc_api.serve(settings) and <name>.entrypoints.worker (a nameko service module).
SERVICES = ["roster", "skills", "artifacts"]


def _check(service: str) -> None:
    if service not in SERVICES:
        raise typer.BadParameter(f"unknown service {service!r}; choose from {', '.join(SERVICES)}")


def migrate(services: list[str] = typer.Argument(None, help="Services to migrate (default: all).")) -> None:
    """Upgrade each service's database to the newest Alembic revision."""
    for name in services or SERVICES:
        _check(name)
        settings = service_settings(name)
        upgrade(importlib.import_module(f"{name}.migrations").MIGRATIONS_DIR, settings.database_url)
        typer.echo(f"{name}: migrated")


def run(service: str = typer.Argument(..., help="A service name, or 'gateway'."),
        role: str = typer.Argument("api", help="api (gRPC server) or events (nameko worker).")) -> None:
    """Run one process: `run roster api`, `run roster events`, or `run gateway`."""
    platform = PlatformSettings()
    if service == "gateway":
        from gateway.serve import serve
        configure_logging("gateway", platform.log_level, platform.log_format)
        serve()
        return
    _check(service)
    if role == "api":
        configure_logging(f"{service}-api", platform.log_level, platform.log_format)
        importlib.import_module(f"{service}.entrypoints.grpc_api").serve(service_settings(service))
    elif role == "events":
        from chassis.messaging.worker import exec_nameko_worker
        exec_nameko_worker(service, f"{service}.entrypoints.worker")
    else:
        raise typer.BadParameter("role is 'api' or 'events'")


def register(app: typer.Typer) -> None:
    app.command()(migrate)
    app.command()(run)
