"""`skillfolio up` and `skillfolio seed`: the embedded default on one machine, with a seeded demo district.

`up` prepares var/ (0700) and var/secrets.env (0600, generated once; only what the environment does not give, and
nothing under var/ when every store and secret comes from the environment), checks every role's settings, migrates,
runs each service's demo seed (its descriptor's; the roster imports the demo district if it is empty), declares
every consumer queue (so nothing relayed in the first second is dropped), then runs every role of every installed
service and the gateway under the supervisor until Ctrl-C or SIGTERM.
"""
from __future__ import annotations

import os
import pathlib
import socket
from urllib.parse import urlsplit

import typer

from chassis.config import PlatformSettings
from chassis.descriptor import NAMEKO, SeedContext
from skillfolio_cli import services
from skillfolio_cli.embedded import SECRETS_FILE, ensure_secrets, private_dir, process_environment, write_private
from skillfolio_cli.registry import descriptors
from skillfolio_cli.supervisor import ModuleProcessSpec, ProcessSpec, Readiness, run

LOGINS_FILE = "demo-logins.txt"    # the roster's seed writes it under var/


def _roles() -> list[tuple[str, str]]:
    """(service, role) of every long-running role: each service's api and events roles, then the extra roles some
    services have (the artifacts media worker), then the processes without a database (the gateway)."""
    found = descriptors()
    pairs = [(name, role.name) for name in services.SERVICES for role in found[name].roles]
    edge = [(name, role.name) for name, d in sorted(found.items()) if not d.database for role in d.roles]
    return sorted(pairs, key=lambda pair: pair[1] not in ("api", "events")) + edge


def _spec(service: str, role: str) -> ProcessSpec:
    name = services.process_name(service, role)
    return ProcessSpec(name, ["run", service] if name == service else ["run", service, role])


# tests/contract enumerates roles from this same list.
PROCESSES = [_spec(service, role) for service, role in _roles()]
# The nameko modules those roles run; `up` declares their consumer queues before starting anything (queues.py).
WORKER_MODULES = [descriptors()[service].role(role).target for service, role in _roles()
                  if descriptors()[service].role(role).kind == NAMEKO]


MAIL_SINK_PORT = "2525"


def mail_sink(var_dir: pathlib.Path, environ) -> list[ProcessSpec]:
    """The embedded default's local SMTP sink (aiosmtpd; every message kept in var/mail, which the web app shows),
    with the notifications sender pointed at it, unless the environment names an SMTP relay
    (NOTIFICATIONS_SMTP_HOST) or notifications is not installed."""
    if "notifications" not in descriptors() or environ.get("NOTIFICATIONS_SMTP_HOST"):
        return []
    directory = var_dir / "mail"
    environ.setdefault("NOTIFICATIONS_SMTP_PORT", MAIL_SINK_PORT)
    environ.setdefault("NOTIFICATIONS_MAIL_DIR", str(directory))
    environ.setdefault("GATEWAY_DEMO_MAILDIR", environ["NOTIFICATIONS_MAIL_DIR"])   # the web app's /demo/mail
    environ["NOTIFICATIONS_SMTP_HOST"] = "127.0.0.1"
    return [ModuleProcessSpec("mailsink", ["--directory", str(directory), "--host", "127.0.0.1",
                                           "--port", environ["NOTIFICATIONS_SMTP_PORT"]],
                              module="notifications.mail.sink")]


def _stores_under_var() -> bool:
    """Whether a store lives under var/: a service's SQLite database (no ``<SERVICE>_DATABASE_URL``) or the
    filesystem media store."""
    return not PlatformSettings().uses_s3 or any(not os.environ.get(f"{name.upper()}_DATABASE_URL")
                                                 for name in services.SERVICES)


def _prepare(for_processes: bool = True) -> pathlib.Path:
    """var/ (when a store lives there) and the secrets the environment lacks (``for_processes``: `seed` starts none,
    so with production stores it needs no secret); exports them (and the absolute var dir) to this process and,
    later, its children."""
    var_dir = PlatformSettings().var_dir.resolve()
    embedded = _stores_under_var()
    if embedded:
        private_dir(var_dir)
    try:
        secret_values, created = ensure_secrets(var_dir) if for_processes or embedded else ({}, False)
    except ValueError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(2) from None
    if created:
        typer.echo(f"generated missing secrets (principal and district keys, session and media URL secrets) in "
                   f"{var_dir / SECRETS_FILE} (0600)")
    os.environ.update(process_environment(var_dir, secret_values))
    # One RabbitMQ node: a quorum queue replicates nothing there, yet each is its own Raft member with a WAL.
    # With six queues per handler (main, four retries, DLQ), the embedded platform's ~200 quorum queues starved
    # a 2-core machine's broker (AMQP connects timed out). Compose and Kubernetes keep the quorum default.
    os.environ.setdefault("SKILLFOLIO_QUEUE_TYPE", "classic")
    # The demo district is small: suppress groups under 5 (the smallest allowed), not 10, so its dashboard shows
    # figures. Compose and Kubernetes keep the default of 10.
    os.environ.setdefault("REPORTING_MIN_CELL", "5")
    # Children drain within 4 s, well inside the supervisor's SIGTERM-to-SIGKILL wait (supervisor.KILL_AFTER);
    # uvicorn's is fixed at 4 s in gateway.serve.
    for name in services.SERVICES:
        os.environ.setdefault(f"{name.upper()}_SHUTDOWN_GRACE_SECONDS", "4")
    point_at_roster(os.environ)
    # Credentials name their issuer (did:web) and status list by the district's public URL: this gateway's.
    os.environ.setdefault("SKILLFOLIO_DISTRICT_URL", (os.environ.get("GATEWAY_PUBLIC_URL") or _local_url()).rstrip("/"))
    return var_dir


def point_at_roster(environ) -> None:
    """Tell each service that asks the roster before refusing a teacher or guardian its replica shows no relation
    for (503, not 403, for a relation not replicated yet) where the embedded roster listens (ROSTER_GRPC_HOST:PORT),
    unless ``environ`` already says."""
    from chassis.grpc.client import target  # the grpc extra
    for name in filter(services.asks_roster, services.SERVICES):
        environ.setdefault(f"{name.upper()}_ROSTER_TARGET", target("roster"))


def _migrate_and_seed(var_dir: pathlib.Path, seed: bool) -> list[str]:
    """Migrate, then run each service's demo seed in order, handing each what the earlier ones returned; the demo
    logins to print."""
    services.migrate(None)
    if not seed:
        path = var_dir / LOGINS_FILE
        return path.read_text(encoding="utf-8").splitlines()[1:] if path.exists() else []
    found = descriptors()
    context = SeedContext(var_dir if _stores_under_var() else None, write_private)
    for name in services.SERVICES:
        if found[name].seed is not None:
            context.results[name] = found[name].load(found[name].seed.use_case)(context) or {}
            for line in context.results[name].get("messages", ()):
                typer.echo(line)
    return [line for result in context.results.values() for line in result.get("logins", ())]


def _local_url() -> str:
    """Where this machine reaches the gateway (a wildcard bind is reached on loopback)."""
    host = os.environ.get("GATEWAY_HOST", "127.0.0.1")
    host = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    return f"http://{host}:{os.environ.get('GATEWAY_PORT', '8000')}"


def _check_rabbitmq() -> None:
    url = urlsplit(PlatformSettings().amqp_url)
    try:
        socket.create_connection((url.hostname or "127.0.0.1", url.port or 5672), timeout=3).close()
    except OSError as error:
        typer.echo(f"RabbitMQ is not reachable at {url.hostname}:{url.port or 5672} ({error.strerror}); start it "
                   "or set SKILLFOLIO_AMQP_URL", err=True)
        raise typer.Exit(1) from None


def up(seed: bool = typer.Option(True, help="Seed the demo district when the roster is empty."),
       ready_timeout: float = typer.Option(90.0, help="Seconds to wait for /readyz before giving up.")) -> None:
    """Run the whole platform on this machine (SQLite under var/, local RabbitMQ) until Ctrl-C."""
    var_dir = _prepare()
    problems = [services.role_problems(service, role[0] if role else "api")   # before anything is migrated
                for _run, service, *role in (spec.args for spec in PROCESSES)]
    for problem in filter(None, problems):
        typer.echo(problem, err=True)
    if any(problems):
        raise typer.Exit(2)
    _check_rabbitmq()
    logins = _migrate_and_seed(var_dir, seed)
    from skillfolio_cli.queues import declare_before_start  # imports every worker module; only needed here
    declare_before_start(WORKER_MODULES, services.SERVICES)
    url = (os.environ.get("GATEWAY_PUBLIC_URL") or _local_url()).rstrip("/")
    banner = [f"Skillfolio is ready: {url}   (API docs: {url}/docs)"]
    if logins:
        where = var_dir / LOGINS_FILE
        banner += [f"Demo logins (also in {where}):" if where.exists() else "Demo logins:", *logins]
    helpers = mail_sink(var_dir, os.environ) if _stores_under_var() else []
    if helpers:
        banner.append(f"Emails go to the local mail sink ({var_dir / 'mail'}); read them in the web app.")
    os.environ.setdefault("NOTIFICATIONS_BASE_URL", url)
    banner.append("Press Ctrl-C to stop.")
    code = run([*helpers, *PROCESSES], dict(os.environ),
               Readiness(f"{_local_url()}/readyz", ready_timeout, banner))
    raise typer.Exit(code)


def seed() -> None:
    """Migrate and seed the demo district (if the roster is empty) without starting any process."""
    var_dir = _prepare(for_processes=False)
    logins = _migrate_and_seed(var_dir, seed=True)
    typer.echo("Demo logins (role, username, password):")
    for line in logins:
        typer.echo(line)


def register(app: typer.Typer) -> None:
    app.command()(up)
    app.command()(seed)
