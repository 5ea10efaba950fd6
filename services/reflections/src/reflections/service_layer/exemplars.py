"""Exemplar use cases: a current teacher nominates an artifact as a de-identified example of a level of a skill's
scale or rubric; the student or a guardian consents, declines or later withdraws (who and when is recorded);
teachers see consented exemplars beside the rubric, never the student's name or the artifact.

Nominations and consent are changes to the student's record, audited when made by anyone but the student; every
teacher's view of exemplars is audited as a disclosure of those students' (de-identified) work."""
from __future__ import annotations

import uuid
from dataclasses import replace

from chassis.access import role_of
from chassis.calendar import DistrictCalendar
from chassis.errors import Conflict, FieldProblem, InvalidArgument, PermissionDenied
from chassis.roster_replica.owner import decide
from reflections.adapters.calibration_repository import CalibrationRepository
from reflections.domain import calibration as rules
from reflections.domain.access import Viewer, is_audited
from reflections.domain.calibration import Exemplar
from reflections.domain.calibration_access import (
    DENIED,
    CalibrationAction,
    ExemplarAction,
    check_calibration,
    exemplar_allowed,
)
from reflections.service_layer.artifact_owner import student_of
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork, UowFactory

CONSENT_CHOICES = {"give": "active", "decline": "declined", "withdraw": "withdrawn"}


def exemplar_standing(uow: ReflectionsUnitOfWork, calendar: DistrictCalendar, viewer: Viewer, action: ExemplarAction,
                      student_id: str | None) -> str:
    """The role the viewer acts in towards the student for ``action``; one refusal for unknown and forbidden."""
    if student_id is None:
        raise PermissionDenied(DENIED)
    today = calendar.today()

    def rule(relation) -> str:
        role = role_of(viewer, student_id, relation)
        if not exemplar_allowed(role, action):
            raise PermissionDenied(DENIED)
        return str(role)

    return decide(uow.roster, viewer, student_id, today,
                  uow.replicas.relation(viewer.subject, student_id, today, viewer.roles), rule)


class ExemplarUseCases:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar) -> None:
        self.uow_factory, self.calendar = uow_factory, calendar

    def nominate(self, viewer: Viewer, artifact_id: str, skill_id: str, level_rank: int, caption: str,
                 criterion_code: str = "") -> Exemplar:
        """A teacher of the student now; the exemplar waits for the student's or a guardian's consent."""
        with self.uow_factory() as uow:
            student_id = student_of(uow, self.calendar.clock(), artifact_id)
            exemplar_standing(uow, self.calendar, viewer, ExemplarAction.NOMINATE, student_id)
            if not uow.catalog.is_tagged(artifact_id, skill_id):
                raise InvalidArgument(f"skill_id: {skill_id!r} is not tagged on this artifact",
                                      [FieldProblem("skill_id", f"{skill_id!r} is not tagged on this artifact")])
            instrument = uow.catalog.instrument(skill_id)
            if instrument is None:
                raise InvalidArgument("skill_id: this skill has no proficiency scale",
                                      [FieldProblem("skill_id", "this skill has no proficiency scale")])
            names = list(uow.replicas.names([student_id]).values())
            rules.validate_nomination(instrument, level_rank, criterion_code, caption, names)
            item = Exemplar(str(uuid.uuid4()), artifact_id, student_id, skill_id, criterion_code, level_rank,
                            instrument.scale.level_name(level_rank), caption.strip(), viewer.subject,
                            self.calendar.clock())
            CalibrationRepository(uow.session).add_exemplar(item)
            uow.keep_result(item)
            uow.audit(viewer, "NominateExemplar", [student_id], {"exemplar_id": item.id, "artifact_id": artifact_id})
            uow.commit()
        return item

    def consent(self, viewer: Viewer, exemplar_id: str, choice: str) -> Exemplar:
        """The student or a guardian: give, decline or withdraw consent; recorded with who and when."""
        if choice not in CONSENT_CHOICES:
            raise InvalidArgument("choice: must be give, decline or withdraw",
                                  [FieldProblem("choice", "must be give, decline or withdraw")])
        with self.uow_factory() as uow:
            repo = CalibrationRepository(uow.session)
            item = repo.exemplar(exemplar_id, for_update=True)
            role = exemplar_standing(uow, self.calendar, viewer, ExemplarAction.CONSENT, item and item.student_id)
            if choice == "give" and item.status != "awaiting_consent":
                raise Conflict(f"choice: this exemplar is {item.status}", [FieldProblem("choice", f"is {item.status}")])
            changed = replace(item, status=CONSENT_CHOICES[choice], consent_by=viewer.subject, consent_role=role,
                              consent_at=self.calendar.clock())
            repo.set_consent(changed)
            if is_audited(viewer, item.student_id):
                uow.audit(viewer, "ConsentExemplar", [item.student_id], {"exemplar_id": item.id, "choice": choice})
            uow.commit()
        return changed

    def of_student(self, viewer: Viewer, student_id: str) -> list[Exemplar]:
        """Every nomination of the student's work (to consent to): the student, guardians, current teachers."""
        with self.uow_factory() as uow:
            exemplar_standing(uow, self.calendar, viewer, ExemplarAction.SEE_NOMINATIONS, student_id)
            found = CalibrationRepository(uow.session).exemplars_of_student(student_id)
            if is_audited(viewer, student_id):
                uow.audit(viewer, "ListStudentExemplars", [student_id], {})
            uow.commit()
        return found

    def for_skill(self, viewer: Viewer, skill_id: str) -> list[Exemplar]:
        """Consented exemplars of a skill, lowest level first, for any teacher (de-identified in replies)."""
        check_calibration(viewer, CalibrationAction.SEE_EXEMPLARS)
        with self.uow_factory() as uow:
            found = CalibrationRepository(uow.session).active_exemplars(skill_id)
            if found:
                uow.audit(viewer, "ListExemplars", sorted({e.student_id for e in found}), {"skill_id": skill_id})
            uow.commit()
        return found
