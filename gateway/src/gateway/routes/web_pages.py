"""The logged-in web pages: a home with one block per role the person holds, and a student's page."""
from __future__ import annotations

from typing import Annotated

import grpc
from fastapi import APIRouter, Depends, Request

from chassis.context import Principal
from chassis.errors import Unauthenticated
from skillfolio.roster.v1 import roster_pb2 as pb

from gateway import queries, schemas
from gateway.auth import session_principal
from gateway.web.render import render

router = APIRouter(include_in_schema=False)
ADMIN_ROLES = ("district_admin", "school_admin")


async def web_principal(request: Request) -> Principal:
    """The session's principal; without one, the error handler redirects to /login?next=<this page>."""
    principal = session_principal(request)
    if principal is None:
        raise Unauthenticated("log in to continue")
    return principal


Viewer = Annotated[Principal, Depends(web_principal)]


async def _person(request: Request, person_id: str, viewer: Principal) -> pb.Person:
    reply = await request.app.state.backends.roster.call("GetPerson", pb.GetPersonRequest(person_id=person_id),
                                                         viewer)
    return reply.person


async def _school_name(request: Request, school_id: str, viewer: Principal) -> str:
    if not school_id:
        return ""
    reply = await request.app.state.backends.roster.call("GetSchool", pb.GetSchoolRequest(school_id=school_id),
                                                         viewer)
    return reply.school.name


@router.get("/")
async def home(request: Request, viewer: Viewer):
    roster = request.app.state.backends.roster
    me = await _person(request, viewer.subject, viewer)
    blocks: dict = {}
    if any(viewer.has_role(role) for role in ADMIN_ROLES):
        blocks["admin"] = await queries.school_counts(roster, viewer, me)
    if viewer.has_role("teacher"):
        blocks["teacher"] = await queries.students_by_section(roster, viewer, viewer.subject, page_size=100)
    if viewer.has_role("guardian"):
        children = await queries.collect(roster, "ListChildren", lambda p: pb.ListChildrenRequest(
            guardian_id=viewer.subject, page=p), "children", viewer)
        blocks["guardian"] = [schemas.Person.of(c) for c in children]
    if viewer.has_role("student"):
        blocks["student"] = {"school": await _school_name(request, me.primary_school_id, viewer)}
    return render(request, "home.html", me=schemas.Person.of(me), blocks=blocks,
                  district=viewer.has_role("district_admin"))


@router.get("/students/{student_id}")
async def student_page(request: Request, viewer: Viewer, student_id: str):
    """A student's page; the portfolio work fills it with artifacts. The roster decides who may open it."""
    student = await _person(request, student_id, viewer)
    school = await _school_name(request, student.primary_school_id, viewer)
    try:
        guardians = await queries.collect(request.app.state.backends.roster, "ListGuardians",
                                          lambda p: pb.ListGuardiansRequest(student_id=student_id, page=p),
                                          "guardians", viewer)
    except grpc.aio.AioRpcError as error:
        if error.code() != grpc.StatusCode.PERMISSION_DENIED:   # a guardian may not list co-guardians
            raise
        guardians = None
    return render(request, "student.html", student=schemas.Person.of(student), school=school,
                  guardians=[schemas.Person.of(g) for g in guardians] if guardians is not None else None)
