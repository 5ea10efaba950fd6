"""The reporting ``events`` role: a nameko service keeping the read models from roster, skills, artifacts and
reflections events (the table in service_layer/subscriptions.py), applied in batches by the same path as the rebuild
(service_layer/batches.py; a failed batch falls back to each event's own handler, retries and DLQ), and the (empty)
outbox relay (its only events: ``erasure_confirmed``)."""
from __future__ import annotations

from chassis.config import service_settings
from chassis.db import make_engine
from chassis.messaging.relay_runner import OutboxRelayRunner
from chassis.messaging.subscribed_service import subscribes
from chassis.uow import lazy_unit_of_work
from reporting.adapters.orm import outbox
from reporting.service_layer.batches import apply_new
from reporting.service_layer.subscriptions import ERASURE, SUBSCRIPTIONS
from reporting.service_layer.unit_of_work import ReportingUnitOfWork


def _engine():
    return make_engine(service_settings("reporting").database_url, pool_size=2)


@subscribes({**SUBSCRIPTIONS, **ERASURE}, lazy_unit_of_work("reporting", ReportingUnitOfWork), batch=apply_new)
class ReportingEvents:
    """`skillfolio run reporting events`."""

    name = "reporting"
    outbox_relay = OutboxRelayRunner("reporting", _engine, outbox)
