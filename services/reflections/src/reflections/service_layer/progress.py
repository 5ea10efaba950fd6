"""Points of progress use cases: a current teacher of the section completes one per student and term (referenced work
from the student's live artifacts, a strength-based comment, a level of the skill's scale); its author changes it
while it is editable; the student, current teachers and guardians list a student's points (their passport).
Completing raises point_of_progress_completed in the same transaction; anyone but the student is audited."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace

from chassis.calendar import DistrictCalendar
from chassis.errors import Conflict, FieldProblem, InvalidArgument, PermissionDenied
from chassis.roster_replica.owner import decide
from chassis.roster_replica.standing import in_span
from reflections.domain import progress as rules
from reflections.domain.assessment import Instrument, level_problem
from reflections.domain.progress import PointOfProgress, Term
from reflections.domain.progress_access import DENIED, ProgressAction, Viewer, check_author, check_point, is_audited
from reflections.domain.progress_events import PointOfProgressCompleted
from reflections.service_layer.goals import own_live_artifacts
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork, UowFactory


@dataclass(frozen=True)
class PointView:
    """A point of progress as replies show it, with its term, names and whether the viewer may still change it."""

    point: PointOfProgress
    term: Term
    teacher_name: str
    skill_name: str
    editable_until: dt.date
    late: bool
    viewer_can_edit: bool


def teaches_section(uow: ReflectionsUnitOfWork, person_id: str, section_id: str, today: dt.date,
                    role: str = "teacher") -> bool:
    """Whether the person's enrollment in the section (as ``role``) holds today."""
    return any(span.section_id == section_id and in_span(span, today) for span, _ in uow.replicas.spans(person_id, role))


def problem(field: str, reason: str) -> InvalidArgument:
    return InvalidArgument(f"{field}: {reason}", [FieldProblem(field, reason)])


class PointsOfProgress:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar) -> None:
        self.uow_factory, self.calendar = uow_factory, calendar

    def _standing(self, uow: ReflectionsUnitOfWork, viewer: Viewer, action: ProgressAction,
                  student_id: str | None) -> str:
        if student_id is None:
            raise PermissionDenied(DENIED)
        today = self.calendar.today()
        relation = uow.replicas.relation(viewer.subject, student_id, today, viewer.roles)
        return decide(uow.roster, viewer, student_id, today, relation,
                      lambda known: check_point(viewer, action, student_id, known))

    def _in_section(self, uow: ReflectionsUnitOfWork, viewer: Viewer, student_id: str, section_id: str) -> None:
        """Refuse unless the viewer teaches the student in this very section today."""
        today = self.calendar.today()
        if not (teaches_section(uow, viewer.subject, section_id, today)
                and teaches_section(uow, student_id, section_id, today, "student")):
            raise PermissionDenied(DENIED)

    @staticmethod
    def _instrument(uow: ReflectionsUnitOfWork, skill_id: str, level_rank: int, kept: tuple[str, ...] = ()) -> Instrument:
        unusable = uow.catalog.unusable_skills([skill_id]) if skill_id not in kept else {}
        if unusable:
            raise problem("skill_id", f"{skill_id!r} {unusable[skill_id]}")
        instrument = uow.catalog.instrument(skill_id)
        if instrument is None:
            raise problem("skill_id", f"{skill_id!r} has no proficiency scale to show a level on")
        if bad := level_problem("level_rank", level_rank, instrument.scale):
            raise InvalidArgument(f"{bad.field}: {bad.reason}", [bad])
        return instrument

    def complete(self, viewer: Viewer, student_id: str, section_id: str, term_id: str, skill_id: str,
                 level_rank: int, comment: str, artifact_ids: list[str]) -> PointView:
        rules.validate_point(student_id, section_id, term_id, skill_id, comment, artifact_ids)
        with self.uow_factory() as uow:
            self._standing(uow, viewer, ProgressAction.COMPLETE, student_id)
            self._in_section(uow, viewer, student_id, section_id)
            term = uow.progress.term(term_id)
            if term is None or term.school_year_id != uow.progress.section_year(section_id):
                raise problem("term_id", f"{term_id!r} is not a term of this section's school year")
            now = self.calendar.clock()
            own_live_artifacts(uow, now, student_id, rules.unique(artifact_ids))
            instrument = self._instrument(uow, skill_id, level_rank)
            if uow.progress.exists(student_id, section_id, term_id):
                raise Conflict(f"this student's point of progress for {term.name} in this section is already "
                               f"completed: change it instead", [FieldProblem("term_id", "already completed")])
            point = PointOfProgress(str(uuid.uuid4()), student_id, section_id, term_id, viewer.subject, skill_id,
                                    level_rank, instrument.scale.level_name(level_rank), comment.strip(),
                                    tuple(rules.unique(artifact_ids)), now, now)
            uow.progress.add(point)
            uow.audit(viewer, "CompletePointOfProgress", [student_id], {"point_id": point.id, "term_id": term_id,
                                                                      "section_id": section_id})
            uow.raise_event(PointOfProgressCompleted(
                point.id, student_id, section_id, term_id, term.name, term.school_year_id, viewer.subject, skill_id,
                level_rank, point.level_name, list(point.artifact_ids)))
            view = self._view(uow, viewer, point, term, {skill_id: instrument.skill_name}, True)
            uow.keep_result(view)
            uow.commit()
        return view

    def update(self, viewer: Viewer, point_id: str, comment: str | None = None, level_rank: int | None = None,
               artifact_ids: list[str] | None = None) -> PointView:
        """Only the given fields change; the author only, while the point is editable."""
        rules.validate_change(comment, artifact_ids)
        with self.uow_factory() as uow:
            point = uow.progress.get(point_id, for_update=True)
            self._standing(uow, viewer, ProgressAction.EDIT, point.student_id if point else None)
            check_author(viewer, point.teacher_id)
            self._in_section(uow, viewer, point.student_id, point.section_id)
            term = uow.progress.term(point.term_id)
            until = rules.editable_until(term.due_on, self.calendar.day_of(point.completed_at))
            if self.calendar.today() > until:
                raise Conflict(f"this point of progress could be changed until {until.isoformat()}",
                               [FieldProblem("point_id", f"no longer editable (since {until.isoformat()})")])
            now = self.calendar.clock()
            if artifact_ids is not None:
                own_live_artifacts(uow, now, point.student_id, rules.unique(artifact_ids))
            rank = point.level_rank if level_rank is None else level_rank
            instrument = self._instrument(uow, point.skill_id, rank, kept=(point.skill_id,))
            point = replace(point, level_rank=rank, level_name=instrument.scale.level_name(rank), updated_at=now,
                            comment=point.comment if comment is None else comment.strip(),
                            artifact_ids=point.artifact_ids if artifact_ids is None
                            else tuple(rules.unique(artifact_ids)))
            uow.progress.save(point)
            uow.audit(viewer, "UpdatePointOfProgress", [point.student_id], {"point_id": point.id})
            view = self._view(uow, viewer, point, term, {point.skill_id: instrument.skill_name}, True)
            uow.commit()
        return view

    def of_student(self, viewer: Viewer, student_id: str) -> list[PointView]:
        """The student's points of progress, newest first (the passport's record)."""
        with self.uow_factory() as uow:
            role = self._standing(uow, viewer, ProgressAction.READ, student_id)
            points = uow.progress.of_student(student_id)
            if is_audited(viewer, student_id):
                uow.audit(viewer, "ListPointsOfProgress", [student_id], {"points": len(points)})
            views = self.views(uow, viewer, points, may_edit=role == "teacher")
            uow.commit()
        return views

    def views(self, uow: ReflectionsUnitOfWork, viewer: Viewer, points: list[PointOfProgress],
              may_edit: bool) -> list[PointView]:
        skills: dict[str, str] = {}
        terms = {t.id: t for t in uow.progress.terms()} if points else {}
        return [self._view(uow, viewer, p, terms[p.term_id], skills, may_edit) for p in points]

    def _view(self, uow: ReflectionsUnitOfWork, viewer: Viewer, point: PointOfProgress, term: Term,
              skills: dict[str, str], may_edit: bool) -> PointView:
        if point.skill_id not in skills:
            instrument = uow.catalog.instrument(point.skill_id)
            skills[point.skill_id] = instrument.skill_name if instrument else point.skill_id
        completed_on, today = self.calendar.day_of(point.completed_at), self.calendar.today()
        until = rules.editable_until(term.due_on, completed_on)
        can_edit = (may_edit and viewer.subject == point.teacher_id and today <= until
                    and teaches_section(uow, viewer.subject, point.section_id, today))
        return PointView(point, term, uow.replicas.names([point.teacher_id]).get(point.teacher_id, ""),
                         skills[point.skill_id], until, completed_on > term.due_on, can_edit)
