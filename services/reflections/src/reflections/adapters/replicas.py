"""The local replicas the access rules need: roster facts (people, sections, enrollments, guardianships) and
which student each artifact belongs to (and whether it was deleted).

Each event type arrives on its own queue, so events about one entity can overtake each other: ``is_newest``
keeps the newest applied ``occurred_at`` per entity (and deletions), and older events change nothing.

The roster part mirrors services/artifacts/adapters/replicas.py (kept separate: services share no code but the
chassis); moving the generic replica into the chassis is a follow-up.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session

from chassis.messaging.replica import is_newest, upsert_statement

from reflections.adapters.orm import artifact_owners, enrollments, guardianships, people, replica_versions, sections
from reflections.domain.access import GUARDIAN, TEACHER, Relation, Span, enrollment_span, teaches_now


class Replicas:
    def __init__(self, session: Session) -> None:
        self.session = session

    def is_newest(self, kind: str, entity_id: str, occurred_at: str, deleted: bool = False) -> bool:
        """Record an event about an entity; False if a newer one (or the entity's deletion) was applied already."""
        return is_newest(self.session, replica_versions, kind, entity_id, occurred_at, deleted)

    def upsert(self, table, key: dict, values: dict) -> None:
        insert = upsert_statement(self.session, table).values(**key, **values)
        self.session.execute(insert.on_conflict_do_update(index_elements=list(key), set_=values) if values else
                             insert.on_conflict_do_nothing(index_elements=list(key)))

    def remove(self, table, **key) -> None:
        self.session.execute(delete(table).where(*(table.c[k] == v for k, v in key.items())))

    def upsert_deleted(self, artifact_id: str) -> None:
        self.session.execute(update(artifact_owners).where(artifact_owners.c.artifact_id == artifact_id)
                             .values(deleted=True))

    def set_school(self, person_id: str, school_id: str) -> None:
        self.session.execute(update(people).where(people.c.person_id == person_id)
                             .values(primary_school_id=school_id))

    # --- facts for access ---
    def person(self, person_id: str):
        """The roster replica's row for a person (roles, primary_school_id, grade_level, active), or None."""
        return self.session.execute(select(people.c.roles, people.c.primary_school_id, people.c.grade_level,
                                           people.c.active).where(people.c.person_id == person_id)).first()

    def owner_of(self, artifact_id: str) -> str | None:
        """The student whose live artifact this is; None when unknown or deleted."""
        return self.session.execute(select(artifact_owners.c.student_id).where(
            artifact_owners.c.artifact_id == artifact_id, artifact_owners.c.deleted.is_(False))).scalar()

    def _spans(self, person_id: str, role: str) -> list[Span]:
        rows = self.session.execute(
            select(enrollments.c.section_id, enrollments.c.begin_date, enrollments.c.end_date, enrollments.c.active,
                   sections.c.start_date, sections.c.end_date.label("section_end"))
            .join(sections, sections.c.section_id == enrollments.c.section_id)
            .where(enrollments.c.person_id == person_id, enrollments.c.role == role))
        return [enrollment_span(r.section_id, r.start_date, r.section_end, r.begin_date, r.end_date, r.active)
                for r in rows]

    def relation(self, viewer_id: str, student_id: str, today: dt.date, roles: Iterable[str]) -> Relation:
        """The viewer's standing towards the student; only the facts the viewer's ``roles`` can use are read."""
        roles = set(roles)
        if not roles & {GUARDIAN, TEACHER}:
            return Relation()
        guardian, inactive = self.session.execute(select(
            exists().where(guardianships.c.guardian_id == viewer_id, guardianships.c.student_id == student_id),
            exists().where(people.c.person_id == viewer_id, people.c.active.is_(False)))).one()
        teacher = self._spans(viewer_id, "teacher") if TEACHER in roles and not inactive else []
        student = self._spans(student_id, "student") if teacher else []
        return Relation(teaches_now=teaches_now(teacher, student, today),
                        guardian_of=GUARDIAN in roles and bool(guardian))
