"""ShowcasesServicer (thin: proto <-> showcase use cases), served by the artifacts API next to ArtifactsService.
OpenShowcaseLink is public (the link's token is the credential); the rest need a principal."""
from __future__ import annotations

import datetime as dt

import grpc

from artifacts.domain.access import Viewer
from artifacts.domain.model import Artifact
from artifacts.domain.showcases import Showcase, ShowcaseAction, ShowcaseFields, ShowcaseLink
from artifacts.service_layer.showcase_links import ShowcaseLinks
from artifacts.service_layer.showcases import ShowcaseUseCases
from chassis.access import current_viewer
from chassis.idempotency import idempotent
from skillfolio.artifacts.v1 import showcases_pb2 as pb
from skillfolio.artifacts.v1 import showcases_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["ShowcasesService"].full_name
PUBLIC_METHODS = (f"/{SERVICE_FULL_NAME}/OpenShowcaseLink",)


def _iso(moment: dt.datetime | None) -> str:
    return moment.astimezone(dt.UTC).isoformat() if moment else ""


def _viewer() -> Viewer:
    return current_viewer(Viewer)


def fields(message: pb.ShowcaseFields) -> ShowcaseFields:
    return ShowcaseFields(message.title, message.introduction, message.audience, message.milestone_id,
                          message.share_with_guardians, tuple(message.artifact_ids))


def item(a: Artifact) -> pb.ShowcaseItem:
    content_type = a.media.content_type if a.media is not None and a.media.ready else ""
    return pb.ShowcaseItem(artifact_id=a.id, title=a.title, description=a.description, kind=a.kind.value,
                           status=a.status.value, link_url=a.link_url, content_type=content_type,
                           thumbnail_url=a.thumbnail_url, media_url=a.media_url)


def link(k: ShowcaseLink, now: dt.datetime) -> pb.ShowcaseLink:
    return pb.ShowcaseLink(id=k.id, created_at=_iso(k.created_at), expires_at=_iso(k.expires_at),
                           revoked_at=_iso(k.revoked_at), live=k.live(now))


def showcase(s: Showcase, now: dt.datetime, public: bool = False) -> pb.Showcase:
    f = s.fields
    message = pb.Showcase(id=s.id, title=f.title, introduction=f.introduction, audience=f.audience,
                          items=[item(a) for a in s.items])
    if not public:
        message.MergeFrom(pb.Showcase(
            student_id=s.student_id, milestone_id=f.milestone_id, share_with_guardians=f.share_with_guardians,
            links=[link(k, now) for k in s.links], created_by=s.created_by, created_at=_iso(s.created_at),
            updated_at=_iso(s.updated_at), viewer_can=pb.ShowcaseViewerCan(
                curate=ShowcaseAction.CURATE in s.can, share=ShowcaseAction.SHARE in s.can)))
    return message


class ShowcasesServicer(showcases_pb2_grpc.ShowcasesServiceServicer):
    def __init__(self, showcases: ShowcaseUseCases, links: ShowcaseLinks) -> None:
        self.showcases, self.links = showcases, links
        self.clock = showcases.calendar.clock

    def CreateShowcase(self, request, context):
        return idempotent(self.showcases.uow_factory, request, pb.CreateShowcaseResponse,
                          lambda made: pb.CreateShowcaseResponse(showcase=showcase(made, self.clock())),
                          lambda: self.showcases.create(_viewer(), request.student_id, fields(request.fields)))

    def UpdateShowcase(self, request, context):
        return pb.UpdateShowcaseResponse(showcase=showcase(self.showcases.update(
            _viewer(), request.showcase_id, fields(request.fields)), self.clock()))

    def DeleteShowcase(self, request, context):
        self.showcases.delete(_viewer(), request.showcase_id)
        return pb.DeleteShowcaseResponse()

    def GetShowcase(self, request, context):
        return pb.GetShowcaseResponse(showcase=showcase(self.showcases.get(_viewer(), request.showcase_id),
                                                        self.clock()))

    def ListShowcases(self, request, context):
        found, can_curate = self.showcases.of_student(_viewer(), request.student_id)
        now = self.clock()
        return pb.ListShowcasesResponse(showcases=[showcase(s, now) for s in found], can_curate=can_curate)

    def CreateShowcaseLink(self, request, context):
        made, token = self.links.create(_viewer(), request.showcase_id, request.valid_days)
        return pb.CreateShowcaseLinkResponse(link=link(made, self.clock()), token=token)

    def RevokeShowcaseLink(self, request, context):
        return pb.RevokeShowcaseLinkResponse(link=link(self.links.revoke(_viewer(), request.showcase_id,
                                                                         request.link_id), self.clock()))

    def OpenShowcaseLink(self, request, context):
        opened, by = self.links.open(request.token)
        return pb.OpenShowcaseLinkResponse(showcase=showcase(opened, self.clock(), public=True),
                                           expires_at=_iso(by.expires_at))


def register(app):
    """Add the ShowcasesService over ``app``'s unit of work, calendar and media to a server."""
    def add(server: grpc.Server) -> None:
        showcases_pb2_grpc.add_ShowcasesServiceServicer_to_server(ShowcasesServicer(
            ShowcaseUseCases(app.unit_of_work, app.calendar, app.media),
            ShowcaseLinks(app.unit_of_work, app.calendar, app.media)), server)
    return add
