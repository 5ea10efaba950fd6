"""Rebuild: read models rebuilt from a replayed event history (shuffled, duplicated) equal live consumption; the
live models keep serving until the swap; a failed rebuild leaves them as they were."""
from __future__ import annotations

import pytest
import reporting_stream as ks
from sqlalchemy import inspect, select, text

from chassis.messaging.subscriptions import feed_before_workers
from reporting.adapters.orm import READ_MODELS, freshness, inbox
from reporting.service_layer.rebuild import rebuild
from reporting.service_layer.subscriptions import SUBSCRIPTIONS

# own_database: the rebuild fills and swaps schemas on connections of its own
pytestmark = [pytest.mark.integration, pytest.mark.own_database]


def _snapshot(engine) -> dict:
    out = {}
    with engine.connect() as connection:
        for table in READ_MODELS:
            columns = [c for c in table.c if not (table is inbox and c.name == "processed_at")
                       and not (table is freshness and c.name == "changed")]    # a token per applying commit
            out[table.name] = sorted(tuple(row) for row in connection.execute(select(*columns)))
    return out


def _batches(events, size: int = 50):
    chunks = [events[i:i + size] for i in range(0, len(events), size)]
    return lambda: chunks.pop(0) if chunks else []


def _artifacts(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(text("SELECT count(*) FROM artifacts")).scalar()


def test_rebuild_equals_live_consumption_and_the_old_models_serve_until_the_swap(app):
    d = ks.district(seed=21, n_students=20, n_artifacts=60)
    feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, d.events, "reporting")
    live = _snapshot(app.engine)
    with app.engine.begin() as connection:                # the live model drifted (say, a bug since fixed)
        connection.execute(text("DELETE FROM artifacts WHERE artifact_id IN ('a1', 'a2')"))
    replay = ks.delivered(d, seed=4, shuffle=True, twice=True)
    next_batch, served = _batches(replay), []

    def feed():
        served.append(_artifacts(app.engine))              # still the old tables while the shadow fills
        return next_batch()
    applied = rebuild(app.engine, feed, expected=len(replay))
    assert applied == len(d.events)
    assert set(served[:-1]) == {60 - 2} and served[-1] == 60    # the last call drains stragglers after the swap
    assert _snapshot(app.engine) == live
    assert "reporting_rebuild" not in inspect(app.engine).get_schema_names()


def test_a_failed_rebuild_leaves_the_live_models(app):
    d = ks.district(seed=22, n_students=5, n_artifacts=10)
    feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, d.events, "reporting")
    before = _snapshot(app.engine)
    calls = []

    def feed():
        calls.append(1)
        if len(calls) > 2:
            raise ConnectionError("the broker went away")
        return d.events[:5]
    with pytest.raises(ConnectionError):
        rebuild(app.engine, feed, expected=10_000)
    assert _snapshot(app.engine) == before
    assert "reporting_rebuild" not in inspect(app.engine).get_schema_names()
