"""`skillfolio roster set-password USERNAME`: set a local account's password, read from stdin (never argv).

Interactive: prompts twice without echo. Piped: the first line of stdin, e.g. ``echo "$PW" | skillfolio roster
set-password alice``.
"""
from __future__ import annotations

import getpass
import sys

import typer

from chassis.config import service_settings
from chassis.errors import DomainError
from roster.entrypoints import cli_privacy


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("New password: ")
        if getpass.getpass("Repeat it: ") != first:
            raise typer.BadParameter("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def set_password(username: str = typer.Argument(..., help="The person's roster username (case-insensitive).")) -> None:
    """Set USERNAME's local-account password (read from stdin; at least 12 characters)."""
    from roster.bootstrap import build
    password = _read_password()
    app = build(service_settings("roster"))
    try:
        person = app.accounts.set_password(username, password)
    except DomainError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2 if exc.code == "INVALID_ARGUMENT" else 1) from None
    finally:
        app.close()
    typer.echo(f"password set for {person.username} ({person.given_name} {person.family_name})")


def register(app: typer.Typer) -> None:
    """Mounts the account commands and the privacy officer group."""
    app.command("set-password")(set_password)
    app.add_typer(cli_privacy.app, name="privacy-officer",
                  help="Grant or revoke the district privacy officer role (records requests), with a reason.")
