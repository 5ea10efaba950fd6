"""`skillfolio run` and `skillfolio migrate`: start one process role of a service (after checking the settings it
needs), or migrate databases."""
from __future__ import annotations

import importlib
import importlib.util
import inspect

import typer
from pydantic import ValidationError
from pydantic_settings import BaseSettings

from chassis.config import ConfigurationError, Need, PlatformSettings, describe, role_settings, service_settings
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


def role_needs(service: str, role: str) -> tuple[Need, ...]:
    """What ``service``'s ``role`` needs from the platform settings: a service's config module declares
    ``PLATFORM_NEEDS`` for all its roles (e.g. the media store); gRPC APIs verify principals; the gateway signs them
    and serves the filesystem store's media URLs."""
    if service == "gateway":
        return (Need.SIGN_PRINCIPALS, Need.MEDIA_URLS)
    declared = getattr(importlib.import_module(f"{service}.config"), "PLATFORM_NEEDS", ())
    return (*declared, *((Need.VERIFY_PRINCIPALS,) if role == "api" else ()))


def _own_settings(service: str) -> None:
    """Build the service's own settings (``service_settings`` and its config module's classes), so a malformed
    variable is refused at start, with its name."""
    if service == "gateway":
        from gateway.settings import GatewaySettings
        builders = [(lambda: GatewaySettings().check(), "GATEWAY_")]   # check(): the session secret's strength
    else:
        module = importlib.import_module(f"{service}.config")
        builders = [(lambda: service_settings(service), f"{service.upper()}_"),
                    *((c, c.model_config.get("env_prefix", "")) for c in vars(module).values()
                      if inspect.isclass(c) and issubclass(c, BaseSettings) and c.__module__ == module.__name__)]
    for build, env_prefix in builders:
        try:
            build()
        except ValidationError as error:
            raise ConfigurationError(describe(error, env_prefix)) from None
        except ValueError as error:
            raise ConfigurationError(str(error)) from None


def role_problems(service: str, role: str) -> str:
    """Why ``service``'s ``role`` cannot start with these settings ("" when it can), naming each variable."""
    problems = []
    for check in (lambda: role_settings(*role_needs(service, role)), lambda: _own_settings(service)):
        try:
            check()
        except ConfigurationError as error:
            problems.append(str(error))
    label = service if service == "gateway" else f"{service}-{role}"
    return f"{label} cannot start: {'; '.join(problems)}" if problems else ""


def check_role(service: str, role: str) -> None:
    """Refuse to start (exit 2) when a setting ``service``'s ``role`` needs is missing or invalid."""
    problem = role_problems(service, role)
    if problem:
        typer.echo(problem, err=True)
        raise typer.Exit(2)


def run(service: str = typer.Argument(..., help="A service name, or 'gateway'."),
        role: str = typer.Argument("api", help="api (gRPC server), events (nameko worker) or media (the media "
                                               "worker of services that have one).")) -> None:
    """Run one process: `run roster api`, `run roster events`, `run artifacts media`, or `run gateway`."""
    if service != "gateway":
        _check(service)
        if role not in ("api", "events", "media"):
            raise typer.BadParameter("role is 'api', 'events' or 'media'")
    check_role(service, role)
    platform = PlatformSettings()
    if service == "gateway":
        from gateway.serve import serve
        configure_logging("gateway", platform.log_level, platform.log_format)
        serve()
        return
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


def register(app: typer.Typer) -> None:
    app.command()(migrate)
    app.command()(run)
