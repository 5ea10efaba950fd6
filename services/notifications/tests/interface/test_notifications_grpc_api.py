"""The notifications gRPC API over a real channel with signed principals: the feed with unread counts and mark
read, preferences with field-named validation errors, viewer_can per role, the teacher's approval queue, district
settings for district admins only, and Unsubscribe without a principal."""
from __future__ import annotations

import datetime as dt

import grpc
import pytest
from notifications.bootstrap import tokens
from notifications.entrypoints import grpc_api
from notifications.service_layer import intake
from notifications.service_layer.intake import IntakePolicy
from notifications_it import NOON, apply, artifact_added, cast_events

from chassis.config import service_settings
from chassis.grpc.principal import generate_keypair
from chassis.testing.grpc_api import serving, signed_as
from skillfolio.notifications.v1 import notifications_pb2 as pb
from skillfolio.notifications.v1 import notifications_pb2_grpc

# own_database: the gRPC server answers on its own thread pool, each thread with its own pooled connection
pytestmark = [pytest.mark.integration, pytest.mark.own_database]


@pytest.fixture
def keys():
    return generate_keypair()


@pytest.fixture
def stub(notifications_app, notifications_db, keys, monkeypatch):
    monkeypatch.setattr(intake, "policy", lambda: IntakePolicy("America/Kentucky/Louisville", dt.timedelta(0)))
    apply(notifications_app, *cast_events())
    settings = service_settings("notifications", database_url=notifications_db, grpc_port=0, db_pool_size=2)
    with serving(grpc_api.start, settings, notifications_app, keys[1],
                 notifications_pb2_grpc.NotificationsServiceStub) as s:
        yield s


def test_feed_unread_counts_and_mark_read(stub, notifications_app, keys):
    apply(notifications_app, artifact_added(), artifact_added(NOON + dt.timedelta(hours=1), "a2"))
    gina = signed_as(keys[0], "G", "guardian")
    feed = stub.ListFeed(pb.ListFeedRequest(page_size=1), metadata=gina)
    assert feed.unread_count == 2 and len(feed.items) == 1 and feed.next_page_token
    item = feed.items[0]
    assert (item.kind, item.student_first_name, item.link) == ("artifact_added", "Sam", "/artifacts/a2")
    assert "Tess Doe" in item.text and "Sam" in item.text
    assert feed.viewer_can.read_feed and not feed.viewer_can.approve
    rest = stub.ListFeed(pb.ListFeedRequest(page_size=1, page_token=feed.next_page_token), metadata=gina)
    assert [i.link for i in rest.items] == ["/artifacts/a1"] and not rest.next_page_token
    assert stub.MarkRead(pb.MarkReadRequest(ids=[item.id]), metadata=gina).unread_count == 1
    other = signed_as(keys[0], "G2", "guardian")
    assert stub.MarkRead(pb.MarkReadRequest(ids=[rest.items[0].id]), metadata=other).unread_count == 2  # its own
    assert stub.ListFeed(pb.ListFeedRequest(unread_only=True), metadata=gina).unread_count == 1
    assert stub.MarkAllRead(pb.MarkAllReadRequest(), metadata=gina).unread_count == 0


def test_preferences_validation_names_the_field(stub, keys):
    gina = signed_as(keys[0], "G", "guardian")
    with pytest.raises(grpc.RpcError) as refused:
        stub.UpdatePreferences(pb.UpdatePreferencesRequest(
            categories=[pb.CategoryPreference(category="critical", delivery="off")]), metadata=gina)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT and "categories.critical" in refused.value.details()
    reply = stub.UpdatePreferences(pb.UpdatePreferencesRequest(
        categories=[pb.CategoryPreference(category="new_work", delivery="weekly")], language="es",
        time_zone="America/Kentucky/Louisville"), metadata=gina)
    chosen = {c.category: c.delivery for c in reply.preferences.categories}
    assert chosen["new_work"] == "weekly" and chosen["critical"] == "instant"
    assert reply.preferences.language == "es" and list(reply.critical_categories) == ["critical"]
    assert reply.preferences.email_address == "gina@example.org"


def test_district_settings_are_for_district_admins(stub, keys):
    with pytest.raises(grpc.RpcError) as refused:
        stub.GetDistrictSettings(pb.GetDistrictSettingsRequest(), metadata=signed_as(keys[0], "T", "teacher"))
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
    admin = signed_as(keys[0], "DA", "district_admin")
    reply = stub.UpdateDistrictSettings(pb.UpdateDistrictSettingsRequest(
        approval_required=True, digest_hour=19, school_overrides=[pb.SchoolApproval(school_id="sch2")]),
        metadata=admin)
    assert reply.settings.approval_required and reply.settings.digest_hour == 19
    assert reply.viewer_can.manage_district
    with pytest.raises(grpc.RpcError, match="weekly_weekday"):
        stub.UpdateDistrictSettings(pb.UpdateDistrictSettingsRequest(weekly_weekday="someday"), metadata=admin)


def test_approval_queue_for_the_current_teacher(stub, notifications_app, keys):
    admin = signed_as(keys[0], "DA", "district_admin")
    stub.UpdateDistrictSettings(pb.UpdateDistrictSettingsRequest(approval_required=True), metadata=admin)
    apply(notifications_app, artifact_added(by="S", role="student"))
    gina = signed_as(keys[0], "G", "guardian")
    assert not stub.ListFeed(pb.ListFeedRequest(), metadata=gina).items
    tess = signed_as(keys[0], "T", "teacher")
    queue = stub.ListApprovals(pb.ListApprovalsRequest(), metadata=tess)
    assert [a.student_name for a in queue.approvals] == ["Sam Doe"] and queue.viewer_can.approve
    assert not stub.ListApprovals(pb.ListApprovalsRequest(), metadata=signed_as(keys[0], "FT", "teacher")).approvals
    assert stub.ApproveAll(pb.ApproveAllRequest(), metadata=tess).approved == 1
    assert [i.kind for i in stub.ListFeed(pb.ListFeedRequest(), metadata=gina).items] == ["artifact_added"]


def test_unsubscribe_needs_no_principal_but_a_valid_token(stub, notifications_app):
    token = tokens(notifications_app.options).make("G", "new_work")
    assert stub.Unsubscribe(pb.UnsubscribeRequest(token=token)).category == "new_work"
    with pytest.raises(grpc.RpcError) as refused:
        stub.Unsubscribe(pb.UnsubscribeRequest(token="forged"))
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    with pytest.raises(grpc.RpcError) as refused:
        stub.ListFeed(pb.ListFeedRequest())
    assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED
