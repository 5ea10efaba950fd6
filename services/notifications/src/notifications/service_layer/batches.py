"""The events role's batch path: many events applied in one transaction, with the records applying each alone in
delivery order would give. One inbox claim statement for the batch (the rows it inserted are the events not applied
before); each run of same-type notifying events goes through the subscriptions table's own effects over a
:class:`~notifications.adapters.batch_unit.BatchUnit` (facts read once for the run, writes set-based); other types
(the roster, artifact updates and deletions) are applied one by one in the same transaction."""
from __future__ import annotations

from itertools import groupby

from chassis.events import Envelope
from chassis.messaging.inbox import claim_all
from chassis.messaging.subscriptions import as_subscriber
from chassis.messaging.topology import consumer_name
from notifications.adapters.batch_unit import BatchUnit
from notifications.adapters.orm import inbox
from notifications.service_layer.occurrences import READERS, moment
from notifications.service_layer.subscriptions import SUBSCRIPTIONS
from notifications.service_layer.unit_of_work import UowFactory

SERVICE = "notifications"
SET_BASED = frozenset(READERS)          # every notifying type; artifact_added also keeps the artifacts replica


def consumer_of(envelope: Envelope) -> str:
    """The inbox consumer the events worker claims ``envelope`` as (its subscription's method)."""
    subscriber = as_subscriber(SUBSCRIPTIONS[(envelope.producer, envelope.type)])
    return consumer_name(SERVICE, subscriber.method or envelope.type)


def apply_batch(uows: UowFactory, envelopes: list[Envelope]) -> set[tuple[str, str]]:
    """Apply the subscribed events of ``envelopes`` not applied before, all or none; the (consumer, event_id) pairs
    applied now (the events worker's batch function: chassis.messaging.batching)."""
    wanted: dict[tuple[str, str], Envelope] = {}
    for e in envelopes:
        if (e.producer, e.type) in SUBSCRIPTIONS:
            wanted.setdefault((consumer_of(e), e.event_id), e)
    if not wanted:
        return set()
    with uows() as uow:
        new = claim_all(uow.session, inbox, wanted)
        fresh = [e for key, e in wanted.items() if key in new]
        for key, group in groupby(fresh, key=lambda e: (e.producer, e.type)):
            run, effect = list(group), as_subscriber(SUBSCRIPTIONS[key]).handle
            if key not in SET_BASED:
                for e in run:
                    effect(uow, e)
                continue
            unit = BatchUnit(uow, {str(e.data["student_id"]) for e in run},
                             {str(e.data[k]) for e in run for k in ("student_id", "person_id") if e.data.get(k)},
                             {str(e.data["artifact_id"]) for e in run if e.data.get("artifact_id")},
                             min(moment(e) for e in run))
            for e in run:
                effect(unit, e)
            unit.flush()
        uow.commit()
    return new
