"""PostgreSQL: the event rules of :mod:`roster.importer.events` as one ``INSERT INTO outbox ... SELECT`` per diff
table; the envelope has the fields of chassis.events.Envelope (tests compare it with the Python path's)."""
from __future__ import annotations

from sqlalchemy import Connection, text

from roster.importer.diff import diff_name
from roster.importer.events import EventRule

ROLES = "(SELECT coalesce(json_agg(DISTINCT r.role ORDER BY r.role), '[]'::json) FROM person_roles r " \
        "WHERE r.person_id = d.id)"


# A time-ordered (version 7) UUID: the outbox's unique event_id index then grows at its right edge instead of
# splitting random pages for a million rows.
UUID7 = ("encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract("
         "epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid::text")


def _expression(column: str, kind: str) -> str:
    if kind == "unknown":
        return "''"
    if kind == "opt":
        return f"coalesce(d.{column}::text, '')"
    if kind == "roles":
        return ROLES
    return f"d.{column}"


def _type(rule: EventRule) -> str:
    if rule.by_active:
        return f"CASE WHEN d.active THEN '{rule.added.type_name()}' ELSE '{rule.removed.type_name()}' END"
    removed = rule.removed or rule.updated
    return (f"CASE d.change WHEN 'added' THEN '{rule.added.type_name()}' WHEN 'removed' THEN "
            f"'{removed.type_name()}' ELSE '{rule.updated.type_name()}' END")


def insert_events(connection: Connection, rule: EventRule, producer: str, correlation_id: str,
                  occurred_at: str) -> int:
    """Write the events of every row of the rule's diff table into the outbox; returns how many."""
    data = ", ".join(f"'{name}', {_expression(column, kind)}" for name, (column, kind) in rule.fields.items())
    where = f"WHERE d.{rule.only[0]} = '{rule.only[1]}'" if rule.only else ""
    sql = (f"INSERT INTO outbox (event_id, type, body) SELECT e.event_id, e.type, json_build_object("
           f"'type', e.type, 'producer', :producer, 'data', e.data, 'correlation_id', :correlation_id, "
           f"'schema_version', {rule.added.schema_version}, 'event_id', e.event_id, 'occurred_at', :occurred_at)::text "
           f"FROM (SELECT {UUID7} AS event_id, {_type(rule)} AS type, json_build_object({data}) AS data "
           f"FROM {diff_name(rule.table)} d {where}) e")
    result = connection.execute(text(sql), {"producer": producer, "correlation_id": correlation_id,
                                            "occurred_at": occurred_at})
    return result.rowcount
