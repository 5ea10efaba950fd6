"""The reflections replica fed as its events worker feeds it: artifact ownership and skill tags from the artifacts
outbox (artifact_added/updated/deleted), skills with their scales and rubrics from the skills outbox, applied with
the worker's own code (its subscriptions table); the inbox makes re-applying an already applied event a no-op, so
tests call the feeds after every change. The artifacts service's skill catalog (where each skill belongs) is fed
from the same skills outbox (the artifacts subscriptions table)."""
from __future__ import annotations

from sqlalchemy import Engine, select

from artifacts.adapters.orm import outbox as artifacts_outbox
from artifacts.service_layer import subscriptions as artifacts_subscriptions
from chassis.events import Envelope
from chassis.messaging.subscriptions import consume
from reflections.service_layer import subscriptions as reflections_subscriptions
from skills.adapters.orm import outbox as skills_outbox

OWNERSHIP_EVENTS = ("artifact_added", "artifact_updated", "artifact_deleted")


def feed_ownership(artifacts_engine: Engine, reflections_uow, consumer: str = "gateway-tests") -> int:
    """Apply the artifacts outbox's ownership events to the reflections replica; how many were new."""
    with artifacts_engine.connect() as conn:
        bodies = conn.execute(select(artifacts_outbox.c.body).where(artifacts_outbox.c.type.in_(OWNERSHIP_EVENTS))
                              .order_by(artifacts_outbox.c.id)).scalars().all()
    return sum(consume(reflections_uow, reflections_subscriptions.SUBSCRIPTIONS, e,
                       f"{consumer}.{e.type}") for e in map(Envelope.from_json, bodies))


CATALOG_PREFIXES = ("skill_", "scale_", "rubric_")


def feed_catalog(skills_engine: Engine, reflections_uow, consumer: str = "gateway-tests") -> int:
    """Apply the skills outbox's catalog events (skills with their scale, scales, rubrics) to the reflections
    replica the assessments read their instruments from; how many were new."""
    with skills_engine.connect() as conn:
        bodies = conn.execute(select(skills_outbox.c.body).order_by(skills_outbox.c.id)).scalars().all()
    envelopes = [e for e in map(Envelope.from_json, bodies) if e.type.startswith(CATALOG_PREFIXES)]
    return sum(consume(reflections_uow, reflections_subscriptions.SUBSCRIPTIONS, e,
                       f"{consumer}.{e.type}") for e in envelopes)


def feed_skill_places(skills_engine: Engine, artifacts_uow, consumer: str = "gateway-tests") -> int:
    """Apply the skills outbox's skill_* events to the artifacts service's skill catalog; how many were new."""
    with skills_engine.connect() as conn:
        bodies = conn.execute(select(skills_outbox.c.body).order_by(skills_outbox.c.id)).scalars().all()
    envelopes = [e for e in map(Envelope.from_json, bodies) if e.type.startswith("skill_")]
    return sum(consume(artifacts_uow, artifacts_subscriptions.SUBSCRIPTIONS, e,
                       f"{consumer}.{e.type}") for e in envelopes)
