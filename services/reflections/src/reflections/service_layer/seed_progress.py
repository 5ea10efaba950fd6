"""The demo's point of progress (`skillfolio seed`, `up`): the district's terms for the current school year and the
demo student's completed point of progress for the section they share with their teacher, once, through the
service's own use cases (reflections.demo.progress says what). Run by the reflections seed after the discussion,
so the replicas already know the cast, the skills catalog and the portfolio."""
from __future__ import annotations

import datetime as dt
import logging

from chassis.access import Viewer
from chassis.config import service_settings
from chassis.demo_seed import Cast, SeedClock
from chassis.errors import DomainError
from reflections.bootstrap import build
from reflections.demo import progress as say

log = logging.getLogger("reflections.seed")
SEED_ADMIN = Viewer.of("service:skillfolio-seed", ["district_admin"])


def _due(cast: Cast, day: dt.date) -> str:
    """The day, kept inside the current school year."""
    return min(max(day, cast.current.start), cast.current.end).isoformat()


def seed_point_of_progress(cast: Cast, artifacts: dict[str, dict], skill_ids: dict[str, str]) -> bool:
    """The terms and the completed point; False when already seeded or when its work or skill is unknown."""
    if not set(say.WORK) <= set(artifacts) or say.SKILL not in skill_ids:
        return False
    clock = SeedClock()
    app = build(service_settings("reflections"), clock=clock)
    try:
        with app.unit_of_work() as uow:
            if uow.progress.of_student(cast.student_id):
                return False
        today, year = clock.moment.date(), cast.current.school_year_id
        app.progress_terms.set_term(SEED_ADMIN, year, say.EARLIER_TERM_NAME,
                                    _due(cast, today - dt.timedelta(days=say.EARLIER_DUE_DAYS_AGO)))
        term = app.progress_terms.set_term(SEED_ADMIN, year, say.TERM_NAME,
                                           _due(cast, today + dt.timedelta(days=say.DUE_IN_DAYS)))
        app.points.complete(Viewer.of(cast.teacher_id, ["teacher"]), cast.student_id, cast.current.section_id,
                            term.id, skill_ids[say.SKILL], say.LEVEL, say.COMMENT,
                            [artifacts[title]["id"] for title in say.WORK])
        return True
    except DomainError as refused:          # a demo that cannot hold it (say, a term outside the year) seeds the rest
        log.warning("demo point of progress not seeded: %s", refused)
        return False
    finally:
        app.close()
