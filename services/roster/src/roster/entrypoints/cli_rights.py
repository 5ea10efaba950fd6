"""`skillfolio roster rights-rule DISTRICT --ends age_18|graduation|never` (the district's setting for rights at 18)
and `skillfolio roster apply-rights` (apply the rule now, as the events role's timer does)."""
from __future__ import annotations

import datetime as dt

import typer

from chassis.config import service_settings
from chassis.errors import DomainError
from roster.domain.identity import entity_id


def apply_after_import(started: dt.datetime) -> str:
    """Apply the rule once an import has committed, also to the guardianships it touched (their events re-granted
    access the adult student had not granted); the line to print."""
    from roster.bootstrap import build
    app = build(service_settings("roster"))
    try:
        run = app.rights.apply_due(changed_since=started)
    finally:
        app.close()
    return f"rights at 18: {run.passed} student(s) gained their rights, {run.ended} guardian access(es) ended"


def rights_rule(district: str = typer.Argument(..., help="The district's OneRoster sourcedId."),
                ends: str = typer.Option(..., help="age_18, graduation or never (guardian access kept)."),
                by: str = typer.Option("operator", help="Who decided, for the record.")) -> None:
    """Set when guardians' access to a student's record passes to the student in DISTRICT."""
    from roster.bootstrap import build
    app = build(service_settings("roster"))
    try:
        rule = app.rights.set_rule(entity_id("org", district), ends, by)
        typer.echo(f"{district}: guardians' access ends at {rule.value}")
    except DomainError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2 if exc.code == "INVALID_ARGUMENT" else 1) from None
    finally:
        app.close()


def apply_rights() -> None:
    """Pass the rights of every student due today under their district's rule (their guardians' access ends)."""
    typer.echo(apply_after_import(dt.datetime.now(dt.UTC)))


def register(app: typer.Typer) -> None:
    """Mounts the rights-at-18 commands."""
    app.command("rights-rule")(rights_rule)
    app.command("apply-rights")(apply_rights)
