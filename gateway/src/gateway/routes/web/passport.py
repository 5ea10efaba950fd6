"""The digital passport on the web (/students/{id}/passport): a page that downloads the student's whole record as a
zip, showing progress (passport.js reads the REST stream) and offering the file when it is ready; without
JavaScript the form posts here and the browser downloads the same stream. The owning services decide who may."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request

from chassis.access import Role
from chassis.records_request import MAX_REASON
from gateway.clients.backends import BackendsDep
from gateway.passport.export import open_passport
from gateway.routes.api.passport import streamed
from gateway.routes.web.common import REFUSED, Viewer
from gateway.sessions.csrf import verify_csrf
from gateway.web.render import render

router = APIRouter(include_in_schema=False)


@router.get("/students/{student_id}/passport", dependencies=[REFUSED])
async def passport_page(request: Request, viewer: Viewer, student_id: str):
    return render(request, "passport.html", student_id=student_id, is_self=viewer.subject == student_id,
                  asks_reason=viewer.has_role(Role.PRIVACY_OFFICER), max_reason=MAX_REASON)


@router.post("/students/{student_id}/passport", dependencies=[REFUSED, Depends(verify_csrf)])
async def passport_download(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str,
                            reason: Annotated[str, Form(max_length=MAX_REASON)] = ""):
    return streamed(await open_passport(backends, viewer, student_id, reason), request)
