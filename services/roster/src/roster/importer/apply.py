"""Apply a staged, validated import in the open transaction: derive, diff, write, transfers and events."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, insert

from chassis.context import current_correlation_id
from roster.adapters import orm
from roster.domain.events import StudentTransferred
from roster.domain.mass_change import GUARDED, Deactivation
from roster.importer import events
from roster.importer.diff import ENTITIES, apply_diff, build_diff, diff_name, empty_diff
from roster.importer.events_sql import insert_events
from roster.importer.outbox import ImportUnitOfWork
from roster.importer.report import ImportReport
from roster.importer.staging import stage_name

EVENT_CHUNK = 5_000
# diff table -> the manifest kind(s) whose bulk file it comes from (all must be bulk to diff it)
SOURCES = {"orgs": ("orgs",), "academic_sessions": ("academicSessions",), "courses": ("courses",),
           "sections": ("classes",), "section_terms": ("classes",), "person_roles": ("roles",),
           "people": ("users",), "enrollments": ("enrollments",), "guardianships": ("users",)}
DIFF_ORDER = ("orgs", "academic_sessions", "courses", "sections", "section_terms", "person_roles", "people",
              "enrollments", "guardianships")
APPLY_ORDER = ("orgs", "academic_sessions", "courses", "people", "sections", "section_terms", "person_roles",
               "enrollments", "guardianships")


def derive(connection: Connection, modes: dict[str, str]) -> None:
    """Staged facts that need several files: a person's primary school from roles, guardianships from agents, birth
    dates from demographics.csv (or, when the set has none, the ones already on record)."""
    people, schools = stage_name("people"), stage_name("primary_schools")
    _birth_dates(connection, modes)
    connection.exec_driver_sql(
        f"UPDATE {people} SET primary_school_id = p.school_id FROM (SELECT person_id, MIN(school_id) AS school_id "
        f"FROM {schools} GROUP BY person_id) p WHERE {people}.id = p.person_id AND {people}.primary_school_id IS NULL")
    roles = stage_name("person_roles") if modes.get("roles") == "bulk" else "person_roles"
    agents = stage_name("agents")
    connection.exec_driver_sql(
        f"INSERT INTO {stage_name('guardianships')} (guardian_id, student_id, active) "
        f"SELECT g, s, true FROM (SELECT agent_id AS g, user_id AS s FROM {agents} "
        f"UNION SELECT user_id, agent_id FROM {agents}) pairs "
        f"WHERE EXISTS (SELECT 1 FROM {roles} r WHERE r.person_id = pairs.g AND r.role = 'guardian') "
        f"AND EXISTS (SELECT 1 FROM {roles} r WHERE r.person_id = pairs.s AND r.role = 'student')")


def _birth_dates(connection: Connection, modes: dict[str, str]) -> None:
    people = stage_name("people")
    if modes.get("demographics") == "bulk":
        value = "CAST(b.birth_date AS DATE)" if connection.dialect.name == "postgresql" else "b.birth_date"
        source = f"(SELECT person_id AS id, {value} AS birth_date FROM {stage_name('birth_dates')} b)"
    else:
        source = "(SELECT id, birth_date FROM people)"
    connection.exec_driver_sql(f"UPDATE {people} SET birth_date = src.birth_date FROM {source} src "
                               f"WHERE {people}.id = src.id")


def diff(connection: Connection, modes: dict[str, str], report: ImportReport) -> None:
    """Build every ``import_diff_<table>`` (counts into ``report.changes``) and count what would be deactivated."""
    for table in DIFF_ORDER:
        entity = ENTITIES[table]
        if all(modes.get(kind) == "bulk" for kind in SOURCES[table]):
            report.changes[table] = build_diff(connection, entity)
        else:
            empty_diff(connection, entity)
    report.deactivations = deactivations(connection, report)


def deactivations(connection: Connection, report: ImportReport) -> list[Deactivation]:
    """Per guarded table: its active rows now, and how many of them the diff deactivates ("removed")."""
    counted = []
    for table in GUARDED:
        active = connection.exec_driver_sql(f"SELECT count(*) FROM {table} WHERE active").scalar_one()
        counted.append(Deactivation(table, active, report.changes.get(table, {}).get("removed", 0)))
    return counted


def apply(connection: Connection, report: ImportReport) -> None:
    """Write the diffs built by :func:`diff` into the roster tables."""
    for table in APPLY_ORDER:
        if table in report.changes and sum(report.changes[table].values()):
            apply_diff(connection, ENTITIES[table], "updated_at" in orm.metadata.tables[table].c)


def _rows(connection: Connection, sql: str):
    result = connection.exec_driver_sql(sql, execution_options={"stream_results": True, "max_row_buffer": EVENT_CHUNK})
    return result.mappings().partitions(EVENT_CHUNK)


def _roles_sql(connection: Connection) -> str:
    agg = "string_agg(role, ',')" if connection.dialect.name == "postgresql" else "group_concat(role, ',')"
    return f"(SELECT {agg} FROM person_roles r WHERE r.person_id = d.id)"


def _python_events(uow: ImportUnitOfWork, rule: events.EventRule) -> None:
    connection = uow.session.connection()
    roles = f", {_roles_sql(connection)} AS roles" if rule.table == "people" else ""
    for chunk in _rows(connection, f"SELECT d.*{roles} FROM {diff_name(rule.table)} d"):
        for row in chunk:
            event = events.build(rule, row)
            if event is not None:
                uow.raise_event(event)
        uow.flush_events()


def _transfers(uow: ImportUnitOfWork, report: ImportReport) -> None:
    """Students (same identity) whose primary school changed from one school to another. The move takes effect on
    the beginDate of their student role at the new school (roles.csv), or on the day of the import without one."""
    connection, today = uow.session.connection(), dt.date.today()
    sql = (f"SELECT d.id, d.old_primary_school_id, d.primary_school_id, (SELECT MAX(r.begin_date) FROM person_roles r "
           f"WHERE r.person_id = d.id AND r.org_id = d.primary_school_id AND r.role = 'student') AS begin_date "
           f"FROM {diff_name('people')} d "
           f"WHERE d.change = 'updated' AND d.old_primary_school_id IS NOT NULL AND d.primary_school_id IS NOT NULL "
           f"AND d.old_primary_school_id <> d.primary_school_id AND EXISTS (SELECT 1 FROM person_roles r "
           f"WHERE r.person_id = d.id AND r.role = 'student')")
    for chunk in _rows(connection, sql):
        rows = [{"student_id": r["id"], "from_school_id": r["old_primary_school_id"],
                 "to_school_id": r["primary_school_id"],
                 "effective_date": dt.date.fromisoformat(str(r["begin_date"])[:10]) if r["begin_date"] else today,
                 "recorded_at": dt.datetime.now(dt.UTC)} for r in chunk]
        connection.execute(insert(orm.transfers), rows)
        uow.raise_events(StudentTransferred(student_id=r["student_id"], from_school_id=r["from_school_id"],
                                            to_school_id=r["to_school_id"],
                                            effective_date=r["effective_date"].isoformat()) for r in rows)
        report.transfers += len(rows)
        uow.flush_events()


def raise_events(uow: ImportUnitOfWork, report: ImportReport) -> None:
    """Every changed row's event into the outbox (set-based on PostgreSQL, streamed in chunks on SQLite)."""
    connection = uow.session.connection()
    for rule in events.RULES:
        if not sum(report.changes.get(rule.table, {}).values()):
            continue
        if connection.dialect.name == "postgresql":
            uow.events_written += insert_events(connection, rule, uow.producer, current_correlation_id(),
                                                uow.occurred_at)
        else:
            _python_events(uow, rule)
    if sum(report.changes.get("people", {}).values()):
        _transfers(uow, report)
    report.events = uow.events_written
