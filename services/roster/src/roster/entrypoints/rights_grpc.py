"""The roster RightsService gRPC servicer: the adult student's guardians and their access (thin: proto <-> service
layer, roster.service_layer.rights)."""
from __future__ import annotations

import grpc

from chassis.access import current_viewer
from roster.domain.access import Viewer
from skillfolio.roster.v1 import rights_pb2 as pb
from skillfolio.roster.v1 import rights_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["RightsService"].full_name


def _guardian(g, rights_passed: bool) -> pb.GuardianAccess:
    return pb.GuardianAccess(guardian_id=g.guardian_id, given_name=g.given_name, family_name=g.family_name,
                             granted=not rights_passed or g.granted is True)


class RightsServicer(rights_pb2_grpc.RightsServiceServicer):
    def __init__(self, app) -> None:
        self.rights = app.rights

    def GetGuardianAccess(self, request, context):
        passed_on, guardians = self.rights.guardians(current_viewer(Viewer), request.student_id)
        return pb.GetGuardianAccessResponse(rights_passed_on=passed_on.isoformat() if passed_on else "",
                                            guardians=[_guardian(g, passed_on is not None) for g in guardians])

    def SetGuardianAccess(self, request, context):
        standing = self.rights.set_guardian_access(current_viewer(Viewer), request.student_id, request.guardian_id,
                                                   request.granted)
        return pb.SetGuardianAccessResponse(guardian=_guardian(standing, True))


def register(app, server: grpc.Server) -> None:
    rights_pb2_grpc.add_RightsServiceServicer_to_server(RightsServicer(app), server)
