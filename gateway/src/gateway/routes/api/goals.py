"""/api/v1 goals: a student's goals (list, set), one goal (read, change, link evidence, close). The reflections
service decides who may do what (the student changes; their teachers and guardians read)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from chassis.errors import FieldProblem, InvalidArgument
from gateway.clients.backends import BackendsDep
from gateway.routes.api.deps import ERRORS, IDEMPOTENT, Caller, rest_field_names
from gateway.schemas.goals import Closing, Evidence, Goal, GoalChanges, Goals, NewGoal, as_json
from gateway.usecases import goals

router = APIRouter(prefix="/api/v1", tags=["goals"], responses=ERRORS)
PathId = Annotated[str, Path(min_length=1, max_length=64)]
REST_NAMES = {"skill_ids.ids": "skill_ids"}


@router.get("/students/{student_id}/goals", response_model=Goals, summary="A student's goals, newest first")
async def list_goals(request: Request, backends: BackendsDep, caller: Caller, student_id: PathId):
    async with rest_field_names(REST_NAMES):
        found = await goals.list_goals(backends, caller, student_id)
    return {"items": [as_json(g) for g in found]}


@router.post("/students/{student_id}/goals", response_model=Goal, status_code=201,
             dependencies=IDEMPOTENT,
             summary="Set a goal (the student): a title, the skills it is about and its success criteria")
async def set_goal(request: Request, backends: BackendsDep, caller: Caller, student_id: PathId, body: NewGoal):
    async with rest_field_names(REST_NAMES):
        return as_json(await goals.set_goal(backends, caller, student_id, title=body.title,
                                            skill_ids=body.skill_ids, success_criteria=body.success_criteria))


@router.get("/goals/{goal_id}", response_model=Goal, summary="One goal")
async def get_goal(request: Request, backends: BackendsDep, caller: Caller, goal_id: PathId):
    async with rest_field_names(REST_NAMES):
        return as_json(await goals.get_goal(backends, caller, goal_id))


@router.patch("/goals/{goal_id}", response_model=Goal,
              summary="Change an active goal's title, success criteria or skills (only the fields sent)")
async def update_goal(request: Request, backends: BackendsDep, caller: Caller, goal_id: PathId, body: GoalChanges):
    changes = body.model_dump(include=body.model_fields_set)
    if not changes:
        raise InvalidArgument("send at least one field to change", [
            FieldProblem("body", f"name one of {', '.join(GoalChanges.model_fields)}")])
    async with rest_field_names(REST_NAMES):
        return as_json(await goals.update_goal(backends, caller, goal_id, **changes))


@router.post("/goals/{goal_id}/evidence", response_model=Goal,
             summary="Link artifacts of the student's portfolio to the goal as evidence (or unlink them)")
async def link_evidence(request: Request, backends: BackendsDep, caller: Caller, goal_id: PathId, body: Evidence):
    async with rest_field_names(REST_NAMES):
        return as_json(await goals.link_evidence(backends, caller, goal_id,
                                                 artifact_ids=body.artifact_ids,
                                                 unlink_artifact_ids=body.unlink_artifact_ids))


@router.post("/goals/{goal_id}/close", response_model=Goal,
             summary="Close a goal as achieved, not achieved or withdrawn, with a closing reflection")
async def close_goal(request: Request, backends: BackendsDep, caller: Caller, goal_id: PathId, body: Closing):
    async with rest_field_names(REST_NAMES):
        return as_json(await goals.close_goal(backends, caller, goal_id, status=body.status,
                                              closing_reflection=body.closing_reflection))
