"""The reflections service's replicas: the chassis roster replica (people, sections, enrollments, guardianships)
over this service's tables, which student each artifact belongs to (and whether it was deleted), and people's
names (the discussion says who wrote what)."""
from __future__ import annotations

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from chassis.roster_replica.store import RosterReplica
from reflections.adapters.orm import artifact_owners, people, person_names, replica_versions, roster

_OWNER_OF = select(artifact_owners.c.student_id).where(artifact_owners.c.artifact_id == bindparam("artifact_id"),
                                                       artifact_owners.c.deleted.is_(False))   # built once


class Replicas(RosterReplica):
    def __init__(self, session: Session) -> None:
        super().__init__(session, roster)

    def put_artifact_owner(self, artifact_id: str, student_id: str) -> None:
        self.upsert(artifact_owners, {"artifact_id": artifact_id}, {"student_id": student_id, "deleted": False})

    def upsert_deleted(self, artifact_id: str) -> None:
        self.session.execute(update(artifact_owners).where(artifact_owners.c.artifact_id == artifact_id)
                             .values(deleted=True))

    def person(self, person_id: str):
        """The roster replica's row for a person (roles, primary_school_id, grade_level, active), or None."""
        return self.session.execute(select(people.c.roles, people.c.primary_school_id, people.c.grade_level,
                                           people.c.active).where(people.c.person_id == person_id)).first()

    def owner_of(self, artifact_id: str) -> str | None:
        """The student whose live artifact this is; None when unknown or deleted."""
        return self.session.execute(_OWNER_OF, {"artifact_id": artifact_id}).scalar()

    def artifacts_of(self, student_id: str) -> list[str]:
        """The student's live artifacts this replica knows, by id (the passport's discussions)."""
        return list(self.session.execute(select(artifact_owners.c.artifact_id).where(
            artifact_owners.c.student_id == student_id, artifact_owners.c.deleted.is_(False))
            .order_by(artifact_owners.c.artifact_id)).scalars())

    def knows_artifact(self, artifact_id: str) -> bool:
        """Whether any event about the artifact (added, updated or deleted) has reached this replica."""
        return self.session.execute(select(replica_versions.c.entity_id).where(
            replica_versions.c.kind == "artifact", replica_versions.c.entity_id == artifact_id)).first() is not None

    def put_name(self, person_id: str, name: str) -> None:
        self.upsert(person_names, {"person_id": person_id}, {"name": name})

    def names(self, person_ids) -> dict[str, str]:
        """{person id: "Given Family"} of the people this replica knows by name."""
        ids = sorted(set(person_ids))
        if not ids:
            return {}
        rows = self.session.execute(select(person_names.c.person_id, person_names.c.name).where(
            person_names.c.person_id.in_(ids), person_names.c.name != ""))
        return {r.person_id: r.name for r in rows}
