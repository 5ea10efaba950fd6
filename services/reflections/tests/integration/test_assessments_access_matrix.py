"""Who may see the instrument, assess, self-assess, list an artifact's assessments and see a student's growth, through
the service layer on real replicas, as a grid: one row per relationship to Ana, one column per action.
Y = allowed (and, by anyone other than Ana, audited; a change raises assessment_recorded); N = PERMISSION_DENIED
with the one refusal message, nothing written."""
from __future__ import annotations

import pytest
from assessments_fixtures import COMM, catalog  # noqa: F401  (fixture)
from reflections_fixtures import ANA, ART, BEN, CRUZ, DEE, DIAZ, EVE, FAY, GUS, IVES, NIA

from chassis.errors import PermissionDenied
from reflections.domain.access import Viewer
from reflections.domain.assessment import CriterionLevel

pytestmark = pytest.mark.integration

MATRIX = """
role            relationship            actor     | instrument | assess | self_assess | list | growth
student         own                     stu-ana   |     Y      |   N    |      Y      |  Y   |   Y
student         classmate               stu-ben   |     N      |   N    |      N      |  N   |   N
student         different-school        stu-nia   |     N      |   N    |      N      |  N   |   N
teacher         currently-taught        tch-cruz  |     Y      |   Y    |      N      |  Y   |   Y
teacher         taught-last-year-only   tch-diaz  |     N      |   N    |      N      |  N   |   N
teacher         different-school        tch-ives  |     N      |   N    |      N      |  N   |   N
guardian        guardian-of             grd-eve   |     Y      |   N    |      N      |  Y   |   Y
guardian        not-guardian-of         grd-gus   |     N      |   N    |      N      |  N   |   N
school_admin    own-school              adm-fay   |     N      |   N    |      N      |  N   |   N
district_admin  district                adm-dee   |     N      |   N    |      N      |  N   |   N
"""
assert {ANA, BEN, NIA, CRUZ, DIAZ, IVES, EVE, GUS, FAY, DEE} == {
    line.split()[2] for line in MATRIX.strip().splitlines()[1:]}

RUBRIC_SCORES = [CriterionLevel("clarity", 3), CriterionLevel("evidence", 2)]
ACTIONS = {
    "instrument": lambda app, v: app.assessments.instrument(v, ART, COMM),
    "assess": lambda app, v: app.assessments.assess(v, ART, COMM, 3, "You state your claim clearly.", RUBRIC_SCORES),
    "self_assess": lambda app, v: app.assessments.self_assess(v, ART, COMM, 2, "", []),
    "list": lambda app, v: app.assessments.on_artifact(v, ART),
    "growth": lambda app, v: app.assessments.growth(v, ANA),
}
CHANGES = {"assess", "self_assess"}


def rows() -> list[tuple[str, str, str, dict[str, bool]]]:
    header, *lines = MATRIX.strip().splitlines()
    actions = [a.strip() for a in header.split("|")[1:]]
    parsed = []
    for line in lines:
        who, *cells = line.split("|")
        role, relationship, actor = who.split()
        parsed.append((role, relationship, actor, {a: c.strip() == "Y" for a, c in zip(actions, cells, strict=True)}))
    return parsed


@pytest.mark.parametrize("role, relationship, actor, expected", rows(), ids=[f"{r}/{rel}" for r, rel, *_ in rows()])
def test_matrix_row(app, catalog, tables, role, relationship, actor, expected):
    viewer = Viewer.of(actor, [role])
    assert set(expected) == set(ACTIONS)
    for action, allowed in expected.items():
        audit_before, events_before = len(tables.audit()), len(tables.envelopes())
        if allowed:
            ACTIONS[action](app, viewer)
        else:
            with pytest.raises(PermissionDenied, match="not allowed to discuss this student's artifacts"):
                ACTIONS[action](app, viewer)
        audit, events = tables.audit()[audit_before:], tables.envelopes()[events_before:]
        audited = allowed and actor != ANA
        assert [(r.actor, r.subject_id) for r in audit] == ([(actor, ANA)] if audited else []), action
        assert [e.type for e in events] == (["assessment_recorded"] if allowed and action in CHANGES else []), action


def test_an_unknown_artifact_is_refused_like_a_forbidden_one(app, catalog):
    teacher = Viewer.of(CRUZ, ["teacher"])
    for call in (lambda: app.assessments.assess(teacher, "art-nope", COMM, 3, "Good.", []),
                 lambda: app.assessments.on_artifact(teacher, "art-nope"),
                 lambda: app.assessments.instrument(teacher, "art-nope", COMM)):
        with pytest.raises(PermissionDenied, match="not allowed to discuss this student's artifacts"):
            call()
