"""The chassis engine's pool on real PostgreSQL: a connection back in use at once is not pinged (no extra round trip
per checkout), one that sat idle is, and a dead idle connection is replaced before the caller sees it."""
import pytest
from sqlalchemy import event, text

from chassis import db as chassis_db
from chassis.db import make_engine

pytestmark = pytest.mark.integration


@pytest.fixture
def engine(pg_database_url):
    engine = make_engine(pg_database_url, pool_size=1)
    pings = []
    ping = engine.dialect.do_ping
    engine.dialect.do_ping = lambda connection: pings.append(1) or ping(connection)
    engine.pings = pings
    yield engine
    engine.dispose()


def backend_pid(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(text("SELECT pg_backend_pid()")).scalar()


def test_a_connection_reused_at_once_is_not_pinged(engine):
    first = backend_pid(engine)
    pinged = len(engine.pings)
    statements = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    for _ in range(5):
        assert backend_pid(engine) == first
    assert len(engine.pings) == pinged
    assert statements == ["SELECT pg_backend_pid()"] * 5


def test_a_dead_idle_connection_is_replaced_before_use(engine, monkeypatch):
    dead = backend_pid(engine)
    admin = make_engine(engine.url.render_as_string(hide_password=False), pool_size=1)
    with admin.connect() as connection:
        assert connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": dead}).scalar()
    admin.dispose()
    monkeypatch.setattr(chassis_db.time, "monotonic", lambda: 1e12)   # the connection has sat idle long enough
    pinged = len(engine.pings)
    assert backend_pid(engine) != dead                                 # no error reached the caller
    assert len(engine.pings) > pinged
