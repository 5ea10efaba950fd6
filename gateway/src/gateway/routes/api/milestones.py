"""/api/v1 milestones: types (district admins define), a student's milestones (teachers create), evidence (the
student selects), panel invitations (teachers; the guest link is in the reply once), score sheets (panellists,
panel guests included) and outcomes (teachers). The reflections service decides who may do what."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request

from chassis.context import Principal
from gateway.auth import panel_api_principal
from gateway.clients.backends import BackendsDep
from gateway.panel import guest_url, refuse_other_milestones
from gateway.routes.api.deps import ERRORS, IDEMPOTENT, Caller, rest_field_names
from gateway.schemas.goals import as_json
from gateway.schemas.milestones import (
    EvidenceSelection,
    Invitation,
    Milestone,
    Milestones,
    MilestoneType,
    MilestoneTypes,
    NewMilestone,
    NewMilestoneType,
    NewOutcome,
    NewPanellist,
    NewScoreSheet,
    ScoreSheet,
)
from gateway.usecases import milestones

router = APIRouter(prefix="/api/v1", tags=["milestones"], responses=ERRORS)
PathId = Annotated[str, Path(min_length=1, max_length=64)]
Panellist = Annotated[Principal, Depends(panel_api_principal)]
REST_NAMES = {"scores.": "scores."}


@router.get("/milestone-types", response_model=MilestoneTypes, summary="The district's milestone types")
async def list_types(request: Request, backends: BackendsDep, caller: Caller):
    return {"items": [as_json(t) for t in await milestones.list_types(backends, caller)]}


@router.post("/milestone-types", response_model=MilestoneType, status_code=201,
             dependencies=IDEMPOTENT,
             summary="Define a milestone type scored on a district rubric (district admins; a code in use: 409)")
async def define_type(request: Request, backends: BackendsDep, caller: Caller, body: NewMilestoneType):
    return as_json(await milestones.define_type(backends, caller, code=body.code,
                                                name=body.name, rubric_id=body.rubric_id,
                                                grade_levels=body.grade_levels))


@router.get("/students/{student_id}/milestones", response_model=Milestones,
            summary="A student's milestones, latest first")
async def list_milestones(request: Request, backends: BackendsDep, caller: Caller, student_id: PathId):
    found = await milestones.list_milestones(backends, caller, student_id)
    return {"items": [as_json(m) for m in found]}


@router.post("/students/{student_id}/milestones", response_model=Milestone, status_code=201,
             dependencies=IDEMPOTENT,
             summary="Plan a milestone for a student you teach now")
async def create_milestone(request: Request, backends: BackendsDep, caller: Caller, student_id: PathId,
                           body: NewMilestone):
    return as_json(await milestones.create_milestone(backends, caller, student_id,
                                                     type_id=body.type_id, title=body.title,
                                                     scheduled_on=body.scheduled_on.isoformat()))


@router.get("/milestones/{milestone_id}", response_model=Milestone,
            summary="One milestone (a panellist sees their own invitation and score sheet only)")
async def get_milestone(request: Request, backends: BackendsDep, caller: Panellist, milestone_id: PathId):
    refuse_other_milestones(caller, milestone_id)
    return as_json(await milestones.get_milestone(backends, caller, milestone_id))


@router.put("/milestones/{milestone_id}/evidence", response_model=Milestone,
            summary="Select the artifacts the milestone shows (the student; replaces the selection)")
async def select_evidence(request: Request, backends: BackendsDep, caller: Caller, milestone_id: PathId,
                          body: EvidenceSelection):
    return as_json(await milestones.select_evidence(backends, caller, milestone_id,
                                                    body.artifact_ids))


@router.post("/milestones/{milestone_id}/panellists", response_model=Invitation, status_code=201,
             summary="Invite a panellist; the reply holds their panel link, shown this once")
async def invite_panellist(request: Request, backends: BackendsDep, caller: Caller, milestone_id: PathId,
                           body: NewPanellist):
    reply = await milestones.invite_panellist(backends, caller, milestone_id,
                                              **body.model_dump())
    return {"panellist": as_json(reply.panellist), "guest_url": guest_url(request, reply.guest_url_token)}


@router.put("/milestones/{milestone_id}/score-sheet", response_model=ScoreSheet,
            summary="Score the milestone on its rubric (an invited panellist; replaces their earlier sheet)")
async def score(request: Request, backends: BackendsDep, caller: Panellist, milestone_id: PathId, body: NewScoreSheet):
    refuse_other_milestones(caller, milestone_id)
    scores = [milestones.Score(s.criterion_code, s.level_rank) for s in body.scores]
    async with rest_field_names(REST_NAMES):
        return as_json(await milestones.score(backends, caller, milestone_id, scores,
                                              body.comment))


@router.post("/milestones/{milestone_id}/outcome", response_model=Milestone,
             summary="Record the outcome (teachers): NOT_YET, APPROACHING, READY or EXCELLING; completes it")
async def record_outcome(request: Request, backends: BackendsDep, caller: Caller, milestone_id: PathId,
                         body: NewOutcome):
    return as_json(await milestones.record_outcome(backends, caller, milestone_id,
                                                   body.outcome))
