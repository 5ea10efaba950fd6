"""Keyset pagination walks every row exactly once, in order, whatever the page size; tokens are checked."""
from __future__ import annotations

import pytest
from roster_seed import add_students
from sqlalchemy import create_engine, select

from chassis.errors import InvalidArgument
from chassis.paging import MAX_PAGE_SIZE
from roster.adapters import orm
from roster.domain.access import Viewer

pytestmark = pytest.mark.integration
SERVICE = Viewer.of("service:test", ["service"])
EXTRA = 257


@pytest.fixture
def bulk(roster_database):
    with roster_database.connect() as conn:
        add_students(conn, "alder", EXTRA)
        return conn.execute(select(orm.people.c.id).order_by(
            orm.people.c.family_name, orm.people.c.given_name, orm.people.c.id)).scalars().all()


def walk(list_call, page_size):
    items, token, pages = [], "", 0
    while True:
        page = list_call(page_size=page_size, page_token=token)
        items.extend(page.items)
        pages += 1
        token = page.next_page_token
        if not token:
            return items, pages


@pytest.mark.parametrize("page_size", [1, 7, 100, 0])
def test_walk_all_people_without_dupes_or_gaps(app, bulk, page_size):
    people, pages = walk(lambda **kw: app.people.list_people(SERVICE, **kw), page_size)
    assert [p.id for p in people] == bulk
    assert pages == -(-len(bulk) // (page_size or 100))     # the look-ahead row means no empty last page


def test_walk_filtered_people(app, bulk, ids):
    people, _ = walk(lambda **kw: app.people.list_people(SERVICE, school_id=ids.org["alder"], role="student",
                                                         grade_level="04", **kw), 13)
    assert len(people) == EXTRA == len({p.id for p in people})
    assert all(p.grade_level == "04" and p.roles == ("student",) for p in people)


def test_page_size_is_capped_and_validated(app, bulk):
    assert len(app.people.list_people(SERVICE, page_size=MAX_PAGE_SIZE + 5000).items) == len(bulk)
    with pytest.raises(InvalidArgument) as caught:
        app.people.list_people(SERVICE, page_size=-1)
    assert caught.value.problems[0].field == "page.page_size"


def test_tokens_from_another_query_or_tampered_are_refused(app, bulk, ids):
    token = app.people.list_people(SERVICE, page_size=5).next_page_token
    with pytest.raises(InvalidArgument, match="different query"):
        app.people.list_people(SERVICE, page_size=5, page_token=token, grade_level="05")
    with pytest.raises(InvalidArgument, match="different query"):
        app.sections.list_schools(SERVICE, page_token=token)
    with pytest.raises(InvalidArgument, match="not a token"):
        app.people.list_people(SERVICE, page_token=token[:-3] + "@@@")


def test_schools_and_years_paginate(app):
    schools, pages = walk(lambda **kw: app.sections.list_schools(SERVICE, **kw), 1)
    assert [s.name for s in schools] == ["Alder Elementary", "Birch Middle"] and pages == 2
    years, _ = walk(lambda **kw: app.sections.list_school_years(SERVICE, **kw), 1)
    assert [y.title for y in years] == ["2025-26", "2026-27"]
