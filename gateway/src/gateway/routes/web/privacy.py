"""A student's privacy pages: the record of disclosures (/students/{id}/disclosures: who read or changed the record,
when and through what, by date range and service, page by page) and amendment requests (/students/{id}/amendments:
each request with its decision, the author's or a privacy officer's decide form, the requester's statement of
disagreement form), and the request form under each feedback and comment of the artifact page. The services decide
who may do what; every form is a CSRF-checked POST that redirects back (bad input re-shows the page, 422)."""
from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse

from chassis.errors import Conflict, InvalidArgument
from gateway.clients.backends import BackendsDep
from gateway.i18n import N_, gettext
from gateway.routes.web.artifact import artifact_page_with
from gateway.routes.web.common import REFUSED, Viewer, refusal
from gateway.schemas import common as schemas
from gateway.schemas.disclosures import disclosure_json
from gateway.sessions.csrf import verify_csrf
from gateway.usecases import amendments, disclosures
from gateway.web.render import render
from skillfolio.roster.v1 import roster_pb2 as rpb

router = APIRouter(include_in_schema=False)
CSRF = Depends(verify_csrf)
NOT_YOURS = refusal(N_("Only the student, their guardians and a district privacy officer can read the record of "
                       "disclosures; amendments are requested by the student or a guardian and decided by the "
                       "teacher who wrote the record or a privacy officer."))
Text = Annotated[str, Form(max_length=20000)]
Id = Annotated[str, Form(max_length=64)]
SERVICE_LABELS = {"roster": N_("Classes and family"), "artifacts": N_("Artifacts"),
                  "reflections": N_("Reflections, feedback and assessments"), "notifications": N_("Notifications")}
RECORD_LABELS = {"comment": N_("Comment"), "feedback": N_("Feedback"), "assessment": N_("Assessment")}
STATUS_LABELS = {"pending": N_("Pending"), "amended": N_("Amended"), "refused": N_("Refused")}
# the texts each kind of record may be amended in, with their labels
TEXT_FIELDS = {"comment": [("body", N_("Comment"))],
               "feedback": [("can_do", N_("Can do")), ("next_steps", N_("Next steps"))],
               "assessment": [("comment", N_("Comment"))]}
DONE = {"requested": N_("Your request was sent. The teacher who wrote it, or a privacy officer, will answer."),
        "decided": N_("Your decision was saved and the requester is told."),
        "disagreement": N_("Your statement of disagreement now stands beside the record.")}


async def _student(backends, viewer, student_id: str) -> schemas.Person:
    return schemas.Person.of((await backends.roster.get_person(viewer, rpb.GetPersonRequest(
        person_id=student_id))).person)


@router.get("/students/{student_id}/disclosures", dependencies=[NOT_YOURS])
async def disclosures_page(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str,
                           from_date: Annotated[str, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = "",
                           to_date: Annotated[str, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = "",
                           service: Annotated[str, Query(max_length=32)] = "",
                           page_token: Annotated[str, Query(max_length=2048)] = ""):
    chosen = [service] if service in disclosures.SERVICES else None
    page = await disclosures.student_disclosures(backends, viewer, student_id, from_date, to_date, chosen,
                                                 page_token, 25)
    student = await _student(backends, viewer, student_id)
    return render(request, "disclosures.html", student=student, rows=[disclosure_json(d) for d in page.items],
                  next_page_token=page.next_page_token, service_labels=SERVICE_LABELS,
                  filters={"from_date": from_date, "to_date": to_date, "service": service if chosen else ""},
                  is_self=viewer.subject == student_id)


async def _amendments_page(request: Request, backends, viewer, student_id: str, status: int = 200,
                           errors: dict | None = None, values: dict | None = None, done: str = ""):
    found, student = await asyncio.gather(amendments.student_amendments(backends, viewer, student_id),
                                          _student(backends, viewer, student_id))
    return render(request, "amendments.html", status=status, student=student, items=found.amendments,
                  record_labels=RECORD_LABELS, status_labels=STATUS_LABELS, text_fields=TEXT_FIELDS,
                  errors=errors or {}, values=values or {}, notice=DONE.get(done, ""),
                  is_self=viewer.subject == student_id)


@router.get("/students/{student_id}/amendments", dependencies=[REFUSED])
async def amendments_page(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str,
                          done: Annotated[str, Query(max_length=32)] = ""):
    return await _amendments_page(request, backends, viewer, student_id, done=done)


def _errors(prefix: str, error: InvalidArgument | Conflict) -> dict[str, str]:
    fields = [p.field.split(".")[-1] for p in error.problems] or ["reason"]
    reasons = [p.reason for p in error.problems] or [error.message]
    return {f"{prefix}-{field}": f"{gettext('Please check this field')}: {reason}."
            for field, reason in zip(fields, reasons, strict=True)}


@router.post("/artifacts/{artifact_id}/amendments", dependencies=[CSRF, NOT_YOURS])
async def request_amendment(request: Request, backends: BackendsDep, viewer: Viewer, artifact_id: str,
                            record_type: Id, record_id: Id, reason: Text = ""):
    try:
        made = await amendments.request(backends, viewer, record_type, record_id, reason)
    except (InvalidArgument, Conflict) as error:
        return await artifact_page_with(request, backends, viewer, artifact_id, status=422,
                                        errors={f"amend-{record_id}-reason": _errors("x", error).popitem()[1]},
                                        form=f"amend-{record_id}", values={"reason": reason})
    return RedirectResponse(f"/students/{made.student_id}/amendments?done=requested", status_code=303)


@router.post("/amendments/{amendment_id}/decision", dependencies=[CSRF, NOT_YOURS])
async def decide(request: Request, backends: BackendsDep, viewer: Viewer, amendment_id: str, student_id: Id,
                 outcome: Id = "", reason: Text = "", body: Text = "", can_do: Text = "", next_steps: Text = "",
                 comment: Text = ""):
    texts = {name: value for name, value in (("body", body), ("can_do", can_do), ("next_steps", next_steps),
                                             ("comment", comment)) if value.strip()}
    try:
        await amendments.decide(backends, viewer, amendment_id, outcome, texts, reason)
    except (InvalidArgument, Conflict) as error:
        return await _amendments_page(request, backends, viewer, student_id, 422, _errors(amendment_id, error),
                                      {amendment_id: {"reason": reason, "outcome": outcome, **texts}})
    return RedirectResponse(f"/students/{student_id}/amendments?done=decided#amendment-{amendment_id}",
                            status_code=303)


@router.post("/amendments/{amendment_id}/disagreement", dependencies=[CSRF, NOT_YOURS])
async def disagree(request: Request, backends: BackendsDep, viewer: Viewer, amendment_id: str, student_id: Id,
                   statement: Text = ""):
    try:
        await amendments.attach_disagreement(backends, viewer, amendment_id, statement)
    except (InvalidArgument, Conflict) as error:
        return await _amendments_page(request, backends, viewer, student_id, 422, _errors(amendment_id, error),
                                      {amendment_id: {"statement": statement}})
    return RedirectResponse(f"/students/{student_id}/amendments?done=disagreement#amendment-{amendment_id}",
                            status_code=303)
