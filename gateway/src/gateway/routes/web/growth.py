"""A student's growth on the web (/students/{id}/growth): per skill, a server-drawn SVG chart over school years
(bars: artifacts tagged; dots and line: assessed levels over time; each links to its evidence). Data from the
assessments service's GetGrowth, which decides who may see it (the student, their teachers and guardians)."""
from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request

from gateway.clients.backends import BackendsDep
from gateway.routes.web.common import REFUSED, Viewer
from gateway.schemas import common as schemas
from gateway.usecases import growth
from gateway.web.render import render
from skillfolio.roster.v1 import roster_pb2 as rpb

router = APIRouter(include_in_schema=False)


@router.get("/students/{student_id}/growth", dependencies=[REFUSED])
async def growth_page(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str):
    reply, student = await asyncio.gather(
        growth.get_growth(backends, viewer, student_id),
        backends.roster.get_person(viewer, rpb.GetPersonRequest(person_id=student_id)))
    person = student.person
    charts = await growth.student_growth(backends, viewer, reply, person.primary_school_id)
    return render(request, "growth.html", student=schemas.Person.of(person), is_self=viewer.subject == student_id,
                  charts=charts, chips={c.chip.id: c.chip for c in charts})
