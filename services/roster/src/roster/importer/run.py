"""Import a OneRoster 1.2 bulk set (folder or .zip) into the roster database: validate every file, then apply all
of it in one transaction with its events, or nothing at all (also when the mass-change guard refuses it)."""
from __future__ import annotations

import datetime as dt
import logging
import pathlib
import time
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, insert, inspect, text

from chassis.db import make_session_factory
from chassis.errors import Conflict
from roster.adapters import orm
from roster.config import RosterOptions
from roster.domain import mass_change
from roster.importer import validate
from roster.importer.apply import apply, derive, diff, raise_events
from roster.importer.catalog import Catalog
from roster.importer.diff import drop_diffs
from roster.importer.manifest import MANIFEST, read_manifest
from roster.importer.outbox import ImportUnitOfWork
from roster.importer.problems import ImportRejected, ProblemLog
from roster.importer.report import PASSWORD_NOTE, ImportReport
from roster.importer.scan import NoProgress, Progress, ScanContext, scan_file
from roster.importer.schema import FILES
from roster.importer.source import RosterSource
from roster.importer.staging import Staging

log = logging.getLogger(__name__)
IMPORT_LOCK = 0x5F_1E_0001   # pg_advisory_xact_lock key: one roster import at a time


def check_schema(engine: Engine) -> None:
    missing = {"import_runs", "people", "outbox"} - set(inspect(engine).get_table_names())
    if missing:
        raise Conflict(f"the roster database has no {', '.join(sorted(missing))} table(s): "
                       "run `skillfolio migrate roster` first")


def _handlers(ctx: ScanContext):
    org_refs, session_refs, agent_refs = validate.Deferred(), validate.Deferred(), validate.Deferred()
    return {
        "orgs": (validate.orgs(ctx, org_refs), lambda: org_refs.check(ctx, ctx.catalog.orgs, "org")),
        "academicSessions": (validate.sessions(ctx, session_refs),
                             lambda: session_refs.check(ctx, ctx.catalog.sessions, "academic session")),
        "courses": (validate.courses, None),
        "classes": (validate.classes, None),
        "users": (validate.users(ctx, agent_refs), lambda: agent_refs.check(ctx, ctx.catalog.users, "user")),
        "demographics": (validate.demographics(dt.date.today()), None),
        "roles": (validate.roles(ctx), None),
        "enrollments": (validate.enrollments, None),
    }


def scan_all(ctx: ScanContext, source: RosterSource, modes: dict[str, str], connection: Connection,
             staging: Staging) -> None:
    handlers = _handlers(ctx)
    for spec in FILES:
        if modes.get(spec.kind) != "bulk":
            staging.wait()
            ctx.catalog.load_from_database(spec.kind, connection)
            continue
        csv_file = source.open(spec.name)
        try:
            if spec.kind == "users" and "password" in csv_file.header:
                ctx.notes.append(PASSWORD_NOTE)
            handle, finish = handlers[spec.kind]
            scan_file(ctx, spec, csv_file, handle)
            if finish:
                finish()
        finally:
            csv_file.close()


def _record_run(connection: Connection, report: ImportReport, started: dt.datetime) -> int:
    return connection.execute(insert(orm.import_runs).returning(orm.import_runs.c.id), {
        "source": report.source, "status": report.status, "summary": report.summary_json(),
        "started_at": started, "finished_at": dt.datetime.now(dt.UTC)}).scalar_one()


@dataclass(frozen=True)
class Guard:
    """The mass-change guard: the share of active rows an import may deactivate, and the operator's consent."""

    max_share: float
    confirmed: bool = False

    @classmethod
    def from_settings(cls, confirmed: bool = False) -> Guard:
        return cls(RosterOptions().import_max_deactivate_share, confirmed)


def _record_refusal(engine: Engine, report: ImportReport, started: dt.datetime, clock: float) -> None:
    report.status = "refused"
    report.seconds = time.perf_counter() - clock
    with engine.begin() as connection:
        report.run_id = _record_run(connection, report, started)
    log.warning("roster import refused by the mass-change guard", extra={
        "source": report.source, "over_limit": [str(d) for d in report.over_limit]})


def _apply(uow: ImportUnitOfWork, staging: Staging, modes: dict[str, str], report: ImportReport,
           progress: Progress, guard: Guard, dry_run: bool) -> None:
    connection = uow.session.connection()
    progress.phase("comparing with the roster")
    staging.finish()
    derive(connection, modes)
    diff(connection, modes, report)
    report.over_limit = mass_change.over_limit(report.deactivations, guard.max_share)
    if not dry_run:
        mass_change.check(report.deactivations, guard.max_share, guard.confirmed)
        apply(connection, report)
        progress.phase("writing events")
        raise_events(uow, report)
    report.status = "dry run" if dry_run else "applied" if report.changed else "unchanged"
    staging.drop()            # temp tables would otherwise live on in the pooled connection
    drop_diffs(connection)


def import_roster(path: str | pathlib.Path, engine: Engine, progress: Progress | None = None, *,
                  guard: Guard | None = None, dry_run: bool = False) -> ImportReport:
    """Validate and apply the set at ``path``; raises ImportRejected (nothing written) when any row is invalid, and
    MassDeactivationRefused (nothing written) when it would deactivate more than ``guard`` allows (default: the
    ROSTER_IMPORT_MAX_DEACTIVATE_SHARE setting, unconfirmed). ``dry_run`` reports the changes and writes nothing."""
    check_schema(engine)
    guard = guard or Guard.from_settings()
    progress = progress or NoProgress()
    started, clock = dt.datetime.now(dt.UTC), time.perf_counter()
    report = ImportReport(source=str(path))
    problems = ProblemLog()
    uow = ImportUnitOfWork(make_session_factory(engine))
    refused: mass_change.MassDeactivationRefused | None = None
    with RosterSource(path) as source, uow:
        connection = uow.session.connection()
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK})
            connection.exec_driver_sql("SET LOCAL work_mem = '256MB'")   # the diff's sorts and hashes stay in memory
        staging = Staging(connection)
        try:
            modes = read_manifest(source, problems)
            ctx = ScanContext(problems, Catalog(), staging, progress)
            scan_all(ctx, source, modes, connection, staging)
            report.rows_read, report.skipped, report.notes = ctx.rows_read, ctx.skipped, ctx.notes
            if not problems:
                _apply(uow, staging, modes, report, progress, guard, dry_run)
                report.seconds = time.perf_counter() - clock
                if not dry_run:
                    report.run_id = _record_run(connection, report, started)
                    uow.commit()
        except mass_change.MassDeactivationRefused as error:
            refused = error      # recorded once the import's transaction has rolled back
        finally:
            staging.close()          # no COPY may still be running when the transaction ends
    if refused is not None:
        _record_refusal(engine, report, started, clock)
        raise refused
    if problems:
        report.problems, report.problem_total = problems.kept, problems.total
        report.seconds = time.perf_counter() - clock
        with engine.begin() as connection:
            report.run_id = _record_run(connection, report, started)
        log.warning("roster import rejected", extra={"source": str(path), "problems": problems.total})
        raise ImportRejected(problems, (MANIFEST, *(spec.name for spec in FILES)))
    log.info("roster import %s", report.status, extra={"source": str(path), "events": report.events})
    return report
