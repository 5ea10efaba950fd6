"""`skillfolio roster erase STUDENT [--artifact ID] --reason TEXT`: erasure on request (the whole record, or one artifact) from the operator's shell, acting as the
district's privacy officer (audited as ``operator:<user>``); a progress bar follows the services' confirmations until
the signed certificate is issued. `skillfolio roster erasure-certificate ID` prints or saves it."""
from __future__ import annotations

import getpass
import json
import pathlib
import time
from typing import Annotated

import typer

from chassis.access import Role
from chassis.config import service_settings
from chassis.errors import DomainError

StudentArg = Annotated[str, typer.Argument(help="The student's roster id.")]


def _roster():
    from roster.bootstrap import build
    return build(service_settings("roster"))


def erase(student: StudentArg,
          reason: Annotated[str, typer.Option("--reason", help="Why (kept in the erasure record and on the "
                                                               "certificate).", show_default=False)],
          wait: Annotated[float, typer.Option(help="Seconds to follow the confirmations (0: do not wait).")] = 120.0,
          artifact: Annotated[str, typer.Option("--artifact", help="Erase only this artifact of STUDENT's, with "
                                                                   "what hangs on it (reflections, feedback, comments, "
                                                                   "assessments, notifications).")] = "",
          ) -> None:
    """Erase STUDENT's record (or one artifact of it) in every service; prints the erasure id and, once all
    confirmed, the certificate's."""
    from roster.domain.access import Viewer
    from roster.service_layer.erasure import Coordinator, request_erasure
    roster = _roster()
    viewer = Viewer.of(f"operator:{getpass.getuser()}", {Role.PRIVACY_OFFICER, "operator"})
    try:
        erasure = request_erasure(roster.unit_of_work, Coordinator.from_settings(), viewer, student, reason, artifact)
        typer.echo(f"erasure {erasure.id} requested (pseudonym {erasure.pseudonym})")
        done = _follow(roster, erasure.id, len(erasure.services), wait)
    except DomainError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2 if exc.code == "INVALID_ARGUMENT" else 1) from None
    finally:
        roster.close()
    if done.status == "refused":
        typer.echo(f"refused: {done.refusal}", err=True)
        raise typer.Exit(1)
    if done.status != "completed":
        typer.echo(f"pending: waiting for {', '.join(done.waiting_for())}; the roster events role asks them again "
                   f"until they confirm (`skillfolio roster erasure-certificate {done.id}` later)", err=True)
        raise typer.Exit(3)
    typer.echo(f"certificate issued: {done.certificate['totals']['rows']} rows and "
               f"{done.certificate['totals']['media_objects']} media objects erased in {len(done.services)} services")


def _follow(roster, erasure_id: str, total: int, wait: float):
    deadline = time.monotonic() + wait
    with typer.progressbar(length=total, label="services confirmed") as bar:
        seen = 0
        while True:
            with roster.unit_of_work() as uow:
                erasure = uow.erasures.get(erasure_id)
            bar.update(len(erasure.confirmations) - seen)
            seen = len(erasure.confirmations)
            if erasure.status != "pending" or time.monotonic() >= deadline:
                return erasure
            time.sleep(0.5)


def certificate(erasure_id: Annotated[str, typer.Argument(help="The erasure's id.")],
                out: Annotated[pathlib.Path | None, typer.Option(help="Write the signed certificate (JSON with "
                                                                     "its JWS) here.")] = None) -> None:
    """Print (or save) an erasure's certificate and its district signature; exit 3 while it is pending."""
    roster = _roster()
    try:
        with roster.unit_of_work() as uow:
            erasure = uow.erasures.get(erasure_id)
    finally:
        roster.close()
    if erasure is None:
        typer.echo(f"error: no erasure {erasure_id}", err=True)
        raise typer.Exit(1)
    if erasure.status == "refused":
        typer.echo(f"refused: {erasure.refusal}", err=True)
        raise typer.Exit(1)
    if erasure.certificate is None:
        typer.echo(f"pending: waiting for {', '.join(erasure.waiting_for())}", err=True)
        raise typer.Exit(3)
    text = json.dumps({"certificate": erasure.certificate, "jws": erasure.signature}, indent=2)
    if out:
        out.write_text(text + "\n")
        typer.echo(f"wrote {out}")
    else:
        typer.echo(text)


def register(app: typer.Typer) -> None:
    from roster.entrypoints import cli_retention
    app.command("erase")(erase)
    app.command("erasure-certificate")(certificate)
    app.add_typer(cli_retention.app, name="retention", help="The retention schedule, legal holds, records due.")
