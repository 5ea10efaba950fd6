"""A stand-in for the notifications gRPC API, served by the chassis server (so principals are really signed by the
gateway and verified here): in-memory feeds and preferences per person, with the access the real service enforces
(a teacher's queue, a district admin's settings). It lets the gateway's pages, REST routes and error mapping be
tested before and apart from the notifications service's own process; the browser test drives the real one."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import MetaData, create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import StaticPool

from chassis import disclosures
from chassis.audit import add_audit_table
from chassis.config import service_settings
from chassis.context import principal_var
from chassis.errors import FieldProblem, InvalidArgument, PermissionDenied
from chassis.grpc import server as chassis_server
from chassis.roster_replica.roster_client import GrpcRosterRelations
from chassis.roster_replica.standing import Relation
from skillfolio.notifications.v1 import notifications_pb2 as npb
from skillfolio.notifications.v1 import notifications_pb2_grpc

FULL_NAME = npb.DESCRIPTOR.services_by_name["NotificationsService"].full_name
CATEGORIES = ("new_work", "reflections_feedback", "assessments", "comments", "goals_milestones", "critical")
ZONES = ("America/Kentucky/Louisville", "America/New_York", "UTC", "Europe/Madrid")


@dataclass
class State:
    feeds: dict[str, list[npb.FeedItem]] = field(default_factory=dict)
    preferences: dict[str, npb.Preferences] = field(default_factory=dict)
    approvals: list[npb.Approval] = field(default_factory=list)
    parked: list[npb.ParkedDelivery] = field(default_factory=list)
    district: npb.DistrictSettings = field(default_factory=lambda: npb.DistrictSettings(
        default_delivery=[npb.CategoryPreference(category=c, delivery="instant") for c in CATEGORIES[:-1]],
        digest_hour=18, weekly_weekday="friday", sender_name="Demo District"))
    muted: list[tuple[str, str]] = field(default_factory=list)
    resent: list[str] = field(default_factory=list)

    def prefs(self, person: str) -> npb.Preferences:
        if person not in self.preferences:
            self.preferences[person] = npb.Preferences(
                categories=[npb.CategoryPreference(category=c, delivery="instant") for c in CATEGORIES],
                email=True, language="en", time_zone="America/Kentucky/Louisville", email_address="p@example.org")
        return self.preferences[person]


def _viewer() -> tuple[str, npb.ViewerCan]:
    principal = principal_var.get()
    return principal.subject, npb.ViewerCan(approve=principal.has_role("teacher"), read_feed=True,
                                            manage_district=principal.has_role("district_admin"))


class StandIn(notifications_pb2_grpc.NotificationsServiceServicer):
    def __init__(self, state: State) -> None:
        self.state = state

    def ListFeed(self, request, context):
        person, can = _viewer()
        items = [i for i in self.state.feeds.get(person, []) if not (request.unread_only and i.read)]
        start = int(request.page_token or 0)
        size = request.page_size or 20
        page = items[start:start + size]
        more = str(start + size) if start + size < len(items) else ""
        unread = sum(not i.read for i in self.state.feeds.get(person, []))
        return npb.ListFeedResponse(items=page, unread_count=unread, next_page_token=more, viewer_can=can)

    def _unread(self, person: str) -> int:
        return sum(not i.read for i in self.state.feeds.get(person, []))

    def MarkRead(self, request, context):
        person, _ = _viewer()
        for item in self.state.feeds.get(person, []):
            if item.id in request.ids:
                item.read = True
        return npb.MarkReadResponse(unread_count=self._unread(person))

    def MarkAllRead(self, request, context):
        person, _ = _viewer()
        for item in self.state.feeds.get(person, []):
            item.read = True
        return npb.MarkAllReadResponse(unread_count=0)

    def GetPreferences(self, request, context):
        person, can = _viewer()
        return npb.GetPreferencesResponse(preferences=self.state.prefs(person), critical_categories=["critical"],
                                          district_defaults=self.state.district.default_delivery,
                                          languages=["en", "es"], viewer_can=can)

    def UpdatePreferences(self, request, context):
        person, can = _viewer()
        prefs = self.state.prefs(person)
        problems = [FieldProblem("language", "no catalogue for it")] if request.HasField("language") and \
            request.language not in ("en", "es") else []
        problems += [FieldProblem("time_zone", "not an IANA time zone")] if request.HasField("time_zone") and \
            request.time_zone not in ZONES else []
        problems += [FieldProblem(f"categories.{c.category}", "a critical category cannot be changed or muted")
                     for c in request.categories if c.category == "critical"]
        if problems:
            raise InvalidArgument("the preferences are not valid", problems)
        chosen = {c.category: c.delivery for c in request.categories}
        for choice in prefs.categories:
            choice.delivery = chosen.get(choice.category, choice.delivery)
        for name in ("email", "language", "time_zone", "quiet_hours_start", "quiet_hours_end"):
            if request.HasField(name):
                setattr(prefs, name, getattr(request, name))
        return npb.UpdatePreferencesResponse(preferences=prefs, critical_categories=["critical"], viewer_can=can)

    def ListApprovals(self, request, context):
        _, can = _viewer()
        if not can.approve:
            raise PermissionDenied("only teachers approve")
        return npb.ListApprovalsResponse(approvals=self.state.approvals, viewer_can=can)

    def Approve(self, request, context):
        self.ListApprovals(request, context)
        before = len(self.state.approvals)
        kept = [a for a in self.state.approvals if a.id not in request.ids]
        del self.state.approvals[:]
        self.state.approvals.extend(kept)
        return npb.ApproveResponse(approved=before - len(kept))

    def ApproveAll(self, request, context):
        self.ListApprovals(request, context)
        approved = len(self.state.approvals)
        self.state.approvals.clear()
        return npb.ApproveAllResponse(approved=approved)

    def GetDistrictSettings(self, request, context):
        _, can = _viewer()
        if not can.manage_district:
            raise PermissionDenied("only a district admin manages notification settings")
        return npb.GetDistrictSettingsResponse(settings=self.state.district, viewer_can=can)

    def UpdateDistrictSettings(self, request, context):
        self.GetDistrictSettings(request, context)
        district = self.state.district
        if request.HasField("weekly_weekday") and request.weekly_weekday not in (
                "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"):
            raise InvalidArgument("not a weekday", [FieldProblem("weekly_weekday", "must be a weekday")])
        for name in ("approval_required", "digest_hour", "weekly_weekday", "sender_name"):
            if request.HasField(name):
                setattr(district, name, getattr(request, name))
        chosen = {c.category: c.delivery for c in request.default_delivery}
        for choice in district.default_delivery:
            choice.delivery = chosen.get(choice.category, choice.delivery)
        return npb.UpdateDistrictSettingsResponse(settings=district, viewer_can=_viewer()[1])

    def ListParked(self, request, context):
        self.GetDistrictSettings(request, context)
        return npb.ListParkedResponse(deliveries=self.state.parked, viewer_can=_viewer()[1])

    def Resend(self, request, context):
        self.GetDistrictSettings(request, context)
        self.state.resent.extend(request.ids)
        return npb.ResendResponse(queued=len(request.ids))

    def Unsubscribe(self, request, context):
        kind, _, rest = request.token.partition(":")
        person, _, category = rest.partition(":")
        if kind != "signed" or not person or not category:
            raise InvalidArgument("not a valid unsubscribe token", [FieldProblem("token", "not a valid token")])
        self.state.muted.append((person, category))
        return npb.UnsubscribeResponse(category=category, language=self.state.prefs(person).language)


def _disclosures(roster_target: str) -> disclosures.DisclosuresServicer:
    """The real chassis DisclosuresService over an (empty, in-memory) audit log of the stand-in's own, deciding
    from the roster's answer (GetRelationship) where the real service reads its roster replica."""
    metadata = MetaData()
    audit = add_audit_table(metadata)
    engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    metadata.create_all(engine)
    roster = GrpcRosterRelations(roster_target, timeout=5)
    return disclosures.DisclosuresServicer(
        "notifications", sessionmaker(engine), audit,
        lambda session, viewer, student_id: roster.relation(viewer.subject, student_id, dt.date.today())
        if viewer.roles & {"teacher", "guardian"} else Relation())


def start(platform, roster_target: str = "") -> tuple[chassis_server.ServerHandle, State]:
    state = State()
    settings = service_settings("notifications", grpc_host="127.0.0.1", grpc_port=0, metrics_port=0)

    def register(server) -> None:
        notifications_pb2_grpc.add_NotificationsServiceServicer_to_server(StandIn(state), server)
        if roster_target:
            disclosures.register(_disclosures(roster_target))(server)
    handle = chassis_server.start(
        "notifications", settings, register, [FULL_NAME, disclosures.SERVICE_FULL_NAME],
        (f"/{FULL_NAME}/Unsubscribe",), platform=platform, metrics=False)
    return handle, state
