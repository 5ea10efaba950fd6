"""The server-side record of sessions and bearer tokens: one row per session id, and per person the moment before
which every session is revoked (sign out everywhere, deactivation). SQLite on the embedded default, Redis in
production (:mod:`gateway.sessions.redis_store`); ``GATEWAY_SESSION_STORE`` picks one."""
from __future__ import annotations

import pathlib
import secrets
import sqlite3
import threading
import time
from dataclasses import dataclass
from typing import Protocol

from gateway.clock import Clock


@dataclass(frozen=True)
class SessionRecord:
    subject: str
    created_at: float
    expires_at: float


def is_live(record: SessionRecord | None, subject: str, not_before: float | None, now: float) -> bool:
    """The one revocation rule: the session exists (logout deletes it), belongs to ``subject``, has not expired,
    and started after the person's last "revoke all" (``not_before``)."""
    return (record is not None and record.subject == subject and now < record.expires_at
            and (not_before is None or record.created_at > not_before))


def new_session_id() -> str:
    return secrets.token_urlsafe(32)


class SessionStore(Protocol):
    def create(self, subject: str, ttl_seconds: float) -> str:
        """Record a new session of ``subject`` that ends after ``ttl_seconds``; returns its id."""

    def live(self, session_id: str, subject: str) -> bool:
        """True while the session is neither logged out, revoked, nor expired."""

    def revoke(self, session_id: str) -> None:
        """End one session (logout)."""

    def revoke_subject(self, subject: str) -> None:
        """End every session of ``subject`` started until now (sign out everywhere, deactivation)."""


SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (session_id TEXT PRIMARY KEY, subject TEXT NOT NULL,
                                     created_at REAL NOT NULL, expires_at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS ix_sessions_expires_at ON sessions (expires_at);
CREATE TABLE IF NOT EXISTS revoked_before (subject TEXT PRIMARY KEY, not_before REAL NOT NULL,
                                           expires_at REAL NOT NULL);
"""


class SqliteSessionStore:
    """The embedded default's store: one SQLite file (WAL), shared by every gateway process on the machine.
    ``max_lifetime`` bounds how long a "revoke all" must be remembered (the longest session or token)."""

    def __init__(self, path: pathlib.Path | str, max_lifetime: float, clock: Clock = time.time) -> None:
        self._clock, self._max_lifetime = clock, max_lifetime
        if str(path) != ":memory:":
            pathlib.Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=5)
        self._lock = threading.Lock()
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(SCHEMA)

    def create(self, subject: str, ttl_seconds: float) -> str:
        session_id, now = new_session_id(), self._clock()
        with self._lock:
            self._db.execute("DELETE FROM sessions WHERE expires_at <= ?", (now,))   # keep the file small
            self._db.execute("DELETE FROM revoked_before WHERE expires_at <= ?", (now,))
            self._db.execute("INSERT INTO sessions VALUES (?, ?, ?, ?)", (session_id, subject, now, now + ttl_seconds))
        return session_id

    def live(self, session_id: str, subject: str) -> bool:
        with self._lock:
            row = self._db.execute(
                "SELECT s.subject, s.created_at, s.expires_at, r.not_before FROM sessions s "
                "LEFT JOIN revoked_before r ON r.subject = s.subject WHERE s.session_id = ?", (session_id,)).fetchone()
        if row is None:
            return False
        return is_live(SessionRecord(row[0], row[1], row[2]), subject, row[3], self._clock())

    def revoke(self, session_id: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM sessions WHERE session_id = ?", (session_id,))

    def revoke_subject(self, subject: str) -> None:
        now = self._clock()
        with self._lock:
            self._db.execute("INSERT INTO revoked_before VALUES (?, ?, ?) ON CONFLICT (subject) DO UPDATE SET "
                             "not_before = excluded.not_before, expires_at = excluded.expires_at",
                             (subject, now, now + self._max_lifetime))

    def close(self) -> None:
        with self._lock:
            self._db.close()


def open_session_store(url: str, var_dir: pathlib.Path, max_lifetime: float, key_prefix: str = "skillfolio:session:",
                       clock: Clock = time.time) -> SessionStore:
    """The store ``url`` names: ``redis://`` / ``rediss://`` (production; keys under ``key_prefix``),
    ``sqlite:///<path>``, or empty for ``<var_dir>/gateway-sessions.db`` (the embedded default)."""
    if url.startswith(("redis://", "rediss://", "unix://")):
        from gateway.sessions.redis_store import RedisSessionStore
        return RedisSessionStore.from_url(url, key_prefix, max_lifetime, clock)
    if url.startswith("sqlite:///"):
        return SqliteSessionStore(url.removeprefix("sqlite:///"), max_lifetime, clock)
    if url:
        raise ValueError(f"GATEWAY_SESSION_STORE must be empty, sqlite:///<path> or redis://..., not {url!r}")
    return SqliteSessionStore(pathlib.Path(var_dir) / "gateway-sessions.db", max_lifetime, clock)
