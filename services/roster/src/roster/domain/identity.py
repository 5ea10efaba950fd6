"""Stable identities: every roster entity's id is derived from its OneRoster sourcedId, so re-imports are idempotent
and a student keeps one identity across schools."""
from __future__ import annotations

import uuid

ROSTER_NAMESPACE = uuid.UUID("6f1c2f8e-3b7a-5a53-9a0c-5f2b1d0e7c41")


def entity_id(kind: str, sourced_id: str) -> str:
    """Deterministic UUID for ``kind`` ("org", "session", "user", "course", "class", "enrollment")."""
    return str(uuid.uuid5(ROSTER_NAMESPACE, f"{kind}:{sourced_id}"))
