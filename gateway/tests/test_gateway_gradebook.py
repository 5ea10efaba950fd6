"""The competency gradebook through the gateway against real roster, skills, artifacts and reflections servers: the
teacher's home page links each section's gradebook; the grid (API and page) has the section's students x the
district's skills with evidence counts, levels and gaps; the term filter and CSV; quick-assess from the grid; and the
access matrix of the new routes (only a current teacher of the section; everyone else 403, unknown terms 422)."""
from __future__ import annotations

import csv
import io
import re

import pytest
from gateway_testkit import api_token, bearer, csrf_from, web_login
from progress_fixtures import panel_rubric, people, roster_engine, sync  # noqa: F401  (fixtures)

pytestmark = pytest.mark.integration


def grid(client, district, username: str, section: str, expect: int = 200, **params):
    reply = client.get(f"/api/v1/sections/{district.ids[section]}/gradebook", params=params,
                       headers=bearer(api_token(client, *district.login(username))))
    assert reply.status_code == expect, reply.text
    return reply


def cell(book: dict, student_id: str, skill_id: str) -> dict:
    row = next(r for r in book["students"] if r["student_id"] == student_id)
    return next(c for c in row["cells"] if c["skill_id"] == skill_id)


def test_the_grid_counts_evidence_shows_gaps_and_exports(client, people, district, skill_ids, sync):
    amy, ben, communicator = district.ids["amy"], district.ids["ben"], skill_ids["communicator"]
    before = grid(client, district, "tlee", "math").json()
    assert before["term"]["title"] == "Spring" and [t["title"] for t in before["terms"]] == ["Spring"]
    assert {r["name"] for r in before["students"]} == {"Amy Adams", "Ben Brown"}   # Cal's section ended
    assert communicator in [s["id"] for s in before["skills"]] and all(s["colour"] for s in before["skills"])
    counted = cell(before, amy, communicator)["evidence_count"]
    people("tlee").add_link(amy, communicator, year_id=district.ids["year"], title="Class talk")
    sync()
    book = grid(client, district, "tlee", "math").json()
    mine = cell(book, amy, communicator)
    assert mine["evidence_count"] == counted + 1 and "no_evidence" not in mine["gaps"] and mine["latest_artifact_id"]
    for row in book["students"]:
        for c in row["cells"]:
            assert ("no_evidence" in c["gaps"]) == (c["evidence_count"] == 0)
            assert ("no_assessment" in c["gaps"]) == (not c["assessed_this_term"])
    assert any(c["evidence_count"] == 0 for c in next(r for r in book["students"] if r["student_id"] == ben)["cells"])
    exported = grid(client, district, "tlee", "math", format="csv")
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(exported.text)))
    assert rows[0][0] == "Student" and len(rows) == 1 + len(book["students"])
    assert len(rows[0]) == 1 + 3 * len(book["skills"])


@pytest.mark.parametrize("username", ["tkim", "aadams", "gadams", "sshaw", "ddunn"])
def test_only_a_current_teacher_of_the_section_gets_the_grid(client, district, sync, username):
    grid(client, district, username, "math", expect=403)


def test_a_finished_section_and_an_unknown_term_are_refused(client, district, sync):
    grid(client, district, "tlee", "art", expect=403)            # taught it, but its term has ended
    bad = grid(client, district, "tlee", "math", expect=422, term_id="no-such-term")
    assert any(p["field"] == "term_id" for p in bad.json()["error"]["problems"])


def test_the_page_leads_from_home_and_quick_assesses_from_the_grid(make_client, people, district, skill_ids, sync):
    amy, communicator = district.ids["amy"], skill_ids["communicator"]
    people("tlee").add_link(amy, communicator, year_id=district.ids["year"], title="Poster talk")
    sync()
    client = make_client()
    web_login(client, *district.login("tlee"))
    home = client.get("/")
    path = f"/sections/{district.ids['math']}/gradebook"
    assert f'href="{path}"' in home.text
    page = client.get(path)
    assert page.status_code == 200
    assert "<table" in page.text and '<th scope="col">' in page.text and '<th scope="row">' in page.text
    assert "<caption>" in page.text and "Gap: no evidence this term" in page.text
    assert f'href="/students/{amy}?skill={communicator}"' in page.text
    td = page.text.split(f'id="cell-{amy}-{communicator}"', 1)[1].split("</td>", 1)[0]
    artifact_id = re.search(r'name="artifact_id" value="([^"]+)"', td).group(1)

    level = re.findall(r'<option value="(\d+)">([^<]+)</option>', td)[-1]
    done = client.post(f"{path}/assess", data={
        "csrf_token": csrf_from(page.text), "artifact_id": artifact_id, "skill_id": communicator,
        "student_id": amy, "level_rank": level[0], "comment": "Clear and confident."})
    assert done.status_code == 303 and done.headers["location"].startswith(path)
    sync()
    after = client.get(done.headers["location"])
    assert after.status_code == 200, after.text[:2000]
    td = after.text.split(f'id="cell-{amy}-{communicator}"', 1)[1].split("</td>", 1)[0]
    assert level[1] in td and "Gap: not assessed this term" not in td and "Assessment saved." in after.text
    missing = client.post(f"{path}/assess", data={
        "csrf_token": csrf_from(page.text), "artifact_id": artifact_id, "skill_id": communicator,
        "student_id": amy, "level_rank": level[0], "comment": ""})
    assert missing.status_code == 422 and "comment" in missing.text
    assert client.get(f"{path}.csv").headers["content-type"].startswith("text/csv")
    outsider = make_client()
    web_login(outsider, *district.login("tkim"))
    assert outsider.get(path).status_code == 403
