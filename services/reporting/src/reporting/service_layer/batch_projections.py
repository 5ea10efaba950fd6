"""The high-volume projections of a batch, set-based: each event decided in memory by exactly the per-event rules
(service_layer.projections: newest event per entity wins, a deletion is final, added_at the earliest event), then
one multi-row statement per read model per batch. People first, so evidence is attributed from the history as
the whole batch left it (and every student whose history changed is derived again at the end, as per event)."""
from __future__ import annotations

from sqlalchemy import delete, select

from chassis.access import Role
from chassis.db import among
from chassis.events import Envelope
from chassis.messaging.replica import utc_iso
from chassis.upserts import upsert
from reporting.adapters import bulk, orm
from reporting.adapters.bulk import Histories, Versions
from reporting.domain.attribution import State, Year, state_at, year_of
from reporting.service_layer.derived import placed
from reporting.service_layer.projections import STATE_KEY, TRANSFER_KEY, transfer_rows

PEOPLE = frozenset({"person_added", "person_updated", "person_removed"})
ARTIFACTS = frozenset({"artifact_added", "artifact_updated", "artifact_deleted"})
RESPONSES = frozenset({"reflection_added", "feedback_given"})
EVIDENCE = frozenset({"assessment_recorded", "milestone_completed"})
TRANSFERS = frozenset({"student_transferred"})
SET_BASED = PEOPLE | TRANSFERS | ARTIFACTS | RESPONSES | EVIDENCE
KINDS = {"person": PEOPLE, "artifact": ARTIFACTS, "assessment": {"assessment_recorded"},
         "milestone": {"milestone_completed"}}
ID = {"person": "person_id", "artifact": "artifact_id", "assessment": "assessment_id", "milestone": "milestone_id"}


def version_keys(events: list[Envelope]) -> set[tuple[str, str]]:
    return {(kind, str(e.data[ID[kind]])) for e in events for kind, types in KINDS.items() if e.type in types}


def people(session, versions: Versions, events: list[Envelope]) -> set[str]:
    """Current roles and status (newest wins); a student's school and grade join their history. The students
    whose history changed."""
    rows, states = {}, {}
    for e in events:
        d = e.data
        person_id, removed, roles = str(d["person_id"]), e.type == "person_removed", sorted(d.get("roles") or [])
        if versions.newest("person", person_id, e.occurred_at):
            rows[person_id] = {"person_id": person_id, "roles": ",".join(roles),
                               "primary_school_id": str(d.get("primary_school_id") or ""),
                               "active": not removed and bool(d.get("active", True))}
        if Role.STUDENT in roles and not removed and d.get("primary_school_id"):
            states[(person_id, utc_iso(e.occurred_at))] = {
                "student_id": person_id, "at": utc_iso(e.occurred_at), "source": "person",
                "school_id": str(d["primary_school_id"]), "grade_level": str(d.get("grade_level") or "")}
    upsert(session, orm.people, [rows[k] for k in sorted(rows)], ["person_id"])
    upsert(session, orm.student_states, [states[k] for k in sorted(states)], ["student_id", "at", "source"])
    return {student_id for student_id, _ in states}


def transfers(session, events: list[Envelope], years: list[Year]) -> set[str]:
    """Transfers (projections.transfer_rows), later in the batch winning as per event. The students whose history
    changed."""
    moves, states = {}, {}
    for e in events:
        move, state = transfer_rows(e, years)
        moves[tuple(move[k] for k in TRANSFER_KEY)], states[tuple(state[k] for k in STATE_KEY)] = move, state
    upsert(session, orm.transfers, [moves[k] for k in sorted(moves)], list(TRANSFER_KEY))
    upsert(session, orm.student_states, [states[k] for k in sorted(states)], list(STATE_KEY))
    return {student_id for student_id, _, _ in states}


def artifacts(session, versions: Versions, events: list[Envelope], states: Histories,
              years: list[Year]) -> None:
    """Artifact added / updated / deleted: the rows as the per-event path leaves them, in two or three statements."""
    A, S = orm.artifacts, orm.artifact_skills
    ids = sorted({str(e.data["artifact_id"]) for e in events})
    stored = {}
    for start in range(0, len(ids), bulk.CHUNK):
        for r in session.execute(select(A).where(among(session, A.c.artifact_id, ids[start:start + bulk.CHUNK]))):
            stored[r.artifact_id] = dict(r._mapping)
    skills: dict[str, list[str]] = {}
    for e in events:
        d, at, artifact_id = e.data, utc_iso(e.occurred_at), str(e.data["artifact_id"])
        if e.type == "artifact_deleted":
            versions.newest("artifact", artifact_id, e.occurred_at, deleted=True)
            if artifact_id in stored:
                stored[artifact_id]["deleted"] = True
            skills[artifact_id] = []                 # whichever arrived first: none left
            continue
        newest = versions.newest("artifact", artifact_id, e.occurred_at)
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
    states.load(row["student_id"] for row in stored.values())
    rows = []
    for artifact_id in sorted(stored):
        row = stored[artifact_id]
        row.update(placed(row, states.get(row["student_id"], []), years))
        rows.append(row)
    upsert(session, A, rows, ["artifact_id"])
    if skills:
        cleared = sorted(skills)
        for start in range(0, len(cleared), bulk.CHUNK):
            session.execute(delete(S).where(among(session, S.c.artifact_id, cleared[start:start + bulk.CHUNK])))
        upsert(session, S, [{"artifact_id": a, "skill_id": s} for a in cleared for s in skills[a]],
               ["artifact_id", "skill_id"])


def responses(session, events: list[Envelope]) -> None:
    """A student reflection or teacher feedback exists for the artifact (a set: duplicates change nothing)."""
    rows = {(str(e.data["artifact_id"]), "feedback" if e.type == "feedback_given" else "reflection")
            for e in events}
    upsert(session, orm.artifact_responses, [{"artifact_id": a, "kind": k} for a, k in sorted(rows)],
           ["artifact_id", "kind"])


def evidence(session, versions: Versions, events: list[Envelope], states: dict[str, list[State]],
             years: list[Year]) -> None:
    """Teachers' assessments (self-assessments are not reported levels) and completed milestones."""
    assessed, completed = {}, {}
    for e in events:
        d, at = e.data, utc_iso(e.occurred_at)
        student_id = str(d["student_id"])
        state = state_at(states.get(student_id, []), at)
        if e.type == "assessment_recorded":
            if str(d.get("assessor_role") or "teacher") != Role.TEACHER or \
                    not versions.newest("assessment", str(d["assessment_id"]), e.occurred_at):
                continue
            assessed[str(d["assessment_id"])] = {
                "assessment_id": str(d["assessment_id"]), "student_id": student_id, "skill_id": str(d["skill_id"]),
                "level_rank": int(d.get("level_rank") or 0), "assessed_at": at,
                "school_year_id": str(d.get("school_year_id") or "") or year_of(years, at),
                "school_id": state.school_id if state else "", "grade_level": state.grade_level if state else "",
                "artifact_id": str(d.get("artifact_id") or "") or None}
        elif versions.newest("milestone", str(d["milestone_id"]), e.occurred_at):
            completed[str(d["milestone_id"])] = {
                "milestone_id": str(d["milestone_id"]), "student_id": student_id,
                "type_code": str(d.get("type_code") or ""), "outcome": str(d.get("outcome") or "").upper(),
                "completed_at": at, "school_id": str(d.get("school_id") or "") or (state.school_id if state else ""),
                "grade_level": str(d.get("grade_level") or "") or (state.grade_level if state else ""),
                "school_year_id": year_of(years, at)}
    upsert(session, orm.assessments, [assessed[k] for k in sorted(assessed)], ["assessment_id"])
    upsert(session, orm.milestones, [completed[k] for k in sorted(completed)], ["milestone_id"])
