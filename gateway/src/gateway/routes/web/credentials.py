"""A student's badges on the web (/students/{id}/badges): each Open Badges 3.0 credential with its criteria and
whether it is revoked, downloadable as its signed VC-JWT, and the student's CLR. The student, their guardians and
current teachers read them; the reflections service decides."""
from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request
from fastapi.responses import Response

from chassis.errors import Conflict, NotFound
from gateway.clients.backends import BackendsDep
from gateway.routes.web.common import REFUSED, Viewer
from gateway.schemas import common as schemas
from gateway.usecases import credentials
from gateway.web.render import render
from skillfolio.roster.v1 import roster_pb2 as rpb

router = APIRouter(include_in_schema=False)
JWT = "application/vc+jwt"


def _download(token: str, name: str) -> Response:
    return Response(token, media_type=JWT, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/students/{student_id}/badges", dependencies=[REFUSED])
async def badges_page(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str):
    found, student = await asyncio.gather(
        credentials.student_credentials(backends, viewer, student_id),
        backends.roster.get_person(viewer, rpb.GetPersonRequest(person_id=student_id)))
    badges = [{**item, "criteria": item["credential"].get("credentialSubject", {}).get("achievement", {})
               .get("criteria", {}).get("narrative", "")} for item in found["items"]]
    return render(request, "badges.html", student=schemas.Person.of(student.person), badges=badges,
                  has_live=any(not b["revoked"] for b in badges), is_self=viewer.subject == student_id)


@router.get("/students/{student_id}/badges/{credential_id}.jwt", dependencies=[REFUSED])
async def badge_download(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str,
                         credential_id: str):
    found = await credentials.student_credentials(backends, viewer, student_id)
    for item in found["items"]:
        if item["id"] == credential_id:
            return _download(item["jwt"], f"badge-{credential_id}.jwt")
    raise NotFound("no such badge")


@router.get("/students/{student_id}/clr.jwt", dependencies=[REFUSED])
async def clr_download(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str):
    try:
        found = await credentials.clr(backends, viewer, student_id)
    except Conflict:
        raise NotFound("no badge yet") from None
    return _download(found["jwt"], f"clr-{student_id}.jwt")
