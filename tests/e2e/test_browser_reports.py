"""The reports dashboard in a real browser against `skillfolio up` and its seeded demo district (issue 12): the district
admin filters to one school year, sees artifacts per skill with real figures, drills into a school and then a grade,
and downloads a CSV whose small cells are suppressed; a school admin cannot reach another school's report.

The demo portfolio is one student's, too small a group to show; so, as a class would, the demo teacher first adds
work for a few more of their students through the REST API, and the figures arrive through the real event flow."""
from __future__ import annotations

import csv
import io
import os
import pathlib
import re
from collections.abc import Iterator

import pytest
from e2e_pages import REPLICA_TIMEOUT_S, api_as
from playwright.sync_api import Page, expect

from chassis.testing import wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.integration]


@pytest.fixture
def page(browser, platform) -> Iterator[Page]:
    context = browser.new_context(base_url=platform.url, viewport={"width": 1100, "height": 900}, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def _login(page: Page, platform, role: str) -> None:
    username, password = platform.login(role)
    page.goto("/login")
    page.get_by_label("Username", exact=True).fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()


@pytest.fixture(scope="module")
def class_work(platform) -> dict:
    """Link artifacts, tagged with every skill, that the demo teacher adds for some of their students in one grade
    (never the demo student, whose portfolio other tests read): enough to pass the suppression threshold."""
    teacher, student = api_as(platform, "teacher"), api_as(platform, "student")
    me, demo = teacher.get("/api/v1/me").json(), student.get("/api/v1/me").json()
    demo_student = demo["id"]
    groups = teacher.get(f"/api/v1/teachers/{me['id']}/students", params={"page_size": 100}).json()["items"]
    pupils = {p["id"]: p for g in groups for p in g["students"] if p["id"] != demo_student}
    by_grade: dict[str, list[dict]] = {}
    for pupil in pupils.values():
        by_grade.setdefault(pupil["grade_level"], []).append(pupil)
    # the demo student's grade when it has enough classmates: their own work there is a small group to withhold
    grade, chosen = (demo["grade_level"], by_grade[demo["grade_level"]]) if len(by_grade.get(
        demo["grade_level"], [])) >= 8 else max(by_grade.items(), key=lambda item: len(item[1]))
    chosen = chosen[:12]
    assert len(chosen) >= 8, f"the demo teacher teaches too few students in one grade: {len(chosen)}"
    skills = [s["id"] for s in teacher.get("/api/v1/skills", params={"school_id": me["primary_school_id"]}
                                           ).json()["items"] if not s["retired"]]

    def added(pupil: dict):
        reply = teacher.post(f"/api/v1/students/{pupil['id']}/artifacts", json={
            "title": "Class poster", "kind": "link", "link_url": "https://example.org/poster", "skill_ids": skills})
        assert reply.status_code in (201, 503), reply.text      # 503: the relation is still replicating
        return reply.status_code == 201
    admin = api_as(platform, "district admin")
    options = admin.get("/api/v1/reports/filter-options").json()
    year = options["current_school_year_id"] or options["school_years"][0]["id"]
    before = _skill_totals(admin, year)
    for pupil in chosen:
        wait_for(lambda p=pupil: added(p), REPLICA_TIMEOUT_S, "the teacher's artifact for a student", interval=1)
    school = teacher.get(f"/api/v1/schools/{chosen[0]['primary_school_id']}").json()["name"]
    return {"school": school, "grade": grade, "students": len(chosen), "skills": skills, "before": before}


def _skill_totals(api, year: str) -> dict[str, float]:
    """The district's artifacts per skill this school year (all roles: the last column; large, so never withheld)."""
    table = api.get("/api/v1/reports/artifacts_by_skill", params={"school_year_id": year}).json()
    return {r["key"]: r["cells"][-1]["value"] or 0 for r in table["rows"]}


def _class_counted(api, year: str, class_work: dict) -> bool:
    """Whether the reports count the class's links: every skill they are tagged with grew by the class's size (other
    work, such as a class capture on a few skills, may already pass a district-wide threshold)."""
    now = _skill_totals(api, year)
    reported = [s for s in class_work["skills"] if s in now]          # (the reports' rows: the district's skills)
    return bool(reported) and all(now[s] >= class_work["before"].get(s, 0) + class_work["students"] for s in reported)


def _screenshot(page: Page, name: str) -> None:
    """Keep a picture of the page where CI keeps them (SKILLFOLIO_E2E_ARTIFACTS), if set."""
    folder = os.environ.get("SKILLFOLIO_E2E_ARTIFACTS")
    if folder:
        pathlib.Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(pathlib.Path(folder) / name), full_page=True)


def _name(text: str) -> str:
    """A row heading's visible text (without the screen-reader suffix of a drill-down link)."""
    return text.replace("(open its report)", "").strip()


def _table(page: Page, title: str):
    return page.locator("section.report").filter(has=page.get_by_role("heading", name=title, exact=True))


def _real_figures(api, year: str, minimum: int) -> list[str]:
    """The shown counts of at least ``minimum`` in the district's artifacts per skill for the school year."""
    table = api.get("/api/v1/reports/artifacts_by_skill", params={"school_year_id": year}).json()
    return [c["display"] for r in table["rows"] for c in r["cells"] if c["value"] and c["value"] >= minimum]


def test_a_district_admin_filters_drills_down_and_downloads_a_suppressed_csv(page, platform, class_work):
    api = api_as(platform, "district admin")
    options = api.get("/api/v1/reports/filter-options").json()
    year = options["current_school_year_id"] or options["school_years"][0]["id"]
    minimum = api.get("/api/v1/reports/dashboard").json()["rule"]["minimum_group_size"]
    assert class_work["students"] >= minimum
    wait_for(lambda: _real_figures(api, year, minimum), REPLICA_TIMEOUT_S, "the class's work in the reports",
             interval=1)
    wait_for(lambda: _class_counted(api, year, class_work), REPLICA_TIMEOUT_S, "every link of the class counted",
             interval=1)
    _login(page, platform, "district admin")
    expect(page.get_by_role("heading", name="District dashboard", level=2)).to_be_visible()

    page.get_by_label("School year").select_option(year)
    page.get_by_role("button", name="Show reports").click()
    expect(page).to_have_url(re.compile(rf"/reports\?school_year_id={year}"))
    by_skill = _table(page, "Artifacts per skill")
    expect(by_skill.locator("svg[role=img] desc")).not_to_be_empty()
    skill_names = {s["label"] for s in options["skills"]}
    rows = by_skill.locator("tbody th[scope=row]").all_inner_texts()
    assert rows and {_name(r) for r in rows} <= skill_names
    figures = by_skill.locator("tbody td.num").all_inner_texts()
    assert any(f.isdigit() and int(f) >= minimum for f in figures), f"no real figure for the demo: {figures}"
    assert by_skill.locator("svg rect").count() >= 1                     # bars drawn in the skills' colours

    school = class_work["school"]
    _table(page, "Artifacts by school").locator("tbody th a").filter(has_text=school).first.click()
    expect(page).to_have_url(re.compile(r"school_id="))
    expect(page.get_by_role("navigation", name="Drill-down").locator("[aria-current=page]")).to_have_text(school)
    label = "Kindergarten" if class_work["grade"] == "KG" else f"Grade {class_work['grade'].lstrip('0')}"
    grade_link = _table(page, "Artifacts by grade level").locator("tbody th a").filter(   # the class's grade only:
        has_text=re.compile(rf"^{re.escape(label)}\b")).first                         # others hold other work
    grade = _name(grade_link.inner_text())
    grade_link.click()
    expect(page).to_have_url(re.compile(r"school_id=.+&grade=|grade=.+school_id="))
    expect(page.get_by_role("navigation", name="Drill-down").locator("[aria-current=page]")).to_have_text(grade)
    expect(page.get_by_text(re.compile(r"As of"), exact=False).first).to_be_visible()
    _screenshot(page, "reports-grade.png")
    page.emulate_media(media="print")
    _screenshot(page, "reports-grade-print.png")
    assert page.locator("form.report-filters").is_hidden()                # printing shows the report only
    page.emulate_media(media="screen")

    with page.expect_download() as info:
        _table(page, "Artifacts per skill").get_by_role("link", name=re.compile("as CSV")).click()
    download = info.value
    assert download.suggested_filename == "artifacts_by_skill.csv"
    lines = list(csv.reader(io.StringIO(open(download.path(), encoding="utf-8-sig").read())))
    assert lines[0][0] == "Skill" and lines[-2][0] == "Suppression rule" and lines[-1][0] == "As of"
    cells = [cell for line in lines[1:-3] for cell in line[1:]]
    assert "*" in cells, f"a grade of one demo school has small groups to withhold: {lines}"
    shown = [int(c) for c in cells if c.isdigit()]
    assert all(n == 0 or n >= minimum for n in shown), f"a count under {minimum} was shown: {lines}"


def test_a_school_admin_cannot_reach_another_schools_report(page, platform):
    own = api_as(platform, "school admin").get("/api/v1/me").json()["primary_school_id"]
    schools = api_as(platform, "district admin").get("/api/v1/reports/filter-options").json()["schools"]
    other = next((s["id"] for s in schools if s["id"] != own), "a-school-of-another-admin")
    _login(page, platform, "school admin")
    expect(page.get_by_role("heading", name="School dashboard", level=2)).to_be_visible()
    assert page.get_by_label("School", exact=True).count() == 0              # no other school to pick
    reply = page.goto(f"/reports?school_id={other}")
    assert reply.status == 403
    expect(page.get_by_role("heading", name="You can't open this page")).to_be_visible()
    expect(page.get_by_text("Reports are for district and school administrators")).to_be_visible()
    assert page.request.get(f"/reports/artifacts_by_school.csv?school_id={other}").status == 403


def test_the_dashboard_reflows_at_320_px_and_passes_axe(browser, platform):
    from axe_playwright_python.sync_playwright import Axe
    context = browser.new_context(base_url=platform.url, viewport={"width": 320, "height": 800})
    page = context.new_page()
    _login(page, platform, "district admin")
    expect(page.get_by_role("heading", name="District dashboard", level=2)).to_be_visible()
    for path in ("/", "/reports"):
        page.goto(path)
        scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert scroll <= client, f"{path} scrolls sideways by {scroll - client} px at 320 px"
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a",
                                                                                  "wcag21aa"]},
                                           "resultTypes": ["violations"]})
        assert results.violations_count == 0, results.generate_report()
    context.close()
