"""The privacy officer's erasure pages (issue 13 §5): /privacy lists the erasures and the records past the retention
schedule, asks for an erasure with a reason (and offers a transfer package's import: web/passport_import.py);
/privacy/erasures/{id} follows one erasure's confirmations (of a whole record, one artifact, or the media alone)
and, once every service confirmed, is the printable certificate (its signed JSON downloads beside it). The roster
decides."""
from __future__ import annotations

import asyncio
import json
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from chassis.errors import InvalidArgument, NotFound
from gateway.clients.backends import BackendsDep
from gateway.i18n import N_
from gateway.routes.web.common import Viewer, field_errors, refusal
from gateway.schemas.privacy import certificate_json, erasure_json
from gateway.sessions.csrf import verify_csrf
from gateway.web.render import render
from skillfolio.roster.v1 import privacy_pb2 as ppb

router = APIRouter(include_in_schema=False)
ONLY_OFFICER = N_("Only the district's privacy officer can open this page.")
OFFICER = refusal(ONLY_OFFICER)


async def records_requests(request: Request, backends, viewer, status: int = 200, errors: dict | None = None,
                           form: dict | None = None, import_errors: dict | None = None,
                           import_form: dict | None = None):
    """The /privacy page, with a refused form's messages and values (the erasure's, or the import's)."""
    erasures, due = await asyncio.gather(
        backends.privacy.list_erasures(viewer, ppb.ListErasuresRequest(limit=100)),
        backends.privacy.list_retention_due(viewer, ppb.ListRetentionDueRequest()))
    return render(request, "privacy.html", status=status, erasures=[erasure_json(e) for e in erasures.erasures],
                  due=due.records, errors=errors or {}, form=form or {}, import_errors=import_errors or {},
                  import_form=import_form or {})


@router.get("/privacy", dependencies=[OFFICER])
async def privacy_page(request: Request, backends: BackendsDep, viewer: Viewer):
    return await records_requests(request, backends, viewer)


@router.post("/privacy/erasures", dependencies=[Depends(verify_csrf), OFFICER])
async def request_erasure(request: Request, backends: BackendsDep, viewer: Viewer,
                          student_id: Annotated[str, Form(max_length=64)] = "",
                          reason: Annotated[str, Form(max_length=2000)] = "",
                          artifact_id: Annotated[str, Form(max_length=200)] = ""):
    try:
        reply = await backends.privacy.request_erasure(viewer, ppb.RequestErasureRequest(
            student_id=student_id.strip(), reason=reason, artifact_id=artifact_of(artifact_id)))
    except InvalidArgument as refused:
        return await records_requests(request, backends, viewer, 422, field_errors(refused.problems),
                                      {"student_id": student_id, "reason": reason, "artifact_id": artifact_id})
    return RedirectResponse(f"/privacy/erasures/{reply.erasure.id}", status_code=303)


def artifact_of(given: str) -> str:
    """The artifact id in what the officer pasted: the id, or the artifact page's address the family sent."""
    given = given.strip().rstrip("/")
    return given.rsplit("/artifacts/", 1)[-1].split("?")[0].split("#")[0] if "/artifacts/" in given else given


@router.get("/privacy/erasures/{erasure_id}", dependencies=[OFFICER])
async def erasure_page(request: Request, backends: BackendsDep, viewer: Viewer, erasure_id: str):
    reply = await backends.privacy.get_erasure(viewer, ppb.GetErasureRequest(erasure_id=erasure_id[:64]))
    signed = certificate_json(reply.erasure)
    return render(request, "erasure.html", erasure=erasure_json(reply.erasure),
                  certificate=signed["certificate"] if signed else None)


@router.get("/privacy/erasures/{erasure_id}/certificate.json", dependencies=[OFFICER])
async def certificate_download(request: Request, backends: BackendsDep, viewer: Viewer, erasure_id: str):
    reply = await backends.privacy.get_erasure(viewer, ppb.GetErasureRequest(erasure_id=erasure_id[:64]))
    signed = certificate_json(reply.erasure)
    if signed is None:
        raise NotFound("the certificate is issued once every service has confirmed")
    return Response(json.dumps(signed, indent=2), media_type="application/json",
                    headers={"Content-Disposition": f'attachment; filename="erasure-{erasure_id[:64]}.json"'})
