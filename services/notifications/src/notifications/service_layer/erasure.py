"""What the notifications service erases for one student (issue 13 §5): every notification about or to them, their
approvals queue entries, their emails and delivery attempts, contact, preferences and the replicas' rows."""
from __future__ import annotations

from chassis.erasure import ErasurePlan, Rows, erasure_handler
from notifications.adapters import orm

DELIVERIES = Rows(orm.deliveries, "recipient_id")

PLAN = ErasurePlan(
    service="notifications",
    rows=(
        Rows(orm.notifications, "student_id"), Rows(orm.notifications, "recipient_id"),
        Rows(orm.approvals, "student_id"),
        Rows(orm.delivery_attempts, "delivery_id", DELIVERIES), DELIVERIES,
        Rows(orm.preferences, "person_id"), Rows(orm.contacts, "person_id"),
        Rows(orm.artifacts, "student_id"),
        Rows(orm.roster.guardianships, "student_id"), Rows(orm.roster.enrollments, "person_id"),
        Rows(orm.roster.people, "person_id"),
    ),
    audit_table=orm.audit_log,
    outbox=orm.outbox,
)

erase_student = erasure_handler(lambda: PLAN)
