"""What a section's competency gradebook needs from the roster, in one unit of work: the section, its school's
district, its terms and its students, each under the rule (and the audit row) of the call that used to answer it."""
from __future__ import annotations

from dataclasses import dataclass, field

from chassis.errors import FieldProblem, InvalidArgument, NotFound
from chassis.paging import MAX_PAGE_SIZE, PageRequest, decode_token, query_fingerprint
from roster.domain.access import Action, Target, TargetKind, Viewer
from roster.domain.model import Person, Section, student_ids
from roster.service_layer.authorization import authorize
from roster.service_layer.inputs import required
from roster.service_layer.section_terms import Term, terms_of
from roster.service_layer.unit_of_work import UowFactory

NOT_A_TERM = "not a term of this section"


@dataclass(frozen=True)
class SectionRoster:
    section: Section
    district_id: str
    terms: list[Term] = field(default_factory=list)
    students: list[Person] = field(default_factory=list)


class SectionRosterQueries:
    def __init__(self, unit_of_work: UowFactory) -> None:
        self.unit_of_work = unit_of_work

    def section_roster(self, viewer: Viewer | None, section_id: str, term_id: str = "") -> SectionRoster:
        """GetSection, ListSectionTerms, GetSchool (for the district) and every page of ListSectionStudents, in
        that order and under their rules; ``term_id``, when set, must be one of the terms (checked before any
        student is read). One audit row per page of students, as ListSectionStudents writes."""
        section_id = required(section_id, "section_id")
        target = Target(TargetKind.SECTION, section_id)
        with self.unit_of_work() as uow:
            authorize(uow, viewer, Action.READ_SECTION, target)
            section = uow.sections.get(section_id)
            if section is None:
                raise NotFound(f"no section with id {section_id!r}")
            terms = terms_of(uow, section_id)
            if term_id and term_id not in {t.id for t in terms}:
                raise InvalidArgument(f"term_id: {NOT_A_TERM}", [FieldProblem("term_id", NOT_A_TERM)])
            district_id = ""
            if section.school_id:
                authorize(uow, viewer, Action.READ_DIRECTORY)
                school = uow.directory.get_school(section.school_id)
                if school is None:
                    raise NotFound(f"no school with id {section.school_id!r}")
                district_id = school.district_id
            authorize(uow, viewer, Action.READ_SECTION_ROSTER, target)
            fingerprint = query_fingerprint("section_students", section_id)
            on, page, students = section.reference_date(uow.today), PageRequest(size=MAX_PAGE_SIZE), []
            while True:
                found = uow.people.section_students(section_id, on, page, fingerprint)
                students += found.items
                uow.record_disclosure(viewer, "roster.ListSectionStudents", student_ids(found.items),
                                      {"section_id": section_id})
                if not found.next_page_token:
                    break
                page = PageRequest(size=MAX_PAGE_SIZE, after=decode_token(found.next_page_token, fingerprint))
            uow.commit()
        return SectionRoster(section, district_id, terms, students)
