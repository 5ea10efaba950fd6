"""The reporting service's demo seed (`skillfolio seed`, `up`): its read models primed with the events the earlier
seeds hand over (roster cast, demo classes and school years, skills catalog, artifacts, reflections), applied in one
batch by the events worker's own batch path and consumer names, so RabbitMQ's later deliveries of the same events
change nothing."""
from __future__ import annotations

from chassis.config import service_settings
from chassis.descriptor import SeedContext
from reporting.bootstrap import build
from reporting.service_layer.batches import apply_batch
from reporting.service_layer.subscriptions import SOURCES


def seed_demo(context: SeedContext) -> dict:
    events = [e for source in SOURCES for e in context.events(source)]
    app = build(service_settings("reporting"))
    try:
        applied = apply_batch(app.unit_of_work, events)
    finally:
        app.close()
    return {"messages": [f"primed the reporting read models with {applied} events"] if applied else []}
