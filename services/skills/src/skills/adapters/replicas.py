"""Local facts fed by other services' events: skill usage by artifacts, and roster school-admin roles.

Each event type arrives on its own queue, so events about one entity can overtake each other: ``is_newest``
keeps the newest applied ``occurred_at`` per entity (and deletions), and older events change nothing current.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, exists, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from skills.adapters.orm import replica_versions, school_admins, skill_usage


def utc_iso(occurred_at: str) -> str:
    """A sortable UTC form of an envelope timestamp."""
    moment = dt.datetime.fromisoformat(occurred_at)
    moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")


class Replicas:
    def __init__(self, session: Session) -> None:
        self.session = session

    def is_newest(self, kind: str, entity_id: str, occurred_at: str, deleted: bool = False) -> bool:
        """Record an event about an entity; False if a newer one (or the entity's deletion) was applied already."""
        at = utc_iso(occurred_at)
        where = (replica_versions.c.kind == kind, replica_versions.c.entity_id == entity_id)
        dialect_insert = postgresql.insert if self.session.get_bind().dialect.name == "postgresql" else sqlite.insert
        first = self.session.execute(dialect_insert(replica_versions).values(
            kind=kind, entity_id=entity_id, last_event_at=at, deleted=deleted).on_conflict_do_nothing(
            index_elements=["kind", "entity_id"])).rowcount == 1
        if first:
            return True
        row = self.session.execute(select(replica_versions).where(*where).with_for_update()).one()
        if row.deleted or row.last_event_at > at:
            return False
        self.session.execute(update(replica_versions).where(*where).values(last_event_at=at, deleted=deleted))
        return True

    def ever_used(self, skill_id: str) -> bool:
        """True once any artifact was tagged with the skill (even if that artifact is gone now)."""
        return bool(self.session.execute(select(exists().where(skill_usage.c.skill_id == skill_id))).scalar())

    def tag_artifact(self, artifact_id: str, skill_ids: list[str], current: bool = True) -> None:
        """The artifact's skills are ``skill_ids``; untagged ones stay recorded as used, inactive. A stale event
        (``current`` False) still proves its skills were used, but changes no current tag."""
        stored = {row.skill_id: row.active for row in self.session.execute(
            select(skill_usage.c.skill_id, skill_usage.c.active).where(skill_usage.c.artifact_id == artifact_id))}
        wanted = set(skill_ids)
        new = sorted(wanted - stored.keys())
        if new:
            self.session.execute(insert(skill_usage), [{"skill_id": s, "artifact_id": artifact_id, "active": current}
                                                       for s in new])
        if not current:
            return
        for skill_id, active in stored.items():
            if active != (skill_id in wanted):
                self.session.execute(update(skill_usage).where(
                    skill_usage.c.artifact_id == artifact_id, skill_usage.c.skill_id == skill_id).values(
                    active=skill_id in wanted))

    def artifact_deleted(self, artifact_id: str) -> None:
        self.session.execute(update(skill_usage).where(skill_usage.c.artifact_id == artifact_id).values(active=False))

    def administered_schools(self, person_id: str) -> frozenset[str]:
        rows = self.session.execute(select(school_admins.c.school_id).where(school_admins.c.person_id == person_id))
        return frozenset(row.school_id for row in rows)

    def set_administered_schools(self, person_id: str, school_ids: set[str]) -> None:
        self.session.execute(delete(school_admins).where(school_admins.c.person_id == person_id))
        if school_ids:
            self.session.execute(insert(school_admins), [{"person_id": person_id, "school_id": s}
                                                         for s in sorted(school_ids)])
