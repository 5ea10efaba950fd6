"""`skillfolio events`: replay outbox events and inspect or requeue dead-lettered messages (owned by messaging)."""
from __future__ import annotations

import datetime as dt

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from chassis.config import PlatformSettings, service_settings
from skillfolio_cli.registry import descriptor

app = typer.Typer(no_args_is_help=True)
dlq_app = typer.Typer(no_args_is_help=True, help="Dead-letter queues: messages parked after their last attempt.")
app.add_typer(dlq_app, name="dlq")
console = Console()


def _parse_since(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        since = dt.datetime.fromisoformat(value)
    except ValueError as err:
        raise typer.BadParameter(
            f"--since {value!r} is not an ISO 8601 date or datetime (e.g. 2026-09-01T00:00)") from err
    return since if since.tzinfo else since.replace(tzinfo=dt.UTC)


@app.command("replay")
def replay_command(service: str = typer.Argument(..., help="The producing service, e.g. roster."),
                   since: str | None = typer.Option(None, help="Only events created at or after (ISO 8601, UTC)."),
                   type: str | None = typer.Option(None, "--type", help="Only events of this wire type.")) -> None:
    """Re-publish SERVICE's sent events: marks outbox rows unsent; its running relay publishes them again.

    Consumers are idempotent (inbox), so a replay only reaches handlers that have not applied an event.
    """
    from chassis.db import make_engine  # the database and messaging extras: not in the gateway's image
    from chassis.messaging import replay
    found = descriptor(service)
    if not found.outbox:
        raise typer.BadParameter(f"{service} publishes no events (it has no outbox)")
    outbox = found.load(found.outbox)
    engine = make_engine(service_settings(service).database_url, pool_size=1)
    with Progress(console=console) as progress:
        task = progress.add_task(f"marking {service} events unsent", total=None)
        count = replay.mark_unsent(engine, outbox, service, _parse_since(since), type,
                                   progress=lambda n: progress.advance(task, n))
    engine.dispose()
    console.print(f"{count} {service} events queued for re-publishing (the {service} events role relays them)")


@dlq_app.command("list")
def dlq_list() -> None:
    """Dead-letter queues of the platform's vhost, with their message counts."""
    from chassis.messaging import replay
    queues = replay.dead_letter_queues(PlatformSettings().amqp_url)
    table = Table("queue", "messages")
    for row in sorted(queues, key=lambda q: q["queue"]):
        table.add_row(row["queue"], str(row["messages"]))
    console.print(table if queues else "no dead-letter queues")


@dlq_app.command("requeue")
def dlq_requeue(queue: str = typer.Argument(..., help="A dead-letter queue name (ends in .dlq).")) -> None:
    """Move QUEUE's parked messages back to their consumer queue with a fresh attempt count."""
    from chassis.messaging import replay
    try:
        with Progress(console=console) as progress:
            task = progress.add_task(f"requeueing {queue}", total=None)
            moved = replay.requeue_dead_letters(PlatformSettings().amqp_url, queue,
                                                progress=lambda n: progress.advance(task, n))
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    console.print(f"{moved} messages moved back from {queue}")
