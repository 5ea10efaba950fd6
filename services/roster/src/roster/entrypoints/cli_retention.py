"""`skillfolio roster retention ...`: the district's retention schedule (as its district admin), legal holds (as its
privacy officer; audited as ``operator:<user>``), the records reported due, and a sweep on demand."""
from __future__ import annotations

import datetime as dt
import getpass
from typing import Annotated

import typer

from chassis.access import Role
from chassis.config import service_settings
from chassis.errors import DomainError
from roster.domain.retention import DEFAULT_GRACE_DAYS, DEFAULT_MEDIA_YEARS, DEFAULT_PORTFOLIO_YEARS

app = typer.Typer(no_args_is_help=True)
StudentArg = Annotated[str, typer.Argument(help="The student's roster id.")]
ReasonOpt = Annotated[str, typer.Option("--reason", help="Why (kept in the audit log).", show_default=False)]


def _run(act):
    from roster.bootstrap import build
    roster = build(service_settings("roster"))
    try:
        return act(roster.unit_of_work)
    except DomainError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2 if exc.code == "INVALID_ARGUMENT" else 1) from None
    finally:
        roster.close()


def _operator(role: str):
    from roster.domain.access import Viewer
    return Viewer.of(f"operator:{getpass.getuser()}", {role, "operator"})


@app.command("set")
def set_schedule(portfolio_years: int = typer.Option(DEFAULT_PORTFOLIO_YEARS, help="Years a portfolio is kept after "
                                                     "the student graduates or withdraws."),
                 media_years: int = typer.Option(DEFAULT_MEDIA_YEARS, help="Years its media is kept."),
                 grace_days: int = typer.Option(DEFAULT_GRACE_DAYS, help="Days between a record being reported "
                                                "due and its erasure.")) -> None:
    """Set the district's retention schedule."""
    from roster.domain.retention import RetentionSchedule
    from roster.service_layer.retention import set_schedule as save
    saved = _run(lambda uows: save(uows, _operator(Role.DISTRICT_ADMIN),
                                   RetentionSchedule(portfolio_years, media_years, grace_days), dt.datetime.now(dt.UTC)))
    typer.echo(f"retention: portfolio {saved.portfolio_years} years, media {saved.media_years} years after leaving; "
               f"{saved.grace_days} days' grace")


@app.command("hold")
def hold(student: StudentArg, reason: ReasonOpt) -> None:
    """Place a legal hold: the student's record is never erased while held."""
    from roster.service_layer.retention import legal_hold
    changed = _run(lambda uows: legal_hold(uows, _operator(Role.PRIVACY_OFFICER), student, reason,
                                           dt.datetime.now(dt.UTC), hold=True))
    typer.echo("legal hold placed" if changed else "already held")


@app.command("release")
def release(student: StudentArg, reason: ReasonOpt) -> None:
    """Lift a legal hold."""
    from roster.service_layer.retention import legal_hold
    changed = _run(lambda uows: legal_hold(uows, _operator(Role.PRIVACY_OFFICER), student, reason,
                                           dt.datetime.now(dt.UTC), hold=False))
    typer.echo("legal hold lifted" if changed else "was not held")


@app.command("due")
def due() -> None:
    """The records past the schedule (the whole portfolio, or its media alone): when each student left, when it is
    erased, whether held or erased."""
    from roster.service_layer.retention import due as listed
    for r in _run(listed):
        state = f"erased ({r.erasure_id})" if r.erasure_id else "held" if r.held else f"erased after {r.erase_after}"
        typer.echo(f"{r.student_id}  {r.kind}  left {r.left_on}  due {r.due_on}  reported {r.reported_on}  {state}")


@app.command("sweep")
def sweep() -> None:
    """Run the daily retention sweep now (the roster events role runs it every ROSTER_ERASURE_RETENTION_SWEEP_SECONDS)."""
    from roster.config import RosterOptions
    from roster.service_layer.erasure import Coordinator
    from roster.service_layer.retention import sweep as run
    reported, erased = _run(lambda uows: run(uows, Coordinator.from_settings(), RosterOptions().today()))
    typer.echo(f"{reported} reported due, {erased} erasures requested")
