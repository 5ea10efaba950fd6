"""The artifacts ``events`` role: a nameko service relaying the outbox and keeping the replicas.

Consumes what service_layer/subscriptions.py lists: roster people, sections, enrollments, guardianships and
transfers (protos/skillfolio/events/v1/roster.proto) for the roster replica that portfolio access is decided from;
the reflections service's milestone events (milestones.proto) for the panel replica that lets a milestone's
panellists read the evidence selected for it until it completes; skills skill_* and roster school_* for the skill
catalog replica that artifact tags are checked against.
"""
from __future__ import annotations

import functools

from artifacts.adapters.orm import outbox
from artifacts.bootstrap import media_of
from artifacts.config import ArtifactsOptions
from artifacts.service_layer.media import Media
from artifacts.service_layer.subscriptions import SUBSCRIPTIONS
from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork
from chassis.config import PlatformSettings, service_settings
from chassis.db import make_engine
from chassis.messaging.relay_runner import OutboxRelayRunner
from chassis.messaging.subscribed_service import subscribes
from chassis.uow import lazy_unit_of_work


@functools.cache
def _media() -> Media:
    return media_of(PlatformSettings(), ArtifactsOptions())


def _engine():
    return make_engine(service_settings("artifacts").database_url, pool_size=2)


@subscribes(SUBSCRIPTIONS, lazy_unit_of_work("artifacts", ArtifactsUnitOfWork), media=_media)
class ArtifactsEvents:
    """`skillfolio run artifacts events`."""

    name = "artifacts"
    outbox_relay = OutboxRelayRunner("artifacts", _engine, outbox)
