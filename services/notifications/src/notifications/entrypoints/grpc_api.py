"""The notifications gRPC API: NotificationsServicer (thin: proto <-> service layer) and ``serve(settings)`` on the
chassis server (signed principals, health, reflection, metrics, DomainError -> status). Every RPC needs a
principal but Unsubscribe, which the signed token in the email authorises."""
from __future__ import annotations

import datetime as dt

import grpc

from chassis import disclosures
from chassis.access import Viewer, current_viewer
from chassis.config import PlatformSettings, ServiceSettings
from chassis.grpc import server as chassis_server
from chassis.grpc.admission import Admission, refuse_inactive
from notifications.adapters.orm import audit_log, contacts, people
from notifications.adapters.replicas import Replicas
from notifications.bootstrap import NotificationsApp, build
from notifications.entrypoints import grpc_messages as msg
from notifications.service_layer.views import approval_line
from skillfolio.notifications.v1 import notifications_pb2 as pb
from skillfolio.notifications.v1 import notifications_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["NotificationsService"].full_name
PUBLIC_METHODS = (f"/{SERVICE_FULL_NAME}/Unsubscribe",)
SERVICE_FULL_NAMES = [SERVICE_FULL_NAME, disclosures.SERVICE_FULL_NAME]
PREFERENCE_FIELDS = ("email", "language", "time_zone", "quiet_hours_start", "quiet_hours_end")
DISTRICT_FIELDS = ("approval_required", "digest_hour", "weekly_weekday", "sender_name")


def _viewer() -> Viewer | None:
    return current_viewer(Viewer)


class NotificationsServicer(notifications_pb2_grpc.NotificationsServiceServicer):
    def __init__(self, app: NotificationsApp) -> None:
        self.personal, self.admin, self.app = app.personal, app.administration, app

    def ListFeed(self, request, context):
        viewer = _viewer()
        page = self.personal.feed(viewer, request.page_size, request.page_token, request.unread_only)
        with self.app.unit_of_work() as uow:
            names = uow.replicas.contacts({n.student_id for n, _ in page.items})
        return pb.ListFeedResponse(items=[msg.feed_item(n, text, names) for n, text in page.items],
                                   unread_count=page.unread_count, next_page_token=page.next_page_token,
                                   viewer_can=msg.viewer_can(viewer))

    def MarkRead(self, request, context):
        return pb.MarkReadResponse(unread_count=self.personal.mark_read(_viewer(), list(request.ids)))

    def MarkAllRead(self, request, context):
        return pb.MarkAllReadResponse(unread_count=self.personal.mark_read(_viewer(), None))

    def GetPreferences(self, request, context):
        viewer = _viewer()
        view = self.personal.preferences(viewer)
        prefs, critical, defaults, languages = msg.preferences_reply(view, view.district)
        return pb.GetPreferencesResponse(preferences=prefs, critical_categories=critical, district_defaults=defaults,
                                         languages=languages, viewer_can=msg.viewer_can(viewer))

    def UpdatePreferences(self, request, context):
        viewer = _viewer()
        view = self.personal.update_preferences(viewer, msg.categories(request.categories),
                                                msg.changes(request, PREFERENCE_FIELDS))
        prefs, critical, defaults, _ = msg.preferences_reply(view, view.district)
        return pb.UpdatePreferencesResponse(preferences=prefs, critical_categories=critical,
                                            district_defaults=defaults, viewer_can=msg.viewer_can(viewer))

    def ListApprovals(self, request, context):
        viewer = _viewer()
        items, names, token = self.admin.approvals(viewer, request.page_size, request.page_token)
        with self.app.unit_of_work() as uow:
            language = self.personal.language(uow, viewer.subject)
        return pb.ListApprovalsResponse(approvals=[msg.approval(a, names, approval_line(a, names, language))
                                                   for a in items], next_page_token=token,
                                        viewer_can=msg.viewer_can(viewer))

    def Approve(self, request, context):
        return pb.ApproveResponse(approved=self.admin.approve(_viewer(), list(request.ids)))

    def ApproveAll(self, request, context):
        return pb.ApproveAllResponse(approved=self.admin.approve(_viewer(), None))

    def GetDistrictSettings(self, request, context):
        viewer = _viewer()
        return pb.GetDistrictSettingsResponse(settings=msg.district(self.admin.district(viewer)),
                                              viewer_can=msg.viewer_can(viewer))

    def UpdateDistrictSettings(self, request, context):
        viewer = _viewer()
        settings = self.admin.update_district(
            viewer, msg.categories(request.default_delivery), msg.changes(request, DISTRICT_FIELDS),
            {s.school_id: s.approval_required for s in request.school_overrides}, list(request.clear_school_overrides))
        return pb.UpdateDistrictSettingsResponse(settings=msg.district(settings), viewer_can=msg.viewer_can(viewer))

    def ListParked(self, request, context):
        viewer = _viewer()
        items, names, token = self.admin.parked(viewer, request.page_size, request.page_token)
        return pb.ListParkedResponse(deliveries=[msg.parked(d, names) for d in items], next_page_token=token,
                                     viewer_can=msg.viewer_can(viewer))

    def Resend(self, request, context):
        return pb.ResendResponse(queued=self.admin.resend(_viewer(), list(request.ids)))

    def Unsubscribe(self, request, context):
        category, language = self.personal.unsubscribe(request.token)
        return pb.UnsubscribeResponse(category=category, language=language)


def _register(app: NotificationsApp):
    def register(server: grpc.Server) -> None:
        notifications_pb2_grpc.add_NotificationsServiceServicer_to_server(NotificationsServicer(app), server)
        disclosures.register(disclosures.DisclosuresServicer(
            "notifications", app.session_factory, audit_log,
            lambda session, viewer, student_id: Replicas(session).relation(viewer.subject, student_id,
                                                                           dt.datetime.now(dt.UTC).date(),
                                                                           viewer.roles),
            names_of=disclosures.names_from(contacts)))(server)
    return register


def _admit(app: NotificationsApp) -> Admission:
    """Refuse a caller the people replica knows as inactive (the chassis asks once per call)."""
    return refuse_inactive(app.session_factory, people.c.person_id, people.c.active)


def start(settings: ServiceSettings, app: NotificationsApp | None = None,
          platform: PlatformSettings | None = None, metrics: bool = True) -> chassis_server.ServerHandle:
    """A running notifications API server (tests); ``handle.stop()`` also closes an app it built itself."""
    owned = app is None
    app = app or build(settings)
    return chassis_server.start("notifications", settings, _register(app), SERVICE_FULL_NAMES, PUBLIC_METHODS,
                                on_stop=app.close if owned else None, platform=platform, metrics=metrics,
                                admit=_admit(app))


def serve(settings: ServiceSettings) -> None:
    """Run the notifications API until SIGTERM/SIGINT (`skillfolio run notifications api`)."""
    app = build(settings)
    chassis_server.serve("notifications", settings, _register(app), SERVICE_FULL_NAMES, PUBLIC_METHODS,
                         on_stop=app.close, admit=_admit(app))
