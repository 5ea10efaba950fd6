"""Calibration session use cases: a coach picks consented exemplars of one skill and invites teachers; each scores
them blind against the rubric (one submission, every exemplar on every criterion); the session reports agreement per
criterion once the viewer may see it; the district tracks the sessions' alpha over time."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from chassis.calendar import DistrictCalendar
from chassis.errors import Conflict, FieldProblem, InvalidArgument, PermissionDenied
from reflections.adapters.calibration_repository import CalibrationRepository
from reflections.domain import calibration as rules
from reflections.domain.access import Viewer
from reflections.domain.agreement import Agreement, agreement, overall_alpha
from reflections.domain.calibration import Exemplar, Score, Session
from reflections.domain.calibration_access import (
    DENIED,
    CalibrationAction,
    Standing,
    calibration_actions,
    check_calibration,
    sees_results,
    standings,
)
from reflections.service_layer.unit_of_work import UowFactory


@dataclass(frozen=True)
class SessionView:
    session: Session
    items: list[Exemplar]                # in the session's order; their levels are not shown while blind
    my_scores: list[Score]
    results: list[Agreement] | None      # None while the viewer may not see them (blind)
    can: frozenset[CalibrationAction]


def _is_teacher(person) -> bool:
    """Whether the roster replica knows the person as an active teacher."""
    return person is not None and bool(person.active) and "teacher" in (person.roles or "").split(",")


class CalibrationUseCases:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar) -> None:
        self.uow_factory, self.calendar = uow_factory, calendar

    def create(self, viewer: Viewer, title: str, skill_id: str, exemplar_ids: list[str],
               rater_ids: list[str]) -> Session:
        check_calibration(viewer, CalibrationAction.COACH)
        rules.validate_session(title, exemplar_ids, rater_ids)
        with self.uow_factory() as uow:
            instrument = uow.catalog.instrument(skill_id)
            if instrument is None:
                raise InvalidArgument("skill_id: no such skill with a proficiency scale",
                                      [FieldProblem("skill_id", "no such skill with a proficiency scale")])
            repo = CalibrationRepository(uow.session)
            usable = {e.id for e in repo.active_exemplars(skill_id, exemplar_ids)}
            if missing := [e for e in exemplar_ids if e not in usable]:
                raise InvalidArgument(f"exemplar_ids: not consented exemplars of this skill: {', '.join(missing)}",
                                      [FieldProblem("exemplar_ids", f"{e!r} is not a consented exemplar of this "
                                                                    f"skill") for e in missing])
            not_teachers = [r for r in rater_ids if not _is_teacher(uow.replicas.person(r))]
            if not_teachers:
                raise InvalidArgument(f"rater_ids: not teachers: {', '.join(not_teachers)}",
                                      [FieldProblem("rater_ids", f"{r!r} is not a teacher") for r in not_teachers])
            item = Session(str(uuid.uuid4()), viewer.subject, title.strip(), skill_id, instrument.skill_name,
                           [(level.rank, level.name) for level in instrument.scale.levels],
                           rules.criteria_of(instrument), list(exemplar_ids), list(rater_ids), self.calendar.clock())
            repo.add_session(item)
            uow.keep_result(item)
            uow.commit()
        return item

    def submit(self, viewer: Viewer, session_id: str, scores: list[Score]) -> SessionView:
        """An invited rater's one submission; the session's overall alpha is brought up to date."""
        with self.uow_factory() as uow:
            repo = CalibrationRepository(uow.session)
            session = repo.get_session(session_id, for_update=True)
            if session is None:
                raise PermissionDenied(DENIED)
            check_calibration(viewer, CalibrationAction.SCORE, session.coach_id, session.rater_ids)
            if viewer.subject in session.submitted:
                raise Conflict("scores: you have already submitted your scores for this session",
                               [FieldProblem("scores", "already submitted")])
            rules.validate_scores(session, scores)
            repo.add_scores(session.id, viewer.subject, scores, self.calendar.clock())
            repo.set_alpha(session.id, overall_alpha(repo.scores(session.id), session.exemplar_ids, session.ranks))
            uow.commit()
        return self.get(viewer, session_id)

    def get(self, viewer: Viewer, session_id: str) -> SessionView:
        """The coach or an invited rater: the items (de-identified), the viewer's own scores, and the figures once
        the viewer may see them. Audited as a disclosure of the exemplars' students' work."""
        with self.uow_factory() as uow:
            repo = CalibrationRepository(uow.session)
            session = repo.get_session(session_id)
            if session is None:
                raise PermissionDenied(DENIED)
            check_calibration(viewer, CalibrationAction.READ_SESSION, session.coach_id, session.rater_ids)
            by_id = {e.id: e for e in repo.active_exemplars(ids=session.exemplar_ids)}
            items = [by_id[i] for i in session.exemplar_ids if i in by_id]     # a withdrawn one drops out
            scores = repo.scores(session.id)
            mine = [Score(item, code, level) for code, raters in scores.items()
                    for item, level in raters.get(viewer.subject, {}).items()]
            results = None
            if sees_results(viewer, session.coach_id, session.rater_ids, session.submitted):
                kept = [e.id for e in items]
                results = [agreement(c.code, {r: {i: v for i, v in by.items() if i in by_id}
                                              for r, by in scores.get(c.code, {}).items()}, kept, session.ranks)
                           for c in session.criteria]
            if items:
                uow.audit(viewer, "GetCalibrationSession", sorted({e.student_id for e in items}),
                          {"session_id": session.id})
            uow.commit()
        return SessionView(session, items, mine, results,
                           calibration_actions(viewer, session.coach_id, session.rater_ids))

    def raters(self, viewer: Viewer) -> list[tuple[str, str]]:
        """(id, name) of the teachers a coach may invite (colleagues' names only: no student record)."""
        check_calibration(viewer, CalibrationAction.COACH)
        with self.uow_factory() as uow:
            return CalibrationRepository(uow.session).teachers()

    def track(self, viewer: Viewer) -> list[Session]:
        """Sessions newest first with their alpha: a district admin sees all, a teacher those they coach or rate."""
        check_calibration(viewer, CalibrationAction.TRACK)
        everyone = Standing.DISTRICT_ADMIN in standings(viewer)
        with self.uow_factory() as uow:
            return CalibrationRepository(uow.session).sessions(None if everyone else viewer.subject)
