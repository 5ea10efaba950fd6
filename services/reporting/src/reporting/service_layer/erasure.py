"""What the reporting service erases for one student (issue 13 §5): every student-level read-model row; the
dashboard's summaries lose exactly the student's contribution (adapters.summaries), so counts stay exact."""
from __future__ import annotations

from chassis.erasure import ErasurePlan, Rows, unit_erasure_handler
from reporting.adapters import bulk, orm, summaries

ARTIFACTS = Rows(orm.artifacts, "student_id")


def _before(session, student_id: str):
    bulk.lock_students(session, {student_id})
    ids = summaries.affected(session, set(), {student_id}, False)
    return ids, summaries.contributions(session, ids, {student_id})


def _after(session, student_id: str, state) -> None:
    ids, before = state
    summaries.apply(session, ids, {student_id}, before)


PLAN = ErasurePlan(
    service="reporting",
    rows=(
        Rows(orm.artifact_skills, "artifact_id", ARTIFACTS, "artifact_id"),
        Rows(orm.artifact_responses, "artifact_id", ARTIFACTS, "artifact_id"),
        Rows(orm.artifacts, "student_id"),
        Rows(orm.assessments, "student_id"), Rows(orm.milestones, "student_id"),
        Rows(orm.student_evidence, "student_id"),
        Rows(orm.student_years, "student_id"), Rows(orm.transfers, "student_id"),
        Rows(orm.student_states, "student_id"), Rows(orm.people, "person_id"),
    ),
    audit_table=None,          # reporting serves no individual record, so keeps no audit log
    outbox=orm.outbox,
    before=_before, after=_after,
)

erase_student = unit_erasure_handler(lambda: PLAN)
