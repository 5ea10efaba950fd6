"""/api/v1 showcases: a student's showcases (list, create), one showcase (read, replace, delete) and its external
links (create, revoke). The artifacts service decides who may curate, share or view."""
from __future__ import annotations

from fastapi import APIRouter, Request, Response

from gateway.clients.backends import BackendsDep
from gateway.routes.api.deps import ERRORS, IDEMPOTENT, Caller, PathId, rest_field_names
from gateway.schemas.goals import as_json
from gateway.schemas.showcases import CreatedLink, NewLink, Showcase, ShowcaseBody, ShowcaseLink, Showcases
from gateway.usecases import showcases

router = APIRouter(prefix="/api/v1", tags=["showcases"], responses=ERRORS)
REST_NAMES: dict[str, str] = {}


def _fields(body: ShowcaseBody):
    return showcases.fields(**body.model_dump())


@router.get("/students/{student_id}/showcases", response_model=Showcases, summary="A student's showcases")
async def list_showcases(request: Request, backends: BackendsDep, caller: Caller, student_id: PathId):
    async with rest_field_names(REST_NAMES):
        found = await showcases.student_showcases(backends, caller, student_id)
    return {"items": [as_json(s) for s in found.showcases], "can_curate": found.can_curate}


@router.post("/students/{student_id}/showcases", response_model=Showcase, status_code=201, dependencies=IDEMPOTENT,
             summary="Curate a showcase: a title, an introduction, an audience and an ordered selection of the "
                     "student's own artifacts (the student or a current teacher)")
async def create_showcase(request: Request, backends: BackendsDep, caller: Caller, student_id: PathId,
                          body: ShowcaseBody):
    async with rest_field_names(REST_NAMES):
        return as_json(await showcases.create_showcase(backends, caller, student_id, _fields(body)))


@router.get("/showcases/{showcase_id}", response_model=Showcase, summary="One showcase with its artifacts")
async def get_showcase(request: Request, backends: BackendsDep, caller: Caller, showcase_id: PathId):
    async with rest_field_names(REST_NAMES):
        return as_json(await showcases.get_showcase(backends, caller, showcase_id))


@router.put("/showcases/{showcase_id}", response_model=Showcase,
            summary="Replace a showcase's fields, its sharing and its ordered selection")
async def update_showcase(request: Request, backends: BackendsDep, caller: Caller, showcase_id: PathId,
                          body: ShowcaseBody):
    async with rest_field_names(REST_NAMES):
        return as_json(await showcases.update_showcase(backends, caller, showcase_id, _fields(body)))


@router.delete("/showcases/{showcase_id}", status_code=204, response_class=Response,
               summary="Delete a showcase (its external links stop working)")
async def delete_showcase(request: Request, backends: BackendsDep, caller: Caller, showcase_id: PathId):
    async with rest_field_names(REST_NAMES):
        await showcases.delete_showcase(backends, caller, showcase_id)
    return Response(status_code=204)


@router.post("/showcases/{showcase_id}/links", response_model=CreatedLink, status_code=201,
             summary="Make an expiring external link that shows this showcase only (its URL is shown once)")
async def create_link(request: Request, backends: BackendsDep, caller: Caller, showcase_id: PathId,
                      body: NewLink):
    async with rest_field_names(REST_NAMES):
        made = await showcases.create_link(backends, caller, showcase_id, body.valid_days)
    return {"link": as_json(made.link), "url": showcases.link_url(request, made.token)}


@router.post("/showcases/{showcase_id}/links/{link_id}/revoke", response_model=ShowcaseLink,
             summary="Revoke an external link at once")
async def revoke_link(request: Request, backends: BackendsDep, caller: Caller, showcase_id: PathId,
                      link_id: PathId):
    async with rest_field_names(REST_NAMES):
        return as_json(await showcases.revoke_link(backends, caller, showcase_id, link_id))
