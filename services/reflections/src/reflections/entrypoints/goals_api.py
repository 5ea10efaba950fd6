"""GoalsServicer (thin: proto <-> GoalUseCases), served by the reflections API next to ReflectionsService."""
from __future__ import annotations

import datetime as dt

import grpc

from chassis.access import current_viewer
from chassis.idempotency import idempotent
from reflections.domain.access import Viewer
from reflections.domain.goals import Goal, GoalChange
from reflections.domain.panel_access import GoalAction
from reflections.service_layer.goals import GoalUseCases
from skillfolio.reflections.v1 import goals_pb2 as pb
from skillfolio.reflections.v1 import goals_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["GoalsService"].full_name


def _iso(moment: dt.datetime | None) -> str:
    return moment.astimezone(dt.UTC).isoformat() if moment else ""


def goal_message(goal: Goal) -> pb.Goal:
    return pb.Goal(id=goal.id, student_id=goal.student_id, title=goal.title, success_criteria=goal.success_criteria,
                   skill_ids=list(goal.skill_ids), evidence_artifact_ids=list(goal.evidence_artifact_ids),
                   status=goal.status, closing_reflection=goal.closing_reflection,
                   created_at=_iso(goal.created_at), updated_at=_iso(goal.updated_at), closed_at=_iso(goal.closed_at))


def _viewer() -> Viewer:
    return current_viewer(Viewer)


class GoalsServicer(goals_pb2_grpc.GoalsServiceServicer):
    def __init__(self, goals: GoalUseCases) -> None:
        self.goals = goals

    def SetGoal(self, request, context):
        return idempotent(self.goals.uow_factory, request, pb.SetGoalResponse,
                          lambda goal: pb.SetGoalResponse(goal=goal_message(goal)),
                          lambda: self.goals.set_goal(_viewer(), request.student_id, request.title,
                                                      list(request.skill_ids), request.success_criteria))

    def UpdateGoal(self, request, context):
        change = GoalChange(title=request.title if request.HasField("title") else None,
                            success_criteria=request.success_criteria if request.HasField("success_criteria")
                            else None,
                            skill_ids=list(request.skill_ids.ids) if request.HasField("skill_ids") else None)
        return pb.UpdateGoalResponse(goal=goal_message(self.goals.update_goal(_viewer(), request.goal_id, change)))

    def LinkEvidence(self, request, context):
        return pb.LinkEvidenceResponse(goal=goal_message(self.goals.link_evidence(
            _viewer(), request.goal_id, list(request.artifact_ids), list(request.unlink_artifact_ids))))

    def CloseGoal(self, request, context):
        return pb.CloseGoalResponse(goal=goal_message(self.goals.close_goal(
            _viewer(), request.goal_id, request.status, request.closing_reflection)))

    def ListGoals(self, request, context):
        found = self.goals.list_goals(_viewer(), request.student_id)
        return pb.ListGoalsResponse(goals=[goal_message(g) for g in found.goals],
                                    viewer_can=pb.GoalsViewerCan(write=GoalAction.WRITE in found.can))

    def GetGoal(self, request, context):
        return pb.GetGoalResponse(goal=goal_message(self.goals.get_goal(_viewer(), request.goal_id)))


def register(goals: GoalUseCases):
    def add(server: grpc.Server) -> None:
        goals_pb2_grpc.add_GoalsServiceServicer_to_server(GoalsServicer(goals), server)
    return add
