"""Applying many events in one transaction: one inbox claim statement for the whole batch (the rows it inserted are
the events not applied before), the high-volume types set-based (adapters.bulk, the same rules), each other new
event's projection, then one commit. The rebuild and bulk feeds use
it; per-event delivery (the events worker) gives the same read models, since each effect is order-independent."""
from __future__ import annotations

from chassis.events import Envelope
from chassis.messaging.replica import upsert_statement, utc_iso
from chassis.messaging.topology import consumer_name
from reporting.adapters import bulk, freshness
from reporting.adapters.facts import lock_key
from reporting.adapters.orm import inbox
from reporting.service_layer.derived import derive
from reporting.service_layer.subscriptions import EFFECTS, SUBSCRIPTIONS
from reporting.service_layer.unit_of_work import UowFactory

BULK = frozenset({"artifact_added", "artifact_updated", "reflection_added", "feedback_given"})


def apply_batch(uows: UowFactory, envelopes: list[Envelope]) -> int:
    """Apply the subscribed events of ``envelopes`` not applied before, all or none; how many were new."""
    wanted: dict[tuple[str, str], Envelope] = {}
    for e in envelopes:
        if (e.producer, e.type) in SUBSCRIPTIONS:
            wanted.setdefault((consumer_name("reporting", e.type), e.event_id), e)
    if not wanted:
        return 0
    with uows() as uow:
        statement = upsert_statement(uow.session, inbox).values(
            [{"consumer": c, "event_id": i} for c, i in wanted]).on_conflict_do_nothing(
            index_elements=["consumer", "event_id"]).returning(inbox.c.consumer, inbox.c.event_id)
        new = {tuple(row) for row in uow.session.execute(statement)}
        fresh = [e for key, e in wanted.items() if key in new]
        deleted = {str(e.data["artifact_id"]) for e in fresh if e.type == "artifact_deleted"}
        in_bulk = [e for e in fresh if e.type in BULK and str(e.data["artifact_id"]) not in deleted]
        uow.deferred = set()            # students whose history changed: derived once, after every effect
        for e in fresh:
            if e not in in_bulk:
                EFFECTS[(e.producer, e.type)](uow, e)
        bulk.artifacts(uow.session, [e for e in in_bulk if e.producer == "artifacts"])
        bulk.responses(uow.session, [e for e in in_bulk if e.producer == "reflections"])
        students, uow.deferred = sorted(uow.deferred, key=lock_key), None
        for student_id in students:
            derive(uow, student_id)
        for source in sorted({e.producer for e in fresh}):      # one as_of update per source (a hot row)
            uow.facts.touch(source, max(utc_iso(e.occurred_at) for e in fresh if e.producer == source))
        for e in fresh:
            freshness.observe(e.producer, e.occurred_at)
        uow.commit()
    return len(new)
