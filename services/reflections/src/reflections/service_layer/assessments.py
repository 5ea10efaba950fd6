"""Assessment use cases: the instrument for a skill of an artifact, a teacher's assessment, the student's
self-assessment, an artifact's assessments side by side, and a student's growth over school years.

Access is decided from the replicas (the artifact's student, teaching and guardianship); the level is checked
against the skill's scale (and rubric) in the skills catalog replica. Anyone other than the student is audited.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from chassis.calendar import DistrictCalendar
from chassis.errors import FieldProblem, InvalidArgument
from reflections.domain.access import STUDENT, Action, Viewer, is_audited
from reflections.domain.amendments import Notes, notes_of
from reflections.domain.assessment import Assessment, CriterionLevel, Instrument, validate_assessment
from reflections.domain.events import AssessmentRecorded
from reflections.domain.growth import Labels, SkillGrowth, assemble, unlabelled
from reflections.service_layer.artifact_owner import student_of
from reflections.service_layer.commands import standing
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork, UowFactory


@dataclass(frozen=True)
class SkillAssessments:
    skill_id: str
    skill_name: str
    teacher: list[Assessment]
    self: list[Assessment]
    notes: dict[str, Notes] = field(default_factory=dict)     # amendments: {assessment id: Notes}


def _instrument(uow: ReflectionsUnitOfWork, artifact_id: str, skill_id: str) -> Instrument:
    if not uow.catalog.is_tagged(artifact_id, skill_id):
        raise InvalidArgument(f"skill_id: {skill_id!r} is not tagged on this artifact",
                              [FieldProblem("skill_id", f"{skill_id!r} is not tagged on this artifact")])
    instrument = uow.catalog.instrument(skill_id)
    if instrument is None:
        raise InvalidArgument(f"skill_id: {skill_id!r} has no proficiency scale to assess with",
                              [FieldProblem("skill_id", f"{skill_id!r} has no proficiency scale to assess with")])
    return instrument


class AssessmentUseCases:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar) -> None:
        self.uow_factory, self.calendar = uow_factory, calendar

    def _audit(self, uow: ReflectionsUnitOfWork, viewer: Viewer, action: str, student_id: str, detail: dict) -> None:
        if is_audited(viewer, student_id):
            uow.audit(viewer, action, [student_id], detail)

    def instrument(self, viewer: Viewer, artifact_id: str, skill_id: str) -> Instrument:
        with self.uow_factory() as uow:
            student_id = student_of(uow, self.calendar.clock(), artifact_id)
            standing(uow, self.calendar, viewer, Action.READ, student_id)
            found = _instrument(uow, artifact_id, skill_id)
            self._audit(uow, viewer, "GetInstrument", student_id, {"artifact_id": artifact_id, "skill_id": skill_id})
            uow.commit()
        return found

    def assess(self, viewer: Viewer, artifact_id: str, skill_id: str, level_rank: int, comment: str,
               criterion_levels: list[CriterionLevel]) -> Assessment:
        """A teacher who teaches the student now; a strength-based comment is required."""
        return self._record(viewer, Action.ASSESS, "Assess", artifact_id, skill_id, level_rank, comment,
                            criterion_levels)

    def self_assess(self, viewer: Viewer, artifact_id: str, skill_id: str, level_rank: int, comment: str,
                    criterion_levels: list[CriterionLevel]) -> Assessment:
        """The artifact's student, with the same instrument; the comment is optional."""
        return self._record(viewer, Action.SELF_ASSESS, "SelfAssess", artifact_id, skill_id, level_rank, comment,
                            criterion_levels)

    def _record(self, viewer: Viewer, action: Action, name: str, artifact_id: str, skill_id: str, level_rank: int,
                comment: str, criterion_levels: list[CriterionLevel]) -> Assessment:
        with self.uow_factory() as uow:
            student_id = student_of(uow, self.calendar.clock(), artifact_id)
            role = standing(uow, self.calendar, viewer, action, student_id)
            instrument = _instrument(uow, artifact_id, skill_id)
            validate_assessment(instrument, level_rank, comment, criterion_levels,
                                comment_required=role != STUDENT)
            item = Assessment(str(uuid.uuid4()), artifact_id, student_id, skill_id, viewer.subject, role, level_rank,
                              instrument.scale.level_name(level_rank), comment.strip(), self.calendar.clock(),
                              list(criterion_levels))
            uow.assessments.add(item, instrument.scale.max_rank)
            uow.keep_result(item)
            self._audit(uow, viewer, name, student_id, {"assessment_id": item.id, "artifact_id": artifact_id,
                                                        "skill_id": skill_id})
            uow.raise_event(AssessmentRecorded(item.id, artifact_id, student_id, skill_id, viewer.subject, role,
                                               level_rank, uow.catalog.school_year_of(artifact_id)))
            uow.commit()
        return item

    def on_artifact(self, viewer: Viewer, artifact_id: str) -> list[SkillAssessments]:
        """Per skill tagged on the artifact (and any skill assessed before it was untagged): teacher and self
        assessments, oldest first."""
        with self.uow_factory() as uow:
            student_id = student_of(uow, self.calendar.clock(), artifact_id)
            standing(uow, self.calendar, viewer, Action.READ, student_id)
            found = uow.assessments.on_artifact(artifact_id)
            skills = dict(uow.catalog.tagged_skills(artifact_id))
            for item in found:
                skills.setdefault(item.skill_id, item.skill_id)
            notes = notes_of(uow.amendments.on_records([a.id for a in found]))
            self._audit(uow, viewer, "ListAssessments", student_id, {"artifact_id": artifact_id})
            uow.commit()
        return [SkillAssessments(skill_id, name,
                                 [a for a in found if a.skill_id == skill_id and a.assessor_role != STUDENT],
                                 [a for a in found if a.skill_id == skill_id and a.assessor_role == STUDENT], notes)
                for skill_id, name in skills.items()]

    def growth(self, viewer: Viewer, student_id: str) -> list[SkillGrowth]:
        """The student's growth per skill over school years: the student, their teachers, their guardians."""
        with self.uow_factory() as uow:
            standing(uow, self.calendar, viewer, Action.READ, student_id)
            counts, points = uow.assessments.tagged_counts(student_id), uow.assessments.points(student_id)
            skill_ids, year_ids = unlabelled(counts, points)
            labels = uow.assessments.labels(skill_ids, year_ids) if skill_ids or year_ids else Labels()
            growth = assemble(counts, points, labels)
            self._audit(uow, viewer, "GetGrowth", student_id, {})
            uow.commit()
        return growth
