"""The skills gRPC API: SkillsServicer (thin: proto <-> service layer) and ``serve(settings)`` on the chassis
server (signed principals, health, reflection, metrics, DomainError -> status). Every RPC needs a principal."""
from __future__ import annotations

import grpc

from chassis.access import current_viewer
from chassis.config import PlatformSettings, ServiceSettings
from chassis.grpc import server as chassis_server
from chassis.grpc.admission import Admission, refuse_inactive
from skillfolio.skills.v1 import skills_pb2 as pb
from skillfolio.skills.v1 import skills_pb2_grpc
from skills.adapters.orm import people
from skills.bootstrap import SkillsApp, build
from skills.domain.access import Viewer
from skills.entrypoints import grpc_messages as msg

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["SkillsService"].full_name


def _viewer() -> Viewer | None:
    return current_viewer(Viewer)


class SkillsServicer(skills_pb2_grpc.SkillsServiceServicer):
    """Every SkillsService RPC; the principal comes from the chassis interceptor."""

    def __init__(self, app: SkillsApp) -> None:
        self.commands = app.commands
        self.queries = app.queries

    def DefineFramework(self, request, context):
        fw = self.commands.define_framework(_viewer(), request.district_id, request.school_id, request.name,
                                            msg.bands(request.grade_bands))
        return pb.DefineFrameworkResponse(framework=msg.framework(fw))

    def GetFramework(self, request, context):
        fw = self.queries.framework(_viewer(), request.district_id, request.school_id)
        return pb.GetFrameworkResponse(framework=msg.framework(fw))

    def GetSkill(self, request, context):
        return pb.GetSkillResponse(skill=msg.skill(self.queries.skill(_viewer(), request.skill_id)))

    def ListSkills(self, request, context):
        page = self.queries.list_skills(_viewer(), request.district_id, request.framework_id, request.school_id,
                                        request.include_retired, request.page.page_size, request.page.page_token)
        return pb.ListSkillsResponse(skills=[msg.skill(s) for s in page.items], next_page_token=page.next_page_token)

    def CreateSkill(self, request, context):
        skill = self.commands.create_skill(_viewer(), request.district_id, request.school_id,
                                           msg.skill_fields(request.skill))
        return pb.CreateSkillResponse(skill=msg.skill(skill))

    def UpdateSkill(self, request, context):
        skill = self.commands.update_skill(_viewer(), request.skill_id, msg.skill_fields(request.skill))
        return pb.UpdateSkillResponse(skill=msg.skill(skill))

    def RetireSkill(self, request, context):
        return pb.RetireSkillResponse(skill=msg.skill(self.commands.retire_skill(_viewer(), request.skill_id)))

    def DeleteSkill(self, request, context):
        self.commands.delete_skill(_viewer(), request.skill_id)
        return pb.DeleteSkillResponse()

    def GetEffectiveSkills(self, request, context):
        skills = self.queries.effective_skills(_viewer(), request.district_id, request.school_id,
                                               request.include_retired)
        return pb.GetEffectiveSkillsResponse(skills=[msg.skill(s) for s in skills])

    def DefineScale(self, request, context):
        scale = self.commands.define_scale(_viewer(), request.district_id, request.code, request.name,
                                           msg.levels(request.levels))
        return pb.DefineScaleResponse(scale=msg.scale(scale))

    def GetScale(self, request, context):
        return pb.GetScaleResponse(scale=msg.scale(self.queries.scale(_viewer(), request.scale_id)))

    def ListScales(self, request, context):
        page = self.queries.list_scales(_viewer(), request.district_id, request.page.page_size,
                                        request.page.page_token)
        return pb.ListScalesResponse(scales=[msg.scale(s) for s in page.items], next_page_token=page.next_page_token)

    def DefineRubric(self, request, context):
        rubric = self.commands.define_rubric(_viewer(), request.district_id, request.code, request.name,
                                             request.scale_id, request.skill_id, msg.criteria(request.criteria))
        return pb.DefineRubricResponse(rubric=msg.rubric(rubric))

    def GetRubric(self, request, context):
        return pb.GetRubricResponse(rubric=msg.rubric(self.queries.rubric(_viewer(), request.rubric_id)))


def _register(app: SkillsApp):
    def register(server: grpc.Server) -> None:
        skills_pb2_grpc.add_SkillsServiceServicer_to_server(SkillsServicer(app), server)
    return register


def _admit(app: SkillsApp) -> Admission:
    """Refuse a caller the people replica knows as inactive (the chassis asks once per call)."""
    return refuse_inactive(app.session_factory, people.c.person_id, people.c.active)


def start(settings: ServiceSettings, app: SkillsApp | None = None,
          platform: PlatformSettings | None = None, metrics: bool = True) -> chassis_server.ServerHandle:
    """A running skills API server (tests, benches); ``handle.stop()`` also closes an app it built itself."""
    owned = app is None
    app = app or build(settings)
    return chassis_server.start("skills", settings, _register(app), [SERVICE_FULL_NAME], (),
                                on_stop=app.close if owned else None, platform=platform, metrics=metrics,
                                admit=_admit(app))


def serve(settings: ServiceSettings) -> None:
    """Run the skills API until SIGTERM/SIGINT (`skillfolio run skills api`)."""
    app = build(settings)
    chassis_server.serve("skills", settings, _register(app), [SERVICE_FULL_NAME], (), on_stop=app.close,
                         admit=_admit(app))
