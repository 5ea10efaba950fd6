"""Records requests (the passport export, later amendment and erasure): who may make one towards a student, and the
reason a privacy officer must state, which every owning service keeps in its audit row (pure Python)."""
from __future__ import annotations

from chassis.access import Role
from chassis.errors import FieldProblem, InvalidArgument

MAX_REASON = 2_000
EXPORTERS = frozenset({Role.STUDENT, Role.GUARDIAN, Role.PRIVACY_OFFICER})   # the roles that may export a record


def stated_reason(role: str | None, reason: str) -> str:
    """The reason, trimmed; InvalidArgument when a privacy officer gives none, or it is too long."""
    reason = (reason or "").strip()
    if len(reason) > MAX_REASON:
        raise InvalidArgument(f"reason: at most {MAX_REASON} characters",
                              [FieldProblem("reason", f"at most {MAX_REASON} characters")])
    if role == Role.PRIVACY_OFFICER and not reason:
        raise InvalidArgument("reason: a privacy officer states the records request an export answers",
                              [FieldProblem("reason", "required of a privacy officer")])
    return reason


def export_detail(role: str | None, reason: str, **more) -> dict:
    """The audit row's detail of an export: the role acted in, the stated reason and what was sent."""
    return {"export": "passport", "role": str(role or ""), "reason": reason, **more}
