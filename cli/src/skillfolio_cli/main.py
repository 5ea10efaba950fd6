"""`skillfolio`: the one operator CLI. Each area owns a sub-app module; this file only mounts them, and each
installed service's own commands (its descriptor's ``commands``)."""
from __future__ import annotations

import warnings

import typer

warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated", category=Warning)  # only this one

from skillfolio_cli import events, passport_export, passport_transfer, passport_verify, platform, queues, services  # noqa: E402
from skillfolio_cli.registry import descriptors  # noqa: E402

app = typer.Typer(help="Operate a Skillfolio district: run processes, migrate, import rosters, seed, replay events.",
                  no_args_is_help=True, add_completion=False,
                  pretty_exceptions_show_locals=False)  # tracebacks must never print student data
for name, found in sorted(descriptors().items()):
    if found.commands:   # the operator image has every service's; a service's image only its own
        app.add_typer(found.load(found.commands), name=name, help=found.commands_help)
app.add_typer(events.app, name="events", help="Outbox replay and dead-letter queues.")
app.add_typer(queues.app, name="queues", help="RabbitMQ topology: declare every queue and exchange (a deploy step).")
PASSPORT_HELP = "The digital passport: export a student's record, transfer it between districts, verify credentials."
passport = typer.Typer(help=PASSPORT_HELP,
                       no_args_is_help=True)
passport_verify.register(passport)   # passport verify
passport_export.register(passport)   # passport export
passport_transfer.register(passport)   # passport transfer, passport check-transfer, passport import
app.add_typer(passport, name="passport", help=PASSPORT_HELP)
services.register(app)   # run, migrate
platform.register(app)   # up, seed

if __name__ == "__main__":
    app()
