"""The notifications service's replicas: the chassis roster replica (who guards and who teaches whom now), people's
names, email and language (contacts) and who added which artifact (artifacts), with the reads the rules need."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from chassis.db import among
from chassis.roster_replica.standing import in_span
from chassis.roster_replica.store import RosterReplica
from notifications.adapters.orm import artifacts, contacts, guardianships, people, roster


@dataclass(frozen=True)
class Contact:
    person_id: str
    given_name: str = ""
    family_name: str = ""
    email: str = ""
    language: str = ""

    @property
    def display_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip() or self.person_id


@dataclass(frozen=True)
class ArtifactFacts:
    artifact_id: str
    student_id: str
    added_by: str
    added_by_role: str
    title: str
    school_id: str


class Replicas(RosterReplica):
    def __init__(self, session: Session) -> None:
        super().__init__(session, roster)

    # --- contacts and artifacts ---
    def put_contact(self, person_id: str, given_name: str, family_name: str, email: str, language: str) -> None:
        self.upsert(contacts, {"person_id": person_id}, {"given_name": given_name, "family_name": family_name,
                                                         "email": email, "language": language})

    def contacts(self, person_ids) -> dict[str, Contact]:
        ids = sorted(set(person_ids))
        if not ids:
            return {}
        rows = self.session.execute(select(contacts).where(among(self.session, contacts.c.person_id, ids)))
        return {r.person_id: Contact(r.person_id, r.given_name, r.family_name, r.email, r.language) for r in rows}

    def put_artifact(self, a: ArtifactFacts) -> None:
        self.upsert(artifacts, {"artifact_id": a.artifact_id}, {
            "student_id": a.student_id, "added_by": a.added_by, "added_by_role": a.added_by_role, "title": a.title,
            "school_id": a.school_id, "deleted": False})

    def delete_artifact(self, artifact_id: str) -> None:
        self.session.execute(update(artifacts).where(artifacts.c.artifact_id == artifact_id).values(deleted=True))

    def artifact(self, artifact_id: str) -> ArtifactFacts | None:
        r = self.session.execute(select(artifacts).where(artifacts.c.artifact_id == artifact_id,
                                                         artifacts.c.deleted.is_(False))).first()
        return ArtifactFacts(r.artifact_id, r.student_id, r.added_by, r.added_by_role, r.title,
                             r.school_id) if r else None

    # --- roster facts for the recipients rule (domain.recipients.RosterFacts) ---
    def guardians_of(self, student_id: str) -> set[str]:
        rows = self.session.execute(
            select(guardianships.c.guardian_id).join(people, people.c.person_id == guardianships.c.guardian_id,
                                                     isouter=True)
            .where(guardianships.c.student_id == student_id, people.c.active.is_not(False)))
        return {r.guardian_id for r in rows}

    def current_teachers_of(self, student_id: str, on: dt.date) -> set[str]:
        sections = {span.section_id for span, _ in self.spans(student_id, "student") if in_span(span, on)}
        if not sections:
            return set()
        enrollments = self.tables.enrollments
        candidates = {r.person_id for r in self.session.execute(
            select(enrollments.c.person_id).where(enrollments.c.section_id.in_(sorted(sections)),
                                                  enrollments.c.role == "teacher"))}
        return {t for t in candidates if not self.guardian_and_inactive(t, student_id)[1]
                and any(in_span(span, on) and span.section_id in sections for span, _ in self.spans(t, "teacher"))}

    def teaches_now(self, teacher_id: str, student_id: str, on: dt.date) -> bool:
        return teacher_id in self.current_teachers_of(student_id, on)
