"""The rebuild's transport over real RabbitMQ: a queue of its own bound before a source's outbox is replayed
(`skillfolio events replay`'s mechanism), the source's relay republishing the history into it, and the rebuilt
read models equal to live consumption of the same events."""
from __future__ import annotations

import pytest
import reporting_stream as ks

from chassis.db import make_engine
from chassis.messaging.relay import OutboxRelay
from chassis.messaging.subscriptions import feed_before_workers
from chassis.messaging.testing import add_to_outbox, create_messaging_tables
from reporting.adapters.reads import Scope
from reporting.adapters.replay_feed import ReplayFeed
from reporting.service_layer.rebuild import rebuild
from reporting.service_layer.subscriptions import SUBSCRIPTIONS

# own_database: the rebuild reads the replayed feed on connections of its own
pytestmark = [pytest.mark.integration, pytest.mark.own_database]


def _counts(app) -> dict:
    with app.unit_of_work() as uow:
        return {year: uow.reads.artifact_counts(Scope(year), "skill") for year in ks.YEARS}


def test_replayed_outbox_rebuilds_the_read_models(app, fresh_pg_database_url, fresh_amqp_url, monkeypatch):
    d = ks.district(seed=31, n_students=8, n_artifacts=20)
    history = [e for e in d.events if e.producer == "artifacts"]
    source = make_engine(fresh_pg_database_url, pool_size=1)
    outbox, _ = create_messaging_tables(source)
    add_to_outbox(source, outbox, history)
    relay = OutboxRelay(source, outbox, fresh_amqp_url, "artifacts")
    assert relay.publish_all() == len(history)                   # the past: published (and long consumed) once
    feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, history, "reporting")
    live = _counts(app)
    assert live["y1"] and live["y2"]
    monkeypatch.setenv("ARTIFACTS_DATABASE_URL", fresh_pg_database_url)
    keys = [key for key in SUBSCRIPTIONS if key[0] == "artifacts"]
    with ReplayFeed(fresh_amqp_url, keys, idle_timeout=30) as feed:
        expected = feed.replay({"artifacts": outbox})
        assert expected == len(history)
        assert relay.publish_all() == len(history)               # the running relay republishes them
        applied = rebuild(app.engine, feed, expected)
    relay.close()
    source.dispose()
    assert applied == len(history)
    assert _counts(app) == live
