"""Portfolio search on PostgreSQL: full-text title, ANY of several skills, year, kind, added_by; newest first;
keyset pages without duplicates or gaps; every read by someone other than the student audited."""
from __future__ import annotations

import json

import pytest
from artifacts_fixtures import (
    GUARDIAN,
    LAST_YEAR,
    OLD_TEACHER,
    SCHOOL_ADMIN,
    SERVICE,
    STUDENT,
    STUDENT_ID,
    TEACHER,
    TEACHER_ID,
    YEAR,
    image,
    link,
)
from sqlalchemy import text

from artifacts.adapters.repository import PortfolioFilter
from chassis.errors import InvalidArgument, PermissionDenied

pytestmark = pytest.mark.integration


def titles(app, viewer=STUDENT, **filters) -> list[str]:
    return [a.title for a in app.queries.portfolio(viewer, PortfolioFilter(student_id=STUDENT_ID, **filters)).items]


@pytest.fixture
def portfolio(app, world):
    app.commands.create(STUDENT, link("Persuasive Essay on Recycling", ("sk-comm",), year=LAST_YEAR))
    app.commands.create(TEACHER, image("Volcano model", ("sk-innov", "sk-think")))
    app.commands.create(STUDENT, link("Recycling survey results", ("sk-think",)))
    app.commands.create(STUDENT, link("Essays of <b>2026</b>", ("sk-collab",)))


def test_newest_first_and_filters(app, portfolio):
    assert titles(app) == ["Essays of <b>2026</b>", "Recycling survey results", "Volcano model",
                           "Persuasive Essay on Recycling"]
    assert titles(app, title_query="RECYCLING") == ["Recycling survey results", "Persuasive Essay on Recycling"]
    assert titles(app, title_query="essay recycling") == ["Persuasive Essay on Recycling"]   # every word
    assert titles(app, title_query="2026") == ["Essays of <b>2026</b>"]
    assert titles(app, skill_ids=("sk-think", "sk-comm")) == ["Recycling survey results", "Volcano model",
                                                              "Persuasive Essay on Recycling"]      # ANY
    assert titles(app, school_year_id=LAST_YEAR) == ["Persuasive Essay on Recycling"]
    assert len(titles(app, school_year_id=YEAR)) == 3
    assert titles(app, kind="image") == titles(app, added_by=TEACHER_ID) == ["Volcano model"]
    assert titles(app, title_query="recycling", skill_ids=("sk-comm",)) == ["Persuasive Essay on Recycling"]


def test_keyset_pages_have_no_duplicates_or_gaps(app, world):
    made = [app.commands.create(STUDENT, link(f"Entry {i}")).artifact.id for i in range(23)]
    seen, token, pages = [], "", 0
    while True:
        page = app.queries.portfolio(STUDENT, PortfolioFilter(student_id=STUDENT_ID), 5, token)
        seen += [a.id for a in page.items]
        pages += 1
        token = page.next_page_token
        if not token:
            break
    assert seen == list(reversed(made)) and pages == 5
    with pytest.raises(InvalidArgument) as caught:
        app.queries.portfolio(STUDENT, PortfolioFilter(student_id=STUDENT_ID, kind="link"), 5,
                              app.queries.portfolio(STUDENT, PortfolioFilter(student_id=STUDENT_ID), 5).next_page_token)
    assert caught.value.problems[0].field == "page.page_token"


def test_who_may_list_and_the_audit_of_disclosures(app, portfolio, tables):
    assert len(titles(app, TEACHER)) == len(titles(app, GUARDIAN)) == len(titles(app, SERVICE)) == 4
    for refused in (OLD_TEACHER, SCHOOL_ADMIN):
        with pytest.raises(PermissionDenied):
            titles(app, refused)
    lists = [r for r in tables.audit() if r.action == "artifacts.ListPortfolio"]
    assert [r.actor for r in lists] == [TEACHER.subject, GUARDIAN.subject, SERVICE.subject]
    assert all(r.subject_id == STUDENT_ID and len(json.loads(r.detail)["artifact_ids"]) == 4 for r in lists)


def test_bad_queries_name_the_field(app, world):
    with pytest.raises(InvalidArgument) as caught:
        app.queries.portfolio(STUDENT, PortfolioFilter(student_id="", kind="podcast"))
    assert {p.field for p in caught.value.problems} == {"student_id", "kind"}


def test_title_search_can_use_the_full_text_index(app, world):
    """The query's tsvector expression is the index's: without the per-student index and sequential scans, the plan
    must use it (for one student's few hundred artifacts the planner rightly prefers the per-student index)."""
    with app.unit_of_work() as uow:
        query = uow.artifacts.portfolio_query(PortfolioFilter(student_id=STUDENT_ID, title_query="essay"), 10, None)
        compiled = query.compile(dialect=uow.session.get_bind().dialect)
        uow.session.execute(text("SET LOCAL enable_seqscan = off"))
        uow.session.execute(text("DROP INDEX ix_artifacts_portfolio"))   # rolled back with the unit of work
        plan = "\n".join(uow.session.connection().exec_driver_sql(f"EXPLAIN {compiled}", compiled.params).scalars())
    assert "ix_artifacts_title_fts" in plan, plan
