"""The roster's part of a student's passport (the per-student export): the student, their primary school and their
guardians, for the student themself, their guardian, or a privacy officer with a stated reason; every export audited."""
from __future__ import annotations

from dataclasses import dataclass

from chassis.errors import NotFound
from chassis.paging import PageRequest, query_fingerprint
from chassis.records_request import export_detail, stated_reason
from roster.domain.access import GUARDIAN, PRIVACY_OFFICER, STUDENT, Action, Relation, Target, TargetKind, Viewer
from roster.domain.identity import entity_id
from roster.domain.model import Person, School
from roster.service_layer.authorization import authorize
from roster.service_layer.inputs import required
from roster.service_layer.unit_of_work import UowFactory

MAX_GUARDIANS = 100


@dataclass(frozen=True)
class PassportPerson:
    person: Person
    school: School | None
    guardians: list[Person]


def export_role(uow, viewer: Viewer, student_id: str) -> str:
    """The role the viewer exports in (authorised already): the student, their guardian, else the privacy officer."""
    if viewer.subject == student_id and STUDENT in viewer.roles:
        return STUDENT
    if GUARDIAN in viewer.roles and uow.facts.holds(viewer, Relation.CHILD, Target(TargetKind.PERSON, student_id)):
        return GUARDIAN
    return PRIVACY_OFFICER


class PassportQueries:
    def __init__(self, unit_of_work: UowFactory) -> None:
        self.unit_of_work = unit_of_work

    def export_person(self, viewer: Viewer | None, student_id: str, reason: str = "",
                      sourced_id: str = "") -> PassportPerson:
        """The student by ``student_id``, or by their OneRoster ``sourced_id`` (a transfer import names the
        receiving district's student so)."""
        student_id = required(student_id or (entity_id("user", sourced_id.strip()) if sourced_id.strip() else ""),
                              "student_id")
        with self.unit_of_work() as uow:
            authorize(uow, viewer, Action.EXPORT_RECORD, Target(TargetKind.PERSON, student_id))
            role = export_role(uow, viewer, student_id)
            reason = stated_reason(role, reason)
            person = uow.people.get(student_id)
            if person is None or STUDENT not in person.roles:
                raise NotFound(f"no student with sourcedId {sourced_id.strip()!r}" if sourced_id.strip() else
                               f"no student with id {student_id!r}")
            school = uow.directory.get_school(person.primary_school_id) if person.primary_school_id else None
            fingerprint = query_fingerprint("guardians", student_id)
            guardians = uow.people.guardians(student_id, PageRequest.parse(MAX_GUARDIANS, "", fingerprint),
                                             fingerprint).items
            uow.record_act(viewer.subject, viewer.roles, "roster.ExportPerson", [student_id],
                           export_detail(role, reason))
            uow.commit()
        return PassportPerson(person, school, guardians)
