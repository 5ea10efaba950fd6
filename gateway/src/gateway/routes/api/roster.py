"""/api/v1 roster reads: the caller's bearer principal is forwarded; the roster service decides who sees what."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter

from chassis.grpc import roles
from gateway.clients.backends import BackendsDep
from gateway.routes.api.deps import ERRORS, Caller, PageSize, PageToken, PathId
from gateway.schemas import common as schemas
from gateway.usecases import roster as queries
from skillfolio.roster.v1 import roster_pb2 as pb

router = APIRouter(prefix="/api/v1", tags=["roster"], responses=ERRORS)
ROLE_FILTER = roles.TO_PROTO


def _page(page_size: int, page_token: str) -> pb.PageRequest:
    return queries.page_request(page_size, page_token)


@router.get("/me", response_model=schemas.Person, summary="The logged-in person")
async def me(backends: BackendsDep, caller: Caller):
    reply = await backends.roster.get_person(caller, pb.GetPersonRequest(person_id=caller.subject))
    return schemas.Person.of(reply.person)


@router.get("/schools", response_model=schemas.Page[schemas.School], summary="Schools of the district")
async def list_schools(backends: BackendsDep, caller: Caller, page_size: PageSize = 0, page_token: PageToken = ""):
    reply = await backends.roster.list_schools(caller, pb.ListSchoolsRequest(page=_page(page_size, page_token)))
    return schemas.Page[schemas.School](items=[schemas.School.of(s) for s in reply.schools],
                                        next_page_token=reply.next_page_token)


@router.get("/schools/{school_id}", response_model=schemas.School, summary="One school")
async def get_school(backends: BackendsDep, caller: Caller, school_id: PathId):
    reply = await backends.roster.get_school(caller, pb.GetSchoolRequest(school_id=school_id))
    return schemas.School.of(reply.school)


@router.get("/school-years", response_model=schemas.Page[schemas.SchoolYear], summary="School years")
async def list_school_years(backends: BackendsDep, caller: Caller, page_size: PageSize = 0,
                            page_token: PageToken = ""):
    reply = await backends.roster.list_school_years(caller, pb.ListSchoolYearsRequest(
        page=_page(page_size, page_token)))
    return schemas.Page[schemas.SchoolYear](items=[schemas.SchoolYear.of(y) for y in reply.school_years],
                                            next_page_token=reply.next_page_token)


@router.get("/people", response_model=schemas.Page[schemas.Person], summary="People, filtered (admins)")
async def list_people(backends: BackendsDep, caller: Caller, page_size: PageSize = 0, page_token: PageToken = "",
                      school_id: str = "", role: Literal[tuple(ROLE_FILTER)] | None = None, grade_level: str = ""):
    message = pb.ListPeopleRequest(page=_page(page_size, page_token), school_id=school_id,
                                   role=ROLE_FILTER.get(role or "", pb.ROLE_UNSPECIFIED), grade_level=grade_level)
    reply = await backends.roster.list_people(caller, message)
    return _people(reply.people, reply.next_page_token)


def _people(people, next_page_token: str) -> schemas.Page[schemas.Person]:
    return schemas.Page[schemas.Person](items=[schemas.Person.of(p) for p in people], next_page_token=next_page_token)


@router.get("/people/{person_id}", response_model=schemas.Person, summary="One person")
async def get_person(backends: BackendsDep, caller: Caller, person_id: PathId):
    reply = await backends.roster.get_person(caller, pb.GetPersonRequest(person_id=person_id))
    return schemas.Person.of(reply.person)


@router.get("/people/{student_id}/guardians", response_model=schemas.Page[schemas.Person],
            summary="A student's guardians")
async def list_guardians(backends: BackendsDep, caller: Caller, student_id: PathId, page_size: PageSize = 0,
                         page_token: PageToken = ""):
    reply = await backends.roster.list_guardians(caller, pb.ListGuardiansRequest(
        student_id=student_id, page=_page(page_size, page_token)))
    return _people(reply.guardians, reply.next_page_token)


@router.get("/people/{guardian_id}/children", response_model=schemas.Page[schemas.Person],
            summary="A guardian's children")
async def list_children(backends: BackendsDep, caller: Caller, guardian_id: PathId, page_size: PageSize = 0,
                        page_token: PageToken = ""):
    reply = await backends.roster.list_children(caller, pb.ListChildrenRequest(
        guardian_id=guardian_id, page=_page(page_size, page_token)))
    return _people(reply.children, reply.next_page_token)


@router.get("/teachers/{teacher_id}/students", response_model=schemas.Page[schemas.SectionStudents],
            summary="The students a teacher teaches today, grouped by section (paginated by section)")
async def teacher_students(backends: BackendsDep, caller: Caller, teacher_id: PathId, page_size: PageSize = 0,
                           page_token: PageToken = ""):
    return await queries.students_by_section(backends.roster, caller, teacher_id,
                                             page_size, page_token)


@router.get("/sections", response_model=schemas.Page[schemas.Section], summary="Sections, filtered")
async def list_sections(backends: BackendsDep, caller: Caller, page_size: PageSize = 0, page_token: PageToken = "",
                        school_id: str = "", teacher_id: str = "", school_year_id: str = ""):
    reply = await backends.roster.list_sections(caller, pb.ListSectionsRequest(
        page=_page(page_size, page_token), school_id=school_id, teacher_id=teacher_id,
        school_year_id=school_year_id))
    return schemas.Page[schemas.Section](items=[schemas.Section.of(s) for s in reply.sections],
                                         next_page_token=reply.next_page_token)


@router.get("/sections/{section_id}", response_model=schemas.Section, summary="One section")
async def get_section(backends: BackendsDep, caller: Caller, section_id: PathId):
    reply = await backends.roster.get_section(caller, pb.GetSectionRequest(section_id=section_id))
    return schemas.Section.of(reply.section)


@router.get("/sections/{section_id}/students", response_model=schemas.Page[schemas.Person],
            summary="A section's students")
async def section_students(backends: BackendsDep, caller: Caller, section_id: PathId, page_size: PageSize = 0,
                           page_token: PageToken = ""):
    reply = await backends.roster.list_section_students(caller, pb.ListSectionStudentsRequest(
        section_id=section_id, page=_page(page_size, page_token)))
    return _people(reply.students, reply.next_page_token)
