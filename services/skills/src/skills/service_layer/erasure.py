"""What the skills service erases (issue 13 §5): for one student, the person replica's row (skills holds no portfolio
content; ``skill_usage`` names artifact ids only, kept as retired usage once they are deleted); for one artifact,
its ``skill_usage`` rows, so the erased id is named nowhere (but in ``replica_versions``' mark, which keeps an event
about it still in flight from tagging it again)."""
from __future__ import annotations

from chassis.erasure import ErasurePlan, Rows, erasure_handler
from skills.adapters import orm

ONE_ARTIFACT = ErasurePlan(service="skills", rows=(Rows(orm.skill_usage, "artifact_id"),), audit_table=orm.audit_log,
                           outbox=orm.outbox)
PLAN = ErasurePlan(service="skills", rows=(Rows(orm.people, "person_id"),), audit_table=orm.audit_log,
                   outbox=orm.outbox, tombstones=orm.replica_versions, artifact=ONE_ARTIFACT)

erase_student = erasure_handler(lambda: PLAN)
