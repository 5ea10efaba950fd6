"""`skillfolio run` and `skillfolio migrate`: start one process role of a service (after checking the settings it
needs), or migrate databases. What a service runs and where its migrations are come from its descriptor."""
from __future__ import annotations

import inspect

import typer
from pydantic import ValidationError
from pydantic_settings import BaseSettings

from chassis.config import ConfigurationError, Need, PlatformSettings, describe, role_settings, service_settings
from chassis.descriptor import GRPC, HTTP, NAMEKO, ServiceDescriptor
from chassis.logs import configure_logging
from skillfolio_cli.registry import descriptor, service_names

# The installed services with a database (roster, skills, artifacts, reflections where all are installed).
SERVICES = service_names()


def worker_module(service: str, role: str) -> str:
    """The nameko module a worker role runs (its descriptor's role target)."""
    found = descriptor(service).role(role)
    if found is None or found.kind != NAMEKO:
        raise typer.BadParameter(f"{service} has no {role} worker role")
    return found.target


def migrate(services: list[str] = typer.Argument(None, help="Services to migrate (default: all).")) -> None:
    """Upgrade each service's database to the newest Alembic revision."""
    from chassis.migrations import upgrade  # the database extra: not in the gateway's image
    for name in services or SERVICES:
        found = descriptor(name)
        if not found.migrations:
            raise typer.BadParameter(f"{name} has no database to migrate")
        upgrade(found.load(found.migrations), service_settings(name).database_url)
        typer.echo(f"{name}: migrated")


def role_needs(service: str, role: str) -> tuple[Need, ...]:
    """What ``service``'s ``role`` needs from the platform settings: its descriptor's needs, its config module's
    ``PLATFORM_NEEDS`` for all its roles (e.g. the media store), and, for a gRPC API, verifying principals."""
    found = descriptor(service)
    declared = getattr(found.load(found.config), "PLATFORM_NEEDS", ()) if found.config else ()
    grpc = found.role(role) is not None and found.role(role).kind == GRPC
    return (*found.needs, *declared, *((Need.VERIFY_PRINCIPALS,) if grpc else ()))


def asks_roster(service: str) -> bool:
    """True when the service's config takes ``<SERVICE>_ROSTER_TARGET`` (chassis RosterOwnerOptions): it asks the
    roster before refusing a teacher or guardian its replica shows no relation for."""
    from chassis.roster_replica.roster_client import RosterOwnerOptions
    found = descriptor(service)
    module = found.load(found.config) if found.config else None
    return any(inspect.isclass(c) and issubclass(c, RosterOwnerOptions) and c.__module__ == module.__name__
               for c in (vars(module).values() if module else ()))


def _own_settings(found: ServiceDescriptor) -> None:
    """Build the service's own settings (``service_settings`` where it has a database, and its config module's
    classes, checked where they define ``check()``), so a malformed variable is refused at start, with its name."""
    module = found.load(found.config) if found.config else None
    builders = [(lambda: service_settings(found.name), f"{found.name.upper()}_")] if found.database else []
    for cls in (vars(module).values() if module else ()):
        if inspect.isclass(cls) and issubclass(cls, BaseSettings) and cls.__module__ == module.__name__:
            builders.append((lambda cls=cls: getattr(cls(), "check", lambda: None)(),
                             cls.model_config.get("env_prefix", "")))
    for build, env_prefix in builders:
        try:
            build()
        except ValidationError as error:
            raise ConfigurationError(describe(error, env_prefix)) from None
        except ValueError as error:
            raise ConfigurationError(str(error)) from None


def process_name(service: str, role: str) -> str:
    """The process's name everywhere (compose, Kubernetes, `up`): ``<service>-<role>``, or the gateway's name for
    a service with one role and no database."""
    found = descriptor(service)
    return service if not found.database and len(found.roles) == 1 else f"{service}-{role}"


def role_problems(service: str, role: str) -> str:
    """Why ``service``'s ``role`` cannot start with these settings ("" when it can), naming each variable."""
    problems = []
    for check in (lambda: role_settings(*role_needs(service, role)), lambda: _own_settings(descriptor(service))):
        try:
            check()
        except ConfigurationError as error:
            problems.append(str(error))
    return f"{process_name(service, role)} cannot start: {'; '.join(problems)}" if problems else ""


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
    found = descriptor(service)
    spec = found.role(role)
    if spec is None:
        raise typer.BadParameter(f"{service} has no {role!r} role; its roles: "
                                 f"{', '.join(r.name for r in found.roles)}")
    check_role(service, role)
    platform = PlatformSettings()
    if spec.kind == NAMEKO:
        from chassis.messaging.worker import exec_nameko_worker  # the messaging extra
        options = [found.load(spec.metrics_port)(), found.load(spec.max_workers)()] if role != "events" else []
        exec_nameko_worker(service, spec.target, role, *options)
        return
    configure_logging(process_name(service, role), platform.log_level, platform.log_format)
    serve = found.load(spec.target)
    if spec.kind == GRPC:
        serve(service_settings(service))
    elif spec.kind == HTTP:
        serve()


def register(app: typer.Typer) -> None:
    app.command()(migrate)
    app.command()(run)
