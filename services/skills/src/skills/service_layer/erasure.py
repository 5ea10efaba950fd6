"""What the skills service erases for one student (issue 13 §5): the person replica's row (skills holds no portfolio
content; ``skill_usage`` names artifact ids only, which the artifacts service erases)."""
from __future__ import annotations

from chassis.erasure import ErasurePlan, Rows, erasure_handler
from skills.adapters import orm

PLAN = ErasurePlan(service="skills", rows=(Rows(orm.people, "person_id"),), audit_table=orm.audit_log,
                    outbox=orm.outbox)

erase_student = erasure_handler(lambda: PLAN)
