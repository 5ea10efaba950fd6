"""The current school year is the viewer's district's active year, as the roster decides it: with another
district's years (one deactivated) and a deactivated year of its own all containing today, a teacher still sees
their students; pickers offer no deactivated year and nothing of another district (the admin landing's schools are
the reporting service's filter options now)."""
from __future__ import annotations

import re

import pytest
from gateway_school_years import second_district
from gateway_testkit import csrf_from, web_login

from chassis.db import make_engine

pytestmark = pytest.mark.integration
OPTION = re.compile(r'<option value="([^"]*)"')


@pytest.fixture(scope="module")
def others(pg_database_url, district, roster_target):
    engine = make_engine(pg_database_url)
    with second_district(engine, district) as ids:
        yield ids
    engine.dispose()


def _as(make_client, district, username: str):
    client = make_client()
    assert web_login(client, *district.login(username)).status_code == 303
    return client


def test_a_teacher_sees_their_students_whatever_other_years_contain_today(make_client, district, others):
    home = _as(make_client, district, "tlee").get("/")
    assert home.status_code == 200
    assert "Math 5A" in home.text and "Adams, Amy" in home.text and "Brown, Ben" in home.text
    assert "no students" not in home.text


def test_year_pickers_offer_only_the_districts_active_years(make_client, district, others):
    amy = district.ids["amy"]
    client = _as(make_client, district, "aadams")
    form = client.get(f"/students/{amy}/artifacts/new")
    assert OPTION.findall(form.text.split('id="school_year_id"')[1].split("</select>")[0]) == [district.ids["year"]]
    assert f'<option value="{district.ids["year"]}" selected>' in form.text
    gallery = client.get(f"/students/{amy}")
    assert OPTION.findall(gallery.text.split('id="year"')[1].split("</select>")[0]) == ["", district.ids["year"]]
    for page in (form.text, gallery.text):
        assert "Oak" not in page and "retired year" not in page


def test_editing_work_filed_under_a_retired_year_keeps_its_year(make_client, district, skill_ids, others):
    amy = district.ids["amy"]
    client = _as(make_client, district, "aadams")
    form = client.get(f"/students/{amy}/artifacts/new")
    added = client.post(f"/students/{amy}/artifacts/new", data={
        "csrf_token": csrf_from(form.text), "title": "Old work", "kind": "link", "link_url": "https://example.org/o",
        "skill_ids": [skill_ids["communicator"]], "school_year_id": others["demo_retired"]})
    assert added.status_code == 303, added.text
    edit = client.get(added.headers["location"] + "/edit")
    options = OPTION.findall(edit.text.split('id="school_year_id"')[1].split("</select>")[0])
    assert options == [district.ids["year"], others["demo_retired"]]     # its own year, and no other retired one
    assert f'<option value="{others["demo_retired"]}" selected>' in edit.text
