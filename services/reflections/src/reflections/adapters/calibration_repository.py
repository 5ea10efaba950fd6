"""Storage of exemplars and calibration sessions with their scores (SQLAlchemy Core)."""
from __future__ import annotations

import json

from sqlalchemy import insert, or_, select, update
from sqlalchemy.orm import Session as DbSession

from reflections.adapters.calibration_tables import calibration_scores, calibration_sessions, exemplars
from reflections.adapters.orm import people, person_names
from reflections.domain.calibration import Criterion, Exemplar, Score, Session


def _exemplar(r) -> Exemplar:
    return Exemplar(r.id, r.artifact_id, r.student_id, r.skill_id, r.criterion_code, r.level_rank, r.level_name,
                    r.caption, r.nominated_by, r.nominated_at, r.status, r.consent_by, r.consent_role, r.consent_at)


class CalibrationRepository:
    def __init__(self, session: DbSession) -> None:
        self.session = session

    # --- exemplars ---
    def add_exemplar(self, item: Exemplar) -> None:
        self.session.execute(insert(exemplars).values(
            id=item.id, artifact_id=item.artifact_id, student_id=item.student_id, skill_id=item.skill_id,
            criterion_code=item.criterion_code, level_rank=item.level_rank, level_name=item.level_name,
            caption=item.caption, nominated_by=item.nominated_by, nominated_at=item.nominated_at, status=item.status))

    def exemplar(self, exemplar_id: str, for_update: bool = False) -> Exemplar | None:
        query = select(exemplars).where(exemplars.c.id == exemplar_id)
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        return _exemplar(row) if row else None

    def set_consent(self, item: Exemplar) -> None:
        self.session.execute(update(exemplars).where(exemplars.c.id == item.id).values(
            status=item.status, consent_by=item.consent_by, consent_role=item.consent_role,
            consent_at=item.consent_at))

    def active_exemplars(self, skill_id: str = "", ids: list[str] | None = None) -> list[Exemplar]:
        """Consented exemplars (of a skill, or with these ids), lowest level first."""
        query = select(exemplars).where(exemplars.c.status == "active")
        if skill_id:
            query = query.where(exemplars.c.skill_id == skill_id)
        if ids is not None:
            query = query.where(exemplars.c.id.in_(ids))
        rows = self.session.execute(query.order_by(exemplars.c.skill_id, exemplars.c.level_rank,
                                                   exemplars.c.nominated_at, exemplars.c.id))
        return [_exemplar(r) for r in rows]

    def exemplars_of_student(self, student_id: str) -> list[Exemplar]:
        rows = self.session.execute(select(exemplars).where(exemplars.c.student_id == student_id)
                                    .order_by(exemplars.c.nominated_at.desc(), exemplars.c.id))
        return [_exemplar(r) for r in rows]

    # --- sessions ---
    def add_session(self, item: Session) -> None:
        self.session.execute(insert(calibration_sessions).values(
            id=item.id, coach_id=item.coach_id, title=item.title, skill_id=item.skill_id, skill_name=item.skill_name,
            levels=json.dumps(item.levels), criteria=json.dumps([[c.code, c.name] for c in item.criteria]),
            exemplar_ids=json.dumps(item.exemplar_ids), rater_ids=json.dumps(item.rater_ids),
            created_at=item.created_at))

    def _sessions(self, query) -> list[Session]:
        rows = self.session.execute(query).all()
        submitted: dict[str, set[str]] = {}
        if rows:
            for sid, rater in self.session.execute(
                    select(calibration_scores.c.session_id, calibration_scores.c.rater_id).distinct()
                    .where(calibration_scores.c.session_id.in_([r.id for r in rows]))):
                submitted.setdefault(sid, set()).add(rater)
        return [Session(r.id, r.coach_id, r.title, r.skill_id, r.skill_name,
                        [(rank, name) for rank, name in json.loads(r.levels)],
                        [Criterion(code, name) for code, name in json.loads(r.criteria)],
                        json.loads(r.exemplar_ids), json.loads(r.rater_ids), r.created_at, r.alpha,
                        sorted(submitted.get(r.id, ()))) for r in rows]

    def get_session(self, session_id: str, for_update: bool = False) -> Session | None:
        query = select(calibration_sessions).where(calibration_sessions.c.id == session_id)
        found = self._sessions(query.with_for_update() if for_update else query)
        return found[0] if found else None

    def sessions(self, person_id: str | None) -> list[Session]:
        """Every session, newest first (``person_id`` None), or those the person coaches or rates."""
        query = select(calibration_sessions).order_by(calibration_sessions.c.created_at.desc())
        if person_id is not None:
            query = query.where(or_(calibration_sessions.c.coach_id == person_id,
                                    calibration_sessions.c.rater_ids.contains(json.dumps(person_id))))
        return self._sessions(query)

    def add_scores(self, session_id: str, rater_id: str, scores: list[Score], at) -> None:
        self.session.execute(insert(calibration_scores), [
            {"session_id": session_id, "rater_id": rater_id, "exemplar_id": s.exemplar_id,
             "criterion_code": s.criterion_code, "level_rank": s.level_rank, "submitted_at": at} for s in scores])

    def scores(self, session_id: str) -> dict[str, dict[str, dict[str, int]]]:
        """{criterion code: {rater id: {exemplar id: level rank}}}."""
        found: dict[str, dict[str, dict[str, int]]] = {}
        for r in self.session.execute(select(calibration_scores).where(calibration_scores.c.session_id == session_id)):
            found.setdefault(r.criterion_code, {}).setdefault(r.rater_id, {})[r.exemplar_id] = r.level_rank
        return found

    def teachers(self) -> list[tuple[str, str]]:
        """(person id, name) of every active teacher the roster replica knows, by name."""
        rows = self.session.execute(
            select(people.c.person_id, people.c.roles, person_names.c.name)
            .outerjoin(person_names, person_names.c.person_id == people.c.person_id)
            .where(people.c.active.is_(True), people.c.roles.contains("teacher"))
            .order_by(person_names.c.name, people.c.person_id)).all()
        return [(r.person_id, r.name or r.person_id) for r in rows if "teacher" in (r.roles or "").split(",")]

    def set_alpha(self, session_id: str, alpha: float | None) -> None:
        self.session.execute(update(calibration_sessions).where(calibration_sessions.c.id == session_id)
                             .values(alpha=alpha))
