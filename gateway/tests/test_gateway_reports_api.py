"""/api/v1/reports through the gateway to a stand-in reporting service: the dashboard and each report as JSON (no
value behind a suppressed cell), the same table as CSV by ``.csv`` or ``?format=csv``, the filter passed on as given,
bad parameters named (422), and the service's refusals (403) for everyone but administrators."""
from __future__ import annotations

import csv
import io

import pytest
from gateway_testkit import api_token, bearer

pytestmark = pytest.mark.integration


@pytest.fixture
def api(client, district):
    tokens: dict[str, dict] = {}

    def headers(username: str) -> dict:
        if username not in tokens:
            tokens[username] = bearer(api_token(client, *district.login(username)))
        return tokens[username]
    return headers


def test_dashboard_json_carries_display_strings_and_no_withheld_values(client, api, district, reporting):
    reply = client.get("/api/v1/reports/dashboard", headers=api("ddunn"),
                       params={"grade": "05", "skill_id": "sk-9"})
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert reporting.filters[-1].grade == "05" and reporting.filters[-1].skill_id == "sk-9"
    assert body["filter"]["school_year_id"] == district.ids["year"]     # the service's default, as applied
    assert body["rule"]["minimum_group_size"] == 10 and body["as_of"].startswith("2026-12-05")
    assert body["headlines"][1] == {"key": "students", "label": "Students",
                                    "cell": {"value": None, "display": "*", "suppressed": True, "reason": "small_cell"}}
    by_skill = next(t for t in body["tables"] if t["name"] == "artifacts_by_skill")
    assert by_skill["rows"][0]["cells"][1] == {"value": None, "display": "*", "suppressed": True,
                                               "reason": "small_cell"}
    assert by_skill["rows"][0]["colour"] == "#1F5FAD" and by_skill["totals"]["label"] == "All skills"


def test_a_report_downloads_as_csv_either_way(client, api):
    as_json = client.get("/api/v1/reports/artifacts_by_skill", headers=api("ddunn"))
    assert as_json.status_code == 200 and as_json.json()["title"] == "Artifacts per skill"
    by_suffix = client.get("/api/v1/reports/artifacts_by_skill.csv", headers=api("ddunn"))
    by_param = client.get("/api/v1/reports/artifacts_by_skill", headers=api("ddunn"), params={"format": "csv"})
    for reply in (by_suffix, by_param):
        assert reply.status_code == 200 and reply.headers["content-type"] == "text/csv; charset=utf-8"
        assert reply.headers["content-disposition"] == 'attachment; filename="artifacts_by_skill.csv"'
    assert by_suffix.text == by_param.text
    rows = list(csv.reader(io.StringIO(by_suffix.content.decode("utf-8-sig"))))
    assert rows[0] == ["Skill", "Added by students", "Added by teachers", "All artifacts"] and rows[1][2] == "*"
    assert rows[-2][0] == "Suppression rule" and rows[-1][0] == "As of"


def test_filter_options_name_what_the_caller_may_choose(client, api, district):
    district_view = client.get("/api/v1/reports/filter-options", headers=api("ddunn")).json()
    assert [s["label"] for s in district_view["schools"]] == ["Maple Elementary", "Oak Middle"]
    assert district_view["fixed_school_id"] == "" and district_view["current_school_year_id"] == district.ids["year"]
    assert [g["label"] for g in district_view["grades"]] == ["Kindergarten", "Grade 5"]
    school_view = client.get("/api/v1/reports/filter-options", headers=api("sshaw")).json()
    assert school_view["fixed_school_id"] == district.ids["school"] and len(school_view["schools"]) == 1


def test_only_administrators_get_reports_and_a_school_admin_only_their_school(client, api, district):
    for username in ("tlee", "aadams", "gadams"):
        for path in ("dashboard", "filter-options", "artifacts_by_skill", "artifacts_by_skill.csv"):
            reply = client.get(f"/api/v1/reports/{path}", headers=api(username))
            assert reply.status_code == 403, (username, path)
            assert reply.json()["error"]["code"] == "PERMISSION_DENIED"
    assert client.get("/api/v1/reports/dashboard", headers=api("sshaw")).status_code == 200
    other = client.get("/api/v1/reports/artifacts_by_school.csv", headers=api("sshaw"),
                       params={"school_id": "org-other-school"})
    assert other.status_code == 403 and "text/csv" not in other.headers["content-type"]
    assert client.get("/api/v1/reports/dashboard").status_code == 401


def test_bad_parameters_are_named(client, api):
    cases = [("/api/v1/reports/Bad-Name", {}, "name"), ("/api/v1/reports/dashboard", {"grade": "5 th"}, "grade"),
             ("/api/v1/reports/dashboard", {"school_id": "x" * 65}, "school_id"),
             ("/api/v1/reports/artifacts_by_skill", {"format": "xml"}, "format"),
             ("/api/v1/reports/no_such_report", {}, "name")]
    for path, params, field in cases:
        reply = client.get(path, headers=api("ddunn"), params=params)
        assert reply.status_code == 422, (path, reply.text)
        assert field in [p["field"].rsplit(".", 1)[-1] for p in reply.json()["error"]["problems"]], reply.text
