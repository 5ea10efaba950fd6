"""`skillfolio`: the one operator CLI. Each area owns a sub-app module; this file only mounts them."""
from __future__ import annotations

import importlib
import importlib.util
import warnings

import typer

warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated", category=Warning)  # only this one

from skillfolio_cli import events, platform, queues, services  # noqa: E402

# Services' own commands, mounted when that service is installed: the operator image (skillfolio-cli[platform])
# has them all; a service's image (deploy/Dockerfile, SERVICE=...) has only its own package.
SERVICE_COMMANDS = [("roster", "roster.entrypoints.cli", "Roster: OneRoster import, passwords."),
                    ("skills", "skills.entrypoints.cli",
                     "Skills: load a district's skills file, seed the demo framework.")]

app = typer.Typer(help="Operate a Skillfolio district: run processes, migrate, import rosters, seed, replay events.",
                  no_args_is_help=True, add_completion=False,
                  pretty_exceptions_show_locals=False)  # tracebacks must never print student data
for name, module, help_text in SERVICE_COMMANDS:
    if importlib.util.find_spec(name) is not None:
        app.add_typer(importlib.import_module(module).app, name=name, help=help_text)
app.add_typer(events.app, name="events", help="Outbox replay and dead-letter queues.")
app.add_typer(queues.app, name="queues", help="RabbitMQ topology: declare every queue and exchange (a deploy step).")
services.register(app)   # run, migrate
platform.register(app)   # up, seed

if __name__ == "__main__":
    app()
