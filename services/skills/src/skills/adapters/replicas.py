"""Local facts fed by other services' events: skill usage by artifacts, roster school-admin roles and people's
status (active or not).

Each event type arrives on its own queue, so events about one entity can overtake each other: ``is_newest``
keeps the newest applied ``occurred_at`` per entity (and deletions), and older events change nothing current.
"""
from __future__ import annotations

from sqlalchemy import delete, exists, insert, select, update
from sqlalchemy.orm import Session

from chassis.messaging.replica import any_erased, is_newest, upsert_statement
from skills.adapters.orm import people, replica_versions, school_admins, skill_usage


class Replicas:
    def __init__(self, session: Session) -> None:
        self.session = session

    def is_newest(self, kind: str, entity_id: str, occurred_at: str, deleted: bool = False) -> bool:
        """Record an event about an entity; False if a newer one (or the entity's deletion) was applied already."""
        return is_newest(self.session, replica_versions, kind, entity_id, occurred_at, deleted)

    def erased(self, entity_ids) -> bool:
        """Whether any of these artifacts (or people) was erased here (an event naming them is not applied)."""
        return any_erased(self.session, replica_versions, entity_ids)

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

    def set_person_active(self, person_id: str, active: bool) -> None:
        """The person's status as the roster last said (the chassis interceptor refuses an inactive caller)."""
        insert_ = upsert_statement(self.session, people).values(person_id=person_id, active=active)
        self.session.execute(insert_.on_conflict_do_update(index_elements=["person_id"], set_={"active": active}))
