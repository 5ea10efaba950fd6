"""Change detection and apply, written once for PostgreSQL and SQLite: staged rows are compared column by column
with the roster tables into ``import_diff_<table>`` (change = added | updated | removed), which is then applied.

A row counts as changed only when a compared column differs (NULL-safe), so a re-import of the same files writes
nothing. Rows absent from a bulk file, or marked tobedeleted, are deactivated (``active = false``), never deleted;
link rows (a person's roles, a section's terms) absent from the bulk set are deleted.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from roster.importer.staging import stage_name


@dataclass(frozen=True)
class Entity:
    table: str
    key: tuple[str, ...]
    columns: tuple[str, ...]             # compared and updated (besides the key)
    soft_delete: bool = True             # has ``active``: removal deactivates; else the link row is deleted
    old: tuple[str, ...] = ("active",)   # previous values kept as old_<column> (for events and transfers)
    extra_change: str = ""               # SQL (over ``s``) that also marks an existing row as updated

    @property
    def all_columns(self) -> tuple[str, ...]:
        return self.key + self.columns


PERSON_ROLES = Entity("person_roles", ("person_id", "role", "org_id"), ("is_primary", "begin_date", "end_date"),
                      soft_delete=False, old=())
SECTION_TERMS = Entity("section_terms", ("section_id", "session_id"), (), soft_delete=False, old=())
ENTITIES: dict[str, Entity] = {e.table: e for e in (
    Entity("orgs", ("id",), ("sourced_id", "type", "name", "identifier", "parent_id", "active")),
    Entity("academic_sessions", ("id",), ("sourced_id", "title", "type", "start_date", "end_date", "parent_id",
                                          "school_year", "active")),
    Entity("courses", ("id",), ("sourced_id", "title", "course_code", "org_id", "school_year_id", "active")),
    Entity("people", ("id",), ("sourced_id", "given_name", "family_name", "email", "username", "identifier",
                               "grade_level", "primary_school_id", "active", "birth_date"),
           old=("active", "primary_school_id"),
           extra_change="EXISTS (SELECT 1 FROM import_diff_person_roles r WHERE r.person_id = s.id)"),
    Entity("sections", ("id",), ("sourced_id", "title", "class_code", "course_id", "school_id", "school_year_id",
                                 "start_date", "end_date", "active")),
    SECTION_TERMS,
    PERSON_ROLES,
    Entity("enrollments", ("id",), ("sourced_id", "section_id", "person_id", "school_id", "role", "is_primary",
                                    "begin_date", "end_date", "active")),
    Entity("guardianships", ("guardian_id", "student_id"), ("active",)),
)}


def diff_name(table: str) -> str:
    return f"import_diff_{table}"


def _differs(connection: Connection, left: str, right: str) -> str:
    op = "IS DISTINCT FROM" if connection.dialect.name == "postgresql" else "IS NOT"
    return f"{left} {op} {right}"


def build_diff(connection: Connection, entity: Entity) -> dict[str, int]:
    """Create ``import_diff_<table>`` from the staged rows; returns counts per change."""
    t, s = entity.table, stage_name(entity.table)
    join = " AND ".join(f"t.{k} = s.{k}" for k in entity.key)
    new_cols = ", ".join(f"s.{c}" for c in entity.all_columns)
    old_cols = "".join(f", t.{c} AS old_{c}" for c in entity.old)
    changed = [_differs(connection, f"s.{c}", f"t.{c}") for c in entity.columns]
    if entity.extra_change:
        changed.append(entity.extra_change)
    is_new = f"t.{entity.key[0]} IS NULL" + (" AND s.active" if entity.soft_delete else "")
    where = f"({is_new})" + (f" OR (t.{entity.key[0]} IS NOT NULL AND ({' OR '.join(changed)}))" if changed else "")
    absent = f"NOT EXISTS (SELECT 1 FROM {s} s WHERE {join})"
    if entity.soft_delete:
        gone_cols = ", ".join("false AS active" if c == "active" else f"t.{c}" for c in entity.all_columns)
        gone = f"SELECT {gone_cols}, 'removed' AS change{old_cols} FROM {t} t WHERE t.active AND {absent}"
    else:
        gone = f"SELECT {', '.join(f't.{c}' for c in entity.all_columns)}, 'removed' AS change{old_cols} " \
               f"FROM {t} t WHERE {absent}"
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {diff_name(t)}")
    connection.exec_driver_sql(
        f"CREATE TEMP TABLE {diff_name(t)} AS "
        f"SELECT {new_cols}, CASE WHEN t.{entity.key[0]} IS NULL THEN 'added' "
        f"WHEN NOT s.active AND t.active THEN 'removed' ELSE 'updated' END AS change{old_cols} "
        f"FROM {s} s LEFT JOIN {t} t ON {join} WHERE {where} UNION ALL {gone}"
        if entity.soft_delete else
        f"CREATE TEMP TABLE {diff_name(t)} AS "
        f"SELECT {new_cols}, CASE WHEN t.{entity.key[0]} IS NULL THEN 'added' ELSE 'updated' END AS change{old_cols} "
        f"FROM {s} s LEFT JOIN {t} t ON {join} WHERE {where} UNION ALL {gone}")
    counts = dict(connection.exec_driver_sql(f"SELECT change, count(*) FROM {diff_name(t)} GROUP BY change").all())
    return {change: counts.get(change, 0) for change in ("added", "updated", "removed")}


def empty_diff(connection: Connection, entity: Entity) -> None:
    """A file the manifest marks absent changes nothing: an empty diff keeps later steps uniform."""
    cols = ", ".join(entity.all_columns) + ", 'added' AS change" + "".join(f", {c} AS old_{c}" for c in entity.old)
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {diff_name(entity.table)}")
    connection.exec_driver_sql(f"CREATE TEMP TABLE {diff_name(entity.table)} AS SELECT {cols} FROM {entity.table} WHERE 1=0")


def apply_diff(connection: Connection, entity: Entity, has_updated_at: bool) -> None:
    """Write ``import_diff_<table>`` into the roster table: insert added, update changed, deactivate or unlink."""
    t, d = entity.table, diff_name(entity.table)
    cols = ", ".join(entity.all_columns)
    stamp = (", updated_at", ", CURRENT_TIMESTAMP") if has_updated_at else ("", "")   # never rely on server defaults
    connection.exec_driver_sql(
        f"INSERT INTO {t} ({cols}{stamp[0]}) SELECT {cols}{stamp[1]} FROM {d} WHERE change = 'added'")
    match = " AND ".join(f"{t}.{k} = d.{k}" for k in entity.key)
    if entity.columns:
        sets = ", ".join(f"{c} = d.{c}" for c in entity.columns) + (", updated_at = CURRENT_TIMESTAMP"
                                                                    if has_updated_at else "")
        changed = "d.change <> 'added'" if entity.soft_delete else "d.change = 'updated'"
        connection.exec_driver_sql(f"UPDATE {t} SET {sets} FROM {d} d WHERE {match} AND {changed}")
    if not entity.soft_delete:
        keys = ", ".join(entity.key)
        connection.exec_driver_sql(f"DELETE FROM {t} WHERE ({keys}) IN (SELECT {keys} FROM {d} WHERE change = 'removed')")


def drop_diffs(connection: Connection) -> None:
    for table in ENTITIES:
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {diff_name(table)}")
