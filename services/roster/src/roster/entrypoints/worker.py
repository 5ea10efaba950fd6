"""The roster ``events`` role: a nameko service hosting the relay of roster's outbox (roster consumes no events yet)."""
from __future__ import annotations

from chassis.config import service_settings
from chassis.db import make_engine
from chassis.messaging.relay_runner import OutboxRelayRunner
from roster.adapters.orm import outbox


def _engine():
    settings = service_settings("roster")
    return make_engine(settings.database_url, pool_size=2)


class RosterEvents:
    """`skillfolio run roster events`."""

    name = "roster"
    outbox_relay = OutboxRelayRunner("roster", _engine, outbox)
