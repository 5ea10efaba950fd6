"""Rights at 18: the daily rule that passes a student's rights to them (ending their guardians' access, audited and
published), the adult student's own grants, and each district's setting. The other services follow from the
guardianship events into their roster replicas; notifications tells the student and the family."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chassis.access import Role, Viewer
from chassis.errors import Conflict, FieldProblem, InvalidArgument, NotFound, PermissionDenied
from roster.adapters.rights_repository import GuardianStanding
from roster.domain.events import GuardianAccessChanged, GuardianshipAdded, GuardianshipRemoved, StudentRightsPassed
from roster.domain.rights import RULE_ACTOR, GuardianAccessEnds, due
from roster.service_layer.unit_of_work import RosterUnitOfWork, UowFactory

RULE_ROLES = (Role.SERVICE.value,)
SETTING_ROLES = frozenset({Role.DISTRICT_ADMIN.value})     # who chooses the district's rule (on the web, the API)
NOT_YOURS = "only the student, once their rights have passed to them, decides who else sees their record"


@dataclass(frozen=True)
class DistrictRule:
    """A district's rule as its admin sees it: the one chosen, or the deployment's default."""

    district_id: str
    ends: GuardianAccessEnds
    is_default: bool
    updated_by: str = ""


@dataclass(frozen=True)
class RightsRun:
    """What one run of the rule did: students whose rights passed, guardians whose access it ended."""

    passed: int = 0
    ended: int = 0


def _rule(rule: str) -> GuardianAccessEnds:
    try:
        return GuardianAccessEnds(rule)
    except ValueError:
        choices = ", ".join(r.value for r in GuardianAccessEnds)
        raise InvalidArgument(f"{rule!r} is not one of: {choices}",
                              [FieldProblem("guardian_access_ends", f"one of {choices}")]) from None


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
        chosen = _rule(rule)
        with self.unit_of_work() as uow:
            if not uow.rights.is_district(district_id):
                raise NotFound(f"no district {district_id!r} in the roster")
            uow.rights.set_rule(district_id, chosen, by)
            uow.commit()
        return chosen

    def district_rule(self, viewer: Viewer) -> DistrictRule:
        """The rule of the district admin's own district."""
        with self.unit_of_work() as uow:
            return self._district_rule(uow, self._admins_district(uow, viewer))

    def choose_rule(self, viewer: Viewer, rule: str) -> DistrictRule:
        """A district admin chooses their district's rule; audited. It applies from the rule's next run, to
        students whose rights have not passed yet (a passing is not undone)."""
        chosen = _rule(rule)
        with self.unit_of_work() as uow:
            district_id = self._admins_district(uow, viewer)
            uow.rights.set_rule(district_id, chosen, viewer.subject)
            uow.record_act(viewer.subject, viewer.roles, "roster.SetRightsRule", [district_id],
                           {"guardian_access_ends": chosen.value}, subject_type="district")
            uow.commit()
            return self._district_rule(uow, district_id)

    def _district_rule(self, uow: RosterUnitOfWork, district_id: str) -> DistrictRule:
        chosen = uow.rights.rule_of(district_id)
        if chosen is None:
            return DistrictRule(district_id, self.default_rule, is_default=True)
        return DistrictRule(district_id, chosen[0], is_default=False, updated_by=chosen[1])

    @staticmethod
    def _admins_district(uow: RosterUnitOfWork, viewer: Viewer) -> str:
        if not viewer.roles & SETTING_ROLES:
            raise PermissionDenied("only a district admin chooses when rights pass to students")
        district_id = uow.directory.district_of(viewer.subject)
        if not district_id:
            raise NotFound("your account belongs to no district in the roster")
        return district_id

    @staticmethod
    def _own(viewer: Viewer, student_id: str) -> None:
        if viewer.subject != student_id or Role.STUDENT not in viewer.roles:
            raise PermissionDenied(NOT_YOURS)
