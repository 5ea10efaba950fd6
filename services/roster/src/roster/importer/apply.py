"""Apply a staged, validated import in the open transaction: derive, diff, write, transfers and events."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, insert

from roster.adapters import orm
from roster.importer import events
from roster.importer.diff import ENTITIES, apply_diff, build_diff, diff_name, empty_diff
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
    """Staged facts that need several files: a person's primary school from roles, guardianships from agents."""
    people, schools = stage_name("people"), stage_name("primary_schools")
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


def diff_and_apply(connection: Connection, modes: dict[str, str], report: ImportReport) -> None:
    for table in DIFF_ORDER:
        entity = ENTITIES[table]
        if all(modes.get(kind) == "bulk" for kind in SOURCES[table]):
            report.changes[table] = build_diff(connection, entity)
        else:
            empty_diff(connection, entity)
    for table in APPLY_ORDER:
        if table in report.changes and sum(report.changes[table].values()):
            apply_diff(connection, ENTITIES[table], "updated_at" in orm.metadata.tables[table].c)


def _rows(connection: Connection, table: str):
    if table == "people":
        agg = "string_agg(role, ',')" if connection.dialect.name == "postgresql" else "group_concat(role, ',')"
        sql = f"SELECT d.*, (SELECT {agg} FROM person_roles r WHERE r.person_id = d.id) AS roles FROM {diff_name(table)} d"
    else:
        sql = f"SELECT * FROM {diff_name(table)}"
    result = connection.exec_driver_sql(sql, execution_options={"stream_results": True, "max_row_buffer": EVENT_CHUNK})
    return result.mappings().partitions(EVENT_CHUNK)


def raise_events(uow: ImportUnitOfWork, report: ImportReport) -> None:
    """Stream every diff table into events (and transfers), flushing the outbox per chunk."""
    connection = uow.session.connection()
    today = dt.date.today().isoformat()
    for table, build in events.BUILDERS.items():
        if not sum(report.changes.get(table, {}).values()):
            continue
        for chunk in _rows(connection, table):
            transfers = []
            for row in chunk:
                event = build(row)
                if event is not None:
                    uow.raise_event(event)
                if table == "people":
                    moved = events.transfer(row, today)
                    if moved is not None:
                        uow.raise_event(moved)
                        transfers.append({"student_id": moved.student_id, "from_school_id": moved.from_school_id,
                                          "to_school_id": moved.to_school_id, "effective_date": dt.date.today(),
                                      "recorded_at": dt.datetime.now(dt.timezone.utc)})
            if transfers:
                connection.execute(insert(orm.transfers), transfers)
                report.transfers += len(transfers)
            uow.flush_events()
    report.events = uow.events_written
