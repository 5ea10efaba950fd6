"""The notifications API serves its record of disclosures (chassis DisclosuresService) over a real channel: the
feed lines Gina read about Sam are in Sam's record; Gina, his guardian, reads it (and that read is audited); a
teacher or another guardian is refused."""
from __future__ import annotations

import datetime as dt

import grpc
import pytest
from notifications.entrypoints import grpc_api
from notifications.service_layer import intake
from notifications.service_layer.intake import IntakePolicy
from notifications_it import apply, artifact_added, cast_events

from chassis.config import service_settings
from chassis.grpc.principal import generate_keypair
from chassis.testing.grpc_api import serving, signed_as
from skillfolio.disclosures.v1 import disclosures_pb2 as dpb
from skillfolio.disclosures.v1 import disclosures_pb2_grpc
from skillfolio.notifications.v1 import notifications_pb2 as pb
from skillfolio.notifications.v1 import notifications_pb2_grpc

pytestmark = [pytest.mark.integration, pytest.mark.own_database]


@pytest.fixture
def keys():
    return generate_keypair()


@pytest.fixture
def stubs(notifications_app, notifications_db, keys, monkeypatch):
    monkeypatch.setattr(intake, "policy", lambda: IntakePolicy("America/Kentucky/Louisville", dt.timedelta(0)))
    apply(notifications_app, *cast_events(), artifact_added())
    settings = service_settings("notifications", database_url=notifications_db, grpc_port=0, db_pool_size=2)
    both = lambda channel: (notifications_pb2_grpc.NotificationsServiceStub(channel),  # noqa: E731
                            disclosures_pb2_grpc.DisclosuresServiceStub(channel))
    with serving(grpc_api.start, settings, notifications_app, keys[1], both) as found:
        yield found


def test_sams_record_of_disclosures_in_notifications(stubs, keys):
    feed, disclosed = stubs
    gina, sam = signed_as(keys[0], "G", "guardian"), signed_as(keys[0], "S", "student")
    assert feed.ListFeed(pb.ListFeedRequest(), metadata=gina).items
    rows = disclosed.ListDisclosures(dpb.ListDisclosuresRequest(student_id="S"), metadata=sam).disclosures
    assert [(r.service, r.actor_id, r.actor_name, r.action) for r in rows] == [
        ("notifications", "G", "Gina Doe", "notifications.feed")]
    assert disclosed.ListDisclosures(dpb.ListDisclosuresRequest(student_id="S"), metadata=gina).disclosures
    after = disclosed.ListDisclosures(dpb.ListDisclosuresRequest(student_id="S"), metadata=sam).disclosures
    assert [r.action for r in after][:1] == ["notifications.ListDisclosures"]          # Gina's read, audited
    for stranger in (signed_as(keys[0], "T", "teacher"), signed_as(keys[0], "G9", "guardian"),
                     signed_as(keys[0], "A", "district_admin")):
        with pytest.raises(grpc.RpcError) as refused:
            disclosed.ListDisclosures(dpb.ListDisclosuresRequest(student_id="S"), metadata=stranger)
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
