"""The reports dashboard on the web: an administrator's home page is the dashboard (charts with text alternatives and
the tables behind them, freshness, the rule, CSV links, drill-down links), /reports keeps its filters in the URL and
shows the drill-down trail, tables download as CSV, and everyone else gets no dashboard and a 403 page."""
from __future__ import annotations

import csv
import io
import re

import pytest
from gateway_testkit import web_login

pytestmark = pytest.mark.integration


def logged_in(make_client, district, username: str):
    client = make_client()
    assert web_login(client, *district.login(username)).status_code == 303
    return client


def test_the_district_admins_landing_page_is_the_dashboard(make_client, district):
    page = logged_in(make_client, district, "ddunn").get("/")
    assert page.status_code == 200
    text = page.text
    assert '<h2 id="dashboard-title">District dashboard</h2>' in text
    assert '<form method="get" action="/reports"' in text and '<label for="f-school">School</label>' in text
    assert "As of</strong> <time datetime=\"2026-12-05T10:30:00+00:00\">5 Dec 2026, 10:30 UTC</time>" in text
    assert "Groups under 10 students are withheld" in text
    assert '<dt>Students</dt><dd>* <span class="visually-hidden">(withheld to protect a small group)</span>' in text
    svg = text.split('<section class="card report" aria-labelledby="report-artifacts-by-skill-title">')[1]
    assert re.search(r'role="img"\s+aria-labelledby="report-artifacts-by-skill-svg-title"', svg)
    assert '<desc id="report-artifacts-by-skill-svg-desc">Artifacts per skill: Effective Communicator 31;' in svg
    assert 'fill="#1F5FAD"' in svg and 'fill="#F2C300"' in svg          # the skills' colours
    assert '<caption id="report-artifacts-by-skill-caption">Artifacts per skill</caption>' in svg
    assert '<th scope="col" class="num">Added by teachers</th>' in svg
    assert '<td class="num">*<span class="visually-hidden"> (withheld)</span></td>' in svg
    assert f'href="/reports/artifacts_by_skill.csv?school_year_id={district.ids["year"]}"' in svg
    school = district.ids["school"]
    assert f'<a href="/reports?school_year_id={district.ids["year"]}&amp;school_id={school}">Maple Elementary' in text
    assert "=HYPERLINK(&#34;http://evil&#34;)" in text and '=HYPERLINK("' not in text
    assert '<link rel="stylesheet" href="/static/print.css" media="print">' in text
    assert "/admin/prompts" in text
    for name in ("Amy", "Ben", "Tess"):     # counts only, never individuals
        assert name not in text


def test_filters_live_in_the_url_and_the_trail_drills_back_up(make_client, district, reporting):
    client = logged_in(make_client, district, "ddunn")
    year, school = district.ids["year"], district.ids["school"]
    page = client.get("/reports", params={"school_year_id": year, "school_id": school, "grade": "05"})
    assert page.status_code == 200
    asked = reporting.filters[-1]
    assert (asked.school_year_id, asked.school_id, asked.grade, asked.skill_id) == (year, school, "05", "")
    trail = page.text.split('<nav aria-label="Drill-down" class="trail">')[1].split("</nav>")[0]
    assert re.findall(r"<li>(.*?)</li>", trail) == [
        f'<a href="/reports?school_year_id={year}">All schools</a>',
        f'<a href="/reports?school_year_id={year}&amp;school_id={school}">Maple Elementary</a>',
        '<span aria-current="page">Grade 5</span>']
    assert f'<option value="{school}" selected>Maple Elementary</option>' in page.text
    assert '<option value="05" selected>Grade 5</option>' in page.text
    assert "<strong>Showing:</strong> 2026-27, Maple Elementary, Grade 5, every skill." in page.text
    assert "<h1>Reports</h1>" in page.text and 'href="/static/reports.css"' in page.text


def test_a_table_downloads_as_csv_from_the_page(make_client, district):
    client = logged_in(make_client, district, "ddunn")
    reply = client.get("/reports/milestone_outcomes.csv", params={"grade": "05"})
    assert reply.status_code == 200 and reply.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(reply.content.decode("utf-8-sig"))))
    assert rows[0] == ["Milestone and grade", "Completed", "Not Yet", "Approaching", "Ready", "Excelling"]
    assert rows[1] == ["Defense of Learning, Grade 5", "60", "<5%", "30%", "50%", "18%"]


def test_a_school_admin_gets_their_schools_dashboard_and_no_other(make_client, district):
    client = logged_in(make_client, district, "sshaw")
    home = client.get("/").text
    assert '<h2 id="dashboard-title">School dashboard</h2>' in home and 'id="f-school"' not in home
    other = client.get("/reports", params={"school_id": "org-other-school"})
    assert other.status_code == 403 and "Reports are for district and school administrators" in other.text
    download = client.get("/reports/artifacts_by_school.csv", params={"school_id": "org-other-school"})
    assert download.status_code == 403 and "text/html" in download.headers["content-type"]


def test_everyone_else_gets_no_dashboard_and_a_403_page(make_client, district):
    for username in ("tlee", "aadams", "gadams"):
        client = logged_in(make_client, district, username)
        assert "dashboard" not in client.get("/").text.lower() and "/reports" not in client.get("/").text
        page = client.get("/reports")
        assert page.status_code == 403, username
        assert "<h1>You can&#39;t open this page</h1>" in page.text and "Reports are for district and school" in page.text
        assert client.get("/reports/artifacts_by_skill.csv").status_code == 403
    assert make_client().get("/reports").headers["location"] == "/login?next=/reports"


def test_the_home_page_survives_an_unreachable_reporting_service(make_client, district):
    from chassis.testing.infra import free_port
    client = make_client(reporting_target=f"127.0.0.1:{free_port()}", grpc_timeout_seconds=5)  # (login: argon2)
    web_login(client, *district.login("ddunn"))
    home = client.get("/")
    assert home.status_code == 200 and "The reports are unavailable right now" in home.text
