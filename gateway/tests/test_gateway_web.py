"""Web pages against a real roster: login, role homes, CSRF, throttling, session expiry, logout, 403/404 pages."""
from __future__ import annotations

import pytest
from gateway_testkit import FakeClock, csrf_from, web_login

pytestmark = pytest.mark.integration


def test_teacher_logs_in_and_sees_current_students_grouped_by_section(client, district):
    reply = web_login(client, *district.login("tlee"))
    assert reply.status_code == 303 and reply.headers["location"] == "/"
    cookie = reply.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "max-age=1800" in cookie
    home = client.get("/")
    assert home.status_code == 200
    assert "<h2 id=\"students-title\">My students</h2>" in home.text
    assert "Math 5A" in home.text and "Adams, Amy" in home.text and "Brown, Ben" in home.text
    # The fall section's term is over and the other teacher's student is not ours.
    assert "Art 5 (fall)" not in home.text and "Clark" not in home.text and "Diaz" not in home.text
    assert f'href="/students/{district.ids["amy"]}"' in home.text
    assert home.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in home.headers["content-security-policy"]


def test_each_role_gets_its_own_home(client, make_client, district):
    web_login(client, *district.login("gadams"))
    guardian = client.get("/").text
    assert "My children" in guardian and "Amy Adams" in guardian and "Ben" not in guardian

    student_client = make_client()
    web_login(student_client, *district.login("aadams"))
    student = student_client.get("/").text
    assert "My profile" in student and "Maple Elementary" in student and "My students" not in student

    admin_client = make_client()
    web_login(admin_client, *district.login("ddunn"))
    admin = admin_client.get("/").text
    assert "District dashboard" in admin and "Maple Elementary" in admin   # figures: test_gateway_web_reports
    for name in ("Amy", "Ben", "Cal", "Dan", "Tess"):   # counts only, never individuals
        assert name not in admin

    school_admin_client = make_client()
    web_login(school_admin_client, *district.login("sshaw"))
    school = school_admin_client.get("/").text
    assert "School dashboard" in school and "Maple Elementary" in school and "Amy" not in school


def test_wrong_password_shows_an_accessible_error_and_no_session(client, district):
    reply = web_login(client, "tlee", "not-the-password")
    assert reply.status_code == 401
    assert 'role="alert"' in reply.text and "Wrong username or password." in reply.text
    assert 'aria-invalid="true" aria-describedby="password-error"' in reply.text
    assert 'id="password-error"' in reply.text and 'value="tlee"' in reply.text
    assert "<title>Error: Log in" in reply.text
    assert client.get("/").status_code == 303


def test_empty_fields_are_named(client):
    reply = web_login(client, "", "")
    assert reply.status_code == 422
    assert 'href="#username">Enter your username.' in reply.text and 'href="#password">Enter your password.' in reply.text


def test_failed_logins_are_throttled_per_username_and_ip(client, district):
    for _ in range(3):
        assert web_login(client, "tlee", "wrong-password-123").status_code == 401
    blocked = web_login(client, *district.login("tlee"))   # even the right password waits out the window
    assert blocked.status_code == 429
    assert int(blocked.headers["retry-after"]) > 0 and "Too many failed attempts" in blocked.text
    api = client.post("/api/v1/auth/token", data={"username": "TLEE", "password": "x"})
    assert api.status_code == 429 and api.json()["error"]["code"] == "RESOURCE_EXHAUSTED"
    assert int(api.headers["retry-after"]) > 0
    assert web_login(client, *district.login("gadams")).status_code == 303   # other usernames are unaffected


def test_form_posts_without_the_csrf_token_are_rejected(client, district):
    client.get("/login")
    username, password = district.login("tlee")
    missing = client.post("/login", data={"username": username, "password": password})
    forged = client.post("/login", data={"username": username, "password": password, "csrf_token": "forged"})
    assert missing.status_code == 403 and forged.status_code == 403
    assert "did not come from this site" in missing.text
    assert client.get("/").status_code == 303   # not logged in

    web_login(client, username, password)
    assert client.post("/logout", data={}).status_code == 403
    assert client.get("/").status_code == 200   # still logged in


def test_csrf_token_is_rotated_at_login(client, district):
    before = csrf_from(client.get("/login").text)
    web_login(client, *district.login("tlee"))
    assert csrf_from(client.get("/").text) != before


def test_logout_ends_the_session(client, district):
    web_login(client, *district.login("tlee"))
    token = csrf_from(client.get("/").text)
    reply = client.post("/logout", data={"csrf_token": token})
    assert reply.status_code == 303 and reply.headers["location"] == "/login?logged_out=1"
    assert "You have logged out." in client.get("/login?logged_out=1").text
    again = client.get("/")
    assert again.status_code == 303 and again.headers["location"] == "/login?next=/"


def test_idle_session_expires(make_client, district):
    clock = FakeClock()
    client = make_client(clock=clock, session_idle_seconds=2)
    web_login(client, *district.login("tlee"))
    clock.advance(2)
    assert client.get("/").status_code == 200
    clock.advance(3)   # the cookie's signed timestamp has whole-second resolution
    assert client.get("/").status_code == 303


def test_session_has_an_absolute_lifetime_even_when_active(make_client, district):
    clock = FakeClock()
    client = make_client(clock=clock, session_absolute_seconds=3, session_idle_seconds=2)
    web_login(client, *district.login("tlee"))
    for _ in range(2):
        clock.advance(1.2)
        assert client.get("/").status_code == 200   # activity keeps the idle timer fresh ...
    clock.advance(1.2)
    assert client.get("/").status_code == 303      # ... but not past the absolute lifetime


def test_tampered_session_cookie_is_ignored(client, district):
    web_login(client, *district.login("tlee"))
    value = client.cookies.get("skillfolio_session")
    client.cookies.set("skillfolio_session", value[:-2] + ("A" if value[-2] != "A" else "B") + value[-1])
    assert client.get("/").status_code == 303


def test_login_redirects_only_to_local_paths(client, district):
    assert web_login(client, *district.login("tlee"), next_path="https://evil.example/").headers["location"] == "/"
    client.cookies.clear()
    assert web_login(client, *district.login("tlee"), next_path="//evil.example").headers["location"] == "/"


def test_student_page_respects_portfolio_access(client, district):
    web_login(client, *district.login("tlee"))
    own = client.get(f"/students/{district.ids['amy']}")
    assert own.status_code == 200 and "<h1>Portfolio of Amy Adams</h1>" in own.text
    other = client.get(f"/students/{district.ids['dan']}")
    assert other.status_code == 403 and "<h1>You can&#39;t open this page</h1>" in other.text
    anonymous = client.__class__(client.app, follow_redirects=False)
    reply = anonymous.get(f"/students/{district.ids['amy']}")
    assert reply.status_code == 303 and reply.headers["location"] == f"/login?next=/students/{district.ids['amy']}"


def test_unknown_page_is_a_404_page(client):
    reply = client.get("/no/such/page")
    assert reply.status_code == 404 and "<h1>Not Found</h1>" in reply.text and 'lang="en"' in reply.text
