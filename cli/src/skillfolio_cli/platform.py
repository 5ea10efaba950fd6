"""`skillfolio up` and `skillfolio seed`: the embedded default on one machine, with a seeded demo district.

`up` prepares var/ (0700) and var/secrets.env (0600, generated once; only what the environment does not give, and
nothing under var/ when every store and secret comes from the environment), checks every role's settings, migrates,
seeds the demo district if the roster is empty (and loads the demo skills and the demo student's portfolio),
declares every consumer queue (so nothing relayed in the first second is dropped), then runs every service's api and
events roles, the artifacts media worker and the gateway under the supervisor until Ctrl-C or SIGTERM.
"""
from __future__ import annotations

import os
import pathlib
import socket
from urllib.parse import urlsplit

import typer

from chassis.config import PlatformSettings

from skillfolio_cli import services
from skillfolio_cli.embedded import SECRETS_FILE, ensure_secrets, private_dir, process_environment
from skillfolio_cli.supervisor import ProcessSpec, Readiness, run

# Every long-running role: <service>-api and <service>-events, the extra roles some services have (the artifacts
# media worker), and the gateway. tests/contract enumerates roles from this same list.
EXTRA_ROLES = [("artifacts", "media")]
# The nameko modules those roles run; `up` declares their consumer queues before starting anything (queues.py).
WORKER_MODULES = [*(f"{name}.entrypoints.worker" for name in services.SERVICES),
                  *(f"{name}.entrypoints.{role}_worker" for name, role in EXTRA_ROLES)]
PROCESSES = [*(ProcessSpec(f"{name}-{role}", ["run", name, role]) for name in services.SERVICES
               for role in ("api", "events")),
             *(ProcessSpec(f"{name}-{role}", ["run", name, role]) for name, role in EXTRA_ROLES),
             ProcessSpec("gateway", ["run", "gateway"])]


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
        typer.echo(f"generated missing secrets (principal keys, session and media URL secrets) in "
                   f"{var_dir / SECRETS_FILE} (0600)")
    os.environ.update(process_environment(var_dir, secret_values))
    # One RabbitMQ node: a quorum queue replicates nothing there, yet each is its own Raft member with a WAL.
    # With six queues per handler (main, four retries, DLQ), the embedded platform's ~200 quorum queues starved
    # a 2-core machine's broker (AMQP connects timed out). Compose and Kubernetes keep the quorum default.
    os.environ.setdefault("SKILLFOLIO_QUEUE_TYPE", "classic")
    # Children drain within honcho's 5 s SIGTERM-to-SIGKILL wait (uvicorn's is fixed at 4 s in gateway.serve).
    for name in services.SERVICES:
        os.environ.setdefault(f"{name.upper()}_SHUTDOWN_GRACE_SECONDS", "4")
    return var_dir


def _migrate_and_seed(var_dir: pathlib.Path, seed: bool) -> list[str]:
    from skillfolio_cli import demo   # imports the roster importer; only needed here
    services.migrate(None)
    logins: list[str] = []
    if seed:
        outcome = demo.seed(var_dir if _stores_under_var() else None)
        logins = demo.format_logins(outcome.logins) if outcome.logins else []
        if outcome.seeded:
            typer.echo("seeded the demo district")
        elif outcome.logins:
            typer.echo("gave the demo accounts new passwords")
        if outcome.cast is not None:   # the demo skills belong to the roster's district (pages look them up by it)
            from roster.domain.identity import entity_id
            os.environ.setdefault("SKILLS_DEMO_DISTRICT_ID", entity_id("org", demo.DEMO_DISTRICT[0]))
        from skills.entrypoints.cli import seed_demo_command
        seed_demo_command()   # the demo skills framework; idempotent by code, so a restart changes nothing
        if outcome.cast is not None:
            _seed_portfolio(outcome.cast)
    path = var_dir / demo.LOGINS_FILE
    return logins or (path.read_text(encoding="utf-8").splitlines()[1:] if path.exists() else [])


def _seed_portfolio(cast) -> None:
    """The demo student's portfolio, once (the media worker processes its files when `up` runs)."""
    from skillfolio_cli.demo_portfolio import demo_skill_ids, seed_portfolio
    from roster.config import RosterOptions
    skill_ids, today = demo_skill_ids(), RosterOptions().today()
    titles = seed_portfolio(cast, skill_ids, today)
    if titles:
        typer.echo(f"seeded the demo student's portfolio: {len(titles)} artifacts over two school years")
    from skillfolio_cli.demo_reflections import seed_discussion
    from skills.config import SkillsOptions
    from skills.domain.identity import rubric_id
    if seed_discussion(cast, skill_ids, rubric_id(SkillsOptions().demo_district_id, "defense-of-learning"), today):
        typer.echo("seeded reflections, feedback, comments, assessments, a goal and a completed Defense of Learning")


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
    problems = [services.role_problems(service, role[0] if role else "")   # before anything is migrated
                for _run, service, *role in (spec.args for spec in PROCESSES)]
    for problem in filter(None, problems):
        typer.echo(problem, err=True)
    if any(problems):
        raise typer.Exit(2)
    _check_rabbitmq()
    logins = _migrate_and_seed(var_dir, seed)
    from skillfolio_cli.queues import declare_before_start   # imports every worker module; only needed here
    declare_before_start(WORKER_MODULES, services.SERVICES)
    url = (os.environ.get("GATEWAY_PUBLIC_URL") or _local_url()).rstrip("/")
    banner = [f"Skillfolio is ready: {url}   (API docs: {url}/docs)"]
    if logins:
        where = var_dir / "demo-logins.txt"
        banner += [f"Demo logins (also in {where}):" if where.exists() else "Demo logins:", *logins]
    banner.append("Press Ctrl-C to stop.")
    code = run(PROCESSES, dict(os.environ), Readiness(f"{_local_url()}/readyz", ready_timeout, banner))
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
