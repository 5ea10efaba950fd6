"""/api/v1 roster reads: the caller's bearer principal is forwarded; the roster service decides who sees what."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request

from skillfolio.roster.v1 import roster_pb2 as pb

from gateway.usecases import roster as queries
from gateway.schemas import common as schemas
from gateway.routes.api.deps import ERRORS, Caller, PageSize, PageToken, PathId

router = APIRouter(prefix="/api/v1", tags=["roster"], responses=ERRORS)
ROLE_FILTER = {"student": pb.ROLE_STUDENT, "teacher": pb.ROLE_TEACHER, "guardian": pb.ROLE_GUARDIAN,
               "school_admin": pb.ROLE_SCHOOL_ADMIN, "district_admin": pb.ROLE_DISTRICT_ADMIN}


def _page(page_size: int, page_token: str) -> pb.PageRequest:
    return queries.page_request(page_size, page_token)


async def _call(request: Request, method: str, message, principal: Principal):
    return await request.app.state.backends.roster.call(method, message, principal)


@router.get("/me", response_model=schemas.Person, summary="The logged-in person")
async def me(request: Request, caller: Caller):
    reply = await _call(request, "GetPerson", pb.GetPersonRequest(person_id=caller.subject), caller)
    return schemas.Person.of(reply.person)


@router.get("/schools", response_model=schemas.Page[schemas.School], summary="Schools of the district")
async def list_schools(request: Request, caller: Caller, page_size: PageSize = 0, page_token: PageToken = ""):
    reply = await _call(request, "ListSchools", pb.ListSchoolsRequest(page=_page(page_size, page_token)), caller)
    return schemas.Page[schemas.School](items=[schemas.School.of(s) for s in reply.schools],
                                        next_page_token=reply.next_page_token)


@router.get("/schools/{school_id}", response_model=schemas.School, summary="One school")
async def get_school(request: Request, caller: Caller, school_id: PathId):
    reply = await _call(request, "GetSchool", pb.GetSchoolRequest(school_id=school_id), caller)
    return schemas.School.of(reply.school)


@router.get("/school-years", response_model=schemas.Page[schemas.SchoolYear], summary="School years")
async def list_school_years(request: Request, caller: Caller, page_size: PageSize = 0, page_token: PageToken = ""):
    reply = await _call(request, "ListSchoolYears", pb.ListSchoolYearsRequest(page=_page(page_size, page_token)),
                        caller)
    return schemas.Page[schemas.SchoolYear](items=[schemas.SchoolYear.of(y) for y in reply.school_years],
                                            next_page_token=reply.next_page_token)


@router.get("/people", response_model=schemas.Page[schemas.Person], summary="People, filtered (admins)")
async def list_people(request: Request, caller: Caller, page_size: PageSize = 0, page_token: PageToken = "",
                      school_id: str = "", role: Literal[tuple(ROLE_FILTER)] | None = None, grade_level: str = ""):
    message = pb.ListPeopleRequest(page=_page(page_size, page_token), school_id=school_id,
                                   role=ROLE_FILTER.get(role or "", pb.ROLE_UNSPECIFIED), grade_level=grade_level)
    reply = await _call(request, "ListPeople", message, caller)
    return _people(reply.people, reply.next_page_token)


def _people(people, next_page_token: str) -> schemas.Page[schemas.Person]:
    return schemas.Page[schemas.Person](items=[schemas.Person.of(p) for p in people], next_page_token=next_page_token)


@router.get("/people/{person_id}", response_model=schemas.Person, summary="One person")
async def get_person(request: Request, caller: Caller, person_id: PathId):
    reply = await _call(request, "GetPerson", pb.GetPersonRequest(person_id=person_id), caller)
    return schemas.Person.of(reply.person)


@router.get("/people/{student_id}/guardians", response_model=schemas.Page[schemas.Person],
            summary="A student's guardians")
async def list_guardians(request: Request, caller: Caller, student_id: PathId, page_size: PageSize = 0,
                         page_token: PageToken = ""):
    reply = await _call(request, "ListGuardians", pb.ListGuardiansRequest(
        student_id=student_id, page=_page(page_size, page_token)), caller)
    return _people(reply.guardians, reply.next_page_token)


@router.get("/people/{guardian_id}/children", response_model=schemas.Page[schemas.Person],
            summary="A guardian's children")
async def list_children(request: Request, caller: Caller, guardian_id: PathId, page_size: PageSize = 0,
                        page_token: PageToken = ""):
    reply = await _call(request, "ListChildren", pb.ListChildrenRequest(
        guardian_id=guardian_id, page=_page(page_size, page_token)), caller)
    return _people(reply.children, reply.next_page_token)


@router.get("/teachers/{teacher_id}/students", response_model=schemas.Page[schemas.SectionStudents],
            summary="The students a teacher teaches today, grouped by section (paginated by section)")
async def teacher_students(request: Request, caller: Caller, teacher_id: PathId, page_size: PageSize = 0,
                           page_token: PageToken = ""):
    return await queries.students_by_section(request.app.state.backends.roster, caller, teacher_id,
                                             page_size, page_token)


@router.get("/sections", response_model=schemas.Page[schemas.Section], summary="Sections, filtered")
async def list_sections(request: Request, caller: Caller, page_size: PageSize = 0, page_token: PageToken = "",
                        school_id: str = "", teacher_id: str = "", school_year_id: str = ""):
    reply = await _call(request, "ListSections", pb.ListSectionsRequest(
        page=_page(page_size, page_token), school_id=school_id, teacher_id=teacher_id,
        school_year_id=school_year_id), caller)
    return schemas.Page[schemas.Section](items=[schemas.Section.of(s) for s in reply.sections],
                                         next_page_token=reply.next_page_token)


@router.get("/sections/{section_id}", response_model=schemas.Section, summary="One section")
async def get_section(request: Request, caller: Caller, section_id: PathId):
    reply = await _call(request, "GetSection", pb.GetSectionRequest(section_id=section_id), caller)
    return schemas.Section.of(reply.section)


@router.get("/sections/{section_id}/students", response_model=schemas.Page[schemas.Person],
            summary="A section's students")
async def section_students(request: Request, caller: Caller, section_id: PathId, page_size: PageSize = 0,
                           page_token: PageToken = ""):
    reply = await _call(request, "ListSectionStudents", pb.ListSectionStudentsRequest(
        section_id=section_id, page=_page(page_size, page_token)), caller)
    return _people(reply.students, reply.next_page_token)
