"""What the notifications service erases (issue 13 §5): for one student, every notification about or to them, their
approvals queue entries, their emails and delivery attempts, contact, preferences and the replicas' rows; for one
artifact, the notifications and approvals about it or linking to it, and its replica row."""
from __future__ import annotations

from chassis.erasure import ErasurePlan, Rows, erasure_handler, replica_rows
from notifications.adapters import orm

DELIVERIES = Rows(orm.deliveries, "recipient_id")
ONE_ARTIFACT = ErasurePlan(
    service="notifications",
    rows=(Rows(orm.notifications, "subject_id"), Rows(orm.notifications, "link", contains=True),
          Rows(orm.approvals, "subject_id"), Rows(orm.approvals, "link", contains=True),
          Rows(orm.artifacts, "artifact_id")),
    audit_table=orm.audit_log,
    outbox=orm.outbox,
)

PLAN = ErasurePlan(
    service="notifications",
    rows=(
        Rows(orm.notifications, "student_id"), Rows(orm.notifications, "recipient_id"),
        Rows(orm.approvals, "student_id"),
        Rows(orm.delivery_attempts, "delivery_id", DELIVERIES), DELIVERIES,
        Rows(orm.preferences, "person_id"), Rows(orm.contacts, "person_id"),
        Rows(orm.artifacts, "student_id"),
        *replica_rows(orm.roster),
    ),
    audit_table=orm.audit_log,
    outbox=orm.outbox,
    tombstones=orm.roster.replica_versions,
    artifact=ONE_ARTIFACT,
)

erase_student = erasure_handler(lambda: PLAN)
