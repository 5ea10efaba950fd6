"""What the reporting service erases (issue 13 §5): for one student, every student-level read-model row; for one
artifact, its rows and the teachers' assessments of it. The dashboard's summaries lose exactly that contribution
(adapters.summaries), so counts stay exact: the student's latest level per skill falls back to the assessment
before the erased one, or to none."""
from __future__ import annotations

from sqlalchemy import select

from chassis.erasure import ErasurePlan, Rows, unit_erasure_handler
from reporting.adapters import bulk, orm, summaries
from reporting.adapters.facts import FactStore

ARTIFACTS = Rows(orm.artifacts, "student_id")


def _before(session, student_id: str) -> None:
    """The student's whole contribution leaves the summaries before their rows go (nothing of theirs is left)."""
    bulk.lock_students(session, {student_id})
    summaries.withdraw(session, summaries.affected(session, set(), {student_id}, False), {student_id})
    _changed(session)


def _changed(session) -> None:
    """The read models changed: cached reports are computed again (an erasure is the roster's, and moves no as_of)."""
    FactStore(session).touch("roster", "")


def _students_of(session, artifact_id: str) -> set[str]:
    """The students whose figures the artifact moves: its owner's, and those of whoever its assessments name."""
    return summaries.owners(session, {artifact_id}) | set(session.execute(
        select(orm.assessments.c.student_id).where(orm.assessments.c.artifact_id == artifact_id)).scalars())


def _before_artifact(session, artifact_id: str):
    students = _students_of(session, artifact_id)
    bulk.lock_students(session, students)
    _changed(session)
    return students, summaries.contributions(session, [artifact_id], students)


def _after_artifact(session, artifact_id: str, state) -> None:
    students, before = state
    summaries.apply(session, [artifact_id], students, before)


ONE_ARTIFACT = ErasurePlan(
    service="reporting",
    rows=tuple(Rows(table, "artifact_id") for table in (orm.artifact_skills, orm.artifact_responses, orm.assessments,
                                                         orm.artifacts)),
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
    before=_before,
    artifact=ONE_ARTIFACT,
)

erase_student = unit_erasure_handler(lambda: PLAN)
