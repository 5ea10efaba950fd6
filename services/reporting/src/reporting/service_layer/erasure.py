"""What the reporting service erases (issue 13 §5): for one student, every student-level read-model row; for one
artifact, its rows. The dashboard's summaries lose exactly that contribution (adapters.summaries), so counts stay
exact. (An artifact's assessments are erased by the reflections service; reporting's assessment rows name no
artifact, so the student's latest level per skill stands until the student's own erasure.)"""
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


def _before_artifact(session, artifact_id: str):
    bulk.lock_students(session, summaries.owners(session, {artifact_id}))
    return summaries.contributions(session, [artifact_id])


def _after_artifact(session, artifact_id: str, before) -> None:
    summaries.apply(session, [artifact_id], (), before)


ONE_ARTIFACT = ErasurePlan(
    service="reporting",
    rows=tuple(Rows(table, "artifact_id") for table in (orm.artifact_skills, orm.artifact_responses, orm.artifacts)),
    audit_table=None,
    outbox=orm.outbox,
    before=_before_artifact, after=_after_artifact,
)


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
    tombstones=orm.replica_versions,
    before=_before, after=_after,
    artifact=ONE_ARTIFACT,
)

erase_student = unit_erasure_handler(lambda: PLAN)
