"""The artifacts service's replicas: the chassis roster replica (people, sections, enrollments, guardianships)
over this service's tables; the access rules read teaching/guardianship, the writes a student's school and year."""
from __future__ import annotations

from sqlalchemy.orm import Session

from chassis.roster_replica.store import RosterReplica

from artifacts.adapters.orm import roster


class Replicas(RosterReplica):
    def __init__(self, session: Session) -> None:
        super().__init__(session, roster)
