"""Rights at 18 on the web: once a student's rights over their record have passed to them, their page
(/students/{id}/guardian-access, linked from their home page) lists their guardians and lets them allow or end each
one's access. The roster decides who may (the student alone) and records, audits and publishes each change."""
from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from gateway.clients.backends import BackendsDep
from gateway.i18n import N_
from gateway.routes.web.common import REFUSED, Viewer
from gateway.sessions.csrf import verify_csrf
from gateway.web.render import render
from skillfolio.roster.v1 import rights_pb2 as pb

router = APIRouter(include_in_schema=False)
NOTICES = {"allow": N_("Access allowed: this guardian sees your record again."),
           "end": N_("Access ended: this guardian no longer sees your record.")}


@router.get("/students/{student_id}/guardian-access", dependencies=[REFUSED])
async def guardian_access_page(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str,
                               done: str = ""):
    found = await backends.rights.get_guardian_access(viewer, pb.GetGuardianAccessRequest(student_id=student_id))
    return render(request, "guardian_access.html", student_id=student_id, passed_on=found.rights_passed_on,
                  guardians=list(found.guardians), notice=NOTICES.get(done, ""))


@router.post("/students/{student_id}/guardian-access/{guardian_id}", dependencies=[Depends(verify_csrf), REFUSED])
async def set_guardian_access(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str,
                              guardian_id: str, choice: Annotated[str, Form(max_length=8)] = ""):
    await backends.rights.set_guardian_access(viewer, pb.SetGuardianAccessRequest(
        student_id=student_id, guardian_id=guardian_id, granted=choice == "allow"))
    done = "allow" if choice == "allow" else "end"
    return RedirectResponse(f"/students/{quote(student_id)}/guardian-access?done={done}", status_code=303)
