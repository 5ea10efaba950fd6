"""Rights at 18: the daily rule that passes a student's rights to them (ending their guardians' access, audited and
published), the adult student's own grants, and each district's setting. The other services follow from the
guardianship events into their roster replicas; notifications tells the student and the family."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chassis.access import Role, Viewer
from chassis.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from roster.adapters.rights_repository import GuardianStanding
from roster.domain.events import GuardianAccessChanged, GuardianshipAdded, GuardianshipRemoved, StudentRightsPassed
from roster.domain.rights import RULE_ACTOR, GuardianAccessEnds, due
from roster.service_layer.unit_of_work import RosterUnitOfWork, UowFactory

RULE_ROLES = (Role.SERVICE.value,)
NOT_YOURS = "only the student, once their rights have passed to them, decides who else sees their record"


@dataclass(frozen=True)
class RightsRun:
    """What one run of the rule did: students whose rights passed, guardians whose access it ended."""

    passed: int = 0
    ended: int = 0


def _end(uow: RosterUnitOfWork, guardian_id: str, student_id: str) -> None:
    uow.rights.set_access(guardian_id, student_id, False, RULE_ACTOR)
    uow.raise_events([GuardianshipRemoved(guardian_id=guardian_id, student_id=student_id, active=False),
                      GuardianAccessChanged(student_id=student_id, guardian_id=guardian_id, granted=False,
                                            decided_by=RULE_ACTOR)])


class Rights:
    def __init__(self, unit_of_work: UowFactory, default_rule: GuardianAccessEnds) -> None:
        self.unit_of_work = unit_of_work
        self.default_rule = default_rule

    def apply_due(self, changed_since: dt.datetime | None = None) -> RightsRun:
        """Pass the rights of every student the district's rule says are due by today, ending their guardians'
        access; then end the access of guardians the roster lists for such students that nobody decided on (added
        since) or that an import touched since ``changed_since`` (its guardianship events re-granted it)."""
        passed = ended = 0
        done: set[str] = set()
        with self.unit_of_work() as uow:
            rules = uow.rights.rules()
            for candidate in uow.rights.candidates():
                rule = rules.get(candidate.district_id, self.default_rule)
                passing = due(rule, candidate.birth_date, candidate.graduated_on, uow.today)
                if passing is None:
                    continue
                student = candidate.student_id
                uow.rights.record_passed(student, passing)
                guardians = [g.guardian_id for g in uow.rights.guardians(student) if g.granted is not True]
                for guardian in guardians:
                    _end(uow, guardian, student)
                uow.raise_event(StudentRightsPassed(student_id=student, basis=passing.basis.value,
                                                    effective_date=passing.on.isoformat(), guardian_ids=guardians))
                uow.record_change(RULE_ACTOR, RULE_ROLES, "roster.RightsPassed", student,
                                  {"basis": passing.basis.value, "on": passing.on, "guardians_ended": guardians})
                passed, ended = passed + 1, ended + len(guardians)
                done.add(student)
            for guardian, student in uow.rights.without_access(changed_since):
                if student in done:
                    continue
                _end(uow, guardian, student)
                uow.record_change(RULE_ACTOR, RULE_ROLES, "roster.GuardianAccessEnded", student,
                                  {"guardian_id": guardian, "reason": "rights passed to the student"})
                ended += 1
            uow.commit()
        return RightsRun(passed, ended)

    def guardians(self, viewer: Viewer, student_id: str) -> tuple[dt.date | None, list[GuardianStanding]]:
        """When the student's rights passed (None: not yet) and their guardians with each one's access; for the
        student themself only."""
        self._own(viewer, student_id)
        with self.unit_of_work() as uow:
            return uow.rights.passed_on(student_id), uow.rights.guardians(student_id)

    def set_guardian_access(self, viewer: Viewer, student_id: str, guardian_id: str, granted: bool) -> GuardianStanding:
        """The adult student grants (or withdraws) a guardian's access to their record; audited and published."""
        self._own(viewer, student_id)
        with self.unit_of_work() as uow:
            if uow.rights.passed_on(student_id) is None:
                raise Conflict("your rights over your record have not passed to you yet: your guardians' access "
                               "is not yours to change")
            standing = next((g for g in uow.rights.guardians(student_id) if g.guardian_id == guardian_id), None)
            if standing is None:
                raise NotFound("the roster lists no such guardian of yours")
            uow.rights.set_access(guardian_id, student_id, granted, viewer.subject)
            change = GuardianshipAdded(guardian_id=guardian_id, student_id=student_id, active=True) if granted else \
                GuardianshipRemoved(guardian_id=guardian_id, student_id=student_id, active=False)
            uow.raise_events([change, GuardianAccessChanged(student_id=student_id, guardian_id=guardian_id,
                                                            granted=granted, decided_by=viewer.subject)])
            uow.record_change(viewer.subject, viewer.roles, "roster.SetGuardianAccess", student_id,
                              {"guardian_id": guardian_id, "granted": granted})
            uow.commit()
        return GuardianStanding(standing.guardian_id, standing.given_name, standing.family_name, granted)

    def set_rule(self, district_id: str, rule: str, by: str) -> GuardianAccessEnds:
        """The district's setting (an operator's act: `skillfolio roster rights-rule`)."""
        try:
            chosen = GuardianAccessEnds(rule)
        except ValueError:
            raise InvalidArgument(f"{rule!r} is not one of: {', '.join(r.value for r in GuardianAccessEnds)}") \
                from None
        with self.unit_of_work() as uow:
            if not uow.rights.is_district(district_id):
                raise NotFound(f"no district {district_id!r} in the roster")
            uow.rights.set_rule(district_id, chosen, by)
            uow.commit()
        return chosen

    @staticmethod
    def _own(viewer: Viewer, student_id: str) -> None:
        if viewer.subject != student_id or Role.STUDENT not in viewer.roles:
            raise PermissionDenied(NOT_YOURS)
