"""`skillfolio run` and `skillfolio migrate`: start one process role of a service, or migrate databases."""
from __future__ import annotations

import importlib
import importlib.util
import sys

import typer

from chassis.config import PlatformSettings, service_settings
from chassis.logs import configure_logging
from chassis.migrations import upgrade

# Services on this platform; each provides <name>.migrations.MIGRATIONS_DIR,
# <name>.entrypoints.grpc_api.serve(settings) and <name>.entrypoints.worker (a nameko service module); a service
# with a media role also has <name>.entrypoints.media_worker and <name>.config.media_metrics_port() /
# media_max_workers().
SERVICES = ["roster", "skills", "artifacts", "reflections"]


def worker_module(service: str, role: str) -> str:
    """The nameko module a worker role runs: `events` -> <service>.entrypoints.worker, `media` -> ...media_worker."""
    return f"{service}.entrypoints.worker" if role == "events" else f"{service}.entrypoints.{role}_worker"


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
        role: str = typer.Argument("api", help="api (gRPC server), events (nameko worker) or media (the media "
                                               "worker of services that have one).")) -> None:
    """Run one process: `run roster api`, `run roster events`, `run artifacts media`, or `run gateway`."""
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
        exec_nameko_worker(service, worker_module(service, role))
    elif role == "media":
        module = worker_module(service, role)
        if importlib.util.find_spec(module) is None:
            raise typer.BadParameter(f"{service} has no media role")
        from chassis.messaging.worker import exec_nameko_worker
        config = importlib.import_module(f"{service}.config")
        exec_nameko_worker(service, module, "media", config.media_metrics_port(), config.media_max_workers())
    else:
        raise typer.BadParameter("role is 'api', 'events' or 'media'")


def register(app: typer.Typer) -> None:
    app.command()(migrate)
    app.command()(run)
