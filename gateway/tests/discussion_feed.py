"""Artifact ownership for the reflections replica, as its events worker gets it: the artifacts service's outbox
events (artifact_added/updated/deleted) applied with the worker's own code (replication.apply_event); the inbox
makes re-applying an already applied event a no-op, so tests call :func:`feed_ownership` after every change."""
from __future__ import annotations

from sqlalchemy import Engine, select

from chassis.events import Envelope
from artifacts.adapters.orm import outbox as artifacts_outbox
from reflections.service_layer.replication import apply_event

OWNERSHIP_EVENTS = ("artifact_added", "artifact_updated", "artifact_deleted")


def feed_ownership(artifacts_engine: Engine, reflections_uow, consumer: str = "gateway-tests") -> int:
    """Apply the artifacts outbox's ownership events to the reflections replica; how many were new."""
    with artifacts_engine.connect() as conn:
        bodies = conn.execute(select(artifacts_outbox.c.body).where(artifacts_outbox.c.type.in_(OWNERSHIP_EVENTS))
                              .order_by(artifacts_outbox.c.id)).scalars().all()
    return sum(apply_event(reflections_uow, f"{consumer}.{e.type}", e) for e in map(Envelope.from_json, bodies))
