"""`skillfolio reporting rebuild`: rebuild every read model from the sources' event history (their outboxes
replayed) into shadow tables, with a progress bar, while the live models keep serving; then swap atomically."""
from __future__ import annotations

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from chassis.config import PlatformSettings, service_settings
from chassis.db import make_engine
from chassis.descriptor import discover
from chassis.logs import configure_logging

app = typer.Typer(no_args_is_help=True)
out = Console()


@app.command("rebuild")
def rebuild_command(idle_timeout: float = typer.Option(600.0, help="Give up after this many seconds without a "
                                                                   "replayed event (relays not running).")) -> None:
    """Rebuild the reporting read models from roster, skills, artifacts and reflections events (their sources'
    events roles must be running: they republish the history). Reports keep answering from the old models until
    the new ones are complete."""
    from reporting.adapters.replay_feed import ReplayFeed
    from reporting.service_layer.rebuild import rebuild
    from reporting.service_layer.subscriptions import SOURCES, SUBSCRIPTIONS
    platform = PlatformSettings()
    configure_logging("reporting-rebuild", platform.log_level, platform.log_format)
    installed = discover()
    missing = [s for s in SOURCES if s not in installed or not installed[s].outbox]
    if missing:
        raise typer.BadParameter(f"the sources {missing} are not installed here: run this from the operator image")
    outboxes = {s: installed[s].load(installed[s].outbox) for s in SOURCES}
    engine = make_engine(service_settings("reporting").database_url, pool_size=2)
    try:
        with ReplayFeed(platform.amqp_url, SUBSCRIPTIONS, idle_timeout=idle_timeout) as feed:
            expected = feed.replay(outboxes)
            with Progress(TextColumn("rebuilding read models"), BarColumn(), MofNCompleteColumn(),
                          TimeElapsedColumn(), console=out) as progress:
                task = progress.add_task("events", total=expected)
                applied = rebuild(engine, feed, expected, progress=lambda n: progress.advance(task, n))
    finally:
        engine.dispose()
    out.print(f"rebuilt the reporting read models from {expected} replayed events ({applied} applied); "
              "the new models are live", markup=False, highlight=False)
