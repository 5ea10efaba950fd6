"""Class-wide capture on the web (/sections/{id}/capture): one file for many of the section's students, or many files
matched to students by name; progress per student; an unfinished upload resumes (static/capture.js). The artifacts
service decides who may open it (ListCaptures answers only a current teacher of the section)."""
from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request

from gateway.clients.backends import BackendsDep
from gateway.i18n import N_
from gateway.routes.web.common import Viewer, refusal
from gateway.usecases import portfolio
from gateway.usecases import roster as queries
from gateway.web import views
from gateway.web.render import render
from skillfolio.artifacts.v1 import capture_pb2 as cpb
from skillfolio.roster.v1 import roster_pb2 as rpb

router = APIRouter(include_in_schema=False)
NOT_YOURS = refusal(N_("Only a teacher who teaches this section now can add evidence for its students."))
KINDS = (("image", N_("Image")), ("document", N_("Document")), ("video", N_("Video")), ("audio", N_("Audio")),
         ("other", N_("Other file")))


@router.get("/sections/{section_id}/capture", dependencies=[NOT_YOURS])
async def capture_page(request: Request, backends: BackendsDep, viewer: Viewer, section_id: str):
    recent = await backends.capture.list_captures(viewer, cpb.ListCapturesRequest(section_id=section_id))
    section_reply, students = await asyncio.gather(
        backends.roster.get_section(viewer, rpb.GetSectionRequest(section_id=section_id)),
        queries.collect(lambda p: backends.roster.list_section_students(
            viewer, rpb.ListSectionStudentsRequest(section_id=section_id, page=p)), "students"))
    section = section_reply.section
    skills = await portfolio.effective_skills(backends, viewer, section.school_id, include_retired=False)
    people = sorted(students, key=lambda p: (p.family_name.lower(), p.given_name.lower(), p.id))
    names = {p.id: f"{p.given_name} {p.family_name}".strip() or p.id for p in people}
    return render(request, "capture.html", section=section, students=people, names=names, skills=skills,
                  chips=views.palette(skills), kinds=KINDS, captures=list(recent.captures))
