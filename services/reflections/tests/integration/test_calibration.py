"""Exemplars and calibration sessions through the service layer on real replicas (PostgreSQL): who may nominate,
consent to and see exemplars, and run, score and read a session, as a grid; consent recorded; blind scoring; the
figures per criterion; audit rows."""
from __future__ import annotations

import pytest
from assessments_fixtures import COMM, catalog  # noqa: F401  (fixture)
from reflections_fixtures import ANA, ART, BEN, BEN_ART, CRUZ, DEE, DIAZ, EVE, FAY, GUS, IVES, NIA, event

from chassis.errors import Conflict, InvalidArgument, PermissionDenied
from chassis.messaging.subscriptions import consume
from reflections.domain.access import Viewer
from reflections.domain.calibration import Score
from reflections.service_layer import subscriptions as reflections_subscriptions

pytestmark = pytest.mark.integration
DENIED = "not allowed to take part in this calibration"
CAPTION = "A persuasive letter to the city council with three cited sources."

# Towards Ana's artifact: nominate it (a current teacher), consent (Ana or her guardian), list her nominations.
# Then, towards the district's calibration work: see exemplars, coach a session, track sessions.
MATRIX = """
role            relationship            actor     | nominate | consent | nominations | exemplars | coach | track
student         own                     stu-ana   |    N     |    Y    |      Y      |     N     |   N   |   N
student         classmate               stu-ben   |    N     |    N    |      N      |     N     |   N   |   N
teacher         currently-taught        tch-cruz  |    Y     |    N    |      Y      |     Y     |   Y   |   Y
teacher         taught-last-year-only   tch-diaz  |    N     |    N    |      N      |     Y     |   Y   |   Y
teacher         different-school        tch-ives  |    N     |    N    |      N      |     Y     |   Y   |   Y
guardian        guardian-of             grd-eve   |    N     |    Y    |      Y      |     N     |   N   |   N
guardian        not-guardian-of         grd-gus   |    N     |    N    |      N      |     N     |   N   |   N
school_admin    own-school              adm-fay   |    N     |    N    |      N      |     N     |   N   |   N
district_admin  district                adm-dee   |    N     |    N    |      N      |     N     |   N   |   Y
"""
assert {ANA, BEN, CRUZ, DIAZ, IVES, EVE, GUS, FAY, DEE} == {line.split()[2] for line in MATRIX.strip().splitlines()[1:]}
TEACHER = Viewer.of(CRUZ, ["teacher"])


def rows():
    header, *lines = MATRIX.strip().splitlines()
    actions = [a.strip() for a in header.split("|")[1:]]
    for line in lines:
        who, *cells = line.split("|")
        role, relationship, actor = who.split()
        yield role, relationship, actor, {a: c.strip() == "Y" for a, c in zip(actions, cells, strict=True)}


def active_exemplar(app, artifact=ART, level=3, student=ANA) -> str:
    nominated = app.exemplars.nominate(TEACHER, artifact, COMM, level, CAPTION)
    app.exemplars.consent(Viewer.of(student, ["student"]), nominated.id, "give")
    return nominated.id


@pytest.mark.parametrize("role, relationship, actor, expected", list(rows()), ids=[f"{r[0]}/{r[1]}" for r in rows()])
def test_matrix_row(app, catalog, tables, role, relationship, actor, expected):
    viewer = Viewer.of(actor, [role])
    exemplar = active_exemplar(app, BEN_ART, 2, BEN)
    pending = app.exemplars.nominate(TEACHER, ART, COMM, 3, CAPTION).id
    actions = {
        "nominate": lambda: app.exemplars.nominate(viewer, ART, COMM, 3, CAPTION),
        "consent": lambda: app.exemplars.consent(viewer, pending, "give"),
        "nominations": lambda: app.exemplars.of_student(viewer, ANA),
        "exemplars": lambda: app.exemplars.for_skill(viewer, COMM),
        "coach": lambda: app.calibration.create(viewer, "Letters", COMM, [exemplar], [CRUZ, DIAZ]),
        "track": lambda: app.calibration.track(viewer),
    }
    for action, allowed in expected.items():
        before = len(tables.audit())
        if allowed:
            actions[action]()
        else:
            with pytest.raises(PermissionDenied):
                actions[action]()
        audit = tables.audit()[before:]
        if not allowed:
            assert audit == [], action
        elif action in {"nominate", "consent", "nominations"}:
            assert [(r.actor, r.subject_id) for r in audit] == ([(actor, ANA)] if actor != ANA else []), action
        elif action == "exemplars":
            assert [(r.actor, r.subject_id) for r in audit] == [(actor, BEN)], action


def test_consent_is_recorded_and_only_consented_work_is_shown(app, catalog):
    nominated = app.exemplars.nominate(TEACHER, ART, COMM, 3, CAPTION, criterion_code="clarity")
    assert (nominated.status, nominated.level_name) == ("awaiting_consent", "Proficient")
    assert app.exemplars.for_skill(Viewer.of(IVES, ["teacher"]), COMM) == []
    given = app.exemplars.consent(Viewer.of(EVE, ["guardian"]), nominated.id, "give")
    assert (given.status, given.consent_by, given.consent_role) == ("active", EVE, "guardian") and given.consent_at
    assert [e.id for e in app.exemplars.for_skill(Viewer.of(IVES, ["teacher"]), COMM)] == [nominated.id]
    with pytest.raises(Conflict):
        app.exemplars.consent(Viewer.of(ANA, ["student"]), nominated.id, "give")
    app.exemplars.consent(Viewer.of(ANA, ["student"]), nominated.id, "withdraw")
    assert app.exemplars.for_skill(Viewer.of(IVES, ["teacher"]), COMM) == []


def test_a_caption_naming_the_student_is_refused(app, catalog):
    assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, event(
        "roster", "person_updated", at="2026-11-05T00:00:00+00:00", person_id=ANA, roles=["student"],
        primary_school_id="sch-central", active=True, given_name="Ana", family_name="Ortiz"), "test.person")
    with pytest.raises(InvalidArgument) as refused:
        app.exemplars.nominate(TEACHER, ART, COMM, 3, "Ana wrote a persuasive letter.")
    assert [p.field for p in refused.value.problems] == ["caption"]
    with pytest.raises(InvalidArgument) as refused:
        app.exemplars.nominate(TEACHER, ART, COMM, 9, "")
    assert [p.field for p in refused.value.problems] == ["level_rank", "caption"]


def test_a_session_is_scored_blind_and_reports_agreement(app, catalog, tables):
    items = [active_exemplar(app, ART, 3, ANA), active_exemplar(app, BEN_ART, 2, BEN)]
    session = app.calibration.create(Viewer.of(IVES, ["teacher"]), "Letters", COMM, items, [CRUZ, DIAZ])
    assert [c.code for c in session.criteria] == ["clarity", "evidence"]
    cruz, diaz, coach = Viewer.of(CRUZ, ["teacher"]), Viewer.of(DIAZ, ["teacher"]), Viewer.of(IVES, ["teacher"])
    with pytest.raises(PermissionDenied, match=DENIED):
        app.calibration.get(Viewer.of(NIA, ["student"]), session.id)
    with pytest.raises(PermissionDenied, match=DENIED):
        app.calibration.submit(coach, session.id, [])
    with pytest.raises(InvalidArgument) as incomplete:
        app.calibration.submit(cruz, session.id, [Score(items[0], "clarity", 3)])
    assert [p.field for p in incomplete.value.problems] == ["scores"]
    # Cruz: clarity 3, 2; evidence 3, 1.  Diaz: clarity 3, 2; evidence 1, 1.
    mine = app.calibration.submit(cruz, session.id, [Score(items[0], "clarity", 3), Score(items[1], "clarity", 2),
                                                     Score(items[0], "evidence", 3), Score(items[1], "evidence", 1)])
    assert mine.results is not None and all(r.pairs == 0 for r in mine.results)
    assert app.calibration.get(diaz, session.id).results is None            # blind until Diaz submits
    assert app.calibration.get(diaz, session.id).my_scores == []
    view = app.calibration.submit(diaz, session.id, [Score(items[0], "clarity", 3), Score(items[1], "clarity", 2),
                                                     Score(items[0], "evidence", 1), Score(items[1], "evidence", 1)])
    clarity, evidence = view.results
    assert (clarity.exact, clarity.adjacent, clarity.alpha, clarity.divergent) == (1.0, 1.0, 1.0, [])
    assert (evidence.exact, evidence.adjacent) == (0.5, 0.5)
    assert [(d.item_id, d.levels, d.spread) for d in evidence.divergent] == [(items[0], {CRUZ: 3, DIAZ: 1}, 2)]
    with pytest.raises(Conflict):
        app.calibration.submit(cruz, session.id, [])
    assert app.calibration.get(coach, session.id).results == view.results
    [tracked] = app.calibration.track(Viewer.of(DEE, ["district_admin"]))
    assert tracked.id == session.id and tracked.alpha is not None and tracked.submitted == [CRUZ, DIAZ]
    assert app.calibration.track(Viewer.of(IVES, ["teacher"]))[0].id == session.id
    assert [a.action for a in tables.audit()][-1] == "reflections.GetCalibrationSession"


def test_a_session_needs_consented_exemplars_and_teachers(app, catalog):
    pending = app.exemplars.nominate(TEACHER, ART, COMM, 3, CAPTION).id
    with pytest.raises(InvalidArgument) as refused:
        app.calibration.create(TEACHER, "Letters", COMM, [pending], [CRUZ, EVE])
    assert [p.field for p in refused.value.problems] == ["exemplar_ids"]
    with pytest.raises(InvalidArgument) as refused:
        app.calibration.create(TEACHER, "Letters", COMM, [active_exemplar(app)], [CRUZ, EVE])
    assert [p.field for p in refused.value.problems] == ["rater_ids"]


def test_a_coach_picks_raters_among_active_teachers(app, catalog):
    assert [i for i, _ in app.calibration.raters(TEACHER)] == sorted([CRUZ, DIAZ, IVES])
    with pytest.raises(PermissionDenied, match=DENIED):
        app.calibration.raters(Viewer.of(DEE, ["district_admin"]))
