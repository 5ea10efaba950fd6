"""Subscriptions as data: the table becomes reliable handler methods named after the event type (queue and inbox
consumer from the table), each delivery is applied once through the unit of work's inbox, and duplicates are told
apart from applications by the unit of work, not by ambient state."""
from __future__ import annotations

import warnings

import pytest
from sqlalchemy import MetaData, create_engine
from sqlalchemy.orm import sessionmaker

from chassis.events import Envelope
from chassis.messaging.subscriptions import (
    APPLIED,
    DUPLICATE,
    ConsumerUnits,
    apply_once,
    consume,
    deliver,
    own_transactions,
)
from chassis.messaging.tables import add_messaging_tables
from chassis.messaging.worker import EVENTLET_WARNING
from chassis.uow import UnitOfWork

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=EVENTLET_WARNING, category=Warning)
    from chassis.messaging.subscribed_service import subscribes


@pytest.fixture
def uows(tmp_path):
    metadata = MetaData()
    outbox, inbox = add_messaging_tables(metadata)
    engine = create_engine(f"sqlite:///{tmp_path / 'subs.db'}")
    metadata.create_all(engine)
    sessions = sessionmaker(engine)

    def new_unit_of_work() -> UnitOfWork:
        return UnitOfWork(sessions, outbox, "svc", inbox=inbox)
    new_unit_of_work.inbox = inbox
    yield new_unit_of_work
    engine.dispose()


def event(type_: str = "thing_added", producer: str = "src") -> Envelope:
    return Envelope(type=type_, producer=producer, data={"n": 1})


def test_an_effect_applies_once_per_consumer(uows):
    seen = []
    envelope = event()
    assert apply_once(uows, "svc.thing_added", envelope, lambda uow, e: seen.append(e.event_id)) is True
    assert apply_once(uows, "svc.thing_added", envelope, lambda uow, e: seen.append(e.event_id)) is False
    assert apply_once(uows, "other.thing_added", envelope, lambda uow, e: seen.append(e.event_id)) is True
    assert seen == [envelope.event_id, envelope.event_id]


def test_consume_finds_the_subscriber_by_producer_and_type(uows):
    seen = []
    table = {("src", "thing_added"): lambda uow, e: seen.append(("added", e.type)),
             ("other", "thing_added"): lambda uow, e: seen.append(("other", e.type))}
    envelope = event()
    assert consume(uows, table, envelope, "test.thing_added")
    assert not consume(uows, table, envelope, "test.thing_added")
    assert seen == [("added", "thing_added")]


def test_an_own_transactions_handler_claims_as_its_consumer_and_its_duplicate_is_counted(uows):
    def check(units, envelope, clock):
        with units() as uow:
            if uow.claim(envelope):
                uow.commit()
        return clock()
    subscriber = own_transactions(check, method="checked")
    envelope = event()
    assert deliver(uows, subscriber, envelope, "svc.checked", clock=lambda: "now") == APPLIED
    assert deliver(uows, subscriber, envelope, "svc.checked", clock=lambda: "now") == DUPLICATE
    units = ConsumerUnits(uows, "svc.checked")
    assert check(units, envelope, lambda: "later") == "later" and units.duplicate


def test_claim_needs_a_consumer_and_an_inbox(uows):
    with uows() as uow, pytest.raises(RuntimeError, match="claim"):
        uow.claim(event())


def test_subscribes_builds_one_reliable_handler_per_row_named_after_the_event_type(uows):
    def check(units, envelope, media):
        return None

    @subscribes({("src", "thing_added"): lambda uow, e: None,
                 ("src", "thing_uploaded"): own_transactions(check, method="uploaded")}, uows, media=lambda: "m")
    class Worker:
        name = "svc"

    entrypoints = {name: [(ep.source_service, ep.event_type) for ep in getattr(method, "nameko_entrypoints", ())]
                   for name, method in vars(Worker).items() if callable(method)}
    assert entrypoints == {"thing_added": [("src", "thing_added")], "uploaded": [("src", "thing_uploaded")]}
    envelope = event()
    assert Worker().thing_added(envelope) == APPLIED
    assert Worker().thing_added(envelope) == DUPLICATE
    with uows() as uow:
        consumers = {row.consumer for row in uow.session.execute(uows.inbox.select())}
    assert consumers == {"svc.thing_added"}


def test_subscribes_refuses_two_rows_on_one_method_and_a_missing_dependency(uows):
    class Worker:
        name = "svc"
    with pytest.raises(TypeError, match="twice"):
        subscribes({("a", "x"): own_transactions(lambda u, e: None, method="m"),
                    ("b", "y"): own_transactions(lambda u, e: None, method="m")}, uows)(Worker)
    with pytest.raises(TypeError, match="clock"):
        subscribes({("a", "z"): own_transactions(lambda units, envelope, clock: None)}, uows)(type("W", (), {
            "name": "svc"}))
