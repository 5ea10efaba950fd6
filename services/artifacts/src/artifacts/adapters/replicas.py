"""The artifacts service's replicas: the chassis roster replica (people, sections, enrollments, guardianships)
over this service's tables; the access rules read teaching/guardianship, the writes a student's school and year."""
from __future__ import annotations

from sqlalchemy.orm import Session

from chassis.roster_replica.store import RosterReplica

from artifacts.adapters.orm import roster
from artifacts.domain.access import Relation


class Replicas(RosterReplica):
    relation_type = Relation      # with the per-artifact panel fact, False until a query sets it

    def __init__(self, session: Session) -> None:
        super().__init__(session, roster)
