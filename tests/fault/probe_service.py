"""Test-only nameko services: a reliable consumer whose behaviour each event's data controls, and a relay with pause points.

``probe`` consumes ``probe_src.thing_happened``: it records every delivery, then applies its effect (a row in
``effects``) together with the inbox row. Event data: ``fail_times`` (fail that many deliveries), ``poison`` (always
fail), ``hang`` (on the first delivery, write a marker and block mid-transaction so the test can SIGKILL it).
The relay of ``probe_src`` lives in ``probe_relay_service``.
"""
from __future__ import annotations

import os
import pathlib
import time

from sqlalchemy import Column, Integer, MetaData, String, Table, func, insert, select

from chassis.db import make_engine, make_session_factory
from chassis.messaging.consumer import reliable_handler
from chassis.messaging.inbox import claim
from chassis.messaging.subscriptions import DUPLICATE
from chassis.messaging.tables import add_messaging_tables

metadata = MetaData()
outbox, inbox = add_messaging_tables(metadata)
effects = Table("effects", metadata, Column("id", Integer, primary_key=True), Column("event_id", String(36)))
deliveries = Table("deliveries", metadata, Column("id", Integer, primary_key=True), Column("event_id", String(36)))
CONSUMER = "probe.handle"
_sessions = None


def sessions():
    global _sessions
    if _sessions is None:
        _sessions = make_session_factory(make_engine(os.environ["PROBE_DATABASE_URL"], pool_size=4))
    return _sessions


def marker(name: str) -> pathlib.Path:
    return pathlib.Path(os.environ["FAULT_MARKER_DIR"]) / name


class Probe:
    name = "probe"

    @reliable_handler("probe_src", "thing_happened")
    def handle(self, envelope):
        data, event_id = envelope.data, envelope.event_id
        with sessions()() as session, session.begin():
            session.execute(insert(deliveries).values(event_id=event_id))
        with sessions()() as session, session.begin():
            seen = session.execute(select(func.count()).where(deliveries.c.event_id == event_id)).scalar()
        with sessions()() as session, session.begin():
            if not claim(session, inbox, CONSUMER, event_id):
                return DUPLICATE                  # counted apart, as the chassis-built handlers do
            session.execute(insert(effects).values(event_id=event_id))
            if data.get("hang") and seen == 1:
                marker(f"hang-{event_id}").touch()
                time.sleep(3600)
            if data.get("poison"):
                raise ValueError(f"poison event {data.get('n')}")
            if seen <= data.get("fail_times", 0):
                raise RuntimeError(f"planned failure {seen}")
