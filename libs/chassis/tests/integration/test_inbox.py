"""The idempotent inbox on real PostgreSQL (and SQLite, the embedded default): effects apply once, even racing."""
import threading

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, func, insert, select, text

from chassis.db import make_engine, make_session_factory
from chassis.events import Envelope
from chassis.messaging.inbox import already_applied, claim, claim_all
from chassis.messaging.subscriptions import apply_once
from chassis.messaging.tables import add_messaging_tables
from chassis.testing import wait_for
from chassis.uow import UnitOfWork

pytestmark = pytest.mark.integration


def _schema(engine):
    metadata = MetaData()
    outbox, inbox = add_messaging_tables(metadata)
    effects = Table("effects", metadata, Column("id", Integer, primary_key=True), Column("event_id", String(36)))
    metadata.create_all(engine)
    return inbox, effects, outbox


def units(engine, inbox, outbox):
    """A factory of plain units of work with the inbox (what a service's unit of work adds its repositories to)."""
    sessions = make_session_factory(engine)
    return lambda: UnitOfWork(sessions, outbox, "svc", inbox=inbox)


E1 = Envelope(type="thing_happened", producer="svc", data={}, event_id="e1")


@pytest.fixture(params=["postgresql", "sqlite"])
def db(request, tmp_path):
    url = request.getfixturevalue("fresh_pg_database_url") if request.param == "postgresql" \
        else f"sqlite:///{tmp_path / 'inbox.db'}"
    engine = make_engine(url, pool_size=4)
    yield engine, *_schema(engine)
    engine.dispose()


def count(engine, effects):
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(effects)).scalar()


def waiting_on_a_lock(engine) -> bool:
    """Another session of this database is blocked waiting for a lock."""
    with engine.connect() as conn:
        return bool(conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                      "AND wait_event_type = 'Lock'")).scalar())


def test_second_delivery_changes_nothing(db):
    engine, inbox, effects, outbox = db
    uows = units(engine, inbox, outbox)

    def effect(uow, envelope):
        uow.session.execute(insert(effects).values(event_id=envelope.event_id))
    assert apply_once(uows, "svc.handler", E1, effect) is True
    assert apply_once(uows, "svc.handler", E1, effect) is False
    assert apply_once(uows, "other.handler", E1, effect) is True   # per consumer
    assert count(engine, effects) == 2


def test_a_batch_claim_returns_the_pairs_not_applied_before(db):
    engine, inbox, _, _ = db
    with make_session_factory(engine)() as session:
        assert claim(session, inbox, "svc.a", "e1")
        assert claim_all(session, inbox, [("svc.a", "e1"), ("svc.a", "e2"), ("svc.b", "e1")]) == {
            ("svc.a", "e2"), ("svc.b", "e1")}
        assert claim_all(session, inbox, [("svc.a", "e2"), ("svc.b", "e1")]) == set()
        assert claim_all(session, inbox, []) == set()
        assert already_applied(session, inbox, "svc.b", "e1")


def test_failed_effect_leaves_no_inbox_row(db):
    engine, inbox, effects, outbox = db
    sessions = make_session_factory(engine)

    def broken(uow, envelope):
        uow.session.execute(insert(effects).values(event_id=envelope.event_id))
        raise RuntimeError("boom")
    with pytest.raises(RuntimeError):
        apply_once(units(engine, inbox, outbox), "svc.handler", E1, broken)
    with sessions() as session:
        assert not already_applied(session, inbox, "svc.handler", "e1")
    assert count(engine, effects) == 0


def test_concurrent_redelivery_applies_once(fresh_pg_database_url):
    engine = make_engine(fresh_pg_database_url, pool_size=4)
    inbox, effects, _ = _schema(engine)
    sessions = make_session_factory(engine)
    first_claimed, results = threading.Event(), {}

    def first():
        with sessions() as session, session.begin():
            results["first"] = claim(session, inbox, "svc.handler", "e1")
            session.execute(insert(effects).values(event_id="e1"))
            first_claimed.set()
            # the duplicate arrives while this one is in flight, and blocks on the key until this one commits
            results["second blocked"] = wait_for(lambda: waiting_on_a_lock(engine), 10, "the duplicate's claim to block")

    def second():
        first_claimed.wait()
        with sessions() as session, session.begin():
            results["second"] = claim(session, inbox, "svc.handler", "e1")
            if results["second"]:
                session.execute(insert(effects).values(event_id="e1"))
    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    [t.start() for t in threads]
    [t.join(10) for t in threads]
    assert results["first"] is True and results["second"] is False
    assert results.get("second blocked")
    assert count(engine, effects) == 1
    engine.dispose()
