"""The passport on the web: the portfolio offers "Digital passport" to the student and their guardian (the artifacts
service's viewer_can), never to a teacher; the page's form works without JavaScript (a CSRF-checked post that
downloads the same streamed zip) and carries what passport.js needs for its progress bar; a forged post is refused."""
from __future__ import annotations

import io
import json
import zipfile

import pytest
from gateway_testkit import csrf_from, web_login

pytestmark = pytest.mark.integration


def signed_in(make_client, district, username):
    client = make_client()
    assert web_login(client, *district.login(username)).status_code == 303
    return client


def test_the_portfolio_offers_the_passport_and_the_form_downloads_it(make_client, district):
    amy = district.ids["amy"]
    student = signed_in(make_client, district, "aadams")
    assert f'href="/students/{amy}/passport"' in student.get(f"/students/{amy}").text
    page = student.get(f"/students/{amy}/passport")
    assert page.status_code == 200 and 'id="passport-form"' in page.text
    assert f'data-api-url="/api/v1/students/{amy}/passport"' in page.text
    assert '<script src="/static/passport.js" defer></script>' in page.text and 'name="reason"' not in page.text
    assert student.get("/static/passport.js").status_code == 200

    forged = student.post(f"/students/{amy}/passport", data={"csrf_token": "nope"})
    assert forged.status_code == 403
    download = student.post(f"/students/{amy}/passport", data={"csrf_token": csrf_from(page.text)})
    assert download.status_code == 200 and download.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(download.content)) as archive:
        assert json.loads(archive.read("passport.json"))["student"]["id"] == amy

    guardian = signed_in(make_client, district, "gadams")
    assert f'href="/students/{amy}/passport"' in guardian.get(f"/students/{amy}").text
    teacher = signed_in(make_client, district, "tlee")
    assert "/passport" not in teacher.get(f"/students/{amy}").text
    teacher_page = teacher.get(f"/students/{amy}/passport")
    refused = teacher.post(f"/students/{amy}/passport", data={"csrf_token": csrf_from(teacher_page.text)})
    assert refused.status_code == 403
