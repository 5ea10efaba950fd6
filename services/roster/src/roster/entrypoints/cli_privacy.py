"""`skillfolio roster privacy-officer grant|revoke PERSON --reason TEXT`: the district privacy officer role (records
requests such as the passport export); the reason is required and both acts go to the roster's audit log."""
from __future__ import annotations

import getpass
from collections.abc import Callable
from typing import Annotated

import typer

from chassis.config import service_settings
from chassis.errors import DomainError

app = typer.Typer(no_args_is_help=True)
PersonArg = Annotated[str, typer.Argument(help="The person's roster id or username.")]
ReasonOpt = Annotated[str, typer.Option("--reason", help="Why (kept in the audit log).", show_default=False)]


def _operator() -> str:
    return f"operator:{getpass.getuser()}"


def _act(act: Callable, done: str) -> None:
    from roster.bootstrap import build
    roster = build(service_settings("roster"))
    try:
        person = act(roster.privacy_officers)
    except DomainError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2 if exc.code == "INVALID_ARGUMENT" else 1) from None
    finally:
        roster.close()
    typer.echo(f"{done}: {person.given_name} {person.family_name} ({person.username or person.id}); they sign in "
               "again for it to take effect")


@app.command("grant")
def grant(person: PersonArg, reason: ReasonOpt) -> None:
    """Make PERSON a district privacy officer (they may export any student's passport, stating a reason)."""
    _act(lambda officers: officers.grant(_operator(), person, reason), "privacy officer granted")


@app.command("revoke")
def revoke(person: PersonArg, reason: ReasonOpt) -> None:
    """End PERSON's privacy officer role."""
    _act(lambda officers: officers.revoke(_operator(), person, reason), "privacy officer revoked")
