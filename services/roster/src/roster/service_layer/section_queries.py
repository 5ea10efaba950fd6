"""Use cases reading sections and the directory: a section, lists of sections, a section's roster, schools,
school years and a district's school calendar (its current year). Roster reads audit the student records they
disclose."""
from __future__ import annotations

from chassis.access import Role
from chassis.errors import FieldProblem, InvalidArgument, NotFound
from chassis.paging import PageRequest, query_fingerprint
from roster.domain.access import NO_TARGET, Action, Target, TargetKind, Viewer, deny
from roster.domain.model import Page, Person, School, SchoolCalendar, SchoolYear, Section, student_ids
from roster.service_layer.authorization import authorize, may
from roster.service_layer.inputs import optional_date, required
from roster.service_layer.unit_of_work import RosterUnitOfWork, UowFactory


class SectionQueries:
    def __init__(self, unit_of_work: UowFactory) -> None:
        self.unit_of_work = unit_of_work

    def get_section(self, viewer: Viewer | None, section_id: str) -> Section:
        section_id = required(section_id, "section_id")
        with self.unit_of_work() as uow:
            authorize(uow, viewer, Action.READ_SECTION, Target(TargetKind.SECTION, section_id))
            return _existing(uow, section_id)

    def list_sections(self, viewer: Viewer | None, page_size: int = 0, page_token: str = "", school_id: str = "",
                      teacher_id: str = "", school_year_id: str = "") -> Page[Section]:
        """Sections matching the filters; with no school or teacher filter, a student or teacher gets the
        sections they are enrolled in and only district admins and services get every section."""
        fingerprint = query_fingerprint("sections", school_id, teacher_id, school_year_id)
        page = PageRequest.parse(page_size, page_token, fingerprint)
        with self.unit_of_work() as uow:
            member_id = ""
            if teacher_id:
                authorize(uow, viewer, Action.LIST_TEACHER_SECTIONS, Target(TargetKind.PERSON, teacher_id))
            if school_id:
                authorize(uow, viewer, Action.LIST_SCHOOL_SECTIONS, Target(TargetKind.SCHOOL, school_id))
            if not (teacher_id or school_id):
                authorize(uow, viewer, Action.READ_DIRECTORY)   # Unauthenticated before any other answer
                if not may(uow, viewer, Action.LIST_ALL_SECTIONS):
                    if not may(uow, viewer, Action.LIST_OWN_SECTIONS):
                        raise deny(Action.LIST_ALL_SECTIONS)
                    member_id = viewer.subject
            return uow.sections.filtered(page, fingerprint, [school_id] if school_id else None, teacher_id,
                                         school_year_id, member_id)

    def list_section_students(self, viewer: Viewer | None, section_id: str, page_size: int = 0,
                              page_token: str = "") -> Page[Person]:
        """The section's students on today's date clamped into its term span (a past section: its final roster)."""
        section_id = required(section_id, "section_id")
        fingerprint = query_fingerprint("section_students", section_id)
        page = PageRequest.parse(page_size, page_token, fingerprint)
        with self.unit_of_work() as uow:
            authorize(uow, viewer, Action.READ_SECTION_ROSTER, Target(TargetKind.SECTION, section_id))
            section = _existing(uow, section_id)
            result = uow.people.section_students(section_id, section.reference_date(uow.today), page, fingerprint)
            uow.record_disclosure(viewer, "roster.ListSectionStudents",
                                  student_ids(result.items), {"section_id": section_id})
            uow.commit()
        return result

    def get_school(self, viewer: Viewer | None, school_id: str) -> School:
        school_id = required(school_id, "school_id")
        with self.unit_of_work() as uow:
            authorize(uow, viewer, Action.READ_DIRECTORY)
            school = uow.directory.get_school(school_id)
        if school is None:
            raise NotFound(f"no school with id {school_id!r}")
        return school

    def list_schools(self, viewer: Viewer | None, page_size: int = 0, page_token: str = "",
                     active_only: bool = False, district_id: str = "") -> Page[School]:
        fingerprint = query_fingerprint("schools", str(active_only), district_id)
        page = PageRequest.parse(page_size, page_token, fingerprint)
        with self.unit_of_work() as uow:
            authorize(uow, viewer, Action.READ_DIRECTORY, NO_TARGET)
            return uow.directory.schools(page, fingerprint, active_only, district_id)

    def list_school_years(self, viewer: Viewer | None, page_size: int = 0, page_token: str = "",
                          active_only: bool = False) -> Page[SchoolYear]:
        fingerprint = query_fingerprint("school_years", str(active_only))
        page = PageRequest.parse(page_size, page_token, fingerprint)
        with self.unit_of_work() as uow:
            authorize(uow, viewer, Action.READ_DIRECTORY, NO_TARGET)
            return uow.directory.school_years(page, fingerprint, active_only)

    def school_calendar(self, viewer: Viewer | None, district_id: str = "", on_date: str = "") -> SchoolCalendar:
        """The one answer to "which school year is current": the active year of ``district_id`` (default: the
        viewer's district) that contains ``on_date`` (default: the district's today), with its active years."""
        with self.unit_of_work() as uow:
            authorize(uow, viewer, Action.READ_DIRECTORY, NO_TARGET)
            day = optional_date(on_date, "on_date") or uow.today
            if not district_id:
                if Role.SERVICE in viewer.roles:
                    raise InvalidArgument("district_id is required for a caller that is not a person",
                                          [FieldProblem("district_id", "must not be empty")])
                district_id = uow.directory.district_of(viewer.subject)
            years = uow.directory.district_years(district_id) if district_id else []
        return SchoolCalendar.on(district_id, years, day)


def _existing(uow: RosterUnitOfWork, section_id: str) -> Section:
    section = uow.sections.get(section_id)
    if section is None:
        raise NotFound(f"no section with id {section_id!r}")
    return section
