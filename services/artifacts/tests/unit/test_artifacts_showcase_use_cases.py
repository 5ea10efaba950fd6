"""Showcase use cases through a fake unit of work: validation naming each field, the audit rows of reads and changes
by anyone but the student, sharing only by those who may share, and external links (expiry on the injected clock,
revocation, a deleted showcase's links ending with it)."""
from __future__ import annotations

import datetime as dt

import pytest
from artifacts_fixtures import GUARDIAN, STUDENT, STUDENT_ID, TEACHER, link
from showcase_fakes import FakeShowcaseUnitOfWork

from artifacts.domain.access import DENIED
from artifacts.domain.showcases import ShowcaseFields
from artifacts.service_layer.commands import ArtifactCommands
from artifacts.service_layer.showcase_links import ShowcaseLinks, token_hash
from artifacts.service_layer.showcases import ShowcaseUseCases
from chassis.errors import Conflict, InvalidArgument, NotFound, PermissionDenied


@pytest.fixture
def uow() -> FakeShowcaseUnitOfWork:
    return FakeShowcaseUnitOfWork().feed_roster()


@pytest.fixture
def showcases(uow, calendar, media) -> ShowcaseUseCases:
    return ShowcaseUseCases(lambda: uow, calendar, media)


@pytest.fixture
def links(uow, calendar, media) -> ShowcaseLinks:
    return ShowcaseLinks(lambda: uow, calendar, media)


@pytest.fixture
def work(uow, calendar, media) -> list[str]:
    commands = ArtifactCommands(lambda: uow, calendar, media)
    made = [commands.create(STUDENT, link(f"Piece {n}")).artifact.id for n in range(2)]
    uow.audit_rows.clear()
    return made


def fields(ids, **more) -> ShowcaseFields:
    return ShowcaseFields("Best of grade 5", "Hello", artifact_ids=tuple(ids), **more)


@pytest.mark.parametrize("bad, field", [
    (ShowcaseFields(" "), "title"),
    (ShowcaseFields("x" * 201), "title"),
    (ShowcaseFields("Line\nbreak"), "title"),
    (ShowcaseFields("t", introduction="i" * 5001), "introduction"),
    (ShowcaseFields("t", audience="museum"), "audience"),
    (ShowcaseFields("t", artifact_ids=("a", " ")), "artifact_ids"),
    (ShowcaseFields("t", artifact_ids=tuple(f"a{n}" for n in range(41))), "artifact_ids"),
])
def test_invalid_fields_are_named(showcases, bad, field):
    with pytest.raises(InvalidArgument) as problem:
        showcases.create(STUDENT, STUDENT_ID, bad)
    assert [p.field for p in problem.value.problems] == [field]


def test_a_missing_student_is_named(showcases):
    with pytest.raises(InvalidArgument) as problem:
        showcases.create(STUDENT, "", fields([]))
    assert [p.field for p in problem.value.problems] == ["student_id"]


def test_the_student_is_not_audited_and_a_teacher_and_a_guardian_are(showcases, uow, work):
    made = showcases.create(STUDENT, STUDENT_ID, fields(work, share_with_guardians=True))
    showcases.get(STUDENT, made.id)
    assert uow.audit_rows == []
    showcases.update(TEACHER, made.id, fields(work[::-1], share_with_guardians=True))
    showcases.get(GUARDIAN, made.id)
    assert [(r.actor, r.action) for r in uow.audit_rows] == [
        (TEACHER.subject, "artifacts.UpdateShowcase"), (GUARDIAN.subject, "artifacts.GetShowcase")]
    assert uow.audit_rows[1].detail == {"showcase_id": made.id, "artifact_ids": work[::-1]}


def test_a_refusal_changes_nothing(showcases, uow, work):
    made = showcases.create(STUDENT, STUDENT_ID, fields(work))
    with pytest.raises(PermissionDenied, match=DENIED):
        showcases.update(GUARDIAN, made.id, fields([], share_with_guardians=True))
    assert uow.showcases.get(made.id).fields.artifact_ids == tuple(work)


def test_links_expire_on_the_clock_and_end_with_their_showcase(showcases, links, uow, calendar, work):
    made = showcases.create(STUDENT, STUDENT_ID, fields(work))
    link_made, token = links.create(STUDENT, made.id, valid_days=1)
    assert token not in str(uow.showcases.link_rows) and token_hash(token) in str(uow.showcases.link_rows)
    assert link_made.expires_at - link_made.created_at == dt.timedelta(days=1)
    assert [a.id for a in links.open(token)[0].items] == work
    assert uow.audit_rows[-1].actor == f"showcase-link:{link_made.id}"
    calendar.clock.now += dt.timedelta(days=1)
    with pytest.raises(Conflict):
        links.open(token)
    _, other = links.create(STUDENT, made.id)
    showcases.delete(STUDENT, made.id)
    with pytest.raises(NotFound):
        links.open(other)
    with pytest.raises(NotFound):
        links.open("  ")


@pytest.mark.parametrize("days", [-1, 91])
def test_a_link_lasts_one_to_ninety_days(showcases, links, work, days):
    made = showcases.create(STUDENT, STUDENT_ID, fields(work))
    with pytest.raises(InvalidArgument) as problem:
        links.create(STUDENT, made.id, valid_days=days)
    assert [p.field for p in problem.value.problems] == ["valid_days"]


def test_revoking_an_unknown_link_names_it(showcases, links, work):
    made = showcases.create(STUDENT, STUDENT_ID, fields(work))
    with pytest.raises(NotFound) as problem:
        links.revoke(STUDENT, made.id, "no-such-link")
    assert [p.field for p in problem.value.problems] == ["link_id"]
