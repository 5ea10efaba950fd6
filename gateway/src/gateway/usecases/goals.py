"""Goal use cases the goals page and the REST API share: one GoalsService call each, made as the caller's
principal (the reflections service decides who may set, change, link evidence to, close or read a goal)."""
from __future__ import annotations

from collections.abc import Iterable

from chassis.context import Principal
from gateway.clients.backends import Backends
from gateway.i18n import N_
from skillfolio.reflections.v1 import goals_pb2 as gpb

CLOSING_STATUSES = ("achieved", "not_achieved", "withdrawn")
STATUS_LABELS = {"active": N_("Active"), "achieved": N_("Achieved"), "not_achieved": N_("Not achieved"),
                 "withdrawn": N_("Withdrawn")}      # marked, in English; pages translate them


async def student_goals(backends: Backends, principal: Principal, student_id: str) -> gpb.ListGoalsResponse:
    """The student's goals, newest first, and what the caller may do with them (``viewer_can``)."""
    return await backends.goals.list_goals(principal, gpb.ListGoalsRequest(student_id=student_id))


async def list_goals(backends: Backends, principal: Principal, student_id: str) -> list[gpb.Goal]:
    """The student's goals, newest first."""
    return list((await student_goals(backends, principal, student_id)).goals)


async def get_goal(backends: Backends, principal: Principal, goal_id: str) -> gpb.Goal:
    return (await backends.goals.get_goal(principal, gpb.GetGoalRequest(goal_id=goal_id))).goal


async def set_goal(backends: Backends, principal: Principal, student_id: str, *, title: str,
                   skill_ids: Iterable[str], success_criteria: str) -> gpb.Goal:
    reply = await backends.goals.set_goal(principal, gpb.SetGoalRequest(
        student_id=student_id, title=title, skill_ids=list(skill_ids), success_criteria=success_criteria))
    return reply.goal


async def update_goal(backends: Backends, principal: Principal, goal_id: str, *, title: str | None = None,
                      success_criteria: str | None = None, skill_ids: Iterable[str] | None = None) -> gpb.Goal:
    """Change only the fields given (None leaves a field as it is)."""
    request = gpb.UpdateGoalRequest(goal_id=goal_id, title=title, success_criteria=success_criteria)
    if skill_ids is not None:
        request.skill_ids.ids.extend(skill_ids)
        request.skill_ids.SetInParent()
    return (await backends.goals.update_goal(principal, request)).goal


async def link_evidence(backends: Backends, principal: Principal, goal_id: str, *, artifact_ids: Iterable[str] = (),
                        unlink_artifact_ids: Iterable[str] = ()) -> gpb.Goal:
    reply = await backends.goals.link_evidence(principal, gpb.LinkEvidenceRequest(
        goal_id=goal_id, artifact_ids=list(artifact_ids), unlink_artifact_ids=list(unlink_artifact_ids)))
    return reply.goal


async def close_goal(backends: Backends, principal: Principal, goal_id: str, *, status: str,
                     closing_reflection: str) -> gpb.Goal:
    reply = await backends.goals.close_goal(principal, gpb.CloseGoalRequest(
        goal_id=goal_id, status=status, closing_reflection=closing_reflection))
    return reply.goal
