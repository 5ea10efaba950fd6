"""Use cases reading people: a person, lists of people, a teacher's current students, guardians and children.
Each checks access first, then reads, then audits any student records it disclosed, in one transaction."""
from __future__ import annotations

from chassis.errors import FieldProblem, InvalidArgument, NotFound
from chassis.paging import PageRequest, query_fingerprint
from chassis.roster_replica.standing import Relation
from roster.domain.access import Action, Target, TargetKind, Viewer, is_today
from roster.domain.model import PERSON_ROLES, Page, Person, student_ids
from roster.service_layer.authorization import authorize
from roster.service_layer.inputs import optional_date, required
from roster.service_layer.unit_of_work import RosterUnitOfWork, UowFactory


def _person(person_id: str) -> Target:
    return Target(TargetKind.PERSON, person_id)


class PeopleQueries:
    def __init__(self, unit_of_work: UowFactory) -> None:
        self.unit_of_work = unit_of_work

    def get_person(self, viewer: Viewer | None, person_id: str) -> Person:
        person_id = required(person_id, "person_id")
        with self.unit_of_work() as uow:
            authorize(uow, viewer, Action.READ_PERSON, _person(person_id))
            person = _existing(uow, person_id)
            uow.record_disclosure(viewer, "roster.GetPerson", student_ids([person]))
            uow.commit()
        return person

    def list_people(self, viewer: Viewer | None, page_size: int = 0, page_token: str = "", school_id: str = "",
                    role: str = "", grade_level: str = "") -> Page[Person]:
        if role and role not in PERSON_ROLES:
            raise InvalidArgument(f"unknown role {role!r}", [FieldProblem("role", f"use one of {PERSON_ROLES}")])
        fingerprint = query_fingerprint("people", school_id, role, grade_level)
        page = PageRequest.parse(page_size, page_token, fingerprint)
        with self.unit_of_work() as uow:
            if school_id:
                authorize(uow, viewer, Action.LIST_SCHOOL_PEOPLE, Target(TargetKind.SCHOOL, school_id))
            else:
                authorize(uow, viewer, Action.LIST_ALL_PEOPLE)
            result = uow.people.filtered(page, fingerprint, [school_id] if school_id else None, role, grade_level)
            uow.record_disclosure(viewer, "roster.ListPeople", student_ids(result.items),
                                  {"school_id": school_id, "role": role, "grade_level": grade_level})
            uow.commit()
        return result

    def list_current_students(self, viewer: Viewer | None, teacher_id: str = "", on_date: str = "",
                              page_size: int = 0, page_token: str = "") -> Page[Person]:
        """Students ``teacher_id`` (default: the viewer) teaches on ``on_date`` (default: today)."""
        teacher_id = teacher_id or (viewer.subject if viewer else "")
        fingerprint = query_fingerprint("current_students", teacher_id, on_date)
        page = PageRequest.parse(page_size, page_token, fingerprint)
        with self.unit_of_work() as uow:
            on = optional_date(on_date, "on_date") or uow.today
            authorize(uow, viewer, Action.READ_CURRENT_STUDENTS, _person(teacher_id))
            if not is_today(on, uow.today):
                authorize(uow, viewer, Action.READ_STUDENTS_ON_OTHER_DATE, _person(teacher_id))
            _existing(uow, teacher_id)
            result = uow.people.current_students(teacher_id, on, page, fingerprint)
            uow.record_disclosure(viewer, "roster.ListCurrentStudents", student_ids(result.items),
                                  {"teacher_id": teacher_id, "on_date": on.isoformat()})
            uow.commit()
        return result

    def list_guardians(self, viewer: Viewer | None, student_id: str, page_size: int = 0,
                       page_token: str = "") -> Page[Person]:
        student_id = required(student_id, "student_id")
        fingerprint = query_fingerprint("guardians", student_id)
        page = PageRequest.parse(page_size, page_token, fingerprint)
        with self.unit_of_work() as uow:
            authorize(uow, viewer, Action.READ_GUARDIANS, _person(student_id))
            _existing(uow, student_id)
            result = uow.people.guardians(student_id, page, fingerprint)
            uow.record_disclosure(viewer, "roster.ListGuardians", [student_id])
            uow.commit()
        return result

    def list_children(self, viewer: Viewer | None, guardian_id: str = "", page_size: int = 0,
                      page_token: str = "") -> Page[Person]:
        """Children of ``guardian_id`` (default: the viewer)."""
        guardian_id = guardian_id or (viewer.subject if viewer else "")
        fingerprint = query_fingerprint("children", guardian_id)
        page = PageRequest.parse(page_size, page_token, fingerprint)
        with self.unit_of_work() as uow:
            authorize(uow, viewer, Action.READ_CHILDREN, _person(guardian_id))
            _existing(uow, guardian_id)
            result = uow.people.children(guardian_id, page, fingerprint)
            uow.record_disclosure(viewer, "roster.ListChildren", student_ids(result.items),
                                  {"guardian_id": guardian_id})
            uow.commit()
        return result

    def relationship(self, viewer: Viewer | None, viewer_id: str = "", student_id: str = "",
                     on_date: str = "") -> Relation:
        """What ``viewer_id`` (default: the viewer) is to the student on ``on_date`` (default: today), from the
        roster's own data: services ask when their replica shows no relation and would refuse."""
        viewer_id = viewer_id or (viewer.subject if viewer else "")
        student_id = required(student_id, "student_id")
        with self.unit_of_work() as uow:
            on = optional_date(on_date, "on_date") or uow.today
            authorize(uow, viewer, Action.READ_RELATIONSHIP, _person(viewer_id))
            if not is_today(on, uow.today):
                authorize(uow, viewer, Action.READ_STUDENTS_ON_OTHER_DATE, _person(viewer_id))
            teaches, guards = uow.facts.relationship(viewer_id, student_id, on)
        return Relation(teaches_now=teaches, guardian_of=guards)


def _existing(uow: RosterUnitOfWork, person_id: str) -> Person:
    person = uow.people.get(person_id)
    if person is None:
        raise NotFound(f"no person with id {person_id!r}")
    return person
