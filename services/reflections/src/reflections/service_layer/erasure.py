"""What the reflections service erases (issue 13 §5): for one student, reflections with every revision and recording,
feedback, comments, amendment requests, assessments, goals, milestones with their panels and score sheets, badge
awards, points of progress, exemplars with their calibration scores, the replicas' rows, and the recordings' media
objects; for one artifact, what hangs on it: its reflections and recordings, feedback, comments, amendment requests,
assessments, exemplars, and its place as evidence of goals, milestones and points of progress; at the retention
schedule's media years, the recordings' objects only, each recording then marked expired."""
from __future__ import annotations

from sqlalchemy import select, update

from chassis.erasure import ErasurePlan, Media, Rows, media_erasure_handler, replica_rows
from reflections.adapters import orm
from reflections.adapters.amendment_tables import amendment_requests
from reflections.adapters.calibration_tables import calibration_scores, exemplars
from reflections.adapters.credential_tables import badge_awards
from reflections.adapters.goal_tables import (
    goal_evidence,
    goal_skills,
    goals,
    milestone_evidence,
    milestones,
    panel_invitations,
    score_sheets,
    sheet_scores,
)
from reflections.adapters.progress_tables import point_of_progress_artifacts, points_of_progress
from reflections.domain.media import EXPIRED, original_key

REFLECTIONS = Rows(orm.reflections, "student_id")
REVISIONS = Rows(orm.reflection_revisions, "reflection_id", REFLECTIONS)
RECORDINGS = Rows(orm.revision_media, "reflection_id", REFLECTIONS)
GOALS, MILESTONES = Rows(goals, "student_id"), Rows(milestones, "student_id")
INVITATIONS = Rows(panel_invitations, "milestone_id", MILESTONES)
POINTS, EXEMPLARS = Rows(points_of_progress, "student_id"), Rows(exemplars, "student_id")


def recordings(rows: Rows) -> tuple[Media, ...]:
    """The recordings' objects of these revision_media rows: the checked copy and the original upload."""
    return (Media(rows, ("checked_key",)),
            Media(rows, ("reflection_id", "number"), lambda row: [original_key(row[0], row[1])]))


ON_ARTIFACT = Rows(orm.reflections, "artifact_id")
ITS_RECORDINGS = Rows(orm.revision_media, "reflection_id", ON_ARTIFACT)
ITS_EXEMPLARS = Rows(exemplars, "artifact_id")
ONE_ARTIFACT = ErasurePlan(
    service="reflections",
    rows=(
        ITS_RECORDINGS, Rows(orm.reflection_revisions, "reflection_id", ON_ARTIFACT), ON_ARTIFACT,
        *(Rows(table, "artifact_id") for table in (orm.feedback, orm.comments, amendment_requests, orm.assessments,
                                                   orm.artifact_skills, goal_evidence, milestone_evidence,
                                                   point_of_progress_artifacts)),
        Rows(calibration_scores, "exemplar_id", ITS_EXEMPLARS), ITS_EXEMPLARS,
        Rows(orm.artifact_owners, "artifact_id"),
    ),
    audit_table=orm.audit_log,
    outbox=orm.outbox,
    guarded=("reflection_revisions",),
    media=recordings(ITS_RECORDINGS),
)

def recordings_expired(session, student_id: str, _state) -> dict[str, int]:
    """The student's recordings say their media is gone (never served again); the reflections' texts stay."""
    theirs = select(orm.reflections.c.id).where(orm.reflections.c.student_id == student_id)
    m = orm.revision_media
    return {"revision_media": session.execute(update(m).where(m.c.reflection_id.in_(theirs), m.c.verdict != EXPIRED)
                                              .values(verdict=EXPIRED, checked_key="")).rowcount or 0}


MEDIA_ONLY = ErasurePlan(service="reflections", rows=(), audit_table=orm.audit_log, media=recordings(RECORDINGS),
                         after=recordings_expired)

PLAN = ErasurePlan(
    service="reflections",
    rows=(
        RECORDINGS, REVISIONS, REFLECTIONS,
        Rows(orm.feedback, "student_id"), Rows(orm.comments, "student_id"), Rows(amendment_requests, "student_id"),
        Rows(orm.assessments, "student_id"), Rows(orm.artifact_skills, "student_id"),
        Rows(goal_skills, "goal_id", GOALS), Rows(goal_evidence, "goal_id", GOALS), GOALS,
        Rows(sheet_scores, "invitation_id", INVITATIONS), Rows(score_sheets, "milestone_id", MILESTONES), INVITATIONS,
        Rows(milestone_evidence, "milestone_id", MILESTONES), MILESTONES,
        Rows(badge_awards, "student_id"),
        Rows(point_of_progress_artifacts, "point_id", POINTS), POINTS,
        Rows(calibration_scores, "exemplar_id", EXEMPLARS), EXEMPLARS,
        Rows(orm.artifact_owners, "student_id"), Rows(orm.person_names, "person_id"),
        Rows(orm.idempotency_keys, "principal"),
        *replica_rows(orm.roster),
    ),
    audit_table=orm.audit_log,
    outbox=orm.outbox,
    tombstones=orm.roster.replica_versions,
    guarded=("reflection_revisions",),
    media=recordings(RECORDINGS),
    artifact=ONE_ARTIFACT,
    media_only=MEDIA_ONLY,
)

erase_student = media_erasure_handler(lambda: PLAN)
