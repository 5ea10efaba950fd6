"""What an import knows about the sourcedIds it has read (or, for files the manifest marks absent, the database
already holds): enough to check references across files without keeping rows in memory."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import Connection, text

from roster.domain.identity import ROSTER_NAMESPACE

_NAMESPACE = ROSTER_NAMESPACE.bytes


@lru_cache(maxsize=400_000)
def cached_id(kind: str, sourced_id: str) -> str:
    """``roster.domain.identity.entity_id`` (uuid5) without building uuid.UUID objects, with a bounded cache
    (the same users and classes are referenced many times per import); tests check both agree."""
    digest = bytearray(hashlib.sha1(_NAMESPACE + f"{kind}:{sourced_id}".encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@dataclass(frozen=True)
class Session:
    type: str
    start: str
    end: str
    parent: str          # parent sourcedId or ""
    year: int


@dataclass
class Catalog:
    orgs: dict[str, str] = field(default_factory=dict)            # sourcedId -> org type
    sessions: dict[str, Session] = field(default_factory=dict)
    courses: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    users: set[str] = field(default_factory=set)

    def school_year_of(self, session_sid: str) -> str | None:
        """The schoolYear session a term (or semester, grading period) belongs to, walking up parents."""
        seen: set[str] = set()
        sid = session_sid
        while sid and sid in self.sessions and sid not in seen:
            seen.add(sid)
            session = self.sessions[sid]
            if session.type == "schoolYear":
                return sid
            sid = session.parent
        return None

    def load_from_database(self, kind: str, connection: Connection) -> None:
        """Fill one kind from the roster tables (its file is absent from this import)."""
        if kind == "orgs":
            self.orgs = dict(connection.execute(text("SELECT sourced_id, type FROM orgs")).all())
        elif kind == "academicSessions":
            rows = connection.execute(text(
                "SELECT s.sourced_id, s.type, s.start_date, s.end_date, coalesce(p.sourced_id, ''), s.school_year "
                "FROM academic_sessions s LEFT JOIN academic_sessions p ON p.id = s.parent_id")).all()
            self.sessions = {r[0]: Session(r[1], str(r[2]), str(r[3]), r[4], r[5]) for r in rows}
        elif kind == "courses":
            self.courses = set(connection.execute(text("SELECT sourced_id FROM courses")).scalars())
        elif kind == "classes":
            self.classes = set(connection.execute(text("SELECT sourced_id FROM sections")).scalars())
        elif kind == "users":
            self.users = set(connection.execute(text("SELECT sourced_id FROM people")).scalars())
