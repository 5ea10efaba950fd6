"""A unit of work over a run of same-type events for the batch path: what the rules read (guardians, schools,
contacts, preferences, artifacts and their versions, the district, notifications a new one may coalesce into) is
fetched once for the whole run, and what they write (notifications, instant deliveries, coalescing bumps, the
artifacts replica) is kept and written set-based by :meth:`BatchUnit.flush` (adapters/batch_writes.py). Anything
else goes to the real unit's repositories, which read tables this unit never holds back."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, select

from chassis.db import among
from chassis.messaging.replica import erased_among, utc_iso
from chassis.upserts import upsert
from notifications.adapters.batch_writes import BatchDeliveries, BatchNotifications, Delegating, values
from notifications.adapters.orm import artifacts, guardianships, people, replica_versions
from notifications.adapters.replicas import ArtifactFacts, Contact
from notifications.adapters.settings import SettingsRepository
from notifications.domain.preferences import Preferences
from notifications.domain.timing import COALESCE_WINDOW


class BatchReplicas(Delegating):
    def __init__(self, real, session, students: set[str], artifact_ids: set[str]) -> None:
        super().__init__(real)
        self.guardians: dict[str, set[str]] = {s: set() for s in students}
        for r in session.execute(select(guardianships.c.guardian_id, guardianships.c.student_id)
                                 .join(people, people.c.person_id == guardianships.c.guardian_id, isouter=True)
                                 .where(among(session, guardianships.c.student_id, sorted(students)),
                                        people.c.active.is_not(False))):
            self.guardians[r.student_id].add(r.guardian_id)
        self.schools = {s: "" for s in students}
        self.schools.update({r.person_id: r.primary_school_id or "" for r in session.execute(
            select(people.c.person_id, people.c.primary_school_id).where(
                among(session, people.c.person_id, sorted(students))))})
        self.artifacts: dict[str, ArtifactFacts | None] = dict.fromkeys(artifact_ids)
        for r in session.execute(select(artifacts).where(among(session, artifacts.c.artifact_id, sorted(artifact_ids)),
                                                         artifacts.c.deleted.is_(False))):
            self.artifacts[r.artifact_id] = ArtifactFacts(r.artifact_id, r.student_id, r.added_by, r.added_by_role,
                                                          r.title, r.school_id)
        v = replica_versions.c
        self.versions: dict[str, tuple[str, bool]] = {
            r.entity_id: (r.last_event_at, r.deleted) for r in session.execute(
                select(v.entity_id, v.last_event_at, v.deleted).where(
                    v.kind == "artifact", among(session, v.entity_id, sorted(artifact_ids))).with_for_update())}
        self.erased_ids = erased_among(session, replica_versions, students | set(artifact_ids))   # people and artifacts
        self.contact_cache: dict[str, Contact | None] = {}
        self.new_versions: dict[str, tuple[str, bool]] = {}
        self.new_artifacts: dict[str, ArtifactFacts] = {}

    def erased(self, entity_ids) -> bool:
        ids = {p for p in entity_ids if p}
        # not of this run: asked of the table (membership tests: a set minus a dict's keys copies the whole run's keys)
        unknown = {p for p in ids if p not in self.guardians and p not in self.artifacts}
        return bool(ids & self.erased_ids) or (bool(unknown) and self._real.erased(unknown))

    def guardians_of(self, student_id: str) -> set[str]:
        known = self.guardians.get(student_id)
        return set(known) if known is not None else self._real.guardians_of(student_id)

    def primary_school(self, person_id: str) -> str:
        known = self.schools.get(person_id)
        return known if known is not None else self._real.primary_school(person_id)

    def contacts(self, person_ids) -> dict[str, Contact]:
        missing = {p for p in person_ids if p not in self.contact_cache}
        if missing:
            found = self._real.contacts(missing)
            self.contact_cache.update({p: found.get(p) for p in missing})
        return {p: c for p in person_ids if (c := self.contact_cache[p]) is not None}

    def artifact(self, artifact_id: str) -> ArtifactFacts | None:
        return self.artifacts[artifact_id] if artifact_id in self.artifacts else self._real.artifact(artifact_id)

    def is_newest(self, kind: str, entity_id: str, occurred_at: str, deleted: bool = False) -> bool:
        """chassis.messaging.replica.is_newest over the versions read (and locked) for the run."""
        if kind != "artifact" or entity_id not in self.artifacts:
            raise AssertionError(f"the batch path keeps no {kind} version for {entity_id}")
        at, known = utc_iso(occurred_at), self.versions.get(entity_id)
        if known is not None and (known[1] or known[0] > at):
            return False
        self.versions[entity_id] = self.new_versions[entity_id] = (at, deleted)
        return True

    def put_artifact(self, a: ArtifactFacts) -> None:
        self.artifacts[a.artifact_id] = self.new_artifacts[a.artifact_id] = a

    def flush(self, session) -> None:
        upsert(session, replica_versions, [{"kind": "artifact", "entity_id": i, "last_event_at": at, "deleted": d}
                                           for i, (at, d) in self.new_versions.items()],
               ["kind", "entity_id"], ["last_event_at", "deleted"], only_if=_live_and_older)
        upsert(session, artifacts, [{**values(a), "deleted": False} for a in self.new_artifacts.values()],
               ["artifact_id"], ["student_id", "added_by", "added_by_role", "title", "school_id", "deleted"])


def _live_and_older(table, excluded):
    """A stored version is replaced only by a newer event, and never once deleted (is_newest's rule)."""
    return and_(table.c.deleted.is_(False), table.c.last_event_at <= excluded.last_event_at)


class BatchSettings(Delegating):
    def __init__(self, real: SettingsRepository, person_ids: set[str]) -> None:
        super().__init__(real)
        self._district = real.district()
        self.cache: dict[str, Preferences | None] = dict.fromkeys(person_ids)
        self.cache.update(real.preferences_of(person_ids))           # the few who chose something

    def district(self):
        return self._district

    def preferences(self, person_id: str):
        if person_id not in self.cache:
            self.cache[person_id] = self._real.preferences(person_id)
        return self.cache[person_id] or Preferences()


class BatchUnit:
    """Stands in for the real unit of work while a run's effects are applied; :meth:`flush` writes them."""

    def __init__(self, uow, students: set[str], people_ids: set[str], artifact_ids: set[str],
                 earliest: dt.datetime) -> None:
        session = uow.session
        self.session = session
        self.replicas = BatchReplicas(uow.replicas, session, students, artifact_ids)
        guardians = set().union(*self.replicas.guardians.values()) if self.replicas.guardians else set()
        self.replicas.contacts(guardians | people_ids)
        self.settings = BatchSettings(uow.settings, guardians | people_ids)
        self.notifications = BatchNotifications(uow.notifications, session, students, earliest - COALESCE_WINDOW)
        self.deliveries = BatchDeliveries(uow.deliveries)

    def flush(self) -> None:
        self.replicas.flush(self.session)
        self.deliveries.flush(self.session)
        self.notifications.flush(self.session)
