"""The notifications ``events`` role: a nameko service relaying the outbox (notification_sent/failed), keeping the
replicas and recording notifications from what service_layer/subscriptions.py lists (roster people, sections,
enrollments and guardianships; artifacts; reflections' reflections, feedback, assessments, comments, goals and
milestones). Each queue is consumed in batches, applied by service_layer/batches.py (one transaction per batch).
"""
from __future__ import annotations

from chassis.config import service_settings
from chassis.db import make_engine
from chassis.messaging.relay_runner import OutboxRelayRunner
from chassis.messaging.subscribed_service import subscribes
from chassis.uow import lazy_unit_of_work
from notifications.adapters.orm import outbox
from notifications.service_layer.batches import apply_batch
from notifications.service_layer.subscriptions import SUBSCRIPTIONS
from notifications.service_layer.unit_of_work import NotificationsUnitOfWork


def _engine():
    return make_engine(service_settings("notifications").database_url, pool_size=2)


@subscribes(SUBSCRIPTIONS, lazy_unit_of_work("notifications", NotificationsUnitOfWork), batch=apply_batch)
class NotificationsEvents:
    """`skillfolio run notifications events`."""

    name = "notifications"
    outbox_relay = OutboxRelayRunner("notifications", _engine, outbox)
