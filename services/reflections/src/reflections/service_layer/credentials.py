"""Open Badges use cases: a district admin defines badges, awards a skill badge and revokes a credential; the
student, their guardians and current teachers list the student's credentials and get their CLR; anyone fetches the
signed status list. Every act about a student by someone else is audited in the same transaction."""
from __future__ import annotations

import json
import uuid

from chassis.calendar import DistrictCalendar
from chassis.errors import Conflict, FieldProblem, InvalidArgument, NotFound
from chassis.roster_replica.owner import decide
from reflections.domain import credentials as model
from reflections.domain.access import Viewer
from reflections.domain.credential_access import CredentialAction, check_district, check_read, is_audited
from reflections.domain.credential_events import BadgeDefined, CredentialRevoked
from reflections.domain.credentials import Award, Badge
from reflections.domain.model import require, text_problem
from reflections.service_layer.credential_issuer import District, award
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork, UowFactory

MAX_REASON = 2_000


class CredentialUseCases:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar, district: District) -> None:
        self.uow_factory, self.calendar, self.district = uow_factory, calendar, district

    def define_badge(self, viewer: Viewer, kind: str, name: str, description: str, criteria: str,
                     milestone_type_id: str = "", min_outcome: str = "", skill_id: str = "") -> Badge:
        check_district(viewer, CredentialAction.DEFINE)
        model.validate_badge(kind, name, description, criteria, milestone_type_id, skill_id, min_outcome)
        badge = Badge(str(uuid.uuid4()), kind, name.strip(), description.strip(), criteria.strip(),
                      milestone_type_id if kind == model.MILESTONE else "",
                      skill_id if kind == model.SKILL else "", min_outcome if kind == model.MILESTONE else "",
                      viewer.subject, self.calendar.clock())
        with self.uow_factory() as uow:
            if kind == model.MILESTONE and uow.milestones.type(milestone_type_id) is None:
                raise InvalidArgument(f"milestone_type_id: no milestone type {milestone_type_id!r}",
                                      [FieldProblem("milestone_type_id", "is not a milestone type of the district")])
            if kind == model.SKILL and uow.credentials.skill_alignment(skill_id) is None:
                raise InvalidArgument(f"skill_id: no skill {skill_id!r} is known from the skills service",
                                      [FieldProblem("skill_id", "is not a skill of the district")])
            uow.credentials.add_badge(badge)
            uow.raise_event(BadgeDefined(badge.id, kind, badge.name, badge.milestone_type_id, badge.skill_id,
                                         badge.min_outcome, viewer.subject))
            uow.keep_result(badge)
            uow.commit()
        return badge

    def badges(self, viewer: Viewer) -> list[Badge]:
        with self.uow_factory() as uow:
            return uow.credentials.badges()

    def award_skill_badge(self, viewer: Viewer, badge_id: str, student_id: str) -> Award:
        check_district(viewer, CredentialAction.AWARD)
        with self.uow_factory() as uow:
            badge = uow.credentials.badge(badge_id)
            if badge is None or badge.kind != model.SKILL:
                raise InvalidArgument(f"badge_id: {badge_id!r} is not a skill badge (milestone badges are issued "
                                      "when the milestone completes)", [FieldProblem("badge_id", "is not a skill badge")])
            person = uow.replicas.person(student_id)
            if person is None or "student" not in person.roles.split(","):
                raise InvalidArgument(f"student_id: {student_id!r} is not a student of the district",
                                      [FieldProblem("student_id", "is not a student of the district")])
            if uow.credentials.holds(student_id, badge_id, ""):
                raise Conflict(f"badge_id: the student already holds {badge.name!r}",
                               [FieldProblem("badge_id", "is already held")])
            issued = award(uow, self.district, badge, student_id, viewer.subject, self.calendar.clock())
            uow.audit(viewer, "AwardBadge", [student_id], {"credential_id": issued.id, "badge_id": badge_id})
            uow.keep_result(issued)
            uow.commit()
            return issued

    def revoke(self, viewer: Viewer, credential_id: str, reason: str) -> Award:
        check_district(viewer, CredentialAction.REVOKE)
        require(text_problem("reason", reason, MAX_REASON))
        with self.uow_factory() as uow:
            found = uow.credentials.award(credential_id, for_update=True)
            if found is None:
                raise NotFound(f"credential_id: no credential {credential_id!r}")
            if found.revoked_at is not None:
                raise Conflict("credential_id: this credential is already revoked",
                               [FieldProblem("credential_id", "is already revoked")])
            uow.credentials.revoke(credential_id, viewer.subject, reason.strip(), self.calendar.clock())
            uow.audit(viewer, "RevokeCredential", [found.student_id], {"credential_id": credential_id,
                                                                      "reason": reason.strip()})
            uow.raise_event(CredentialRevoked(credential_id, found.badge_id, found.student_id, viewer.subject))
            revoked = uow.credentials.award(credential_id)
            uow.commit()
            return revoked

    def _readable(self, uow: ReflectionsUnitOfWork, viewer: Viewer, student_id: str, action: str) -> None:
        today = self.calendar.today()
        relation = uow.replicas.relation(viewer.subject, student_id, today, viewer.roles)
        decide(uow.roster, viewer, student_id, today, relation, lambda known: check_read(viewer, student_id, known))
        if is_audited(viewer, student_id):
            uow.audit(viewer, action, [student_id], {})

    def student_credentials(self, viewer: Viewer, student_id: str) -> list[Award]:
        with self.uow_factory() as uow:
            self._readable(uow, viewer, student_id, "ListStudentCredentials")
            found = uow.credentials.awards_of(student_id)
            uow.commit()
            return found

    def clr(self, viewer: Viewer, student_id: str) -> tuple[dict, str]:
        """The student's ClrCredential over every live badge, and its VC-JWT; Conflict while they hold none."""
        with self.uow_factory() as uow:
            self._readable(uow, viewer, student_id, "GetClr")
            live = uow.credentials.awards_of(student_id, live_only=True)
            uow.commit()
        if not live:
            raise Conflict("student_id: this student holds no badge yet, so there is no CLR to issue",
                           [FieldProblem("student_id", "holds no badge yet")])
        document = model.clr_credential(self.district.issuer, str(uuid.uuid4()), student_id, self.calendar.clock(),
                                        live)
        return json.loads(json.dumps(document)), self.district.sign(document)

    def status_list(self) -> tuple[str, str]:
        """(the signed BitstringStatusListCredential, its URL)."""
        with self.uow_factory() as uow:
            revoked = uow.credentials.revoked_indexes()
        return self.district.status_list(revoked, self.calendar.clock()), self.district.issuer.status_list_url
