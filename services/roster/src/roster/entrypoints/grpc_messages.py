"""Mapping between roster domain objects and skillfolio.roster.v1 protobuf messages."""
from __future__ import annotations

from chassis.grpc.roles import FROM_PROTO as ROLE_FROM_PROTO
from chassis.grpc.roles import TO_PROTO as ROLE_TO_PROTO
from roster.domain.model import Person, School, SchoolCalendar, SchoolYear, Section
from skillfolio.roster.v1 import roster_pb2 as pb


def role_name(role: int) -> str:
    """The domain role of a proto Role ("" for ROLE_UNSPECIFIED; an unknown number stays visible as-is)."""
    return ROLE_FROM_PROTO.get(role, "" if role == pb.ROLE_UNSPECIFIED else str(role))


def person(p: Person) -> pb.Person:
    return pb.Person(id=p.id, sourced_id=p.sourced_id, given_name=p.given_name, family_name=p.family_name,
                     email=p.email, username=p.username, grade_level=p.grade_level,
                     roles=[ROLE_TO_PROTO[r] for r in p.roles if r in ROLE_TO_PROTO],
                     primary_school_id=p.primary_school_id, active=p.active)


def school(s: School) -> pb.School:
    return pb.School(id=s.id, sourced_id=s.sourced_id, name=s.name, identifier=s.identifier,
                     district_id=s.district_id, active=s.active)


def school_year(y: SchoolYear) -> pb.SchoolYear:
    return pb.SchoolYear(id=y.id, sourced_id=y.sourced_id, title=y.title, start_date=y.start_date.isoformat(),
                         end_date=y.end_date.isoformat(), year=y.year, active=y.active)


def calendar(c: SchoolCalendar) -> pb.GetSchoolCalendarResponse:
    return pb.GetSchoolCalendarResponse(district_id=c.district_id, school_years=[school_year(y) for y in c.years],
                                        current_school_year=school_year(c.current) if c.current else None)


def section(s: Section) -> pb.Section:
    return pb.Section(id=s.id, sourced_id=s.sourced_id, title=s.title, class_code=s.class_code,
                      school_id=s.school_id, course_title=s.course_title, school_year_id=s.school_year_id,
                      term_ids=list(s.term_ids))
