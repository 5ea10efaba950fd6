"""Artifact reads through a fake unit of work: who may read one artifact or a portfolio, what they may do with it
(``viewer_can``), the audit row every read by anyone but the student writes, and the portfolio's filters and pages."""
from __future__ import annotations

import datetime as dt

import pytest
from artifacts_fixtures import (
    GUARDIAN,
    GUARDIAN_ID,
    LAST_YEAR,
    OLD_TEACHER,
    OTHER_STUDENT,
    SCHOOL_ADMIN,
    SERVICE,
    STUDENT,
    STUDENT_ID,
    TEACHER,
    TEACHER_ID,
    image,
    link,
)

from artifacts.adapters.repository import PortfolioFilter
from artifacts.domain.access import DENIED, Viewer, ViewerCan
from artifacts.domain.model import StoredMedia
from chassis.errors import InvalidArgument, PermissionDenied

MINE = PortfolioFilter(student_id=STUDENT_ID)
LATER = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


@pytest.fixture
def by_teacher(commands, uow) -> str:
    made = commands.create(TEACHER, link("Teacher's note")).artifact.id
    uow.audit_rows.clear()
    return made


@pytest.mark.parametrize("viewer, audited, can", [
    (STUDENT, False, ViewerCan(add=True, change=False)),
    (TEACHER, True, ViewerCan(add=True, change=True)),
    (GUARDIAN, True, ViewerCan(add=False, change=False)),
    (SERVICE, True, ViewerCan(add=False, change=False)),
], ids=["student", "teacher-now", "guardian", "service"])
def test_one_artifact_is_read_by_those_with_standing_and_audited_for_all_but_the_student(queries, uow, by_teacher,
                                                                                        viewer, audited, can):
    seen = queries.get(viewer, by_teacher)
    assert seen.id == by_teacher and seen.viewer_can == can and [v.number for v in seen.versions] == [1]
    expected = [(viewer.subject, "artifacts.GetArtifact", STUDENT_ID, {"artifact_id": by_teacher})] if audited else []
    assert [(r.actor, r.action, r.subject_id, r.detail) for r in uow.audit_rows] == expected
    assert uow.events[1:] == []                          # reads raise no events


@pytest.mark.parametrize("viewer", [OLD_TEACHER, SCHOOL_ADMIN, OTHER_STUDENT,
                                    Viewer.of("adm-9", ["district_admin", "teacher"])],
                         ids=["former-teacher", "school-admin", "other-student", "admin-who-teaches"])
def test_everyone_else_is_refused_one_artifact_unaudited(queries, uow, by_teacher, viewer):
    with pytest.raises(PermissionDenied, match=DENIED):
        queries.get(viewer, by_teacher)
    assert uow.audit_rows == []


def test_a_missing_artifact_is_refused_like_a_forbidden_one(queries):
    with pytest.raises(PermissionDenied, match=DENIED):
        queries.get(STUDENT, "no-such-artifact")


def test_ready_media_come_with_urls_of_the_checked_copy_only(commands, queries, uow):
    created = commands.create(STUDENT, image()).artifact
    assert queries.get(STUDENT, created.id).media_url == ""                   # not checked yet: nothing served
    uow.media.record(created.id, 1, StoredMedia("ready", "image/jpeg", 1234, "checked/t.webp", "checked/c.jpg"),
                     created.created_at)
    commands.mark_media_result(SERVICE, created.id, 1, "ready")
    seen = queries.get(STUDENT, created.id)
    assert "checked/c.jpg" in seen.media_url and "checked/t.webp" in seen.thumbnail_url
    assert "checked/c.jpg" in seen.versions[0].download_url


def seat(uow, artifact_id: str, invitation_id: str = "inv-1", person_id: str = "",
         expires_at: dt.datetime = LATER) -> None:
    uow.panels.put_panellist(invitation_id, "ms-1", STUDENT_ID, person_id, expires_at)
    uow.panels.select("ms-1", STUDENT_ID, [artifact_id])


def test_a_panel_guest_reads_the_selected_artifact_audited_with_the_invitation(queries, uow, by_teacher):
    seat(uow, by_teacher)
    seen = queries.get(Viewer.of("guest:inv-1", ["panel_guest"]), by_teacher)
    assert seen.viewer_can == ViewerCan(add=False, change=False)
    [row] = uow.audit_rows
    assert (row.action, row.detail) == ("artifacts.GetArtifact", {"artifact_id": by_teacher, "invitation_id": "inv-1"})


def test_an_invited_educator_who_does_not_teach_the_student_reads_through_the_panel(queries, uow, by_teacher):
    seat(uow, by_teacher, person_id=OLD_TEACHER.subject)
    assert queries.get(OLD_TEACHER, by_teacher).id == by_teacher
    assert uow.audit_rows[0].detail["invitation_id"] == "inv-1"


@pytest.mark.parametrize("case", ["expired", "other-artifact", "other-invitation"])
def test_a_panel_guest_is_refused_without_a_live_seat_for_that_artifact(commands, queries, uow, by_teacher, case):
    other = commands.create(STUDENT, link("Not selected")).artifact.id
    seat(uow, other if case == "other-artifact" else by_teacher,
         expires_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC) if case == "expired" else LATER)
    guest = Viewer.of("guest:inv-2" if case == "other-invitation" else "guest:inv-1", ["panel_guest"])
    with pytest.raises(PermissionDenied, match=DENIED):
        queries.get(guest, by_teacher)
    assert uow.audit_rows == []


def test_a_panel_guest_never_lists_a_portfolio(queries, uow, by_teacher):
    seat(uow, by_teacher)
    with pytest.raises(PermissionDenied):
        queries.portfolio(Viewer.of("guest:inv-1", ["panel_guest"]), MINE)


@pytest.fixture
def portfolio(commands, uow) -> None:
    commands.create(STUDENT, link("Persuasive Essay on Recycling", ("sk-comm",), year=LAST_YEAR))
    commands.create(TEACHER, image("Volcano model", ("sk-innov", "sk-think")))
    commands.create(STUDENT, link("Recycling survey results", ("sk-think",)))
    uow.audit_rows.clear()


def titles(queries, viewer=STUDENT, **filters) -> list[str]:
    return [a.title for a in queries.portfolio(viewer, PortfolioFilter(student_id=STUDENT_ID, **filters)).items]


def test_the_portfolio_lists_newest_first_and_filters(queries, portfolio):
    assert titles(queries) == ["Recycling survey results", "Volcano model", "Persuasive Essay on Recycling"]
    assert titles(queries, title_query="recycling") == ["Recycling survey results", "Persuasive Essay on Recycling"]
    assert titles(queries, skill_ids=("sk-comm", "sk-think")) == titles(queries)
    assert titles(queries, school_year_id=LAST_YEAR) == ["Persuasive Essay on Recycling"]
    assert titles(queries, kind="image") == titles(queries, added_by=TEACHER_ID) == ["Volcano model"]


@pytest.mark.parametrize("viewer, audited", [(STUDENT, False), (TEACHER, True), (GUARDIAN, True)],
                         ids=["student", "teacher-now", "guardian"])
def test_a_portfolio_read_is_audited_with_what_it_disclosed(queries, uow, portfolio, viewer, audited):
    page = queries.portfolio(viewer, PortfolioFilter(student_id=STUDENT_ID, kind="link"))
    if not audited:
        assert uow.audit_rows == []
        return
    [row] = uow.audit_rows
    assert (row.actor, row.action, row.subject_id) == (viewer.subject, "artifacts.ListPortfolio", STUDENT_ID)
    assert row.detail == {"artifact_ids": [a.id for a in page.items], "title_query": "", "skill_ids": [],
                          "school_year_id": "", "kind": "link"}


@pytest.mark.parametrize("viewer", [OLD_TEACHER, SCHOOL_ADMIN, OTHER_STUDENT, Viewer.of(GUARDIAN_ID, ["teacher"])],
                         ids=["former-teacher", "admin", "other-student", "guardian-id-as-teacher"])
def test_a_portfolio_is_refused_to_anyone_without_standing(queries, uow, portfolio, viewer):
    with pytest.raises(PermissionDenied, match=DENIED):
        queries.portfolio(viewer, MINE)
    assert uow.audit_rows == []


def test_viewer_can_only_answers_without_listing_or_auditing(queries, uow, portfolio):
    page = queries.portfolio(TEACHER, MINE, viewer_can_only=True)
    assert (page.items, page.viewer_can, uow.audit_rows) == ([], ViewerCan(add=True, change=False), [])


def test_pages_follow_each_other_without_gaps_and_a_token_fits_only_its_query(commands, queries):
    made = [commands.create(STUDENT, link(f"Entry {i}")).artifact.id for i in range(7)]
    seen, token = [], ""
    while True:
        page = queries.portfolio(STUDENT, MINE, 3, token)
        seen += [a.id for a in page.items]
        token = page.next_page_token
        if not token:
            break
    assert seen == made[::-1]
    first = queries.portfolio(STUDENT, MINE, 3)
    with pytest.raises(InvalidArgument):
        queries.portfolio(STUDENT, PortfolioFilter(student_id=STUDENT_ID, kind="link"), 3, first.next_page_token)


@pytest.mark.parametrize("f, field", [(PortfolioFilter(student_id=""), "student_id"),
                                      (PortfolioFilter(student_id=STUDENT_ID, kind="hologram"), "kind"),
                                      (PortfolioFilter(student_id=STUDENT_ID, title_query="x" * 201), "title_query")])
def test_an_invalid_portfolio_query_names_its_problem(queries, f, field):
    with pytest.raises(InvalidArgument) as refused:
        queries.portfolio(STUDENT, f)
    assert [p.field for p in refused.value.problems] == [field]
