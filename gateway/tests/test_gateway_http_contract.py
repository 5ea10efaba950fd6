"""The HTTP contract every answer keeps: /docs works offline from this origin, security headers on every response,
the JSON error envelope for every /api failure (a bug's 500, an unreadable body, an oversized integer), and
OPTIONS / 405 answers that name the allowed methods."""
from __future__ import annotations

import re

import pytest
from gateway_testkit import api_token, bearer

pytestmark = pytest.mark.integration

SECURITY_HEADERS = ("x-content-type-options", "referrer-policy", "x-frame-options", "permissions-policy",
                    "content-security-policy")


def assert_security_headers(response, cache: str = "no-store") -> None:
    for name in SECURITY_HEADERS:
        assert response.headers.get(name), f"{response.request.url} lacks {name}"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == cache


def assert_envelope(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["error"]["code"] == code and body["error"]["message"]
    assert body["correlation_id"] == response.headers["x-correlation-id"]
    return body


def test_docs_page_loads_swagger_ui_from_this_origin_only(client):
    page = client.get("/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert_security_headers(page)
    policy = page.headers["content-security-policy"]
    assert "http:" not in policy and "https:" not in policy and "*" not in policy
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "<script>" not in page.text   # no inline script: the CSP allows none
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert {"/docs/assets/swagger-ui-bundle.js", "/docs/assets/swagger-ui.css", "/static/docs.js"} <= set(assets)
    types = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}
    for asset in assets:
        assert asset.startswith("/") and not asset.startswith("//"), f"{asset} is not on this origin"
        reply = client.get(asset)
        assert reply.status_code == 200, asset
        assert reply.headers["content-type"].startswith(types[asset[asset.rindex("."):]]), asset
        assert reply.headers["x-content-type-options"] == "nosniff"
    assert "SwaggerUIBundle" in client.get("/docs/assets/swagger-ui-bundle.js").text
    assert "/openapi.json" in client.get("/static/docs.js").text


def test_every_kind_of_answer_carries_the_security_headers(client, district):
    token = api_token(client, *district.login("tlee"))
    assert_security_headers(client.get("/api/v1/me", headers=bearer(token)))           # personal data
    assert_security_headers(client.get("/api/v1/me"))                                  # a JSON error
    assert_security_headers(client.get("/healthz"))
    assert_security_headers(client.get("/login"))                                      # a page keeps its own CSP
    assert "style-src 'self' 'nonce-" in client.get("/login").headers["content-security-policy"]
    assert_security_headers(client.get("/static/style.css"), cache="public, max-age=3600")   # same for all
    assert "strict-transport-security" not in client.get("/healthz").headers         # plain HTTP: no HSTS


def test_hsts_when_served_over_https(make_client):
    behind_https = make_client(public_url="https://skillfolio.example.org")
    assert behind_https.get("/healthz").headers["strict-transport-security"].startswith("max-age=")
    direct = make_client()
    direct.base_url = "https://testserver"
    assert direct.get("/healthz").headers["strict-transport-security"].startswith("max-age=")


def test_an_unexpected_exception_is_the_json_envelope_with_headers(make_app):
    from fastapi.testclient import TestClient

    app = make_app()

    @app.get("/api/v1/test-boom")
    async def boom():
        raise RuntimeError("a bug with internals: /secret/path")

    with TestClient(app) as client:   # raises if the exception escaped to Starlette
        reply = client.get("/api/v1/test-boom")
        body = assert_envelope(reply, 500, "INTERNAL")
        assert "/secret/path" not in reply.text
        assert_security_headers(reply)
        assert body["correlation_id"]


def test_an_integer_beyond_64_bits_is_a_422_naming_the_field(client, district):
    token = api_token(client, *district.login("aadams"))
    huge = 2**64 + 1
    for url, body, field in [
        (f"/api/v1/students/{district.ids['amy']}/artifacts",
         {"title": "t", "kind": "image", "skill_ids": ["s"], "file": {"name": "a.png", "size_bytes": huge}},
         "file.size_bytes"),
        ("/api/v1/artifacts/some-artifact/reflections",
         {"media": {"kind": "audio", "file_name": "a.webm", "size_bytes": huge}}, "media.size_bytes"),
        ("/api/v1/artifacts/some-artifact/versions", {"file": {"name": "a.png", "size_bytes": -huge}},
         "file.size_bytes"),
    ]:
        reply = client.post(url, headers=bearer(token), json=body)
        assert_envelope(reply, 422, "INVALID_ARGUMENT")
        assert field in [p["field"] for p in reply.json()["error"]["problems"]], reply.text


def test_an_unreadable_body_is_a_documented_422(client, district):
    token = api_token(client, *district.login("aadams"))
    for content in (b"\xff\xfe\x00not utf-8", b"{not json"):
        reply = client.post("/api/v1/artifacts/some-artifact/comments", content=content,
                            headers={**bearer(token), "Content-Type": "application/json"})
        body = assert_envelope(reply, 422, "INVALID_ARGUMENT")
        assert body["error"]["problems"][0]["field"] == "body"


def test_options_and_405_name_every_method_of_the_path(client, district):
    options = client.options("/api/v1/artifacts/any-id")
    assert options.status_code == 204
    assert set(options.headers["allow"].split(", ")) == {"GET", "HEAD", "PATCH", "DELETE", "OPTIONS"}
    wrong = client.put("/api/v1/students/any-id/artifacts")
    assert_envelope(wrong, 405, "METHOD_NOT_ALLOWED")
    assert set(wrong.headers["allow"].split(", ")) == {"GET", "HEAD", "POST", "OPTIONS"}
    page = client.request("TRACE", "/healthz")   # outside /api: the error page, with Allow all the same
    assert page.status_code == 405 and page.headers["allow"] == "GET, HEAD, OPTIONS"
    assert client.options("/static/style.css").headers["allow"] == "GET, HEAD, OPTIONS"
    assert client.options("/no/such/path").status_code == 404
