"""One database per test session, one rolled-back transaction per test (SQLAlchemy 2's "join an external
transaction" recipe): a test's units of work commit to SAVEPOINTs inside a transaction the fixture rolls back."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import sessionmaker

from chassis.db import make_session_factory


@dataclass
class TestDatabase:
    """A migrated PostgreSQL database as one test sees it.

    ``session_factory`` is what a service's app must use (:meth:`adopt`): in the shared database its sessions join
    the test's transaction (each commit releases a SAVEPOINT, each rollback returns to one); in a database of the
    test's own (``@pytest.mark.own_database``) they are plain sessions on ``engine`` that really commit.
    ``url`` names the database for code that opens its own engine, which only an own database allows.
    """

    __test__ = False    # not a test class, whatever pytest thinks of the name

    url: str
    engine: Engine
    session_factory: sessionmaker
    connection: Connection | None = None    # the test's transaction in the shared database; None in an own one
    seeded: Any = None                      # what the database's seed function returned

    @property
    def own(self) -> bool:
        return self.connection is None

    def own_url(self) -> str:
        """``url`` for code that opens its own engine or process on the database; refused in the shared database,
        where its commits would outlive the test."""
        if not self.own:
            raise RuntimeError("this test hands its database to other code (an engine, a process): "
                               "mark it @pytest.mark.own_database")
        return self.url

    def adopt(self, app: Any) -> Any:
        """Point ``app``'s units of work at this test's sessions (apps read ``session_factory`` per unit)."""
        app.session_factory = self.session_factory
        return app

    @contextlib.contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection that sees what the test's units of work committed; what fails inside is undone alone."""
        if self.connection is None:
            with self.engine.begin() as conn:
                yield conn
            return
        savepoint = self.connection.begin_nested()
        try:
            yield self.connection
        except BaseException:
            savepoint.rollback()
            raise
        if _aborted(self.connection):     # a statement failed and the test caught it (pytest.raises)
            savepoint.rollback()
        else:
            savepoint.commit()


def _aborted(connection: Connection) -> bool:
    """Whether PostgreSQL refuses further statements in ``connection``'s transaction until a rollback."""
    from psycopg2.extensions import TRANSACTION_STATUS_INERROR
    return connection.connection.dbapi_connection.get_transaction_status() == TRANSACTION_STATUS_INERROR


def sessions(bind: Engine | Connection) -> sessionmaker:
    """The session factory the services build (chassis.db.make_session_factory); bound to a connection, its
    sessions join the connection's transaction, each one in a SAVEPOINT of its own."""
    factory = make_session_factory(bind)
    factory.configure(join_transaction_mode="create_savepoint")
    return factory


@contextlib.contextmanager
def rolled_back(url: str, engine: Engine, seeded: Any = None) -> Iterator[TestDatabase]:
    """A :class:`TestDatabase` over the shared database ``url`` whose every write is rolled back at the end."""
    connection = engine.connect()
    transaction = connection.begin()
    try:
        yield TestDatabase(url, engine, sessions(connection), connection, seeded)
    finally:
        if transaction.is_active:
            transaction.rollback()
        connection.close()


@contextlib.contextmanager
def committing(url: str, engine: Engine, seeded: Any = None) -> Iterator[TestDatabase]:
    """A :class:`TestDatabase` over a database of the test's own: sessions commit for real."""
    yield TestDatabase(url, engine, sessions(engine), None, seeded)
