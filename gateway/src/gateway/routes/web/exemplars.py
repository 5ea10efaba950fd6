"""Exemplars on the web: a teacher nominates an artifact from its page (with a caption that does not name the
student); the student and their guardians see the nominations of the student's work (/students/{id}/exemplars) and
give, decline or withdraw consent. The reflections service decides who may do what and records the consent."""
from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from chassis.errors import Conflict, InvalidArgument
from gateway.clients.backends import BackendsDep
from gateway.i18n import N_
from gateway.routes.web.common import REFUSED, Viewer
from gateway.schemas import common as schemas
from gateway.sessions.csrf import verify_csrf
from gateway.web.render import render
from skillfolio.reflections.v1 import calibration_pb2 as pb
from skillfolio.roster.v1 import roster_pb2 as rpb

router = APIRouter(include_in_schema=False)
CONTROLS = {"level_rank": "level", "criterion_code": "level", "caption": "caption"}   # field -> the form's control
STATUS_LABELS = {"awaiting_consent": N_("Waiting for consent"), "active": N_("Shared as an exemplar"),
                 "declined": N_("Declined"), "withdrawn": N_("Withdrawn")}
NOTICES = {"give": N_("Thank you: the work is shared as an exemplar, without the student's name."),
           "decline": N_("Declined: the work is not shared."), "withdraw": N_("Withdrawn: the work is no longer "
                                                                              "shared."),
           "nominated": N_("Nominated: the student or a guardian is asked for consent.")}


@router.get("/students/{student_id}/exemplars", dependencies=[REFUSED])
async def nominations_page(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str, done: str = ""):
    found = await backends.calibration.list_student_exemplars(viewer, pb.ListStudentExemplarsRequest(
        student_id=student_id))
    student = (await backends.roster.get_person(viewer, rpb.GetPersonRequest(person_id=student_id))).person
    can_consent = viewer.subject == student_id or viewer.has_role("guardian")
    return render(request, "exemplar_consent.html", student=schemas.Person.of(student),
                  nominations=list(found.nominations), statuses=STATUS_LABELS, can_consent=can_consent,
                  notice=NOTICES.get(done, ""))


@router.post("/exemplars/{exemplar_id}/consent", dependencies=[Depends(verify_csrf), REFUSED])
async def consent(request: Request, backends: BackendsDep, viewer: Viewer, exemplar_id: str,
                  choice: Annotated[str, Form(max_length=16)] = "", student_id: Annotated[str, Form(max_length=64)] = ""):
    await backends.calibration.consent_exemplar(viewer, pb.ConsentExemplarRequest(exemplar_id=exemplar_id,
                                                                                  choice=choice))
    return RedirectResponse(f"/students/{quote(student_id)}/exemplars?done={quote(choice)}", status_code=303)


@router.post("/artifacts/{artifact_id}/exemplar", dependencies=[Depends(verify_csrf), REFUSED])
async def nominate(request: Request, backends: BackendsDep, viewer: Viewer, artifact_id: str,
                   skill_id: Annotated[str, Form(max_length=64)] = "", level_rank: Annotated[str, Form()] = "",
                   caption: Annotated[str, Form(max_length=2000)] = "",
                   student_id: Annotated[str, Form(max_length=64)] = ""):
    from gateway.routes.web.artifact import artifact_page_with  # the artifact page, re-shown with the errors

    try:
        await backends.calibration.nominate_exemplar(viewer, pb.NominateExemplarRequest(
            artifact_id=artifact_id, skill_id=skill_id, level_rank=int(level_rank) if level_rank.isdigit() else 0,
            caption=caption))
    except (InvalidArgument, Conflict) as refused:
        errors = {f"exemplar-{skill_id}-{CONTROLS.get(p.field, 'caption')}": p.reason for p in refused.problems}
        return await artifact_page_with(request, backends, viewer, artifact_id, status=422,
                                        errors=errors or {f"exemplar-{skill_id}-caption": refused.message},
                                        form=f"exemplar-{skill_id}", values={"caption": caption,
                                                                             "level_rank": level_rank})
    return RedirectResponse(f"/students/{quote(student_id)}/exemplars?done=nominated", status_code=303)
