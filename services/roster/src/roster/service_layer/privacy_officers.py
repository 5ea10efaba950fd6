"""The district privacy officer role: granted and revoked by an operator (`skillfolio roster privacy-officer`), always
with a reason, each act in the roster's append-only audit log in the same transaction."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from chassis.errors import Conflict, FieldProblem, InvalidArgument, NotFound
from chassis.records_request import MAX_REASON
from roster.domain.model import Person
from roster.service_layer.unit_of_work import RosterUnitOfWork, UowFactory

OPERATOR_ROLES = ("operator",)


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason or len(reason) > MAX_REASON:
        raise InvalidArgument("reason: say why (the audit log keeps it)",
                              [FieldProblem("reason", f"required, at most {MAX_REASON} characters")])
    return reason


def find_person(uow: RosterUnitOfWork, ref: str) -> Person:
    """The person ``ref`` names: their id or their roster username."""
    ref = (ref or "").strip()
    found = uow.people.get(ref) if ref else None
    if found is not None:
        return found
    matches = uow.people.find_by_username(ref) if ref else []
    if len(matches) != 1:
        raise NotFound(f"no single person in the roster has id or username {ref!r}")
    return matches[0]


class PrivacyOfficers:
    def __init__(self, unit_of_work: UowFactory, clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)):
        self.unit_of_work, self.clock = unit_of_work, clock

    def grant(self, operator: str, person_ref: str, reason: str) -> Person:
        reason = _reason(reason)
        with self.unit_of_work() as uow:
            person = find_person(uow, person_ref)
            if not person.active:
                raise InvalidArgument("person: an inactive person cannot act for the district",
                                      [FieldProblem("person", "is inactive")])
            if uow.privacy_officers.holds(person.id):
                raise Conflict(f"{person.username or person.id} is already a privacy officer")
            uow.privacy_officers.grant(person.id, operator, reason, self.clock())
            uow.record_act(operator, OPERATOR_ROLES, "roster.GrantPrivacyOfficer", [person.id], {"reason": reason},
                           subject_type="person")
            uow.commit()
        return person

    def revoke(self, operator: str, person_ref: str, reason: str) -> Person:
        reason = _reason(reason)
        with self.unit_of_work() as uow:
            person = find_person(uow, person_ref)
            if not uow.privacy_officers.holds(person.id):
                raise Conflict(f"{person.username or person.id} is not a privacy officer")
            uow.privacy_officers.revoke(person.id)
            uow.record_act(operator, OPERATOR_ROLES, "roster.RevokePrivacyOfficer", [person.id], {"reason": reason},
                           subject_type="person")
            uow.commit()
        return person
