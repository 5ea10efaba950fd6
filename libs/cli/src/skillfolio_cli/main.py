"""`skillfolio`: the one operator CLI. Each area owns a sub-app module; this file only mounts them."""
from __future__ import annotations

import warnings

import typer

warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated", category=Warning)  # only this one

from skillfolio_cli import events, platform, queues, services  # noqa: E402
from roster.entrypoints import cli as roster_cli  # noqa: E402
from skills.entrypoints import cli as skills_cli  # noqa: E402

app = typer.Typer(help="Operate a Skillfolio district: run processes, migrate, import rosters, seed, replay events.",
                  no_args_is_help=True, add_completion=False,
                  pretty_exceptions_show_locals=False)  # tracebacks must never print student data
app.add_typer(roster_cli.app, name="roster", help="Roster: OneRoster import, passwords.")
app.add_typer(skills_cli.app, name="skills", help="Skills: load a district's skills file, seed the demo framework.")
app.add_typer(events.app, name="events", help="Outbox replay and dead-letter queues.")
app.add_typer(queues.app, name="queues", help="RabbitMQ topology: declare every queue and exchange (a deploy step).")
services.register(app)   # run, migrate
platform.register(app)   # up, seed

if __name__ == "__main__":
    app()
