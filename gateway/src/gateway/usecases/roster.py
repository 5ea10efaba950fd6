"""Roster reads the web pages and the API share: whole lists, a teacher's current students by section."""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from chassis.context import Principal
from chassis.errors import PermissionDenied
from gateway.clients.roster import RosterClient
from gateway.schemas import common as schemas
from skillfolio.roster.v1 import roster_pb2

MAX_PAGE = 1000
CONCURRENCY = 8


def page_request(page_size: int = 0, page_token: str = "") -> roster_pb2.PageRequest:
    return roster_pb2.PageRequest(page_size=page_size, page_token=page_token)


async def collect(list_page: Callable[[roster_pb2.PageRequest], Awaitable[Any]], field: str) -> list:
    """Every item of a paginated list RPC (``list_page(page)`` answers one page), following next_page_token."""
    items, token = [], ""
    while True:
        reply = await list_page(page_request(MAX_PAGE, token))
        items.extend(getattr(reply, field))
        token = reply.next_page_token
        if not token:
            return items


async def school_calendar(roster: RosterClient, principal: Principal) -> roster_pb2.GetSchoolCalendarResponse:
    """The viewer's district's school calendar: its active school years and the current one, as the roster
    decides them (the only place that does)."""
    return await roster.get_school_calendar(principal, roster_pb2.GetSchoolCalendarRequest())


async def _current_roster(roster: RosterClient, principal: Principal, section: roster_pb2.Section,
                          current_ids: set[str]) -> list[roster_pb2.Person]:
    try:
        students = await collect(lambda p: roster.list_section_students(
            principal, roster_pb2.ListSectionStudentsRequest(section_id=section.id, page=p)), "students")
    except PermissionDenied:
        # The roster only shows a section's students to a teacher who teaches it today: a section of this
        # school year whose term is over (or not started) is not "current", so it is left out, not an error.
        return []
    return [s for s in students if s.id in current_ids]


async def students_by_section(roster: RosterClient, principal: Principal, teacher_id: str,
                              page_size: int = 0, page_token: str = "") -> schemas.Page[schemas.SectionStudents]:
    """A page of the teacher's sections this school year, each with the students the teacher teaches today.

    "Today" and "this school year" are the roster's (the viewer's district's calendar). Sections without a current
    student (a finished term) are left out of the page.
    """
    current = await collect(lambda p: roster.list_current_students(
        principal, roster_pb2.ListCurrentStudentsRequest(teacher_id=teacher_id, page=p)), "students")
    current_ids = {s.id for s in current}
    year_id = (await school_calendar(roster, principal)).current_school_year.id
    reply = await roster.list_sections(principal, roster_pb2.ListSectionsRequest(
        teacher_id=teacher_id, school_year_id=year_id, page=page_request(page_size, page_token)))
    limit = asyncio.Semaphore(CONCURRENCY)

    async def one(section):
        async with limit:
            return section, await _current_roster(roster, principal, section, current_ids)

    groups = await asyncio.gather(*(one(section) for section in reply.sections)) if current_ids else []
    items = [schemas.SectionStudents(section=schemas.Section.of(section),
                                     students=[schemas.Person.of(s) for s in sorted(
                                         students, key=lambda p: (p.family_name, p.given_name))])
             for section, students in groups if students]
    return schemas.Page[schemas.SectionStudents](items=items, next_page_token=reply.next_page_token)
