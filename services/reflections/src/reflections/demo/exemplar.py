"""The demo's exemplar (`skillfolio seed`, `up`): the current teacher nominates the student's persuasive letter as a
de-identified example of level 3 of communication, and the guardian consents, so teachers see it beside the rubric
and a coach can start a calibration session with it."""
from __future__ import annotations

import datetime as dt

from chassis.access import Viewer

ARTIFACT, SKILL, LEVEL = "Persuasive letter: more time for recess", "communicator", 3
CAPTION = ("A grade-5 persuasive letter to the principal: three organised reasons, each backed by evidence from a "
           "class survey, and a closing request suited to its reader.")


def seed_exemplar(app, clock, teacher: Viewer, guardian: Viewer, artifacts: dict[str, dict],
                  skill_ids: dict[str, str]) -> bool:
    """Nominate and consent, a day apart, in the last days before now; False when the demo lacks the letter."""
    if ARTIFACT not in artifacts or SKILL not in skill_ids:
        return False
    now = clock.moment
    clock.moment = now - dt.timedelta(hours=10)
    nominated = app.exemplars.nominate(teacher, artifacts[ARTIFACT]["id"], skill_ids[SKILL], LEVEL, CAPTION)
    clock.moment = now - dt.timedelta(hours=2)
    app.exemplars.consent(guardian, nominated.id, "give")
    clock.moment = now
    return True
