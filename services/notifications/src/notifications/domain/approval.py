"""Teacher approval (issue 11 §1): when the student's school (or else the district) requires it, families hear of
a student's OWN new artifact or reflection only once a current teacher approves it. Teachers' additions and every
other kind go straight through; the portfolio itself is never held."""
from __future__ import annotations

from notifications.domain.preferences import DistrictSettings

HELD_KINDS = frozenset({"artifact_added", "reflection_added"})


def needs_approval(kind: str, actor_role: str, school_id: str, settings: DistrictSettings) -> bool:
    return kind in HELD_KINDS and actor_role == "student" and settings.approval_required_at(school_id)
