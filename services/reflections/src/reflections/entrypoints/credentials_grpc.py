"""CredentialsServicer (thin: proto <-> credential use cases), served by the reflections API next to
ReflectionsService. GetStatusList is public (anyone checking a credential reads it); the rest need a principal."""
from __future__ import annotations

import datetime as dt
import json

import grpc

from chassis.access import current_viewer
from chassis.idempotency import idempotent
from reflections.domain.access import Viewer
from reflections.domain.credential_access import CredentialAction, viewer_can
from reflections.domain.credentials import Award, Badge
from reflections.service_layer.credentials import CredentialUseCases
from skillfolio.reflections.v1 import credentials_pb2 as pb
from skillfolio.reflections.v1 import credentials_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["CredentialsService"].full_name
PUBLIC_METHODS = (f"/{SERVICE_FULL_NAME}/GetStatusList",)


def _iso(moment: dt.datetime | None) -> str:
    return moment.astimezone(dt.UTC).isoformat() if moment else ""


def _viewer() -> Viewer:
    return current_viewer(Viewer)


def badge_message(badge: Badge) -> pb.Badge:
    return pb.Badge(id=badge.id, kind=badge.kind, name=badge.name, description=badge.description,
                    criteria=badge.criteria, milestone_type_id=badge.milestone_type_id,
                    min_outcome=badge.min_outcome, skill_id=badge.skill_id, created_at=_iso(badge.created_at))


def credential_message(award: Award) -> pb.Credential:
    return pb.Credential(id=award.id, student_id=award.student_id, badge_id=award.badge_id, name=award.name,
                         milestone_id=award.milestone_id, issued_at=_iso(award.issued_at),
                         revoked=award.revoked_at is not None, revoked_at=_iso(award.revoked_at),
                         revoke_reason=award.revoke_reason,
                         document_json=json.dumps(award.document, separators=(",", ":")), jwt=award.jwt)


class CredentialsServicer(credentials_pb2_grpc.CredentialsServiceServicer):
    def __init__(self, credentials: CredentialUseCases, unit_of_work) -> None:
        self.credentials, self.unit_of_work = credentials, unit_of_work

    def DefineBadge(self, request, context):
        r = request
        return idempotent(self.unit_of_work, request, pb.DefineBadgeResponse,
                          lambda badge: pb.DefineBadgeResponse(badge=badge_message(badge)),
                          lambda: self.credentials.define_badge(_viewer(), r.kind, r.name, r.description, r.criteria,
                                                                r.milestone_type_id, r.min_outcome, r.skill_id))

    def ListBadges(self, request, context):
        return pb.ListBadgesResponse(badges=[badge_message(b) for b in self.credentials.badges(_viewer())])

    def AwardBadge(self, request, context):
        return idempotent(self.unit_of_work, request, pb.AwardBadgeResponse,
                          lambda award: pb.AwardBadgeResponse(credential=credential_message(award)),
                          lambda: self.credentials.award_skill_badge(_viewer(), request.badge_id, request.student_id))

    def RevokeCredential(self, request, context):
        return pb.RevokeCredentialResponse(credential=credential_message(
            self.credentials.revoke(_viewer(), request.credential_id, request.reason)))

    def ListStudentCredentials(self, request, context):
        viewer = _viewer()
        found = self.credentials.student_credentials(viewer, request.student_id)
        return pb.ListStudentCredentialsResponse(
            credentials=[credential_message(a) for a in found],
            viewer_can=pb.CredentialsViewerCan(revoke=CredentialAction.REVOKE in viewer_can(viewer)))

    def GetClr(self, request, context):
        document, token = self.credentials.clr(_viewer(), request.student_id)
        return pb.GetClrResponse(document_json=json.dumps(document, separators=(",", ":")), jwt=token)

    def GetStatusList(self, request, context):
        token, url = self.credentials.status_list()
        return pb.GetStatusListResponse(jwt=token, url=url)


def register(credentials: CredentialUseCases, unit_of_work):
    def add(server: grpc.Server) -> None:
        credentials_pb2_grpc.add_CredentialsServiceServicer_to_server(CredentialsServicer(credentials, unit_of_work),
                                                                      server)
    return add
