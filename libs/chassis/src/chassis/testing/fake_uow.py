"""A fake unit of work for fast unit tests: in-memory repositories, and the outbox, audit log, inbox and kept
idempotent results as lists that commit (or roll back) together, as the real transaction does."""
from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from chassis.context import current_correlation_id
from chassis.events import Envelope


@dataclass(frozen=True)
class AuditRow:
    """One row :func:`chassis.audit.record_access` would append."""

    actor: str
    actor_roles: str
    action: str
    subject_type: str
    subject_ids: tuple[str, ...]
    correlation_id: str
    detail: dict = field(default_factory=dict)

    @property
    def subject_id(self) -> str | None:
        return self.subject_ids[0] if len(self.subject_ids) == 1 else None


class FakeUnitOfWork:
    """Mix in BEFORE a service's unit of work (``class FakeX(FakeUnitOfWork, XUnitOfWork)``) and set the
    repositories in ``__init__``; list them in ``stores`` so a unit that does not commit leaves them unchanged.

    One instance serves every ``with uow:`` of a test (its factory is ``lambda: uow``). Committed results:
    ``events`` (envelopes), ``audit_rows`` (:class:`AuditRow`), ``claims`` ((consumer, event_id)), ``kept``, and
    ``commits`` (how many units committed).
    """

    stores: tuple[str, ...] = ()
    producer = "fake"
    consumer = ""               # the inbox consumer name of the delivery being applied (set by the caller)
    duplicate = False
    roster = None               # no roster service to ask before a refusal

    def __init__(self) -> None:
        self.session = None
        self.events: list[Envelope] = []
        self.audit_rows: list[AuditRow] = []
        self.claims: set[tuple[str, str]] = set()
        self.kept: list[Any] = []
        self.commits = 0
        self._pending: list[Envelope] = []
        self._unit: dict[str, list] = {}
        self._snapshot: dict | None = None

    # --- the transaction ---
    def __enter__(self):
        self._pending, self._unit, self.duplicate = [], {"audit": [], "claims": [], "kept": []}, False
        self._snapshot = self._take_snapshot()
        return self

    def __exit__(self, *exc_info) -> None:
        self.rollback()

    def _take_snapshot(self) -> dict:
        return {name: copy.deepcopy(vars(getattr(self, name))) for name in self.stores}

    def commit(self) -> None:
        self.events.extend(self._pending)
        self.audit_rows.extend(self._unit.get("audit", []))
        self.claims.update(self._unit.get("claims", []))
        self.kept.extend(self._unit.get("kept", []))
        self._pending, self._unit = [], {"audit": [], "claims": [], "kept": []}
        self._snapshot = None                          # committed: leaving the unit undoes nothing
        self.commits += 1

    def rollback(self) -> None:
        self._pending, self._unit = [], {"audit": [], "claims": [], "kept": []}
        for name, state in (self._snapshot or {}).items():
            vars(getattr(self, name)).update(state)
        self._snapshot = None

    # --- what the real unit writes with SQL ---
    def flush_events(self) -> int:
        return len(self._pending)

    def record_access(self, table: Any, *, actor: str, actor_roles: Iterable[str], action: str,
                      subject_ids: Iterable[str], subject_type: str = "student", detail: dict | None = None) -> bool:
        subjects = tuple(dict.fromkeys(subject_ids))
        if not subjects:
            return False
        detail = json.loads(json.dumps(detail or {}, sort_keys=True, default=str))
        self._unit["audit"].append(AuditRow(actor, ",".join(sorted(actor_roles)), action, subject_type, subjects,
                                            current_correlation_id(), detail))
        return True

    def keep_result(self, result: Any) -> None:
        self._unit["kept"].append(result)

    def claim(self, envelope: Envelope) -> bool:
        """False (and ``duplicate``) when ``consumer`` already applied the event (committed, or in this unit)."""
        key = (self.consumer, envelope.event_id)
        if key in self.claims or key in self._unit["claims"]:
            self.duplicate = True
            return False
        self._unit["claims"].append(key)
        return True

    # --- assertions' helpers ---
    def event_types(self) -> list[str]:
        return [e.type for e in self.events]

    def actions(self) -> list[str]:
        return [row.action for row in self.audit_rows]
