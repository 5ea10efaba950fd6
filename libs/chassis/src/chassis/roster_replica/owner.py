"""Asking the roster before a refusal: a relation the roster replica has not received yet is a retryable condition.

When a service would refuse a teacher or guardian ONLY because its replica shows no relation to the student (a
teacher enrolled or a guardianship added moments ago), :func:`decide` asks the owner of those facts, the roster
(:class:`RosterRelations`). A relation the roster knows and the replica lacks is NotYetReplicated (gRPC UNAVAILABLE
+ RetryInfo, HTTP 503 Retry-After), and so is a roster that cannot answer (we cannot know: never a false refusal);
a roster that knows none keeps the refusal. The allow path never asks, so the common case costs nothing.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from typing import Protocol, TypeVar

from chassis.access import Viewer
from chassis.errors import DomainError, NotYetReplicated, PermissionDenied
from chassis.roster_replica.standing import GUARDIAN, TEACHER, Relation

log = logging.getLogger("chassis.roster_replica")

RETRY_AFTER_SECONDS = 1          # a roster event usually reaches a replica in well under a second
R = TypeVar("R", bound=Relation)
T = TypeVar("T")


class RosterUnreachable(Exception):
    """The roster could not answer (down, past the deadline, no principal to ask as): the relation is unknown."""


class RosterRelations(Protocol):
    """The roster's own answer to "what is this viewer to this student on this day"."""

    def relation(self, viewer_id: str, student_id: str, on: dt.date) -> Relation:
        """The relation the roster knows; raises :class:`RosterUnreachable` when it cannot tell."""


def _allows(rule: Callable[[R], object], relation: R) -> bool:
    try:
        rule(relation)
    except DomainError:               # PermissionDenied, or a rule's more specific refusal
        return False
    return True


def _with(replica: R, teaches_now: bool, guardian_of: bool) -> R:
    return dataclasses.replace(replica, teaches_now=replica.teaches_now or teaches_now,
                               guardian_of=replica.guardian_of or guardian_of)


def decide(owner: RosterRelations | None, viewer: Viewer, student_id: str, on: dt.date, replica: R,
           rule: Callable[[R], T]) -> T:
    """``rule(replica)``: the service's access check over its replica's relation (a role, or PermissionDenied).

    On a refusal that a teacher's or guardian's relation could lift, ``owner`` (None: not configured) is asked:
    NotYetReplicated when it knows a relation the replica lacks that lifts the refusal, or cannot answer; else the
    refusal stands. ``rule`` must be pure: it is tried again with the relations the replica may lack.
    """
    try:
        return rule(replica)
    except PermissionDenied:
        _retry_if_pending(owner, viewer, student_id, on, replica, rule)
        raise


def _retry_if_pending(owner: RosterRelations | None, viewer: Viewer, student_id: str, on: dt.date, replica: R,
                      rule: Callable[[R], object]) -> None:
    possible = _with(replica, TEACHER in viewer.roles, GUARDIAN in viewer.roles)
    if owner is None or not student_id or possible == replica or not _allows(rule, possible):
        return                            # no relation the replica may lack would change the answer: don't ask
    try:
        known = owner.relation(viewer.subject, student_id, on)
    except RosterUnreachable as exc:
        log.warning("roster not asked whether %s relates to %s (%s): answering retry, not refuse", viewer.subject,
                    student_id, exc)
        raise NotYetReplicated(f"this service could not confirm with the roster whether you teach or guard this "
                               f"student; retry in {RETRY_AFTER_SECONDS} s", RETRY_AFTER_SECONDS) from exc
    confirmed = _with(replica, known.teaches_now, known.guardian_of)
    if confirmed != replica and _allows(rule, confirmed):
        raise NotYetReplicated(f"the roster's record that you teach or guard this student has not reached this "
                               f"service yet; retry in {RETRY_AFTER_SECONDS} s", RETRY_AFTER_SECONDS)
