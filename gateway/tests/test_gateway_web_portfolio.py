"""Portfolio web pages against real roster, skills and artifacts services: the gallery with its filters kept in
the URL and keyset "More" link, adding a link without JavaScript, the artifact page, edit and delete, friendly
403 pages for everyone the artifacts service refuses, escaping, and the Content-Security-Policy's style nonce."""
from __future__ import annotations

import re
import uuid

import pytest
from fastapi.testclient import TestClient
from gateway_testkit import csrf_from, web_login

pytestmark = pytest.mark.integration
ARTIFACT_URL = re.compile(r"^/artifacts/([^/?]+)$")


def logged_in(make_client, district, username: str) -> TestClient:
    client = make_client()
    assert web_login(client, *district.login(username)).status_code == 303
    return client


def add_link(client: TestClient, student_id: str, title: str, skills: list[str], year: str = "",
             url: str = "https://example.org/work") -> str:
    """Add a link artifact through the no-JavaScript form; returns its id."""
    form = client.get(f"/students/{student_id}/artifacts/new")
    assert form.status_code == 200, form.text
    reply = client.post(f"/students/{student_id}/artifacts/new", data={
        "csrf_token": csrf_from(form.text), "title": title, "description": "Made in class", "kind": "link",
        "skill_ids": skills, "school_year_id": year, "link_url": url})
    assert reply.status_code == 303, reply.text
    return ARTIFACT_URL.match(reply.headers["location"]).group(1)


def card_titles(html: str) -> list[str]:
    return re.findall(r'<a class="card-link" href="/artifacts/[^"]+">([^<]*)</a>', html)


def test_student_adds_a_link_tagged_with_two_skills_and_sees_it_in_the_gallery(make_client, district, skill_ids):
    amy = district.ids["amy"]
    client = logged_in(make_client, district, "aadams")
    form = client.get(f"/students/{amy}/artifacts/new")
    # Every control has a label; the retired skill is not offered; the current school year is preselected.
    for control in re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', form.text):
        assert f'<label for="{control}">' in form.text, control
    assert "Effective Communicator" in form.text and "Garden Steward" in form.text
    assert "Collaborator" not in form.text
    assert f'<option value="{district.ids["year"]}" selected>' in form.text
    assert f'<meta name="csrf-token" content="{csrf_from(form.text)}">' in form.text

    word = uuid.uuid4().hex[:8]
    artifact_id = add_link(client, amy, f"Solar oven {word}", [skill_ids["communicator"], skill_ids["gardener"]])
    page = client.get(f"/artifacts/{artifact_id}")
    assert page.status_code == 200 and f"<h1>Solar oven {word}</h1>" in page.text
    assert "Effective Communicator" in page.text and "Garden Steward" in page.text
    assert 'href="https://example.org/work" rel="noopener noreferrer nofollow"' in page.text
    for action in ("edit", "versions/new", "delete"):                 # she added it: she may change it
        assert f'href="/artifacts/{artifact_id}/{action}"' in page.text
    gallery = client.get(f"/students/{amy}", params={"q": word})
    assert gallery.status_code == 200 and card_titles(gallery.text) == [f"Solar oven {word}"]
    assert "<h1>My portfolio</h1>" in gallery.text and 'href="/students/' + amy + '/artifacts/new"' in gallery.text


def test_filters_narrow_the_gallery_and_stay_in_the_url(make_client, district, skill_ids):
    amy = district.ids["amy"]
    client = logged_in(make_client, district, "aadams")
    word = uuid.uuid4().hex[:8]
    add_link(client, amy, f"Poem {word}", [skill_ids["communicator"]])
    add_link(client, amy, f"Bridge {word}", [skill_ids["thinker"]])
    assert sorted(card_titles(client.get(f"/students/{amy}", params={"q": word}).text)) == \
        [f"Bridge {word}", f"Poem {word}"]
    by_skill = client.get(f"/students/{amy}", params={"q": word, "skill": skill_ids["thinker"]})
    assert card_titles(by_skill.text) == [f"Bridge {word}"]
    assert f'value="{skill_ids["thinker"]}" checked' in by_skill.text and f'value="{word}"' in by_skill.text
    either = client.get(f"/students/{amy}", params=[("q", word), ("skill", skill_ids["thinker"]),
                                                    ("skill", skill_ids["communicator"])])
    assert len(card_titles(either.text)) == 2                        # skills match ANY of those ticked
    this_year = client.get(f"/students/{amy}", params={"q": word, "year": district.ids["year"]})
    assert len(card_titles(this_year.text)) == 2
    assert f'<option value="{district.ids["year"]}" selected>' in this_year.text
    none = client.get(f"/students/{amy}", params={"q": f"nothing-{word}"})
    assert card_titles(none.text) == [] and "No artifacts match these filters." in none.text
    assert "Add your first artifact" not in none.text


def test_more_link_pages_through_the_gallery_keeping_the_filters(make_client, district, skill_ids):
    ben = district.ids["ben"]
    client = logged_in(make_client, district, "bbrown")
    word = uuid.uuid4().hex[:8]
    for n in range(25):
        add_link(client, ben, f"Sketch {n:02d} {word}", [skill_ids["thinker"]])
    first = client.get(f"/students/{ben}", params={"q": word})
    assert len(card_titles(first.text)) == 24 and card_titles(first.text)[0] == f"Sketch 24 {word}"
    more = re.search(r'rel="next" href="([^"]+)"', first.text)
    assert more and f"q={word}" in more.group(1)
    second = client.get(more.group(1).replace("&amp;", "&"))
    assert card_titles(second.text) == [f"Sketch 00 {word}"] and 'rel="next"' not in second.text


def test_a_script_title_is_shown_as_text(make_client, district, skill_ids):
    amy = district.ids["amy"]
    client = logged_in(make_client, district, "aadams")
    title = f"<script>alert('x')</script> {uuid.uuid4().hex[:6]}"
    artifact_id = add_link(client, amy, title, [skill_ids["thinker"]])
    for page in (client.get(f"/artifacts/{artifact_id}"), client.get(f"/students/{amy}")):
        assert "<script>alert" not in page.text
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page.text


def test_teacher_opens_current_students_only(make_client, district, skill_ids):
    teacher = logged_in(make_client, district, "tlee")
    home = teacher.get("/").text
    assert f'href="/students/{district.ids["amy"]}"' in home
    gallery = teacher.get(f"/students/{district.ids['amy']}")
    assert gallery.status_code == 200 and "<h1>Portfolio of Amy Adams</h1>" in gallery.text
    assert f'href="/students/{district.ids["amy"]}/artifacts/new"' in gallery.text
    # Cal was in Tess's fall section, which has ended: a former teacher is refused, with a page that says why.
    former = teacher.get(f"/students/{district.ids['cal']}")
    assert former.status_code == 403 and "You can&#39;t open this page" in former.text
    assert "teachers the portfolios of the students they teach now" in former.text
    assert teacher.get(f"/students/{district.ids['cal']}/artifacts/new").status_code == 403
    assert teacher.get(f"/students/{district.ids['dan']}").status_code == 403


def test_admins_and_guardians_see_what_their_role_allows(make_client, district, skill_ids):
    amy = district.ids["amy"]
    student = logged_in(make_client, district, "aadams")
    artifact_id = add_link(student, amy, f"Model {uuid.uuid4().hex[:6]}", [skill_ids["thinker"]])
    for admin in ("ddunn", "sshaw"):
        client = logged_in(make_client, district, admin)
        for path in (f"/students/{amy}", f"/artifacts/{artifact_id}"):
            reply = client.get(path)
            assert reply.status_code == 403 and "Administrators see counts only" in reply.text, (admin, path)
    guardian = logged_in(make_client, district, "gadams")
    gallery = guardian.get(f"/students/{amy}")
    assert gallery.status_code == 200 and "Portfolio of Amy Adams" in gallery.text
    assert "artifacts/new" not in gallery.text                       # guardians view, never add
    page = guardian.get(f"/artifacts/{artifact_id}")
    assert page.status_code == 200 and f"/artifacts/{artifact_id}/edit" not in page.text
    assert guardian.get(f"/students/{district.ids['ben']}").status_code == 403


def test_form_pages_open_only_for_whoever_the_artifacts_service_lets_submit_them(make_client, district, skill_ids):
    """The pages read ``viewer_can`` from the artifacts service: no link, and the form page itself is the 403 page,
    for a guardian and for admins; the student and a current teacher get the forms (and the teacher the edit
    pages of what they added only)."""
    amy = district.ids["amy"]
    student = logged_in(make_client, district, "aadams")
    theirs = add_link(student, amy, f"Kite {uuid.uuid4().hex[:6]}", [skill_ids["thinker"]])
    teacher = logged_in(make_client, district, "tlee")
    assert f'href="/students/{amy}/artifacts/new"' in teacher.get(f"/students/{amy}").text
    mine = add_link(teacher, amy, f"Lab notes {uuid.uuid4().hex[:6]}", [skill_ids["thinker"]])
    changes = ("edit", "versions/new", "delete")
    for action in changes:
        assert f'href="/artifacts/{mine}/{action}"' in teacher.get(f"/artifacts/{mine}").text
        assert teacher.get(f"/artifacts/{mine}/{action}").status_code == 200, action
        assert teacher.get(f"/artifacts/{theirs}/{action}").status_code == 403, action
        assert student.get(f"/artifacts/{theirs}/{action}").status_code == 200, action
    guardian = logged_in(make_client, district, "gadams")
    page = guardian.get(f"/artifacts/{theirs}").text
    assert not any(f"/artifacts/{theirs}/{action}" in page for action in changes)
    for client in (guardian, logged_in(make_client, district, "ddunn"), logged_in(make_client, district, "sshaw")):
        form = client.get(f"/students/{amy}/artifacts/new")
        assert form.status_code == 403 and "You can&#39;t open this page" in form.text and "link_url" not in form.text
        for artifact_id in (theirs, mine):
            for action in changes:
                assert client.get(f"/artifacts/{artifact_id}/{action}").status_code == 403, (artifact_id, action)


def test_only_whoever_added_an_artifact_edits_it(make_client, district, skill_ids):
    amy = district.ids["amy"]
    student = logged_in(make_client, district, "aadams")
    artifact_id = add_link(student, amy, "Rough draft", [skill_ids["thinker"]])
    form = student.get(f"/artifacts/{artifact_id}/edit")
    assert form.status_code == 200 and 'value="Rough draft"' in form.text
    saved = student.post(f"/artifacts/{artifact_id}/edit", data={
        "csrf_token": csrf_from(form.text), "title": "Final draft", "description": "Second try",
        "skill_ids": [skill_ids["thinker"], skill_ids["communicator"]], "school_year_id": district.ids["year"]})
    assert saved.status_code == 303 and saved.headers["location"] == f"/artifacts/{artifact_id}?saved=1"
    page = student.get(saved.headers["location"]).text
    assert "<h1>Final draft</h1>" in page and "Changes saved." in page and "Effective Communicator" in page

    invalid = student.post(f"/artifacts/{artifact_id}/edit", data={
        "csrf_token": csrf_from(form.text), "title": "", "description": "", "skill_ids": []})
    assert invalid.status_code == 422 and 'role="alert"' in invalid.text and 'href="#title"' in invalid.text
    assert 'href="#skills"' in invalid.text and "<title>Error: Edit" in invalid.text

    teacher = logged_in(make_client, district, "tlee")
    seen = teacher.get(f"/artifacts/{artifact_id}")
    assert seen.status_code == 200 and f"/artifacts/{artifact_id}/edit" not in seen.text
    refused = teacher.post(f"/artifacts/{artifact_id}/edit", data={
        "csrf_token": csrf_from(seen.text), "title": "Hijacked", "skill_ids": [skill_ids["thinker"]]})
    assert refused.status_code == 403 and "Only the person who added this artifact can change it." in refused.text
    assert "<h1>Final draft</h1>" in student.get(f"/artifacts/{artifact_id}").text


def test_delete_asks_first_and_needs_the_csrf_token(make_client, district, skill_ids):
    amy = district.ids["amy"]
    student = logged_in(make_client, district, "aadams")
    artifact_id = add_link(student, amy, "Old poster", [skill_ids["thinker"]])
    confirm = student.get(f"/artifacts/{artifact_id}/delete")
    assert confirm.status_code == 200 and "Delete “Old poster”?" in confirm.text
    assert student.post(f"/artifacts/{artifact_id}/delete", data={}).status_code == 403
    deleted = student.post(f"/artifacts/{artifact_id}/delete", data={"csrf_token": csrf_from(confirm.text)})
    assert deleted.status_code == 303 and deleted.headers["location"] == f"/students/{amy}?deleted=1"
    assert "Artifact deleted." in student.get(deleted.headers["location"]).text
    assert student.get(f"/artifacts/{artifact_id}").status_code in (403, 404)


def test_adding_without_javascript_explains_files_and_names_bad_fields(make_client, district, skill_ids):
    amy = district.ids["amy"]
    client = logged_in(make_client, district, "aadams")
    token = csrf_from(client.get(f"/students/{amy}/artifacts/new").text)
    file_kind = client.post(f"/students/{amy}/artifacts/new", data={
        "csrf_token": token, "title": "Photo", "kind": "image", "skill_ids": [skill_ids["thinker"]]})
    assert file_kind.status_code == 422 and "Uploading a file needs JavaScript" in file_kind.text
    bad = client.post(f"/students/{amy}/artifacts/new", data={
        "csrf_token": token, "title": "", "kind": "link", "link_url": "javascript:alert(1)"})
    assert bad.status_code == 422 and 'role="alert"' in bad.text
    for field in ("title", "skills", "link_url"):
        assert f'href="#{field}"' in bad.text, field
    assert 'aria-invalid="true"' in bad.text and 'value="javascript:alert(1)"' in bad.text   # kept, escaped


def test_skill_colours_come_through_a_nonced_style(make_client, district):
    client = logged_in(make_client, district, "aadams")
    gallery = client.get(f"/students/{district.ids['amy']}")
    nonce = re.search(r"style-src 'self' 'nonce-([^']+)'", gallery.headers["content-security-policy"]).group(1)
    assert f'<style nonce="{nonce}">' in gallery.text
    assert re.search(r"\.skill-\d+ \{ background: #1F5FAD; color: #FFFFFF; \}", gallery.text)
    assert "script-src" not in gallery.headers["content-security-policy"]    # scripts: 'self' only (default-src)
    assert ' style="' not in gallery.text                                      # no inline style attributes


def test_a_new_version_of_a_link_is_listed_first(make_client, district, skill_ids):
    amy = district.ids["amy"]
    client = logged_in(make_client, district, "aadams")
    artifact_id = add_link(client, amy, "Blog", [skill_ids["thinker"]], url="https://example.org/v1")
    form = client.get(f"/artifacts/{artifact_id}/versions/new")
    assert form.status_code == 200 and f'data-version-url="/api/v1/artifacts/{artifact_id}/versions"' in form.text
    assert 'value="https://example.org/v1"' in form.text and '<label for="link_url">' in form.text
    added = client.post(f"/artifacts/{artifact_id}/versions/new", data={
        "csrf_token": csrf_from(form.text), "link_url": "https://example.org/v2"})
    assert added.status_code == 303 and added.headers["location"] == f"/artifacts/{artifact_id}"
    page = client.get(f"/artifacts/{artifact_id}").text
    versions = re.findall(r"<strong>Version (\d)</strong>", page)
    assert versions == ["2", "1"] and "Version 2</strong> (current)" in page
    assert 'href="https://example.org/v2" rel="noopener noreferrer nofollow" target="_blank"' in page
    teacher = logged_in(make_client, district, "tlee")
    refused = teacher.post(f"/artifacts/{artifact_id}/versions/new", data={
        "csrf_token": csrf_from(teacher.get("/").text), "link_url": "https://example.org/v3"})
    assert refused.status_code == 403 and "Only the person who added this artifact" in refused.text
