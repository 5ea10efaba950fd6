"""How the relay claims on real PostgreSQL: straight off the unsent index in id order, reading only the batch, even
when the planner's statistics predate a backlog (so catching up on a backlog is linear, not quadratic)."""
import datetime as dt

import pytest
from sqlalchemy import text

from chassis.db import make_engine
from chassis.messaging.relay_batches import PostgresBatches
from chassis.messaging.testing import add_to_outbox, create_messaging_tables, envelope

pytestmark = pytest.mark.integration


def plan_nodes(plan: dict):
    yield plan
    for child in plan.get("Plans", ()):
        yield from plan_nodes(child)


def test_a_claim_reads_one_batch_off_the_unsent_index_whatever_the_statistics_say(fresh_pg_database_url):
    engine = make_engine(fresh_pg_database_url, pool_size=2)
    outbox, _ = create_messaging_tables(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE outbox")                  # statistics of an empty outbox
    add_to_outbox(engine, outbox, [envelope("demo", "thing_happened", {"n": i}) for i in range(3000)])
    batches = PostgresBatches(engine, outbox, None, "demo.events", "demo", batch_size=200)
    connection = batches._connection()
    try:
        statement = batches._claim_statement.compile(engine)
        params = {**statement.params, "sent_at": dt.datetime.now(dt.UTC)}
        plan = connection.exec_driver_sql(f"EXPLAIN (ANALYZE, FORMAT JSON) {statement}", params).scalar()[0]["Plan"]
        nodes = list(plan_nodes(plan))
        scans = [n for n in nodes if n.get("Relation Name") == "outbox" and "Scan" in n["Node Type"]
                 and n.get("Index Name") != "outbox_pkey"]           # (the update finds each claimed row by key)
        assert [(n["Node Type"], n.get("Index Name")) for n in scans] == [("Index Scan", "ix_outbox_unsent")]
        assert scans[0]["Actual Rows"] == 200                           # not the 3,000-row backlog
        assert not [n for n in nodes if n["Node Type"] == "Sort"]
        assert plan["Actual Rows"] == 200
    finally:
        batches._discard(connection)
        engine.dispose()
    with engine.connect() as check:
        assert check.execute(text("SELECT count(*) FROM outbox WHERE sent_at IS NULL")).scalar() == 3000  # rolled back
