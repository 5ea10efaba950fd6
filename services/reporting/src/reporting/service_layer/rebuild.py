"""Rebuild every read model from the sources' event history into shadow tables while the live ones keep serving,
then swap atomically. The events come from a feed (the CLI's: the sources' outboxes replayed through
`skillfolio events replay` into a queue of the rebuild's own, bound before the replay, so it also gets every event
published meanwhile); each is applied by the same projections and consumer names as the events worker, so the
shadow's inbox dedupes replays exactly as the live one does. What reaches the feed between its last drain and the
swap is applied after the swap to the new live tables, whose inbox makes that exactly-once with the live worker."""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from chassis.db import make_session_factory
from chassis.events import Envelope
from reporting.adapters import shadow
from reporting.service_layer.batches import apply_batch
from reporting.service_layer.unit_of_work import ReportingUnitOfWork

Feed = Callable[[], list[Envelope]]       # the next messages; [] when none is waiting right now


def _apply(session_factory: sessionmaker, envelopes: list[Envelope]) -> int:
    return apply_batch(lambda: ReportingUnitOfWork(session_factory), envelopes)


def rebuild(engine: Engine, feed: Feed, expected: int, progress: Callable[[int], None] = lambda n: None) -> int:
    """Apply the feed to fresh shadow tables until at least ``expected`` messages came and none is waiting, swap
    them in, then apply any stragglers live; how many events were applied. On a failure before the swap the
    shadow is discarded and the live read models stay as they were."""
    shadow.create(engine)
    seen = applied = 0
    try:
        shadow_sessions = shadow.sessions(engine)
        while True:
            batch = feed()
            if not batch and seen >= expected:
                break
            seen += len(batch)
            applied += _apply(shadow_sessions, batch)
            progress(len(batch))
        shadow.swap(engine)
    except BaseException:
        shadow.discard(engine)
        raise
    live = make_session_factory(engine)
    while batch := feed():
        applied += _apply(live, batch)
        progress(len(batch))
    return applied
