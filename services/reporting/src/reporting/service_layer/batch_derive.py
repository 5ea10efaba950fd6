"""service_layer.derived for every student whose history a batch changed, set-based: their enrolments and where
each of their artifacts, assessments, milestones and transfers counts, read in one statement per table and
written back (only what changed) in one statement per table."""
from __future__ import annotations

from sqlalchemy import delete, select, tuple_

from chassis.db import among
from chassis.upserts import upsert
from reporting.adapters import bulk, orm
from reporting.domain.attribution import State, Year, enrolments, state_at, year_of
from reporting.service_layer.derived import placed

ENROLMENT = ("school_year_id", "school_id", "grade_level", "student_id")


def _rows(session, table, students: list[str], *where) -> list[dict]:
    out = []
    for start in range(0, len(students), bulk.CHUNK):
        query = select(table).where(among(session, table.c.student_id, students[start:start + bulk.CHUNK]), *where)
        out.extend(dict(r._mapping) for r in session.execute(query))
    return out


def _changed(rows: list[dict], values) -> list[dict]:
    """The rows whose derived values differ, with the new values (most history changes move no evidence)."""
    out = []
    for row in rows:
        new = values(row)
        if any(row.get(k) != v for k, v in new.items()):
            out.append({**row, **new})
    return out


def derive_students(session, student_ids, states: dict[str, list[State]], years: list[Year]) -> None:
    """Recompute what depends on the students' histories (``states``: theirs, as the batch left them)."""
    students = sorted(set(student_ids))
    if not students:
        return
    stored = {tuple(r[k] for k in ENROLMENT) for r in _rows(session, orm.student_years, students)}
    wanted = {(*enrolment, s) for s in students for enrolment in enrolments(states.get(s, []), years)}
    gone, Y = sorted(stored - wanted), orm.student_years
    for start in range(0, len(gone), bulk.CHUNK):
        session.execute(delete(Y).where(tuple_(*(Y.c[k] for k in ENROLMENT)).in_(gone[start:start + bulk.CHUNK])))
    upsert(session, Y, [dict(zip(ENROLMENT, key, strict=True)) for key in sorted(wanted - stored)],
           list(ENROLMENT))

    def at(student_id: str, moment: str) -> tuple[str, str]:
        state = state_at(states.get(student_id, []), moment)
        return (state.school_id, state.grade_level) if state else ("", "")

    moved = _changed(_rows(session, orm.artifacts, students),
                     lambda r: placed(r, states.get(r["student_id"], []), years))
    upsert(session, orm.artifacts, moved, ["artifact_id"], ["school_id", "grade_level", "school_year_id"])
    moved = _changed(_rows(session, orm.assessments, students), lambda r: dict(
        zip(("school_id", "grade_level"), at(r["student_id"], r["assessed_at"]), strict=True),
        school_year_id=r["school_year_id"] or year_of(years, r["assessed_at"])))
    upsert(session, orm.assessments, moved, ["assessment_id"], ["school_id", "grade_level", "school_year_id"])
    moved = _changed(_rows(session, orm.milestones, students, orm.milestones.c.school_year_id == ""),
                     lambda r: {"school_year_id": year_of(years, r["completed_at"])})
    upsert(session, orm.milestones, moved, ["milestone_id"], ["school_year_id"])
    moved = _changed(_rows(session, orm.transfers, students, orm.transfers.c.school_year_id == ""),
                     lambda r: {"school_year_id": year_of(years, r["effective_date"])})
    upsert(session, orm.transfers, moved, ["student_id", "effective_date", "to_school_id"], ["school_year_id"])
