"""Showcases on the real database: curation by the student and a current teacher, sharing with guardians and a
milestone's panel, external links (hash stored, revoked, expired, every view audited), and a deleted artifact
dropping out of its showcases."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from artifacts_fixtures import (
    GUARDIAN,
    OLD_TEACHER,
    OTHER_STUDENT,
    OTHER_STUDENT_ID,
    SCHOOL_ADMIN,
    STUDENT,
    STUDENT_ID,
    TEACHER,
    link,
)
from sqlalchemy import select

from artifacts.adapters.showcase_tables import showcase_links
from artifacts.domain.access import DENIED, Viewer
from artifacts.domain.showcases import ShowcaseFields
from artifacts.service_layer import subscriptions as artifacts_subscriptions
from artifacts.service_layer.showcase_links import ShowcaseLinks
from artifacts.service_layer.showcases import ShowcaseUseCases
from chassis.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from chassis.events import Envelope
from chassis.messaging.subscriptions import consume

pytestmark = pytest.mark.integration


@pytest.fixture
def showcases(app) -> ShowcaseUseCases:
    return ShowcaseUseCases(app.unit_of_work, app.calendar, app.media)


@pytest.fixture
def links(app) -> ShowcaseLinks:
    return ShowcaseLinks(app.unit_of_work, app.calendar, app.media)


@pytest.fixture
def work(app, world) -> list[str]:
    return [app.commands.create(STUDENT, link(f"Piece {n}")).artifact.id for n in range(3)]


def fields(artifact_ids, **more) -> ShowcaseFields:
    return ShowcaseFields(title="My best work", introduction="What I am proud of", artifact_ids=tuple(artifact_ids),
                          **more)


def refused(call) -> bool:
    try:
        call()
    except PermissionDenied as error:
        assert error.message == DENIED
        return True
    return False


def test_the_student_curates_an_ordered_selection_and_a_teacher_edits_it(showcases, work, tables):
    made = showcases.create(STUDENT, STUDENT_ID, fields([work[2], work[0]]))
    assert [a.id for a in made.items] == [work[2], work[0]]
    edited = showcases.update(TEACHER, made.id, fields([work[0], work[1], work[2]], audience="application"))
    assert [a.id for a in edited.items] == work and edited.fields.audience == "application"
    assert [a.id for a in showcases.get(STUDENT, made.id).items] == work
    assert [r.action for r in tables.audit() if r.actor == TEACHER.subject][-1] == "artifacts.UpdateShowcase"
    assert not [r for r in tables.audit() if r.actor == STUDENT.subject and "Showcase" in r.action]


def test_only_the_students_own_live_artifacts_can_be_selected(app, showcases, work):
    theirs = app.commands.create(OTHER_STUDENT, link("Ben's", student=OTHER_STUDENT_ID)).artifact.id
    with pytest.raises(InvalidArgument) as problem:
        showcases.create(STUDENT, STUDENT_ID, fields([work[0], theirs]))
    assert [p.field for p in problem.value.problems] == ["artifact_ids"]
    with pytest.raises(InvalidArgument) as problem:
        showcases.create(STUDENT, STUDENT_ID, fields([], audience="museum"))
    assert [p.field for p in problem.value.problems] == ["audience"]


def test_who_views_and_who_curates(showcases, work):
    made = showcases.create(STUDENT, STUDENT_ID, fields(work))
    for outsider in (OTHER_STUDENT, OLD_TEACHER, SCHOOL_ADMIN, GUARDIAN):
        assert refused(lambda v=outsider: showcases.get(v, made.id))
    assert refused(lambda: showcases.get(STUDENT, "no-such-showcase"))
    assert showcases.of_student(GUARDIAN, STUDENT_ID) == ([], False)
    showcases.update(STUDENT, made.id, fields(work, share_with_guardians=True))
    assert [a.id for a in showcases.get(GUARDIAN, made.id).items] == work
    assert refused(lambda: showcases.update(GUARDIAN, made.id, fields(work)))
    assert refused(lambda: showcases.delete(GUARDIAN, made.id))
    assert refused(lambda: showcases.create(SCHOOL_ADMIN, STUDENT_ID, fields(work)))
    assert [s.id for s in showcases.of_student(GUARDIAN, STUDENT_ID)[0]] == [made.id]
    showcases.delete(TEACHER, made.id)
    assert refused(lambda: showcases.get(STUDENT, made.id))


def test_a_deleted_artifact_drops_out_of_its_showcases(app, showcases, work):
    made = showcases.create(STUDENT, STUDENT_ID, fields(work))
    app.commands.delete(STUDENT, work[1])
    assert [a.id for a in showcases.get(STUDENT, made.id).items] == [work[0], work[2]]
    assert [a.id for a in showcases.of_student(STUDENT, STUDENT_ID)[0][0].items] == [work[0], work[2]]


def test_a_milestone_panel_views_the_showcase_shared_with_it(app, showcases, clock, work):
    expires = clock.now + dt.timedelta(days=3)
    for invitation, milestone in (("inv-rosa", "m-1"), ("inv-else", "m-2")):
        envelope = Envelope(type="panellist_invited", producer="reflections", occurred_at=clock.now.isoformat(),
                            data={"invitation_id": invitation, "milestone_id": milestone, "student_id": STUDENT_ID,
                                  "kind": "community", "person_id": "", "expires_at": expires.isoformat(),
                                  "teacher_id": TEACHER.subject})
        assert consume(app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, envelope, "test.panel")
    made = showcases.create(STUDENT, STUDENT_ID, fields(work[:1], audience="panel", milestone_id="m-1"))
    rosa, other = Viewer.of("guest:inv-rosa", ["panel_guest"]), Viewer.of("guest:inv-else", ["panel_guest"])
    assert [a.id for a in showcases.get(rosa, made.id).items] == work[:1]
    assert refused(lambda: showcases.get(other, made.id))
    assert refused(lambda: showcases.update(rosa, made.id, fields(work)))
    clock.now = expires + dt.timedelta(seconds=1)
    assert refused(lambda: showcases.get(rosa, made.id))


def test_an_external_link_shows_only_its_showcase_until_revoked_or_expired(app, showcases, links, clock, work,
                                                                           tables):
    made = showcases.create(STUDENT, STUDENT_ID, fields(work[:2]))
    made_link, token = links.create(STUDENT, made.id, valid_days=2)
    with app.unit_of_work() as uow:
        stored = uow.session.execute(select(showcase_links.c.token_sha256)).scalars().all()
    assert stored == [hashlib.sha256(token.encode()).hexdigest()]
    opened, by = links.open(token)
    assert (opened.id, [a.id for a in opened.items], by.id) == (made.id, work[:2], made_link.id)
    views = [r for r in tables.audit() if r.action == "artifacts.OpenShowcaseLink"]
    assert [(r.actor, r.subject_id) for r in views] == [(f"showcase-link:{made_link.id}", STUDENT_ID)]
    with pytest.raises(NotFound):
        links.open("not-a-token")
    assert refused(lambda: links.create(GUARDIAN, made.id))
    clock.now += dt.timedelta(days=2, seconds=1)
    with pytest.raises(Conflict):
        links.open(token)
    second, again = links.create(TEACHER, made.id)
    assert links.open(again)[0].id == made.id
    assert links.revoke(STUDENT, made.id, second.id).revoked_at is not None
    with pytest.raises(Conflict):
        links.open(again)
    assert [k.live(clock.now) for k in showcases.get(STUDENT, made.id).links] == [False, False]
