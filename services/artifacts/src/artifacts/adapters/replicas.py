"""The artifacts service's replicas: the chassis roster replica (people, sections, enrollments, guardianships)
over this service's tables; the access rules read teaching/guardianship, the writes a student's school and year."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from artifacts.adapters.orm import roster
from artifacts.domain.access import Relation
from chassis.roster_replica import section
from chassis.roster_replica.store import RosterReplica


class Replicas(RosterReplica):
    relation_type = Relation      # with the per-artifact panel fact, False until a query sets it

    def __init__(self, session: Session) -> None:
        super().__init__(session, roster)

    def last_event_at(self, kind: str, entity_id: str) -> str:
        """When the newest applied event about an entity occurred (RFC 3339; "" when none was applied)."""
        versions = self.tables.replica_versions
        return self.session.execute(select(versions.c.last_event_at).where(
            versions.c.kind == kind, versions.c.entity_id == entity_id)).scalar() or ""

    def teaches_section_now(self, teacher_id: str, section_id: str, today: dt.date) -> bool:
        return section.teaches_section_now(self.session, self.tables, teacher_id, section_id, today)

    def students_now(self, section_id: str, today: dt.date) -> list[str]:
        """The section's students enrolled today (class capture picks its recipients among them)."""
        return section.students_now(self.session, self.tables, section_id, today)
