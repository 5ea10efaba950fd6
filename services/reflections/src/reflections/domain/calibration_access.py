"""Who may nominate, consent to and see exemplars, and run, score and read calibration sessions: two tables of
actions, one per kind of standing (towards a student; towards the district's calibration work).

- a teacher who CURRENTLY teaches the student nominates an artifact as an exemplar; the student or a guardian
  consents (or declines, or withdraws later) and sees the nominations of their work;
- any teacher sees consented exemplars, de-identified, and coaches a session (picks exemplars, invites teachers);
- an invited rater scores blind and sees the session; the coach sees it; the figures only once the viewer has
  submitted (a coach who is not a rater sees them as they come);
- a district admin tracks agreement over time (sessions and their alpha: counts, never a student's work);
- any admin role is refused everything about a student, whatever else it holds.
"""
from __future__ import annotations

from enum import StrEnum

from chassis.access import Role, Viewer
from chassis.errors import PermissionDenied

STUDENT, TEACHER, GUARDIAN = Role.STUDENT, Role.TEACHER, Role.GUARDIAN
DENIED = "not allowed to take part in this calibration"


class ExemplarAction(StrEnum):
    NOMINATE = "nominate"
    CONSENT = "consent"
    SEE_NOMINATIONS = "see_nominations"


class CalibrationAction(StrEnum):
    SEE_EXEMPLARS = "see_exemplars"
    COACH = "coach"
    SCORE = "score"
    READ_SESSION = "read_session"
    TRACK = "track"


class Standing(StrEnum):
    """A viewer's standing towards the district's calibration work (and one session)."""

    EDUCATOR = "educator"                # holds the teacher role and no admin role
    COACH = "coach"                      # created the session
    RATER = "rater"                      # invited to score the session
    DISTRICT_ADMIN = "district_admin"


# The roles (``chassis.access.role_of`` towards the exemplar's student) each exemplar action is open to.
EXEMPLAR_ALLOWED: dict[ExemplarAction, frozenset[Role]] = {
    ExemplarAction.NOMINATE: frozenset({TEACHER}),
    ExemplarAction.CONSENT: frozenset({STUDENT, GUARDIAN}),
    ExemplarAction.SEE_NOMINATIONS: frozenset({STUDENT, GUARDIAN, TEACHER}),
}

# The standings each calibration action is open to.
CALIBRATION_ALLOWED: dict[CalibrationAction, frozenset[Standing]] = {
    CalibrationAction.SEE_EXEMPLARS: frozenset({Standing.EDUCATOR}),
    CalibrationAction.COACH: frozenset({Standing.EDUCATOR}),
    CalibrationAction.SCORE: frozenset({Standing.RATER}),
    CalibrationAction.READ_SESSION: frozenset({Standing.COACH, Standing.RATER}),
    CalibrationAction.TRACK: frozenset({Standing.EDUCATOR, Standing.DISTRICT_ADMIN}),
}


def standings(viewer: Viewer, coach_id: str = "", rater_ids: tuple[str, ...] | list[str] = ()) -> frozenset[Standing]:
    """Every standing the viewer holds (towards one session when its coach and raters are given)."""
    if viewer.is_admin:
        return frozenset({Standing.DISTRICT_ADMIN}) if Role.DISTRICT_ADMIN in viewer.roles else frozenset()
    if Role.TEACHER not in viewer.roles:
        return frozenset()
    held = {Standing.EDUCATOR}
    if viewer.subject == coach_id:
        held.add(Standing.COACH)
    if viewer.subject in rater_ids:
        held.add(Standing.RATER)
    return frozenset(held)


def calibration_actions(viewer: Viewer, coach_id: str = "", rater_ids=()) -> frozenset[CalibrationAction]:
    held = standings(viewer, coach_id, rater_ids)
    return frozenset(a for a, allowed in CALIBRATION_ALLOWED.items() if held & allowed)


def check_calibration(viewer: Viewer, action: CalibrationAction, coach_id: str = "", rater_ids=()) -> None:
    if action not in calibration_actions(viewer, coach_id, rater_ids):
        raise PermissionDenied(DENIED)


def exemplar_allowed(role: Role | None, action: ExemplarAction) -> bool:
    return role in EXEMPLAR_ALLOWED[action]


def sees_results(viewer: Viewer, coach_id: str, rater_ids, submitted) -> bool:
    """Blind scoring: a rater sees the figures once they have submitted; a coach who is not a rater at once."""
    if viewer.subject in rater_ids:
        return viewer.subject in submitted
    return viewer.subject == coach_id
