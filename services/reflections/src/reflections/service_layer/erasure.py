"""What the reflections service erases for one student (issue 13 §5): reflections with every revision and recording,
feedback, comments, assessments, goals, milestones with their panels and score sheets, badge awards, points of
progress, exemplars with their calibration scores, the replicas' rows, and the recordings' media objects."""
from __future__ import annotations

from chassis.erasure import ErasurePlan, Media, Rows, media_erasure_handler
from reflections.adapters import orm
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
from reflections.domain.media import original_key

REFLECTIONS = Rows(orm.reflections, "student_id")
REVISIONS = Rows(orm.reflection_revisions, "reflection_id", REFLECTIONS)
RECORDINGS = Rows(orm.revision_media, "reflection_id", REFLECTIONS)
GOALS, MILESTONES = Rows(goals, "student_id"), Rows(milestones, "student_id")
INVITATIONS = Rows(panel_invitations, "milestone_id", MILESTONES)
POINTS, EXEMPLARS = Rows(points_of_progress, "student_id"), Rows(exemplars, "student_id")

PLAN = ErasurePlan(
    service="reflections",
    rows=(
        RECORDINGS, REVISIONS, REFLECTIONS,
        Rows(orm.feedback, "student_id"), Rows(orm.comments, "student_id"),
        Rows(orm.assessments, "student_id"), Rows(orm.artifact_skills, "student_id"),
        Rows(goal_skills, "goal_id", GOALS), Rows(goal_evidence, "goal_id", GOALS), GOALS,
        Rows(sheet_scores, "invitation_id", INVITATIONS), Rows(score_sheets, "milestone_id", MILESTONES), INVITATIONS,
        Rows(milestone_evidence, "milestone_id", MILESTONES), MILESTONES,
        Rows(badge_awards, "student_id"),
        Rows(point_of_progress_artifacts, "point_id", POINTS), POINTS,
        Rows(calibration_scores, "exemplar_id", EXEMPLARS), EXEMPLARS,
        Rows(orm.artifact_owners, "student_id"), Rows(orm.person_names, "person_id"),
        Rows(orm.idempotency_keys, "principal"),
        Rows(orm.guardianships, "student_id"), Rows(orm.enrollments, "person_id"), Rows(orm.people, "person_id"),
    ),
    audit_table=orm.audit_log,
    outbox=orm.outbox,
    guarded=("reflection_revisions",),
    media=(Media(RECORDINGS, ("checked_key",)),
           Media(RECORDINGS, ("reflection_id", "number"), lambda row: [original_key(row[0], row[1])])),
)

erase_student = media_erasure_handler(lambda: PLAN)
