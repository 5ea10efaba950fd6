"""The production session store on Redis (redis-py): every gateway replica sees the same logouts and revocations.

Keys, under a prefix (``GATEWAY_SESSION_KEY_PREFIX``): ``<prefix>s:<session id>`` holds the session's record and
expires with it; ``<prefix>nb:<subject>`` holds the person's "revoked before" time for as long as any session
could outlive it. A check is one MGET round trip.
"""
from __future__ import annotations

import json
import math
import time

import redis

from gateway.sessions.store import Clock, SessionRecord, is_live, new_session_id

TIMEOUT_SECONDS = 2.0


class RedisSessionStore:
    def __init__(self, client: redis.Redis, prefix: str, max_lifetime: float, clock: Clock = time.time) -> None:
        self._redis, self._prefix = client, prefix
        self._max_lifetime, self._clock = max_lifetime, clock

    @classmethod
    def from_url(cls, url: str, prefix: str, max_lifetime: float, clock: Clock = time.time) -> RedisSessionStore:
        client = redis.Redis.from_url(url, socket_timeout=TIMEOUT_SECONDS, socket_connect_timeout=TIMEOUT_SECONDS,
                                      decode_responses=True)
        return cls(client, prefix, max_lifetime, clock)

    def _session_key(self, session_id: str) -> str:
        return f"{self._prefix}s:{session_id}"

    def _revoked_key(self, subject: str) -> str:
        return f"{self._prefix}nb:{subject}"

    def create(self, subject: str, ttl_seconds: float) -> str:
        session_id, now = new_session_id(), self._clock()
        record = {"sub": subject, "created_at": now, "expires_at": now + ttl_seconds}
        self._redis.set(self._session_key(session_id), json.dumps(record), ex=max(1, math.ceil(ttl_seconds)))
        return session_id

    def live(self, session_id: str, subject: str) -> bool:
        stored, not_before = self._redis.mget(self._session_key(session_id), self._revoked_key(subject))
        if stored is None:
            return False
        data = json.loads(stored)
        record = SessionRecord(str(data["sub"]), float(data["created_at"]), float(data["expires_at"]))
        return is_live(record, subject, float(not_before) if not_before is not None else None, self._clock())

    def revoke(self, session_id: str) -> None:
        self._redis.delete(self._session_key(session_id))

    def revoke_subject(self, subject: str) -> None:
        self._redis.set(self._revoked_key(subject), repr(self._clock()), ex=max(1, math.ceil(self._max_lifetime)))

    def close(self) -> None:
        self._redis.close()
