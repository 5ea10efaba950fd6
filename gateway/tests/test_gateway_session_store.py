"""The session stores (embedded SQLite and Redis) and the revocation rule, with an injected clock: logout ends one
session, "revoke all" ends every earlier session of one person only, expiry ends a session at its lifetime."""
from __future__ import annotations

import uuid

import pytest
import redis

from gateway.sessions.redis_store import RedisSessionStore
from gateway.sessions.store import SessionRecord, SqliteSessionStore, is_live, open_session_store

REDIS_URL = "redis://127.0.0.1:6379/0"
HOUR = 3600.0


class Clock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=["sqlite", "redis"])
def store(request, clock, tmp_path):
    if request.param == "sqlite":
        store = SqliteSessionStore(tmp_path / "sessions.db", max_lifetime=12 * HOUR, clock=clock)
        yield store
        store.close()
        return
    prefix = f"test:{uuid.uuid4().hex}:"            # a key space of this test's own on the shared Redis
    store = RedisSessionStore.from_url(REDIS_URL, prefix, max_lifetime=12 * HOUR, clock=clock)
    yield store
    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(f"{prefix}*"))
    if keys:
        client.delete(*keys)
    client.close()
    store.close()


def test_logout_ends_one_session_only(store, clock):
    first, second = store.create("ann", HOUR), store.create("ann", HOUR)
    assert store.live(first, "ann") and store.live(second, "ann")
    store.revoke(first)
    assert not store.live(first, "ann")
    assert store.live(second, "ann")


def test_a_session_ends_at_its_lifetime(store, clock):
    session = store.create("ann", HOUR)
    clock.now += HOUR - 1
    assert store.live(session, "ann")
    clock.now += 1
    assert not store.live(session, "ann")


def test_revoke_all_ends_every_earlier_session_of_that_person_only(store, clock):
    web, token, other = store.create("ann", HOUR), store.create("ann", HOUR), store.create("bob", HOUR)
    clock.now += 1
    store.revoke_subject("ann")
    assert not store.live(web, "ann") and not store.live(token, "ann")
    assert store.live(other, "bob")
    clock.now += 1
    later = store.create("ann", HOUR)                 # logging in again after "sign out everywhere" works
    assert store.live(later, "ann")


def test_a_session_is_live_only_for_its_own_subject(store):
    session = store.create("ann", HOUR)
    assert not store.live(session, "bob")
    assert not store.live("no-such-session", "ann")


def test_session_ids_are_unguessable_and_distinct(store):
    ids = {store.create("ann", HOUR) for _ in range(20)}
    assert len(ids) == 20 and all(len(i) >= 40 for i in ids)


def test_the_revocation_rule():
    record = SessionRecord("ann", created_at=100.0, expires_at=200.0)
    assert is_live(record, "ann", None, now=150.0)
    assert not is_live(None, "ann", None, now=150.0)                 # logged out: no record
    assert not is_live(record, "bob", None, now=150.0)
    assert not is_live(record, "ann", None, now=200.0)               # expired
    assert not is_live(record, "ann", 100.0, now=150.0)              # started no later than "revoke all"
    assert is_live(record, "ann", 99.0, now=150.0)                   # started after it


def test_the_embedded_default_is_a_sqlite_file_under_the_var_dir(tmp_path):
    store = open_session_store("", tmp_path, 12 * HOUR)
    try:
        assert isinstance(store, SqliteSessionStore) and (tmp_path / "gateway-sessions.db").exists()
    finally:
        store.close()
    assert isinstance(open_session_store(REDIS_URL, tmp_path, HOUR, "test:"), RedisSessionStore)
    with pytest.raises(ValueError, match="GATEWAY_SESSION_STORE"):
        open_session_store("memcached://x", tmp_path, HOUR)
