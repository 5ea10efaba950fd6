"""Set-based application of the high-volume events within one batch (artifact added/updated, reflections and
feedback): a few multi-row statements per batch instead of several per event, with exactly the per-event rules
(projections.artifact / projections.response): newest event per artifact wins, added_at the earliest, attribution
from the student's history. An artifact with a deletion in the batch goes through the per-event path."""
from __future__ import annotations

from sqlalchemy import delete, select, text

from chassis.events import Envelope
from chassis.messaging.replica import upsert_statement, utc_iso
from reporting.adapters import orm
from reporting.adapters.facts import lock_key
from reporting.domain.attribution import State, Year, state_at, year_of

V, A, S = orm.replica_versions, orm.artifacts, orm.artifact_skills


def _upsert(session, table, rows: list[dict], keys: list[str]) -> None:
    if not rows:
        return
    statement = upsert_statement(session, table).values(rows)
    columns = [c for c in rows[0] if c not in keys]
    session.execute(statement.on_conflict_do_update(index_elements=keys, set_={
        c: statement.excluded[c] for c in columns}) if columns else statement.on_conflict_do_nothing(
        index_elements=keys))


def responses(session, events: list[Envelope]) -> None:
    rows = {(str(e.data["artifact_id"]), "feedback" if e.type == "feedback_given" else "reflection")
            for e in events}
    _upsert(session, orm.artifact_responses, [{"artifact_id": a, "kind": k} for a, k in sorted(rows)],
            ["artifact_id", "kind"])


def artifacts(session, events: list[Envelope]) -> None:
    """Apply artifact_added / artifact_updated events (none of their artifacts deleted in this batch)."""
    ids = sorted({str(e.data["artifact_id"]) for e in events})
    students = sorted({str(e.data.get("student_id") or "") for e in events})
    if session.get_bind().dialect.name == "postgresql":
        keys = sorted(lock_key(s) for s in students)
        session.execute(text("SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(:keys AS bigint[])) AS k"),
                        {"keys": keys})
    versions = {r.entity_id: (r.last_event_at, r.deleted) for r in session.execute(
        select(V).where(V.c.kind == "artifact", V.c.entity_id.in_(ids)).with_for_update())}
    stored = {r.artifact_id: dict(r._mapping) for r in session.execute(select(A).where(A.c.artifact_id.in_(ids)))}
    states: dict[str, list[State]] = {}
    for r in session.execute(select(orm.student_states).where(orm.student_states.c.student_id.in_(students))):
        states.setdefault(r.student_id, []).append(State(r.at, r.school_id, r.grade_level))
    years = [Year(r.school_year_id, r.start_date, r.end_date) for r in session.execute(select(orm.school_years))]
    skills: dict[str, list[str]] = {}
    for e in events:
        d, at, artifact_id = e.data, utc_iso(e.occurred_at), str(e.data["artifact_id"])
        seen = versions.get(artifact_id)
        newest = not (seen and (seen[1] or seen[0] > at))
        if newest:
            versions[artifact_id] = (at, False)
        row = dict(stored.get(artifact_id) or {})
        if newest or artifact_id not in stored:
            row.update(artifact_id=artifact_id, student_id=str(d.get("student_id") or row.get("student_id") or ""),
                       school_year_id=str(d.get("school_year_id") or ""), stamped_school_id=str(d.get("school_id") or ""),
                       kind=str(d.get("kind") or "other"), added_by_role=str(d.get("added_by_role") or "student"),
                       deleted=bool(row.get("deleted")) or not newest)
        row["added_at"] = min(at, row.get("added_at") or at)
        stored[artifact_id] = row
        if newest:
            skills[artifact_id] = sorted({str(s) for s in d.get("skill_ids") or []})
    rows = []
    for artifact_id in ids:
        row = stored[artifact_id]
        state = state_at(states.get(row["student_id"], []), row["added_at"])
        row.update(school_id=row["stamped_school_id"] or (state.school_id if state else ""),
                   grade_level=state.grade_level if state else "",
                   school_year_id=row["school_year_id"] or year_of(years, row["added_at"]))
        rows.append(row)
    _upsert(session, V, [{"kind": "artifact", "entity_id": i, "last_event_at": versions[i][0],
                          "deleted": versions[i][1]} for i in ids], ["kind", "entity_id"])
    _upsert(session, A, rows, ["artifact_id"])
    if skills:
        session.execute(delete(S).where(S.c.artifact_id.in_(sorted(skills))))
        _upsert(session, S, [{"artifact_id": a, "skill_id": s} for a in sorted(skills) for s in skills[a]],
                ["artifact_id", "skill_id"])
