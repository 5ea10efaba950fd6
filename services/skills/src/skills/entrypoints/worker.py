"""The skills ``events`` role: a nameko service relaying the outbox and keeping the local replicas.

Consumes what service_layer/subscriptions.py lists: artifacts ``artifact_added``/``artifact_updated``/
``artifact_deleted`` (skill usage: a used skill can only be retired, never deleted) and roster
``person_added``/``person_updated``/``person_removed`` (school admins).
"""
from __future__ import annotations

from chassis.config import service_settings
from chassis.db import make_engine
from chassis.messaging.relay_runner import OutboxRelayRunner
from chassis.messaging.subscribed_service import subscribes
from chassis.uow import lazy_unit_of_work
from skills.adapters.orm import outbox
from skills.service_layer.subscriptions import SUBSCRIPTIONS
from skills.service_layer.unit_of_work import SkillsUnitOfWork


def _engine():
    return make_engine(service_settings("skills").database_url, pool_size=2)


@subscribes(SUBSCRIPTIONS, lazy_unit_of_work("skills", SkillsUnitOfWork))
class SkillsEvents:
    """`skillfolio run skills events`."""

    name = "skills"
    outbox_relay = OutboxRelayRunner("skills", _engine, outbox)
